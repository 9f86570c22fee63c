"""DGACM's markup variants, made from our own fixtures: each reads as the resolution it marks up,
each repair is recorded where it was made, and only what cannot be told apart is refused."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.errors import AKNStructureError
from resodiff.ingest.akn import read_akn_collection
from resodiff.lint.config import Config
from resodiff.lint.run import check_paths
from resodiff.model import Resolution

from .conftest import CASES, FIXTURES, SEED

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
SECTIONS = CASES / "diff-sections" / "new.md"
ENGLISH_SOURCE = FIXTURES / "en-illustrative-resolution.md"


def _tag(name: str) -> str:
    return f"{{{AKN}}}{name}"


def _variant(source: Path, transform: Callable[[etree._Element], None]) -> tuple[Resolution, bytes]:
    """Our own resolution, written as AKN, then marked up the way some DGACM files are."""
    original = resodiff.read(source)
    root = etree.fromstring(to_akn_bytes(original))
    transform(root)
    return original, etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _line(data: bytes, marker: bytes, occurrence: int = 1) -> int:
    position = -1
    for _ in range(occurrence):
        position = data.index(marker, position + 1)
    return data[:position].count(b"\n") + 1


def _codes(resolution: Resolution) -> list[tuple[str, int | None]]:
    return [(d.code, d.span.line if d.span else None) for d in resolution.diagnostics]


def _split_preamble(root: etree._Element) -> None:
    """Close the preamble after its third paragraph and open a second one."""
    preamble = root.find(".//a:preamble", NS)
    second = etree.Element(_tag("preamble"))
    for container in preamble.findall("a:container", NS)[3:]:
        second.append(container)
    preamble.addnext(second)


def test_a_second_preamble_continues_the_first() -> None:
    original, data = _variant(SEED, _split_preamble)
    read = resodiff.read_akn(data, file="two-preambles.xml")
    assert read == original
    assert len(read.preamble) == 29
    assert _codes(read) == [("A101", _line(data, b"<preamble", 2))]
    assert read.diagnostics[0].span is not None and read.diagnostics[0].span.file == "two-preambles.xml"
    assert "second <preamble>" in str(read.diagnostics[0])


def _body_between_preambles(root: etree._Element) -> None:
    """DGACM's A/RES/77/118 shape: preamble, a body holding one preambular paragraph, preamble."""
    _split_preamble(root)
    first, second = root.findall(".//a:preamble", NS)
    moved = second.find("a:container", NS)
    paragraph = etree.SubElement(etree.Element(_tag("mainBody")), _tag("paragraph"))
    content = etree.SubElement(paragraph, _tag("content"))
    content.extend(copy.deepcopy(list(moved)))
    second.remove(moved)
    first.addnext(paragraph.getparent())


def test_a_body_between_two_preambles_is_preamble() -> None:
    original, data = _variant(SEED, _body_between_preambles)
    read = resodiff.read_akn(data)
    assert read == original
    assert _codes(read) == [("A102", _line(data, b"<mainBody")), ("A101", _line(data, b"<preamble", 2))]


def test_a_numbered_paragraph_between_two_preambles_is_refused() -> None:
    def numbered(root: etree._Element) -> None:
        _body_between_preambles(root)
        paragraph = root.find(".//a:mainBody/a:paragraph", NS)
        etree.SubElement(paragraph, _tag("num")).text = "1."
        paragraph.insert(0, paragraph[-1])

    _, data = _variant(SEED, numbered)
    with pytest.raises(AKNStructureError, match="between two preambles") as refused:
        resodiff.read_akn(data)
    assert refused.value.line == _line(data, b"<mainBody")


def test_two_enacting_formulas_are_refused() -> None:
    def two_formulas(root: etree._Element) -> None:
        _split_preamble(root)
        second = root.findall(".//a:preamble", NS)[1]
        second.insert(0, copy.deepcopy(root.find(".//a:formula", NS)))

    _, data = _variant(SEED, two_formulas)
    with pytest.raises(AKNStructureError, match="two enacting formulas"):
        resodiff.read_akn(data)


def test_a_p_directly_in_the_preamble_is_a_preambular_paragraph() -> None:
    def bare(root: etree._Element) -> None:
        container = root.findall(".//a:preamble/a:container", NS)[1]
        container.addprevious(container.find("a:p", NS))
        container.getparent().remove(container)

    original, data = _variant(ENGLISH_SOURCE, bare)
    read = resodiff.read_akn(data)
    assert read == original
    assert [code for code, _ in _codes(read)] == ["A103"]
    assert "preamble" in read.diagnostics[0].message


