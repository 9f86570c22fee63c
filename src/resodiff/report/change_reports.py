"""The change report's renderers: JSON (the public contract), Markdown, terminal text, HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .registries import CHANGE_REPORTS
from .registry import RenderOptions

if TYPE_CHECKING:
    from ..diff.report import ChangeReport

# each renderer imports its module when it renders: a command that writes one format (or
# none: `check` only lists the choices) does not pay for the others


@CHANGE_REPORTS.renderer(
    "json", media_type="application/json", suffix=".json", summary="the public contract (schemas/change-report)"
)
def _json(report: ChangeReport, options: RenderOptions) -> str:
    from .json import render_json

    return render_json(report)


@CHANGE_REPORTS.renderer(
    "markdown", media_type="text/markdown", suffix=".md", summary="a pull-request comment: summary, then each change"
)
def _markdown(report: ChangeReport, options: RenderOptions) -> str:
    from .markdown import render_markdown

    return render_markdown(report)


@CHANGE_REPORTS.renderer(
    "text", media_type="text/plain", suffix=".txt", summary="for terminals: [-deleted-] {+inserted+}, coloured"
)
def _text(report: ChangeReport, options: RenderOptions) -> str:
    from .text import render_text

    return render_text(report, options.color)


@CHANGE_REPORTS.renderer(
    "html", media_type="text/html", suffix=".html", summary="the redline page, one self-contained file"
)
def _html(report: ChangeReport, options: RenderOptions) -> str:
    from .html import render_html

    return render_html(report)
