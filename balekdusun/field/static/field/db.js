// IndexedDB, the phone's only store. Every record is written here first and leaves only after the server's ack.
const NAME = "balekdusun-field";
const VERSION = 1;
let opening = null;

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

export async function get(store, key) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).get(key));
}

export async function all(store) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).getAll());
}

export async function count(store) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).count());
}

export async function put(store, value, key) {
  const db = await open();
  const tx = db.transaction(store, "readwrite");
  if (key === undefined) tx.objectStore(store).put(value);
  else tx.objectStore(store).put(value, key);
  return done(tx);
}

// Several writes in one transaction: all or nothing. ops = [[store, "put"|"delete", value, key?], ...]
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
  return done(tx);
}

export const kv = {
  get: (key) => get("kv", key),
  set: (key, value) => put("kv", value, key),
};

// Ask the browser not to evict our data under storage pressure (best effort).
export function persist() {
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
}
