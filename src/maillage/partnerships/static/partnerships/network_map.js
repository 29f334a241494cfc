// Draws the organisations of the network on a Leaflet map with a line for each tie.
(function () {
  const el = document.getElementById("network-map");
  if (!el || typeof L === "undefined") return;
  const nodes = JSON.parse(document.getElementById("network-nodes").textContent);
  const edges = JSON.parse(document.getElementById("network-edges").textContent);
  const map = L.map(el, { worldCopyJump: true }).setView([30, 20], 2);
  // Tiles come from OpenStreetMap when online; the lines and markers work without them.
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "&copy; OpenStreetMap contributors",
  }).addTo(map);
  const byId = {};
  const bounds = [];
  nodes.forEach((n) => {
    if (n.lat === null || n.lon === null) return;
    byId[n.id] = n;
    bounds.push([n.lat, n.lon]);
    const color = n.kind === "park" ? "#198754" : n.kind === "network" ? "#6f42c1" : "#fd7e14";
    L.circleMarker([n.lat, n.lon], { radius: 7, color: color, fillOpacity: 0.9 })
      .bindPopup('<a href="' + n.profile + '">' + n.name.replace(/</g, "&lt;") + "</a> (" + n.country + ")")
      .addTo(map);
  });
  edges.forEach((e) => {
    const a = byId[e.a], b = byId[e.b];
    if (!a || !b) return;
    L.polyline([[a.lat, a.lon], [b.lat, b.lon]], {
      color: e.membership ? "#adb5bd" : "#0d6efd", weight: 2, dashArray: e.membership ? "5 4" : null,
    }).bindTooltip(e.label.replace(/</g, "&lt;")).addTo(map);
  });
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30] });
  document.querySelectorAll('[data-bs-target="#tab-map"]').forEach((b) =>
    b.addEventListener("shown.bs.tab", () => map.invalidateSize()));
})();
