// The turf on a map drawn from the coordinates the phone already holds: no tiles, no signal needed.
// Houses in walking order joined by the route; visited ones are filled squares with a tick, the others hollow
// circles with their number (shape and text tell them apart, not colour alone); the officer is a triangle.
import { t, tf } from "./i18n.js";
import { h } from "./ui.js";

const W = 360; // viewBox units ≈ CSS pixels on a phone, so marks keep a finger-sized hit area

function project(points) {
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of points) {
    const x = p.lon * k, y = -p.lat;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const pad = 24;
  const span = Math.max(maxX - minX, maxY - minY, 1e-5);
  const scale = (W - 2 * pad) / Math.max(maxX - minX, span * 0.35);
  const height = Math.min(Math.max((maxY - minY) * scale + 2 * pad, 220), 900);
  const offY = (height - (maxY - minY) * scale) / 2;
  return {
    height,
    at: (lat, lon) => [+(pad + (lon * k - minX) * scale).toFixed(1), +(offY + (-lat - minY) * scale).toFixed(1)],
  };
}

// houses: [{hh, n, href, done}] in walking order; me: {lat, lon} or null.
export function turfMap({ name, houses, me }) {
  const placed = houses.filter((x) => x.hh.y != null && x.hh.x != null);
  const done = houses.filter((x) => x.done).length;
  const desc = tf("map_desc", { done, all: houses.length });
  if (!placed.length) return h("p.muted", { id: "map-empty" }, t("map_empty"));
  const pts = placed.map((x) => ({ lat: x.hh.y, lon: x.hh.x }));
  if (me) pts.push({ lat: me.lat, lon: me.lon });
  const proj = project(pts);
  const route = placed.map((x) => proj.at(x.hh.y, x.hh.x).join(",")).join(" ");
  const marks = placed.map((x) => {
    const [cx, cy] = proj.at(x.hh.y, x.hh.x);
    const state = x.done ? t("f_visited") : t("f_todo");
    const mark = x.done
      ? [h("svg:rect.done", { x: cx - 9, y: cy - 9, width: 18, height: 18, rx: 2 }),
        h("svg:path.tick", { d: `M${cx - 5} ${cy} l4 4 l7 -8` })]
      : [h("svg:circle.todo", { cx, cy, r: 10 }),
        h("svg:text", { x: cx, y: cy + 4, "text-anchor": "middle" }, String(x.n))];
    return h("svg:a", { href: x.href, "aria-label": `${tf("house_n", { n: x.n, l: x.label })}, ${state}`, class: "house" + (x.done ? " is-done" : " is-todo") },
      h("svg:circle.hit", { cx, cy, r: 18 }), mark);
  });
  const meMark = me ? (() => {
    const [mx, my] = proj.at(me.lat, me.lon);
    return h("svg:g", { class: "me", "aria-hidden": "true" },
      h("svg:path", { d: `M${mx} ${my - 12} L${mx + 10} ${my + 8} L${mx - 10} ${my + 8} Z` }));
  })() : null;
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${Math.round(proj.height)}`, role: "group", id: "turf-map",
    "aria-label": `${tf("map_title", { n: name })}. ${desc}`, preserveAspectRatio: "xMidYMid meet" },
  h("svg:polyline.route", { points: route, "aria-hidden": "true" }), marks, meMark);
  const legend = h("ul.legend", {},
    h("li", {}, h("svg:svg", { viewBox: "0 0 20 20", width: 20, height: 20, "aria-hidden": "true" },
      h("svg:rect.done", { x: 1, y: 1, width: 18, height: 18, rx: 2 }), h("svg:path.tick", { d: "M5 10 l4 4 l7 -8" })), " ", t("map_legend_done")),
    h("li", {}, h("svg:svg", { viewBox: "0 0 20 20", width: 20, height: 20, "aria-hidden": "true" },
      h("svg:circle.todo", { cx: 10, cy: 10, r: 8 })), " ", t("map_legend_todo")),
    h("li", {}, h("svg:svg", { viewBox: "0 0 20 20", width: 20, height: 20, "aria-hidden": "true" },
      h("svg:g.me", {}, h("svg:path", { d: "M10 2 L18 18 L2 18 Z" }))), " ", me ? t("map_legend_me") : t("map_me_unknown")),
    h("li", {}, h("svg:svg", { viewBox: "0 0 20 20", width: 20, height: 20, "aria-hidden": "true" },
      h("svg:line.route", { x1: 1, y1: 10, x2: 19, y2: 10 })), " ", t("map_route")));
  const missing = houses.length - placed.length;
  return h("figure.map", {}, svg, h("figcaption", {}, h("p", { id: "map-desc" }, desc), legend,
    missing ? h("p.muted", {}, tf("map_no_gps", { n: missing })) : null));
}
