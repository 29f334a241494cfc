// Draws the dashboard's Vega-Lite charts (specs in json_script tags) and the map of countries
// reached; runs again when htmx swaps the report in after the form changes.
(function () {
  let map = null;
  function charts(root) {
    if (typeof vegaEmbed === "undefined") return;
    root.querySelectorAll(".report-chart[data-spec]").forEach((el) => {
      const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      delete spec.title; // the card shows it already
      vegaEmbed(el, spec, { actions: false, renderer: "svg" });
    });
  }
  function countries() {
    const el = document.getElementById("countries-map");
    if (!el || typeof L === "undefined") return;
    if (map) { map.remove(); map = null; }
    const points = JSON.parse(document.getElementById("countries-points").textContent);
    map = L.map(el, { worldCopyJump: true }).setView([30, 10], 2);
    // Tiles come from OpenStreetMap when online; the markers work without them.
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18, attribution: "&copy; OpenStreetMap contributors",
    }).addTo(map);
    const bounds = [];
    points.forEach((p) => {
      const total = p.agreements + p.delegations + p.participants;
      bounds.push([p.lat, p.lon]);
      const text = p.name.replace(/</g, "&lt;") + " — " + [
        el.dataset.agreements + " " + p.agreements,
        el.dataset.delegations + " " + p.delegations,
        el.dataset.participants + " " + p.participants,
      ].join(", ");
      L.circleMarker([p.lat, p.lon], {
        radius: Math.min(20, 5 + Math.sqrt(total) * 2), color: "#0d6efd", fillOpacity: 0.6,
      }).bindTooltip(text).addTo(map);
    });
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 5 });
    else if (bounds.length === 1) map.setView(bounds[0], 4);
  }
  function draw(root) { charts(root); countries(); }
  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.body.addEventListener("htmx:afterSettle", (e) => draw(e.detail.elt || document));
})();
