"""Boxed text, as pdfminer.six's ``extract_text`` writes a PDF (``resodiff.ingest.boxed_lines``):
lines grouped into boxes apart by blank lines, which do not always hold one paragraph each; on
text written for the tests."""

from __future__ import annotations

import textwrap

import resodiff
from resodiff.ingest.boxed_lines import boxed, unboxed_text
from resodiff.ingest.text import is_furniture
from resodiff.model import Resolution, footnotes_in

HEADER = "United Nations\n\nGeneral Assembly\n\nA/RES/81/5\n\n81/5. Keepers of lighthouses\n\nThe General Assembly,\n\n"
#: invented preambular paragraphs, each wrapped into lines of about a hundred characters
PREAMBLE = [
    "Recalling its resolutions on the cooperation between the keepers of the lighthouses of the northern "
    "coasts and the pilots of the harbours of the southern islands, and the reports that the keepers "
    "submitted to it on the safety of navigation,",
    "Recognizing the long service of the keepers of the lighthouses and their dedication to the safety of "
    "navigation in all the seas and on all the rivers that the pilots of the harbours use for their work,",
    "Noting with appreciation the efforts of the pilots of the harbours to share their charts of the "
    "shallow waters with the keepers of the lighthouses, and the training that they offered to the young "
    "keepers of the northern coasts,",
    "Welcoming the meetings that the keepers and the pilots held in the past year on the lights of the "
    "harbours and on the signals that ships give at night,",
]
OPERATIVE = [
    "Encourages the keepers of the lighthouses and the pilots of the harbours to continue to share their "
    "charts and their records of the weather with one another;",
    "Requests the keepers to report to it at its next session on the lights of the northern coasts;",
    "Decides to remain seized of the matter.",
]
#: the page's furniture, as pdfminer writes it: each line a box of its own
FOOT = "26-01234 (E)\n\n*2601234*\n\nPlease recycle\n\n\fA/RES/81/5\n\n"


def _boxes(paragraph: str, width: int = 100) -> list[str]:
    """A paragraph's lines, wrapped as a justified page prints them."""
    return textwrap.wrap(paragraph, width)


def _page(boxes: list[list[str]]) -> str:
    return "\n\n".join("\n".join(box) for box in boxes) + "\n\n"


def _numbered(paragraphs: list[str]) -> list[list[str]]:
    """Each operative paragraph as pdfminer writes it: its number a box of its own, then its text."""
    return [box for number, text in enumerate(paragraphs, start=1) for box in ([f"{number}."], _boxes(text))]


def _read(body: str) -> Resolution:
    return resodiff.read_text(HEADER + body)


def test_a_blank_line_inside_a_sentence_goes_on_the_paragraph() -> None:
    # a paragraph's short last line in a box of its own, its sentence going on in lower case
    boxes = [_boxes(text) for text in PREAMBLE]
    split = boxes[0]
    boxes[0:1] = [split[:-1], split[-1:]]
    assert boxes[1][0][:1].islower()
    resolution = _read(_page([*boxes, *_numbered(OPERATIVE)]))
    assert [p.text for p in resolution.preamble] == PREAMBLE
    assert [(p.num, p.text) for p in resolution.operative] == [
        (f"{n}.", text) for n, text in enumerate(OPERATIVE, start=1)
    ]


def test_justified_lines_keep_one_space_between_words() -> None:
    # a justified line's wide spaces, around a marker that LibreOffice set apart from its word
    boxes = [_boxes(text) for text in PREAMBLE]
    assert boxes[0][0].endswith("the keepers of the lighthouses of the northern")
    boxes[0][0] = boxes[0][0].replace("lighthouses of", "lighthouses 1 of").replace(" ", "   ")
    body = _page([*boxes, ["1"], ["A/81/100."]]) + FOOT + _page(_numbered(OPERATIVE))
    resolution = _read(body)
    assert [p.text for p in resolution.preamble] == PREAMBLE
    [note] = footnotes_in(resolution.preamble[0].content)
    assert note.text == "A/81/100."
    assert resolution.preamble[0].content[0].text.endswith("the keepers of the lighthouses")


def test_a_full_first_line_alone_in_its_box_goes_on_in_the_next() -> None:
    # a paragraph of two printed lines: pdfminer sets the indented first line apart from the
    # last, which here opens with a capital after a comma
    two_lines = (
        "Noting the report of the keepers of the lighthouses on the lights and the signals of the seas, "
        "Northern Harbour and the southern rivers,"
    )
    first, last = _boxes(two_lines)
    assert last[:1].isupper() and first.endswith(",")
    boxes = [_boxes(text) for text in PREAMBLE]
    resolution = _read(_page([*boxes[:2], [first], [last], *boxes[2:], *_numbered(OPERATIVE)]))
    assert [p.text for p in resolution.preamble] == [*PREAMBLE[:2], two_lines, *PREAMBLE[2:]]


