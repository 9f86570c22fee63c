"""Line joins of hard-wrapped text that depend on the script or the language: a range of
figures broken after its en dash, which pdftotext leaves at the line's end, and Russian
compounds with a word the language joins with a hyphen (``государства-члены``, the UN's
"Member States"), which Russian has no compound lexicon for."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.ingest.hyphens import joins_compound, keeps_hyphen
from resodiff.languages import language

HEADER = "United Nations A/RES/1/2\n\nGeneral Assembly\n\n1/2. A title\n\nThe General Assembly,\n\n"
_LINES = [
    "Recalling its resolutions on cooperation between the two organizations, in particular those",
    "on operational activities, on peace and security, on sustainable development and on questions",
    "of disarmament and of development adopted at the conference held in a capital from 1–",
    "3 November 2016, and the plan of action on the empowerment of women adopted there,",
    "Noting that the two organizations held high-level meetings on questions of disarmament,",
    "of sustainable development and of cooperation between their secretariats every other year,",
    "1. Decides to remain seized of the matter.",
]


def test_a_range_of_figures_broken_after_its_en_dash_joins_without_a_space() -> None:
    resolution = resodiff.read_text(HEADER + "\n".join(_LINES) + "\n")
    assert len(resolution.preamble) == 2
    assert "from 1–3 November 2016," in resolution.preamble[0].text


@pytest.mark.parametrize(
    ("left", "tail", "kept"),
    [
        ("государствам", "членам", True),  # a word Russian joins with a hyphen, in any case
        ("государства", "участники", True),
        ("сотрудни", "чества", False),  # the typesetter's
    ],
)
def test_a_russian_line_end_hyphen_stays_before_a_word_the_language_joins(left: str, tail: str, kept: bool) -> None:
    russian = language("rus")
    assert keeps_hyphen(left, tail, chained=False, vocabulary=set(), hyphenated=set(), lang=russian) is kept


def test_a_russian_compound_that_pdftotext_joined_gets_its_hyphen_back() -> None:
    found = joins_compound("государств", "членов", vocabulary={"государств"}, hyphenated=set(), lang=language("rus"))
    assert found
