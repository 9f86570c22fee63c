"""A series' history as JSON (``schemas/history.schema.json``), Markdown, HTML, and the newest
version as Akoma Ntoso with a ``lifecycle`` of the versions it descends from."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..languages import language_tag
from .registries import HISTORIES
from .registry import RenderOptions
from .templates import template

if TYPE_CHECKING:
    from ..history import History


def history_data(result: History) -> dict[str, object]:
    """The JSON contract (schemas/history.schema.json)."""
    return {
        "versions": [
            {
                "symbol": v.symbol,
                "language": v.language,
                "date": v.date,
                "work_iri": v.work_iri,
                "expression_iri": v.expression_iri,
                "source": v.source,
                "verdict": v.verdict,
            }
            for v in result.versions
        ],
        "lineage": [
            {
                "part": item.part,
                "position": item.position,
                "number": item.number,
                "introduced_in": item.introduced_in,
                "changed_in": list(item.changed_in),
            }
            for item in result.lineage
        ],
        **({"unreadable": [{"file": f, "error": e} for f, e in result.unreadable]} if result.unreadable else {}),
    }


def history_akn(result: History) -> bytes:
    """The newest version as Akoma Ntoso, with a lifecycle event for each version of the series."""
    from ..akn.writer import LifecycleEvent, to_akn_bytes  # lxml: loaded when AKN is written

    events = [LifecycleEvent(v.symbol, v.date, v.expression_iri) for v in result.versions]
    return to_akn_bytes(result.newest, events)


def history_markdown(result: History) -> str:
    """A series' timeline and paragraph lineage as Markdown."""
    lines = ["## Versions", "", "| symbol | date | against the previous |", "|---|---|---|"]
    lines += [f"| {v.symbol} | {v.date} | {v.verdict or '—'} |" for v in result.versions]
    lines += [
        "",
        "## Where each paragraph comes from",
        "",
        "| paragraph | introduced in | changed in |",
        "|---|---|---|",
    ]
    for item in result.lineage:
        label = f"{item.part} {item.number.strip() if item.number else '¶' + str(item.position)}"
        lines.append(f"| {label} | {item.introduced_in} | {', '.join(item.changed_in) or '—'} |")
    return "\n".join(lines) + "\n"


def history_html(result: History) -> str:
    """A series' timeline and paragraph lineage as one self-contained HTML page."""
    return template("history.html.j2").render(
        lang=language_tag(result.newest.meta.language),
        newest=result.newest.meta.symbol,
        versions=result.versions,
        lineage=result.lineage,
    )


@HISTORIES.renderer("json", media_type="application/json", suffix=".json", summary="schemas/history.schema.json")
def _json(result: History, options: RenderOptions) -> str:
    return json.dumps(history_data(result), ensure_ascii=False, indent=2) + "\n"


@HISTORIES.renderer("markdown", media_type="text/markdown", suffix=".md", summary="timeline and lineage tables")
def _markdown(result: History, options: RenderOptions) -> str:
    return history_markdown(result)


@HISTORIES.renderer("html", media_type="text/html", suffix=".html", summary="timeline and lineage as a page")
def _html(result: History, options: RenderOptions) -> str:
    return history_html(result)


@HISTORIES.renderer(
    "akn", media_type="application/akn+xml", suffix=".xml", summary="the newest version with its lifecycle"
)
def _akn(result: History, options: RenderOptions) -> bytes:
    return history_akn(result)
