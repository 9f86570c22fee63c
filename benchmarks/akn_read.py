"""Benchmark rows for the Akoma Ntoso reader alone: every corpus file, AKN bytes → model.

Reading is what every command pays first; these rows keep it measured apart from writing and
validating, so that what the reader learns (markup variants, DGACM's metadata) has a visible cost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from resodiff.errors import ResodiffError
from resodiff.ingest import read_collection
from resodiff.ingest.akn import read_akn_collection

Row = tuple[str, str, str]
Timer = Callable[[Callable[[], object], int], float]


def _read_corpus(files: list[Path], contents: list[bytes]) -> int:
    parts = 0
    for path, data in zip(files, contents, strict=True):
        try:
            parts += len(read_akn_collection(data, file=str(path)))
        except ResodiffError:
            continue
    return parts


def akn_read_rows(corpus: Path, repeat: int, median_ms: Timer) -> list[Row]:
    """Median time to read every session file of the corpus from bytes already in memory
    (``median_ms`` is run.py's timer, passed in so that this module does not import run.py)."""
    files = sorted(corpus.glob("7*session/*/*.xml"))
    if not files:
        return [("corpus: AKN → model", "skipped", f"{corpus} absent")]
    contents = [path.read_bytes() for path in files]
    read_collection(files[0])  # imports and caches warmed outside the timing
    parts = _read_corpus(files, contents)
    elapsed = median_ms(lambda: _read_corpus(files, contents), repeat) / 1000
    return [
        (
            f"corpus {len(files)} files: AKN → model (read_akn_collection), 1 process",
            f"{elapsed:.2f} s",
            f"{parts} resolutions; {elapsed / len(files) * 1000:.2f} ms a file",
        )
    ]
