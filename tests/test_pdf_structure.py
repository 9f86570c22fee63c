"""The PDF reader on structure that only the page's geometry tells: resolutions of our own making
(the seed with an annex written for these tests) printed by each producer of ``tests/pdfgen.py``
and read back into the model they were printed from."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from resodiff.ingest import read_text
from resodiff.ingest.pdf import (
    _joined,
    _label_is_a_word,
    _Page,
    _Row,
    _tab_stops,
    _with_lone_calls,
    _Writer,
    read_pdf,
)
from resodiff.ingest.pdfglyphs import Glyph
from resodiff.model import Resolution

from .conftest import SEED
from .converters import difference, fingerprint
from .pdfgen import PRODUCERS, available, make_pdfs

PRODUCED = [
    pytest.param(
        producer,
        marks=pytest.mark.skipif(not available(producer), reason=f"{producer} cannot print here"),
    )
    for producer in PRODUCERS
]

#: an annex of paragraphs numbered "1.", paragraphs numbered "(a)" (a tab after the label),
#: paragraphs whose "(a)" is their first word (DGACM's files keep some so: a space after it) and
#: sub-paragraphs, in the seed's text form
LABELS_ANNEX = (
    "**Annexe**",
    "1. Les réunions se tiendront aux dates suivantes, selon les modalités précisées ci-après :",
    "\\(a) Deux réunions, le premier jour, de 10 heures à 13 heures et de 15 heures à 18 heures, seront"
    " consacrées à l'examen des rapports des groupes de travail et des propositions qui en découlent ;",
    "\\(b) Deux réunions, le second jour, seront consacrées à l'examen de la question intitulée"
    " « Questions diverses » et à l'adoption du rapport final ;",
    "2. La liste des orateurs sera établie comme suit :",
    "(a)\\ Présidence de la réunion, qui ouvre les travaux et donne la parole aux délégations dans l'ordre"
    " de leur inscription sur la liste ;",
    "(b)\\ Rapporteur ou rapporteuse, qui présente le rapport ;",
    "3. Les déclarations seront limitées à cinq minutes ; les délégations sont invitées :",
    "    (a) À remettre le texte de leur déclaration au secrétariat ;",
    "    (b) À respecter le temps de parole qui leur est imparti.",
)


def _printed_back(producer: str, resolution: Resolution, pdf: Path) -> str | None:
    """How the resolution read back from its print by ``producer`` differs from it (None: not
    at all)."""
    make_pdfs(producer, [(resolution, pdf)])
    return difference(fingerprint(resolution), fingerprint(read_pdf(pdf.read_bytes(), file=str(pdf))))


def _with_annex(annex: tuple[str, ...]) -> Resolution:
    return read_text("\n\n".join((SEED.read_text(encoding="utf-8").rstrip(), *annex)) + "\n")


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_label_set_as_a_word_is_the_paragraphs_text(producer: str, tmp_path: Path) -> None:
    """A label followed by a word space is the paragraph's first word; one followed by a tab
    numbers the paragraph, or the sub-paragraph where it is indented."""
    resolution = _with_annex(LABELS_ANNEX)
    annex = resolution.annexes[0].paragraphs
    # the fixture says what it means to: two of each kind
    assert [p.num for p in annex] == ["1.", None, None, "2.", "(a)", "(b)", "3."]
    assert [i.num for i in annex[-1].items] == ["(a)", "(b)"]
    assert _printed_back(producer, resolution, tmp_path / "labels.pdf") is None


#: a table printed as one unpunctuated paragraph and the note under it
TABLE_ANNEX = (
    "**Annexe**",
    "1. Les postes suivants sont créés :",
    "Poste Catégorie Nombre Administrateur P-4 1 Total 1\\",
    "*Abréviation* : P-4, administrateur de la classe P-4.",
)


@pytest.mark.parametrize("producer", PRODUCED)
def test_an_unpunctuated_paragraph_ends_where_the_page_spaces_it(producer: str, tmp_path: Path) -> None:
    """A paragraph that ends without punctuation (a table's last row) is not continued by the
    next one where a paragraph's spacing stands between them on the page."""
    resolution = _with_annex(TABLE_ANNEX)
    assert [p.num for p in resolution.annexes[0].paragraphs] == ["1.", None, None]
    assert _printed_back(producer, resolution, tmp_path / "table.pdf") is None


#: lettered paragraphs of one row after one that introduces them, in a document whose
#: sub-paragraphs are indented
LETTERED_ANNEX = (
    "**Annexe**",
    "1. Les postes suivants sont créés :",
    "A.\\ Secrétariat\\",
    "B.\\ Audit\\",
    "2. Les délégations sont invitées :",
    "    (a) À remettre le texte de leur déclaration au secrétariat ;",
    "    (b) À respecter le temps de parole qui leur est imparti.",
)


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_row_where_paragraphs_start_is_a_paragraph_where_sub_paragraphs_start_further_in(
    producer: str, tmp_path: Path
) -> None:
    """DGACM sets a sub-paragraph's first row further in than a paragraph's (and so do both
    producers): a lettered row where paragraphs start is a paragraph, whatever the paragraph
    before it."""
    resolution = _with_annex(LETTERED_ANNEX)
    assert [p.num for p in resolution.annexes[0].paragraphs] == ["1.", "A.", "B.", "2."]
    assert _printed_back(producer, resolution, tmp_path / "lettered.pdf") is None


#: one-row paragraphs numbered "(a)" in a document with no sub-paragraph (DGACM numbers 77/263's
#: budget lines so)
ONE_ROW_ANNEX = (
    "**Annexe**",
    "1. Approuve le budget brut du Département de la sûreté et de la sécurité pour 2023 :",
    "(a)\\ Opérations de sécurité sur le terrain : 149 055 100 dollars ;",
    "(b)\\ Services de sûreté et de sécurité : 16 135 800 dollars ;",
    "2. Prie le Secrétaire général de lui faire rapport à sa prochaine session.",
)


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_label_where_numbered_paragraphs_start_numbers_a_paragraph(producer: str, tmp_path: Path) -> None:
    """With no sub-paragraph printed to compare with, a one-row lettered block where the
    numbered paragraphs start is a paragraph: DGACM sets a sub-paragraph's label further in."""
    resolution = _with_annex(ONE_ROW_ANNEX)
    assert not any(p.items for p in resolution.paragraphs())
    assert [p.num for p in resolution.annexes[0].paragraphs] == ["1.", "(a)", "(b)", "2."]
    assert _printed_back(producer, resolution, tmp_path / "one-row.pdf") is None


#: a heading's number and title printed as a sub-paragraph after one that ends with a full stop
#: (DGACM marks three chapter headings of 79/1's annex so)
ROMAN_ANNEX = (
    "**Annexe**",
    "1. Les délégations sont invitées :",
    "    (a) À remettre le texte de leur déclaration au secrétariat ;",
    "    (b) À respecter le temps de parole qui leur est imparti.",
    "    II. **Questions diverses**",
    "2. La liste des orateurs sera établie comme suit.",
)


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_roman_label_printed_as_a_sub_paragraph_is_one(producer: str, tmp_path: Path) -> None:
    """A label "II." is a heading's number or a sub-paragraph's label, and only the indent tells which:
    one printed indented as a sub-paragraph is a sub-paragraph, whatever ends the row before."""
    resolution = _with_annex(ROMAN_ANNEX)
    assert [i.num for i in resolution.annexes[0].paragraphs[0].items] == ["(a)", "(b)", "II."]
    assert _printed_back(producer, resolution, tmp_path / "roman.pdf") is None


def _row(text: str, *, page: int = 1, baseline: float = 100.0, x0: float = 0.0) -> _Row:
    glyphs = [
        Glyph(char, x0 + index * 5.0, x0 + index * 5.0 + 5.0, baseline, 10.0, False, False)
        for index, char in enumerate(text)
    ]
    return _Row(page, glyphs, baseline, 10.0, x0, x0 + len(text) * 5.0, False, [list(glyphs)])


def _small(text: str, *, baseline: float, x0: float = 0.0, size: float = 6.5) -> _Row:
    glyphs = [
        Glyph(char, x0 + index * 3.0, x0 + index * 3.0 + 3.0, baseline, size, False, False)
        for index, char in enumerate(text)
    ]
    return _Row(1, glyphs, baseline, size, x0, x0 + len(text) * 3.0, False, [list(glyphs)])


@pytest.mark.parametrize(
    ("text", "baseline", "size", "taken"),
    [
        # raised above a line of its own, less than a line below the row (77/122 E by
        # WeasyPrint: "Disabilities;" ends a full row, its call "23" stands alone on the next)
        ("23", 108.8, 6.5, True),
        # a row of small figures a line below (a table's) is a row
        ("23", 112.0, 6.5, False),
        # words in small type are no call
        ("see", 108.8, 6.5, False),
        # a number in the row's own size is no call
        ("23", 108.8, 10.0, False),
    ],
)
def test_a_call_alone_on_its_line_is_the_row_befores(text: str, baseline: float, size: float, taken: bool) -> None:
    below = _small(text, baseline=baseline, size=size)
    rows = _with_lone_calls([_row("of Persons with Disabilities;"), below, _row("next", baseline=124.0)])
    assert len(rows) == (2 if taken else 3)
    assert [g.text for g in rows[0].glyphs if g.sup] == (["2", "3"] if taken else [])
    writer = _Writer([_Page(1, 600.0, rows)], None)
    writer.uncalled = Counter(["23"])
    assert writer.markdown(rows[0].glyphs).endswith("Disabilities;[^23]" if taken else "Disabilities;")


@pytest.mark.parametrize(
    ("last", "indent", "apart"),
    [
        ("Total 1", 60.0, True),
        # a full row: the text reader decides (a paragraph may go on with an indented row)
        ("x" * 100, 60.0, False),
        # the next row at the margin: the text reader decides (LibreOffice's Arabic leaves a row
        # of a paragraph that goes on short)
        ("Total 1", 0.0, False),
    ],
)
def test_a_short_row_then_an_indented_one_across_a_page_break_ends_a_paragraph(
    last: str, indent: float, apart: bool
) -> None:
    """A table's last row at a page's foot and its note's first row, indented, on the next page
    (79/253 F by WeasyPrint): the paragraph ended there, and the text reader must not join the
    next to it as to one that a page break cut."""
    page_one = [_row("1. " + "x" * 85, x0=60.0), _row("x" * 100, baseline=112.0), _row(last, baseline=124.0)]
    page_two = [_row("y" * 88, page=2, x0=indent), _row("Abbreviation: P-4.", page=2, baseline=112.0)]
    writer = _Writer([_Page(1, 600.0, page_one), _Page(2, 600.0, page_two)], None)
    read = list(writer._blocks(page_one + page_two))
    assert [len(block) for block, _, _, _ in read] == [3, 2]
    assert read[0][3] is apart


@pytest.mark.parametrize(
    ("rows", "joined"),
    [
        # a web address broken before a percent-encoded space: no word starts with "%"
        (("Available at www.example.org/files/Declaration", "%20English.pdf."), "/Declaration%20English.pdf."),
        (("See https://example.org/a", "%C3%A9t%C3%A9"), "/a%C3%A9t%C3%A9"),
        # French sets a space before a percent sign
        (("un taux de 5", "% par an"), "de 5 % par an"),
    ],
)
def test_rows_join_inside_a_web_address(rows: tuple[str, str], joined: str) -> None:
    text = "".join(glyph.text for glyph in _joined([_row(row) for row in rows], frozenset()))
    assert text.endswith(joined)


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_superscript_digit_of_the_text_stays_text(producer: str, tmp_path: Path) -> None:
    """A "²" that the document writes as a character (not a raised call) is text, also where
    the document has a footnote 2."""
    annex = ("**Annexe**", "1. La zone couvre 12 km\\² et reçoit \\²celle-ci, selon le plan.")
    resolution = _with_annex(annex)
    assert "km²" in "".join(node.text for node in resolution.annexes[0].paragraphs[0].content)
    assert _printed_back(producer, resolution, tmp_path / "squared.pdf") is None


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_notes_number_raised_again_is_a_superscript(producer: str, tmp_path: Path) -> None:
    """A note is called once, where DGACM gives its text; its number raised again later is a
    plain superscript (79/83: "12 August 1949,<sup>2</sup>"), not a second call."""
    annex = ("**Annexe**", "1. La Convention de Genève du 12 août 1949^{2} continue de s'appliquer.")
    resolution = _with_annex(annex)
    assert [node.text for node in resolution.annexes[0].paragraphs[0].content if getattr(node, "sup", False)] == ["2"]
    assert _printed_back(producer, resolution, tmp_path / "again.pdf") is None


def _tabbed(label: str, words: tuple[str, ...], at: float, space: float, width: float = 5.0) -> _Row:
    """A row that opens with ``label`` at 161.7 (each of its glyphs ``width`` points wide) and
    sets its words from ``at`` on, ``space`` apart (each glyph 5 points wide)."""
    glyphs = [
        Glyph(char, 161.7 + index * width, 161.7 + (index + 1) * width, 100.0, 10.0, False, False)
        for index, char in enumerate(label)
    ]
    x = at
    for word in words:
        glyphs.append(Glyph(" ", glyphs[-1].x1, x, 100.0, 10.0, False, False))
        for char in word:
            glyphs.append(Glyph(char, x, x + 5.0, 100.0, 10.0, False, False))
            x += 5.0
        x += space
    return _Row(1, glyphs, 100.0, 10.0, glyphs[0].x0, glyphs[-1].x1, False, [list(glyphs)])


def test_a_wide_label_tabbed_to_the_documents_tab_stop_is_no_word() -> None:
    """A wide label ("(xiii)") leaves its tab little more room than a loosely justified row's
    spaces (77/226 E by LibreOffice); where its next word starts at the tab stop that other
    labels' tabs reach, it numbers its sub-paragraph. A label set off by a word space, where
    no tab stop is, stays a word."""
    narrow = _tabbed("(v)", ("The", "situation", "of"), 190.0, 7.0)
    # "(xiii)" ends at 181.5: its tab is 8.5 points, its row's spaces 7.98
    wide = _tabbed("(xiii)", ("Violence", "and", "discrimination"), 190.0, 7.98, width=3.3)
    assert _tab_stops([narrow, wide]) == [190.0]
    assert _label_is_a_word(wide, "(xiii)")  # by its gap alone
    assert not _label_is_a_word(wide, "(xiii)", _tab_stops([narrow, wide]))
    worded = _tabbed("(a)", ("Two", "meetings", "shall"), 179.2, 2.5)
    assert _label_is_a_word(worded, "(a)", _tab_stops([narrow, wide, worded]))


@pytest.mark.parametrize("producer", PRODUCED)
def test_a_number_set_as_a_word_is_the_paragraphs_text(producer: str, tmp_path: Path) -> None:
    """A number followed by a word space is the paragraph's first word (77/100's annexed model
    form writes "1. Statement that …" in an unnumbered paragraph); one followed by a tab numbers
    the paragraph."""
    annex = (
        "**Annexe**",
        "1. Le certificat de vente judiciaire contient les mentions suivantes, dans l'ordre où elles sont"
        " énumérées ci-après :",
        "2\\. Déclaration indiquant que la notification de la vente judiciaire est faite aux fins de la"
        " Convention des Nations Unies sur les effets internationaux des ventes judiciaires de navires ;",
        "3. Les autres mentions sont facultatives.",
    )
    resolution = _with_annex(annex)
    assert [p.num for p in resolution.annexes[0].paragraphs] == ["1.", None, "3."]
    assert _printed_back(producer, resolution, tmp_path / "numbers.pdf") is None


@pytest.mark.parametrize("producer", PRODUCED)
def test_bold_and_italics_are_read_from_the_fonts(producer: str, tmp_path: Path) -> None:
    """Bold, like italics, comes from the font's name: a bold run inside a paragraph comes back
    bold, and only that run."""
    resolution = _with_annex(("**Annexe**", "1. Les États *décident* que le **plan révisé** entre en vigueur."))
    pdf = tmp_path / "bold.pdf"
    make_pdfs(producer, [(resolution, pdf)])
    content = read_pdf(pdf.read_bytes()).annexes[0].paragraphs[0].content
    styled = [(node.text.strip(), getattr(node, "bold", False), getattr(node, "italic", False)) for node in content]
    assert [(text, bold, italic) for text, bold, italic in styled if bold or italic] == [
        ("décident", False, True),
        ("plan révisé", True, False),
    ]