def test_a_p_directly_in_the_body_is_an_operative_paragraph() -> None:
    """The number printed in its text is the paragraph's, as where DGACM writes ``<p>7\\t...``."""

    def bare(root: etree._Element) -> None:
        paragraphs = root.findall(".//a:mainBody/a:paragraph", NS)[1:]
        paragraph = next(p for p in paragraphs if p.find("a:content", NS) is not None)
        p = paragraph.find("a:content/a:p", NS)
        p.text = f"{paragraph.findtext('a:num', namespaces=NS)}\t{p.text or ''}"
        paragraph.addprevious(p)
        paragraph.getparent().remove(paragraph)

    original, data = _variant(ENGLISH_SOURCE, bare)
    read = resodiff.read_akn(data)
    assert read == original
    bare_p = etree.fromstring(data).find(".//a:mainBody/a:p", NS)
    assert _codes(read) == [("A103", bare_p.sourceline)]
    assert "body of the operative part" in read.diagnostics[0].message


def _last_preambular_in_the_body(root: etree._Element) -> None:
    """DGACM's A/RES/79/106 (French) shape: the last preambular paragraph, unnumbered, opens the
    operative part before its paragraph 1."""
    last = root.findall(".//a:preamble/a:container", NS)[-1]
    paragraph = etree.Element(_tag("paragraph"))
    etree.SubElement(paragraph, _tag("content")).extend(list(last))
    last.getparent().remove(last)
    root.find(".//a:mainBody", NS).insert(0, paragraph)


def test_a_preambular_paragraph_opening_the_body_is_the_preambles_last() -> None:
    original, data = _variant(SEED, _last_preambular_in_the_body)
    read = resodiff.read_akn(data, file="79-106-shape.xml")
    assert read == original
    assert (len(read.preamble), len(read.operative)) == (29, 30)
    assert _codes(read) == [("A104", _line(data, b"<paragraph"))]
    assert "preamble's last" in str(read.diagnostics[0])


@pytest.mark.parametrize(
    "change",
    [
        "the paragraph ends with a colon",  # "Resolves that:" opens operative parts so
        "the paragraph opens as no preambular paragraph does",
        "an unnumbered paragraph follows it",
    ],
)
def test_an_unnumbered_operative_opening_that_reads_otherwise_stays(change: str) -> None:
    def transform(root: etree._Element) -> None:
        _last_preambular_in_the_body(root)
        first = root.find(".//a:mainBody/a:paragraph", NS)
        p = first.find("a:content/a:p", NS)
        if change == "the paragraph ends with a colon":
            last = p[-1] if len(p) else p
            target = "tail" if len(p) else "text"
            setattr(last, target, (getattr(last, target) or "").rstrip().rstrip(",") + " :")
        elif change == "the paragraph opens as no preambular paragraph does":
            p.insert(0, etree.Element(_tag("span")))
            p[0].text, p[0].tail = "Décide, ", p.text
            p.text = None
        else:
            following = first.getnext()
            following.remove(following.find("a:num", NS))

    _, data = _variant(SEED, transform)
    read = resodiff.read_akn(data)
    assert len(read.preamble) == 28
    assert read.operative[0].num is None
    assert read.diagnostics == ()


def _number_apart(root: etree._Element) -> None:
    """DGACM's A/RES/79/1 (French) shape: each operative number in an empty paragraph of its
    own, its text in an unnumbered paragraph after it."""
    for paragraph in root.findall(".//a:mainBody/a:paragraph", NS)[:3]:
        empty = etree.Element(_tag("paragraph"))
        empty.append(paragraph.find("a:num", NS))
        etree.SubElement(etree.SubElement(empty, _tag("content")), _tag("p"))
        paragraph.addprevious(empty)


def test_an_empty_numbered_paragraph_numbers_the_text_after_it() -> None:
    original, data = _variant(SEED, _number_apart)
    read = resodiff.read_akn(data)
    assert read == original
    assert [p.num for p in read.operative[:4]] == ["1.", "2.", "3.", "4."]
    lines = [_line(data, b"<paragraph", n) for n in (1, 3, 5)]
    assert _codes(read) == [("A105", line) for line in lines]
    assert "'1.'" in read.diagnostics[0].message


def test_an_empty_numbered_paragraph_before_a_numbered_one_stays() -> None:
    def transform(root: etree._Element) -> None:
        first = root.find(".//a:mainBody/a:paragraph", NS)
        empty = etree.Element(_tag("paragraph"))
        etree.SubElement(empty, _tag("num")).text = "1."
        etree.SubElement(etree.SubElement(empty, _tag("content")), _tag("p"))
        first.addprevious(empty)

    original, data = _variant(SEED, transform)
    read = resodiff.read_akn(data)
    assert [(p.num, p.text) for p in read.operative[:2]] == [("1.", ""), ("1.", original.operative[0].text)]
    assert read.diagnostics == ()


