"""Turf cutting and walk-route ordering. Pure functions over projected points (metres); no database here.

* `cut(points, k)`: balanced k-means. Each round assigns points to centres by a min-cost flow (OR-Tools) with
  every turf capped at ceil(n / k) households, so the sizes never differ by more than one, and moves each centre
  to the mean of its points. The assignment keeps the squared distance low, which keeps turfs compact.
* `order(points, first=...)`: an open walking path through the points. Points in `first` (never visited, or last
  found not home) are walked before the others: that group is solved as its own path, then the rest continues
  from its last door. The path solver is fast-tsp (Or-opt/2-opt plus LKH-style alpha-nearness candidates, in
  C++): on 500-door turfs it comes within 1% of LKH in a tenth of a second, where OR-Tools' routing library
  needs tens of seconds of guided local search to get within a few percent (bench/walk_routes.py measures
  both). `solve_path_ortools` stays as the reference the benchmark compares against.

An open path becomes a closed tour by adding a dummy node at distance zero from every door; a fixed first door
is forced by making the dummy far from every other door.
"""

from __future__ import annotations

import math
import random

import fast_tsp
import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.graph.python import min_cost_flow


def distance_matrix(points: list[tuple[float, float]]) -> np.ndarray:
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    diff = arr[:, None, :] - arr[None, :, :]
    return np.sqrt((diff**2).sum(axis=2))


def path_length(points: list[tuple[float, float]], order: list[int]) -> float:
    return sum(math.dist(points[a], points[b]) for a, b in zip(order, order[1:], strict=False))


# --- cutting --------------------------------------------------------------------------------------------------

def _kmeans_pp(arr: np.ndarray, k: int, rng: random.Random) -> np.ndarray:
    centres = [arr[rng.randrange(len(arr))]]
    for _ in range(1, k):
        d2 = np.min(((arr[:, None, :] - np.asarray(centres)[None, :, :]) ** 2).sum(axis=2), axis=1)
        total = float(d2.sum())
        if total == 0:
            centres.append(arr[rng.randrange(len(arr))])
            continue
        pick, acc = rng.random() * total, 0.0
        for i, w in enumerate(d2):
            acc += float(w)
            if acc >= pick:
                centres.append(arr[i])
                break
    return np.asarray(centres, dtype=float)