def test_paragraph_numbers_boxed_together_go_each_before_its_paragraph() -> None:
    # two short paragraphs: pdfminer writes their numbers as boxes one after the other, then the texts
    boxes = [_boxes(text) for text in PREAMBLE]
    operative = [["1."], ["2."], _boxes(OPERATIVE[0]), _boxes(OPERATIVE[1]), ["3."], _boxes(OPERATIVE[2])]
    resolution = _read(_page([*boxes, *operative]))
    assert [(p.num, p.text) for p in resolution.operative] == [
        (f"{n}.", text) for n, text in enumerate(OPERATIVE, start=1)
    ]


def test_footnote_texts_boxed_before_their_numbers_are_the_page_footnotes() -> None:
    # the page's footnotes' texts as a box, then the box of their numbers, then the furniture
    boxes = [_boxes(text) for text in PREAMBLE]
    boxes[0][-1] = boxes[0][-1].replace("navigation,", "navigation,1")
    boxes[1][-1] = boxes[1][-1].replace("work,", "work,2")
    notes = ["A/81/100.", "See resolution 80/12, annex."]
    body = _page([*boxes[:2], notes, ["1", "2"]]) + FOOT + _page([*boxes[2:], *_numbered(OPERATIVE)])
    resolution = _read(body)
    assert [p.text for p in resolution.preamble] == PREAMBLE
    assert [[n.text for n in footnotes_in(p.content)] for p in resolution.preamble[:2]] == [[notes[0]], [notes[1]]]


def test_a_footnote_after_the_box_of_numbers_joins_it() -> None:
    # pdfminer writes a wider number with its text, after the box of the narrower ones
    boxes = [_boxes(text) for text in PREAMBLE]
    boxes[0][-1] = boxes[0][-1].replace("navigation,", "navigation,9")
    boxes[1][-1] = boxes[1][-1].replace("work,", "work,10")
    body = _page([*boxes[:2], ["A/81/100."], ["9"], ["10 See resolution 80/12, annex."]])
    resolution = _read(body.replace("\n\n10 See", "\n10 See") + FOOT + _page([*boxes[2:], *_numbered(OPERATIVE)]))
    assert [[n.marker for n in footnotes_in(p.content)] for p in resolution.preamble[:2]] == [["9"], ["10"]]
    assert [n.text for n in resolution.footnotes] == ["A/81/100.", "See resolution 80/12, annex."]


def test_only_boxed_text_is_unboxed() -> None:
    boxes = [_boxes(text) for text in PREAMBLE]
    split = boxes[0]
    boxes[0:1] = [split[:-1], split[-1:]]
    pdfminer = HEADER + _page([*boxes, *_numbered(OPERATIVE)])
    assert boxed(pdfminer.split("\n"), is_furniture)
    # Markdown: a paragraph on a line; pdftotext: no blank line between paragraphs; -layout:
    # first lines indented
    markdown = HEADER + "\n\n".join([*PREAMBLE, *(f"{n}. {t}" for n, t in enumerate(OPERATIVE, start=1))])
    plain = HEADER + "\n".join(line for text in PREAMBLE for line in _boxes(text))
    layout = HEADER + "\n".join(
        f"{'     ' if index == 0 else ''}{line}" for text in PREAMBLE for index, line in enumerate(_boxes(text))
    )
    for text in (markdown, plain, layout):
        assert not boxed(text.split("\n"), is_furniture)
        assert unboxed_text(text, is_furniture) is text


def test_a_paragraph_that_goes_on_past_the_page_footnotes_keeps_its_first_line() -> None:
    # the page's last line, alone in its box, goes on after the footnotes and the furniture: the
    # blank line before the box of numbers goes, as in pdftotext's text, where a line alone
    # between blank lines after a finished one would be a paragraph's last line written first
    long = " ".join(PREAMBLE * 3).replace(",", "", 3 * len(PREAMBLE) - 1)  # a paragraph of many lines
    boxes = [_boxes(text) for text in [*PREAMBLE, long]]
    boxes[0][-1] = boxes[0][-1].replace("navigation,", "navigation,1")
    first, *rest = _boxes(OPERATIVE[0])
    assert not first.endswith((",", ";", "."))
    page = _page([*boxes, ["1."], [first], ["1"], ["A/81/100."]])
    rest_boxes = [rest, *_numbered(OPERATIVE)[2:]]
    resolution = _read(page + FOOT + _page(rest_boxes))
    assert [(p.num, p.text) for p in resolution.operative] == [
        (f"{n}.", text) for n, text in enumerate(OPERATIVE, start=1)
    ]
    assert [n.text for n in resolution.footnotes] == ["A/81/100."]
