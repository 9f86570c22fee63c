"""The Markdown report as CommonMark and GitHub read it: rendered with markdown-it-py, every deleted
and inserted piece is an element, both versions' words can be read back from the HTML with their
spaces, nothing in the document turns into markup, and the report fits in a GitHub comment."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.diff.report import ChangeReport, Segment, rebuild
from resodiff.languages import report_labels
from resodiff.model import Text
from resodiff.report.markdown import COMMENT_LIMIT, inline_redline, render_markdown

from .conftest import CASES, OIC, needs_corpus

# CommonMark as written, and with GitHub's tables and strikethrough (GitHub renders <ins>/<del>)
PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    "gfm": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
}


def rendered(markdown: str, parser: str = "gfm") -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(PARSERS[parser].render(markdown), create_parent="div")


def side(element: lxml_html.HtmlElement, drop: str) -> str:
    """The text of ``element`` without its ``drop`` elements (``del`` gives the new version)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != drop:
            parts.append(side(child, drop))
        parts.append(child.tail or "")
    return "".join(parts)


def words(text: str) -> str:
    return " ".join(text.split())


def edits(report: ChangeReport) -> list[Segment]:
    found = []
    for change in report.changes:
        for segments in (change.segments, *(u.segments for u in change.items + change.footnotes)):
            found += [s for s in segments if s.op != "equal"]
    return found


def case_report(name: str) -> ChangeReport:
    case = CASES / name
    old = resodiff.read_text((case / "old.md").read_text(encoding="utf-8"), file=f"{name}/old.md")
    new = resodiff.read_text((case / "new.md").read_text(encoding="utf-8"), file=f"{name}/new.md")
    return diff_resolutions(old, new)


# Words, spaces and everything Markdown or HTML would read as markup.
PIECES = st.sampled_from(
    ["word", "2018", " ", "  ", ", ", "**", "*", "~~", "_", "`", "|", "<details>", "</ins>", "<img src=x>", "&amp;"]
    + ["![x](http://e.org/x.png)", "[a](b)", "\\", "# ", "- ", "1. ", "> ", "---", "<!--", "http://e.org", "«", "ع"]
)
SEGMENTS = st.lists(
    st.tuples(st.sampled_from(["equal", "insert", "delete"]), st.lists(PIECES, min_size=1, max_size=6).map("".join)),
    min_size=1,
    max_size=8,
).map(lambda pairs: tuple(Segment(op, text) for op, text in pairs))  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(SEGMENTS, st.sampled_from(sorted(PARSERS)))
def test_each_edit_is_an_element_and_both_versions_read_back(segments: tuple[Segment, ...], parser: str) -> None:
    assume(any(s.op != "equal" or s.text.strip() for s in segments))  # spaces alone make no paragraph
    html = rendered(inline_redline(segments), parser)
    assert len(html) == 1 and html[0].tag == "p", lxml_html.tostring(html)
    paragraph = html[0]
    assert [(e.tag, words(e.text_content())) for e in paragraph] == [
        ("ins" if s.op == "insert" else "del", words(s.text)) for s in segments if s.op != "equal"
    ]
    assert words(side(paragraph, "del")) == words(rebuild(segments, "new"))
    assert words(side(paragraph, "ins")) == words(rebuild(segments, "old"))


def test_spaces_around_edits_are_kept() -> None:
    """The examples of the issue: no word glued to an edit, no literal delimiter left."""
    segments = (
        Segment("equal", "resolution 76/254"),
        Segment("insert", " of 15 March 2022"),
        Segment("equal", ", sponsored by l'Organisation"),
        Segment("insert", " de la coopération"),
        Segment("equal", " 73/135 of 13 December 2018"),
        Segment("insert", ", 75/16 of 23 November 2020"),
        Segment("equal", " at its forty-fifth"),
        Segment("delete", ", forty-sixth"),
        Segment("equal", " sessions"),
    )
    paragraph = rendered(inline_redline(segments))[0]
    text = paragraph.text_content()
    assert "76/254 of 15 March" in text and "l'Organisation de la" in text
    assert "**" not in text and "~~" not in text
    assert [e.text for e in paragraph] == [s.text for s in segments if s.op != "equal"]


def test_summary_first_then_one_block_per_change() -> None:
    report = case_report("diff-technical")
    markdown = render_markdown(report)
    html = rendered(markdown)
    changed = [c for c in report.changes if c.change_class is not None]
    assert html[0].tag == "h2" and html.xpath("//table")
    blocks = html.xpath("./details")
    assert len(blocks) == len(changed) == 5
    assert all(block.xpath("./summary") for block in blocks)
    assert markdown.index("| part |") < markdown.index("<details>")


