"""Paragraph-aware comparison: the engine (:mod:`.engine`) aligns (:mod:`.align`), compares
words (:mod:`.inline`) and classifies (:mod:`.classify`) into an immutable report (:mod:`.report`).

The names load on first use: the package itself is imported by ``import resodiff`` (see there).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import diff_resolutions
    from .report import Change, ChangeReport, Segment

_LAZY = {"diff_resolutions": ".engine", "Change": ".report", "ChangeReport": ".report", "Segment": ".report"}

__all__ = ["Change", "ChangeReport", "Segment", "diff_resolutions"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
