// Balek Dusun field app: hash-routed screens over IndexedDB. Works offline after the first visit.
import * as db from "./db.js";
import { householdForm, label, visitForm } from "./forms.js";
import { getLang, setLang, t } from "./i18n.js";
import * as sync from "./sync.js";
import { fmtTime, h, mount } from "./ui.js";

const appEl = document.getElementById("app");
let session = null; // {token, user: {username, name}}

async function loadSession() {
  const token = await db.kv.get("token");
  const user = await db.kv.get("user");
  session = token && user ? { token, user } : null;
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

// --- screens --------------------------------------------------------------------------------------------------

function loginScreen(message) {
  const msg = h("p.msg.error", { role: "alert", hidden: !message }, message || "");
  const form = h("form.login", {},
    h("h1", {}, t("login")),
    msg,
    h("label", {}, t("username"), h("input", { name: "username", autocomplete: "username", required: true, autocapitalize: "none" })),
    h("label", {}, t("password"), h("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    h("button.primary", { type: "submit" }, t("signin")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    msg.hidden = true;
    try {
      const res = await sync.login(f.get("username").trim(), f.get("password"));
      const previous = await db.kv.get("user");
      const ops = [["kv", "put", res.token, "token"], ["kv", "put", res.user, "user"]];
      if (previous && previous.username !== res.user.username) ops.push(["kv", "put", null, "cursor"]);
      await db.batch(ops);
      await loadSession();
      await sync.syncNow();
      location.hash = "#/";
      route();
    } catch (err) {
      msg.hidden = false;
      msg.textContent = err.status === 429
        ? t("login_locked").replace("{n}", Math.max(1, Math.ceil(err.retryAfter / 60)))
        : err.status ? t("login_failed") : t("login_offline");
    }
  });
  mount(form, langSwitch());
}

function langSwitch() {
  return h("p.lang", {}, h("button.link", {
    type: "button",
    onclick: async () => { setLang(getLang() === "en" ? "id" : "en"); await db.kv.set("lang", getLang()); route(); },
  }, t("language")));
}

async function homeScreen() {
  const outreaches = (await db.kv.get("outreaches")) || [];
  const turfs = (await db.kv.get("turfs")) || [];
  const visits = await db.all("visits");
  const me = (await db.kv.get("me")) || session.user;
  const items = outreaches.map((o) => {
    const mine = turfs.filter((tf) => tf.o === o.id).sort((a, b) => (b.mine - a.mine) || a.name.localeCompare(b.name));
    return h("section.card", {},
      h("h2", {}, `${o.date} · ${o.vname}`),
      h("p.muted", {}, o.campaign),
      h("ul.turfs", {}, mine.map((tf) => {
        const done = new Set(visits.filter((v) => v.o === o.id).map((v) => v.k));
        const n = tf.stops.filter((id) => done.has("s" + id)).length;
        return h("li", {}, h("a", { href: `#/turf/${tf.id}` }, tf.name), tf.mine ? h("span.badge", {}, t("mine")) : null,
          h("small.muted", {}, ` ${n}/${tf.stops.length} ${t("households")}`));
      })));
  });
  mount(
    h("p.who", {}, me.name || me.username),
    h("h1", {}, t("my_days")),
    items.length ? items : h("p.muted", {}, t("no_days")),
    h("p.actions", {}, h("a.button", { href: "#/sync" }, t("sync"))),
    langSwitch(),
    h("p", {}, h("button.link", { type: "button", onclick: signOut }, t("signout"))),
  );
}

async function signOut() {
  await db.batch([["kv", "put", null, "token"]]);
  session = null;
  location.hash = "#/";
  route();
}

async function findTurf(id) {
  const turfs = (await db.kv.get("turfs")) || [];
  const turf = turfs.find((tf) => String(tf.id) === String(id));
  const outreaches = (await db.kv.get("outreaches")) || [];
  return { turf, outreach: turf && outreaches.find((o) => o.id === turf.o) };
}

async function turfScreen(id) {
  const { turf, outreach } = await findTurf(id);
  if (!turf) return homeScreen();
  const households = new Map((await db.all("households")).map((x) => [x.k, x]));
  const visits = await db.all("visits");
  const last = new Map();
  for (const v of visits.filter((v) => v.o === outreach.id).sort((a, b) => a.at.localeCompare(b.at))) last.set(v.k, v);
  const stops = turf.stops.map((sid) => households.get("s" + sid)).filter(Boolean);
  const extra = [...households.values()].filter((x) => x.turf === turf.id && !turf.stops.includes(x.i));
  const rows = [...stops, ...extra].map((hh, n) => {
    const v = last.get(hh.k);
    return h("li", { class: v ? "done" : "" },
      h("a", { href: `#/hh/${turf.id}/${hh.k}` }, h("span.pos", {}, `${n + 1}.`), " ", label(hh)),
      v ? h("span.badge" + (v.status === "pending" ? ".warn" : ".ok"), {}, t("o_" + v.outcome) + (v.status === "pending" ? " · " + t("pending_label") : "")) : null);
  });
  mount(
    h("p", {}, h("a", { href: "#/" }, "← " + t("back"))),
    h("h1", {}, `${t("walk_list")}: ${turf.name}`),
    h("p.muted", {}, `${outreach.date} · ${outreach.vname}`),
    rows.length ? h("ol.walk", {}, rows) : h("p.muted", {}, t("no_stops")),
    h("p.actions", {}, h("a.button", { href: `#/newhh/${turf.id}` }, "+ " + t("new_household"))),
  );
}

async function householdScreen(turfId, key) {
  const { turf, outreach } = await findTurf(turfId);
  const hh = await db.get("households", key);
  if (!turf || !hh) return homeScreen();
  const visits = (await db.all("visits")).filter((v) => v.k === key).sort((a, b) => b.at.localeCompare(a.at));
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
  const form = await visitForm({
    household: hh, outreach, turf, user: session.user.username,
    onSaved: () => { flash(t("saved")); location.hash = `#/turf/${turf.id}`; sync.syncNow().then(afterAutoSync); },
    onCancel: () => history.back(),
  });
  mount(form);
}

async function newHouseholdScreen(turfId) {
  const { turf, outreach } = await findTurf(turfId);
  if (!turf) return homeScreen();
  const form = await householdForm({
    outreach, turf, user: session.user.username,
    onSaved: (local) => { flash(t("saved")); location.hash = `#/visit/${turf.id}/${local.k}`; },
    onPick: (hh) => { location.hash = `#/hh/${turf.id}/${hh.k}`; },
    onCancel: () => history.back(),
  });
  mount(form);
}

async function syncScreen(message) {
  const items = (await db.all("outbox")).sort((a, b) => a.created.localeCompare(b.created));
  const lastSync = await db.kv.get("lastSync");
  const retryAt = await db.kv.get("retryAt");
  const lastError = await db.kv.get("lastError");
  const mine = items.filter((r) => r.user === session.user.username);
  const status = h("p.msg", { role: "status", id: "sync-status", hidden: !message }, message || "");
  const button = h("button.primary", { type: "button", id: "sync-now" }, t("sync_now"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.hidden = false;
    status.textContent = t("syncing");
    const res = await sync.syncNow();
    if (res.error === "auth") { session = null; return loginScreen(t("session_expired")); }
    await refreshBadge();
    syncScreen(res.ok ? t("sync_ok") : t("sync_fail"));
  });
  mount(
    h("p", {}, h("a", { href: "#/" }, "← " + t("back"))),
    h("h1", {}, t("sync")),
    status,
    h("dl.facts", {},
      h("dt", {}, t("pending")), h("dd", { id: "pending-count" }, String(mine.length)),
      h("dt", {}, t("last_sync")), h("dd", { id: "last-sync" }, lastSync ? fmtTime(lastSync) : t("never")),
      retryAt ? [h("dt", {}, t("retry_at")), h("dd", {}, fmtTime(retryAt))] : null,
      lastError ? [h("dt", {}, "!"), h("dd.muted", {}, lastError)] : null),
    button,
    h("ul.outbox", {}, items.map((r) => h("li", { class: r.status }, `${r.type === "visit" ? "🏠" : "➕"} ${r.label || r.uuid}`,
      h("small.muted", {}, " " + fmtTime(r.created)),
      r.user !== session.user.username ? h("small.muted", {}, ` (${t("other_user")}: ${r.user})`) : null,
      r.errors && r.errors.length ? h("ul.errors", {}, r.errors.map((e) => h("li", {}, `${e.field || "—"}: ${e.message}`))) : null,
      r.status === "invalid" ? h("button.link.danger", {
        type: "button",
        onclick: async () => { if (confirm(t("discard_confirm"))) { await db.batch([["outbox", "delete", r.uuid]]); syncScreen(); } },
      }, t("discard")) : null))),
  );
  refreshBadge();
}

function flash(text) {
  const el = h("div.toast", { role: "status" }, text);
  document.body.append(el);
  setTimeout(() => el.remove(), 3000);
}

// --- routing --------------------------------------------------------------------------------------------------

async function route() {
  await refreshBadge();
  if (!session) return loginScreen();
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  switch (parts[0]) {
    case "turf": return turfScreen(parts[1]);
    case "hh": return householdScreen(parts[1], parts[2]);
    case "visit": return visitScreen(parts[1], parts[2]);
    case "newhh": return newHouseholdScreen(parts[1]);
    case "sync": return syncScreen();
    default: return homeScreen();
  }
}

async function start() {
  setLang((await db.kv.get("lang")) || "id");
  db.persist();
  await loadSession();
  window.addEventListener("hashchange", route);
  window.addEventListener("online", refreshBadge);
  window.addEventListener("offline", refreshBadge);
  sync.onChange(() => refreshBadge());
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(appEl.dataset.sw, { scope: appEl.dataset.scope }).catch(() => {});
  }
  await route();
  appEl.dataset.ready = "1";
  if (session && navigator.onLine) sync.syncNow().then(afterAutoSync);
}

// A background sync that finds the token expired or revoked asks for a new sign-in; the outbox stays.
async function afterAutoSync(res) {
  await refreshBadge();
  if (res && res.error === "auth" && session) {
    session = null;
    loginScreen(t("session_expired"));
  }
}

start();
