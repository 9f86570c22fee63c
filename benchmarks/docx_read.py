"""Benchmark rows for Word drafts in: the OIC pair (77/18 → 79/9, English) written as ``.docx`` by
the tests' generator and read back, beside the same resolutions read from Akoma Ntoso and from
the seed's text form (issue 11's goal: under 100 ms a file).

The drafts are written once, outside the timing; each row reads bytes already in memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from resodiff.ingest import read_akn, read_docx, read_text
from resodiff.report import RESOLUTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.docx_drafts import draft_of, insert, write_docx  # noqa: E402

Row = tuple[str, str, str]
Timer = Callable[[Callable[[], object], int], float]
Cold = Callable[[Callable[[], object]], Callable[[], object]]
PAIR = ("A_RES_77_18-2226540E.xml", "A_RES_79_9-2421657E.xml")


def _rows(name: str, akn: bytes, repeat: int, median_ms: Timer, cold: Cold) -> list[Row]:
    resolution = read_akn(akn, file=name)
    text = RESOLUTIONS.render("text", resolution).decode("utf-8")
    draft = draft_of(resolution, as_draft=False)
    docx = write_docx(draft)
    # the same draft with a tracked insertion in every operative paragraph: the record of who
    # changed what, and the views' joins, cost what they cost
    for para in draft.paras:
        if para.level == 0 and para.segs:
            insert(para, para.segs[-1].text[-1:] or " ", " (revised)")
    tracked = write_docx(draft)
    readers: tuple[tuple[str, Callable[[], object]], ...] = (
        ("AKN → model (read_akn)", lambda: read_akn(akn, file=name)),
        ("text → model (read_text)", lambda: read_text(text, file=name)),
        ("DOCX → model (read_docx)", lambda: read_docx(docx, file=name)),
        ("DOCX, tracked changes → model, accepted", lambda: read_docx(tracked, file=name)),
        ("DOCX, tracked changes → model, rejected", lambda: read_docx(tracked, file=name, changes="reject")),
    )
    rows: list[Row] = []
    where = f"{resolution.meta.symbol} ({len(resolution.all_paragraphs())} ¶)"
    for label, action in readers:
        action()  # imports and caches warmed outside the timing
        elapsed = median_ms(cold(action), repeat)
        size = f"{len(tracked if 'tracked' in label else docx):,} bytes of DOCX" if "DOCX" in label else ""
        rows.append((f"{where}: {label}", f"{elapsed:.1f} ms", size))
    return rows


def docx_read_rows(oic: Path, repeat: int, median_ms: Timer, cold: Cold) -> list[Row]:
    """Median times to read each of the OIC pair from AKN, text and DOCX bytes (``median_ms`` and
    ``cold`` are run.py's timer and cache-emptier, passed in so that this module does not import
    run.py)."""
    if not all((oic / name).exists() for name in PAIR):
        return [("OIC pair: DOCX → model", "skipped", f"{oic} absent")]
    return [row for name in PAIR for row in _rows(name, (oic / name).read_bytes(), repeat, median_ms, cold)]
