"""Every output of resodiff, by artefact and name (see :mod:`.registry`).

``RESOLUTIONS`` (akn, docx, json, text), ``PUBLICATIONS`` (akn, json), ``CHANGE_REPORTS`` (json,
markdown, text, html, docx), ``PART_REPORTS`` (the same, for publications compared part by part),
``HISTORIES`` (json, markdown, html, akn), ``PAIRING_INDEXES`` (json, html), ``FINDINGS`` (text,
json, github, sarif).
"""

from __future__ import annotations

from . import change_reports, findings, history, pairing, parts, resolutions, word  # noqa: F401  (they register)
from .registries import (
    CHANGE_REPORTS,
    FINDINGS,
    HISTORIES,
    PAIRING_INDEXES,
    PART_REPORTS,
    PUBLICATIONS,
    RESOLUTIONS,
)
from .registry import FunctionRenderer, Registry, Renderer, RenderOptions

__all__ = [
    "CHANGE_REPORTS",
    "FINDINGS",
    "HISTORIES",
    "PAIRING_INDEXES",
    "PART_REPORTS",
    "PUBLICATIONS",
    "RESOLUTIONS",
    "FunctionRenderer",
    "Registry",
    "RenderOptions",
    "Renderer",
]
