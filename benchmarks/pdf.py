"""Benchmark rows for the PDF reader: the seed printed as the UN prints it (6 pages) and a
resolution with ten times its operative part (about 30 pages), by each producer of ``tests/pdfgen.py``, read
into the model; beside them the text and Akoma Ntoso readers on the same resolution, the share
of the time that the glyphs alone take (``ingest/pdfglyphs.py``) and the time pdfminer's own
parser and layout device take to give them (``extract_pages`` without layout analysis), and a
whole ``resodiff convert`` of the printed seed, start-up and imports included.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pdfminer.high_level import extract_pages

import resodiff
from resodiff.ingest import read_bytes
from resodiff.ingest.pdf import read_pdf
from resodiff.ingest.pdfglyphs import page_glyphs
from resodiff.model import Resolution

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.pdfgen import PRODUCERS, available, make_pdfs  # noqa: E402

Row = tuple[str, str, str]
Timer = Callable[[Callable[[], object], int], float]


def _longer(resolution: Resolution, times: int) -> Resolution:
    """The resolution with its operative part repeated, numbered on."""
    operative = tuple(
        replace(paragraph, num=f"{index}.")
        for index, paragraph in enumerate((p for _ in range(times) for p in resolution.operative), start=1)
    )
    return replace(resolution, operative=operative)


def _pages(data: bytes) -> int:
    return sum(1 for _ in page_glyphs(data, None))


def _glyphs_only(data: bytes) -> int:
    return sum(len(glyphs) for _, _, glyphs in page_glyphs(data, None))


def _pdfminers_own(path: Path) -> int:
    return sum(1 for page in extract_pages(path, laparams=None) for _ in page)


def _process_ms(command: list[str], repeat: int) -> float:
    """Median wall time of a whole process, with the bytecode a first run leaves."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=environment)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _cold_rows(pdf: Path, producer: str, repeat: int) -> list[Row]:
    python = _process_ms([sys.executable, "-c", "pass"], repeat)
    imports = _process_ms(
        [sys.executable, "-c", "import pdfminer.pdfinterp, pdfminer.pdfdocument, pdfminer.pdfpage"], repeat
    )
    out = pdf.with_suffix(".txt")
    command = [sys.executable, "-m", "resodiff", "convert", str(pdf), "--to", "text", "-o", str(out)]
    return [
        (
            f"`resodiff convert` of the seed's PDF ({producer}), a whole process",
            f"{_process_ms(command, repeat):.0f} ms",
            f"Python start-up {python:.0f} ms, pdfminer's imports {imports - python:.0f} ms",
        )
    ]


def pdf_rows(seed: Path, akn: Path, repeat: int, median_ms: Timer) -> list[Row]:
    """Median times to read the printed seed and a longer resolution (``median_ms`` is run.py's
    timer, passed in so that this module does not import run.py)."""
    rows: list[Row] = []
    text = seed.read_bytes()
    resolution = resodiff.read(seed)
    rows.append(
        (
            "seed: text → model (read)",
            f"{median_ms(lambda: read_bytes(text), repeat):.1f} ms",
            "the reader PDF hands its text to",
        )
    )
    if akn.exists():
        xml = akn.read_bytes()
        rows.append(
            ("79/9 (fr): AKN → model", f"{median_ms(lambda: read_bytes(xml), repeat):.1f} ms", "the same resolution")
        )
    producers = [producer for producer in PRODUCERS if available(producer)]
    if not producers:
        return [*rows, ("PDF → model", "skipped", "neither LibreOffice nor WeasyPrint is here")]
    with tempfile.TemporaryDirectory(prefix="resodiff-bench-pdf-") as work:
        for producer in producers:
            documents = [
                (resolution, Path(work) / f"{producer}-seed.pdf"),
                (_longer(resolution, 10), Path(work) / f"{producer}-x10.pdf"),
            ]
            make_pdfs(producer, documents)
            per_page = []
            for _, path in documents:
                data = path.read_bytes()
                read_pdf(data)  # imports warmed outside the timing
                pages = _pages(data)
                total = median_ms(lambda data=data: read_pdf(data), repeat)
                glyphs = median_ms(lambda data=data: _glyphs_only(data), repeat)
                theirs = median_ms(lambda path=path: _pdfminers_own(path), max(3, repeat // 2))
                per_page.append(total / pages)
                rows.append(
                    (
                        f"PDF → model, {pages} pages ({producer})",
                        f"{total:.0f} ms",
                        f"{total / pages:.0f} ms a page; the glyphs alone {glyphs:.0f} ms "
                        f"({100 * glyphs / total:.0f} %), pdfminer's own parser and device {theirs:.0f} ms",
                    )
                )
            rows.append(
                (
                    f"PDF growth ({producer})",
                    f"× {per_page[1] / per_page[0]:.2f}",
                    "time a page, the long one against the seed",
                )
            )
        rows += _cold_rows(Path(work) / f"{producers[0]}-seed.pdf", producers[0], max(5, repeat // 2))
    return rows
