"""Benchmark rows for the text reader: linear time on pathological punctuation, speed on a
large real pair, and memory on one huge line. Called from ``run.py``."""

from __future__ import annotations

import contextlib
import gc
import math
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import resodiff
from resodiff.diff.tokens import _key, token_columns, token_keys, tokenize
from resodiff.ingest.recognise import reference_from_href
from resodiff.model import Resolution
from resodiff.report.model_text import to_text
from resodiff.typography import normalize_typography

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pathological import CONTEXTS, FAMILIES, pathological  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ga" / "oic-series"
SIZES = (10_000, 160_000)  # the growth per doubling is taken over these four doublings
HUGE_LINE = 10_000_000

Row = tuple[str, str, str]


def cold_ms(action: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Median time with the text caches emptied first, so that repeats do the whole work."""
    times = []
    for _ in range(repeat):
        normalize_typography.cache_clear()
        reference_from_href.cache_clear()
        tokenize.cache_clear()
        token_columns.cache_clear()
        token_keys.cache_clear()
        _key.cache_clear()
        gc.collect()
        gc.disable()
        try:
            start = clock()
            action()
            times.append(clock() - start)
        finally:
            gc.enable()
    return statistics.median(times) * 1000


def _read(text: str) -> None:
    with contextlib.suppress(resodiff.ResodiffError):  # refusing is an answer too
        resodiff.read_text(text)


def pathological_rows(repeat: int) -> list[Row]:
    """One row per family: the slowest place at the largest size, and the growth per doubling
    from the smallest size to the largest (linear time gives ×2). Growth is taken on this
    process's CPU time, which other processes on the machine do not inflate."""
    rows: list[Row] = []
    doublings = math.log2(SIZES[-1] / SIZES[0])
    for family in FAMILIES:
        slowest = (0.0, "")
        growth = 0.0
        for context in CONTEXTS:
            texts = [pathological(family, context, size) for size in SIZES]
            small, large = (cold_ms(partial(_read, text), repeat, time.process_time) for text in (texts[0], texts[-1]))
            growth = max(growth, (large / max(small, 0.5)) ** (1 / doublings))
            slowest = max(slowest, (cold_ms(partial(_read, texts[-1]), repeat), context))
        rows.append(
            (
                f"read {SIZES[-1] // 1000} KB of {FAMILIES[family]!r} ({family}), slowest of {len(CONTEXTS)} places",
                f"{slowest[0]:.0f} ms",
                f"in a {slowest[1]}; growth per doubling ×{growth:.2f} (target ≤ 2.3)",
            )
        )
    return rows


def pair_rows(repeat: int, scaled: Callable[[Resolution, int], Resolution]) -> list[Row]:
    """The reader on the text form of the 77/18 → 79/9 pair, repeated as the diff rows do."""
    old_path, new_path = CORPUS / "A_RES_77_18-2226540E.xml", CORPUS / "A_RES_79_9-2421657E.xml"
    if not old_path.exists():
        return [("text reader on the 77/18 → 79/9 pair", "skipped", f"{old_path} absent")]
    old, new = resodiff.read(old_path), resodiff.read(new_path)
    rows: list[Row] = []
    previous: float | None = None
    growth: list[float] = []
    for copies in (1, 2, 4, 8, 16):
        text = to_text(scaled(new, copies))
        elapsed = cold_ms(lambda text=text: resodiff.read_text(text), repeat)
        if previous is not None:
            growth.append(elapsed / previous)
        previous = elapsed
    rows.append(
        (
            f"read the 79/9 text form ×1 → ×16 ({len(text.encode()) // 1024} KB)",
            f"{previous:.0f} ms",
            f"growth per doubling ×{min(growth):.2f}–×{max(growth):.2f}",
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, resolution in (("old", old), ("new", new)):
            path = Path(folder) / f"{name}.txt"
            path.write_text(to_text(scaled(resolution, 19)), encoding="utf-8")
            paths.append(path)
        size = sum(path.stat().st_size for path in paths) // 1024
        read_ms = cold_ms(lambda: [resodiff.read(path) for path in paths], repeat)
        both_ms = cold_ms(lambda: resodiff.diff(*paths), repeat)
    rows.append((f"read the ×19 text pair ({size} KB, 2,185 ¶)", f"{read_ms:.0f} ms", ""))
    rows.append(
        (
            "resodiff.diff(paths) on the ×19 text pair: read + diff, in process",
            f"{both_ms:.0f} ms",
            f"reading {read_ms / both_ms:.0%}; target < 250 ms",
        )
    )
    return rows


def huge_line_rows() -> list[Row]:
    """One paragraph on a single 10 MB line, plain and dense with markup: time, and peak
    memory against the input."""
    rows: list[Row] = []
    for kind, unit in (
        ("plain words", "Decides that the words of the Assembly stay as they are, "),
        ("markup, references, dates", "Decides that the *words* of the Assembly, in resolution 77/18 of 1 May 2024; "),
    ):
        text = CONTEXTS["paragraph"].replace("RUN", (unit * (HUGE_LINE // len(unit) + 1))[:HUGE_LINE])
        elapsed = cold_ms(lambda text=text: resodiff.read_text(text), 1)
        normalize_typography.cache_clear()
        tracemalloc.start()
        try:
            resodiff.read_text(text)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        rows.append(
            (
                f"read one {HUGE_LINE // 1_000_000} MB line ({kind})",
                f"{elapsed / 1000:.1f} s",
                f"peak memory {peak / 1e6:.0f} MB, ×{peak / len(text):.1f} the input",
            )
        )
    return rows


def reader_rows(repeat: int, scaled: Callable[[Resolution, int], Resolution]) -> list[Row]:
    return pathological_rows(min(repeat, 3)) + pair_rows(repeat, scaled) + huge_line_rows()
