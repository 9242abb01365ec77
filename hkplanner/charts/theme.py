"""Colours and pens. The palette is Okabe-Ito: told apart with common colour-vision deficiencies."""

from __future__ import annotations

from dataclasses import dataclass

BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#222222"
GHOST = "#8C8C8C"
BAND_LEGEND = "#C8C8C8"  # the legend's swatch for a band: each is its line's colour, shaded
MET = "#1B7F3B"
MISSED = "#B3261E"

# Phases cycle through these: public phases from the first list, private from the second.
PUBLIC_FILLS = (BLUE, SKY, PURPLE)
PRIVATE_FILLS = (ORANGE, VERMILLION, YELLOW, GREEN)


@dataclass(frozen=True)
class Look:
    """Sizes that change with the theme; colours stay, so a scenario reads the same in both."""

    name: str
    line_width: float
    ghost_width: float
    title_pt: int
    tick_pt: int
    text_pt: int  # the window's own text
    # In pixels, not points: "readable from the back of the room" is a size on the projected screen.
    card_text_px: int  # a target card's title, goal and detail
    card_figure_px: int  # a target card's headline: its verdict and figure
    legend_px: int
    legend_min_px: int  # a legend that would crowd a short chart steps down to this size, never below
    headline_cards: bool = False  # cards lead with the figure itself ("✗ 8,480 PF"), for a room


LOOKS = {
    "standard": Look(
        "standard",
        line_width=2.5,
        ghost_width=1.5,
        title_pt=11,
        tick_pt=9,
        text_pt=9,
        card_text_px=12,
        card_figure_px=17,
        legend_px=11,
        legend_min_px=10,
    ),
    # For the back of a room at 1920x1080: thick lines and large type; every size at least the standard's.
    "projector": Look(
        "projector",
        line_width=5.0,
        ghost_width=3.0,
        title_pt=16,
        tick_pt=13,
        text_pt=12,
        card_text_px=24,
        card_figure_px=48,
        legend_px=18,
        legend_min_px=18,  # the back of the room reads it at full size, whatever the chart's height
        headline_cards=True,
    ),
}

# Pinned scenarios, drawn dotted, in order of pinning.
PIN_COLOURS = ("#7B3294", "#008837", "#E7298A", "#8C510A")
