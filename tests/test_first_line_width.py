"""A paragraph's first line is printed narrower by its indent, which hard-wrapped text does not
show: where the document opens clauses after a comma as it opens paragraphs (Arabic's ``، وإذ``),
a line that opens so but fills the width goes on the paragraph before it."""

from __future__ import annotations

import pytest

import resodiff

_HEAD = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"


def _paragraph(opening: str, number: int) -> list[str]:
    return [
        f"{opening} resolution {number} on the cooperation between the United Nations and the",
        "regional organizations of the world, in particular those on peace and security and on sustainable",
        "development of the member States,",
    ]


_WIDE = "Recalling further the resolutions of the two organizations on the cooperation between the two"


@pytest.mark.parametrize(
    ("line", "clause", "paragraphs"),
    [
        # as wide as the full lines: a clause of the paragraph that the wrap put first
        (_WIDE, "Recalling", 7),
        # narrower, as the document's first lines are: a paragraph
        ("Recalling further the resolutions of the organizations on the cooperation between", "Recalling", 8),
        # no clause of the document opens as paragraphs do: the width is the estimate's doubt
        (_WIDE, "recalling", 8),
    ],
)
def test_a_line_too_wide_for_a_first_line_opens_no_paragraph(line: str, clause: str, paragraphs: int) -> None:
    lines: list[str] = []
    # the document's paragraphs hold clauses that open as paragraphs do, after a comma
    for number, opening in enumerate(["Recalling", "Noting", "Welcoming", "Recalling also", "Noting also"]):
        lines += _paragraph(opening, 70 + number)
    lines += [
        *_paragraph("Welcoming also", 76),
        "Welcoming further the work of the two organizations in the fields of peace and security",
        f"and of sustainable development, {clause} the participation of the member States in the work of the"
        " two bodies,",
        line,
        "organizations of the world and the other bodies concerned,",
        "1. Decides to remain seized of the matter.",
    ]
    resolution = resodiff.read_text(_HEAD + "\n".join(lines) + "\n")
    assert len(resolution.preamble) == paragraphs


def test_a_line_that_was_not_measured_has_no_width() -> None:
    """A block whose line lies beyond the measured lines (lines that the reader joined before
    measuring) says nothing of its width, and reading does not fail on it."""
    from resodiff.ingest.text import _Block, _first_column, _Page

    page = _Page(set(), 80)
    page.columns = [70, 80, 75]
    assert _first_column(_Block("para", [("Recalling …", 2, 1)]), page) == 80
    assert _first_column(_Block("para", [("Recalling …", 9, 1)]), page) is None
    assert _first_column(_Block("para", [("Recalling …", 2, 1)]), _Page(set(), 0)) is None
