"""Benchmark rows for the Word redline: the OIC pair (77/18 → 79/9) written as a DOCX with its
changes tracked, beside the redline page (HTML) of the same report, and the plain DOCX of one
resolution. The goal is under 100 ms for the pair (issue 11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.report import CHANGE_REPORTS, RESOLUTIONS

Row = tuple[str, str, str]
Timer = Callable[[Callable[[], object], int], float]


def docx_write_rows(oic: Path, repeat: int, median_ms: Timer) -> list[Row]:
    """Median times to render the pair's change report as DOCX and as HTML, in each language
    of the pair that is present (``median_ms`` is run.py's timer, passed in)."""
    rows: list[Row] = []
    for language, letter in (("en", "E"), ("fr", "F"), ("ar", "A")):
        old_path, new_path = oic / f"A_RES_77_18-2226540{letter}.xml", oic / f"A_RES_79_9-2421657{letter}.xml"
        if not (old_path.is_file() and new_path.is_file()):
            rows.append((f"DOCX redline, OIC pair ({language})", "skipped", f"{oic} absent"))
            continue
        old, new = resodiff.read(old_path), resodiff.read(new_path)
        report = diff_resolutions(old, new)
        size = len(CHANGE_REPORTS.render("docx", report)) // 1024
        docx = median_ms(lambda report=report: CHANGE_REPORTS.render("docx", report), repeat)  # type: ignore[misc]
        html = median_ms(lambda report=report: CHANGE_REPORTS.render("html", report), repeat)  # type: ignore[misc]
        plain = median_ms(lambda new=new: RESOLUTIONS.render("docx", new), repeat)  # type: ignore[misc]
        rows += [
            (f"DOCX redline 77/18 → 79/9 ({language}), from the report", f"{docx:.1f} ms", f"{size} KB; goal < 100 ms"),
            ("  the same report as the redline page (HTML)", f"{html:.1f} ms", "side by side"),
            (f"  79/9 ({language}) as a plain DOCX (diff with itself + write)", f"{plain:.1f} ms", ""),
        ]
    return rows
