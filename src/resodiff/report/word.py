"""The Word renderers: a change report as a Word redline, two multi-part publications compared
part by part as one, and one resolution as a Word document (:mod:`.docx` writes them; it is
loaded when a Word file is written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .registries import CHANGE_REPORTS, PART_REPORTS, RESOLUTIONS
from .registry import RenderOptions

if TYPE_CHECKING:
    from ..diff.parts import PartsReport
    from ..diff.report import ChangeReport
    from ..model import Resolution

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@CHANGE_REPORTS.renderer(
    "docx", media_type=MEDIA_TYPE, suffix=".docx", summary="the new version in Word, the changes tracked"
)
def _redline(report: ChangeReport, options: RenderOptions) -> bytes:
    from .docx import render_docx

    return render_docx(report)


@PART_REPORTS.renderer(
    "docx",
    media_type=MEDIA_TYPE,
    suffix=".docx",
    summary="one Word document: each part's redline on its own pages, the changes tracked",
)
def _parts_redline(report: PartsReport, options: RenderOptions) -> bytes:
    from .docx import render_parts_docx

    return render_parts_docx(report)


@RESOLUTIONS.renderer("docx", media_type=MEDIA_TYPE, suffix=".docx", summary="a Word document, as printed")
def _document(resolution: Resolution, options: RenderOptions) -> bytes:
    from ..diff import diff_resolutions
    from .docx import render_docx

    # a redline without changes is the document itself: one writer for both
    return render_docx(diff_resolutions(resolution, resolution))
