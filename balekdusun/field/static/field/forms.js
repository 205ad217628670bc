// The visit form and the new-household form. Both save to IndexedDB (outbox) before anything else.
import * as db from "./db.js";
import { metres, nearby, position } from "./geo.js";
import { fmtDate, t, tf } from "./i18n.js";
import { stickerState } from "./sync.js";
import { clearError, h, label, liveErrors, uuid4, validate } from "./ui.js";

export { label, validate };

const OUTCOMES = ["met", "not_home", "refused", "moved", "vacant", "inaccessible"];
const ROLES = ["head", "spouse", "parent", "child", "other_member", "neighbour"];
const TOPICS = ["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"];
const SECTORS = ["domestic_worker", "caregiver", "plantation", "manufacturing", "construction", "fishing", "hospitality", "other"];
const WHEN = ["within_6_months", "within_1_year", "later", "unknown"];
const FOLLOWUPS = ["wants_to_apply", "family_in_trouble", "broker_report", "needs_documents"];

let stickerModule = null;
let codes = null; // the sticker-code module once loaded (checks run synchronously at the door)
export function stickerCodes() {
  if (!stickerModule) stickerModule = import("/static/materials/stickercode.js").then((m) => { codes = m; return m; });
  return stickerModule;
}

function radios(name, values, prefix, legend, required = false) {
  return h("fieldset", { id: "fs-" + name }, h("legend", {}, legend + (required ? " *" : "")),
    h("div.choices", {}, values.map((v) =>
      h("label.choice", {}, h("input", { type: "radio", name, value: v, required }), t(prefix + v)))));
}

function checks(name, values, prefix) {
  return h("div.choices", {}, values.map((v) => h("label.choice", {}, h("input", { type: "checkbox", name, value: v }), t(prefix + v))));
}

