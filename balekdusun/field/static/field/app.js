// Balek Dusun field app: hash-routed screens over IndexedDB. Works offline after the first visit.
import * as db from "./db.js";
import { fmtDate, fmtTime, getLang, setLang, t, tf } from "./i18n.js";
import * as sync from "./sync.js";
import { h, label, mount, validate } from "./ui.js";

// Only what the sign-in screen needs is imported up front (five modules: one wave of requests on a weak signal,
// within the browser's six connections). The forms and the map load after the first screen is drawn, while the
// officer types (and from the service worker's cache after that).
const later = () => Promise.all([import("./forms.js"), import("./map.js")]);
let lazy = null;
function screens() { return (lazy = lazy || later()); }

const appEl = document.getElementById("app");
let session = null; // {token, user: {username, name}}
const FIRST_ROWS = 30; // rows of a walk list drawn with the screen (a 740 px screen shows about 12)
const HOUSE_VISITS = 20; // latest visits listed on a household's screen

// A hint kept in localStorage, read without waiting for anything: whether this phone holds a session, and the
// language chosen. A phone that is not signed in draws the sign-in form at once, before IndexedDB has opened (on a
// slow phone opening it is the last step before a usable form). IndexedDB stays the truth: the hint only decides
// what is drawn first. It holds no personal data.
const HINT = "balekdusun-field:hint";
function hint() {
  try { return JSON.parse(localStorage.getItem(HINT)) || {}; } catch { return {}; }
}
function saveHint() {
  try { localStorage.setItem(HINT, JSON.stringify({ signedIn: !!session, lang: getLang() })); } catch { /* private mode */ }
}

function setSession(value) {
  session = value;
  saveHint();
}

async function loadSession() {
  const [token, user] = await Promise.all([db.kv.get("token"), db.kv.get("user")]);
  setSession(token && user ? { token, user } : null);
  return session;
}

async function refreshBadge() {
  const badge = document.getElementById("pending");
  const net = document.getElementById("net");
  net.textContent = navigator.onLine ? t("online") : t("offline");
  net.className = "net " + (navigator.onLine ? "on" : "off");
  if (!session) { badge.hidden = true; return; }
  const { pending } = await sync.counts(session.user.username);
  badge.hidden = false;
  badge.textContent = `${t("sync")} · ${pending}`;
  badge.className = "pending" + (pending ? " has" : "");
  badge.dataset.count = pending;
}

// Words for a failure, never the browser's "Failed to fetch" (see sync.SyncError kinds).
function errorText(kind) {
  if (!kind) return "";
  if (kind === "auth" || kind === "login") return t("session_expired");
  const key = "err_" + kind;
  return t(key) === key ? t("err_rejected") : t(key);
}

// --- screens --------------------------------------------------------------------------------------------------

