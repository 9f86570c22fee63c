"""What hard-wrapped text (``pdftotext``, tests/converters.py) says of an annex's headings and
paragraphs: a line that pdftotext joined at a hyphen ends its last printed line short, a counted
series of headings (``Principle 2`` after ``Principle 1``) and the titles under them, numbers
that start again under each heading, and a line wider than any paragraph's first line. Each rule
on both sides: where the evidence says so, and where it does not. The texts are invented."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.ingest.text import _Page, _printed_end
from resodiff.languages import language
from resodiff.model import plain_text

from .converters import _PAPER_INDENT, LAYOUTS, WIDTH, _Typesetter, difference, fingerprint

HEAD = (
    "A/RES/77/1\n\nGeneral Assembly\n\nDistr.: General\n15 December 2022\n\n77/1. Protection of the"
    " environment\n\nThe General Assembly,\n\n"
)
CLOSING = "*52nd plenary meeting*\n*12 December 2022*\n"
PREAMBLE = "".join(
    f"*{opening}* its resolutions on the protection of the environment in relation to armed conflicts,"
    " in particular those on the prevention of harm, on cooperation between States and on the"
    " restoration of damaged areas,\n\n"
    for opening in ("Recalling", "Recalling also", "Noting")
)
BODY = f"{PREAMBLE}1. *Welcomes* the principles annexed to the present resolution.\n\n{CLOSING}\n# Annex\n\n"
LONG = (
    "with due regard for the needs of the affected populations and the priorities that those States"
    " attach to such areas, in order to enable them to restore the environment"
)


CLAUSE = (
    "Welcoming the initiatives of the regional organizations and of their member States in the field of"
    " dialogue between cultures, including the activities for the dialogue among followers of the ancient"
    " religions, beliefs and traditions, of languages and of cultures,"
)
#: more preambular paragraphs, for the estimate of the printed width
MORE = [
    f"{opening} the work of the regional commissions on the environment, on cooperation among the States of"
    " each region and on the restoration of areas damaged by armed conflicts or by natural disasters,"
    for opening in ("Noting also", "Noting further", "Recognizing", "Recognizing also", "Acknowledging")
]
STRESSING = (
    "Stressing the importance of involving the relevant agencies of the United Nations system in the"
    " promotion of dialogue and the other activities in this field,"
)


def _printed(paragraphs: list[str]) -> str:
    """A resolution's preamble as plain ``pdftotext`` writes it: each paragraph filled in Times'
    widths, its first line narrower by the indent that the text does not show."""
    typesetter = _Typesetter(None, None)
    lines = [line for text in paragraphs for line in typesetter.wrap(text, WIDTH, paper_indent=_PAPER_INDENT)]
    closing = "\n".join(
        ["1. Welcomes the principles annexed to the present resolution.", *CLOSING.replace("*", "").split("\n")]
    )
    return HEAD + "\n".join(lines) + "\n" + closing


def _annex(text: str, layout: str = "pdftotext") -> tuple[list[tuple[str | None, str]], str | None]:
    """An annex's paragraphs (number, first words) as the text form gives them, and why the layout
    read back differs from it (None where it does not)."""
    model = resodiff.read_text(HEAD + BODY + text)
    back = resodiff.read_text(LAYOUTS[layout](model, 0))
    paragraphs = [(p.num, plain_text(p.content)[:20]) for p in model.annexes[0].paragraphs]
    return paragraphs, difference(fingerprint(model), fingerprint(back))


def test_a_joined_line_ends_its_last_printed_line_short() -> None:
    """pdftotext joins a printed line that ends with a hyphen to the next: the line is wider than
    the body, its last printed line about a width shorter; a line within the estimate's doubt of
    the width is one printed line, and where nothing was joined every line ends where it does."""
    page = _Page(set(), 80, lang=language("eng"), joined=True)
    # at its longest: each printed line before it full but for the estimate's doubt (4.8)
    assert _printed_end(150, page) == 75
    assert _printed_end(230, page) == 80
    assert _printed_end(82, page) == 82  # a full line that the estimate puts a little wide
    assert _printed_end(100, page) == 25
    page.joined = False  # no line far wider than the body: the width may be estimated short
    assert _printed_end(100, page) == 100
    assert _printed_end(150, page) == 75
    assert _printed_end(60, page) == 60
    page.joins = False
    assert _printed_end(150, page) == 150


@pytest.mark.parametrize("joined", [False, True])
def test_a_heading_after_a_paragraph_whose_last_lines_were_joined_is_a_heading(joined: bool) -> None:
    """pdftotext joined a paragraph's last two printed lines at a hyphen (``… damage to the en-`` /
    ``vironment.``): the heading after it opened a line that its first word would have fitted
    on, a heading and no line that the wrap put first. Unjoined, a full last line leaves the
    heading in doubt, and its capitalised first word continues the paragraph, as before (a name
    that the wrap put first reads so)."""
    typesetter = _Typesetter(None, None)
    paragraph = typesetter.wrap(
        "States should take appropriate measures for the protection of the environment of occupied territories"
        " and for the sustainable use of natural resources, so as to minimize damage to the environment.",
        WIDTH,
        paper_indent=_PAPER_INDENT,
    )
    assert paragraph[-1] == "damage to the environment."
    # unjoined, the paragraph ends with its full line (``… so as to minimize.``)
    last = [f"{paragraph[-2]} {paragraph[-1]}" if joined else f"{paragraph[-2]}."]
    # the document shows pdftotext's joins: a paragraph's first two printed lines as one
    earlier = [f"{paragraph[0]} {paragraph[1]}", *paragraph[2:]]
    annex = [*earlier, *paragraph[:-2], *last, "Part Three Principles applicable after armed conflict", *paragraph]
    text = _printed([*PREAMBLE.replace("*", "").split("\n\n")[:-1], *MORE]) + "\nAnnex\n" + "\n".join(annex) + "\n"
    found = resodiff.read_text(text)
    assert len(found.annexes[0].paragraphs) == (3 if joined else 2)


def test_a_counted_series_of_headings_opens_each_heading_and_numbers_start_again() -> None:
    """``Principle 2`` after ``Principle 1 …``: the next of a series, though the line before was
    unfinished and about full (a title that would have held the next word); the paragraph numbers
    start again at ``1.`` under each heading, and the text under a label alone on its line
    (``Principle 3`` / its title) opens after the title's unfinished line."""
    text = (
        "## Principle 1 Designation of protected zones of major environmental and cultural importance\n\n"
        f"1. States should designate, by agreement or otherwise, areas of major importance {LONG}.\n\n"
        f"2. Such areas should be protected against any attack {LONG}.\n\n"
        "## Part Two Principles applicable in situations of occupation by one or more States\n\n"
        "## Principle 2 General obligations of an Occupying Power with regard to the environment\n\n"
        f"1. An Occupying Power shall respect and protect the environment of the occupied territory {LONG}.\n\n"
        "## Principle 3\n\n"
        "## Post-armed conflict environmental assessments and remedial measures in all areas\n\n"
        f"Relevant actors, including States and international organizations, should cooperate {LONG}.\n"
    )
    paragraphs, reason = _annex(text)
    assert [num for num, _ in paragraphs] == ["1.", "2.", "1.", None]
    assert reason is None


