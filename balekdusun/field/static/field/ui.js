// A tiny DOM helper: h("tag.class", {attr}, ...children), and the screen mount.
import { t, tf } from "./i18n.js";

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

// Validation errors as text on the page: each invalid field gets a message under it, aria-invalid and
// aria-describedby; focus goes to the first one, scrolled clear of the sticky header. The browser's bubble is off.
function describe(el, id, on) {
  const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
  if (on) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
}

function message(el) {
  const v = el.validity;
  if (v.customError) return el.validationMessage;
  if (v.valueMissing) return el.type === "radio" ? t("err_required_choice") : t("err_required");
  if (v.rangeUnderflow || v.rangeOverflow || v.badInput || v.stepMismatch) return tf("err_number", { min: el.min, max: el.max });
  return el.validationMessage;
}

function group(form, el) {
  return el.type === "radio" ? [...form.querySelectorAll(`input[name="${el.name}"]`)] : [el];
}

export function clearError(form, el) {
  const id = "err-" + el.name;
  form.querySelector("#" + CSS.escape(id))?.remove();
  for (const g of group(form, el)) describe(g, id, false);
}

export function validate(form) {
  const seen = new Set();
  let first = null;
  for (const el of form.elements) {
    if (!el.name || !el.willValidate || seen.has(el.name)) continue;
    seen.add(el.name);
    clearError(form, el);
    if (el.validity.valid) continue;
    const id = "err-" + el.name;
    const text = h("p.field-error", { id }, message(el));
    const anchor = el.type === "radio" ? el.closest(".choices") : el.closest("label, .inline") || el;
    anchor.after(text);
    for (const g of group(form, el)) describe(g, id, true);
    first = first || el;
  }
  if (first) reveal(first);
  return !first;
}

export function liveErrors(form) {
  const fix = (e) => { if (e.target.name && e.target.validity && e.target.validity.valid) clearError(form, e.target); };
  form.addEventListener("input", fix);
  form.addEventListener("change", fix);
}

export function label(hh) {
  // Words only: never a database id, never "Dusun Dusun II" when the dusun's name already says it.
  const parts = [hh.a || t("no_address")];
  if (hh.r) parts.push(`RT ${hh.r}${hh.w ? "/RW " + hh.w : ""}`);
  if (hh.d) parts.push(/^dusun\b/i.test(hh.d) ? hh.d : `Dusun ${hh.d}`);
  return parts.join(", ");
}
