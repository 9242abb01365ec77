"""Analysis on the batch projection, free of Qt: ensembles, attribution, tornado, goal seek and sweeps.

Every function takes the batch projector it runs on (a callable with `hkplanner.core.project_batch`'s
signature) and, where it needs them, the assumptions' ranges; both default to the core's at call time.
"""
