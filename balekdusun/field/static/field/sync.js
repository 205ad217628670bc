// Push the outbox, then pull what changed. A record leaves the outbox only after the server answered
// created, duplicate or conflict for it; invalid ones stay with their errors; a failed request retries with backoff.
import * as db from "./db.js";

const API = "/api/v1/sync";
const BATCH = 500;
const BACKOFF = [5, 15, 60, 180, 600]; // seconds
const TIMEOUT = 90_000; // ms: 500 visits on a weak signal take a while, a dead connection must not hang forever
const APP_VERSION = "2";
let running = null;
let failures = 0;
let timer = null;
const listeners = new Set();

export function onChange(fn) { listeners.add(fn); }
function emit(state) { for (const fn of listeners) fn(state); }

export class AuthError extends Error {
  constructor() { super("auth"); this.status = 401; this.kind = "auth"; }
}

// Every failure carries a `kind` the screens turn into words (never the browser's "Failed to fetch"):
// offline, timeout, server (5xx), too_big (413), forbidden (403), rejected (other 4xx), locked (429), login (401).
export class SyncError extends Error {
  constructor(kind, status = 0, data = {}) { super(kind); this.kind = kind; this.status = status; this.data = data; }
}

export async function deviceId() {
  let id = await db.kv.get("device");
  if (!id) {
    id = "d-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    await db.kv.set("device", id);
  }
  return id;
}

// gzip where the browser can (CompressionStream): a day's push shrinks about 5x on a paid, slow connection.
async function encode(body) {
  const text = JSON.stringify(body);
  // Even one visit (~700 bytes) shrinks by half: a day of 60 single-visit pushes is what an officer pays for.
  if (text.length < 256 || typeof CompressionStream === "undefined") return { payload: text, gzip: false };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return { payload: await new Response(stream).arrayBuffer(), gzip: true };
}

async function call(path, { method = "GET", body, token, auth = true } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    const enc = method === "POST" && path === "/push" ? await encode(body) : { payload: JSON.stringify(body), gzip: false };
    payload = enc.payload;
    if (enc.gzip) headers["Content-Encoding"] = "gzip";
  }
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), TIMEOUT);
  let res;
  try {
    res = await fetch(API + path, { method, headers, body: payload, cache: "no-store", signal: abort.signal });
  } catch (err) {
    throw new SyncError(abort.signal.aborted ? "timeout" : "offline");
  } finally {
    clearTimeout(timeout);
  }
  if (res.status === 401 && auth) throw new AuthError();
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const kind = res.status === 401 ? "login" : res.status === 429 ? "locked" : res.status === 413 ? "too_big"
      : res.status === 403 ? "forbidden" : res.status >= 500 ? "server" : "rejected";
    const err = new SyncError(kind, res.status, data);
    err.retryAfter = Number(res.headers.get("Retry-After")) || 0;
    throw err;
  }
  return data;
}

// `otp`: the authenticator app's code, sent only when the server asked for it (roles with two-step sign-in).
// The answer carries the first pull (`pull: true`): signing in and the first sync cost one round trip.
// `cursor`: the phone's last cursor, sent only when the same officer signs in again (a delta, not everything).
export async function login(username, password, otp = "", cursor = null) {
  const device = await deviceId();
  const body = { username, password, device_name: device, pull: true };
  if (otp) body.otp = otp;
  if (cursor) body.cursor = cursor;
  return call("/token", { method: "POST", body, auth: false });
}

// After a sign-in whose answer carried the pull: store it; push only if this officer has records waiting
// (then pull again, as every sync does). Resolves like syncNow().
export async function afterLogin(res) {
  if (!res.pull) return syncNow();
  await store(res.pull);
  const { pending } = await counts(res.user.username);
  if (pending) return syncNow();
  // The answer held the officer's own turfs only: the rest of the villages (the neighbours the duplicate warning
  // needs) come with the next pull, in the background once the first screen is drawn.
  if (res.pull.partial) setTimeout(() => syncNow(), 200);
  failures = 0;
  clearTimeout(timer);
  await db.batch([["kv", "put", null, "retryAt"], ["kv", "put", new Date().toISOString(), "lastSync"], ["kv", "put", null, "lastError"]]);
  return { ok: true, acked: 0 };
}

// What the sticker code is, asked of the server when the phone holds no answer (a few hundred bytes).
export async function stickerState(code, token) {
  return call("/sticker/" + encodeURIComponent(code), { token });
}

export async function counts(user) {
  const items = await db.all("outbox");
  let pending = 0, failing = 0;
  for (const r of items) {
    if (r.user !== user) continue;
    pending += 1;
    if (r.status === "invalid") failing += 1;
  }
  return { pending, failing, all: items.length };
}

