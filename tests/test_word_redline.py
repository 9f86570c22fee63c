"""The Word redline: accepting every tracked change gives the new version, rejecting every one the
old, paragraph for paragraph and footnote for footnote. Checked by a small accept/reject over the
XML written here apart from the renderer, on the golden cases, the seed, random edits of the seed
(hypothesis) and the OIC pair in its six languages; and by a real client, LibreOffice, whose own
"accept all" and "reject all" must agree, and whose PDF of the redline is kept as a PNG."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resodiff
import resodiff.ingest
from resodiff.cli import main
from resodiff.diff import diff_resolutions
from resodiff.diff.parts import diff_publications
from resodiff.diff.report import ChangeReport
from resodiff.errors import ResodiffError
from resodiff.languages import language
from resodiff.model import Publication, Resolution, Text, part_metadata
from resodiff.report import CHANGE_REPORTS, PART_REPORTS, RESOLUTIONS

from .conftest import CASES, OIC, ROOT, SEED, needs_corpus, needs_office

ARTIFACTS = ROOT / "test-artifacts"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EPOCH = "1731888000"  # 18 November 2024, 00:00 UTC
REVISIONS = ("ins", "del", "moveFrom", "moveTo")
DIFF_CASES = sorted(case.name for case in CASES.iterdir() if case.name.startswith("diff-"))
OIC_PAIRS = {
    language: (OIC / f"A_RES_77_18-2226540{letter}.xml", OIC / f"A_RES_79_9-2421657{letter}.xml")
    for language, letter in (
        ("Arabic", "A"),
        ("Chinese", "C"),
        ("English", "E"),
        ("French", "F"),
        ("Russian", "R"),
        ("Spanish", "S"),
    )
}
IN_OFFICE = ("Arabic", "English", "French")  # LibreOffice's run is the slow part: three scripts


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


# -- an accept/reject of our own, written apart from the renderer ---------------------------


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _parts(data: bytes) -> tuple[ET.Element, dict[str, ET.Element]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = ET.fromstring(package.read("word/document.xml"))
        footnotes = ET.fromstring(package.read("word/footnotes.xml"))
    return document, {note.get(f"{W}id", ""): note for note in footnotes.iter(f"{W}footnote")}


def resolved(data: bytes, accept: bool) -> tuple[list[str], list[str]]:
    """The document's paragraphs and footnotes with every tracked change accepted (or rejected):
    the text of the changes that go is dropped with any footnote referenced inside it, and a
    paragraph whose mark goes runs on into the next."""
    gone = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    document, bodies = _parts(data)
    footnotes: list[str] = []

    def text(element: ET.Element, notes: bool = True) -> str:
        out = []
        for child in element:
            name = _local(child)
            if name in gone or name in ("pPr", "rPr", "footnoteRef"):
                continue
            if name in ("t", "delText"):
                out.append(child.text or "")
            elif name == "tab":
                out.append("\t")
            elif name == "footnoteReference":
                body = bodies[child.get(f"{W}id", "")]
                footnotes.append("".join(text(p) for p in body.iter(f"{W}p")).removeprefix(" "))
            else:
                out.append(text(child))
        return "".join(out)

    def mark_goes(paragraph: ET.Element) -> bool:
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        return mark is not None and any(_local(child) in gone for child in mark)

    body = document.find(f"{W}body")
    assert body is not None
    paragraphs, pending = [], ""
    for paragraph in body.findall(f"{W}p"):
        pending += text(paragraph)
        if not mark_goes(paragraph):
            paragraphs.append(pending)
            pending = ""
    assert pending == "", "text after the last paragraph mark"
    return paragraphs, footnotes


def recorded(data: bytes) -> list[str]:
    """The document as recorded, every change in it: the text of deleted and inserted runs alike,
    every paragraph apart, each footnote reference as its number."""
    document, _ = _parts(data)
    body = document.find(f"{W}body")
    assert body is not None
    references = 0

    def text(element: ET.Element) -> str:
        nonlocal references
        out = []
        for child in element:
            name = _local(child)
            if name in ("t", "delText"):
                out.append(child.text or "")
            elif name == "tab":
                out.append("\t")
            elif name == "footnoteReference":
                references += 1
                out.append(str(references))
            elif name not in ("pPr", "rPr"):
                out.append(text(child))
        return "".join(out)

    return [text(paragraph) for paragraph in body.findall(f"{W}p")]


def printed(resolution: Resolution) -> tuple[list[str], list[str]]:
    """A resolution as its plain Word document prints it."""
    data = RESOLUTIONS.render("docx", resolution)
    assert revisions(data) == Counter()
    return resolved(data, accept=True)


def revisions(data: bytes) -> Counter[str]:
    document, bodies = _parts(data)
    elements = [*document.iter(), *(e for body in bodies.values() for e in body.iter())]
    return Counter(_local(e) for e in elements if _local(e) in REVISIONS)


def redline(old: Resolution, new: Resolution) -> bytes:
    return CHANGE_REPORTS.render("docx", diff_resolutions(old, new))


def case(name: str) -> tuple[Resolution, Resolution]:
    return tuple(  # type: ignore[return-value]
        resodiff.read_text((CASES / name / f"{side}.md").read_text(encoding="utf-8"), file=f"{name}/{side}.md")
        for side in ("old", "new")
    )


def display(inlines: tuple[object, ...]) -> str:
    return "".join(node.text for node in inlines if isinstance(node, Text)).replace("\n", " ")


# -- the plain document --------------------------------------------------------------------


def test_a_resolution_in_word_prints_every_paragraph_and_footnote() -> None:
    seed = resodiff.read(SEED)
    paragraphs, footnotes = printed(seed)
    body = []
    for paragraph in (*seed.preamble, *seed.operative):
        body.append(f"{paragraph.num}\t{paragraph.text}" if paragraph.num else paragraph.text)
        body += [f"{item.num}\t{display(item.content)}" for item in paragraph.items]
    start = paragraphs.index(body[0])
    assert paragraphs[start : start + len(body)] == body
    assert paragraphs[0] == seed.meta.symbol
    assert paragraphs[start - 1] == display(seed.formula)
    assert seed.closing is not None
    assert paragraphs[start + len(body) :] == [seed.closing.meeting, seed.closing.date_text]
    assert footnotes == [display(note.content) for note in seed.footnotes]


def test_italics_are_kept_and_the_language_is_tagged() -> None:
    seed = resodiff.read(SEED)
    data = RESOLUTIONS.render("docx", seed)
    document, _ = _parts(data)
    italic = [
        "".join(t.text or "" for t in run.iter(f"{W}t"))
        for run in document.iter(f"{W}r")
        if run.find(f"{W}rPr/{W}i") is not None
    ]
    own = [node.text for p in seed.operative for node in p.content if isinstance(node, Text) and node.italic]
    # the seed marks no preambular opening: the language's listed phrase is set in italics, as printed
    french = language("fra")
    assert french is not None and not any(p.opening for p in seed.preamble)
    openings = [p.text[: french.opening_end(p.text, "preamble")] for p in seed.preamble]
    assert all(openings) and own
    assert italic[: len(openings) + len(own)] == openings + own
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    assert 'w:lang w:val="fr"' in styles and "<w:bidi/>" not in styles


# -- the redline: accept all gives the new version, reject all the old ----------------------


@pytest.mark.parametrize("name", DIFF_CASES)
def test_accepting_gives_the_new_version_and_rejecting_the_old(name: str) -> None:
    old, new = case(name)
    data = redline(old, new)
    assert resolved(data, accept=True) == printed(new)
    assert resolved(data, accept=False) == printed(old)


def test_the_seed_against_its_illustrative_predecessor() -> None:
    old, new = resodiff.read(ROOT / "fixtures" / "fr-illustrative-predecessor-of-79-9.md"), resodiff.read(SEED)
    report = diff_resolutions(old, new)
    data = CHANGE_REPORTS.render("docx", report)
    assert resolved(data, accept=True) == printed(new)
    assert resolved(data, accept=False) == printed(old)
    counts = revisions(data)
    moves = sum(1 for c in report.changes if c.kind == "moved")
    assert counts["moveFrom"] >= moves > 0 and counts["moveTo"] >= moves
    assert counts["ins"] > 0 and counts["del"] > 0


@pytest.mark.parametrize("name", ["seed", *DIFF_CASES])
def test_resodiffs_word_reader_reads_the_redline_both_ways(name: str) -> None:
    """The two halves of issue 11 meet: the Word reader takes the redline as it would stand with
    every change accepted (the new version) and, as original, with every change rejected (the old)."""
    if name == "seed":
        old, new = resodiff.read(ROOT / "fixtures" / "fr-illustrative-predecessor-of-79-9.md"), resodiff.read(SEED)
    else:
        old, new = case(name)
    data = redline(old, new)
    accepted = resodiff.ingest.read_bytes(data, file="redline.docx")
    rejected = resodiff.ingest.read_bytes(data, file="redline.docx", as_original=True)
    assert diff_resolutions(new, accepted).verdict == "identical"
    assert diff_resolutions(old, rejected).verdict == "identical"
    assert all(revision.author == "resodiff" for revision in accepted.revisions)
    assert bool(accepted.revisions) == diff_resolutions(old, new).has_content_changes


def annex_table(amount: int, rows: int = 2) -> Resolution:
    """A golden case's resolution with an annex that ends in a table (the document's last paragraphs)."""
    table = "\n".join(
        ["| Item | Amount |", "|---|---|", f"| Water | {amount} |", "| Roads | 7 |", "| Ports | 3 |"][: rows + 2]
    )
    text = (CASES / "diff-moved" / "new.md").read_text(encoding="utf-8")
    return resodiff.read_text(f"{text}\n# Annex\n\nThe table below.\n\n{table}\n")


@pytest.mark.parametrize(
    ("old", "new"),
    [((12,), (12,)), ((12,), (15,)), ((12, 3), (15,)), ((12,), (15, 3))],
    ids=["unchanged", "cell-changed", "row-dropped", "row-added"],
)
def test_a_document_that_ends_in_changed_paragraphs(old: tuple[int, ...], new: tuple[int, ...]) -> None:
    """The last paragraph mark of a document cannot be tracked: a changed table at the very end
    still accepts to the new version and rejects to the old."""
    before, after = annex_table(old[0], len(old) + 1), annex_table(new[0], len(new) + 1)
    data = redline(before, after)
    assert resolved(data, accept=True) == printed(after)
    assert resolved(data, accept=False) == printed(before)
    assert bool(revisions(data)) == (old != new)


def test_every_revision_has_the_author_a_date_and_its_own_id() -> None:
    data = redline(*case("diff-moved-edited"))
    document, bodies = _parts(data)
    elements = [*document.iter(), *(e for body in bodies.values() for e in body.iter())]
    marked = [e for e in elements if _local(e) in (*REVISIONS, "moveFromRangeStart", "moveToRangeStart")]
    assert marked
    assert {e.get(f"{W}author") for e in marked} == {"resodiff"}
    assert {e.get(f"{W}date") for e in marked} == {"2024-11-18T00:00:00Z"}
    ids = [e.get(f"{W}id") for e in marked]
    assert len(ids) == len(set(ids))
    starts = {
        (_local(e), e.get(f"{W}name")): e.get(f"{W}id") for e in document.iter() if _local(e).endswith("RangeStart")
    }
    ends = {e.get(f"{W}id") for e in document.iter() if _local(e).endswith("RangeEnd")}
    names = Counter(name for _, name in starts)
    assert names and set(names.values()) == {2}, "each move has both ends, under one name"
    assert set(starts.values()) == ends


def test_words_are_tracked_inside_the_paragraph() -> None:
    old, new = case("diff-technical")
    document, _ = _parts(redline(old, new))
    changed = [
        p
        for p in document.iter(f"{W}p")
        if p.find(f"{W}del") is not None and p.find(f"{W}pPr/{W}rPr") is None and p.find(f"{W}r/{W}t") is not None
    ]
    assert changed, "a reworded paragraph keeps its unchanged words as plain runs"


def test_a_renumbered_paragraph_has_its_number_tracked() -> None:
    old, new = case("diff-inserted-deleted")
    report = diff_resolutions(old, new)
    renumbered = [c for c in report.changes if c.renumbered]
    assert renumbered
    document, _ = _parts(CHANGE_REPORTS.render("docx", report))
    deleted = {"".join(t.text or "" for t in e.iter(f"{W}delText")) for e in document.iter(f"{W}del")}
    inserted = {"".join(t.text or "" for t in e.iter(f"{W}t")) for e in document.iter(f"{W}ins")}
    for change in renumbered:
        assert change.old_numbers[0] in deleted and change.new_numbers[0] in inserted


def test_the_output_is_reproducible() -> None:
    old, new = case("diff-moved")
    assert redline(old, new) == redline(old, new)
    with zipfile.ZipFile(io.BytesIO(redline(old, new))) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
        assert b"2024-11-18T00:00:00Z" in package.read("docProps/core.xml")


@pytest.mark.parametrize("value", ["yesterday", "-1", "1e9", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ResodiffError, match="SOURCE_DATE_EPOCH"):
        redline(*case("diff-moved"))


def test_a_report_without_its_documents_is_refused() -> None:
    report = diff_resolutions(*case("diff-moved"))
    bare = ChangeReport(report.old, report.new, report.changes, report.section_changes, report.summary)
    with pytest.raises(ResodiffError, match="whole document"):
        CHANGE_REPORTS.render("docx", bare)


def test_the_command_writes_the_file_and_never_to_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = (str(CASES / "diff-moved" / f"{side}.md") for side in ("old", "new"))
    output = tmp_path / "redline.docx"
    assert main(["diff", old, new, "--format", "docx", "-o", str(output)]) == 1
    assert output.read_bytes() == redline(*case("diff-moved"))
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["diff", old, new, "--format", "docx"]) == 2
    assert "binary file format: give -o FILE" in capsys.readouterr().err
    assert main(["convert", str(SEED), "--to", "docx"]) == 2


def _publication(number: str, cases: list[tuple[str, str]]) -> Publication:
    """A publication A, B ... of the golden cases' texts, under the header of the first."""
    parts = [case(name)[0 if side == "old" else 1] for name, side in cases]
    letters = "ABCDEFG"[: len(parts)]
    header = replace(parts[0].meta, symbol=f"A/RES/{number} A-{letters[-1]}", number=number)
    return Publication(
        header,
        tuple(
            replace(part, meta=part_metadata(header, letter, part.meta.title, part.meta.language))
            for letter, part in zip(letters, parts, strict=True)
        ),
    )


