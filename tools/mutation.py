"""`make mutation`: mutation testing (mutmut) of the sync push, the conflicts, the case workflow and the sticker
and case codes; writes bench/results/mutation.json with a score per module. See docs/mutation.md.

mutmut generates every mutant of the modules listed in pyproject.toml ([tool.mutmut] only_mutate); this script
runs the mutants of the functions named in TARGETS below (for visits/services.py only the functions that decide a
record's status), or an evenly spread, deterministic sample of them (`--sample N` per module; `--all` for every
one). Each mutant runs the tests that cover its function (mutmut's own selection). Score = killed / (run -
equivalent), where a mutant no test covers counts as surviving; the equivalent survivors are listed in EQUIVALENT
and docs/mutation.md.

    .venv/bin/python tools/mutation.py                  # sample of 40 per module (about 15 minutes here)
    .venv/bin/python tools/mutation.py --all            # every mutant (hours)
    .venv/bin/python tools/mutation.py --module cases/workflow.py --all

With DATABASE_URL pointing at PostgreSQL the tests reuse one test database (`--reuse-db`): a mutant then costs
about 3 s instead of 10 s (no migrations).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
RESULT = ROOT / "bench" / "results" / "mutation.json"
MUTMUT = [sys.executable, "-m", "mutmut"]

# module -> functions whose mutants count (None: every function of the module)
TARGETS: dict[str, list[str] | None] = {
    "visits/services.py": ["push", "_repeat_result", "_apply_household", "_household_ref", "_household_error",
                           "_resolve_refs", "_known_visit", "_apply_plain_visits", "_apply_visit", "_conflict",
                           "_foreign"],
    "visits/conflicts.py": None,
    "cases/workflow.py": None,
    "materials/codes.py": None,
    "cases/codes.py": None,
}

# Survivors judged equivalent (the program behaves the same; docs/mutation.md says why for each). They are left
# out of `score_percent` and reported apart; `raw_score_percent` counts them as survivors.
EQUIVALENT = {
    "balekdusun.visits.services.x__repeat_result__mutmut_12",
    "balekdusun.visits.services.x_push__mutmut_168",
    "balekdusun.visits.conflicts.x__take_incoming__mutmut_121",
    "balekdusun.materials.codes.x_check_char__mutmut_9",
    "balekdusun.materials.codes.x_normalize__mutmut_10",
    "balekdusun.materials.codes.x_normalize__mutmut_22",
    "balekdusun.materials.codes.x_normalize__mutmut_25",
    "balekdusun.materials.codes.x_normalize__mutmut_33",
}

# mutmut's exit codes of a mutant's test run
SURVIVED, NO_TESTS = 0, 5
TIMEOUTS = {24, -24, 36, 152}
NOT_RUN = {None, 33}


def module_name(path: str) -> str:
    return "balekdusun." + path[:-3].replace("/", ".")


def function_of(key: str) -> str:
    """`balekdusun.visits.services.x__apply_visit__mutmut_12` -> `_apply_visit` (methods: `Class.method`)."""
    name = re.sub(r"__mutmut_\d+$", "", key.rsplit(".", 1)[-1])
    return name[2:].replace("ǁ", ".").lstrip(".") if name.startswith("x") else name


def meta(path: str) -> dict:
    file = MUTANTS / "balekdusun" / (path + ".meta")
    return json.loads(file.read_text()) if file.exists() else {"exit_code_by_key": {}}


def targeted(path: str) -> list[str]:
    wanted = TARGETS[path]
    keys = [k for k in meta(path)["exit_code_by_key"] if wanted is None or function_of(k) in wanted]
    return sorted(keys, key=lambda k: (function_of(k), int(k.rsplit("_", 1)[-1])))


def sample(keys: list[str], n: int | None) -> list[str]:
    if n is None or len(keys) <= n:
        return keys
    step = len(keys) / n
    return [keys[int(i * step)] for i in range(n)]


def mutmut(*args: str) -> int:
    env = dict(os.environ, BALEKDUSUN_MODE="test")
    if env.get("DATABASE_URL", "").startswith("postgres"):
        env["PYTEST_ADDOPTS"] = (env.get("PYTEST_ADDOPTS", "") + " --reuse-db").strip()
    return subprocess.call([*MUTMUT, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def diff(key: str) -> str:
    out = subprocess.run([*MUTMUT, "show", key], cwd=ROOT, capture_output=True, text=True).stdout
    return "\n".join(line for line in out.splitlines() if line.startswith(("+", "-"))
                     and not line.startswith(("+++", "---")))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sample", type=int, default=40, help="Mutants per module (evenly spread; default 40).")
    p.add_argument("--all", action="store_true", help="Every mutant of the targeted functions.")
    p.add_argument("--module", action="append", choices=list(TARGETS), help="Only this module (repeatable).")
    p.add_argument("--children", type=int, default=2, help="Mutants run at once (default 2).")
    p.add_argument("--fresh", action="store_true", help="Forget earlier results (mutants/ is rebuilt).")
    args = p.parse_args()
    modules = args.module or list(TARGETS)
    if args.fresh and MUTANTS.exists():
        shutil.rmtree(MUTANTS)

    # First call: mutmut writes every mutant (and maps tests to functions); the smallest module is run whole.
    if not all((MUTANTS / "balekdusun" / (m + ".meta")).exists() for m in modules):
        mutmut("run", "--max-children", str(args.children), module_name("cases/workflow.py") + ".*")
    chosen = {m: sample(targeted(m), None if args.all else args.sample) for m in modules}
    # Mutants not run yet, and the survivors of an earlier run (tests may have been added since).
    names = [k for keys in chosen.values() for k in keys if meta_code(k) in NOT_RUN | {SURVIVED, NO_TESTS}]
    if names:
        mutmut("run", "--max-children", str(args.children), *names)

    report = {"tool": "mutmut", "at": datetime.now(UTC).isoformat(timespec="seconds"),
              "database": "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite",
              "sample_per_module": None if args.all else args.sample, "modules": {}}
    previous = json.loads(RESULT.read_text()) if RESULT.exists() else {}
    report["modules"] = dict(previous.get("modules", {}))
    failed = False
    for m in modules:
        codes = meta(m)["exit_code_by_key"]
        keys = [k for k in chosen[m] if codes.get(k) not in NOT_RUN]
        all_survived = [k for k in keys if codes[k] in (SURVIVED, NO_TESTS)]
        equivalent = [k for k in all_survived if k in EQUIVALENT]
        survived = [k for k in all_survived if k not in EQUIVALENT]
        timeouts = [k for k in keys if codes[k] in TIMEOUTS]
        killed = len(keys) - len(all_survived)
        counted = len(keys) - len(equivalent)
        score = round(100 * killed / counted, 1) if counted else None
        raw = round(100 * killed / len(keys), 1) if keys else None
        report["modules"][f"balekdusun/{m}"] = {
            "functions": TARGETS[m] or "all", "mutants_in_scope": len(targeted(m)), "run": len(keys),
            "killed": killed, "timeouts_counted_killed": len(timeouts), "equivalent": len(equivalent),
            "survived": len(survived), "score_percent": score, "raw_score_percent": raw,
            "survivors": [{"mutant": k, "function": function_of(k), "untested": codes[k] == NO_TESTS,
                           "diff": diff(k)} for k in survived],
            "equivalent_survivors": [{"mutant": k, "diff": diff(k)} for k in equivalent]}
        print(f"{m:24} {len(keys):4} run {killed:4} killed {len(equivalent):3} equivalent {len(survived):3} "
              f"survived  score {score}% (raw {raw}%)")
        failed |= score is None or score < 90
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written {RESULT.relative_to(ROOT)}")
    return 1 if failed else 0


def meta_code(key: str):
    path = key[len("balekdusun."):].rsplit(".", 1)[0].replace(".", "/") + ".py"
    return meta(path)["exit_code_by_key"].get(key)


if __name__ == "__main__":
    sys.exit(main())
