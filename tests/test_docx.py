"""Word drafts in: the ``.docx`` reader, its tracked changes, and ``check --against`` on them.

The drafts are made here, from the seed (and, for the corpus tests, from official files) by
``tests/docx_drafts.py``, and by LibreOffice from an OpenDocument file, so that the reader does not
learn one producer's habits.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resodiff.cli import main
from resodiff.errors import InputError, ResodiffError, XMLSecurityError
from resodiff.ingest import read, read_bytes, read_collection
from resodiff.ingest.docx import Changes, read_docx
from resodiff.model import Paragraph, Resolution, Text

from .conftest import CORPUS, OIC, SEED, needs_corpus
from .converters import difference, fingerprint
from .docx_drafts import AUTHOR, Draft, accepted, delete, draft_of, edit, insert, move, split, write_docx

SOFFICE = shutil.which("soffice")


def _seed() -> Resolution:
    return read(SEED)


def _index(draft: Draft, start: str) -> int:
    return next(i for i, p in enumerate(draft.paras) if "".join(s.text for s in p.segs).startswith(start))


def _body(resolution: Resolution) -> tuple[object, ...]:
    return (resolution.formula, resolution.preamble, resolution.operative, resolution.annexes)


def _replaced(paragraph: Paragraph, old: str, new: str) -> Paragraph:
    """The paragraph with ``old`` replaced by ``new`` in the one run that holds it."""
    content = list(paragraph.content)
    at = next(i for i, node in enumerate(content) if isinstance(node, Text) and old in node.text)
    node = content[at]
    assert isinstance(node, Text)
    content[at] = replace(node, text=node.text.replace(old, new, 1))
    return replace(paragraph, content=tuple(content))


# -- a draft as Word holds it -------------------------------------------------------------------


def test_the_seed_written_as_a_word_draft_reads_back_exactly() -> None:
    seed = _seed()
    draft = read_bytes(write_docx(draft_of(seed)), file="draft.docx")
    assert _body(draft) == _body(seed)
    assert draft.footnotes == seed.footnotes and len(draft.footnotes) == 6
    assert (draft.meta.symbol, draft.meta.number, draft.meta.session, draft.meta.title) == (
        "A/79/L.9",
        None,
        79,
        seed.meta.title,
    )
    assert draft.closing is None and draft.revisions == ()
    # positions: the ordinal of the paragraph in the body (the header block takes 9, the formula the 10th)
    assert draft.formula and draft.preamble[0].span is not None and draft.preamble[0].span.line == 11
    assert draft.preamble[0].span.file == "draft.docx" and draft.preamble[0].span.column == 1


def test_numbers_are_automatic_italics_come_from_a_style_based_on_another() -> None:
    data = write_docx(draft_of(_seed()))
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:numPr>" in document and '<w:rStyle w:val="Emphasis"/>' in document
    assert ">1.\t" not in document and '<w:t xml:space="preserve">1.</w:t>' not in document
    draft = read_bytes(data)
    assert [p.num for p in draft.operative[:3]] == ["1.", "2.", "3."]
    assert draft.operative[0].content[0] == Text("Prend note avec satisfaction", italic=True)


def _tiny(body: str, numbering: str = "", footnotes: str = "") -> bytes:
    """A Word file of a few hand-written parts (the namespace of ``w:`` declared on each root)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    if numbering:
        rels += f'<Relationship Id="n" Type="{kinds}/numbering" Target="numbering.xml"/>'
    if footnotes:
        rels += f'<Relationship Id="f" Type="{kinds}/footnotes" Target="footnotes.xml"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        archive.writestr("word/_rels/document.xml.rels", rels + "</Relationships>")
        if numbering:
            archive.writestr("word/numbering.xml", f"<w:numbering {ns}>{numbering}</w:numbering>")
        if footnotes:
            archive.writestr("word/footnotes.xml", f"<w:footnotes {ns}>{footnotes}</w:footnotes>")
    return buffer.getvalue()


def _p(text: str, num: tuple[int, int] | None = None, extra: str = "") -> str:
    numbering = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    return f'<w:p><w:pPr>{numbering}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