def _balanced_assign(arr: np.ndarray, centres: np.ndarray, cap: int) -> list[int]:
    """Minimum total squared distance assignment with at most `cap` points per centre (min-cost flow)."""
    n, k = len(arr), len(centres)
    d2 = ((arr[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    scale = 1.0 / max(1.0, float(d2.max()) / 100_000)  # integer costs with ~5 significant digits
    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = n + k, n + k + 1
    low = n // k
    points_idx = np.arange(n, dtype=np.int64)
    # source -> point (capacity 1), point -> centre (capacity 1, cost = scaled squared distance), centre -> sink.
    # The first `low` units into the sink are strongly rewarded so every turf reaches floor(n / k); at most
    # ceil(n / k) - floor(n / k) more may follow, at no reward.
    tails = [np.full(n, source), np.repeat(points_idx, k), n + np.arange(k), n + np.arange(k)]
    heads = [points_idx, np.tile(n + np.arange(k), n), np.full(k, sink), np.full(k, sink)]
    caps = [np.ones(n, dtype=np.int64), np.ones(n * k, dtype=np.int64), np.full(k, low), np.full(k, cap - low)]
    costs = [np.zeros(n, dtype=np.int64), np.rint(d2 * scale).astype(np.int64).ravel(), np.full(k, -10**9),
             np.zeros(k, dtype=np.int64)]
    flow.add_arcs_with_capacity_and_unit_cost(*(np.concatenate(a).astype(np.int64) for a in (tails, heads, caps,
                                                                                                costs)))
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    status = flow.solve()
    if status != flow.OPTIMAL:  # cannot happen with k * cap >= n; fail loudly rather than cut badly
        raise RuntimeError(f"turf assignment failed with status {status}")
    # Arcs n .. n + n*k - 1 are the point -> centre arcs, in point-major order.
    used = flow.flows(np.arange(n, n + n * k)).reshape(n, k)
    return [int(j) for j in used.argmax(axis=1)]


def cut(points: list[tuple[float, float]], k: int, *, seed: int = 7, rounds: int = 12) -> list[int]:
    """Label each point with a turf 0..k-1; turf sizes differ by at most one and turfs are compact."""
    n = len(points)
    if k < 1:
        raise ValueError("k must be at least 1")
    if n == 0:
        return []
    k = min(k, n)
    arr = np.asarray(points, dtype=float)
    cap = math.ceil(n / k)
    centres = _kmeans_pp(arr, k, random.Random(seed))
    labels: list[int] = []
    for _ in range(rounds):
        new = _balanced_assign(arr, centres, cap)
        if new == labels:
            break
        labels = new
        lab = np.asarray(labels)
        centres = np.asarray([arr[lab == j].mean(axis=0) if (lab == j).any() else centres[j] for j in range(k)])
    # Number turfs from north-west to south-east so "Turf 1" is predictable for the same village.
    order = sorted(range(k), key=lambda j: (-round(centres[j][1], -1), round(centres[j][0], -1)))
    rename = {old: new for new, old in enumerate(order)}
    return [rename[label] for label in labels]


# --- ordering -------------------------------------------------------------------------------------------------

def solve_path_ortools(dist: np.ndarray, *, start: int | None = None, seconds: float = 1.0,
               metaheuristic: str = "GUIDED_LOCAL_SEARCH", first_only: bool = False) -> list[int]:
    """Open path visiting every node of `dist` once (indices into dist). With `start`, the path begins there.

    A dummy depot at zero distance from every node turns the open path into OR-Tools' closed tour.
    """
    n = len(dist)
    if n <= 2:
        nodes = list(range(n))
        if start is not None and n == 2 and start == 1:
            nodes.reverse()
        return nodes
    depot = n
    full = np.zeros((n + 1, n + 1), dtype=np.int64)
    full[:n, :n] = np.rint(dist * 10).astype(np.int64)  # decimetres: integer costs without losing detail
    if start is not None:
        # Leaving the depot anywhere but `start` is forbidden by a large cost.
        full[depot, :n] = 10**9
        full[depot, start] = 0
    manager = pywrapcp.RoutingIndexManager(n + 1, 1, depot)
    routing = pywrapcp.RoutingModel(manager)
    transit = routing.RegisterTransitMatrix(full.tolist())
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = getattr(routing_enums_pb2.LocalSearchMetaheuristic, metaheuristic)
    params.time_limit.FromMilliseconds(max(1, int(seconds * 1000)))
    if first_only:
        params.solution_limit = 1
    solution = routing.SolveWithParameters(params)
    if solution is None:
        raise RuntimeError("the route solver found no solution")
    index = routing.Start(0)
    path = []
    while not routing.IsEnd(index):
        node = manager.IndexToNode(index)
        if node != depot:
            path.append(node)
        index = solution.Value(routing.NextVar(index))
    return path


def order(points: list[tuple[float, float]], *, first: set[int] | None = None, seconds: float = 1.0) -> list[int]:
    """Walking order (indices into `points`): the `first` group as one path, then the rest from where it ended."""
    n = len(points)
    if n == 0:
        return []
    first = set(first or ()) & set(range(n))
    groups = [sorted(first), sorted(set(range(n)) - first)] if first else [list(range(n))]
    groups = [g for g in groups if g]
    dist = distance_matrix(points)
    result: list[int] = []
    for group in groups:
        share = seconds * len(group) / n
        if result:
            # Continue from the last door of the previous group: start at it, then drop it.
            nodes = [result[-1], *group]
            sub = dist[np.ix_(nodes, nodes)]
            path = solve_path(sub, start=0, seconds=share)
            result.extend(nodes[i] for i in path[1:])
        else:
            sub = dist[np.ix_(group, group)]
            result.extend(group[i] for i in solve_path(sub, seconds=share))
    return result


def solve_path(dist: np.ndarray, *, start: int | None = None, seconds: float = 1.0) -> list[int]:
    """Open path through every node of `dist` (metres), optionally from `start`, with fast-tsp."""
    n = len(dist)
    if n <= 2:
        nodes = list(range(n))
        if start == 1:
            nodes.reverse()
        return nodes
    # fast-tsp takes 16-bit integer distances: decimetres when the village fits, coarser units otherwise.
    far = float(dist.max()) or 1.0
    scale = min(10.0, 30_000.0 / far)
    full = np.zeros((n + 1, n + 1), dtype=np.int64)
    full[:n, :n] = np.rint(dist * scale)
    dummy = n
    if start is not None:
        full[dummy, :n] = full[:n, dummy] = 65_000
        full[dummy, start] = full[start, dummy] = 0
    tour = fast_tsp.find_tour(full.tolist(), max(0.01, seconds), max_threads=1, stop_when_converged=True)
    k = tour.index(dummy)
    path = tour[k + 1:] + tour[:k]
    if start is not None and path[0] != start:
        path.reverse()
    return path
