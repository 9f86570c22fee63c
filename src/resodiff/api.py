"""The public Python API: functions that take paths as well as models.

Kept apart from the engine so that the diff stage does not depend on the readers (data flows
one way: ``ingest`` → ``model`` → ``diff``); this module sits on top and joins them.
"""

from __future__ import annotations

from pathlib import Path

from .diff import ChangeReport, diff_resolutions
from .ingest import read
from .model import Resolution


def diff(old: Resolution | str | Path, new: Resolution | str | Path) -> ChangeReport:
    """Compare two versions, given as models or as paths to files in any readable form."""
    old_model = old if isinstance(old, Resolution) else read(old)
    new_model = new if isinstance(new, Resolution) else read(new)
    return diff_resolutions(old_model, new_model)


__all__ = ["diff"]
