"""A soak test: thousands of random edits through the window as a user makes them."""

from __future__ import annotations

import random
import resource

from hkplanner.core import REGISTRY, Phase
from hkplanner.core.presets import presets
from tests.ui.conftest import slider

EDITS = 10_000


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def random_phases(rng: random.Random, phases: tuple[Phase, ...]) -> tuple[Phase, ...]:
    if phases and rng.random() < 0.4:
        return phases[:-1]
    start = rng.randint(2024, 2034)
    owner = rng.choice(("public", "private"))
    return (*phases[:5], Phase(f"Soak {start}", owner, rng.randint(0, 50_000), start, start + rng.randint(0, 6)))


def test_ten_thousand_random_edits(window, answers, tmp_path, qapp, record_property):
    rng = random.Random(20261125)
    session, stack = window.session, window.session.undo_stack
    start = session.scenario
    sliders = [slider(window, key) for key in REGISTRY]
    answers.save_path = tmp_path / "soak.hkplan"
    memory_at = {}
    for step in range(EDITS):
        roll = rng.random()
        if roll < 0.70:
            control = rng.choice(sliders)
            control.setValue(rng.randint(0, control.maximum()))
            if rng.random() < 0.5:
                session.end_gesture()
        elif roll < 0.78:
            session.set_phases(random_phases(rng, session.scenario.phases))
        elif roll < 0.88:
            stack.undo()
        elif roll < 0.96:
            stack.redo()
        elif roll < 0.99:
            window.files.load_preset(rng.choice(presets()))
        else:
            assert window.files.save()
        if step % 500 == 0:
            qapp.processEvents()  # let the charts paint now and then, as they would
        if step in (2_000, EDITS - 1):
            memory_at[step] = rss_mb()
    assert answers.kinds().count("warn") == 0

    steps = stack.count()
    while stack.canUndo():
        stack.undo()
    assert session.scenario.values == start.values and session.scenario.phases == start.phases
    growth = memory_at[EDITS - 1] - memory_at[2_000]
    record_property("undo_steps", steps)
    record_property("peak_rss_growth_mb_2000_to_10000_edits", round(growth, 1))
    print(
        f"\nsoak: {steps} undo steps kept, peak RSS {memory_at[EDITS - 1]:.0f} MB, +{growth:.1f} MB after 2,000 edits"
    )
    assert growth < 60, f"memory grew {growth:.1f} MB over 8,000 edits"