// The sign-in form, drawn here or taken over from the page (index.html draws the same form, so it can be typed into
// before the modules arrive: `drawn`, with what was typed, and a tap held until now).
function loginScreen(message, drawn) {
  const form = drawn || h("form.login", { novalidate: true },
    h("h1", {}, t("login")),
    h("p.msg.error", { role: "alert", id: "login-msg" }),
    h("label", {}, t("username"), h("input", { name: "username", autocomplete: "username", required: true, autocapitalize: "none" })),
    h("label", {}, t("password"), h("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    // Asked only when the server answers that this role signs in with two steps (never at a sync).
    h("label.otp", { hidden: true }, t("otp_code"), h("input", { name: "otp", autocomplete: "one-time-code", inputmode: "numeric", autocapitalize: "none" })),
    h("button.primary", { type: "submit" }, t("signin")));
  const msg = form.querySelector("#login-msg");
  msg.hidden = !message;
  msg.textContent = message || "";
  const otpLabel = form.querySelector("label.otp");
  let busy = false;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy || !validate(form)) return;
    busy = true;
    const f = new FormData(form);
    msg.hidden = true;
    try {
      const username = f.get("username").trim();
      const previous = await db.kv.get("user");
      const cursor = previous && previous.username === username ? await db.kv.get("cursor") : null;
      const res = await sync.login(username, f.get("password"), otpLabel.hidden ? "" : (f.get("otp") || "").trim(), cursor);
      const ops = [["kv", "put", res.token, "token"], ["kv", "put", res.user, "user"], ["kv", "put", null, "lastError"]];
      if (previous && previous.username !== res.user.username) ops.push(["kv", "put", null, "cursor"]);
      await db.batch(ops);
      await loadSession();
      // The answer carried the first pull; deliver what waited for this sign-in (the outbox survives an
      // expired session), if anything did.
      const res2 = await sync.afterLogin(res);
      if (location.hash && location.hash !== "#/") location.hash = "#/";
      await route();
      if (!res2.ok) flash(errorText(res2.error));
    } catch (err) {
      msg.hidden = false;
      const code = err.data && err.data.code;
      if (code === "auth.second_factor" || code === "auth.second_factor_wrong") {
        otpLabel.hidden = false;
        msg.textContent = code === "auth.second_factor" ? t("otp_needed") : t("otp_wrong");
        form.querySelector("input[name=otp]").focus();
        return;
      }
      msg.textContent = code === "auth.second_factor_setup" ? t("otp_setup") : err.kind === "locked"
        ? t("login_locked").replace("{n}", Math.max(1, Math.ceil(err.retryAfter / 60)))
        : err.kind === "login" || err.kind === "forbidden" ? (err.status === 403 ? t("err_forbidden") : t("login_failed"))
          : err.kind === "offline" ? t("login_offline") : errorText(err.kind);
      msg.focus();
    } finally {
      busy = false;
    }
  });
  msg.setAttribute("tabindex", "-1");
  form.dataset.app = "1";
  form.dataset.usable = "1";
  if (!drawn) return mount(form, langSwitch());
  form.after(langSwitch());
  // As mount() does, focus goes to the heading, unless the officer is already typing in the form.
  if (!form.contains(document.activeElement)) form.querySelector("h1").focus({ preventScroll: true });
  if (form.dataset.held) { delete form.dataset.held; form.requestSubmit(); }
}

function langSwitch() {
  return h("p.lang", {}, h("button.link", {
    type: "button", lang: getLang() === "en" ? "id" : "en",
    onclick: async () => { await setLang(getLang() === "en" ? "id" : "en"); saveHint(); await db.kv.set("lang", getLang()); route(); },
  }, t("language")));
}

async function doneByOutreach() {
  const done = new Map(); // outreach id -> Set of household keys visited
  for (const v of (await db.table("visits")).values()) {
    if (!done.has(v.o)) done.set(v.o, new Set());
    done.get(v.o).add(v.k);
  }
  return done;
}

async function homeScreen() {
  const [outreaches, turfs, me, done] = await Promise.all([
    db.kv.get("outreaches"), db.kv.get("turfs"), db.kv.get("me"), doneByOutreach()]);
  const items = (outreaches || []).map((o) => {
    const mine = (turfs || []).filter((tf) => tf.o === o.id).sort((a, b) => (b.mine - a.mine) || a.name.localeCompare(b.name));
    const seen = done.get(o.id) || new Set();
    return h("section.card", {},
      h("h2", {}, `${fmtDate(o.date, { weekday: true })} · ${o.vname}`),
      h("p.muted", {}, o.campaign),
      h("ul.turfs", {}, mine.map((tf) => {
        const n = tf.stops.filter((id) => seen.has("s" + id)).length;
        return h("li", {}, h("a", { href: `#/turf/${tf.id}` }, tf.name), tf.mine ? h("span.badge", {}, t("mine")) : null,
          h("small.muted", {}, ` ${n}/${tf.stops.length} ${t("households")}`));
      })));
  });
  const who = me || session.user;
  mount(
    h("p.who", {}, who.name || who.username),
    h("h1", {}, t("my_days")),
    items.length ? items : h("p.muted", {}, t("no_days")),
    h("p.actions", {}, h("a.button", { href: "#/sync" }, t("sync"))),
    langSwitch(),
    h("p", {}, h("button.link", { type: "button", onclick: signOut }, t("signout"))),
  );
}

