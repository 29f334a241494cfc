// Map of the directory results: fetches the points of the current search (same query string)
// and draws them with marker clusters. Re-draws after each htmx swap of the results.
(function () {
  "use strict";
  var element = document.getElementById("directory-map");
  if (!element || typeof L === "undefined") { return; }
  var map = L.map(element, { scrollWheelZoom: false }).setView([30, 10], 2);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
  }).addTo(map);
  var cluster = L.markerClusterGroup();
  map.addLayer(cluster);
  var lastUrl = null;

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function draw() {
    var meta = document.getElementById("results-meta");
    if (!meta) { return; }
    var url = meta.getAttribute("data-map-url");
    if (url === lastUrl) { return; }
    lastUrl = url;
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        cluster.clearLayers();
        var markers = data.points.map(function (p) {
          var label = '<a href="' + escapeHtml(p.url) + '">' + escapeHtml(p.name) + "</a>" +
            (p.city ? "<br>" + escapeHtml(p.city) : "");
          return L.marker([p.latitude, p.longitude], { title: p.name }).bindPopup(label);
        });
        cluster.addLayers(markers);
        element.setAttribute("data-points", String(markers.length));
        if (markers.length) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 12, padding: [20, 20] });
        }
      });
  }

  draw();
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "results") { draw(); }
  });
})();
