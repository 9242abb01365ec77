"""`hkplanner seek TARGET_KEY --lever KEY [--lever KEY2] [--json]`: what would it take to meet a target.

With one lever: the lever value nearest the baseline's that just meets the target, or that it is
unreachable within the lever's range and the value that comes closest. With two: the frontier of
combinations that just meet it. Exit status: 0 answered (reachable or not), 1 an unknown target or lever,
2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np

from hkplanner.analysis.inputs import lever_title
from hkplanner.analysis.seek import Answer, Frontier, frontier, on_step, seek
from hkplanner.core.scenario import baseline
from hkplanner.core.targets import TARGETS

OK, FAILED = 0, 1


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hkplanner seek",
        description="Find the lever value that just meets one of the plan's targets, starting from the baseline.",
        epilog="Levers: any parameter key (see seeds/parameters.toml), or phase.<i>.capacity_pf and "
        "phase.<i>.completion_year for the baseline's i-th phase. "
        "Exit status: 0 answered (reachable or not), 1 unknown target or lever, 2 bad arguments.",
    )
    parser.add_argument("target", metavar="TARGET_KEY", help=f"one of: {', '.join(t.key for t in TARGETS)}")
    parser.add_argument("--lever", action="append", required=True, metavar="KEY", help="one lever, or two")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    arguments = parser.parse_args(argv)
    if len(arguments.lever) > 2:
        parser.error("give one or two --lever")
    return arguments


def main(argv: list[str] | None = None, *, projector=None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    scenario = baseline()
    try:
        if len(arguments.lever) == 1:
            answer = seek(scenario, arguments.target, arguments.lever[0], projector=projector)
            stepped = on_step(scenario, answer, projector=projector)
            print(
                json.dumps(answer_json(answer, stepped)) if arguments.json else answer_text(answer, stepped, scenario)
            )
        else:
            line = frontier(scenario, arguments.target, tuple(arguments.lever), projector=projector)
            print(json.dumps(frontier_json(line)) if arguments.json else frontier_text(line, scenario))
    except KeyError as error:
        print(f"hkplanner seek: {error.args[0]}", file=sys.stderr)
        return FAILED
    return OK


def answer_json(answer: Answer, stepped: float | None) -> dict:
    return {
        "target": answer.target,
        "lever": answer.lever,
        "value": answer.value,
        "on_step": stepped,
        "reachable": answer.reachable,
        "best": answer.best,
        "shortfall": answer.best_shortfall,
        "met_everywhere": answer.met_everywhere,
    }


def answer_text(answer: Answer, stepped: float | None, scenario) -> str:
    lever = f"{lever_title(scenario, answer.lever)} ({answer.lever})"
    if answer.met_everywhere:
        return f"{answer.target} is met whatever the value of {lever}."
    if answer.value is None:
        return (
            f"{answer.target} is unreachable with {lever} alone: the closest value, {answer.best:g}, "
            f"leaves it {answer.best_shortfall:,.4g} short."
        )
    text = f"{answer.target} is just met with {lever} = {answer.value:.10g} (missed at {answer.nearest_miss:.10g})"
    return text + (f"; on the slider's step: {stepped:g}." if stepped is not None else ".")


def frontier_json(line: Frontier) -> dict:
    points = [[float(x), None if math.isnan(y) else float(y)] for x, y in zip(line.x, line.y, strict=True)]
    return {
        "target": line.target,
        "lever": list(line.levers),
        "frontier": points,
        "reachable": bool(np.isfinite(line.y).any() or line.met_everywhere.any()),
        "current": list(line.current),
    }


def frontier_text(line: Frontier, scenario) -> str:
    first, second = (f"{lever_title(scenario, key)} ({key})" for key in line.levers)
    lines = [f"{line.target}: the {second} that just meets it, for each {first}:"]
    for x, y, everywhere in zip(line.x, line.y, line.met_everywhere, strict=True):
        answer = "met whatever it is" if everywhere else ("unreachable" if math.isnan(y) else f"{y:.10g}")
        lines.append(f"  {x:g}\t{answer}")
    return "\n".join(lines)
