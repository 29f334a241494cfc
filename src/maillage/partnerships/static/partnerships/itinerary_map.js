// The delegation's visits as numbered markers joined in the order of the itinerary.
(function () {
  const el = document.getElementById("itinerary-map");
  if (!el || typeof L === "undefined") return;
  const points = JSON.parse(document.getElementById("itinerary-points").textContent);
  const map = L.map(el).setView([30, 20], 2);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "&copy; OpenStreetMap contributors",
  }).addTo(map);
  const line = points.map((p) => [p.lat, p.lon]);
  points.forEach((p, i) => {
    L.marker([p.lat, p.lon]).bindTooltip(i + 1 + ". " + p.label.replace(/</g, "&lt;")).addTo(map);
  });
  if (line.length > 1) {
    L.polyline(line, { color: "#0d6efd" }).addTo(map);
    map.fitBounds(line, { padding: [30, 30] });
  } else if (line.length === 1) {
    map.setView(line[0], 11);
  }
})();