async function signOut() {
  await db.batch([["kv", "put", null, "token"]]);
  setSession(null);
  location.hash = "#/";
  route();
}

async function findTurf(id) {
  const [turfs, outreaches] = await Promise.all([db.kv.get("turfs"), db.kv.get("outreaches")]);
  const turf = (turfs || []).find((tf) => String(tf.id) === String(id));
  return { turf, outreach: turf && (outreaches || []).find((o) => o.id === turf.o) };
}

// The turf's houses in walking order (houses added on the phone last), each with its latest visit of the day.
async function walk(turf, outreach) {
  const [households, visits] = await Promise.all([db.table("households"), db.table("visits")]);
  const last = new Map();
  for (const v of visits.values()) {
    if (v.o !== outreach.id) continue;
    const seen = last.get(v.k);
    if (!seen || seen.at < v.at) last.set(v.k, v);
  }
  const onList = new Set(turf.stops);
  const stops = turf.stops.map((sid) => households.get("s" + sid)).filter(Boolean);
  for (const x of households.values()) if (x.turf === turf.id && !onList.has(x.i)) stops.push(x);
  return stops.map((hh, n) => ({ hh, n: n + 1, v: last.get(hh.k), href: `#/hh/${turf.id}/${hh.k}`, label: label(hh) }));
}

async function turfScreen(id) {
  const { turf, outreach } = await findTurf(id);
  if (!turf) return homeScreen();
  const stops = await walk(turf, outreach);
  const row = ({ hh, n, v, href }) => h("li", { class: v ? "done" : "" },
    h("a", { href }, h("span.pos", {}, `${n}.`), " ", label(hh)),
    v ? h("span.badge" + (v.status === "pending" ? ".warn" : ".ok"), {}, t("o_" + v.outcome) + (v.status === "pending" ? " · " + t("pending_label") : "")) : null);
  // The first screenful is drawn at once; the rest of a long walk list follows in small slices after the
  // screen is up, so opening the list (and a save, which lands here) never waits for 200 rows.
  const rows = stops.slice(0, FIRST_ROWS).map(row);
  const list = rows.length ? h("ol.walk", {}, rows) : null;
  // Each slice waits for a frame (requestAnimationFrame, then a task after it): with bare timeouts the slices ran
  // before the first paint and the screen showed only once every row was in (200 rows on a save's tap).
  const afterFrame = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  const more = (from) => {
    if (from >= stops.length || !document.body.contains(list)) return;
    list.append(...stops.slice(from, from + FIRST_ROWS).map(row));
    afterFrame(() => more(from + FIRST_ROWS));
  };
  if (list) afterFrame(() => more(FIRST_ROWS));
  mount(
    h("p", {}, h("a", { href: "#/" }, "← " + t("back"))),
    h("h1", {}, `${t("walk_list")}: ${turf.name}`),
    h("p.muted", {}, `${fmtDate(outreach.date, { weekday: true })} · ${outreach.vname}`),
    h("p.actions", {}, h("a.button", { href: `#/map/${turf.id}` }, t("map"))),
    list || h("p.muted", {}, t("no_stops")),
    h("p.actions", {}, h("a.button", { href: `#/newhh/${turf.id}` }, "+ " + t("new_household"))),
  );
}

let watch = null;
async function mapScreen(id) {
  const { turf, outreach } = await findTurf(id);
  if (!turf) return homeScreen();
  const [, { turfMap }] = await screens();
  const houses = (await walk(turf, outreach)).map((x) => ({ ...x, done: !!x.v }));
  const holder = h("div", { id: "map-holder" });
  let me = null;
  const draw = () => holder.replaceChildren(turfMap({ name: turf.name, houses, me }));
  draw();
  mount(
    h("p", {}, h("a", { href: `#/turf/${turf.id}` }, "← " + t("walk_list"))),
    h("h1", {}, tf("map_title", { n: turf.name })),
    h("p.muted", {}, `${fmtDate(outreach.date, { weekday: true })} · ${outreach.vname}`),
    holder,
  );
  // The officer's position when the phone allows it; the map follows as they walk.
  if (navigator.geolocation) {
    if (watch != null) navigator.geolocation.clearWatch(watch);
    watch = navigator.geolocation.watchPosition((p) => {
      if (!document.body.contains(holder)) { navigator.geolocation.clearWatch(watch); watch = null; return; }
      me = { lat: p.coords.latitude, lon: p.coords.longitude };
      draw();
    }, () => {}, { enableHighAccuracy: true, maximumAge: 30000, timeout: 30000 });
  }
}

