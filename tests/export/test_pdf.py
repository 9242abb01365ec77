"""The briefing pack, read back with a PDF reader."""

from __future__ import annotations

import dataclasses

import pypdf
import pytest

from hkplanner.core import REGISTRY, baseline
from hkplanner.core.scenario_file import ScenarioDocument
from hkplanner.export.files import ExportError
from hkplanner.export.pdf import briefing_pdf
from tests.export.conftest import EXPORTED_AT, PRIVATE_LATE

POINTS = {"a4": (595, 842), "letter": (612, 792)}


def page_texts(path) -> list[str]:
    """Each page's text with whitespace collapsed (Qt spaces words with tabs)."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


@pytest.fixture
def pack(qapp, document, pins, tmp_path):
    return briefing_pdf(document, tmp_path / "pack.pdf", pins=pins, exported_at=EXPORTED_AT)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pages_have_the_papers_size(qapp, document, tmp_path, paper):
    path = briefing_pdf(document, tmp_path / f"{paper}.pdf", paper=paper, exported_at=EXPORTED_AT)
    reader = pypdf.PdfReader(path)
    for page in reader.pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == POINTS[paper]
    assert len(reader.pages) == 7  # cover, targets, three pages of two charts, why it differs, changes and notes


def test_cover_names_the_scenario_date_and_versions(pack):
    cover = page_texts(pack)[0]
    assert PRIVATE_LATE in cover
    assert "25 November 2026" in cover
    assert "HK Planner 0.1.0 · default data version 2026.12" in cover
    assert "1 of 5 plan targets met (the plan's baseline: 3 of 5)" in cover


def test_target_table_gives_verdict_year_shortfall_and_baseline(pack):
    targets = page_texts(pack)[1]
    assert "AI compute in the city: 15,000 PF 2030 Missed: 11,480 PF 2032 3,520 PF Met: 15,000 PF −3,520 PF" in targets
    assert "Cyberport centre (public): 3,000 PF 2026 Met: 3,000 PF 2026 – Met: 3,000 PF same as the plan" in targets


def test_every_chart_is_drawn_as_vector_text_and_lines(pack):
    charts = " ".join(page_texts(pack)[2:5])
    for title in ("AI compute capacity by phase", "Power for AI compute", "Manufacturing share of GDP"):
        assert title in charts
    assert "Market fund" in charts, "pinned scenarios are in the legends"
    assert "2030" in charts and "20,000" in charts, "tick labels are text (with thousands separators), not bitmaps"


def test_changed_parameters_come_with_their_sources_and_the_notes_follow(pack, document):
    last = page_texts(pack)[-1]
    assert "Delay to private build-out 2 years 0 years Lever" in last
    assert " ".join(REGISTRY["private_delay_years"].source.split()) in last
    assert "Notes" in last and "the two-year slip is the question ministers ask" in last


def test_every_page_has_the_footer(pack):
    for number, text in enumerate(page_texts(pack), start=1):
        assert f"{PRIVATE_LATE} · HK Planner 0.1.0 · data 2026.12 · 2026-11-25 14:30:00+08:00" in text
        assert f"Page {number}" in text


def test_metadata_carries_title_creator_and_provenance(pack):
    reader = pypdf.PdfReader(pack)
    assert reader.metadata.title == f"HK Planner briefing: {PRIVATE_LATE}"
    assert reader.metadata.creator == "HK Planner 0.1.0"
    description = reader.xmp_metadata.dc_description["x-default"]
    assert "Delay to private build-out: 0 years → 2 years" in description
    assert "Data version: 2026.12" in description


def test_a_baseline_without_notes_says_so(qapp, tmp_path):
    document = ScenarioDocument(baseline())
    last = page_texts(briefing_pdf(document, tmp_path / "plan.pdf", paper="letter"))[-1]
    assert "No parameter differs from the plan's baseline." in last
    assert "This scenario has no description or notes." in last


def test_long_notes_flow_onto_further_pages(qapp, document, tmp_path):
    notes = "\n".join(f"Point {n}: " + "the build-out depends on land, power and chips. " * 6 for n in range(60))
    long = dataclasses.replace(document, notes=notes)
    texts = page_texts(briefing_pdf(long, tmp_path / "long.pdf", exported_at=EXPORTED_AT))
    assert len(texts) > 8
    assert "Point 0:" in texts[6] and "Point 59:" in texts[-1]  # after the why page
    assert f"Page {len(texts)}" in texts[-1]


def test_an_unwritable_path_or_unknown_paper_fails_clearly(qapp, document, tmp_path):
    with pytest.raises(ExportError, match="could not be saved"):
        briefing_pdf(document, tmp_path / "missing" / "pack.pdf")
    with pytest.raises(ValueError, match="a4, letter"):
        briefing_pdf(document, tmp_path / "pack.pdf", paper="a3")
