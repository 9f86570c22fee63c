"""The text reader on habits of real ``pdftotext`` output that the modelled layouts do not
show (``benchmarks/real_converters.py`` measures them over PDFs printed by LibreOffice and
WeasyPrint), one rule at a time, on small texts written for the tests."""

from __future__ import annotations

import textwrap

import pytest

from resodiff.ingest.line_order import restore_line_order
from resodiff.ingest.plain_markers import join_number_column, raise_plain_markers, restore_markers
from resodiff.languages import language

from .test_converters import PARAGRAPHS, _hard_wrapped, _read
from .test_real_converters import ITEMS, _indented

INTRO = "3. Réaffirme que tous les États sont tenus :"


def _indented_items(continuation: int, after: str = "") -> str:
    """Sub-paragraphs as ``pdftotext -layout`` writes them: the label indented, its text a tab
    further, the text's other lines at ``continuation`` (LibreOffice: the paragraphs' first-line
    indent; WeasyPrint: the label's column), all ending at the page's right edge."""
    lines = []
    for label, text in zip(("a)", "b)"), ITEMS, strict=True):
        lines += textwrap.wrap(
            text, 80, initial_indent=" " * 14 + label.ljust(7), subsequent_indent=" " * (continuation - 1)
        )
    return _indented([*PARAGRAPHS[:3] * 2, INTRO], 1) + "\n".join(lines) + "\n" + after


@pytest.mark.parametrize("continuation", [9, 15], ids=["libreoffice", "weasyprint"])
def test_the_indented_lines_of_a_sub_paragraph_continue_it(continuation: int) -> None:
    text = _indented_items(continuation)
    assert "\n" + " " * (continuation - 1) + "impartiales" in text  # a line of (a) past the margin
    [*_, paragraph] = _read(text).operative
    assert [(item.num, item.text) for item in paragraph.items] == [("a)", ITEMS[0]), ("b)", ITEMS[1])]


def test_a_line_at_a_sub_paragraph_s_indent_after_its_short_last_line_opens_a_paragraph() -> None:
    text = _indented_items(9, after=" " * 8 + "Décide de rester saisie de la question.\n")
    *_, listing, last = _read(text).operative
    assert [item.text for item in listing.items] == ITEMS
    assert (last.num, last.text) == (None, "Décide de rester saisie de la question.")


def _labelled_items(first_width: int) -> str:
    """Sub-paragraphs as ``pdftotext`` writes them: each label alone on its line (a tab set it
    apart), the first line of its text ending ``first_width`` columns in (the label and the tab
    before it took the rest), the other lines full."""
    out = []
    for label, text in zip(("a)", "b)"), ITEMS, strict=True):
        first, *rest = textwrap.wrap(text, first_width)
        out += [label, first, *textwrap.wrap(text[len(first) + 1 :], 80)] if rest else [label, first]
    return "\n".join(out) + "\n"


def test_a_sub_paragraph_s_first_line_is_full_short_of_its_label_s_room() -> None:
    # the first line of (a) ends where "impartiales" would not have fitted after a label and a
    # tab: it is a full line, though a paragraph's first line would have held the word
    items = _labelled_items(60)
    assert "exhaustives et\nimpartiales" in items
    text = _hard_wrapped(PARAGRAPHS) + INTRO + "\n" + items
    [*_, paragraph] = _read(text).operative
    assert [item.text for item in paragraph.items] == ITEMS


def test_a_sub_paragraph_s_short_first_line_ends_it() -> None:
    lines = [INTRO, "a)", "de prendre les mesures voulues ;", "Prie le Secrétaire général de faire rapport."]
    text = _hard_wrapped(PARAGRAPHS) + "\n".join(lines) + "\n"
    *_, paragraph, last = _read(text).operative
    assert [item.text for item in paragraph.items] == ["de prendre les mesures voulues ;"]
    assert last.text == "Prie le Secrétaire général de faire rapport."


def _paragraph_before(line: str) -> str:
    return _hard_wrapped(PARAGRAPHS[:3]) + line + "\ny compris l’Union africaine,\n" + _hard_wrapped(PARAGRAPHS[3:])


def test_a_phrase_that_french_typography_binds_wraps_whole() -> None:
    # "y" alone would have fitted after the comma, "y compris" (bound by a no-break space in
    # DGACM's text, a plain space in pdftotext's) would not: the line was full
    full = "la prévention des conflits armés et le règlement pacifique des différends,"
    assert len(full) + len(" y") <= 80 < len(full) + len(" y compris")
    opening = "Soulignant le rôle que jouent les organisations régionales et sous-régionales dans"
    preamble = _read(_paragraph_before(f"{opening}\n{full}")).preamble
    assert [p.text for p in preamble] == [*PARAGRAPHS[:3], f"{opening} {full} y compris l’Union africaine,"]