PUBLICATIONS = (
    _publication("80/21", [("diff-moved", "old"), ("diff-technical", "old"), ("diff-split", "old")]),
    _publication("82/17", [("diff-moved", "new"), ("diff-technical", "new")]),
    _publication("84/3", [("diff-moved", "new"), ("diff-technical", "new"), ("diff-footnote-edited", "new")]),
)


@pytest.mark.parametrize(("old", "new"), [(0, 1), (1, 2)], ids=["part-deleted", "part-inserted"])
def test_publications_part_by_part_in_one_document(old: int, new: int) -> None:
    before, after = PUBLICATIONS[old], PUBLICATIONS[new]
    data = PART_REPORTS.render("docx", diff_publications(before, after))

    def concatenated(publication: Publication) -> tuple[list[str], list[str]]:
        printed_parts = [printed(part) for part in publication.parts]
        return [p for paragraphs, _ in printed_parts for p in paragraphs], [
            n for _, notes in printed_parts for n in notes
        ]

    assert resolved(data, accept=True) == concatenated(after)
    assert resolved(data, accept=False) == concatenated(before)
    document, _ = _parts(data)
    assert len(document.findall(f".//{W}pPr/{W}sectPr")) == len(set(before.letters) | set(after.letters)) - 1


# -- random edits of the seed ----------------------------------------------------------------

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")