function select(name, options, { blank = true, value = "" } = {}) {
  return h("select", { name }, blank ? h("option", { value: "" }, "–") : null,
    options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
}

function yesNo(name) {
  return select(name, [["true", t("yes")], ["false", t("no")]], { blank: true });
}

function repeater(build) {
  const list = h("div.rows");
  const add = h("button.secondary", { type: "button", onclick: () => list.append(row()) }, "+ " + t("add"));
  const row = () => {
    const el = h("div.row", {}, build(), h("button.link", { type: "button", onclick: () => el.remove() }, t("remove")));
    return el;
  };
  return { el: h("div", {}, list, add), rows: () => [...list.children] };
}

function gpsLine() {
  const out = h("span.muted", {}, t("gps_none"));
  const state = { pos: null };
  const take = async () => {
    out.textContent = "…";
    state.pos = await position();
    out.textContent = state.pos ? `${state.pos.lat}, ${state.pos.lon} (±${state.pos.acc} m)` : t("gps_none");
    state.onchange && state.onchange(state.pos);
  };
  take();
  state.el = h("p.gps", {}, t("gps") + ": ", out, " ", h("button.link", { type: "button", onclick: take }, t("gps_get")));
  return state;
}

function sumHandouts(outbox, user, outreachId) {
  const out = new Map();
  for (const r of outbox.values()) {
    if (r.type !== "visit" || r.user !== user || r.data.outreach !== outreachId) continue;
    for (const m of r.data.materials || []) out.set(m.material_id, (out.get(m.material_id) || 0) + m.quantity);
  }
  return out;
}

// What is true of a typed code, from what the phone holds; null when only the server can tell.
function stickerLocal(code, { free, state, outbox, households, household, user }) {
  if (free.has(code)) {
    for (const r of outbox.values()) {
      if (r.type === "visit" && r.user === user && r.data.sticker_code === code) {
        if (r.k === household.k) return { ok: true, text: t("sticker_placed_here") };
        const other = households.get(r.k);
        return { ok: false, text: tf("sticker_placed_me", { h: other ? label(other) : t("another_house") }) };
      }
    }
    return { ok: true, text: t("sticker_ok") + ": " + code };
  }
  const placed = state.placed && state.placed[code];
  if (placed != null) {
    if ("s" + placed === household.k) return { ok: true, text: t("sticker_placed_here") };
    const other = households.get("s" + placed);
    return { ok: false, text: tf("sticker_placed_other", { h: other ? label(other) : t("another_house") }) };
  }
  if (state.void && state.void.includes(code)) return { ok: false, text: tf("sticker_void", { r: "" }) };
  return null;
}

function stickerRemote(res, households, household) {
  switch (res.state) {
    case "free_here": return { ok: true, text: t("sticker_ok") + ": " + res.code };
    case "placed": {
      if (res.household && "s" + res.household.i === household.k) return { ok: true, text: t("sticker_placed_here") };
      const known = res.household && (households.get("s" + res.household.i) || res.household);
      return { ok: false, text: tf("sticker_placed_other", { h: known ? label(known) : t("another_house") }) };
    }
    case "void": return { ok: false, text: tf("sticker_void", { r: res.reason ? `: ${res.reason}` : "" }) };
    case "other_office": return { ok: false, text: t("sticker_other_office") };
    case "issued_elsewhere": return { ok: false, text: tf("sticker_issued_elsewhere", { o: res.outreach ? ` (${fmtDate(res.outreach.date)}, ${res.outreach.vname})` : "" }) };
    case "not_issued": return { ok: false, text: t("sticker_not_issued") };
    default: return { ok: false, text: t("sticker_unknown") };
  }
}

export async function visitForm({ household, outreach, turf, user, token, onSaved, onCancel }) {
  stickerCodes();
  const key = String(outreach.id);
  const [teamStock, myStock, materials, stickers, codeStates, refs, outbox, households] = await Promise.all([
    db.kv.get("stock"), db.kv.get("mystock"), db.kv.get("materials"), db.kv.get("stickers"), db.kv.get("sticker_state"),
    db.kv.get("refs"), db.table("outbox"), db.table("households")]);
  const stock = (teamStock || {})[key] || {};
  const mine = (myStock || {})[key] || {};
  const free = new Set((stickers || {})[key] || []);
  const state = (codeStates || {})[key] || { placed: {}, void: [] };
  const gps = gpsLine();
  const countries = (refs || {}).countries || [];
  // Stickers are counted by their codes alone: a sticker-kind material is never a hand-out here.
  const handable = (materials || []).filter((m) => m.kind !== "sticker");

  const abroad = repeater(() => [
    h("label", {}, t("country"), select("country", countries)),
    h("label", {}, t("sector"), select("sector", SECTORS.map((s) => [s, t("s_" + s)]), { blank: false, value: "other" })),
    h("label", {}, t("procedural"), yesNo("procedural")),
    h("label", {}, t("year"), h("input", { name: "year", type: "number", min: 1950, max: 2100, inputmode: "numeric" })),
  ]);
  const planning = repeater(() => [
    h("label", {}, t("when"), select("when", WHEN.map((w) => [w, t("w_" + w)]), { blank: false, value: "unknown" })),
    h("label", {}, t("country"), select("country", countries)),
  ]);

  // --- sticker: a code typed or scanned, told what is true of it ---
  let usedCodes = 0;
  for (const r of outbox.values()) if (r.type === "visit" && r.user === user && free.has(r.data.sticker_code)) usedCodes += 1;
  const stickerMsg = h("p.hint", { id: "sticker-msg", role: "status" });
  const stickerInput = h("input", { name: "sticker_code", id: "sticker_code", autocomplete: "off", autocapitalize: "characters",
    maxlength: 40, "aria-describedby": "sticker-help sticker-msg" });
  let lookup = 0;
  const codeOf = () => {
    const code = codes ? codes.normalizeCode(stickerInput.value) : stickerInput.value.trim().toUpperCase();
    if (!code) { stickerInput.setCustomValidity(""); return ""; }
    if (codes && !codes.isValidCode(code)) { stickerInput.setCustomValidity(t("sticker_bad")); return null; }
    stickerInput.setCustomValidity("");
    return code;
  };
  const checkSticker = async () => {
    await stickerCodes();
    const code = codeOf();
    const ticket = ++lookup;
    stickerMsg.className = "hint";
    if (!code) { stickerMsg.textContent = code === null ? t("sticker_bad") : ""; if (code === null) stickerMsg.className = "hint bad"; return; }
    let said = stickerLocal(code, { free, state, outbox, households, household, user });
    if (!said && navigator.onLine && token) {
      stickerMsg.textContent = t("sticker_checking");
      said = await stickerState(code, token).then((res) => stickerRemote(res, households, household)).catch(() => null);
      if (ticket !== lookup) return;
    }
    said = said || { ok: false, text: t("sticker_offline_unknown") };
    stickerMsg.textContent = said.text;
    stickerMsg.className = "hint " + (said.ok ? "ok" : "bad");
  };
  stickerInput.addEventListener("input", checkSticker);
  const scan = "BarcodeDetector" in window
    ? h("button.secondary", { type: "button", onclick: () => scanSticker(stickerInput, checkSticker) }, t("scan")) : null;

  const metOnly = h("fieldset", { id: "met-only", hidden: true }, h("legend", {}, t("knowledge")),
    ["legal_procedure", "hotline", "warning_signs"].map((k) => h("label", {}, t("k_" + k), yesNo("k_" + k))));

  // --- materials: this officer's own stock and what is left after today's hand-outs ---
  const handedOut = sumHandouts(outbox, user, outreach.id);
  const materialRows = handable.map((m) => {
    const [issued, held] = mine[String(m.id)] || [0, 0];
    const left = held - (handedOut.get(m.id) || 0);
    const hint = h("span.stock", { id: "stock-" + m.id });
    const input = h("input", { type: "number", name: "m_" + m.id, min: 0, max: 1000, inputmode: "numeric", placeholder: "0", "aria-describedby": "stock-" + m.id });
    const show = () => {
      const n = parseInt(input.value || "0", 10) || 0;
      if (!issued && !held && !stock[String(m.id)]) { hint.textContent = ""; return; }
      hint.textContent = n > 0
        ? `${t("in_hand_mine")} ${issued} · ${t("left_after_this")} ${left - n}${left - n < 0 ? " — " + t("over_left") : ""}`
        : `${t("in_hand_mine")} ${issued} · ${t("left_after")} ${left}`;
    };
    input.addEventListener("input", show);
    show();
    return h("div.qty", {}, h("label", {}, m.title, input), h("small.muted", {}, hint));
  });

  const form = h("form.visit", { novalidate: true },
    h("h1", {}, t("visit")),
    h("p.muted", {}, label(household)),
    radios("outcome", OUTCOMES, "o_", t("outcome"), true),
    radios("met_role", ROLES, "r_", t("met_role")),
    materialRows.length ? h("fieldset", {}, h("legend", {}, t("materials")), materialRows) : null,
    h("fieldset", {}, h("legend", {}, t("sticker")),
      h("p.muted", { id: "sticker-help" }, t("sticker_hint"), free.size ? ` (${free.size - usedCodes} ${t("sticker_codes_free")})` : ""),
      h("label", { for: "sticker_code" }, t("field_sticker_code")),
      h("div.inline", {}, stickerInput, scan), stickerMsg),
    h("fieldset", {}, h("legend", {}, t("topics")), checks("topics", TOPICS, "t_")),
    h("fieldset", {}, h("legend", {}, t("migration")),
      h("h2", {}, t("abroad")), abroad.el,
      h("label", {}, t("returnees"), h("input", { type: "number", name: "returnees", min: 0, max: 50, value: 0, inputmode: "numeric" })),
      h("h2", {}, t("planning")), planning.el),
    metOnly,
    h("fieldset", {}, h("legend", {}, t("story")),
      h("label", {}, t("story"), h("textarea", { name: "story", rows: 3, maxlength: 4000 })),
      h("label.choice", {}, h("input", { type: "checkbox", name: "consent_to_quote" }), t("consent_quote"))),
    h("fieldset", {}, h("legend", {}, t("followups")), FOLLOWUPS.map((f) => h("div.followup", {},
      h("label.choice", {}, h("input", { type: "checkbox", name: "followup", value: f }), t("f_" + f)),
      h("label.note", {}, tf("note_for", { f: t("f_" + f) }), h("input", { name: "note_" + f, maxlength: 1000 }))))),
    gps.el,
    h("div.actions", {}, h("button.primary", { type: "submit" }, t("save")), h("button.secondary", { type: "button", onclick: onCancel }, t("cancel"))),
  );
  liveErrors(form);
  form.addEventListener("change", (e) => {
    if (e.target.name === "outcome") metOnly.hidden = e.target.value !== "met";
  });
  let saving = false;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (saving) return;
    if (!codes) await stickerCodes();
    const code = codeOf();
    if (!validate(form)) return;
    saving = true;
    const f = new FormData(form);
    const bool = (v) => (v === "true" ? true : v === "false" ? false : null);
    const outcome = f.get("outcome");
    const data = {
      outreach: outreach.id, visited_at: new Date().toISOString(), outcome,
      met_role: f.get("met_role") || "",
      materials: handable.map((m) => ({ material_id: m.id, quantity: parseInt(f.get("m_" + m.id) || "0", 10) })).filter((m) => m.quantity > 0),
      sticker_code: code || "",
      topics: f.getAll("topics"),
      migration: {
        abroad: abroad.rows().map((r) => ({
          country: r.querySelector("[name=country]").value, sector: r.querySelector("[name=sector]").value,
          procedural: bool(r.querySelector("[name=procedural]").value),
          year: r.querySelector("[name=year]").value ? parseInt(r.querySelector("[name=year]").value, 10) : null,
        })).filter((a) => a.country),
        returnees: parseInt(f.get("returnees") || "0", 10) || 0,
        planning: planning.rows().map((r) => ({ when: r.querySelector("[name=when]").value, country: r.querySelector("[name=country]").value })),
      },
      followups: f.getAll("followup").map((kind) => ({ kind, note: (f.get("note_" + kind) || "").trim() })),
    };
    if (turf) data.turf = turf.id;
    if (household.k.startsWith("s")) data.household = household.i;
    else data.household_uuid = household.k.slice(1);
    if (outcome === "met") {
      data.knowledge = { legal_procedure: bool(f.get("k_legal_procedure")), hotline: bool(f.get("k_hotline")), warning_signs: bool(f.get("k_warning_signs")) };
    }
    const story = (f.get("story") || "").trim();
    if (story) data.story = { text: story, consent_to_quote: f.get("consent_to_quote") === "on" };
    if (gps.pos) Object.assign(data, { latitude: gps.pos.lat, longitude: gps.pos.lon, accuracy_m: gps.pos.acc });
    const uuid = uuid4();
    const created = new Date().toISOString();
    await db.batch([
      ["outbox", "put", { uuid, type: "visit", data, user, k: household.k, created, status: "pending", errors: [], label: label(household) }],
      ["visits", "put", { uuid, o: outreach.id, k: household.k, outcome, at: data.visited_at, status: "pending" }],
    ]);
    onSaved(uuid);
  });
  return form;
}