def test_a_bound_phrase_that_would_have_fitted_opens_no_paragraph_in_lower_case() -> None:
    # the phrase would have fitted after the short line, but a French paragraph opens with a
    # capital (every listed opening does): the line in lower case goes on the paragraph
    short = "Soulignant le rôle des organisations régionales,"
    preamble = _read(_paragraph_before(short)).preamble
    assert [p.text for p in preamble][-1] == f"{short} y compris l’Union africaine,"


@pytest.mark.parametrize(
    ("text", "bound"),
    [("y compris l’Union", "y compris"), ("y compris, notamment", "y compris"), ("y comprises", ""), ("y a", "")],
)
def test_a_bound_phrase_ends_at_a_word_s_end(text: str, bound: str) -> None:
    assert language("fra").bound_phrase(text) == bound
    assert language("eng").bound_phrase(text) == ""


#: a paragraph of two printed lines: a full first line, a short last one
TWO_LINES = ("Soulignant le rôle que jouent les organisations régionales et sous-régionales dans la", "prévention,")


def _drawn(*between: str) -> list[str]:
    """The lines of a page around a paragraph of two lines drawn last line first, as LibreOffice
    draws some: the last line, a blank line, ``between`` (a marker's or a number's line and a
    blank one), the first line, a blank line."""
    before = _hard_wrapped(PARAGRAPHS[:3]).splitlines()
    return [*before, TWO_LINES[1], "", *between, TWO_LINES[0], "", *_hard_wrapped(PARAGRAPHS[3:]).splitlines()]


def test_a_last_line_drawn_before_its_first_is_put_back_after_it() -> None:
    lines = _drawn()
    start = lines.index(TWO_LINES[1])
    restored = restore_line_order(lines, 0, set())
    assert restored[start : start + 4] == [*TWO_LINES, "", ""]
    assert [p.text for p in _read("\n".join(lines) + "\n").preamble][-1] == " ".join(TWO_LINES)


def test_a_number_drawn_between_goes_first_and_a_marker_after() -> None:
    lines = _drawn("4.", "")
    start = lines.index(TWO_LINES[1])
    assert restore_line_order(lines, 0, set())[start : start + 3] == ["4.", *TWO_LINES]
    lines = _drawn("4", "")
    assert restore_line_order(lines, 0, set())[start : start + 3] == [*TWO_LINES, "4"]


@pytest.mark.parametrize(
    "lines",
    [
        # a finished line after the line alone: two paragraphs of one line each
        ["Notant que les deux organisations ont tenu des réunions,", "", TWO_LINES[0] + ",", ""],
        # an unfinished line alone, but short: a heading, no paragraph's first line
        ["Notant que les deux organisations ont tenu des réunions,", "", "Coopération régionale", ""],
        # across a page's end
        [TWO_LINES[1], "", TWO_LINES[0], "", "2/6"],
    ],
)
def test_lines_in_the_order_of_their_paragraphs_stay_so(lines: list[str]) -> None:
    text = _hard_wrapped(PARAGRAPHS).splitlines()
    page = [*text, *lines, *text]
    assert restore_line_order(page, 0, {len(text) + 3} if lines[-1] == "2/6" else set()) == page


def test_a_marker_on_a_line_of_its_own_goes_back_to_the_end_of_the_line_before() -> None:
    lines = ["Rappelant le droit international,", "1", "", "Notant les réunions,", "", "1 Résolution 70/1."]
    assert restore_markers(lines, 0, lambda index: False)[:3] == ["Rappelant le droit international,¹", "", ""]
    # a number after a paragraph's number stays, as does one whose footnote is not there (where
    # no column of footnote numbers is looked for: LibreOffice's may be a column of one)
    after_number = ["1.", *lines[1:]]
    assert raise_plain_markers(after_number, 0, lambda index: False)[:2] == ["1.", "1"]
    assert raise_plain_markers([*lines[:-1], "2 Résolution 70/1."], 0, lambda index: False)[1] == "1"


def test_paragraphs_apart_by_blank_lines_stay_in_their_order() -> None:
    # Markdown: each paragraph a line; a short one before a long title that ends unpunctuated
    title = "**Coopération entre l’Organisation des Nations Unies et les organisations régionales et sous-régionales**"
    markdown = [PARAGRAPHS[2], "", title, "", PARAGRAPHS[2], ""]
    assert restore_line_order(markdown, 0, set()) == markdown
    # nor where a table's rows follow one another: the prose is still a line a paragraph
    table = ["| Poste | Classe | Nombre |", "|---|---|---|", *["| Administrateur | P-4 | 1 |"] * 12, ""]
    cut = [PARAGRAPHS[2], "", TWO_LINES[0], "", "^1 Résolution 70/1.", "", *table]
    assert restore_line_order(cut, 0, set()) == cut


