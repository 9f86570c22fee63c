"""DGACM markup that prints as something else than it marks up: read as print shows it, each
reading recorded as a repair at its element. Every body here is invented."""

from __future__ import annotations

import pytest
from lxml import etree

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.model import Footnote, Resolution, plain_text

from .conftest import CASES

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
SECTIONS = CASES / "diff-sections" / "new.md"


def _file(body: str, annex: str | None = None) -> bytes:
    """A resolution of our own with ``body`` as its operative part and ``annex`` as its annex."""
    root = etree.fromstring(to_akn_bytes(resodiff.read(SECTIONS)))
    main = root.find(".//a:mainBody", NS)
    for child in list(main):
        main.remove(child)
    for child in etree.fromstring(f'<mainBody xmlns="{AKN}">{body}</mainBody>'):
        main.append(child)
    if annex is not None:
        attachments = etree.fromstring(
            f'<attachments xmlns="{AKN}"><attachment><doc name="annex"><mainBody>{annex}</mainBody></doc>'
            "</attachment></attachments>"
        )
        root.find("a:statement", NS).append(attachments)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _para(num: str | None, words: str) -> str:
    number = f"<num>{num}</num>" if num else ""
    return f'<paragraph>{number}<content><p xml:space="preserve">\t{words}</p></content></paragraph>'


def _bold(words: str) -> str:
    return f'<span class="bold">{words}</span>'


def _italic(words: str) -> str:
    return f'<span class="italic">{words}</span>'


def _numbered(count: int, start: int = 1) -> str:
    return "".join(
        _para(f"{n}.", f"{_italic('Decides')} to meet again, item {n};") for n in range(start, start + count)
    )


def _headings(read: Resolution, part: str = "operative") -> list[tuple[str | None, tuple[str, ...]]]:
    paragraphs = read.operative if part == "operative" else read.annexes[0].paragraphs
    return [(p.num, tuple(s.label for s in p.sections)) for p in paragraphs]


def _codes(read: Resolution) -> list[str]:
    return [d.code for d in read.diagnostics]


def _round_trip(read: Resolution) -> None:
    """The reading writes back as valid AKN whose headings are headings, and reads the same."""
    written = to_akn_bytes(read)
    assert validate_akn(written) == []
    again = resodiff.read_akn(written)
    assert again == read and again.diagnostics == ()


def test_a_numbered_paragraph_all_in_bold_is_a_numbered_heading() -> None:
    read = resodiff.read_akn(_file(_para("I.", _bold("Invented matters")) + _numbered(2)))
    assert _headings(read) == [("1.", ("I. Invented matters",)), ("2.", ("I. Invented matters",))]
    assert _codes(read) == ["A106"]
    _round_trip(read)


def test_an_italic_line_before_a_numbered_paragraph_is_a_sub_heading() -> None:
    body = (
        _para("I.", _bold("Invented matters")) + _numbered(1) + _para(None, _italic("Undertakings")) + _numbered(1, 2)
    )
    read = resodiff.read_akn(_file(body))
    assert _headings(read) == [("1.", ("I. Invented matters",)), ("2.", ("Undertakings",))]
    assert _codes(read) == ["A106", "A107"]
    _round_trip(read)


@pytest.mark.parametrize(
    "line, after",
    [
        (_italic("Undertakings"), _para(None, "Unnumbered words that follow.")),
        (_italic("Undertakings as follows:"), _numbered(1, 2)),
        (_italic("Recalling") + " its earlier words", _numbered(1, 2)),
    ],
)
def test_an_italic_line_that_reads_as_a_paragraph_stays_one(line: str, after: str) -> None:
    read = resodiff.read_akn(_file(_numbered(1) + _para(None, line) + after))
    assert read.operative[1].num is None and not read.operative[1].sections
    assert "A107" not in _codes(read)


def test_a_bold_line_with_a_footnote_marker_is_a_heading_holding_the_footnote() -> None:
    note = '<authorialNote marker="1" placement="bottom"><p>An invented source.</p></authorialNote>'
    read = resodiff.read_akn(_file(_para(None, _bold("Invented terms of reference") + note) + _numbered(1)))
    (section,) = read.operative[0].sections
    assert plain_text(section.heading).strip() == "Invented terms of reference"
    assert [n.marker for n in section.heading if isinstance(n, Footnote)] == ["1"]
    assert len(read.operative) == 1 and _codes(read) == ["A108"]
    _round_trip(read)


def test_a_bold_line_longer_than_a_line_is_a_heading() -> None:
    title = "Invented heading " + "of many words " * 15
    read = resodiff.read_akn(_file(_numbered(1) + _para(None, _bold(title.strip())) + _numbered(1, 2)))
    assert [p.num for p in read.operative] == ["1.", "2."]
    assert read.operative[1].sections[0].label == title.strip()
    assert _codes(read) == ["A108"]


