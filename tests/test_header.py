"""The header module on its own, as a reader of another printed form (PDF, Word) would call
it: plain lines with their positions in, metadata, formula and closing out."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.errors import TextSyntaxError
from resodiff.ingest.header import find_formula, read_closing, read_metadata, strip_markup
from resodiff.languages import language

from .test_text_reader import ENGLISH

HEADER = [
    ("United Nations A/RES/81/12", 2, 1),
    ("General Assembly", 4, 1),
    ("Distr.: General", 6, 1),
    ("4 December 2026", 7, 1),
    ("Eighty-first session", 9, 1),
    ("Agenda item 125 (x)", 11, 1),
    ("Cooperation between the United Nations and regional and other organizations", 13, 1),
    ("Resolution adopted by the General Assembly on 2 December 2026", 15, 1),
    ("[on the report of the Third Committee (A/81/450)]", 17, 1),
    ("81/12. Cooperation between the United Nations and the Example Regional Organization", 19, 1),
]


def test_header_lines_give_the_metadata_the_text_reader_finds() -> None:
    lines = [text for text, _, _ in HEADER] + ["The General Assembly,"]
    lang, index = find_formula(lines, "scan.pdf")
    assert (lang.code, index) == ("eng", len(HEADER))
    meta = read_metadata(HEADER, ("The General Assembly,", 21, 1), lang, "scan.pdf")
    from_text = resodiff.read(ENGLISH).meta
    assert (meta.symbol, meta.number, meta.session, meta.title) == (
        from_text.symbol,
        from_text.number,
        from_text.session,
        from_text.title,
    )
    assert (meta.distribution_date, meta.adoption_date, meta.committee, meta.draft_symbol) == (
        "2026-12-04",
        "2026-12-02",
        "on the report of the Third Committee",
        "A/81/450",
    )
    assert meta.span is not None and (meta.span.file, meta.span.line) == ("scan.pdf", 2)


def test_closing_lines() -> None:
    lang = language("fra")
    assert lang is not None
    closing = read_closing([("*45e séance plénière", 80, 1), ("2 décembre 2026*", 81, 1)], lang, "x.docx")
    assert closing is not None
    assert (closing.meeting, closing.date_text) == ("45e séance plénière", "2 décembre 2026")
    assert closing.date == "2026-12-02"
    assert read_closing([], lang, None) is None


def test_no_formula_is_an_error_with_position() -> None:
    with pytest.raises(TextSyntaxError) as raised:
        find_formula(["Hello", "world"], "scan.pdf")
    assert (raised.value.file, raised.value.line) == ("scan.pdf", 1)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("**79/9.** *Title*", "79/9. Title"),
        ("## 1^{er} janvier", "1er janvier"),
        ("le 39^e^{}", "le 39e"),
        ("^{" * 5000 + "x", "^{" * 5000 + "x"),
    ],
)
def test_strip_markup(line: str, words: str) -> None:
    assert strip_markup(line) == words


@pytest.mark.parametrize(
    "lines",
    [
        [("81/12", 19, 1), ("B. Cooperation with the Example Regional Organization", 21, 1)],
        [("81/12 B. Cooperation with the Example Regional Organization", 19, 1)],
    ],
    ids=["number-alone", "one-line"],
)
def test_a_part_s_letter_after_the_publication_s_number_alone_numbers_the_part(
    lines: list[tuple[str, int, int]],
) -> None:
    # LibreOffice sets the part's title a tab away from the number: pdftotext writes it on a line of its own
    header = [*HEADER[:-1], *lines]
    lang = language("eng")
    assert lang is not None
    meta = read_metadata(header, ("The General Assembly,", 23, 1), lang, "scan.pdf")
    assert (meta.number, meta.title) == ("81/12 B", "Cooperation with the Example Regional Organization")
