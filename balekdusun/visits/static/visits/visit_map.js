// The visit page's small map: where the visit was recorded and where the house is (Leaflet, as on the map page).
(function () {
  "use strict";
  const el = document.getElementById("visit-map");
  if (!el || !window.L) return;
  const points = JSON.parse(el.dataset.points);
  const map = L.map(el, { zoomControl: false, scrollWheelZoom: false });
  // Controls in the page's language: Leaflet's own titles are English ("Zoom in", "A JavaScript library for ...").
  L.control.zoom({ zoomInTitle: el.dataset.zoomIn || "+", zoomOutTitle: el.dataset.zoomOut || "-" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap" }).addTo(map);
  }
  const layer = L.featureGroup().addTo(map);
  for (const p of points) {
    const style = p.kind === "visit"
      ? { radius: 7, color: "#fff", weight: 2, fillColor: "#c0392b", fillOpacity: 0.95 }
      : { radius: 9, color: "#1f6f8b", weight: 2, fillColor: "#1f6f8b", fillOpacity: 0.3 };
    L.circleMarker([p.lat, p.lon], style).bindTooltip(p.label).addTo(layer);
  }
  map.fitBounds(layer.getBounds(), { maxZoom: 18, padding: [30, 30] });
  // For people reading the page source and for the browser test.
  el.dataset.drawn = String(points.length);
})();