def test_lettered_paragraphs_after_a_colon_are_its_sub_paragraphs() -> None:
    body = (
        _para("1.", f"{_italic('Decides')} the following:")
        + _para("a)", "first invented clause;")
        + _para("b)", "second invented clause, namely:")
        + _para("i)", "a point under it;")
        + _para("c)", "third invented clause;")
        + _numbered(1, 2)
    )
    read = resodiff.read_akn(_file(body))
    assert [p.num for p in read.operative] == ["1.", "2."]
    items = read.operative[0].items
    assert [(i.num, [c.num for c in i.items]) for i in items] == [("a)", []), ("b)", ["i)"]), ("c)", [])]
    assert _codes(read) == ["A109"]
    _round_trip(read)


@pytest.mark.parametrize(
    "opening",
    [
        _para(None, f"{_italic('Decides')} the following:"),  # the operative part's own clauses
        _para("1.", f"{_italic('Decides')} to meet again;"),  # no colon announces them
    ],
)
def test_lettered_paragraphs_nothing_announces_stay_paragraphs(opening: str) -> None:
    read = resodiff.read_akn(_file(opening + _para("a)", "first invented clause;") + _para("b)", "second clause.")))
    assert [p.num for p in read.operative][1:] == ["a)", "b)"]
    assert "A109" not in _codes(read)


def test_an_annex_paragraph_numbered_with_a_clause_label_keeps_it_in_its_text() -> None:
    annex = _para("1.", "Invented annex words:") + _para("(a)", "first clause;") + _para(None, "(b)\tsecond clause.")
    read = resodiff.read_akn(_file(_numbered(1), annex))
    assert [(p.num, p.text) for p in read.annexes[0].paragraphs] == [
        ("1.", "Invented annex words:"),
        (None, "(a) first clause;"),
        (None, "(b) second clause."),
    ]
    assert _codes(read) == ["A110"]


def test_a_lists_last_point_all_in_bold_is_the_next_heading() -> None:
    body = (
        "<paragraph><num>1.</num><list><intro><p>Invented words:</p></intro>"
        "<point><num>(a)</num><content><p>a first clause;</p></content></point>"
        f"<sublist><point><num>II.</num><content><p>{_bold('Other matters')}</p></content></point></sublist>"
        "</list></paragraph>" + _numbered(1, 2)
    )
    read = resodiff.read_akn(_file(body))
    assert [(i.num, i.items) for i in read.operative[0].items] == [("(a)", ())]
    assert _headings(read) == [("1.", ()), ("2.", ("II. Other matters",))]
    assert _codes(read) == ["A111"]
    _round_trip(read)


@pytest.mark.parametrize("container", [False, True])
def test_a_heading_line_holding_only_a_label_numbers_the_title(container: bool) -> None:
    lines = "<subheading>\tII</subheading><subheading>\tOther matters</subheading>"
    if container:
        body = f"<section>{lines}{_numbered(1)}</section>"
    else:
        label, title = "<subheading>\tII</subheading>", "<subheading>\tOther matters</subheading>"
        body = f"<paragraph>{label}</paragraph><paragraph>{title}</paragraph>{_numbered(1)}"
    read = resodiff.read_akn(_file(body))
    (section,) = read.operative[0].sections
    assert (section.num, plain_text(section.heading).strip()) == ("II", "Other matters")
    assert _codes(read) == ["A112"]
    _round_trip(read)


def test_a_heading_opening_with_the_next_label_is_numbered_by_it() -> None:
    body = (
        "<paragraph><num>X</num><subheading>Some matters</subheading></paragraph>"
        + _numbered(1)
        + _para(None, _bold("XI\tOther matters"))
        + _numbered(1, 2)
    )
    read = resodiff.read_akn(_file(body))
    assert [s.label for p in read.operative for s in p.sections] == ["X Some matters", "XI Other matters"]
    assert read.operative[1].sections[0].num == "XI"
    assert _codes(read) == ["A113"]


def test_a_heading_opening_with_a_capital_is_not_numbered_without_a_sequence() -> None:
    read = resodiff.read_akn(_file(_para(None, _bold("C Invented heading")) + _numbered(1)))
    assert read.operative[0].sections[0].num is None
    assert read.diagnostics == ()


def test_an_annex_number_printed_in_the_text_is_its_number_where_the_numbering_expects_it() -> None:
    annex = _para("1.", "Invented words.") + _para("2.", "More words.") + _para(None, "3.Yet more words.")
    read = resodiff.read_akn(_file(_numbered(1), annex))
    assert [(p.num, p.text) for p in read.annexes[0].paragraphs][2] == ("3.", "Yet more words.")
    assert _codes(read) == ["A114"]
    opening = resodiff.read_akn(_file(_numbered(1), _para(None, "1 January was the invented date.")))
    assert opening.annexes[0].paragraphs[0].num is None
