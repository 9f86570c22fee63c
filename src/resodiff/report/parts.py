"""Multi-part publications compared part by part, written out: JSON (the contract of
``schemas/parts-report.schema.json``: each part's change report as ``change-report`` writes it),
terminal text and Markdown (a summary of the parts, then one section per part, as the one-part
renderers write it), and HTML (an index page of the parts that links to each part's redline page,
written beside it as ``STEM-A.html``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import ResodiffError
from ..escape import markdown_line, markdown_text, safe_for_terminal, without_bidi_controls
from ..files import part_file
from ..languages import language, language_or_fallback, language_tag, report_labels
from .registries import CHANGE_REPORTS, PART_REPORTS
from .registry import RenderOptions
from .templates import template

if TYPE_CHECKING:
    from ..diff.parts import PartComparison, PartsReport
    from ..diff.report import DocumentInfo

SCHEMA_ID = "https://resodiff.readthedocs.io/schemas/parts-report/1.0.json"
#: the formats whose output links to each compared part's own report (a change report in the same
#: format), written beside it as ``STEM-A`` + suffix
PAGES_BESIDE = frozenset({"html"})


def _document(info: DocumentInfo | None) -> dict[str, Any] | None:
    """A part's side, or None where the part is on the other side only."""
    from .json import document_data  # each format's module loads when it renders

    return None if info is None else document_data(info)


def parts_data(report: PartsReport) -> dict[str, Any]:
    """The JSON contract's data (``schemas/parts-report.schema.json``)."""
    from .json import report_data

    return {
        "$schema": SCHEMA_ID,
        "old": _document(report.old),
        "new": _document(report.new),
        "verdict": report.verdict,
        "parts": [
            {
                "part": part.letter,
                "kind": part.kind,
                "verdict": part.verdict,
                "old": _document(part.old),
                "new": _document(part.new),
                "report": report_data(part.report) if part.report is not None else None,
            }
            for part in report.parts
        ],
    }


def _one_side(part: PartComparison, words: Mapping[str, str]) -> str:
    """What a part on one side only is called: ``only in the new version: A/RES/79/259 C, title``."""
    info = part.new or part.old
    assert info is not None  # a part is on one side at least
    where = words["parts.only_new"] if part.kind == "inserted" else words["parts.only_old"]
    return f"{where}: {info.symbol}, {info.title}"


@PART_REPORTS.renderer(
    "json",
    media_type="application/json",
    suffix=".json",
    summary="the public contract (schemas/parts-report): each part's change report",
)
def render_parts_json(report: PartsReport, options: RenderOptions) -> str:
    """The comparison as JSON text, following the contract."""
    return json.dumps(parts_data(report), ensure_ascii=False, indent=2) + "\n"


@PART_REPORTS.renderer(
    "text", media_type="text/plain", suffix=".txt", summary="for terminals: the parts, then each part's report"
)
def render_parts_text(report: PartsReport, options: RenderOptions) -> str:
    """For terminals: each part's verdict, then each compared part's report as ``diff`` prints one."""
    from .text import render_text

    words = report_labels(report.new.language)
    safe = safe_for_terminal
    verdict = words[f"verdict_word.{report.verdict}"]
    lines = [f"{safe(report.old.symbol)} → {safe(report.new.symbol)} [{safe(report.new.language)}]: {verdict}"]
    for part in report.parts:
        name = words["parts.part"].format(letter=safe(part.letter))
        shown = words[f"verdict_word.{part.verdict}"] if part.report is not None else safe(_one_side(part, words))
        lines.append(f"  {name}: {shown}")
    sections = ["\n".join(lines) + "\n"]
    for part in report.parts:
        if part.report is not None:
            heading = f"== {words['parts.part'].format(letter=safe(part.letter))} =="
            sections.append(f"{heading}\n{render_text(part.report, options.color)}")
    return "\n".join(sections)


@PART_REPORTS.renderer(
    "markdown",
    media_type="text/markdown",
    suffix=".md",
    summary="a pull-request comment: the parts, then each part's summary and changes",
)
def render_parts_markdown(report: PartsReport, options: RenderOptions) -> str:
    """A pull-request comment: a table of the parts, then each compared part's report, all within
    GitHub's comment limit (each part gets an equal share of it)."""
    from .markdown import COMMENT_LIMIT, render_markdown

    words = report_labels(report.new.language)
    symbols = f"{markdown_text(report.old.symbol)} → {markdown_text(report.new.symbol)}"
    lines = [
        f"## resodiff: {symbols} ({markdown_text(report.new.language)})",
        "",
        f"**{words['verdict.' + report.verdict]}**",
        "",
        f"| {words['parts.column']} | {words['parts.verdict']} |",
        "|---|---|",
    ]
    for part in report.parts:
        shown = words[f"verdict.{part.verdict}"] if part.report is not None else _one_side(part, words)
        lines.append(f"| {markdown_text(part.letter)} | {markdown_line(markdown_text(shown))} |")
    head = "\n".join(lines) + "\n\n"
    compared = [part.report for part in report.parts if part.report is not None]
    # the comment limit is shared: each part's report gets an equal share of what is left
    room = (COMMENT_LIMIT - len(head)) // max(len(compared), 1)
    return (head + "\n".join(render_markdown(part, limit=room) for part in compared)).rstrip("\n") + "\n"


@PART_REPORTS.renderer(
    "html",
    media_type="text/html",
    suffix=".html",
    summary="an index page of the parts, linking each part's redline page (OUTPUT-A.html ...)",
)
def render_parts_html(report: PartsReport, options: RenderOptions) -> str:
    """The index page; each compared part's redline page is ``{options.stem}-{letter}.html``."""
    words = report_labels(report.new.language)
    stem = options.stem or "report"
    rows = [
        {
            "name": words["parts.part"].format(letter=part.letter),
            "verdict": words[f"verdict.{part.verdict}"],
            "symbols": " → ".join(info.symbol for info in (part.old, part.new) if info is not None),
            "page": quote(f"{stem}-{part.letter}.html") if part.report is not None else None,
            "one_side": _one_side(part, words) if part.report is None else None,
        }
        for part in report.parts
    ]
    new_language = language_or_fallback(report.new.language)
    return template("parts-index.html.j2").render(
        lang=language_tag(report.new.language),
        dir=new_language.direction if language(report.new.language) else "ltr",
        old=report.old,
        new=report.new,
        verdict=words[f"verdict.{report.verdict}"],
        # the one place where markup cannot isolate document text (<bdi> everywhere else)
        page_title=without_bidi_controls(f"resodiff: {report.old.symbol} → {report.new.symbol}"),
        rows=rows,
        words=words,
    )


def part_pages(name: str, report: PartsReport, output: str | None) -> list[tuple[str, bytes]]:
    """The files written beside ``output`` in this format: each compared part's own report
    (``report-A.html``), where the format links to them; none for the others."""
    if name not in PAGES_BESIDE:
        return []
    if output in (None, "-"):
        raise ResodiffError(
            f"a multi-part publication's {name} report is a page per part and an index: give -o FILE "
            f"(the parts go to FILE-A{PART_REPORTS[name].suffix} ...)"
        )
    assert output is not None
    return [
        (part_file(output, part.letter), CHANGE_REPORTS.render(name, part.report))
        for part in report.parts
        if part.report is not None
    ]