_HEADER = "".join(_p(line) for line in ("A/79/L.3", "General Assembly", "Seventy-ninth session"))
_HEADER += _p("Afghanistan and Norway: draft resolution") + _p("A title") + _p("The General Assembly,")


def test_word_numbering_levels_formats_starts_and_restarts() -> None:
    levels = (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
    )
    body = _HEADER + _p("Recalling its resolutions,")
    body += _p("Decides that:", (1, 0)) + _p("first;", (1, 1)) + _p("one;", (1, 2)) + _p("two;", (1, 2))
    body += _p("second;", (1, 1)) + _p("Requests more;", (1, 0)) + _p("a list item;", (1, 1))
    body += _p("Continues the list;", (1, 0)) + _p("Restarts at ten;", (2, 0)) + _p("12.\tTyped;")
    draft = read_docx(_tiny(body, levels))
    assert draft.meta.symbol == "A/79/L.3" and [p.text for p in draft.preamble] == ["Recalling its resolutions,"]
    assert [p.num for p in draft.operative] == ["3.", "4.", "5.", "10.", "12."]
    first = draft.operative[0]
    assert [(i.num, [s.num for s in i.items]) for i in first.items] == [("a)", ["(i)", "(ii)"]), ("b)", [])]
    assert draft.operative[1].items[0].num == "a)"  # a level's use restarts the levels below it
    assert draft.operative[4].text == "Typed;"


def test_footnotes_are_placed_at_their_marker_with_word_numbers_and_custom_marks() -> None:
    note = (
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/79/1.</w:t>'
        "</w:r></w:p><w:p><w:r><w:t>Second line.</w:t></w:r></w:p></w:footnote>"
        '<w:footnote w:id="6"><w:p><w:r><w:t>A starred note.</w:t></w:r></w:p></w:footnote>'
    )
    cite = '<w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t>, then</w:t></w:r>'
    custom = '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r>'
    body = _HEADER + _p("Recalling the report", extra=cite + custom) + _p("1.\tDecides.")
    draft = read_docx(_tiny(body, footnotes=note))
    content = draft.preamble[0].content
    assert [n.marker for n in draft.footnotes] == ["1", "*"]
    assert draft.footnotes[0].text == "See A/79/1.\nSecond line."
    assert content[0] == Text("Recalling the report") and content[2] == Text(", then")


# -- tracked changes ----------------------------------------------------------------------------


def _tracked() -> tuple[Draft, Draft]:
    """The seed as a draft with tracked changes by one author, and one change left untracked."""
    draft = draft_of(_seed())
    insert(draft.paras[_index(draft, "Rappelant également sa résolution")], "3369 (XXX)", " et ses annexes")
    delete(draft.paras[_index(draft, "Se félicitant des efforts")], " déployés")
    split(draft, _index(draft, "Considérant que les deux organisations"), "et ")
    move(draft, _index(draft, "Prenant note de l'adoption"), _index(draft, "Rappelant les articles"))
    edit(draft.paras[_index(draft, "Notant également que")], "encourageants", "notables")
    return draft, accepted(draft)


def test_tracked_changes_read_accepted_and_rejected() -> None:
    seed = _seed()
    tracked, clean = _tracked()
    data = write_docx(tracked)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert all(f"<w:{kind} " in document for kind in ("ins", "del", "moveFrom", "moveTo"))
    # rejected: the original, but for the change made without tracking
    original = read_docx(data, changes="reject")
    untracked = seed.preamble.index(next(p for p in seed.preamble if p.text.startswith("Notant également que")))
    expected = list(seed.preamble)
    expected[untracked] = _replaced(expected[untracked], "encourageants", "notables")
    assert _body(original) == (seed.formula, tuple(expected), seed.operative, ())
    # accepted: the edited text, as the same draft written without tracked changes reads
    edited = read_docx(data)
    assert _body(edited) == _body(read_docx(write_docx(clean)))
    texts = [p.text for p in edited.preamble]
    assert len(texts) == len(seed.preamble) + 1
    assert any("3369 (XXX) et ses annexes" in text for text in texts)
    assert any(text.startswith("Se félicitant des efforts par") for text in texts)
    moved = next(i for i, text in enumerate(texts) if text.startswith("Prenant note de l'adoption"))
    assert texts[moved + 1].startswith("Rappelant les articles") and texts[moved - 1].startswith("et ")
    assert edited.operative == seed.operative