def body_lines(lines: list[str]) -> list[int]:
    """The seed's paragraphs (long lines; footnotes start with a superscript number)."""
    return [i for i, line in enumerate(lines) if len(line) > 80 and not line.startswith(("¹", "²", "³", "⁴", "⁵", "⁶"))]


NEW_WORDS = st.sampled_from(
    ["renforcée", "2026", "A/81/123", "notamment", "coopération", "et", "Assemblée", "*Décide*"]
)


@st.composite
def edited_seed(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        body = body_lines(lines)
        at = draw(st.sampled_from(body))
        action = draw(st.sampled_from(["words", "words", "delete", "insert", "move"]))
        words = lines[at].split(" ")
        if action == "words":
            for _ in range(draw(st.integers(1, 4))):
                place = draw(st.integers(2, len(words) - 1))
                if draw(st.booleans()):
                    words[place] = draw(NEW_WORDS)
                else:
                    words.insert(place, draw(NEW_WORDS))
            lines[at] = " ".join(words)
        elif action == "delete" and len(body) > 10:
            del lines[at : at + 2]
        elif action == "insert":
            lines[at:at] = [" ".join(words[:1] + [draw(NEW_WORDS) for _ in range(8)]) + ",", ""]
        elif action == "move":
            target = draw(st.sampled_from(body))
            moved = lines[at]
            del lines[at : at + 2]
            target = min(target, len(lines))
            lines[target:target] = [moved, ""]
    return "\n".join(lines)


def test_a_split_whose_pieces_stand_apart_is_written_piece_by_piece() -> None:
    """Operative 5 moved into the page break that cuts operative 4: the report splits 4 into two
    pieces with 5 between them, which no one paragraph mark can track (found by the property below)."""
    lines = list(SEED_LINES)
    fifth = next(i for i, line in enumerate(lines) if line.startswith("5. *Prie*"))
    rest_of_fourth = next(i for i, line in enumerate(lines) if line.startswith("solutions pacifiques"))
    moved = lines.pop(fifth)
    lines[rest_of_fourth:rest_of_fourth] = [moved, ""]
    old, new = resodiff.read(SEED), resodiff.read_text("\n".join(lines))
    report = diff_resolutions(old, new)
    assert any(c.kind == "split" and c.new[-1] - c.new[0] > len(c.new) - 1 for c in report.changes)
    data = CHANGE_REPORTS.render("docx", report)
    assert resolved(data, accept=True) == printed(new)
    assert resolved(data, accept=False) == printed(old)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_seed())