def _flat_headings(style: str) -> Callable[[etree._Element], None]:
    """DGACM's headings: paragraphs holding only a ``num``, then only a heading, before the
    paragraphs they head (no ``section``); the heading as ``subheading``, inside ``content/p``,
    or as an unnumbered paragraph set in bold."""

    def transform(root: etree._Element) -> None:
        body = root.find(".//a:mainBody", NS)
        for section in body.findall("a:section", NS):
            num = etree.Element(_tag("paragraph"))
            num.append(section.find("a:num", NS))
            heading = etree.Element(_tag("paragraph"))
            words = section.find("a:heading", NS)
            words.tag = _tag("subheading")
            if style == "content/p/subheading":
                etree.SubElement(etree.SubElement(heading, _tag("content")), _tag("p")).append(words)
            elif style == "bold paragraph":
                p = etree.SubElement(etree.SubElement(heading, _tag("content")), _tag("p"))
                etree.SubElement(p, _tag("span"), {"class": "bold"}).text = "".join(words.itertext())
            else:
                heading.append(words)
            flat = [num, heading, *section.findall("a:paragraph", NS)]
            for element in flat:
                section.addprevious(element)
            body.remove(section)

    return transform


@pytest.mark.parametrize("style", ["subheading", "content/p/subheading", "bold paragraph"])
def test_headings_written_as_paragraphs(style: str) -> None:
    original, data = _variant(SECTIONS, _flat_headings(style))
    assert b"<section" not in data
    read = resodiff.read_akn(data)
    assert read == original
    assert [s.label for p in read.operative for s in p.sections] == [
        s.label for p in original.operative for s in p.sections
    ]
    assert read.diagnostics == ()


@pytest.mark.parametrize("variant", [_body_between_preambles, _last_preambular_in_the_body, _number_apart])
def test_repaired_files_write_back_as_valid_akn_that_needs_no_repair(
    variant: Callable[[etree._Element], None],
) -> None:
    _, data = _variant(SEED, variant)
    read = resodiff.read_akn(data)
    assert read.diagnostics
    written = to_akn_bytes(read)
    assert validate_akn(written) == []
    again = resodiff.read_akn(written)
    assert again == read and again.diagnostics == ()


def _collection(*, collection_language: str | None, part_languages: list[str | None]) -> bytes:
    """A multi-part publication made of our seed: parts A, B ... each with or without a language
    of its own, the publication with or without one."""
    statement = etree.fromstring(to_akn_bytes(resodiff.read(SEED))).find("a:statement", NS)
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: AKN})
    collection = etree.SubElement(root, _tag("documentCollection"), name="publication")
    meta = copy.deepcopy(statement.find("a:meta", NS))
    collection.append(meta)
    collection.append(copy.deepcopy(statement.find("a:coverPage", NS)))
    collection.append(copy.deepcopy(statement.find("a:preface", NS)))
    components = etree.SubElement(root, _tag("components"))
    for letter, language in zip("ABC", part_languages, strict=False):
        part = copy.deepcopy(statement)
        part.find(".//a:preface//a:docNumber", NS).text = f"{letter}."
        if language is None:
            part.remove(part.find("a:meta", NS))
        else:
            part.find(".//a:FRBRlanguage", NS).set("language", language)
        etree.SubElement(components, _tag("component")).append(part)
    if collection_language is None:
        expression_language = meta.find(".//a:FRBRExpression/a:FRBRlanguage", NS)
        expression_language.getparent().remove(expression_language)
    else:
        meta.find(".//a:FRBRlanguage", NS).set("language", collection_language)
    return etree.tostring(root)


def test_each_part_has_its_own_language_else_the_publications() -> None:
    """A publication with no language of its own: each part says its own."""
    parts = read_akn_collection(_collection(collection_language=None, part_languages=["eng", "fra"]))
    assert [(r.meta.symbol, r.meta.language) for r in parts] == [("A/RES/79/9 A", "eng"), ("A/RES/79/9 B", "fra")]
    parts = read_akn_collection(_collection(collection_language="fra", part_languages=[None, "eng"]))
    assert [r.meta.language for r in parts] == ["fra", "eng"]


def test_check_reports_each_repair_as_a_finding(tmp_path: Path) -> None:
    _, data = _variant(SEED, _split_preamble)
    path = tmp_path / "two-preambles.xml"
    path.write_bytes(data)
    results = check_paths([str(path)], Config())
    found = [(f.code, f.severity, f.line) for result in results for f in result.findings]
    assert found == [("A100", "warning", _line(data, b"<preamble", 2))]
    assert results[0].findings[0].message.startswith("A101 ")


def test_check_reports_the_body_repairs_at_their_paragraphs(tmp_path: Path) -> None:
    _, data = _variant(SEED, lambda root: (_number_apart(root), _last_preambular_in_the_body(root)))
    path = tmp_path / "repaired.xml"
    path.write_bytes(data)
    results = check_paths([str(path)], Config())
    found = [(f.code, f.message.split()[0], f.line) for result in results for f in result.findings]
    lines = [_line(data, b"<paragraph", n) for n in (1, 2, 4, 6)]
    assert found == [("A100", "A104", lines[0])] + [("A100", "A105", line) for line in lines[1:]]
