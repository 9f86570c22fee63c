"""resodiff: read, convert and compare the texts of United Nations resolutions.

The names below load on first use, so that ``import resodiff`` (and the command line's start-up)
pays for no stage it does not run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import diff as _diff_stage  # noqa: F401  (first, so that ``diff`` below stays the function)
from ._version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .diff.report import Change, ChangeReport, Segment
    from .errors import ResodiffError
    from .history import History, history
    from .ingest import read, read_akn, read_text
    from .model import Resolution
    from .typography import normalize_typography

_LAZY = {
    "Change": ".diff.report",
    "ChangeReport": ".diff.report",
    "History": ".history",
    "ResodiffError": ".errors",
    "Resolution": ".model",
    "Segment": ".diff.report",
    "history": ".history",
    "normalize_typography": ".typography",
    "read": ".ingest",
    "read_akn": ".ingest",
    "read_text": ".ingest",
}

__all__ = [
    "Change",
    "ChangeReport",
    "History",
    "ResodiffError",
    "Resolution",
    "Segment",
    "__version__",
    "diff",
    "history",
    "normalize_typography",
    "read",
    "read_akn",
    "read_text",
]


def diff(old: Resolution | str | Path, new: Resolution | str | Path) -> ChangeReport:
    """Compare two versions, given as models or as paths to files in any readable form.

    The subpackage :mod:`resodiff.diff` has the same name: it is imported above, before this
    function is defined, so that importing it later never replaces the function."""
    from .api import diff as compare

    return compare(old, new)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'resodiff' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
