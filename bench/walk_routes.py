"""Walk routes: cut a 2,000-household synthetic village into 4 turfs and order each turf's route.

Measures the time of the whole planning step (balanced cut + route ordering, as services.cut_turfs runs it, minus
the database) and the total route length, against OR-Tools routing with guided local search given 30 s per turf
(5 s with --quick) on the same turfs, in the same run.

    .venv/bin/python bench/walk_routes.py [--quick]
"""

import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

HOUSEHOLDS = 2000
TURFS = 4
SEED = 20231207
ORDER_BUDGET_S = 0.4  # what the planning step may spend ordering all turfs (split by turf size)


def synthetic_village(n: int, seed: int) -> list[tuple[float, float]]:
    """Projected points in metres: five hamlets strung along a winding river road, plus scattered farm houses."""
    rng = random.Random(seed)
    hamlets = [(rng.uniform(-1500, 1500), rng.uniform(-900, 900)) for _ in range(5)]
    points = []
    for i in range(n):
        if rng.random() < 0.12:  # scattered along the fields
            points.append((rng.uniform(-1800, 1800), rng.uniform(-1100, 1100)))
            continue
        hx, hy = hamlets[i % len(hamlets)]
        t = rng.uniform(-350, 350)
        angle = 0.6 * math.sin(hx / 500)
        points.append((hx + t * math.cos(angle) + rng.gauss(0, 25), hy + t * math.sin(angle) + rng.gauss(0, 40)))
    return points


def main() -> None:
    args = _common.parser(__doc__.splitlines()[0]).parse_args()
    _common.setup_django()
    from balekdusun.campaigns import routing

    baseline_s = 5.0 if args.quick else 30.0
    points = synthetic_village(HOUSEHOLDS, SEED)

    with _common.timer() as elapsed:
        labels = routing.cut(points, TURFS)
        turfs = [[i for i, label in enumerate(labels) if label == j] for j in range(TURFS)]
        routes = []
        for members in turfs:
            sub = [points[i] for i in members]
            routes.append(routing.order(sub, seconds=ORDER_BUDGET_S * len(members) / HOUSEHOLDS))
    ours_s = elapsed()
    ours_len = sum(routing.path_length([points[i] for i in members], route)
                   for members, route in zip(turfs, routes, strict=True))

    sizes = [len(t) for t in turfs]
    mean = HOUSEHOLDS / TURFS
    deviation = max(abs(s - mean) / mean for s in sizes) * 100

    print(f"OR-Tools guided local search, {baseline_s:.0f} s per turf …", flush=True)
    base_len = 0.0
    first_len = 0.0
    for members in turfs:
        sub = [points[i] for i in members]
        dist = routing.distance_matrix(sub)
        path = routing.solve_path_ortools(dist, seconds=baseline_s)
        base_len += routing.path_length(sub, path)
        first = routing.solve_path_ortools(dist, seconds=60, first_only=True)  # path cheapest arc, no search
        first_len += routing.path_length(sub, first)

    figures = [
        _common.figure("cut 4 turfs + order routes (2,000 households)", ours_s, "s", target="< 2 s",
                       ok=ours_s < 2.0),
        _common.figure("total route length, ours", ours_len, "m", baseline=base_len,
                       target="≤ 1.05 × OR-Tools GLS", ok=ours_len <= 1.05 * base_len),
        _common.figure(f"total route length, OR-Tools GLS {baseline_s:.0f} s/turf", base_len, "m"),
        _common.figure("total route length, OR-Tools first solution", first_len, "m", baseline=base_len),
        _common.figure("largest turf size deviation from the mean", deviation, "%", target="≤ 10 %",
                       ok=deviation <= 10),
    ]
    _common.report("walk_routes", figures, households=HOUSEHOLDS, turfs=TURFS, seed=SEED, quick=args.quick,
                   turf_sizes=sizes, ortools_seconds_per_turf=baseline_s, order_budget_s=ORDER_BUDGET_S)


if __name__ == "__main__":
    main()
