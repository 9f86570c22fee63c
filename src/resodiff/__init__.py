"""resodiff: read, convert and compare the texts of United Nations resolutions."""

from __future__ import annotations

from .diff import diff
from .diff.report import Change, ChangeReport, Segment
from .errors import ResodiffError
from .history import History, history
from .ingest import read, read_akn, read_text
from .model import Resolution
from .typography import normalize_typography

__version__ = "0.1.0"

__all__ = [
    "Change",
    "ChangeReport",
    "History",
    "ResodiffError",
    "Segment",
    "diff",
    "history",
    "Resolution",
    "normalize_typography",
    "read",
    "read_akn",
    "read_text",
    "__version__",
]
