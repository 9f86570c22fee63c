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
