"""Footnote markers written as plain digits (``efforts2,``), as ``pdftotext`` and converters that
lose the raised type give them: read as markers where the document bears it out, left as text
where it does not."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.ingest.plain_markers import _SYMBOL, join_number_column, raise_plain_markers, restore_markers
from resodiff.model import Resolution, Text, footnotes_in, plain_text

ENGLISH = """United Nations A/RES/79/9

General Assembly

79/9. Cooperation between the United Nations and the Organization of Islamic Cooperation

The General Assembly,

"""
FRENCH = ENGLISH.replace("The General Assembly,", "L'Assemblée générale,")


def _read(body: str, head: str = ENGLISH) -> Resolution:
    return resodiff.read_text(head + body)


def _notes(resolution: Resolution) -> list[tuple[str, str]]:
    return [
        (note.marker, note.text)
        for paragraph in (*resolution.preamble, *resolution.operative)
        for note in footnotes_in(paragraph.content)
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("the report of the Advisory Committee on Administrative and Budgetary Questions,1", "Questions,"),
        ("the report of the Secretary-General1 on cooperation,", "Secretary-General on cooperation,"),
        ("the Treaty (Treaty of Tlatelolco)1 opened for signature,", "Tlatelolco) opened"),
        ("the resolution adopted on 24 March 20111 and all later versions,", "24 March 2011 and"),
        ("the work of the Credentials Committee.1", "Committee."),
        ("the report of the Secretary-General.1", "Secretary-General."),
        ("the Sendai Framework 2015-2030.1 We recognize its importance,", "2015-2030. We"),
        ('the outcome document, entitled "The future we want".1', 'we want".'),
    ],
)
def test_a_plain_digit_after_a_word_is_a_marker_where_its_footnote_follows(written: str, shown: str) -> None:
    resolution = _read(f"Recalling {written}\n\n1 A/79/302.\n\n1. *Decides* to remain seized of the matter.\n")
    assert _notes(resolution) == [("1", "A/79/302.")]
    assert shown in plain_text(resolution.preamble[0].content)
    assert len(resolution.preamble) == 1 and len(resolution.operative) == 1


@pytest.mark.parametrize(
    "body",
    [
        # no footnote of that number
        "Recalling the Group of G7 and its work,\n\n1. *Decides* to remain seized.\n",
        # a symbol's part is no marker: Corr.1, then the real marker 1
        "Recalling document A/79/302 and Corr.1 and its report,\n\n1. *Decides* to remain seized.\n",
        # a number after a number is a number
        "Recalling its resolution 77/18 and paragraph 41,\n\n1 A/79/302.\n\n1. *Decides* to remain seized.\n",
    ],
)
def test_a_plain_digit_stays_text_where_the_document_does_not_bear_a_marker_out(body: str) -> None:
    resolution = _read(body)
    assert _notes(resolution) == []
    assert plain_text(resolution.preamble[0].content) == body.split("\n")[0]


@pytest.mark.parametrize(
    ("written", "raised"),
    [
        ("the meeting held from 11 to 15 March 2019;112", "2019;¹¹²"),  # no number's semicolon
        ("the Convention on Ballast Water and Sediments, 2004,112", "2004,¹¹²"),  # four figures: no group
        ("the cost, estimated at 1,112", "1,112"),  # a group of thousands
    ],
)
def test_three_figures_after_a_number_and_punctuation_are_a_marker_unless_a_group(written: str, raised: str) -> None:
    lines = [f"Recalling {written}", "", "112 A/1."]
    assert raise_plain_markers(lines, 0, lambda index: False)[0].endswith(raised)


@pytest.mark.parametrize(
    ("written", "raised"),
    [
        # DGACM's files set some markers after a space: before the next word, or after the clause
        (
            "the Convention on the Elimination of All Forms of Discrimination against Women 1and the Covenant,",
            "Women ¹and the Covenant,",
        ),
        ("the Treaty on the Prohibition of Nuclear Weapons; 1", "Weapons; ¹"),
        ("l'examen à l'échelle mondiale\u00a0»\u00a01;", "mondiale\u00a0»\u00a0¹;"),
        ("the Rules (the Bangkok Rules) 1, and the Covenant,", "Rules) ¹, and"),
    ],
)
def test_a_marker_set_apart_by_a_space_in_the_document_is_raised_in_place(written: str, raised: str) -> None:
    lines = [f"Recalling {written}", "", "1 A/1.", "", "Noting the Covenant and the Convention,"]
    assert raise_plain_markers(lines, 0, lambda index: False)[0] == f"Recalling {written}".replace(
        raised.replace("¹", "1"), raised
    )


@pytest.mark.parametrize(
    "text",
    [
        "Recalling the meeting of 1 and 2 December,",  # a list of days
        "Recalling resolutions 5; 1; and the Covenant,",  # a list of numbers
        "Rappelant la résolution adoptée le 1er décembre,",  # an ordinal's ending
        "Recalling its 1st session,",  # no word of the document
    ],
)
def test_a_number_set_apart_by_a_space_stays_a_number_in_a_list_or_an_ordinal(text: str) -> None:
    lines = [text, "", "1 A/1.", "", "Noting the Covenant and the 1 and the Convention,"]
    assert raise_plain_markers(lines, 0, lambda index: False, endings=("er", "re", "e"))[0] == text


SET_APART = "Rappelant le Programme de Beijing1 et le Programme sur la population et le développement 2, ainsi que"


@pytest.mark.parametrize(
    ("tail", "raised"),
    [
        (" les documents finals,", "Beijing¹ et le Programme sur la population et le développement ², ainsi"),
        # the number is written again before its footnote: no sure marker
        (" les 2 documents finals,", "Beijing¹ et le Programme sur la population et le développement 2, ainsi"),
    ],
)
def test_a_marker_set_apart_after_a_word_is_raised_where_its_number_is_written_nowhere_else(
    tail: str, raised: str
) -> None:
    lines = [SET_APART + tail, "", "1 A/1.", "", "2 A/2."]
    assert raised in raise_plain_markers(lines, 0, lambda index: False)[0]


def test_a_decimal_comma_is_a_number_in_french_and_a_marker_after_the_comma_in_english() -> None:
    french = _read("Notant que 3,1 millions de réfugiés,\n\n1 A/79/302.\n\n1. *Décide* de rester saisie.\n", FRENCH)
    assert _notes(french) == [] and "3,1 millions" in plain_text(french.preamble[0].content)
    english = _read("Recalling agenda items 5, 6 and 7,1 for the session,\n\n1 A/79/302.\n\n1. *Decides* to remain.\n")
    assert _notes(english) == [("1", "A/79/302.")]


def test_a_footnote_cited_again_is_its_marker_again_but_not_after_a_capital() -> None:
    resolution = _read(
        "Recalling the Convention1 and the Protocol2 thereto,\n\n1 A/1.\n\n2 A/2.\n\n"
        "Noting that the Convention1 and the G2 group,\n\n1. *Decides* to remain seized.\n"
    )
    second = resolution.preamble[1].content
    # the reader keeps a second reference as the raised number it is
    assert [(run.text, run.sup) for run in second if isinstance(run, Text)] == [
        ("Noting that the Convention", False),
        ("1", True),
        (" and the G2 group,", False),
    ]


def test_footnotes_numbered_on_from_an_earlier_part() -> None:
    resolution = _read("Recalling the report of the Committee,2\n\n2 A/79/302.\n\n1. *Decides* to remain seized.\n")
    assert _notes(resolution) == [("2", "A/79/302.")]


def test_chinese_and_arabic_markers() -> None:
    chinese = raise_plain_markers(["审议了秘书长的报告，1", "", "1 A/79/302。"], 0, lambda index: False)
    assert chinese == ["审议了秘书长的报告，¹", "", "¹ A/79/302。"]
    arabic = raise_plain_markers(["منظمة المؤتمر الإسلامي(1) إلى", "", "1 A/79/302."], 0, lambda index: False)
    assert arabic == ["منظمة المؤتمر الإسلامي(¹) إلى", "", "¹ A/79/302."]


def test_on_printed_pages_the_footnote_is_the_one_at_the_foot_of_the_markers_page() -> None:
    # pdftotext: no blank lines; a wrapped line opens "6 December"; the footnote stands last on
    # the page, before the form feed
    lines = [
        "Recalling its resolution 64/230 adopted on",
        "6 December 2009 and the report of the Secretary-General6 on the",
        "6 December 2009, in which it decided to act,",
        "6 A/79/302.",
        "2/6",
        "matter,",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 4)
    assert raised[1].endswith("Secretary-General⁶ on the") and raised[2].startswith("6 December")
    assert raised[3] == "⁶ A/79/302."


def test_a_footer_of_several_lines_and_the_next_running_header_are_one_page_break() -> None:
    # WeasyPrint's footnote 3 did not fit on the marker's page: it stands at the foot of the next
    # one, after a footer of three furniture lines and a running header
    lines = [
        "Recalling the statement of the Council,3 and the report",
        "22-26540 (E)",
        "*2226540*",
        "",
        "A/RES/1/1",
        "of the Secretary-General,",
        "3 S/PV.7813.",
        "2/6",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index in (1, 2, 4, 7))
    assert raised[0] == "Recalling the statement of the Council,³ and the report"
    assert raised[6] == "³ S/PV.7813."


def test_text_with_markers_of_another_form_is_left_as_it_is() -> None:
    lines = ["Recalling the report,¹ and the Convention2 of 1990,", "", "¹ A/1.", "", "2 A/2."]
    assert restore_markers(lines, 0, lambda index: False) == lines


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab1 2,.()\u00a0"), max_size=30), max_size=8))
def test_raising_changes_digits_only_and_keeps_every_position(lines: list[str]) -> None:
    # a number alone on its line is a marker moved back to the line before: lengths change there
    assume(not any(line.strip().isdigit() for line in lines))
    raised = raise_plain_markers(lines, 0, lambda index: False)
    assert [len(line) for line in raised] == [len(line) for line in lines]
    for before, after in zip(lines, raised, strict=True):
        assert all(a == b or (b.isdigit() and a != b) for a, b in zip(after, before, strict=True))


def test_footnote_numbers_in_a_column_of_their_own_get_their_texts_back() -> None:
    # pdftotext of LibreOffice's footnotes: the numbers (set apart by a tab) first, then the texts;
    # the markers stand apart from their words by a space
    lines = ["Recalling the Conference 2 to act and the report of 4 December, 3", "2", "3", "", "A/1.", "A/2.", "2/6"]
    page_end = lambda index: index == 6  # noqa: E731
    joined, spaced = join_number_column(lines, page_end)
    assert spaced and joined[1:] == ["", "", "", "2 A/1.", "3 A/2.", "2/6"]
    raised = raise_plain_markers([*joined, "Noting,"], 0, page_end, spaced=spaced)
    assert raised[0] == "Recalling the Conference² to act and the report of 4 December,³"
    assert raised[4:6] == ["² A/1.", "³ A/2."]
    # without the column, a number that a space sets apart is text
    assert raise_plain_markers([*joined, "Noting,"], 0, page_end)[0] == lines[0]


def test_a_number_column_whose_texts_take_more_lines_is_told_apart_by_where_footnotes_end() -> None:
    # "A/1." is short and ends as a footnote ends: the next line opens footnote 2; the long
    # line that ends with a comma was ended by the wrap, and "goes on." is in lower case
    lines = [
        "Recalling the report, 1 and the Convention, 2",
        "1",
        "2",
        "",
        "A/1.",
        "Report of the World Conference on Women, Beijing, 4-15 September 1995 (United Nations publication,",
        "chap. I, resolution 1, annex.",
        "2/6",
    ]
    joined, column = join_number_column(lines, lambda index: index == 7)
    assert column and joined[1:7] == ["", "", "", "1 A/1.", "2 " + lines[5], lines[6]]


def test_a_number_column_whose_texts_cannot_be_told_apart_is_left_as_it_is() -> None:
    # three lines for two footnotes, and each line may end one: which one goes on is not sure
    lines = ["Recalling the report, 1 and the Convention, 2", "1", "2", "", "A/1.", "A/2.", "A/3."]
    assert join_number_column(lines, lambda index: False) == (lines, False)


def test_the_closing_date_between_the_column_and_its_texts_moves_up() -> None:
    # the last page: pdftotext writes the column, the page number, the closing's date (printed
    # at the right), then the footnotes' texts
    lines = [
        "and to report thereon, 1",
        "47th plenary meeting",
        "",
        "1",
        "4/4",
        "",
        "4 December 2024",
        "",
        "A/1.",
        "24-23547",
    ]
    joined, column = join_number_column(lines, lambda index: index in (4, 9))
    assert column and joined[2:] == ["", "4 December 2024", "", "", "", "", "1 A/1.", "24-23547"]


def test_pdftotext_layout_sets_the_footnotes_numbers_a_tab_away_and_the_markers_apart() -> None:
    lines = [
        "Recalling the Conference 1 to act and the report of the meeting, 2",
        "1   A/1.",
        "2   A/2.",
        "2/6",
        "Noting,",
    ]
    assert restore_markers(lines, 0, lambda index: index == 3)[0] == (
        "Recalling the Conference¹ to act and the report of the meeting,²"
    )
    # a single space, as WeasyPrint's footnotes are written: a number between words is text
    single = [line.replace("   ", " ") for line in lines]
    assert restore_markers(single, 0, lambda index: index == 3)[0] == lines[0]


def test_pdftotext_layout_sets_a_documents_only_footnote_a_tab_away_at_the_pages_foot() -> None:
    lines = [
        "Recalling the declaration on the tenth anniversary, 1 in particular its call,",
        "  2.   Decides to hold a meeting of the working group",
        "",
        "1   Resolution 10/1.",
        "",
        "99-12345 (E)        *9912345*        Please recycle",
        "",
        "in the first half of the year;",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 6)
    assert raised[0] == "Recalling the declaration on the tenth anniversary,¹ in particular its call,"
    # one such line among the page's text is as likely a table's row: its number is no footnote's
    row = [*lines[:5], "Noting the report,", "  3.   Requests the Secretary-General", "to report;", *lines[5:]]
    assert restore_markers(row, 0, lambda index: index == 9)[0] == lines[0]


@pytest.mark.parametrize(
    "text",
    [
        "Recalling its resolution of 1 December and the Convention, 1",  # a capital follows
        "Rappelant sa résolution du 1 juillet et la Convention, 1",  # a month's name follows
        "Rappelant la réunion tenue du 1 au 6 mars et la Convention, 1",  # a range
        "Recalling articles 12, 13 and 1 and the Convention, 1",  # a list
    ],
)
def test_a_number_between_words_is_no_marker_where_it_is_a_date_a_range_or_a_list(text: str) -> None:
    lines = [text, "", "1   A/1.", "2   A/2."]
    months = {"juillet", "mars", "december"}
    raised = restore_markers(lines, 0, lambda index: False, months=months)
    assert raised[0] == text[:-2] + "¹"


def test_a_marker_glued_to_a_symbol_written_elsewhere_without_it() -> None:
    # 76/37⁵ printed, 76/375 in the text: 76/37 is cited elsewhere, 76/375 nowhere else
    lines = ["Recalling its resolution 76/37 and its decision 76/51,1", "Noting paragraph 5 of resolution 76/372,"]
    raised = raise_plain_markers([*lines, "", "1 A/1.", "", "2 A/2."], 0, lambda index: False)
    assert raised[1] == "Noting paragraph 5 of resolution 76/37²,"
    # a symbol not cited elsewhere keeps its figures where another number may bear the marker
    noting = "Noting resolution 76/482 and decision 7/12,"
    other = raise_plain_markers([lines[0], noting, "", "1 A/1.", "", "2 A/2."], 0, lambda i: False)
    assert other[1] == noting


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        # a symbol's last part keeps its figures where the symbol is not written elsewhere
        # without them: ``75/74`` is a resolution far more often than 75/7 with marker 4
        ("resolutions 5/1 and 5/614 of 2 March 2022", "5/614"),
        ("decision CBD/CP/MOP/VIII/1914 and decision 3/1", "VIII/1914"),
        ("the Fund for COVID-1914 and its response to COVID-19", "COVID-19¹⁴"),  # COVID-19 cited elsewhere
        ("the Fund for COVID\u20111914 and its response to COVID\u201119", "COVID\u201119¹⁴"),  # a no-break hyphen
    ],
)
def test_a_marker_glued_to_a_symbol_needs_the_symbol_written_without_it(written: str, shown: str) -> None:
    lines = ["Recalling the report,13", f"Noting {written},", "", "13 A/1.", "", "14 A/2."]
    raised = raise_plain_markers(lines, 0, lambda index: False)
    assert raised[0] == "Recalling the report,¹³"
    assert shown in raised[1] and len(raised[1]) == len(lines[1])


def test_a_marker_inside_a_word_is_raised_where_it_stands() -> None:
    # DGACM's file has "t⁶he"; pdftotext writes it as printed, LibreOffice's with a space
    lines = [
        "Recalling the Programme, t 1he Agenda a 2nd the G7s, 3",
        "1",
        "2",
        "3",
        "",
        "A/1.",
        "A/2.",
        "A/3.",
        "2/6",
        "Noting,",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 8)
    assert raised[0] == "Recalling the Programme, t¹he Agenda a²nd the G7s,³"


def test_a_line_opening_with_a_number_is_no_footnote_where_no_marker_is_found() -> None:
    lines = ["Requests the Secretary-General to report.", "47e séance plénière", "", "7 décembre 2022"]
    assert raise_plain_markers(lines, 0, lambda index: False) == lines


@pytest.mark.parametrize("text", ["the Global Warming of 1.5°C and the Convention, 1", "le 54/54 U du 1er décembre, 1"])
def test_a_decimal_and_an_ordinal_are_no_spaced_markers(text: str) -> None:
    lines = [text, "", "1   A/1.", "2   A/2."]
    assert restore_markers(lines, 0, lambda index: False)[0] == text[:-2] + "¹"


def test_a_text_of_one_page_shows_pages_by_its_footer() -> None:
    # a one-page resolution: the footnotes stand one after the other at the foot, before the
    # footer; no blank line parts them
    lines = ["Taking note of the report,1", "Noting the report of the Commission,2", "1 A/1.", "2 A/2.", "22-26533 (F)"]
    raised = raise_plain_markers(lines, 0, lambda index: index == 4)
    assert raised[1:4] == ["Noting the report of the Commission,²", "¹ A/1.", "² A/2."]


def _symbols_by_token(line: str) -> list[str]:
    """What the symbol pattern means, token by token: a run of word characters, stops, slashes
    and hyphens, up to its last figure, with a slash or hyphen before that figure."""
    found = []
    for token in re.findall(r"[\w./\u2011-]+", line):
        last = max((at for at, char in enumerate(token) if char.isdecimal()), default=-1)
        if last > 0 and any(char in "/\u2011-" for char in token[:last]):
            found.append(token[: last + 1])
    return found


@given(st.text(alphabet="aZ19/-\u2011. ,(é", max_size=40))
def test_a_symbol_is_what_its_token_holds_up_to_its_last_figure(line: str) -> None:
    """The pattern, written to be tried once per token (a hostile run of hyphens took minutes),
    finds what the plain statement of it finds."""
    assert _SYMBOL.findall(line) == _symbols_by_token(line)


@pytest.mark.parametrize("missed", [{2}, {2, 3}, {4}])
def test_a_footnote_whose_marker_is_not_found_loses_no_later_marker(missed: set[int]) -> None:
    # a marker set apart before a capital (``the Board 2 Members``) reads as a number: the next
    # footnote's marker is sought from the last one found, and the footnote passed over keeps its
    # number (the reader keeps it, unplaced)
    lines = [
        f"Recalling the study of the Board {number} Members," if number in missed else f"Noting the report,{number}"
        for number in range(1, 6)
    ]
    notes = [f"{number} A/79/{number}." for number in range(1, 6)]
    raised = raise_plain_markers([*lines, *notes, "24-23081 (E)"], 0, lambda index: index == 10)
    assert raised[:5] == [
        line if number in missed else line[:-1] + "¹²³⁴⁵"[number - 1] for number, line in enumerate(lines, 1)
    ]
    assert raised[5:10] == [f"{'¹²³⁴⁵'[number - 1]} A/79/{number}." for number in range(1, 6)]


def test_a_footnote_passed_over_is_kept_unplaced() -> None:
    body = (
        "Recalling the report,1 the study of the Board 2 Members and the note,3\n"
        "Noting the work of the Commission4 and its report,\n"
        "1 A/79/1.\n2 A/79/2.\n3 A/79/3.\n4 A/79/4.\n\f\n"
        "1. *Decides* to remain seized of the matter.\n"
    )
    resolution = _read(body)
    assert _notes(resolution) == [("1", "A/79/1."), ("3", "A/79/3."), ("4", "A/79/4.")]
    assert [note.marker for note in resolution.unplaced_footnotes] == ["2"]
    assert "the Board 2 Members" in plain_text(resolution.preamble[0].content)


def _between(span: str, numbers: range = range(3, 6)) -> list[str]:
    """A paragraph with the marker ``numbers[0]`` glued to a word and ``span`` after it, its
    footnotes (but the last) in blocks of their own, then a paragraph with the marker
    ``numbers[-1]`` and its footnote."""
    notes = [line for number in numbers[:-1] for line in ("", f"{number} A/{number}.")]
    last = numbers[-1]
    return [
        f"Recalling the report,{numbers[0]} {span},",
        *notes,
        "",
        f"Noting the study,{last}",
        "",
        f"{last} A/{last}.",
    ]


def _in_one_paragraph(span: str, numbers: range) -> list[str]:
    """A paragraph whose markers ``numbers[0]`` and ``numbers[-1]`` are glued to words, with
    ``span`` between them, and the footnotes in blocks of their own after it."""
    notes = [line for number in numbers for line in ("", f"{number} A/{number}.")]
    return [f"Recalling the report,{numbers[0]} {span} and the study,{numbers[-1]}", *notes]


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        # footnote 4 is taken without its marker between markers 3 and 5, and 5/64 is the only
        # number there that ends with 4: its marker
        ("resolutions 5/1 and 5/64 of 2 March 2022", "5/6⁴ of"),
        ("decision CBD/CP/MOP/VIII/1914", "VIII/19¹⁴"),
        ("décision 3/COP.154,", "3/COP.15⁴,"),
    ],
)
def test_a_marker_glued_to_a_symbol_is_raised_where_it_is_the_only_place_between_two_markers(
    span: str, shown: str
) -> None:
    numbers = range(13, 16) if "1914" in span else range(3, 6)
    raised = raise_plain_markers(_between(span, numbers), 0, lambda index: False)
    assert shown in raised[0]


@pytest.mark.parametrize(
    "span",
    [
        # real pdftotext text: the true marker 4 set apart before a capital (a number) is
        # another place that may bear it, so ``resolution 75/74`` keeps its figures
        "its resolution 75/74 and the study of the Board 4 Members",
        "the Board 4 Members and its resolution 75/74",
        # another number that ends with 4: which one bears the marker is not sure
        "its resolutions 75/74 and 64/24",
        "its resolution 75/74 of 2024",
        # no symbol: a year keeps its figures
        "its session of 2024",
        # the symbol without the figures would be none (``75/``)
        "its resolution 75/4",
    ],
)
def test_a_symbol_keeps_its_figures_where_another_place_may_bear_the_marker(span: str) -> None:
    raised = raise_plain_markers(_between(span), 0, lambda index: False)
    assert raised[0] == f"Recalling the report,³ {span},"
    assert raised[6] == "Noting the study,⁵"


def test_markers_glued_to_two_symbols_in_a_row_are_raised_each_in_its_place() -> None:
    # footnotes 14 and 15 taken without their markers between 13 and 16: each symbol is its
    # number's only place, in the footnotes' order
    span = "la décision CBD/CP/MOP/VIII/1914 et la décision CBD/NP/MOP/DEC/2/715, ainsi que"
    raised = raise_plain_markers(_in_one_paragraph(span, range(13, 17)), 0, lambda index: False)
    assert "VIII/19¹⁴ et la décision CBD/NP/MOP/DEC/2/7¹⁵, ainsi" in raised[0]
    # in the other order, neither is sure
    swapped = span.replace("1914", "1915").replace("715", "714")
    assert (
        span.replace("1914", "1915").replace("715", "714")
        in raise_plain_markers(_in_one_paragraph(swapped, range(13, 17)), 0, lambda index: False)[0]
    )


def test_a_footnote_in_a_block_of_its_own_does_not_hide_the_next_marker_before_it() -> None:
    # footnote 14 has no marker found (glued to a symbol): its block is taken, and marker 15,
    # which stands before it, is sought again from marker 13
    span = "decision CBD/CP/MOP/VIII/1914 and decision CBD/NP/MOP/DEC/2/7,15 as well as"
    raised = raise_plain_markers(_in_one_paragraph(span, range(13, 17)), 0, lambda index: False)
    assert "VIII/19¹⁴ and decision CBD/NP/MOP/DEC/2/7,¹⁵ as well" in raised[0]


def test_a_paragraph_number_is_no_place_for_a_marker() -> None:
    lines = [
        "Recalling the report,33 and decision XII/334 on biodiversity,",
        "",
        "33 A/33.",
        "",
        "34 A/34.",
        "",
        "34. Invites the Parties to act,35",
        "",
        "35 A/35.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: False)
    assert raised[0] == "Recalling the report,³³ and decision XII/3³⁴ on biodiversity,"
    assert raised[6] == "34. Invites the Parties to act,³⁵"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["4", "24", "75/74", "5/64", "the", "Board", "2022", "14,", "(4)"]), max_size=8))
def test_a_symbol_loses_its_figures_only_where_no_other_number_may_bear_the_marker(words: list[str]) -> None:
    span = " ".join(["its resolution 75/74", *words])
    raised = raise_plain_markers(_between(span), 0, lambda index: False)[0]
    if re.search(r"/\d+⁴", raised):
        # the symbol was the only number between the markers that ends with the marker's figures
        assert [number for number in re.findall(r"\d+", span) if number.endswith("4")] == ["74"]
    assert re.sub("[³⁴⁵]", lambda m: "345"["³⁴⁵".index(m.group())], raised) == _between(span)[0]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab1 4/,.\n"), max_size=30), max_size=8))
def test_a_text_without_footnotes_never_gains_a_marker(lines: list[str]) -> None:
    # no line opens with a number and a space, so there is no footnote a marker could be
    lines = [line.lstrip("0123456789") for line in lines]
    assert raise_plain_markers(lines, 0, lambda index: False) == lines


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        # LibreOffice's markers stand apart; before a capital or after a symbol, a number reads as
        # one, unless it is the only place of a footnote taken without its marker
        ("the Conference on Environment and Development, 4 Agenda 21,", "Development,⁴ Agenda 21,"),
        ("pursuant to resolutions 73/263, 4 75/168,", "73/263,⁴ 75/168,"),
        ("the incidents in Ltamenah, 4 Saraqib", "Ltamenah,⁴ Saraqib"),
    ],
)
def test_a_marker_set_apart_is_raised_where_it_is_the_only_place_between_two_markers(span: str, shown: str) -> None:
    lines = [f"Recalling the report, 3 {span} and the study,5", "", "3   A/3.", "", "4   A/4.", "", "5   A/5."]
    raised = restore_markers(lines, 0, lambda index: False)
    assert raised[0] == f"Recalling the report,³ {span.replace(shown.replace('⁴', ' 4'), shown)} and the study,⁵"
    # another number that ends with 4 (a day, a year) leaves the place unsure; but after a
    # word's comma and before a capital, or after a comma and before a symbol, the marker is one
    # wherever it stands (see test_a_marker_set_apart_after_a_comma_before_a_title and
    # test_a_marker_set_apart_between_a_clause_and_a_symbol)
    titled = re.search(r"[^\W\d], 4 [A-Z]|, 4 \d+/", span) is not None
    for other in ("of 4 December", "in 2014"):
        kept = restore_markers(
            [lines[0].replace(" and the study", f" {other} and the study"), *lines[1:]], 0, lambda i: False
        )
        assert f"{span.replace(shown.replace('⁴', ' 4'), shown) if titled else span} {other}" in kept[0]


def test_an_indented_paragraph_number_bears_no_marker_glued_to_it() -> None:
    # pdftotext -layout indents a paragraph's first line: "17." is still the line's first word,
    # a paragraph's number, and no "1" with the marker 7 glued to it
    lines = [
        "          Recalling the report of the Secretary-General,6",
        "     17. Decides to act on the report of the Secretary-General that was submitted in",
        "accordance with its resolution 76/1 and to remain seized of the matter;",
        "6 A/1.",
        "7 A/2.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 4)
    assert raised[:3] == [lines[0].replace(",6", ",⁶"), lines[1], lines[2]]


def test_a_marker_set_apart_after_a_comma_before_a_title() -> None:
    # LibreOffice's raised marker after a comma, set apart by the justified line, before the
    # next title of a list ("Agenda 21"): a capital follows, as no number of a list or a range
    # does after a word's comma
    lines = [
        "Recalling the Declaration on Environment and Development, 1 Agenda 21,2 the Programme for",
        "the Further Implementation of Agenda 21 and the Plan of Implementation,",
        "1 A/CONF.151/26.",
        "2 A/CONF.151/26, annex II.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True)
    assert raised[0] == "Recalling the Declaration on Environment and Development,¹ Agenda 21,² the Programme for"


def test_a_marker_set_apart_after_a_colon_at_the_lines_end() -> None:
    # the clause that a list of sub-paragraphs follows ends with a colon and its marker; within
    # the line, a number after a colon is what the colon introduces
    lines = [
        "Recalling the report, 1 and calls upon States, in line with the guiding principles: 2",
        "(a) To consider the following: 2 meetings a year;",
        "1 A/1.",
        "2 A/2.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True)
    assert raised[:2] == [
        "Recalling the report,¹ and calls upon States, in line with the guiding principles:²",
        lines[1],
    ]


def test_pdftotext_layout_writes_a_raised_marker_under_the_word_it_follows() -> None:
    # the marker, printed higher than its line, comes out on a line of its own at its column:
    # it goes after the word above it, not at that line's end; the page's footnotes have their
    # numbers a tab away, so that the number alone is no column of footnote numbers
    lines = [
        "Recalling the reports of the Mechanism of 4 August 20161 and 9 October",
        "   2016, which concluded that there was sufficient information to determine",
        "        2",
        "",
        "   that the attacks were carried out;",
        "",
        "1   See S/1.",
        "2   See S/2.",
        "",
        "99-12345 (E)        Please recycle",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 9)
    assert raised[:3] == [
        "Recalling the reports of the Mechanism of 4 August 2016¹ and 9 October",
        "   2016,² which concluded that there was sufficient information to determine",
        "",
    ]


def test_a_marker_set_apart_by_a_bracket_after_a_name() -> None:
    # LibreOffice's raised marker after a name, set apart by the justified line, before the
    # bracket that opens the name's short form or that closes the name; a number inside a name's
    # brackets after a word in lower case (phase 2) stays a number
    lines = [
        "Reaffirming the Treaty on the Non-Proliferation of Nuclear Weapons 1 (NPT) and the Rules",
        "for the Treatment of Women Prisoners (the Bangkok Rules 2), as well as the plans (phase 3),",
        "1 A/1.",
        "2 A/2.",
        "3 A/3.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 4, spaced=True)
    assert raised[:2] == [
        "Reaffirming the Treaty on the Non-Proliferation of Nuclear Weapons¹ (NPT) and the Rules",
        "for the Treatment of Women Prisoners (the Bangkok Rules²), as well as the plans (phase 3),",
    ]


def test_a_marker_set_apart_after_a_resolutions_symbol() -> None:
    # a word in lower case after it: no number of the symbol's, nor of a list (``76/36 2 et 3``)
    lines = [
        "Rappelant la résolution 61/72 2 et les rapports du Comité spécial, et les paragraphes 76/36 4 et 5,",
        "1 A/1.",
        "2 A/2.",
        "3 A/3.",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True)
    assert raised[0] == lines[0].replace("61/72 2", "61/72²")


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # the days of a list before their month are no number that bears the marker
        ("Development,1 Agenda 212 and the meetings of 22 and 23 June 2024,", "Development,¹ Agenda 21² and"),
        # nor a number after a word that it numbers
        ("Development,1 and chapter 12 of Agenda 212,", "chapter 12 of Agenda 21²,"),
        # bound to it by a no-break space too
        ("Development,1 and chapter\u00a012 of Agenda\u00a0212,", "chapter\u00a012 of Agenda\u00a021²,"),
        # nor the last number of a range
        ("Development,1 and paragraphs 5 to 12 of Agenda 212,", "paragraphs 5 to 12 of Agenda 21²,"),
        # but a list's last number bears its marker
        ("Development,1 and items 5, 6 and 72, and", "items 5, 6 and 7²,"),
    ],
)
def test_a_marker_glued_to_a_number_where_no_other_number_may_bear_it(text: str, marked: str) -> None:
    lines = [f"Recalling the Declaration on Environment and {text}", "1 A/1.", "2 A/2.", ""]
    words = {"months": {"june"}, "numbered": {"chapter"}, "conjunctions": {"and"}}
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, **words)
    assert marked in raised[0]


def test_a_footnotes_text_bears_no_marker() -> None:
    # a sales number in the text of a footnote before the marker's own (``E.93.I.8``) may not be
    # the marker glued to a number
    lines = [
        "Recalling the Declaration,1 the Rules2 and Agenda 213,",
        "1 A/1.",
        "2 Report of the Conference, vol. I (United Nations publication,",
        "Sales No. E.93.I.8 and corrigendum).",
        "3 A/3.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 5)
    assert raised[0] == "Recalling the Declaration,¹ the Rules² and Agenda 21³,"


def test_a_number_after_a_bracket_inside_a_symbol_is_the_symbols() -> None:
    # the bracket closes one that opened inside the word (a year in a symbol): the number goes on
    # with the symbol; after a bracket that a space opened, a number is a marker
    lines = [
        "Recalling the Treaty (NPT)1 and the recommendations (BC/Rec(2020)2), and the Rules2 of",
        "1 A/1.",
        "2 A/2.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3)
    assert raised[0] == "Recalling the Treaty (NPT)¹ and the recommendations (BC/Rec(2020)2), and the Rules² of"


def test_a_wrapped_line_that_opens_with_a_number_is_no_footnote_for_a_glued_marker() -> None:
    # the page's text goes on after it: a marker glued to a year there may bear the marker, so
    # that ``812`` before it is no ``81²``
    lines = [
        "Recalling the Declaration,1 and that between 700 and 812 million people faced hunger, some",
        "150 million more than in 2019, and that many could not afford",
        "a healthy diet in 20212,",
        "1 A/1.",
        "2 A/2.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 5)
    assert raised[:3] == [lines[0].replace(",1", ",¹"), lines[1], lines[2].replace("20212", "2021²")]


def test_a_marker_set_apart_after_a_titles_closing_quote_and_comma() -> None:
    lines = [
        'Recalling the Declaration,1 and the outcome document "The future we want", 2 States addressed',
        "1 A/1.",
        "2 A/2.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True)
    assert raised[0] == 'Recalling the Declaration,¹ and the outcome document "The future we want",² States addressed'


def test_a_number_after_a_links_target_is_a_marker() -> None:
    # a Markdown link's target opens its bracket after the link's text, not inside a word
    lines = ["Recalling the report ([A/1/2](#))1 and the Rules,", "", "1 A/1.", ""]
    raised = raise_plain_markers(lines, 0, lambda index: False)
    assert raised[0] == "Recalling the report ([A/1/2](#))¹ and the Rules,"


def test_a_footnote_whose_text_is_a_full_stop_is_one() -> None:
    # DGACM's file holds a footnote with no reference but its full stop: the line ``2 .`` is that
    # footnote, and the number glued to the word before it its marker
    resolution = _read(
        "Taking note of the report of the Committee,1\n\n1 A/79/21.\n\n"
        "Taking note also of the report of the Secretary-General,2\n\n2 .\n\n"
        "1. *Decides* to remain seized of the matter.\n"
    )
    assert _notes(resolution) == [("1", "A/79/21."), ("2", ".")]
    assert plain_text(resolution.preamble[1].content).endswith("Secretary-General,")


def test_a_marker_glued_to_a_number_before_a_comma_rather_than_to_a_count() -> None:
    # ``14`` before a word counts it (``14 States``), where ``2/ABC.34,`` ends a clause: the
    # marker ``4`` is the symbol's, not ``1⁴ States``
    lines = [
        "Recalling the Convention,1 the Protocol2 and the Rules,3 and its decision 2/ABC.34, noting",
        "that 14 States have acted and 106 have reported, and the Declaration,5",
        "1 A/1.",
        "2 A/2.",
        "3 A/3.",
        "4 A/4.",
        "5 A/5.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 7)
    assert raised[0].endswith("decision 2/ABC.3⁴, noting")
    assert raised[1] == "that 14 States have acted and 106 have reported, and the Declaration,⁵"


def test_the_marker_after_a_raised_marker_under_its_line_is_sought_in_that_line() -> None:
    # ``2`` under ``Charter,`` comes out after its line, which holds marker 3 further on
    lines = [
        "Noting the Treaty,1 Recalling the Charter, the Declaration on the Rights of Peoples 3 and the Vienna",
        " " * 42 + "2",
        "",
        "Programme of Action,4",
        "",
        "1   A/1.",
        "2   A/2.",
        "3   A/3.",
        "4   A/4.",
        "",
        "99-12345 (E)        Please recycle",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 10)
    assert raised[:4] == [
        "Noting the Treaty,¹ Recalling the Charter,² the Declaration on the Rights of Peoples³ and the Vienna",
        "",
        "",
        "Programme of Action,⁴",
    ]


def test_pdftotext_layout_sets_a_marker_some_spaces_after_a_justified_lines_last_word() -> None:
    lines = [
        "Recalling the Declaration 1 and the Programme of",
        "Action,   2",
        "",
        "Noting the report of 12   States,",
        "",
        "1   A/1.",
        "2   A/2.",
        "",
        "99-12345 (E)        Please recycle",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 8)
    # within a line, a number some spaces apart is a table's column: it stays
    assert raised[:4] == ["Recalling the Declaration¹ and the Programme of", "Action,²", "", lines[3]]


def test_a_documents_only_footnote_right_after_the_pages_text() -> None:
    lines = [
        "Recalling the Agenda for Sustainable Development 1 and the Goals,",
        "Noting the report,",
        "1   Resolution 10/1.",
        "",
        "99-12345 (E)        *9912345*        Please recycle",
        "",
        "Welcoming the meeting,",
    ]
    raised = restore_markers(lines, 0, lambda index: index == 5)
    assert raised[0] == "Recalling the Agenda for Sustainable Development¹ and the Goals,"


def test_a_markers_own_line_goes_back_to_the_space_it_left_before_a_comma() -> None:
    # plain ``pdftotext`` writes the raised marker after the paragraph's last line, which keeps
    # a space where it stood (``de 1990 ,``); ``-layout`` writes it at its column under it
    lines = [
        "Rappelant la Convention1 et le Protocole additionnel de",
        "1990 , lorsqu’il s’applique, ainsi que les règles pertinentes,",
        "2",
        "",
        "1 A/1.",
        "2 A/2.",
        "",
    ]
    raised = raise_plain_markers(lines, 0, lambda index: index == 6)
    assert raised[:3] == [
        lines[0].replace("1 ", "¹ "),
        "1990², lorsqu’il s’applique, ainsi que les règles pertinentes,",
        "",
    ]
    layout = [*lines[:2], "     2", *lines[3:]]
    assert raise_plain_markers(layout, 0, lambda index: index == 6)[1] == raised[1]


@pytest.mark.parametrize(("dated", "header"), [("of 13 September 2007", "A/RES/10/45"), ("in 2007", "A/RES/10/23")])
def test_markers_glued_to_symbols_between_two_found_despite_days_and_running_headers(dated: str, header: str) -> None:
    # ``13 September`` is a day, no ``1³``; ``A/RES/10/23`` is written on every page, no
    # ``A/RES/10/2³``: the only numbers left that end with the markers' figures bear them
    lines = [
        header,
        "Recalling the Declaration,1 and resolutions 5/12 and 5/63 of the Assembly, and",
        f"resolution 61/295 {dated},",
        "1 A/1.",
        "2 A/2.",
        "3 A/3.",
        "",
        header,
        "Noting the Convention,4",
        "4 A/4.",
        "",
    ]
    raised = raise_plain_markers(lines, 1, lambda index: index in (6, 7), months={"september"})
    assert raised[1] == "Recalling the Declaration,¹ and resolutions 5/1² and 5/6³ of the Assembly, and"
    assert raised[2] == lines[2] and raised[8] == "Noting the Convention,⁴"


def test_a_number_alone_after_a_word_that_numbers_in_the_plural_is_a_marker() -> None:
    # a plural numbers more than one: ``targets 2`` alone is the marker set apart, where
    # ``paragraphs 5 and 6`` and ``target 7`` are numbers
    lines = [
        "Recalling the Convention,1 the Goals and targets 2 in order to act, paragraphs 5 and 6 and target 7,",
        "1 A/1.",
        "2 A/2.",
        "",
    ]
    numbered = {"target", "targets", "paragraph", "paragraphs"}
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True, numbered=numbered)
    assert raised[0] == lines[0].replace(",1", ",¹").replace("targets 2", "targets²")


@pytest.mark.parametrize("title", ["Panel 1: Reviewing the programme", "   (i)   Table ronde 1 : Revoir le programme"])
def test_a_number_that_opens_a_title_before_its_colon_is_no_marker(title: str) -> None:
    lines = ["Decides that the meeting will hold panels as follows:", title, "on the Declaration, 1 and its work;"]
    raised = raise_plain_markers([*lines, "1   A/1.", ""], 0, lambda index: index == 4, spaced=True)
    assert raised[:3] == [*lines[:2], "on the Declaration,¹ and its work;"]


def test_a_marker_set_apart_between_a_clause_and_a_symbol() -> None:
    # ``3 2/21``: a number before a symbol counts nothing, the marker of the item before it
    lines = ["Recalling the resolutions on air quality, 1 2/21 of 27 May 2016 and 3/8,", "1   A/1.", "2   A/2.", ""]
    raised = raise_plain_markers(lines, 0, lambda index: index == 3, spaced=True, months={"may"})
    assert raised[0] == "Recalling the resolutions on air quality,¹ 2/21 of 27 May 2016 and 3/8,"
