"""The Markdown family of the converter matrix and its footnote layouts: what DGACM's files hold
that a layout's writer or the text reader read otherwise (synthetic texts of our own)."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.model import Resolution, footnotes_in, plain_text

from .converters import LAYOUTS, difference, fingerprint

HEADER = "A/RES/79/243\n\nAssemblée générale\n\n79/243. Un titre\n\nL'Assemblée générale,\n\n"
#: the layouts written from the text form (the two hard-wrapped ones have rules of their own)
MARKDOWN_FAMILY = [name for name in LAYOUTS if not name.startswith("pdftotext")]


def _read(body: str) -> Resolution:
    return resodiff.read_text(HEADER + body)


def _round_trips(resolution: Resolution) -> dict[str, str | None]:
    return {
        name: difference(fingerprint(resolution), fingerprint(resodiff.read_text(LAYOUTS[name](resolution, 0))))
        for name in MARKDOWN_FAMILY
    }


@pytest.fixture(scope="module")
def printed_superscript() -> Resolution:
    """A superscript digit that is the document's text, not a marker, in a document that has a
    footnote of that number (79/243 French: ``il en informe ²rapidement``)."""
    return _read(
        "Rappelant sa résolution 78/1,²\n\n² A/78/1.\n\n"
        "1. *Décide* que l'État partie en informe \\²rapidement l'État requérant ;\n\n"
        "2. *Décide également* de rester saisie de la question.\n"
    )


def test_an_escaped_superscript_digit_is_text(printed_superscript: Resolution) -> None:
    assert [note.marker for note in footnotes_in(printed_superscript.preamble[0].content)] == ["2"]
    assert "informe ²rapidement" in plain_text(printed_superscript.operative[0].content)
    assert footnotes_in(printed_superscript.operative[0].content) == ()


def test_a_printed_superscript_digit_comes_back_as_text_in_every_markdown_layout(
    printed_superscript: Resolution,
) -> None:
    assert _round_trips(printed_superscript) == dict.fromkeys(MARKDOWN_FAMILY)


TWO_TABLES = (
    "1. *Décide* d'adopter le certificat ci-après.\n\n"
    "| **6.** | **Acquéreur** |\n| 6.1 | Nom |\n\n"
    "| **À** |  | **Le** |  |\n|  | (lieu) |  | (date) |\n"
)


def test_two_tables_apart_by_a_blank_line_are_two_paragraphs() -> None:
    resolution = _read(TWO_TABLES)
    tables = [paragraph.table for paragraph in resolution.operative if paragraph.table is not None]
    assert [len(table.rows) for table in tables] == [2, 2]


def test_rows_one_after_the_other_are_one_table() -> None:
    resolution = _read(TWO_TABLES.replace("| 6.1 | Nom |\n\n", "| 6.1 | Nom |\n"))
    tables = [paragraph.table for paragraph in resolution.operative if paragraph.table is not None]
    assert [len(table.rows) for table in tables] == [4]


def test_two_tables_come_back_as_two_in_every_markdown_layout() -> None:
    assert _round_trips(_read(TWO_TABLES)) == dict.fromkeys(MARKDOWN_FAMILY)
