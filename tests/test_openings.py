"""Opening phrases: the lists mined from DGACM's Akoma Ntoso (tools/opening_phrases.py), how a
paragraph's opening is found in them, and the reports that set it in italics where the text
(a PDF conversion's) does not.

Corpus expectations hold shares and counts only, never the UN's text.
"""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from lxml import html as lxml_html

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.languages import language, supported_languages, with_italic_opening
from resodiff.model import Footnote, Text
from resodiff.report.docx import render_docx
from resodiff.report.html import render_html

from .conftest import CORPUS, FIXTURES, ROOT, SEED, needs_corpus

PREDECESSOR = FIXTURES / "fr-illustrative-predecessor-of-79-9.md"
LANGUAGES = ROOT / "src" / "resodiff" / "data" / "languages"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("opening_phrases", ROOT / "tools" / "opening_phrases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the lists ---------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("code", supported_languages())
def test_language_file_agrees_with_the_corpus(code: str) -> None:
    """``python tools/opening_phrases.py`` rewrites a file whose openings have drifted."""
    tool = _tool()
    path = LANGUAGES / f"{code}.json"
    current = path.read_text(encoding="utf-8")
    assert tool.dumps(tool.regenerate(json.loads(current), CORPUS)) == current


@needs_corpus
@pytest.mark.parametrize("code", sorted(_tool().COVERAGE))
def test_lists_mined_from_session_77_hold_session_79s_openings(code: str) -> None:
    tool = _tool()
    lists = json.loads((LANGUAGES / f"{code}.json").read_text(encoding="utf-8"))["openings"]
    for part, (total, listed) in tool.coverage(CORPUS, code, lists).items():
        assert total > 4000 and listed / total > 0.9, (part, listed, total)


def test_six_languages_have_lists_but_chinese_printed_without_italics() -> None:
    for code in ("ara", "eng", "fra", "rus", "spa"):
        found = language(code)
        assert found is not None
        assert found.opening_phrases("preamble") and found.opening_phrases("operative"), code
        assert found.opening_phrases("annex") == (), code
    chinese = language("zho")
    assert chinese is not None and chinese.opening_phrases("preamble") == ()
    assert chinese.opening_end("回顾其各项决议", "preamble") == 0


@pytest.mark.parametrize(
    ("code", "part", "text", "opening"),
    [
        ("fra", "preamble", "Rappelant également sa résolution", "Rappelant également"),
        ("fra", "preamble", "Rappelant sa résolution", "Rappelant"),
        ("fra", "preamble", "  rappelant\u00a0ÉGALEMENT, sa résolution", "  rappelant\u00a0ÉGALEMENT"),
        ("fra", "preamble", "Prenant note avec satisfaction du rapport", "Prenant note avec satisfaction"),
        ("fra", "preamble", "Ayant à l\u2019esprit que", "Ayant à l\u2019esprit"),
        ("fra", "operative", "Rappelant également sa résolution", ""),
        ("eng", "preamble", "Taking note with appreciation of", "Taking note with appreciation"),
        ("eng", "preamble", "Recalling further its resolutions", "Recalling further"),
        ("eng", "preamble", "Recallings", ""),
        ("eng", "operative", "Decides to", "Decides"),
        ("eng", "preamble", "", ""),
        ("ara", "preamble", "وإذ تلاحظ أيضا أن", "وإذ تلاحظ أيضا"),
        ("rus", "preamble", "Отмечая также, что", "Отмечая также"),
        ("spa", "preamble", "Observando con aprecio que", "Observando con aprecio"),
    ],
)
def test_the_longest_listed_opening_is_found(code: str, part: str, text: str, opening: str) -> None:
    found = language(code)
    assert found is not None
    assert text[: found.opening_end(text, part)] == opening


def test_the_opening_is_set_in_italics_across_runs_and_only_where_none_is_marked() -> None:
    french = language("fra")
    note = Footnote("1", (Text("Note."),))
    plain = (Text("Prenant note "), Text("avec satisfaction", bold=True), note, Text(" du rapport"))
    assert with_italic_opening(plain, french, "preamble") == (
        Text("Prenant note ", italic=True),
        Text("avec satisfaction", italic=True, bold=True),
        note,
        Text(" du rapport"),
    )
    marked = (Text("Prenant note", italic=True), Text(" avec satisfaction du rapport"))
    assert with_italic_opening(marked, french, "preamble") == marked
    assert with_italic_opening(plain, None, "preamble") == plain
    assert with_italic_opening(plain, french, "annex") == plain


# -- the reports ----------------------------------------------------------------------------------


def _seed_pair(edit: tuple[str, str] = ("", "")) -> Any:
    """The illustrative predecessor and the seed, both with ``edit`` made to their text."""
    old, new = (path.read_text(encoding="utf-8").replace(*edit) for path in (PREDECESSOR, SEED))
    return diff_resolutions(resodiff.read_text(old, file=PREDECESSOR.name), resodiff.read_text(new, file=SEED.name))


def _openings(page: str) -> list[str | None]:
    """Per paragraph of the page's inline view, the italic run it opens with (None: it opens
    with none)."""
    tree = lxml_html.fromstring(page)
    found: list[str | None] = []
    for text in tree.xpath("//section[@class='inline']//article/div[@class='text']"):
        first = text.xpath("./i[1]")
        found.append(first[0].text_content() if first and not (text.text or "").strip() else None)
    return found


def test_seed_pairs_redline_page_has_the_preambular_openings_in_italics() -> None:
    report = _seed_pair()
    # the seed (a PDF conversion) marks its operative verbs but none of its preambular openings
    assert not any(p.opening for p in (*report.documents[0].preamble, *report.documents[1].preamble))
    openings = _openings(render_html(report))
    for phrase in ("Rappelant", "Rappelant également", "Prenant note avec satisfaction", "Ayant examiné", "Prie"):
        assert phrase in openings, phrase
    preamble = sum(change.part == "preamble" for change in report.changes)
    assert None not in openings[:preamble], openings[:preamble]


def test_a_paragraph_that_marks_its_opening_keeps_exactly_its_own() -> None:
    edit = ("Rappelant également sa résolution [3369", "*Rappelant* également sa résolution [3369")
    report = _seed_pair(edit)
    openings = _openings(render_html(report))
    assert "Rappelant également" not in openings
    assert openings.count("Rappelant") == 1 + _openings(render_html(_seed_pair())).count("Rappelant")


def _italic_runs(docx: bytes) -> list[str]:
    document = ET.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return [
        "".join(t.text or "" for t in run.iter(f"{_W}t"))
        for run in document.iter(f"{_W}r")
        if run.find(f"{_W}rPr/{_W}i") is not None
    ]


def test_seed_pairs_word_redline_has_the_openings_in_italics() -> None:
    italic = _italic_runs(render_docx(_seed_pair()))
    for phrase in ("Rappelant", "Rappelant également", "Prenant note avec satisfaction", "Ayant examiné", "Prie"):
        assert phrase in italic, phrase
    kept = _italic_runs(
        render_docx(
            _seed_pair(("Rappelant également sa résolution [3369", "*Rappelant* également sa résolution [3369"))
        )
    )
    assert "Rappelant également" not in kept
