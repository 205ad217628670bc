// The visit form and the new-household form. Both save to IndexedDB (outbox) before anything else.
import * as db from "./db.js";
import { nearby, position } from "./geo.js";
import { t } from "./i18n.js";
import { h, uuid4 } from "./ui.js";

const OUTCOMES = ["met", "not_home", "refused", "moved", "vacant", "inaccessible"];
const ROLES = ["head", "spouse", "parent", "child", "other_member", "neighbour"];
const TOPICS = ["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"];
const SECTORS = ["domestic_worker", "caregiver", "plantation", "manufacturing", "construction", "fishing", "hospitality", "other"];
const WHEN = ["within_6_months", "within_1_year", "later", "unknown"];
const FOLLOWUPS = ["wants_to_apply", "family_in_trouble", "broker_report", "needs_documents"];

let stickerModule = null;
async function stickerCodes() {
  if (!stickerModule) stickerModule = import("/static/materials/stickercode.js");
  return stickerModule;
}

function radios(name, values, prefix, required = false) {
  return h("div.choices", { role: "radiogroup" }, values.map((v) =>
    h("label.choice", {}, h("input", { type: "radio", name, value: v, required }), t(prefix + v))));
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

export async function visitForm({ household, outreach, turf, user, onSaved, onCancel }) {
  const stock = ((await db.kv.get("stock")) || {})[String(outreach.id)] || {};
  const materials = (await db.kv.get("materials")) || [];
  const teamCodes = new Set(((await db.kv.get("stickers")) || {})[String(outreach.id)] || []);
  const refs = (await db.kv.get("refs")) || { countries: [] };
  const gps = gpsLine();
  const countries = refs.countries || [];

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
  const stickerMsg = h("small.hint", { id: "sticker-msg" });
  const stickerInput = h("input", { name: "sticker_code", id: "sticker_code", autocomplete: "off", autocapitalize: "characters", maxlength: 20 });
  const checkSticker = async () => {
    const { normalizeCode, isValidCode } = await stickerCodes();
    const code = normalizeCode(stickerInput.value);
    if (!code) { stickerMsg.textContent = ""; stickerInput.setCustomValidity(""); return ""; }
    if (!isValidCode(code)) { stickerMsg.textContent = t("sticker_bad"); stickerInput.setCustomValidity(t("sticker_bad")); return null; }
    stickerInput.setCustomValidity("");
    stickerMsg.textContent = teamCodes.size && !teamCodes.has(code) ? t("sticker_not_team") : t("sticker_ok") + ": " + code;
    return code;
  };
  stickerInput.addEventListener("input", checkSticker);
  const scan = "BarcodeDetector" in window
    ? h("button.secondary", { type: "button", onclick: () => scanSticker(stickerInput, checkSticker) }, t("scan")) : null;

  const metOnly = h("fieldset", { id: "met-only", hidden: true }, h("legend", {}, t("knowledge")),
    ["legal_procedure", "hotline", "warning_signs"].map((k) => h("label", {}, t("k_" + k), yesNo("k_" + k))));

  const materialRows = materials.filter((m) => stock[String(m.id)] || m.kind !== "sticker").map((m) =>
    h("label.qty", {}, `${m.title}`, h("small.muted", {}, stock[String(m.id)] ? ` (${t("in_hand")} ${stock[String(m.id)]})` : ""),
      h("input", { type: "number", name: "m_" + m.id, min: 0, max: 1000, inputmode: "numeric", placeholder: "0" })));

  const form = h("form.visit", { novalidate: false },
    h("h2", {}, t("visit")),
    h("p.muted", {}, label(household)),
    h("fieldset", {}, h("legend", {}, t("outcome") + " *"), radios("outcome", OUTCOMES, "o_", true)),
    h("fieldset", {}, h("legend", {}, t("met_role")), radios("met_role", ROLES, "r_")),
    materialRows.length ? h("fieldset", {}, h("legend", {}, t("materials")), materialRows) : null,
    h("fieldset", {}, h("legend", {}, t("sticker")), h("div.inline", {}, stickerInput, scan), stickerMsg),
    h("fieldset", {}, h("legend", {}, t("topics")), checks("topics", TOPICS, "t_")),
    h("fieldset", {}, h("legend", {}, t("migration")),
      h("h3", {}, t("abroad")), abroad.el,
      h("label", {}, t("returnees"), h("input", { type: "number", name: "returnees", min: 0, max: 50, value: 0, inputmode: "numeric" })),
      h("h3", {}, t("planning")), planning.el),
    metOnly,
    h("fieldset", {}, h("legend", {}, t("story")), h("textarea", { name: "story", rows: 3, maxlength: 4000 }),
      h("label.choice", {}, h("input", { type: "checkbox", name: "consent_to_quote" }), t("consent_quote"))),
    h("fieldset", {}, h("legend", {}, t("followups")), FOLLOWUPS.map((f) => h("div.followup", {},
      h("label.choice", {}, h("input", { type: "checkbox", name: "followup", value: f }), t("f_" + f)),
      h("input", { name: "note_" + f, placeholder: t("note"), maxlength: 1000 })))),
    gps.el,
    h("div.actions", {}, h("button.primary", { type: "submit" }, t("save")), h("button.secondary", { type: "button", onclick: onCancel }, t("cancel"))),
  );
  form.addEventListener("change", (e) => {
    if (e.target.name === "outcome") metOnly.hidden = e.target.value !== "met";
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const code = await checkSticker();
    if (code === null || !form.reportValidity()) return;
    const f = new FormData(form);
    const bool = (v) => (v === "true" ? true : v === "false" ? false : null);
    const outcome = f.get("outcome");
    const data = {
      outreach: outreach.id, visited_at: new Date().toISOString(), outcome,
      met_role: f.get("met_role") || "",
      materials: materials.map((m) => ({ material_id: m.id, quantity: parseInt(f.get("m_" + m.id) || "0", 10) })).filter((m) => m.quantity > 0),
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

export function label(hh) {
  const parts = [hh.a || `#${hh.i || ""}`];
  if (hh.r) parts.push(`RT ${hh.r}${hh.w ? "/RW " + hh.w : ""}`);
  if (hh.d) parts.push(`Dusun ${hh.d}`);
  return parts.join(", ");
}

export async function householdForm({ outreach, turf, user, onSaved, onPick, onCancel }) {
  const gps = gpsLine();
  const warn = h("div.warn", { hidden: true });
  let confirmed = false;
  const form = h("form.household", {},
    h("h2", {}, t("new_household")),
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
    const all = await db.all("households");
    const hits = nearby(all, { village: outreach.village, lat: gps.pos?.lat, lon: gps.pos?.lon, rt: v.rt, address: v.address }).slice(0, 5);
    warn.hidden = !hits.length;
    warn.replaceChildren(h("p", {}, t("duplicate_warning")),
      h("ul", {}, hits.map((hh) => h("li", {}, label(hh), " ", h("button.link", { type: "button", onclick: () => onPick(hh) }, t("use_this"))))),
      h("p", {}, h("small", {}, t("still_new"))));
    return hits.length;
  };
  gps.onchange = check;
  form.addEventListener("input", () => { confirmed = false; });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
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
