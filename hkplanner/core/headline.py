"""A step's "so what" in one line, computed from the projection: the target that moved most, where it
now stands against its threshold and against the plan's baseline."""

from __future__ import annotations

import math

from hkplanner.core.formatting import quantity, shortfall
from hkplanner.core.projection import Projection
from hkplanner.core.targets import TargetResult

NOTHING_MOVED = 0.001  # a change smaller than this share of a target's threshold is no change


def so_what(projection: Projection, previous: Projection | None, plan: Projection) -> str:
    """The target that moved most since `previous` (or since the plan, for a first step), in a line;
    when none moved, how many targets are met and which are missed."""
    before = previous if previous is not None else plan
    moves = [
        (abs(now.value - then.value) / abs(now.target.threshold), now, base)
        for now, then, base in zip(projection.targets, before.targets, plan.targets, strict=True)
        if now.judged and then.judged
    ]
    if moves:
        size, result, base = max(moves, key=lambda move: move[0])
        if size > NOTHING_MOVED:
            return target_line(result, base)
    return targets_summary(projection.targets)


def target_line(result: TargetResult, plan: TargetResult) -> str:
    """'Private AI compute 2030: 8,480 PF, 1,520 PF short of 10,000 PF, −3,520 PF against the plan'."""
    target = result.target
    goal = quantity(target.threshold, target.unit, exact=True)
    verdict = f"meets {goal}" if result.met else f"{shortfall(result.shortfall, target.unit)} short of {goal}"
    difference = result.value - plan.value
    if math.isnan(difference) or round(difference, 1) == 0:
        against = "as in the plan"
    else:
        against = f"{'+' if difference > 0 else '−'}{shortfall(abs(difference), target.unit)} against the plan"
    return f"{target.title} {result.due_year}: {quantity(result.value, target.unit)}, {verdict}, {against}"


def targets_summary(results: tuple[TargetResult, ...]) -> str:
    met = [result for result in results if result.met]
    missed = [result.target.title for result in results if result.judged and not result.met]
    line = f"{len(met)} of {len(results)} plan targets met"
    return f"{line}; missed: {', '.join(missed)}" if missed else line