def test_a_series_does_not_open_a_line_that_names_an_earlier_member_in_lower_case() -> None:
    """``article 2`` in a sentence is a reference, not the next heading of ``Article 1``; and a
    number that a line wrap put first goes on from no heading (``… in paragraph`` / ``1.``)."""
    text = (
        "## Article 1 Scope of application\n\n"
        "1. The present Convention applies to the protection of the environment as provided for in"
        " article 2 of this Convention and in the principles that the States Parties have accepted"
        " under article 2 of the earlier instrument.\n\n"
        f"2. Nothing in the present article affects {LONG}.\n"
    )
    paragraphs, reason = _annex(text)
    assert [num for num, _ in paragraphs] == ["1.", "2."]
    assert reason is None


@pytest.mark.parametrize(
    "title",
    [
        "Priority 2: Strengthening disaster risk governance to manage disaster risk at all levels",
        "Priority 2: Strengthening disaster risk governance to manage the risk of disasters in all States",
    ],
)
def test_a_repeated_paragraph_number_after_a_heading_numbers_a_paragraph(title: str) -> None:
    """A document whose numbering did not count (``13.`` after ``13.``, DGACM's list fields): the
    number after a heading's one unfinished line numbers a paragraph, whether the heading's line
    was full or not."""
    text = (
        f"13. We recognize the progress made since 2015 in understanding disaster risk {LONG}.\n\n"
        f"## {title}\n\n"
        f"13. We reaffirm that each State has the primary responsibility to prevent disaster risk {LONG}.\n"
    )
    paragraphs, reason = _annex(text)
    assert [num for num, _ in paragraphs] == ["13.", "13."]
    assert reason is None
