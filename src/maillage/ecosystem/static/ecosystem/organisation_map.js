// Small map on an organisation page: one marker at the organisation's coordinates.
(function () {
  "use strict";
  var element = document.getElementById("organisation-map");
  var data = document.getElementById("organisation-point");
  if (!element || !data || typeof L === "undefined") { return; }
  var point = JSON.parse(data.textContent);
  var map = L.map(element, { scrollWheelZoom: false }).setView([point.latitude, point.longitude], 13);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
  }).addTo(map);
  L.marker([point.latitude, point.longitude], { title: point.name }).addTo(map);
})();
