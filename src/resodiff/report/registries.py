"""One registry of renderers per artefact. The built-in renderers register themselves in the
modules that ``resodiff.report`` imports; anyone else registers the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .registry import Registry

if TYPE_CHECKING:
    from ..diff.parts import PartsReport
    from ..diff.report import ChangeReport
    from ..history import History
    from ..lint import CheckResult
    from ..model import Publication, Resolution

RESOLUTIONS: Registry[Resolution] = Registry("resolution")
"""A resolution's model written out: ``akn``, ``docx``, ``json``, ``text`` (``resodiff convert --to``)."""
PUBLICATIONS: Registry[Publication] = Registry("multi-part publication")
"""A multi-part publication written whole: ``akn``, ``json`` (``resodiff convert`` of such a file);
a form without a renderer here is written one file per part (``--split``)."""
CHANGE_REPORTS: Registry[ChangeReport] = Registry("change report")
"""A change report: ``json``, ``markdown``, ``text``, ``html``, ``docx`` (``resodiff diff --format``)."""
PART_REPORTS: Registry[PartsReport] = Registry("multi-part change report")
"""Two multi-part publications compared part by part: ``json``, ``markdown``, ``text``, ``html``
(``resodiff diff`` of two such files)."""
HISTORIES: Registry[History] = Registry("history")
"""A series' history: ``json``, ``markdown``, ``html``, and ``akn`` (``resodiff history``)."""
PAIRING_INDEXES: Registry[dict[str, Any]] = Registry("pairing index")
"""The index of a session's pairing (``resodiff.pairing.pair_sessions``'s result): ``json``, ``html``."""
#: what ``check`` found over its files
FINDINGS: Registry[CheckResult] = Registry("check findings")