def test_random_edits_of_the_seed_accept_to_the_edit_and_reject_to_the_seed(text: str) -> None:
    old = resodiff.read(SEED)
    try:
        new = resodiff.read_text(text)
    except ResodiffError:
        return  # an edit that leaves no readable resolution is not this test's business
    data = redline(old, new)
    assert resolved(data, accept=True) == printed(new)
    assert resolved(data, accept=False) == printed(old)


# -- the OIC pair in three languages ----------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("language", sorted(OIC_PAIRS))
def test_the_oic_pair(language: str) -> None:
    old, new = (resodiff.read(path) for path in OIC_PAIRS[language])
    data = redline(old, new)
    assert resolved(data, accept=True) == printed(new)
    assert _typography(resolved(data, accept=False)) == _typography(printed(old))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
    assert ("<w:bidi/>" in styles) == (language == "Arabic")
    assert f'w:bidi="{new.meta.language[:2]}"' in styles or language != "Arabic"


def _typography(texts: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
    """Unchanged words are printed in the new version's typography (the report counts neither
    quotes nor spaces as changes: Arabic 79/9 prints "حزيران/ يونيه" where 77/18 has
    "حزيران/يونيه"): the old version is that text up to typography and spacing."""
    return tuple([_untyped(line) for line in side] for side in texts)  # type: ignore[return-value]


def _untyped(text: str) -> str:
    return re.sub(r"\s+", "", resodiff.normalize_typography(text))


# -- a real client: LibreOffice -----------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder of redlines and what LibreOffice made of each: NAME.docx, NAME.json, NAME.pdf."""
    folder = tmp_path_factory.mktemp("office")
    pairs = {name: case(name) for name in DIFF_CASES}
    pairs["seed"] = (resodiff.read(ROOT / "fixtures" / "fr-illustrative-predecessor-of-79-9.md"), resodiff.read(SEED))
    pairs["table"] = (annex_table(12, 3), annex_table(15, 2))
    if OIC.is_dir():
        pairs |= {f"oic-{lang.lower()}": tuple(resodiff.read(p) for p in OIC_PAIRS[lang]) for lang in IN_OFFICE}  # type: ignore[misc]
    with pytest.MonkeyPatch.context() as patch:  # the module's fixture is not the function-scoped one
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name, (old, new) in pairs.items():
            (folder / f"{name}.docx").write_bytes(redline(old, new))
            (folder / f"{name}-old.docx").write_bytes(RESOLUTIONS.render("docx", old))
            (folder / f"{name}-new.docx").write_bytes(RESOLUTIONS.render("docx", new))
        for old_index, new_index in ((0, 1), (1, 2)):
            report = diff_publications(PUBLICATIONS[old_index], PUBLICATIONS[new_index])
            (folder / f"parts-{old_index}-{new_index}.docx").write_bytes(PART_REPORTS.render("docx", report))
    profile = Path(f"/tmp/lo-resodiff-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [OFFICE_PYTHON, str(Path(__file__).with_name("libreoffice.py")), str(profile), str(folder)]
            + [str(path) for path in sorted(folder.glob("*.docx"))],
            check=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    yield folder


OFFICE_PYTHON = "/usr/bin/python3"


def _office(folder: Path, name: str) -> dict[str, object]:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _as_read(paragraphs: list[str], footnotes: list[str]) -> dict[str, list[str]]:
    """Our accept/reject's result as LibreOffice reports it: footnote text without the space Word
    puts after the number."""
    return {"paragraphs": paragraphs, "footnotes": [note.strip() for note in footnotes]}


def _lo(side: object) -> dict[str, list[str]]:
    assert isinstance(side, dict)
    return {"paragraphs": side["paragraphs"], "footnotes": [note.strip() for note in side["footnotes"]]}


@needs_office
@pytest.mark.parametrize("name", [*DIFF_CASES, "seed", "table"])
def test_libreoffice_accepts_to_the_new_version_and_rejects_to_the_old(libreoffice: Path, name: str) -> None:
    result = _office(libreoffice, name)
    assert (
        _lo(result["accepted"])
        == _lo(_office(libreoffice, f"{name}-new")["accepted"])
        == _as_read(*resolved((libreoffice / f"{name}-new.docx").read_bytes(), accept=True))
    )
    assert _lo(result["rejected"]) == _lo(_office(libreoffice, f"{name}-old")["accepted"])
    assert bool(result["redlines"]) == bool(revisions((libreoffice / f"{name}.docx").read_bytes()))


@needs_office
@pytest.mark.parametrize("name", [*DIFF_CASES, "seed"])
def test_libreoffice_saves_the_redline_as_text_with_every_change_in_it(libreoffice: Path, name: str) -> None:
    """LibreOffice's text export accepts nothing: deleted and inserted words both, each footnote
    as its number where its marker stands, the footnotes' own text left out."""
    text = (libreoffice / f"{name}.txt").read_text(encoding="utf-8-sig")
    assert text.split("\n") == recorded((libreoffice / f"{name}.docx").read_bytes()) + [""]


@needs_office
@pytest.mark.parametrize("name", ["parts-0-1", "parts-1-2"])
def test_libreoffice_reads_a_publication_redline_as_we_do(libreoffice: Path, name: str) -> None:
    result, data = _office(libreoffice, name), (libreoffice / f"{name}.docx").read_bytes()
    assert _lo(result["accepted"]) == _as_read(*resolved(data, accept=True))
    assert _lo(result["rejected"]) == _as_read(*resolved(data, accept=False))


@needs_office
@needs_corpus
@pytest.mark.parametrize("language", IN_OFFICE)
def test_libreoffice_on_the_oic_pair(libreoffice: Path, language: str) -> None:
    name = f"oic-{language.lower()}"
    result = _office(libreoffice, name)
    assert _lo(result["accepted"]) == _lo(_office(libreoffice, f"{name}-new")["accepted"])
    rejected, old = _lo(result["rejected"]), _lo(_office(libreoffice, f"{name}-old")["accepted"])
    assert [_untyped(p) for p in rejected["paragraphs"]] == [_untyped(p) for p in old["paragraphs"]]
    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / f"redline-oic-77-18-79-9-{language.lower()}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(libreoffice / f"{name}.pdf"),
            str(png),
        ],
        check=True,
    )
    assert png.with_suffix(".png").stat().st_size > 10_000
    pages = subprocess.run(["pdfinfo", str(libreoffice / f"{name}.pdf")], capture_output=True, text=True, check=True)
    assert int(re.search(r"Pages:\s+(\d+)", pages.stdout).group(1)) >= 3  # type: ignore[union-attr]
