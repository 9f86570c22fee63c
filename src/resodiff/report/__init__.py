"""Every output of resodiff, by artefact and name (see :mod:`.registry`).

``RESOLUTIONS`` (akn, json, text), ``PUBLICATIONS`` (akn, json), ``CHANGE_REPORTS`` (json, markdown, text, html),
``HISTORIES`` (json, markdown, html, akn), ``PAIRING_INDEXES`` (json, html).
"""

from __future__ import annotations

from . import change_reports, history, pairing, parts, resolutions  # noqa: F401  (they register)
from .registries import CHANGE_REPORTS, HISTORIES, PAIRING_INDEXES, PART_REPORTS, PUBLICATIONS, RESOLUTIONS
from .registry import FunctionRenderer, Registry, Renderer, RenderOptions

__all__ = [
    "CHANGE_REPORTS",
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
