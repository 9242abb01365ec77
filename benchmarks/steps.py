"""The one sequence of slider moves that both the pyqtgraph window and the matplotlib peer replay.

A user drags one slider for a while (several mouse moves, a few positions each), lets go, takes another,
and comes back later to a slider where they left it; a drag reverses at the slider's ends, never wrapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import cycle

from hkplanner.core import REGISTRY

DRAGGED = (
    "co_investment_ratio",
    "compute_demand_growth_pct",
    "private_delay_years",
    "mfg_growth_pct",
    "rnd_public_growth_pct",
    "pue",
    "fund_public_hkd_bn",
)
MOVES_PER_DRAG = 8  # so that even a 60-step run touches every slider in DRAGGED
MOVES_ACROSS = 40  # mouse moves to cross a whole slider: each move jumps 1/40 of its positions


@dataclass(frozen=True)
class Step:
    key: str
    position: int  # the QSlider position
    value: float  # the parameter value there


def slider_positions(key: str) -> tuple[int, int]:
    """(last position, position of the default), as the app's slider maps a parameter's slider range."""
    parameter = REGISTRY[key]
    low, high = parameter.slider
    default = min(max(parameter.default, low), high)
    return round((high - low) / parameter.step), round((default - low) / parameter.step)


def value_at(key: str, position: int) -> float:
    parameter = REGISTRY[key]
    return round(parameter.slider[0] + position * parameter.step, parameter.decimals)


def slider_steps(count: int, keys: tuple[str, ...] = DRAGGED) -> list[Step]:
    """`count` moves, starting from the baseline; every move changes its slider's position."""
    last = {key: slider_positions(key)[0] for key in keys}
    position = {key: slider_positions(key)[1] for key in keys}
    direction = dict.fromkeys(keys, 1)
    steps: list[Step] = []
    drags = cycle(keys)
    while len(steps) < count:
        key = next(drags)
        jump = max(1, last[key] // MOVES_ACROSS)
        for _ in range(min(MOVES_PER_DRAG, count - len(steps))):
            if not 0 <= position[key] + direction[key] * jump <= last[key]:
                direction[key] *= -1  # the hand reverses at the end of the groove
            position[key] += direction[key] * jump
            steps.append(Step(key, position[key], value_at(key, position[key])))
    return steps
