// IndexedDB, the phone's only store. Every record is written here first and leaves only after the server's ack.
// Reads of the big stores (households, visits, outbox) come from a copy in memory, loaded once per page and kept
// in step by batch(): a screen over 5,000 houses and 2,000 waiting visits then costs no IndexedDB round trip.
const NAME = "balekdusun-field";
const VERSION = 1;
const CACHED = new Set(["households", "visits", "outbox"]);
let opening = null;
const memory = new Map(); // store -> Promise<Map<key, value>>
const kvMemory = new Map();

export function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore("kv"); // token, user, cursor, last sync, sections of the pull
        db.createObjectStore("households", { keyPath: "k" }); // "s<id>" from the server, "u<uuid>" made here
        db.createObjectStore("outbox", { keyPath: "uuid" }); // records waiting for the server
        db.createObjectStore("visits", { keyPath: "uuid" }); // doors knocked (from the server and sent from here)
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return opening;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  });
}

function result(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const KEYS = { households: "k", outbox: "uuid", visits: "uuid" };

function load(store) {
  if (!memory.has(store)) {
    memory.set(store, open().then((db) => result(db.transaction(store).objectStore(store).getAll()))
      .then((rows) => new Map(rows.map((r) => [r[KEYS[store]], r]))));
  }
  return memory.get(store);
}

// The live map of a cached store (do not change its values: write through batch()).
export function table(store) { return load(store); }

export async function get(store, key) {
  if (CACHED.has(store)) return (await load(store)).get(key);
  if (store === "kv" && kvMemory.has(key)) return kvMemory.get(key);
  const db = await open();
  const value = await result(db.transaction(store).objectStore(store).get(key));
  if (store === "kv") kvMemory.set(key, value);
  return value;
}

export async function all(store) {
  if (CACHED.has(store)) return [...(await load(store)).values()];
  const db = await open();
  return result(db.transaction(store).objectStore(store).getAll());
}

export async function count(store) {
  if (CACHED.has(store)) return (await load(store)).size;
  const db = await open();
  return result(db.transaction(store).objectStore(store).count());
}

export async function put(store, value, key) {
  return batch([[store, "put", value, key]]);
}

// Several writes in one transaction: all or nothing. ops = [[store, "put"|"delete"|"clear", value, key?], ...]
// The memory copy changes only after the transaction committed.
export async function batch(ops) {
  const db = await open();
  const stores = [...new Set(ops.map((op) => op[0]))];
  if (!stores.length) return;
  const tx = db.transaction(stores, "readwrite");
  for (const [store, kind, value, key] of ops) {
    const os = tx.objectStore(store);
    if (kind === "delete") os.delete(value);
    else if (kind === "clear") os.clear();
    else if (key === undefined) os.put(value);
    else os.put(value, key);
  }
  await done(tx);
  for (const [store, kind, value, key] of ops) {
    if (store === "kv") {
      if (kind === "put") kvMemory.set(key, value);
      else kvMemory.clear();
      continue;
    }
    if (!memory.has(store)) continue;
    const map = await memory.get(store);
    if (kind === "delete") map.delete(value);
    else if (kind === "clear") map.clear();
    else map.set(key === undefined ? value[KEYS[store]] : key, value);
  }
}

export const kv = {
  get: (key) => get("kv", key),
  set: (key, value) => put("kv", value, key),
};

// Ask the browser not to evict our data under storage pressure (best effort).
export function persist() {
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
}
