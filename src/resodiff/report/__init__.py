"""Change-report renderers, by format name. Each reads a :class:`ChangeReport` and returns text;
none changes the report (it is immutable)."""

from __future__ import annotations

from collections.abc import Callable

from ..diff.report import ChangeReport
from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .text import render_text

Renderer = Callable[[ChangeReport, bool], str]

RENDERERS: dict[str, Renderer] = {
    "json": lambda report, color: render_json(report),
    "markdown": lambda report, color: render_markdown(report),
    "text": render_text,
    "html": lambda report, color: render_html(report),
}

__all__ = ["RENDERERS", "Renderer", "render_html", "render_json", "render_markdown", "render_text"]