def test_who_changed_what_is_kept() -> None:
    edited = read_docx(write_docx(_tracked()[0]), file="draft.docx")
    kinds = {revision.kind for revision in edited.revisions}
    assert kinds == {"insertion", "deletion", "move-from", "move-to", "paragraph-inserted", "paragraph-deleted"}
    assert {revision.author for revision in edited.revisions} == {AUTHOR}
    insertion = next(r for r in edited.revisions if r.kind == "insertion")
    assert insertion.text == " et ses annexes" and insertion.date == "2026-11-02T10:00:00Z"
    assert insertion.where == "preamble paragraph ¶2" and insertion.span is not None
    deletion = next(r for r in edited.revisions if r.kind == "deletion")
    assert deletion.text == " déployés" and deletion.where == "preamble paragraph ¶3"
    # equality ignores the record: the same text read from another form is the same resolution
    assert read_docx(write_docx(_tracked()[1])) == replace(edited, revisions=())


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    status = main(["check", *args, "--format", "json", "--select", "P404,P405"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def test_check_against_finds_the_one_untracked_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _write(tmp_path, "draft.docx", write_docx(_tracked()[0]))
    status, findings = _findings(capsys, draft, "--against", str(SEED))
    errors = [f for f in findings if f["severity"] == "error"]
    assert status == 1 and [f["code"] for f in errors] == ["P404"]
    paragraph = read_docx(Path(draft).read_bytes(), changes="reject").preamble[8]
    assert paragraph.text.startswith("Notant également que") and paragraph.span is not None
    assert errors[0]["line"] == paragraph.span.line
    assert "[-encourageants-] {+notables+}" in str(errors[0]["message"])
    assert "untracked substantive change in preamble paragraph ¶9" in str(errors[0]["message"])
    # without the untracked change nothing is reported; a text draft has no tracked changes to check
    clean = _tracked()[0]
    edit(clean.paras[_index(clean, "Notant également que")], "notables", "encourageants")
    status, findings = _findings(capsys, _write(tmp_path, "clean.docx", write_docx(clean)), "--against", str(SEED))
    assert status == 0 and not [f for f in findings if f["severity"] == "error"]


def test_check_against_a_tracked_deletion_of_text_the_predecessor_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_of(_seed())
    paragraph = draft.paras[_index(draft, "Se félicitant des efforts")]
    edit(paragraph, " déployés", " déployés sans relâche")
    delete(paragraph, " sans relâche")
    status, findings = _findings(capsys, _write(tmp_path, "draft.docx", write_docx(draft)), "--against", str(SEED))
    assert status == 1 and [f["code"] for f in findings if f["severity"] == "error"] == ["P405"]
    assert findings[0]["message"] == (
        "the tracked deletion of 'sans relâche' by Delegation of Norway (2026-11-02T10:00:00Z) in preamble "
        "paragraph ¶3 does not match A/RES/79/9, which does not have it."
    )


def test_as_original_on_convert_and_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _write(tmp_path, "draft.docx", write_docx(_tracked()[0]))
    assert main(["convert", draft, "--to", "json", "--as-original", "-o", str(tmp_path / "o.json")]) == 0
    assert main(["convert", draft, "--to", "json", "-o", str(tmp_path / "a.json")]) == 0
    rejected = json.loads((tmp_path / "o.json").read_text())
    edited = json.loads((tmp_path / "a.json").read_text())
    assert len(edited["preamble"]) == len(rejected["preamble"]) + 1
    # the record is the same in both views; where a change stands is said in the view read
    assert {r["author"] for r in edited["revisions"]} == {AUTHOR}
    assert [(r["kind"], r["text"]) for r in rejected["revisions"]] == [
        (r["kind"], r["text"]) for r in edited["revisions"]
    ]
    capsys.readouterr()
    assert main(["diff", str(SEED), draft, "--as-original", "--format", "json", "-q"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in report["changes"] if c["kind"] != "unchanged"] == ["modified"]


# -- LibreOffice as a second producer ----------------------------------------------------------

_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
 <text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>
 </text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:tracked-changes>
 <text:changed-region text:id="c1"><text:insertion><office:change-info><dc:creator>{author}</dc:creator>
  <dc:date>2026-11-02T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
 <text:changed-region text:id="c2"><text:deletion><office:change-info><dc:creator>{author}</dc:creator>
  <dc:date>2026-11-02T10:00:00</dc:date></office:change-info><text:p>worldwide </text:p></text:deletion>
 </text:changed-region>
</text:tracked-changes>
<text:p>A/79/L.5</text:p><text:p>General Assembly</text:p><text:p>Seventy-ninth session</text:p>
<text:p>Agenda item 12</text:p><text:p>Afghanistan and Norway: draft resolution</text:p>
<text:p>Cooperation in all things</text:p><text:p>The General Assembly,</text:p>
<text:p><text:span text:style-name="Emphasis">Recalling</text:span> its resolution 77/18 of 21 November 2022,<text:note
 text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
 <text:p>See A/77/1.</text:p></text:note-body></text:note></text:p>
<text:list text:style-name="L1">
 <text:list-item><text:p><text:span text:style-name="Emphasis">Decides</text:span> to act<text:change-start
  text:change-id="c1"/> at once<text:change-end text:change-id="c1"/>:</text:p>
  <text:list><text:list-item><text:p>first;</text:p></text:list-item>
  <text:list-item><text:p>second;</text:p></text:list-item></text:list>
 </text:list-item>
 <text:list-item><text:p><text:span text:style-name="Emphasis">Requests</text:span> <text:change
  text:change-id="c2"/>reports.</text:p></text:list-item>
</text:list>
</office:text></office:body></office:document>
"""


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice (soffice) on this machine (CI installs Debian's)")
def test_a_draft_libreoffice_made_reads_with_its_numbering_footnotes_and_changes(tmp_path: Path) -> None:
    source = tmp_path / "draft.fodt"
    source.write_text(_FODT.format(author="Delegation of Samoa"), encoding="utf-8")
    assert SOFFICE is not None
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-docxin"
    subprocess.run(
        [SOFFICE, profile, "--headless", "--convert-to", "docx", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    data = (tmp_path / "draft.docx").read_bytes()
    edited, original = read_docx(data), read_docx(data, changes="reject")
    assert edited.meta.symbol == "A/79/L.5" and edited.meta.agenda_item == "12"
    assert [p.num for p in edited.operative] == ["1.", "2."]
    assert [(i.num, i.text) for i in edited.operative[0].items] == [("(a)", "first;"), ("(b)", "second;")]
    assert edited.operative[0].content[0] == Text("Decides", italic=True)
    assert [n.text for n in edited.footnotes] == ["See A/77/1."]
    assert [p.text for p in edited.operative] == ["Decides to act at once:", "Requests reports."]
    assert [p.text for p in original.operative] == ["Decides to act:", "Requests worldwide reports."]
    assert {(r.kind, r.author) for r in edited.revisions} == {
        ("insertion", "Delegation of Samoa"),
        ("deletion", "Delegation of Samoa"),
    }


# -- hostile files ------------------------------------------------------------------------------


def _package(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_broken_part_is_an_error_at_its_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    data = _package({"word/document.xml": f'<w:document xmlns:w="{ns}">\n<w:body><w:p></w:body>'})
    path = _write(tmp_path, "broken.docx", data)
    with pytest.raises(InputError) as error:
        read(path)
    assert error.value.file == path and error.value.line == 2 and error.value.column is not None
    assert error.value.message.startswith("word/document.xml: malformed XML")
    assert main(["convert", path]) == 2
    assert f"{path}:2:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"word/styles.xml": "<x/>"}, r"no main part \(word/document.xml\)"),
        ({"word/document.xml": "<document/>"}, "has no body"),
    ],
)
def test_a_missing_part_is_named(parts: dict[str, str | bytes], message: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "missing.docx", _package(parts))
    with pytest.raises(InputError, match=message):
        read(path)
    assert main(["convert", path]) == 2


def test_an_xml_bomb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    bomb = f'<?xml version="1.0"?>\n<!DOCTYPE d [{entities}]>\n<d>&b;</d>'
    path = _write(tmp_path, "bomb.docx", _package({"word/document.xml": bomb}))
    with pytest.raises(XMLSecurityError, match="word/document.xml: document type declarations") as error:
        read(path)
    assert (error.value.line, error.value.column) == (2, 1)
    assert main(["convert", path]) == 2
    assert "bomb.docx:2:1" in capsys.readouterr().err


def test_a_zip_bomb_is_refused_while_it_inflates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESODIFF_MAX_INPUT_BYTES", "1000000")
    data = _package({"word/document.xml": b"<w:document>" + b" " * 5_000_000 + b"</w:document>"})
    assert len(data) < 20_000
    path = _write(tmp_path, "zipbomb.docx", data)
    with pytest.raises(XMLSecurityError, match="refused as a ZIP bomb"):
        read(path)
    # a header that lies about the size is caught as the bytes come
    lying = data.replace((5_000_025).to_bytes(4, "little"), (100).to_bytes(4, "little"))
    assert lying != data
    with pytest.raises(ResodiffError, match="ZIP bomb|broken Word file"):
        read(_write(tmp_path, "lying.docx", lying))
    assert main(["convert", path]) == 2


def test_corrupt_compressed_bytes_are_a_broken_word_file(tmp_path: Path) -> None:
    data = bytearray(write_docx(draft_of(_seed())))
    start = data.index(b"word/document.xml") + len(b"word/document.xml") + 40
    data[start : start + 64] = bytes(range(64))  # inside the deflated body
    with pytest.raises(InputError, match="a broken Word file: word/document.xml cannot be read"):
        read(_write(tmp_path, "corrupt.docx", bytes(data)))


def _with_member_header(data: bytes, name: str, *, method: int | None = None, flags: int = 0) -> bytes:
    """The archive with one member's compression method and general-purpose flags rewritten in
    both its local and its central header (APPNOTE 4.3.7 and 4.3.12)."""
    patched = bytearray(data)
    for signature, flag_at, method_at, name_length_at, name_at in (
        (b"PK\x03\x04", 6, 8, 26, 30),
        (b"PK\x01\x02", 8, 10, 28, 46),
    ):
        start = patched.find(signature)
        while start != -1:
            length = int.from_bytes(patched[start + name_length_at : start + name_length_at + 2], "little")
            if patched[start + name_at : start + name_at + length] == name.encode():
                old = int.from_bytes(patched[start + flag_at : start + flag_at + 2], "little")
                patched[start + flag_at : start + flag_at + 2] = (old | flags).to_bytes(2, "little")
                if method is not None:
                    patched[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
            start = patched.find(signature, start + 4)
    return bytes(patched)


def test_a_member_compressed_by_an_unknown_method_or_encrypted_is_refused_by_name(tmp_path: Path) -> None:
    data = write_docx(draft_of(_seed()))
    aes = _with_member_header(data, "word/document.xml", method=99)
    with pytest.raises(InputError, match="word/document.xml is compressed by method 99"):
        read(_write(tmp_path, "aes.docx", aes))
    encrypted = _with_member_header(data, "word/document.xml", flags=0x1)
    with pytest.raises(InputError, match="an encrypted Word file: word/document.xml needs a password"):
        read(_write(tmp_path, "encrypted.docx", encrypted))
    assert main(["convert", str(tmp_path / "aes.docx")]) == 2


def test_other_zips_and_old_word_files_are_still_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "data.zip", _package({"data.csv": "a,b"}))
    with pytest.raises(InputError, match="this is a ZIP archive"):
        read(path)
    with pytest.raises(InputError, match="this is a Word 97-2003 file"):
        read(_write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)))


_FRAGMENTS = (
    "<w:p>", "</w:p>", "<w:r>", 'w:val="x"', 'w:ilvl="99"', 'w:numId="-1"', "<w:ins>", "</w:del>",
    'w:id="999"', "<w:tbl>", "<w:tr>", 'w:customMarkFollows="1"', "<w:vMerge/>", 'w:char="zz"',
    '<w:gridSpan w:val="-3"/>', '<w:pPr><w:rPr><w:del w:author="x"/></w:rPr></w:pPr>', "<w:br/>",
)  # fmt: skip


@pytest.mark.slow
@settings(derandomize=True, database=None, max_examples=150, deadline=None)
@given(
    st.sampled_from(("word/document.xml", "word/numbering.xml", "word/footnotes.xml", "word/styles.xml")),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_FRAGMENTS) | st.text(max_size=8), st.booleans()), min_size=1),
)
def test_mangled_parts_give_a_resolution_or_an_error(part: str, edits: list[tuple[float, str, bool]]) -> None:
    """The parts of a tracked draft mangled (fragments of WordprocessingML and characters put in,
    pieces cut out): both views read, or a ResodiffError, never anything else."""
    archive = zipfile.ZipFile(io.BytesIO(_FUZZ_BASE))
    parts = {name: archive.read(name) for name in archive.namelist()}
    data = parts[part].decode()
    for where, fragment, cut in edits:
        at = int(where * len(data))
        data = data[:at] + data[at + len(fragment) :] if cut else data[:at] + fragment + data[at:]
    parts[part] = data.encode()
    mangled = _package(dict(parts))
    for changes in get_args(Changes):
        with contextlib.suppress(ResodiffError):
            read_docx(mangled, file="mangled.docx", changes=changes)


_FUZZ_BASE = write_docx(_tracked()[0])


# -- the corpus ---------------------------------------------------------------------------------


def _sample() -> list[Path]:
    sessions = sorted(CORPUS.glob("7*session/*/*.xml"))
    return sessions[:: max(1, len(sessions) // 120)] + sorted(OIC.glob("*.xml"))


@needs_corpus
@pytest.mark.slow
def test_corpus_resolutions_written_as_word_files_read_back_paragraph_for_paragraph() -> None:
    """A sample of sessions 77 and 79 (English and French) and the OIC series in six languages,
    each resolution written as a Word file and read back: the share that comes back exactly (each
    paragraph's number and text, footnotes in place, the closing), and all of the OIC series."""
    misses: dict[str, str] = {}
    total = 0
    for path in _sample():
        for resolution in read_collection(path):
            total += 1
            try:
                back = read_docx(write_docx(draft_of(resolution, as_draft=False)), file=path.name)
            except ResodiffError as error:
                misses[f"{path.name} {resolution.meta.symbol}"] = error.message
                continue
            if reason := difference(fingerprint(resolution), fingerprint(back)):
                misses[f"{path.name} {resolution.meta.symbol}"] = reason
    rate = 1 - len(misses) / total
    exact = total - len(misses)
    print(f"\nWord round trip: {exact}/{total} exact ({rate:.1%}); misses: {json.dumps(misses, indent=1)}")
    assert not [name for name in misses if any(name.startswith(path.name) for path in OIC.glob("*.xml"))]
    assert rate >= 0.93


def test_a_word_comment_silences_a_finding_on_its_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``resodiff: ignore S102`` as a Word comment on a paragraph, as ``<!-- ... -->`` in text."""
    draft = draft_of(_seed())
    wrong = draft.paras[_index(draft, "Notant également que")]
    edit(wrong, "autres domaines de coopération,", "autres domaines de coopération.")
    draft.paras[_index(draft, "Rappelant également sa résolution")].comment = "To be discussed with the facilitator."

    def s102(data: bytes) -> list[dict[str, object]]:
        assert main(["check", _write(tmp_path, "draft.docx", data), "--format", "json", "--select", "S102"]) in (0, 1)
        return json.loads(capsys.readouterr().out)["findings"]

    found = s102(write_docx(draft))
    line = read_docx(write_docx(draft)).preamble[8].span
    assert [(f["code"], f["line"]) for f in found] == [("S102", line.line if line else None)]
    draft.paras[_index(draft, "Se félicitant des efforts")].comment = "resodiff: ignore S102"
    assert len(s102(write_docx(draft))) == 1, "a comment on another paragraph silences nothing here"
    wrong.comment = "resodiff: ignore S102"
    assert s102(write_docx(draft)) == []
    # the comments stay beside the text, with who wrote them and where
    comments = read_docx(write_docx(draft)).comments
    assert [(c.text, c.author) for c in comments][0] == ("To be discussed with the facilitator.", AUTHOR)
    assert {c.span.line for c in comments if c.span} >= {line.line if line else 0}
