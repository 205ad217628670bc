// Position and distances. GPS is best effort: a visit is never held back for want of a fix.
export function position(timeout = 15000) {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: +p.coords.latitude.toFixed(6), lon: +p.coords.longitude.toFixed(6), acc: Math.round(p.coords.accuracy) }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout, maximumAge: 60000 },
    );
  });
}

export function metres(lat1, lon1, lat2, lon2) {
  const r = 6371000, rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

function words(s) {
  return new Set((s || "").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1));
}

// Households that may be the same house: within `radius` metres, or same RT with a similar address.
// Closest first (by GPS when both have it), then the most similar address.
export function nearby(households, { village, lat, lon, rt, address }, radius = 15) {
  const mine = words(address);
  const hits = [];
  for (const h of households) {
    if (h.v !== village) continue;
    const dist = lat != null && h.y != null ? metres(lat, lon, h.y, h.x) : Infinity;
    let similar = 0;
    if (mine.size && h.a && !(rt && h.r && rt !== h.r)) {
      const theirs = words(h.a);
      similar = [...mine].filter((w) => theirs.has(w)).length / Math.max(mine.size, theirs.size);
    }
    if (dist <= radius || similar >= 0.6) hits.push({ h, dist, similar });
  }
  hits.sort((a, b) => (a.dist - b.dist) || (b.similar - a.similar));
  return hits.map((x) => x.h);
}