@needs_corpus
@pytest.mark.parametrize("suffix", ["E", "F", "A"])
@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_oic_pair_renders_every_edit_as_an_element(suffix: str, parser: str) -> None:
    """Acceptance (issue 14): the real pair in English, French and Arabic."""
    report = resodiff.diff(OIC / f"A_RES_77_18-2226540{suffix}.xml", OIC / f"A_RES_79_9-2421657{suffix}.xml")
    markdown = render_markdown(report)
    html = rendered(markdown, parser)
    expected = edits(report)
    found = html.xpath("//ins | //del")
    assert len(expected) > 40
    assert [(e.tag, words(e.text_content())) for e in found] == [
        ("ins" if s.op == "insert" else "del", words(s.text)) for s in expected
    ]
    text = html.text_content()
    assert "**" not in text and "~~" not in text
    assert len(html.xpath("//details")) == sum(1 for c in report.changes if c.change_class is not None)
    changed = [c for c in report.changes if c.change_class is not None]
    why = report_labels(report.new.language)["report.why"]
    for change, block in zip(changed, html.xpath("//details"), strict=True):
        reason = block.xpath("./p[1]")
        assert change.reason is not None and reason and reason[0].text_content().startswith(why)
    shown = [c for c in changed if c.text_changed or c.kind != "modified"]
    paragraphs = [p for block in html.xpath("//details") for p in block.xpath("./p[position() > 1]")]
    assert len(paragraphs) == len(shown)
    for change, paragraph in zip(shown, paragraphs, strict=True):
        assert words(side(paragraph, "del")) == words(rebuild(change.segments, "new"))
        # unchanged words are shown as the new version prints them: the old side may differ in
        # its spaces only (a date cut at a line end, "حزيران/ يونيه"), which is no content
        assert "".join(side(paragraph, "ins").split()) == "".join(rebuild(change.segments, "old").split())


def _long_report(copies: int) -> ChangeReport:
    """diff-technical with every paragraph repeated ``copies`` times, each copy made unique."""
    old, new = (
        resodiff.read_text((CASES / "diff-technical" / name).read_text(encoding="utf-8"))
        for name in ("old.md", "new.md")
    )

    def repeated(resolution: resodiff.Resolution) -> resodiff.Resolution:
        def copy(paragraphs: tuple[resodiff.Paragraph, ...]) -> tuple[resodiff.Paragraph, ...]:
            return tuple(replace(p, content=(Text(f"[{k}] "), *p.content)) for k in range(copies) for p in paragraphs)

        return replace(resolution, preamble=copy(resolution.preamble), operative=copy(resolution.operative))

    return diff_resolutions(repeated(old), repeated(new))


def test_a_long_report_stays_within_the_comment_limit() -> None:
    report = _long_report(60)
    changed = sum(1 for c in report.changes if c.change_class is not None)
    markdown = render_markdown(report)
    assert COMMENT_LIMIT == 65_536
    assert COMMENT_LIMIT - 2_000 < len(markdown) <= COMMENT_LIMIT
    found = re.search(r"\*\*Truncated\*\*: (\d+) of (\d+) changed paragraphs are not shown", markdown)
    assert found and int(found.group(2)) == changed
    html = rendered(markdown)
    assert len(html.xpath("//details")) == changed - int(found.group(1)) > 0
    assert "see the full report" in html.xpath("./p")[-1].text_content()


@pytest.mark.parametrize("limit", [2_000, 5_000, 12_000])
def test_truncation_counts_what_it_leaves_out(limit: int) -> None:
    report = _long_report(10)
    markdown = render_markdown(report, limit=limit)
    assert len(markdown) <= limit
    found = re.search(r"(\d+) of (\d+) changed paragraphs are not shown", markdown)
    assert found
    assert markdown.count("<details>") == markdown.count("</details>") == int(found.group(2)) - int(found.group(1))


def test_a_report_that_fits_is_not_truncated() -> None:
    markdown = render_markdown(case_report("diff-moved-edited"))
    assert "Truncated" not in markdown and markdown.endswith("</details>\n")


def test_case_reports_render_under_both_parsers() -> None:
    for case in sorted(Path(CASES).glob("diff-*")):
        report = case_report(case.name)
        for parser in PARSERS:
            html = rendered(render_markdown(report), parser)
            assert [(e.tag, words(e.text_content())) for e in html.xpath("//ins | //del")] == [
                ("ins" if s.op == "insert" else "del", words(s.text)) for s in edits(report)
            ], case.name
