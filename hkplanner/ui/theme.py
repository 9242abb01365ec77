"""Colours and pens. The palette is Okabe-Ito: told apart with common colour-vision deficiencies."""

from __future__ import annotations

BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#222222"
GHOST = "#8C8C8C"
MET = "#1B7F3B"
MISSED = "#B3261E"

# Phases cycle through these: public phases from the first list, private from the second.
PUBLIC_FILLS = (BLUE, SKY, PURPLE)
PRIVATE_FILLS = (ORANGE, VERMILLION, YELLOW, GREEN)

LINE_WIDTH = 2.5
GHOST_WIDTH = 1.5

# Pinned scenarios, drawn dotted, in order of pinning.
PIN_COLOURS = ("#7B3294", "#008837", "#E7298A", "#8C510A")