async function householdScreen(turfId, key) {
  const { turf } = await findTurf(turfId);
  const hh = await db.get("households", key);
  if (!turf || !hh) return homeScreen();
  const visits = [...(await db.table("visits")).values()].filter((v) => v.k === key).sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, HOUSE_VISITS);
  mount(
    h("p", {}, h("a", { href: `#/turf/${turf.id}` }, "← " + t("walk_list"))),
    h("h1", {}, t("household")),
    h("p", {}, label(hh)),
    hh.y != null ? h("p.muted", {}, `GPS ${hh.y}, ${hh.x}`) : null,
    h("p.actions", {}, h("a.button.primary", { href: `#/visit/${turf.id}/${key}` }, t("visit"))),
    h("h2", {}, t("visits_here")),
    h("ul", {}, visits.map((v) => h("li", {}, `${fmtTime(v.at)} · ${t("o_" + v.outcome)}`,
      v.status === "pending" ? h("span.badge.warn", {}, t("pending_label")) : null,
      v.status === "conflict" ? h("span.badge.bad", {}, t("conflict")) : null))),
  );
}

async function visitScreen(turfId, key) {
  const { turf, outreach } = await findTurf(turfId);
  const hh = await db.get("households", key);
  if (!turf || !hh) return homeScreen();
  const [{ visitForm }] = await screens();
  const form = await visitForm({
    household: hh, outreach, turf, user: session.user.username, token: session.token,
    onSaved: () => {
      // The walk list is drawn at once and the address follows by pushState: setting location.hash would first
      // scroll the long form to a fragment (a forced layout of the whole form on the tap), then draw the list on
      // the hashchange. The back button still fires hashchange and routes.
      history.pushState(null, "", `#/turf/${turf.id}`);
      route();
      flash(t("saved"));
      // Sending waits until the next screen is drawn: the tap answers first.
      setTimeout(() => sync.syncNow().then(afterAutoSync), 300);
    },
    onCancel: () => history.back(),
  });
  mount(form);
}

async function newHouseholdScreen(turfId) {
  const { turf, outreach } = await findTurf(turfId);
  if (!turf) return homeScreen();
  const [{ householdForm }] = await screens();
  const form = await householdForm({
    outreach, turf, user: session.user.username,
    onSaved: (local) => { flash(t("saved")); location.hash = `#/visit/${turf.id}/${local.k}`; },
    onPick: (hh) => { location.hash = `#/hh/${turf.id}/${hh.k}`; },
    onCancel: () => history.back(),
  });
  mount(form);
}

function fieldName(field) {
  const top = String(field || "").split(".")[0] || "record";
  const key = "field_" + top;
  return t(key) === key ? t("field_record") : t(key);
}

