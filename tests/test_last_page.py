"""The closing's page as ``pdftotext`` writes LibreOffice's (``resodiff.ingest.last_page``): the
footnotes' numbers, the closing's date, the furniture and the footnotes' texts after the meeting
line, put back in the order a person reads them; on small texts written for the tests."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.ingest.last_page import reorder_last_page
from resodiff.ingest.plain_markers import join_number_column
from resodiff.ingest.text import is_furniture
from resodiff.languages import language_or_fallback
from resodiff.model import footnotes_in

NOTE_TEXT = "See the report of the Secretary-General on the activities of the two organizations during the"


def _reorder(lines: list[str], page_ends: set[int] | None = None, lang: str = "eng") -> tuple[list[str], set[int]]:
    return reorder_last_page(lines, 0, page_ends or set(), is_furniture, language_or_fallback(lang))


def _read_back(lines: list[str], page_ends: set[int] | None = None, lang: str = "eng") -> tuple[list[str], set[int]]:
    """The page reordered, then its column of numbers put together, as the text reader does;
    blank lines aside."""
    reordered, ends = _reorder(lines, page_ends, lang)
    joined, _ = join_number_column(reordered, lambda index: index in ends or is_furniture(reordered[index].strip()))
    return [line for line in joined if line], ends


def test_the_date_goes_back_after_the_meeting_and_the_number_onto_its_text() -> None:
    page = [
        "3. Decides to remain seized of the matter.",
        "43rd plenary meeting",
        "",
        "23",
        "6/6",
        "",
        "2 December 2099",
    ]
    page += ["", "Treaty Series, vol. 1, No. 1.", "99-12345", ""]
    reordered, ends = _reorder(page, {len(page) - 1})
    assert len(reordered) == len(page) and ends == {len(page) - 1}
    assert _read_back(page, {len(page) - 1})[0] == [
        *page[:2],
        "2 December 2099",
        "23 Treaty Series, vol. 1, No. 1.",
        "6/6",
        "99-12345",
    ]


def test_a_page_with_no_blank_line_keeps_its_count_of_lines() -> None:
    page = ["45th plenary meeting", "23", "6/6", "2 December 2099", "Treaty Series, vol. 1, No. 1.", "99-12345"]
    assert len(_reorder(page, {5})[0]) == len(page)
    assert _read_back(page, {5})[0] == [page[0], page[3], "23 Treaty Series, vol. 1, No. 1.", "6/6", "99-12345"]


def test_a_column_in_runs_with_the_date_between_numbers_the_notes_where_they_end() -> None:
    # 11 and 12, the date, 13 and 14, the texts (the third of two lines), then a stray 15 past the furniture
    page = ["45th plenary meeting", "", "11", "12", "", "15 December 2099", "", "13", "14", ""]
    page += ["A/99/601, annex.", "See A/99/228.", NOTE_TEXT, "period under review (A/99/100).", "A/99/279."]
    page += ["Ibid., Supplement No. 2 (E/2099/22).", "", "2/2", "", "99-12345", "", "15", ""]
    assert len(_reorder(page)[0]) == len(page)
    assert _read_back(page)[0] == [
        "45th plenary meeting",
        "15 December 2099",
        "11 A/99/601, annex.",
        "12 See A/99/228.",
        f"13 {NOTE_TEXT}",
        "period under review (A/99/100).",
        "14 A/99/279.",
        "15 Ibid., Supplement No. 2 (E/2099/22).",
        "2/2",
        "99-12345",
    ]


def test_the_rest_of_a_note_from_the_page_before_goes_back_after_it() -> None:
    before = ["1. Decides to report on the matter;4", "4", "2/3", "", NOTE_TEXT, "99-12345", ""]
    last = ["A/RES/99/1", "", "2. Decides to remain seized of the matter.", "67th plenary meeting", "", "5", ""]
    last += ["29 April 2099", "", "period under review and beyond it, as the organizations agreed.", ""]
    last += ["Resolution 48/134, annex.", "", "99-12345", "", "3/3", ""]
    page_ends = {len(before) - 1, len(before) + len(last) - 1}
    lines, ends = _reorder([*before, *last], page_ends)
    assert lines[4:6] == [NOTE_TEXT, "period under review and beyond it, as the organizations agreed."]
    # the page's end moved with the lines it ends; the last page's stays the last line
    assert ends == {len(before), len(before) + len(last) - 1}
    assert len(lines) == len(before) + len(last)
    assert lines[len(before) - 1] == "99-12345"
    read = _read_back([*before, *last], page_ends)[0]
    meeting = read.index("67th plenary meeting")
    assert read[meeting + 1 : meeting + 3] == ["29 April 2099", "5 Resolution 48/134, annex."]


def test_a_rest_in_lower_case_is_a_note_s_even_with_no_note_on_the_page() -> None:
    before = ["1. Prie de rendre compte ;1", "1", "", "Voir la liste des lieux qui simulent le milieu spatial,", ""]
    last = ["2. Décide de rester saisie de la question.", "52e séance plénière", "", "12 décembre 2099", ""]
    last += ["environnements reculés, confinés et extrêmes.", "99-12345", "", "3/3", ""]
    lines, _ = _reorder([*before, *last], {len(before) - 1, len(before) + len(last) - 1}, "fra")
    assert lines[3:5] == [
        "Voir la liste des lieux qui simulent le milieu spatial,",
        "environnements reculés, confinés et extrêmes.",
    ]
    assert "environnements reculés, confinés et extrêmes." not in lines[len(before) + 1 :]


def test_a_blank_line_inside_a_note_on_the_closing_s_page_goes_after_the_notes() -> None:
    # a short first line: the address did not fit on it; the blank line before a note stays
    page = ["47e séance plénière", "4 décembre 2099", "", "8 Disponible", "", "sur le site Web, à l’adresse", ""]
    page += ["https://www.example.org/report.pdf.", "", "9 Voir A/99/229.", "", "99-12345", ""]
    lines, _ = _reorder(page, lang="fra")
    assert lines[3:8] == [*page[3:4], *page[5:6], *page[7:10]]
    assert len(lines) == len(page)


@pytest.mark.parametrize(
    "page",
    [
        # already in reading order
        ["45th plenary meeting", "1 December 2099", "", "23 Treaty Series, vol. 1, No. 1.", "", "6/6", "99-12345"],
        # two numbers, but the texts part into three notes for sure (or into one): which is whose is unsure
        ["45th plenary meeting", "", "7", "8", "", "1 December 2099", "", "A/99/1.", "A/99/2.", "A/99/3.", ""],
        # the text form's footnotes keep their own order
        ["*45th plenary meeting*", "", "*1 December 2099*", "", "¹ Resolution 97/1.", ""],
        # an annex on the closing's page
        ["45th plenary meeting", "", "1 December 2099", "", "Annex", "", "Terms of reference", ""],
    ],
    ids=["in-order", "unsure", "text-form", "annex"],
)
def test_a_page_that_reads_as_it_stands_or_that_cannot_be_read_for_sure_is_left_as_it_is(page: list[str]) -> None:
    assert _reorder(page) == (page, set())


HEADER = (
    "A/RES/99/1\n\nGeneral Assembly\n\n99/1. Cooperation between the two organizations\n\nThe General Assembly,\n\n"
)
FIRST_PAGE = (
    "Recalling its resolutions on cooperation between the two organizations, and its resolution 97/1\n"
    "of 1 November 2097,1\n"
    "Noting that the two organizations held meetings at the highest level during the period under\n"
    "review, and that their secretariats exchanged information on matters of common interest,\n"
    "1. Decides to continue cooperation between the two organizations in full respect of the Charter\n"
    "of the United Nations and of the principles of cooperation and mutual respect;2\n"
    f"1\n2\n\nResolution 97/1.\n{NOTE_TEXT}\n\n2/2\n99-12345\f"
)


def test_the_last_page_s_notes_are_read_at_their_markers_and_the_closing_whole() -> None:
    last_page = (
        "A/RES/99/1\n\n"
        "2. Requests the Secretary-General to report on the implementation of the present resolution;3\n"
        "3. Decides to remain seized of the matter.\n"
        "45th plenary meeting\n\n3\n2/2\n\n1 December 2099\n\n"
        "period under review (A/99/100).\nResolution 98/7, annex.\n99-12345\n\n\f"
    )
    resolution = resodiff.read_text(HEADER + FIRST_PAGE + last_page)
    notes = [
        (note.marker, note.text)
        for p in (*resolution.preamble, *resolution.operative)
        for note in footnotes_in(p.content)
    ]
    assert notes == [
        ("1", "Resolution 97/1."),
        ("2", f"{NOTE_TEXT} period under review (A/99/100)."),
        ("3", "Resolution 98/7, annex."),
    ]
    assert resolution.closing is not None and resolution.closing.date == "2099-12-01"
    assert len(resolution.operative) == 3


def test_a_numbered_text_on_the_closing_s_page_whose_marker_was_not_found_is_a_footnote() -> None:
    # the converter lost marker 3: its note is no marker's, but read
    last_page = (
        "A/RES/99/1\n\n"
        "2. Requests the Secretary-General to report on the implementation of the present resolution;\n"
        "3. Decides to remain seized of the matter.\n"
        "45th plenary meeting\n1 December 2099\n\n3 Resolution 98/7, annex.\n\n99-12345\n\f"
    )
    resolution = resodiff.read_text(HEADER + FIRST_PAGE.replace(f"{NOTE_TEXT}\n", "See A/99/100.\n") + last_page)
    assert [(note.marker, note.text) for note in resolution.unplaced_footnotes] == [("3", "Resolution 98/7, annex.")]
    assert resolution.closing is not None and resolution.closing.date == "2099-12-01"
