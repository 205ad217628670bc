"""Shared pieces of the benchmarks: machine facts, timing, peak memory, the results table and JSON file.

Every benchmark compares against a baseline measured in the same run (raw executemany, an empty request on the
same server), because these machines are noisy; `ratio` is value / baseline.
"""

import argparse
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parent.parent


def setup_django(mode: str = "test") -> None:
    """Configure Django for a benchmark script (no SECRET_KEY needed; DATABASE_URL is honoured)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balekdusun.settings")
    os.environ.setdefault("BALEKDUSUN_MODE", mode)
    import django

    django.setup()


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="A smaller run for CI and laptops.")
    return p


def machine() -> dict:
    return {
        "hostname": platform.node(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


@contextmanager
def timer():
    """with timer() as t: ...; t() -> seconds elapsed."""
    start = time.perf_counter()
    result = {"elapsed": None}
    yield lambda: result["elapsed"] if result["elapsed"] is not None else time.perf_counter() - start
    result["elapsed"] = time.perf_counter() - start


@contextmanager
def peak_python_memory():
    """Peak memory allocated by Python code inside the block, in MB (tracemalloc; slows the block down)."""
    tracemalloc.start()
    out = {"mb": None}
    try:
        yield lambda: out["mb"]
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out["mb"] = peak / 2**20


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process (or RUSAGE_CHILDREN) so far, in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def figure(metric: str, value: float, unit: str, *, baseline: float | None = None, target: str = "",
           ok: bool | None = None) -> dict:
    ratio = round(value / baseline, 3) if baseline else None
    return {"metric": metric, "value": round(value, 4), "unit": unit, "baseline": baseline and round(baseline, 4),
            "ratio": ratio, "target": target, "met": ok}


def report(name: str, figures: list[dict], **extra) -> Path:
    """Print the figures as a table and write bench/results/<name>.json."""
    widths = (52, 12, 6, 12, 8, 24)
    head = ("metric", "value", "unit", "baseline", "ratio", "target")
    print(" ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    for f in figures:
        row = (f["metric"], f["value"], f["unit"], f["baseline"] if f["baseline"] is not None else "-",
               f["ratio"] if f["ratio"] is not None else "-",
               f"{f['target']}{'' if f.get('met') is None else (' ✓' if f['met'] else ' ✗')}")
        print(" ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"name": name, "machine": machine(), "figures": figures, **extra}, indent=2,
                               ensure_ascii=False))
    print(f"→ {path.relative_to(ROOT)}")
    return path