// Push the outbox in batches; the last batch asks for the pull too (`pull: true`: one round trip per sync).
// Resolves to {acked, pulled}: `pulled` is the pull's answer (already stored), or null when nothing was pushed.
export async function pushAll(token, user) {
  const items = (await db.all("outbox")).filter((r) => r.user === user)
    .sort((a, b) => (a.type === b.type ? a.created.localeCompare(b.created) : a.type === "household" ? -1 : 1));
  const device = await deviceId();
  let acked = 0;
  let pulled = null;
  const households = await db.table("households");
  for (let i = 0; i < items.length; i += BATCH) {
    const chunk = items.slice(i, i + BATCH);
    const last = i + BATCH >= items.length;
    const { pending, failing } = await counts(user);
    const body = { records: chunk.map((r) => ({ type: r.type, uuid: r.uuid, data: r.data })), device: { id: device, pending, failing, app_version: APP_VERSION } };
    if (last) {
      body.pull = true;
      const cursor = await db.kv.get("cursor");
      if (cursor) body.cursor = cursor;
    }
    const data = await call("/push", { method: "POST", token, body });
    const byUuid = new Map(chunk.map((r) => [r.uuid, r]));
    const ops = [];
    for (const res of data.results || []) {
      const rec = byUuid.get(res.uuid);
      if (!rec) continue;
      if (res.status === "invalid") {
        ops.push(["outbox", "put", { ...rec, status: "invalid", errors: res.errors || [], attempts: (rec.attempts || 0) + 1 }]);
        continue;
      }
      ops.push(["outbox", "delete", rec.uuid]);
      acked += 1;
      if (rec.type === "visit") {
        ops.push(["visits", "put", { uuid: rec.uuid, o: rec.data.outreach, k: rec.k, outcome: rec.data.outcome, at: rec.data.visited_at, status: res.status, flags: res.flags || [] }]);
      } else if (res.id) {
        const local = households.get("u" + rec.uuid);
        if (local) ops.push(["households", "put", { ...local, i: res.id, sent: true }]);
      }
    }
    await db.batch(ops);
    if (data.pull) pulled = await store(data.pull);
  }
  return { acked, pulled };
}

// Houses per transaction when a delta pull brings many (the rest of the village after a sign-in: ~1,800): one
// transaction of them all was a single task of ~0.7 s on a slow phone, and a tap landing in it waited for it all.
const HOUSE_SLICE = 50;

// Write what a pull brought: in one transaction, or, for a delta with many houses, the houses first in slices (one
// transaction each, written when the page is idle, so a tap never waits behind them), then the rest with the cursor. The cursor moves
// only once every house is stored: a phone closed half-way pulls the same delta again (the writes are upserts).
// A full pull (which clears the houses first) stays one transaction.
export async function store(data) {
  const ops = [];
  const houses = []; // groups of ops that belong together (a house made here, replaced by the server's row)
  if (data.full) ops.push(["households", "clear"]);
  for (const name of ["me", "outreaches", "turfs", "materials", "stock", "mystock", "stickers", "sticker_state", "refs"]) {
    if (name in data) ops.push(["kv", "put", data[name], name]);
  }
  const local = new Map();
  for (const x of (await db.table("households")).values()) if (x.local) local.set(x.u, x);
  for (const row of data.households || []) {
    const mine = row.u && local.get(row.u);
    // A house made on this phone keeps its place on the walk list it was added to.
    row.k = "s" + row.i;
    const group = [];
    if (mine) { row.turf = mine.turf; group.push(["households", "delete", "u" + row.u]); }
    group.push(["households", "put", row]);
    houses.push(group);
  }
  if (!data.full && houses.length > HOUSE_SLICE) {
    for (let i = 0; i < houses.length; i += HOUSE_SLICE) {
      await db.batch(houses.slice(i, i + HOUSE_SLICE).flat());
      // The next slice when the page is idle: a tap's own steps (its transaction, the next screen) go first.
      await new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 500 }) : setTimeout(resolve, 0)));
    }
  } else {
    ops.push(...houses.flat());
  }
  for (const [uuid, o, hid, outcome, at] of data.visits || []) {
    ops.push(["visits", "put", { uuid, o, k: "s" + hid, outcome, at, status: "stored" }]);
  }
  if (data.full) {
    // Households this phone made and still has to send survive a full refresh.
    for (const r of await db.all("outbox")) if (r.type === "household") ops.push(["households", "put", r.local]);
  }
  ops.push(["kv", "put", data.cursor, "cursor"]);
  await db.batch(ops);
  return data;
}

export async function pull(token) {
  const cursor = await db.kv.get("cursor");
  const device = await deviceId();
  const user = (await db.kv.get("user")) || {};
  const { pending, failing } = await counts(user.username);
  const qs = new URLSearchParams({ device, pending, failing, app_version: APP_VERSION });
  if (cursor) qs.set("cursor", cursor);
  return store(await call("/pull?" + qs, { token }));
}

function schedule(run) {
  clearTimeout(timer);
  const delay = BACKOFF[Math.min(failures - 1, BACKOFF.length - 1)] * 1000;
  const at = new Date(Date.now() + delay).toISOString();
  timer = setTimeout(run, delay);
  return at;
}

// One sync at a time; resolves to {ok, acked, error}. `error` is "auth" (sign in again) or a SyncError kind.
export function syncNow() {
  if (running) return running;
  running = (async () => {
    emit({ syncing: true });
    const token = await db.kv.get("token");
    const user = (await db.kv.get("user")) || {};
    if (!token) return { ok: false, error: "auth" };
    try {
      const { acked, pulled } = await pushAll(token, user.username);
      if (!pulled) await pull(token);
      failures = 0;
      clearTimeout(timer);
      await db.batch([["kv", "put", null, "retryAt"], ["kv", "put", new Date().toISOString(), "lastSync"], ["kv", "put", null, "lastError"]]);
      return { ok: true, acked };
    } catch (err) {
      if (err instanceof AuthError) {
        // The outbox stays; it is delivered after the officer signs in again.
        clearTimeout(timer);
        await db.batch([["kv", "put", null, "token"], ["kv", "put", "auth", "lastError"], ["kv", "put", null, "retryAt"]]);
        return { ok: false, error: "auth" };
      }
      failures += 1;
      const kind = err instanceof SyncError ? err.kind : "offline";
      const retryAt = schedule(() => syncNow());
      await db.batch([["kv", "put", kind, "lastError"], ["kv", "put", retryAt, "retryAt"]]);
      return { ok: false, error: kind, retryAt };
    }
  })().finally(() => {
    running = null;
    emit({ syncing: false });
  });
  return running;
}

window.addEventListener("online", () => { failures = 0; syncNow(); });
