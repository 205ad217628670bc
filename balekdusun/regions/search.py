"""Area search that forgives case, spacing, "Kab."/"Kec."/"Desa" prefixes, local aliases and small typos.

All 91,599 names live in one in-memory index per process (about 10 MB), built on first use from the Area and
AreaAlias tables; a fuzzy pass with rapidfuzz over that index takes a few milliseconds.
"""

import threading
import time
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from balekdusun.lib.text import fold, normalize_area_name

_INDEX_TTL_SECONDS = 600
# A typed prefix hints at the level: "Kec. Sirah Pulau Padang" is the district, not the village of that name.
_LEVEL_HINTS = {"prov": 1, "provinsi": 1, "kab": 2, "kabupaten": 2, "kota": 2, "kec": 3, "kecamatan": 3,
                "distrik": 3, "desa": 4, "ds": 4, "kel": 4, "kelurahan": 4}


@dataclass
class _Index:
    built_at: float
    codes: list[str]          # one entry per name or alias
    names: list[str]          # normalised
    squashed: list[str]       # normalised, without spaces
    level: dict[str, int]
    label: dict[str, str]     # code -> display name, for building paths
    display: dict[str, str]   # code -> plain name
    kind: dict[str, str]
    postal: dict[str, str]


_lock = threading.Lock()
_index: _Index | None = None


def invalidate() -> None:
    global _index
    with _lock:
        _index = None


def _build() -> _Index:
    from balekdusun.regions.models import Area, AreaAlias

    codes, names, squashed = [], [], []
    level, label, display, kind, postal = {}, {}, {}, {}, {}
    prefixes = {1: "Provinsi ", 3: "Kec. "}
    for code, lvl, name, knd, pc, sname in Area.objects.values_list(
        "code", "level", "name", "kind", "postal_code", "search_name"
    ).iterator(chunk_size=10000):
        codes.append(code)
        names.append(sname)
        squashed.append(sname.replace(" ", ""))
        level[code] = lvl
        display[code] = name
        kind[code] = knd
        if pc:
            postal[code] = pc
        if lvl == 4:
            label[code] = ("Kel. " if knd == "kelurahan" else "Desa ") + name
        else:
            label[code] = prefixes.get(lvl, "") + name
    for code, sname in AreaAlias.objects.values_list("area_id", "search_name"):
        if code in level:
            codes.append(code)
            names.append(sname)
            squashed.append(sname.replace(" ", ""))
    return _Index(time.monotonic(), codes, names, squashed, level, label, display, kind, postal)


def _get_index() -> _Index:
    global _index
    idx = _index
    if idx is None or time.monotonic() - idx.built_at > _INDEX_TTL_SECONDS:
        with _lock:
            if _index is None or time.monotonic() - _index.built_at > _INDEX_TTL_SECONDS:
                _index = _build()
            idx = _index
    return idx


def area_path(code: str) -> str:
    idx = _get_index()
    parts = code.split(".")
    chain = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return ", ".join(idx.label[c] for c in chain if c in idx.label)


def describe(code: str) -> dict:
    idx = _get_index()
    return {
        "code": code,
        "name": idx.display.get(code, ""),
        "level": idx.level.get(code),
        "kind": idx.kind.get(code, ""),
        "label": idx.label.get(code, ""),
        "path": area_path(code),
        "postal_code": idx.postal.get(code, ""),
    }


def search_areas(query: str, *, level: int | None = None, within: str | None = None,
                 allowed=None, limit: int = 10) -> list[dict]:
    """Best matches for `query`, best first.

    `within` keeps areas at or below a code; `allowed` is an optional predicate on codes (jurisdiction).
    A query that is itself a known code returns that area.
    """
    idx = _get_index()
    raw = (query or "").strip()
    if raw in idx.level:
        candidates = {raw: 1000.0}
    else:
        q = normalize_area_name(raw)
        if len(q) < 2:
            return []
        sq = q.replace(" ", "")
        candidates: dict[str, float] = {}

        def keep(i: int) -> bool:
            code = idx.codes[i]
            if level is not None and idx.level[code] != level:
                return False
            if within and not (code == within or code.startswith(within + ".")):
                return False
            return allowed is None or allowed(code)

        def offer(i: int, score: float) -> None:
            code = idx.codes[i]
            if score > candidates.get(code, -1) and keep(i):
                candidates[code] = score

        for i, (name, squash) in enumerate(zip(idx.names, idx.squashed, strict=True)):
            if squash == sq:
                offer(i, 100)
            elif squash.startswith(sq):
                offer(i, 90)
            elif f" {q}" in f" {name}":
                offer(i, 80)
        # Typos: compare without spaces so "Permatang Buluran" meets "Pematang Buluran".
        for _choice, score, i in process.extract(sq, idx.squashed, scorer=fuzz.ratio, limit=60, score_cutoff=80):
            offer(i, score * 0.85)
        first = fold(raw).split(" ", 1)[0]
        hinted = _LEVEL_HINTS.get(first) if q != normalize_area_name(first) else None
        if hinted:
            for code in candidates:
                if idx.level[code] == hinted:
                    candidates[code] += 5
    ranked = sorted(candidates.items(), key=lambda kv: (-kv[1], idx.level[kv[0]], kv[0]))[:limit]
    return [{**describe(code), "score": round(score, 1)} for code, score in ranked]