async function syncScreen(message) {
  const items = (await db.all("outbox")).sort((a, b) => a.created.localeCompare(b.created));
  const [lastSync, retryAt, lastError] = await Promise.all([db.kv.get("lastSync"), db.kv.get("retryAt"), db.kv.get("lastError")]);
  const mine = items.filter((r) => r.user === session.user.username);
  const status = h("p.msg", { role: "status", id: "sync-status", hidden: !message }, message || "");
  const button = h("button.primary", { type: "button", id: "sync-now" }, t("sync_now"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.hidden = false;
    status.textContent = t("syncing");
    const res = await sync.syncNow();
    if (res.error === "auth") { setSession(null); return loginScreen(t("session_expired")); }
    await refreshBadge();
    syncScreen(res.ok ? t("sync_ok") : errorText(res.error));
  });
  mount(
    h("p", {}, h("a", { href: "#/" }, "← " + t("back"))),
    h("h1", {}, t("sync")),
    status,
    h("dl.facts", {},
      h("dt", {}, t("pending")), h("dd", { id: "pending-count" }, String(mine.length)),
      h("dt", {}, t("last_sync")), h("dd", { id: "last-sync" }, lastSync ? fmtTime(lastSync) : t("never")),
      retryAt ? [h("dt", {}, t("retry_at")), h("dd", {}, fmtTime(retryAt))] : null,
      lastError ? [h("dt", {}, t("last_error")), h("dd", { id: "last-error" }, errorText(lastError))] : null),
    button,
    h("ul.outbox", {}, items.map((r) => h("li", { class: r.status }, `${r.type === "visit" ? "🏠" : "➕"} ${r.label || ""}`,
      h("small.muted", {}, " " + fmtTime(r.created)),
      r.user !== session.user.username ? h("small.muted", {}, ` (${t("other_user")}: ${r.user})`) : null,
      r.errors && r.errors.length ? h("ul.errors", {}, r.errors.map((e) => h("li", {}, `${fieldName(e.field)}: ${e.message}`))) : null,
      r.status === "invalid" ? h("button.link.danger", {
        type: "button",
        onclick: async () => { if (confirm(t("discard_confirm"))) { await db.batch([["outbox", "delete", r.uuid]]); syncScreen(); } },
      }, t("discard")) : null))),
  );
  refreshBadge();
}

function flash(text) {
  if (!text) return;
  const box = document.getElementById("toasts");
  const el = h("p.toast", {}, text);
  box.replaceChildren(el);
  setTimeout(() => el.remove(), 3000);
}

// --- routing --------------------------------------------------------------------------------------------------

async function route() {
  refreshBadge();
  if (!session) return loginScreen();
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  switch (parts[0]) {
    case "turf": return turfScreen(parts[1]);
    case "map": return mapScreen(parts[1]);
    case "hh": return householdScreen(parts[1], parts[2]);
    case "visit": return visitScreen(parts[1], parts[2]);
    case "newhh": return newHouseholdScreen(parts[1]);
    case "sync": return syncScreen();
    default: return homeScreen();
  }
}

function ready() {
  if (appEl.dataset.ready) return;
  appEl.dataset.ready = "1";
  performance.mark("field:ready");
}

async function start() {
  const known = hint();
  let early = false;
  if (!known.signedIn) {
    // Nobody is signed in on this phone (as far as the hint knows): the sign-in form needs nothing from
    // IndexedDB, so it is drawn and usable now; its submit opens IndexedDB when it needs it.
    await setLang(known.lang || "id");
    const drawn = appEl.querySelector("form.login[data-usable]:not([data-app])");
    loginScreen(undefined, getLang() === "id" ? drawn : null);
    refreshBadge();
    ready();
    early = true;
  }
  const [lang] = await Promise.all([db.kv.get("lang"), loadSession()]);
  db.persist();
  window.addEventListener("hashchange", route);
  window.addEventListener("online", refreshBadge);
  window.addEventListener("offline", refreshBadge);
  sync.onChange(() => refreshBadge());
  // The form drawn early stays as it is (the officer may be typing) unless IndexedDB says otherwise: a session
  // after all (a phone whose hint was lost), or another language.
  const changed = (lang || "id") !== getLang();
  await setLang(lang || "id");
  saveHint();
  if (!early || session || changed) await route();
  ready();
  setTimeout(screens, 0);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(appEl.dataset.sw, { scope: appEl.dataset.scope }).catch(() => {});
  }
  if (session && navigator.onLine) sync.syncNow().then(afterAutoSync);
}

// A background sync that finds the token expired or revoked asks for a new sign-in; the outbox stays.
async function afterAutoSync(res) {
  await refreshBadge();
  if (res && res.error === "auth" && session) {
    setSession(null);
    loginScreen(t("session_expired"));
  }
}

start();
