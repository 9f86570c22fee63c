"""Terminal and report injection (issue 15, item 6): text from a document or a file name is data in
every channel. A terminal gets its control characters escaped; a file name cannot forge a line; the
Markdown report turns no field into markup; the redline page isolates bidirectional text."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

import resodiff
from resodiff.cli import main
from resodiff.diff import diff_resolutions
from resodiff.diff.report import ChangeReport, SectionChange, Segment, UnitChange
from resodiff.escape import safe_for_terminal, safe_lines_for_terminal
from resodiff.report.html import render_html
from resodiff.report.markdown import render_markdown
from resodiff.report.text import render_text

from .conftest import CASES

ESC, CSI, RLO, LRI, PDI = "\x1b", "\x9b", "\u202e", "\u2066", "\u2069"
# what a terminal obeys: C0 and C1 controls, bidirectional embeddings, overrides and isolates
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ATTACK = f"{ESC}]0;pwned\x07{ESC}[2J{CSI}31m{RLO}gnp.exe{LRI}x{PDI}\r"
MARKUP = (
    "<img src=x onerror=alert(1)> ![x](http://e.org/x.png) [link](http://e.org) | cell | `code` "
    "<details><summary>open</summary> **bold** ~~struck~~ <!-- hidden --> &amp;"
)
HOSTILE = MARKUP + " " + ATTACK


def case_report(name: str) -> ChangeReport:
    case = CASES / name
    return diff_resolutions(*(resodiff.read(case / side) for side in ("old.md", "new.md")))


def hostile_report() -> ChangeReport:
    """diff-subparagraphs with every field a document provides replaced by hostile text."""
    report = case_report("diff-subparagraphs")

    def info(document: resodiff.diff.report.DocumentInfo) -> resodiff.diff.report.DocumentInfo:
        return replace(document, symbol=f"A/RES/{HOSTILE}", title=HOSTILE, language=f"eng{ESC}[0m")

    def unit(u: UnitChange) -> UnitChange:
        return replace(u, old_label=u.old_label and HOSTILE, new_label=u.new_label and HOSTILE)

    changes = tuple(
        replace(
            c,
            old_numbers=tuple(HOSTILE for _ in c.old),
            new_numbers=tuple(HOSTILE for _ in c.new),
            segments=(
                *c.segments,
                Segment("delete", f" {HOSTILE}"),
                Segment("insert", f" {HOSTILE}"),
                Segment("equal", f" {HOSTILE}"),
            ),
            items=tuple(map(unit, c.items)),
            footnotes=tuple(map(unit, c.footnotes)),
            old_section=HOSTILE,
            new_section=f"{HOSTILE} 2",
        )
        for c in report.changes
    )
    return replace(
        report,
        old=info(report.old),
        new=info(report.new),
        changes=changes,
        section_changes=(SectionChange("operative", HOSTILE, f"{HOSTILE} 2"),),
    )


# -- the helpers ---------------------------------------------------------------------------


def test_controls_are_shown_escaped() -> None:
    assert safe_for_terminal(ATTACK) == "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202egnp.exe\\u2066x\\u2069\\r"
    assert safe_for_terminal("a\nb\tc") == "a\\nb\\tc"
    assert safe_lines_for_terminal("a\nb\tc\rd") == "a\nb\tc\\rd"
    # an undecodable byte of a file name (surrogateescape) is shown as the byte
    assert safe_for_terminal(b"caf\xe9.txt".decode("utf-8", "surrogateescape")) == "caf\\xe9.txt"
    # the text of any language, and the marks Arabic text uses, pass as they are
    plain = "l'Assemblée générale « 79/9 » الجمعية العامة\u200f 大会 Генеральная Ассамблея"
    assert safe_for_terminal(plain) == plain


# -- terminal: diff --format text ------------------------------------------------------------


@pytest.mark.parametrize("color", [False, True])
def test_terminal_report_escapes_every_field(color: bool) -> None:
    output = render_text(hostile_report(), color)
    assert ATTACK not in output
    assert safe_for_terminal(ATTACK) in output
    without_our_colours = re.sub(r"\x1b\[(?:0|1|2|31|32)m", "", output)
    assert not RAW.search(without_our_colours)
    if not color:
        assert ESC not in output


def _write_documents(tmp_path: Path, text: str) -> tuple[Path, Path]:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text((CASES / "diff-moved" / "old.md").read_text(encoding="utf-8"), encoding="utf-8")
    base = (CASES / "diff-moved" / "new.md").read_text(encoding="utf-8")
    new.write_text(base.replace("Takes note", f"Takes {text} note"), encoding="utf-8")
    return old, new


@pytest.mark.parametrize("color", ["never", "always"])
def test_diff_text_on_the_command_line(
    tmp_path: Path, color: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    old, new = _write_documents(tmp_path, f"{CSI}2J{RLO}x{ESC}[8m")
    status = main(["diff", str(old), str(new), "--color", color])
    captured = capsys.readouterr()
    without_our_colours = re.sub(r"\x1b\[(?:0|1|2|31|32)m", "", captured.out + captured.err)
    assert not RAW.search(without_our_colours)
    # the reader may refuse control characters (exit 2) or pass them on (exit 1): either way escaped
    assert status in (1, 2)
    if status == 1:
        assert "\\x9b2J\\u202ex\\x1b[8m" in captured.out


# -- terminal: convert --to text -------------------------------------------------------------


def test_convert_to_a_terminal_escapes_document_text(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, new = _write_documents(tmp_path, f"{CSI}2J{RLO}x")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status = main(["convert", str(new), "--to", "text"])
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert not RAW.search(out)
    if status == 0:
        assert "Takes \\x9b2J\\u202ex note" in out and out.count("\n") > 20  # lines stay lines


def test_convert_to_a_file_keeps_the_text_as_it_is(tmp_path: Path) -> None:
    _, new = _write_documents(tmp_path, f"{RLO}x")
    output = tmp_path / "out.txt"
    if main(["convert", str(new), "--to", "text", "-o", str(output)]) == 0:
        assert f"Takes {RLO}x note" in output.read_text(encoding="utf-8")


# -- terminal: error messages ------------------------------------------------------------------


def test_error_messages_escape_file_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / f"missing{ESC}]0;title\x07\nresodiff: all good{RLO}.md"
    assert main(["diff", str(name), str(name)]) == 2
    err = capsys.readouterr().err
    assert not RAW.search(err)
    assert err.count("\n") == 1 and err.startswith("resodiff: error: ")
    assert "missing\\x1b]0;title\\x07\\nresodiff: all good\\u202e.md" in err


# -- check --format text: a file name cannot forge a line ----------------------------------------


def test_check_text_output_keeps_one_line_per_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES / "diff-inserted-deleted"
    forged = "draft.md:1:1: E000 forged finding\nx.md"
    draft = tmp_path / forged
    shutil.copy(case / "new.md", draft)
    assert main(["check", str(draft), "--against", str(case / "old.md"), "--format", "text"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and lines[-1].startswith("5 finding(s)")
    escaped = str(draft).replace("\n", "\\n")
    assert all(line.startswith(f"{escaped}:") for line in lines[:-1])
    assert not any(line.startswith("x.md") for line in lines)


# -- the Markdown report ---------------------------------------------------------------------------


@pytest.mark.parametrize("parser", ["commonmark", "gfm"])
def test_markdown_turns_no_field_into_markup(parser: str) -> None:
    report = hostile_report()
    markdown = render_markdown(report)
    assert not RAW.search(markdown)
    engine = MarkdownIt("commonmark")
    if parser == "gfm":
        engine = engine.enable(["table", "strikethrough"])
    page = lxml_html.fragment_fromstring(engine.render(markdown), create_parent="div")
    assert not page.xpath("//img | //a | //code | //strong[not(parent::p[starts-with(., 'Substantive')])] | //s")
    assert not page.xpath("//em")
    changed = [c for c in report.changes if c.change_class is not None]
    assert len(page.xpath("//details")) == len(changed) and len(page.xpath("//summary")) == len(changed)
    for element in page.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")]
    if parser == "gfm":
        rows = page.xpath("//table//tr")
        assert rows and {len(row) for row in rows} == {8}  # a | in the text added no cell
    text = page.text_content()
    assert text.count(MARKUP) >= 4  # heading, title, summary labels, paragraphs
    assert safe_for_terminal(ATTACK).replace("\\r", "") in text


# -- the redline page ----------------------------------------------------------------------------


def test_page_isolates_bidirectional_text() -> None:
    page = render_html(hostile_report())
    tree = lxml_html.fromstring(page)
    assert RLO not in tree.findtext(".//title")
    isolated = 0
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        # text directly inside an element, and the text after it inside its parent
        for holder, text in ((element, element.text), (element.getparent(), element.tail)):
            if text and RLO in text:
                assert holder is not None and (holder.tag == "bdi" or holder.get("dir")), (holder, text[:40])
                assert holder.tag != "html"
                isolated += 1
    assert isolated > 20
