// Map page: asks the server for the houses in view (single points or grid clusters) after every move.
(function () {
  "use strict";
  const el = document.getElementById("map");
  if (!el || !window.L) return;
  const colours = JSON.parse(el.dataset.colours);
  const map = L.map(el, { zoomControl: false, preferCanvas: true });
  // Controls in the page's language: Leaflet's own titles are English ("Zoom in", "A JavaScript library for ...").
  L.control.zoom({ zoomInTitle: el.dataset.zoomIn || "+", zoomOutTitle: el.dataset.zoomOut || "-" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap" }).addTo(map);
  }
  map.fitBounds(JSON.parse(el.dataset.bounds), { maxZoom: 17, padding: [20, 20] });
  const layer = L.layerGroup().addTo(map);
  let pending = null;

  function draw(data) {
    layer.clearLayers();
    // What is on screen, for people reading the page source and for the browser test (markers are on a canvas).
    el.dataset.drawn = `${data.mode} ${data.features.length} ${(data.villages || []).length}`;
    for (const v of data.villages || []) {
      L.circleMarker([v.lat, v.lon], { radius: v.radius, color: "#1f6f8b", weight: 1, fillOpacity: 0.15 })
        .bindTooltip(`${v.name}: ${v.reached}/${v.households} (${v.coverage}%)`).addTo(layer);
    }
    if (data.mode === "clusters") {
      for (const c of data.features) {
        const size = Math.round(24 + Math.min(28, Math.log10(c.count + 1) * 10));
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({ className: "", html: `<div class="cluster" style="width:${size}px;height:${size}px">${c.count}</div>`,
                            iconSize: [size, size] }),
        }).on("click", () => map.setView([c.lat, c.lon], map.getZoom() + 2)).addTo(layer);
      }
    } else {
      for (const p of data.features) {
        L.circleMarker([p.lat, p.lon], { radius: 5, color: "#fff", weight: 1, fillColor: colours[p.outcome] || "#1f6f8b",
                                         fillOpacity: 0.9 }).addTo(layer);
      }
    }
  }

  function load() {
    const b = map.getBounds();
    const params = new URLSearchParams({
      bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => Math.max(-180, Math.min(180, n)).toFixed(5)).join(","),
      zoom: map.getZoom(),
    });
    if (el.dataset.area) params.set("area", el.dataset.area);
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(`${el.dataset.api}?${params}`, { credentials: "same-origin", signal: pending.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then(draw)
      .catch(() => {});
  }
  map.on("moveend", load);
  load();
})();
