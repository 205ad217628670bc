// Push the outbox, then pull what changed. A record leaves the outbox only after the server answered
// created, duplicate or conflict for it; invalid ones stay with their errors; a failed request retries with backoff.
import * as db from "./db.js";

const API = "/api/v1/sync";
const BATCH = 500;
const BACKOFF = [5, 15, 60, 180, 600]; // seconds
const APP_VERSION = "1";
let running = null;
let failures = 0;
let timer = null;
const listeners = new Set();

export function onChange(fn) { listeners.add(fn); }
function emit(state) { for (const fn of listeners) fn(state); }

export class AuthError extends Error {
  constructor(m) { super(m); this.status = 401; }
}

export async function deviceId() {
  let id = await db.kv.get("device");
  if (!id) {
    id = "d-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    await db.kv.set("device", id);
  }
  return id;
}

async function call(path, { method = "GET", body, token } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  if (res.status === 401) throw new AuthError("401");
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(data.detail || `HTTP ${res.status}`);
    err.status = res.status;
    err.retryAfter = Number(res.headers.get("Retry-After")) || 0;
    throw err;
  }
  return data;
}

export async function login(username, password) {
  const device = await deviceId();
  return call("/token", { method: "POST", body: { username, password, device_name: device } });
}

export async function counts(user) {
  const items = await db.all("outbox");
  const mine = items.filter((r) => r.user === user);
  return { pending: mine.length, failing: mine.filter((r) => r.status === "invalid").length, all: items.length };
}

export async function pushAll(token, user) {
  const items = (await db.all("outbox")).filter((r) => r.user === user)
    .sort((a, b) => (a.type === b.type ? a.created.localeCompare(b.created) : a.type === "household" ? -1 : 1));
  const device = await deviceId();
  let acked = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const chunk = items.slice(i, i + BATCH);
    const { pending, failing } = await counts(user);
    const data = await call("/push", {
      method: "POST", token,
      body: { records: chunk.map((r) => ({ type: r.type, uuid: r.uuid, data: r.data })), device: { id: device, pending, failing, app_version: APP_VERSION } },
    });
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
        const local = await db.get("households", "u" + rec.uuid);
        if (local) ops.push(["households", "put", { ...local, i: res.id, sent: true }]);
      }
    }
    await db.batch(ops);
  }
  return acked;
}

export async function pull(token) {
  const cursor = await db.kv.get("cursor");
  const device = await deviceId();
  const user = (await db.kv.get("user")) || {};
  const { pending, failing } = await counts(user.username);
  const qs = new URLSearchParams({ device, pending, failing, app_version: APP_VERSION });
  if (cursor) qs.set("cursor", cursor);
  const data = await call("/pull?" + qs, { token });
  const ops = [];
  if (data.full) ops.push(["households", "clear"]);
  for (const name of ["me", "outreaches", "turfs", "materials", "stock", "stickers", "refs"]) {
    if (name in data) ops.push(["kv", "put", data[name], name]);
  }
  const local = new Map((await db.all("households")).filter((x) => x.local).map((x) => [x.u, x]));
  for (const row of data.households || []) {
    const mine = row.u && local.get(row.u);
    // A house made on this phone keeps its place on the walk list it was added to.
    ops.push(["households", "put", { ...row, k: "s" + row.i, turf: mine ? mine.turf : undefined }]);
    if (mine) ops.push(["households", "delete", "u" + row.u]);
  }
  for (const [uuid, o, hid, outcome, at] of data.visits || []) {
    ops.push(["visits", "put", { uuid, o, k: "s" + hid, outcome, at, status: "stored" }]);
  }
  ops.push(["kv", "put", data.cursor, "cursor"]);
  await db.batch(ops);
  if (data.full) {
    // Households this phone made and still has to send survive a full refresh.
    const waiting = (await db.all("outbox")).filter((r) => r.type === "household");
    await db.batch(waiting.map((r) => ["households", "put", r.local]));
  }
  return data;
}

function schedule(run) {
  clearTimeout(timer);
  const delay = BACKOFF[Math.min(failures - 1, BACKOFF.length - 1)] * 1000;
  const at = new Date(Date.now() + delay).toISOString();
  db.kv.set("retryAt", at);
  timer = setTimeout(run, delay);
  return at;
}

// One sync at a time; resolves to {ok, acked, error}.
export function syncNow() {
  if (running) return running;
  running = (async () => {
    emit({ syncing: true });
    const token = await db.kv.get("token");
    const user = (await db.kv.get("user")) || {};
    if (!token) return { ok: false, error: "auth" };
    try {
      const acked = await pushAll(token, user.username);
      await pull(token);
      failures = 0;
      clearTimeout(timer);
      await db.kv.set("retryAt", null);
      await db.kv.set("lastSync", new Date().toISOString());
      await db.kv.set("lastError", null);
      return { ok: true, acked };
    } catch (err) {
      if (err instanceof AuthError) {
        await db.kv.set("token", null);
        return { ok: false, error: "auth" };
      }
      failures += 1;
      await db.kv.set("lastError", String(err.message || err));
      const retryAt = schedule(() => syncNow());
      return { ok: false, error: "network", retryAt };
    }
  })().finally(() => {
    running = null;
    emit({ syncing: false });
  });
  return running;
}

window.addEventListener("online", () => { failures = 0; syncNow(); });
