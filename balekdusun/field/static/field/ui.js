// A tiny DOM helper: h("tag.class", {attr}, ...children), and the screen mount.
export { fmtDate, fmtTime } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split(".");
  const svg = name.startsWith("svg:");
  const el = svg ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name || "div");
  if (classes.length) el.setAttribute("class", classes.join(" "));
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Replace the screen and move focus to its heading, so a screen reader announces where the officer is now.
export function mount(...nodes) {
  const app = document.getElementById("app");
  app.replaceChildren(...nodes.flat(Infinity).filter((n) => n != null && n !== false));
  window.scrollTo(0, 0);
  const heading = app.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
}

// Bring a field into view below the sticky header and focus it (the browser's own scroll puts it under the header).
export function reveal(el) {
  const header = document.querySelector("header.top");
  const top = el.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 16;
  window.scrollTo(0, Math.max(0, top));
  el.focus({ preventScroll: true });
}

export function uuid4() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
