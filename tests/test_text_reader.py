"""The text reader on texts other than the seed: English, other page breaks, bad input."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.errors import InputError, TextSyntaxError
from resodiff.model import Footnote, Text
from resodiff.report.model_text import to_text
from resodiff.typography import normalize_typography

from .conftest import FIXTURES, SEED
from .layout import relayout

ENGLISH = FIXTURES / "en-illustrative-resolution.md"


def paragraph_texts(resolution: resodiff.Resolution) -> list[str]:
    return [normalize_typography(p.text) for p in resolution.all_paragraphs()]


def test_english_fixture() -> None:
    resolution = resodiff.read(ENGLISH)
    meta = resolution.meta
    assert (meta.symbol, meta.language, meta.session, meta.agenda_item) == ("A/RES/81/12", "eng", 81, "125 (x)")
    assert (meta.committee, meta.draft_symbol) == ("on the report of the Third Committee", "A/81/450")
    assert (meta.adoption_date, meta.distribution_date) == ("2026-12-02", "2026-12-04")
    assert len(resolution.preamble) == 4
    assert [p.num for p in resolution.operative] == ["1.", "2.", "3.", "4.", "5."]
    urges = resolution.operative[1]
    assert [item.num for item in urges.items] == ["(a)", "(b)"]
    assert [child.num for child in urges.items[1].items] == ["(i)", "(ii)"]
    assert resolution.preamble[2].text.endswith(
        "Organization to the work of the United Nations and encouraged it to continue on that path,"
    )
    assert resolution.operative[2].text.endswith("extend their cooperation to the protection of cultural heritage;")
    assert [f.marker for f in resolution.footnotes] == ["1", "2", "3", "4"]
    ordinal = [n for n in resolution.preamble[3].content if isinstance(n, Text) and n.sup]
    assert [n.text for n in ordinal] == ["st"]
    symbols = [n.ref.symbol for p in resolution.preamble for n in p.content if isinstance(n, Text) and n.ref]
    assert symbols == ["A/RES/77/18", "A/RES/79/9", "A/RES/3369(XXX)", "A/HRC/RES/16/18", "A/RES/79/9"]
    assert resolution.closing is not None and resolution.closing.meeting == "45th plenary meeting"


@pytest.mark.parametrize("source", [SEED, ENGLISH], ids=["seed", "english"])
@pytest.mark.parametrize("layout_seed", range(5))
def test_page_layout_does_not_change_the_resolution(source, layout_seed: int) -> None:  # type: ignore[no-untyped-def]
    original = resodiff.read(source)
    relaid = relayout(to_text(original), layout_seed, cut_probability=0.7)
    assert resodiff.read_text(relaid) == original


def test_text_form_round_trip_is_identity() -> None:
    for source in (SEED, ENGLISH):
        original = resodiff.read(source)
        assert resodiff.read_text(to_text(original)) == original


def test_superscript_without_footnote_stays_text() -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("21^{st} day", "area of 20 m² only")
    resolution = resodiff.read_text(text)
    fourth = resolution.preamble[3]
    assert not any(isinstance(n, Footnote) for n in fourth.content)
    assert "20 m" in fourth.text


@pytest.mark.parametrize(
    ("line", "plain", "italic"),
    [
        ("Member States in level H* have a discount.", "Member States in level H* have a discount.", ""),
        ("Decides to list the members of level H*.", "Decides to list the members of level H*.", ""),
        ("Takes note of the report of the Assembly;*", "Takes note of the report of the Assembly;*", ""),
        ("*Decides* to act on level H* now.", "Decides to act on level H* now.", "Decides"),
        ("*(a)* to act.", "(a) to act.", "(a)"),
        ("* Dependency allowances are reviewed.", "* Dependency allowances are reviewed.", ""),
        ("Decides on the figures for 2023*^{a}*.", "Decides on the figures for 2023a.", "a"),
        ("Decides under subparagraph* b* of Article 73.", "Decides under subparagraph b of Article 73.", " b"),
    ],
)
def test_a_star_that_nothing_closes_is_text(line: str, plain: str, italic: str) -> None:
    """Plain-text converters leave a document's own stars unescaped: where no emphasis is open,
    a star that no later star closes is text, as CommonMark leaves it; the text form's own
    emphasis, which may open before a space or punctuation (``alinéa* b*``, ``2023*^{a}*``),
    stays emphasis."""
    header = "81/12. Cooperation\n\nThe General Assembly,\n\n"
    text = header + f"*Recalling* its resolution 77/18,\n\n1. {line}\n\n2. *Decides* to remain seized.\n"
    paragraph = resodiff.read_text(text).operative[0]
    assert paragraph.text == plain
    assert "".join(n.text for n in paragraph.content if isinstance(n, Text) and n.italic) == italic


@pytest.mark.parametrize(
    ("text", "error", "line"),
    [
        ("", InputError, 1),
        ("   \n\n", InputError, 1),
        ("Hello world\nnot a resolution\n", TextSyntaxError, 1),
        ("The General Assembly,\n\n1. *Decides* to act.\n", TextSyntaxError, 1),
    ],
)
def test_bad_input_is_a_resodiff_error_with_position(text: str, error: type, line: int) -> None:
    with pytest.raises(error) as raised:
        resodiff.read_text(text, file="draft.txt")
    assert raised.value.file == "draft.txt"
    assert raised.value.line == line
    assert str(raised.value).startswith(f"draft.txt:{line}:")


def test_orphan_footnote_is_kept_apart_and_refused_by_the_writer() -> None:
    from resodiff.akn import to_akn_bytes
    from resodiff.errors import ValidationError

    text = ENGLISH.read_text(encoding="utf-8").replace(
        "regional and other organizations²", "regional and other organizations"
    )
    resolution = resodiff.read_text(text, file="draft.md")
    assert [note.marker for note in resolution.unplaced_footnotes] == ["2"]
    with pytest.raises(ValidationError) as raised:
        to_akn_bytes(resolution)
    assert "footnote 2" in raised.value.message
    assert (raised.value.file, raised.value.line) == ("draft.md", 31)


def test_invalid_utf8_points_at_the_byte() -> None:
    from resodiff.ingest import read_bytes

    with pytest.raises(InputError) as raised:
        read_bytes(b"The General Assembly,\n\nok \xff bad\n", file="x.txt")
    assert (raised.value.line, raised.value.column) == (3, 4)


def numbered_resolution(count: int) -> str:
    paragraphs = "\n\n".join(f"{n}. *Decides* on item {n};" for n in range(1, count + 1))
    return f"79/1. Title\n\nThe General Assembly,\n\n{paragraphs}\n"


def test_paragraph_numbers_of_any_length_are_numbers() -> None:
    resolution = resodiff.read_text(numbered_resolution(1002))
    assert [p.num for p in resolution.operative[-4:]] == ["999.", "1000.", "1001.", "1002."]
    assert [p.text for p in resolution.operative[-2:]] == ["Decides on item 1001;", "Decides on item 1002;"]


def test_a_long_number_after_a_gap_in_the_numbering_is_a_number() -> None:
    text = numbered_resolution(1000) + "\n1003. *Decides* on the last item.\n"
    assert [p.num for p in resodiff.read_text(text).operative[-2:]] == ["1000.", "1003."]


def test_a_year_starting_a_line_inside_a_paragraph_is_not_a_number() -> None:
    text = numbered_resolution(2).replace(
        "1. *Decides* on item 1;", "1. *Decides* to convene the conference in\n2030. The conference will report;"
    )
    resolution = resodiff.read_text(text)
    assert [p.num for p in resolution.operative] == ["1.", "2."]
    assert resolution.operative[0].text.endswith("conference in 2030. The conference will report;")


def test_a_paragraph_opening_with_a_long_number_is_written_so_that_it_reads_back() -> None:
    from dataclasses import replace

    from resodiff.model import Paragraph

    resolution = resodiff.read_text(numbered_resolution(999))
    opening_with_number = Paragraph("operative", None, (Text("1000. Applause followed."),))
    edited = replace(resolution, operative=(*resolution.operative, opening_with_number))
    assert "\n1000\\. Applause followed.\n" in to_text(edited)
    assert resodiff.read_text(to_text(edited)) == edited


def test_every_unicode_space_is_one_plain_space() -> None:
    import sys

    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    for space in spaces:
        assert normalize_typography(f"{space}a{space}{space}b{space}") == "a b", hex(ord(space))
    assert normalize_typography("a b") == "a b"
