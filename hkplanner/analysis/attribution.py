"""Why a result moved: the change from the baseline split into each decision's part (Shapley values).

The players are the changed parameters and the changed phases (matched by name: added, removed or
edited). Every mix of "as in the baseline" and "as in the scenario" is projected in one batch, on a
scenario that holds every phase of both: a phase a mix leaves out gets zero capacity. Up to
`EXACT_PLAYERS` players the value is exact (every coalition); above, it is averaged over sampled orders
(antithetic pairs). Either way each order's parts add up to the whole change, so the parts always do.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from hkplanner.analysis.inputs import HORIZON_GROUP, BatchProjector, default_projector
from hkplanner.core.parameters import REGISTRY
from hkplanner.core.phases import Phase
from hkplanner.core.scenario import Scenario

EXACT_PLAYERS = 12  # 4,096 coalitions: one batch of exact values
SAMPLED_ROWS = 20_000  # rows of one sampling batch above that


class AttributionError(ValueError):
    """A result that cannot be attributed; the message says why."""


@dataclass(frozen=True)
class Player:
    """One decision that differs from the baseline."""

    kind: str  # "parameter", "phase added", "phase removed", "phase edited"
    key: str  # the parameter key or the phase's name
    label: str


@dataclass(frozen=True)
class Attribution:
    series: str
    year: int
    baseline_value: float
    current_value: float
    contributions: tuple[tuple[Player, float], ...]  # largest effect first
    exact: bool
    orders: int  # orders averaged over: all of them (p!) when exact

    @property
    def total(self) -> float:
        return self.current_value - self.baseline_value


def attribute(
    baseline: Scenario,
    current: Scenario,
    series: str,
    year: int,
    *,
    projector: BatchProjector | None = None,
    seed: int = 0,
) -> Attribution:
    project_batch = projector or default_projector()
    for scenario in (baseline, current):
        if not int(scenario["end_year"]) >= year:
            raise AttributionError(f"{year} is after the end of {scenario.name!r} ({scenario['end_year']})")
    game = _Game(baseline, current)
    p = len(game.players)
    exact = p <= EXACT_PLAYERS
    coalitions, orders = (_all_coalitions(p), None) if exact else _sampled_orders(p, seed)
    batch = project_batch(game.base, game.overrides(coalitions), n=len(coalitions))
    values = np.asarray(batch.at(series, year), dtype=float)
    shares = _exact_shapley(values, p) if exact else _sampled_shapley(values, orders)
    start, end = float(values[0]), float(values[-1])  # the empty coalition first, the full one last
    _check_ends(project_batch, baseline, current, series, year, start, end)
    ranked = sorted(zip(game.players, map(float, shares), strict=True), key=lambda pair: -abs(pair[1]))
    averaged = math.factorial(p) if exact else len(orders)
    return Attribution(series, year, start, end, tuple(ranked), exact, averaged)


class _Game:
    """The players and the one scenario every coalition is projected on."""

    def __init__(self, baseline: Scenario, current: Scenario) -> None:
        self.players: list[Player] = []
        self.parameters: list[tuple[int, str, float, float]] = []  # player, key, baseline, current
        self.phase_rows: list[tuple[int, int, float, bool]] = []  # player, union index, capacity, on when in
        keys = [k for k in current.changed_keys(baseline) if REGISTRY[k].group != HORIZON_GROUP]
        for key in keys:
            self.parameters.append((len(self.players), key, float(baseline[key]), float(current[key])))
            self.players.append(Player("parameter", key, REGISTRY[key].title))
        union: list[Phase] = []
        before, after = _by_name(baseline.phases), _by_name(current.phases)
        for identity in list(before) + [i for i in after if i not in before]:
            old, new = before.get(identity), after.get(identity)
            if old == new:
                union.append(old)
                continue
            kind = "phase edited" if old and new else ("phase removed" if old else "phase added")
            player = len(self.players)
            self.players.append(Player(kind, identity[0], f"{kind.split()[1].capitalize()}: {identity[0]}"))
            for phase, on_when_in in ((old, False), (new, True)):
                if phase is not None:
                    self.phase_rows.append((player, len(union), float(phase.capacity_pf), on_when_in))
                    union.append(phase)
        end_year = max(baseline["end_year"], current["end_year"])
        self.base = Scenario(baseline.name, {**baseline.values, "end_year": end_year}, tuple(union))

    def overrides(self, coalitions: np.ndarray) -> dict[str, np.ndarray]:
        overrides = {}
        for player, key, before, after in self.parameters:
            overrides[key] = np.where(coalitions[:, player], after, before)
        for player, index, capacity, on_when_in in self.phase_rows:
            present = coalitions[:, player] == on_when_in
            overrides[f"phase.{index}.capacity_pf"] = np.where(present, capacity, 0.0)
        return overrides


def _by_name(phases: tuple[Phase, ...]) -> dict[tuple[str, int], Phase]:
    """Phases keyed by name (and which of that name, should two share one)."""
    seen: Counter = Counter()
    keyed = {}
    for phase in phases:
        keyed[(phase.name, seen[phase.name])] = phase
        seen[phase.name] += 1
    return keyed


def _all_coalitions(p: int) -> np.ndarray:
    """Every subset of p players as a row of booleans, row m holding the bits of m (empty first, full last)."""
    return (np.arange(2**p)[:, None] >> np.arange(p)) & 1 == 1


def _exact_shapley(values: np.ndarray, p: int) -> np.ndarray:
    sizes = np.array([bin(m).count("1") for m in range(2**p)])
    weights = np.array([math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) for s in range(p)])
    shares = np.empty(p)
    for i in range(p):
        without = np.flatnonzero((np.arange(2**p) >> i) & 1 == 0)
        shares[i] = math.fsum(weights[sizes[without]] * (values[without | (1 << i)] - values[without]))
    return shares


def _sampled_orders(p: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Random orders, each followed by its reverse, and every prefix of each as a coalition.

    Rows: the empty coalition, then p + 1 prefixes per order, then the full coalition.
    """
    rng = np.random.default_rng(seed)
    forward = np.array([rng.permutation(p) for _ in range(max(1, SAMPLED_ROWS // (2 * (p + 1))))])
    orders = np.concatenate([forward, forward[:, ::-1]])
    position = np.argsort(orders, axis=1)  # where each player comes in each order
    prefixes = position[:, None, :] < np.arange(p + 1)[None, :, None]  # (orders, p + 1, p)
    empty, full = np.zeros((1, p), bool), np.ones((1, p), bool)
    return np.vstack([empty, prefixes.reshape(-1, p), full]), orders


def _sampled_shapley(values: np.ndarray, orders: np.ndarray) -> np.ndarray:
    count, p = orders.shape
    steps = values[1:-1].reshape(count, p + 1)
    marginal = np.diff(steps, axis=1)  # marginal[o, s]: what the s-th player of order o added
    shares = np.zeros(p)
    np.add.at(shares, orders.ravel(), marginal.ravel())
    return shares / count


def _check_ends(project_batch, baseline, current, series, year, start, end) -> None:
    """The mixes' ends must be the two scenarios themselves, or the parts would explain something else."""
    for scenario, value in ((baseline, start), (current, end)):
        direct = float(project_batch(scenario, n=1).at(series, year)[0])
        if not math.isclose(direct, value, rel_tol=1e-9, abs_tol=1e-9):
            raise AttributionError(
                f"{series} in {year}: projecting {scenario.name!r} gives {direct!r} but its mix gives {value!r}"
            )
