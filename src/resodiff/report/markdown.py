"""The change report as Markdown for a pull-request comment: a summary, then every changed
paragraph in a collapsible ``<details>`` block with its word-level changes.

Deleted and inserted words are inline HTML, ``<del>`` and ``<ins>``, which CommonMark and GitHub
render as elements wherever they stand: ``~~`` and ``**`` are delimiters only where the
characters around them allow (``2018**, 75/16**`` stays literal asterisks, ``~~ and~~`` is no
strikethrough), and an edit's own spaces cannot stand inside them. An element keeps the edit's
text as it is, spaces included, so the words around it stay apart in both versions. Document
text, metadata read from the files included (symbols, numbers, titles), is escaped: it renders
as the text it is and never as Markdown or HTML. The whole report stays within GitHub's comment
limit; paragraphs that do not fit are counted in a closing line that points to the full report.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from ..diff.report import KINDS, Change, ChangeReport, Segment, UnitChange
from ..escape import markdown_line, markdown_text, safe_for_terminal
from ..languages import report_labels
from .labels import change_kind, change_place, change_reason, shows_text

COMMENT_LIMIT = 65_536
"""The most characters GitHub accepts in the body of a comment."""

_TAGS = {"insert": "ins", "delete": "del"}
_FIELD_LIMIT = 300  # characters of a symbol or a title in the summary; the paragraphs are never cut


def _field(text: str) -> str:
    return text if len(text) <= _FIELD_LIMIT else text[: _FIELD_LIMIT - 1] + "…"


def _html(text: str) -> str:
    """Text inside an HTML block (``<summary>``), where Markdown is not read but HTML is."""
    return html.escape(safe_for_terminal(text), quote=False)


def inline_redline(segments: tuple[Segment, ...]) -> str:
    """The segments as one line of Markdown: unchanged text, ``<del>`` and ``<ins>``."""
    out = []
    for segment in segments:
        text = markdown_text(segment.text)
        tag = _TAGS.get(segment.op)
        out.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return markdown_line("".join(out)).rstrip(" ")


def _units(label: str, units: tuple[UnitChange, ...], words: Mapping[str, str]) -> list[str]:
    return [
        f"- {label} {markdown_text(unit.new_label or unit.old_label or '')}, {words['kind.' + unit.kind]}: "
        + inline_redline(unit.segments)
        for unit in units
        if unit.kind != "unchanged"
    ]


def _details(change: Change, words: Mapping[str, str]) -> str:
    place = change_place(change, words)
    kind, change_class = change_kind(change, words), words[f"class.{change.change_class}"]
    lines = [
        "<details>",
        f"<summary>{_html(place[0].upper() + place[1:])}: {kind}, {change_class}</summary>",
        "",
    ]
    if reason := change_reason(change, words, markdown_text):
        lines += [markdown_line(reason), ""]
    if shows_text(change):
        lines += [inline_redline(change.segments), ""]
    units = _units(words["unit.item"], change.items, words) + _units(words["unit.footnote"], change.footnotes, words)
    if units:
        lines += [*units, ""]
    lines.append("</details>")
    return "\n".join(lines) + "\n\n"


def _summary(report: ChangeReport, words: Mapping[str, str]) -> str:
    summary = report.summary
    old, new = report.old, report.new
    symbols = f"{markdown_text(_field(old.symbol))} → {markdown_text(_field(new.symbol))}"
    lines = [f"## resodiff: {symbols} ({markdown_text(new.language)})", ""]
    titles = [markdown_text(_field(title)) for title in dict.fromkeys((old.title, new.title)) if title]
    if titles:
        lines += [markdown_line(" → ".join(titles)), ""]
    lines += [
        f"**{words['verdict.' + summary.verdict]}**: "
        + words["md.summary"].format(
            substantive=summary.substantive,
            technical=summary.technical,
            renumbered=summary.renumbered,
            formatting_only=summary.formatting_only,
        ),
        "",
        f"| {words['report.part']} | " + " | ".join(words[f"kind.{kind}"] for kind in KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for part, kinds in summary.counts:
        lines.append(f"| {words['row.' + part]} | " + " | ".join(str(count) for _, count in kinds) + " |")
    if report.section_changes:
        lines += ["", words["report.changed_headings"], ""]
        lines += [f"- {markdown_text(s.old)} → {markdown_text(s.new)}" for s in report.section_changes]
    return "\n".join(lines) + "\n\n"


def _truncation(shown: int, total: int, words: Mapping[str, str]) -> str:
    return words["md.truncated"].format(hidden=total - shown, total=total, limit=f"{COMMENT_LIMIT:,}") + "\n"


def render_markdown(report: ChangeReport, *, limit: int = COMMENT_LIMIT) -> str:
    """The report as Markdown of at most ``limit`` characters."""
    words = report_labels(report.new.language)
    changed = [c for c in report.changes if c.change_class is not None]
    head = _summary(report, words)
    if changed:
        head += f"### {words['report.changes']} ({len(changed)})\n\n"
    blocks = [_details(change, words) for change in changed]
    # the room left for paragraphs if some must go: the closing line counts against the limit
    room = limit - len(head) - len(_truncation(len(blocks), len(blocks), words))
    if len(head) + sum(map(len, blocks)) <= limit:
        return (head + "".join(blocks)).rstrip("\n") + "\n"
    shown = 0
    while shown < len(blocks) and len(blocks[shown]) <= room:
        room -= len(blocks[shown])
        shown += 1
    return head + "".join(blocks[:shown]) + _truncation(shown, len(blocks), words)
