"""Benchmarks for the performance budget in the design notes: `python -m benchmarks [--quick]`.

Each module measures one figure set and exposes `run(quick) -> dict` and `BUDGETS` (upper limits).
Peers (matplotlib, a bare Qt import, an empty Qt window) are measured in the same run, so ratios hold on a
noisy machine.
"""