async function scanSticker(input, check) {
  // Camera scan where the browser has BarcodeDetector (Chrome on Android); typing always works.
  let stream;
  try {
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    const video = h("video.scan", { playsinline: true, autoplay: true, muted: true });
    video.srcObject = stream;
    const close = h("button.secondary", { type: "button" }, t("cancel"));
    const overlay = h("div.overlay", {}, video, close);
    document.body.append(overlay);
    let stop = false;
    close.onclick = () => { stop = true; };
    while (!stop) {
      await new Promise((r) => setTimeout(r, 250));
      const found = await detector.detect(video).catch(() => []);
      if (found.length) { input.value = found[0].rawValue; stop = true; }
    }
    overlay.remove();
    await check();
  } catch (err) {
    input.focus();
  } finally {
    if (stream) stream.getTracks().forEach((tr) => tr.stop());
  }
}

export async function householdForm({ outreach, turf, user, onSaved, onPick, onCancel }) {
  const gps = gpsLine();
  const warn = h("div.warn", { hidden: true });
  let confirmed = false;
  const form = h("form.household", { novalidate: true },
    h("h1", {}, t("new_household")),
    h("p.muted", {}, outreach.vname),
    h("label", {}, t("dusun"), h("input", { name: "dusun", maxlength: 60 })),
    h("div.inline", {}, h("label", {}, t("rt"), h("input", { name: "rt", maxlength: 5, inputmode: "numeric" })),
      h("label", {}, t("rw"), h("input", { name: "rw", maxlength: 5, inputmode: "numeric" }))),
    h("label", {}, t("address") + " *", h("input", { name: "address", maxlength: 255, required: true })),
    gps.el, warn,
    h("div.actions", {}, h("button.primary", { type: "submit" }, t("save")), h("button.secondary", { type: "button", onclick: onCancel }, t("cancel"))),
  );
  const values = () => {
    const f = new FormData(form);
    return { dusun: f.get("dusun").trim(), rt: f.get("rt").trim(), rw: f.get("rw").trim(), address: f.get("address").trim() };
  };
  const check = async () => {
    const v = values();
    const all = (await db.table("households")).values();
    const hits = nearby(all, { village: outreach.village, lat: gps.pos?.lat, lon: gps.pos?.lon, rt: v.rt, address: v.address }).slice(0, 5);
    warn.hidden = !hits.length;
    warn.replaceChildren(h("p", {}, t("duplicate_warning")),
      h("ol.hits", {}, hits.map((hh) => h("li", {}, label(hh), gps.pos && hh.y != null ? ` (±${Math.round(metres(gps.pos.lat, gps.pos.lon, hh.y, hh.x))} m)` : "", " ",
        h("button.link", { type: "button", onclick: () => onPick(hh) }, t("use_this"))))),
      h("p", {}, h("small", {}, t("still_new"))));
    return hits.length;
  };
  gps.onchange = check;
  form.addEventListener("input", () => { confirmed = false; });
  liveErrors(form);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!validate(form)) return;
    if (!confirmed && (await check())) { confirmed = true; return; } // a second tap saves anyway
    const v = values();
    const uuid = uuid4();
    const data = { village: outreach.village, outreach: outreach.id, ...v };
    if (turf) data.turf = turf.id;
    if (gps.pos) Object.assign(data, { latitude: gps.pos.lat, longitude: gps.pos.lon, accuracy_m: gps.pos.acc });
    const local = { k: "u" + uuid, u: uuid, v: outreach.village, d: v.dusun, r: v.rt, w: v.rw, a: v.address, y: gps.pos?.lat ?? null, x: gps.pos?.lon ?? null, turf: turf?.id, local: true };
    await db.batch([
      ["outbox", "put", { uuid, type: "household", data, user, local, created: new Date().toISOString(), status: "pending", errors: [], label: label(local) }],
      ["households", "put", local],
    ]);
    onSaved(local);
  });
  return form;
}