def test_a_number_column_written_in_runs_is_put_together_with_its_strays_past_the_page_end() -> None:
    # LibreOffice's column 3 to 6 as pdftotext wrote it: 3, 4, a blank line, 6, the texts, then
    # 5 after the page's footer
    lines = ["Recalling the report, 3 the study, 4 the note 5 and the plan, 6", "3", "4", "", "6", ""]
    lines += ["A/3.", "A/4.", "A/5.", "A/6.", "", "2/6", "5", "", "Noting,"]
    joined, column = join_number_column(lines, lambda index: index == 11)
    assert column and joined[6:10] == ["3 A/3.", "4 A/4.", "5 A/5.", "6 A/6."]
    assert joined[12] == ""
    # without the stray, the runs are no column of those texts
    lines[12] = "7"
    assert join_number_column(lines, lambda index: index == 11)[0][:10] == lines[:10]


def test_a_column_s_first_number_glued_to_the_line_before_is_the_column_s() -> None:
    lines = ["Noting the report, 1 and the lack of data1", "2", "", "A/1.", "A/2.", "2/6"]
    joined, column = join_number_column(lines, lambda index: index == 5)
    # pdftotext glued the number only because the line ended with a hyphen, which goes back
    assert column and joined[0] == "Noting the report, 1 and the lack of data-"
    assert joined[3:5] == ["1 A/1.", "2 A/2."]
    # where the count of footnotes says the column is one number short, the line keeps its own
    lines[3:5] = ["A/2.", ""]
    assert join_number_column(lines, lambda index: index == 5)[0][0] == lines[0]


@pytest.mark.parametrize(
    ("written", "raised"),
    [
        (
            "in paragraph 1 of its resolution and the Convention 1 on",
            "in paragraph 1 of its resolution and the Convention¹ on",
        ),
        (
            "Sustainable Development Goal 1, on health, and the Agenda, 1",
            "Sustainable Development Goal 1, on health, and the Agenda,¹",
        ),
        ("the Conference 1 in which States", "the Conference¹ in which States"),
    ],
)
def test_a_number_after_a_word_it_numbers_is_no_marker_set_apart(written: str, raised: str) -> None:
    lines = [written, "1   A/1.", "2   A/2.", "2/6"]
    numbered = language("eng").numbered_words
    assert restore_markers(lines, 0, lambda index: index == 3, numbered=numbered)[0] == raised


@pytest.mark.parametrize(
    ("end", "joined"),
    [
        ("la période 2013–", "la période 2013–2022 Décennie"),  # a range of figures: no space
        ("la période de dix ans –", "la période de dix ans – 2022 Décennie"),  # a dash after a word
    ],
)
def test_a_range_of_figures_broken_after_its_dash_joins_with_no_space(end: str, joined: str) -> None:
    lines = [f"Rappelant sa résolution 67/104 du 17 décembre 2012, dans laquelle elle a proclamé {end}"]
    lines.append("2022 Décennie internationale du rapprochement des cultures,")
    text = _hard_wrapped(PARAGRAPHS[:2]) + "\n".join(lines) + "\n" + _hard_wrapped(PARAGRAPHS[2:])
    assert joined in _read(text).preamble[2].text


@pytest.mark.parametrize(
    ("following", "joins"),
    [
        ("garantir l’égalité des genres ;", True),  # lower case: the sentence goes on
        ("Prie le Secrétaire général de faire rapport ;", False),  # a capital: the width tells
    ],
)
def test_a_line_in_lower_case_after_an_unfinished_one_goes_on_whatever_the_width(following: str, joins: bool) -> None:
    # the unfinished line ends well short of the width, as an estimate of printed widths may
    # find a full line that LibreOffice spread wide
    short = "3. Demande aux États de promouvoir des moyens de"
    text = _hard_wrapped(PARAGRAPHS) + f"{short}\n{following}\n"
    operative = [p.text for p in _read(text).operative]
    assert operative[2:] == ([f"{short[3:]} {following}"] if joins else [short[3:], following])


def test_a_paragraph_of_one_line_after_its_number_alone_stays_before_the_next_number() -> None:
    # pdftotext writes "7." and "8." apart from their texts where the page's footnote numbers
    # stood beside them: "7."'s one finished line is no last line drawn before "8."'s first
    text = _hard_wrapped(PARAGRAPHS).splitlines()
    lines = ["7.", "", "Attend avec intérêt la réunion de haut niveau, qui se tiendra à Genève;", "", "8.", ""]
    page = [*text, *lines, TWO_LINES[0], "", *text]
    assert restore_line_order(page, 0, set()) == page


def test_a_last_line_drawn_first_right_after_its_paragraphs_number_is_still_put_back() -> None:
    # the number alone before the finished line is that paragraph's own: nothing between the
    # two lines numbers another
    lines = _drawn()
    start = lines.index(TWO_LINES[1])
    numbered = [*lines[:start], "4.", *lines[start:]]
    restored = restore_line_order(numbered, 0, set())
    assert restored[start : start + 3] == ["4.", *TWO_LINES]
