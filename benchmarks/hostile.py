"""Benchmark rows for hostile input, line by line: the text reader on millions-of-markers
documents (one kind of line repeated, 1× → 8×) and the AKN reader on many paragraphs, each with
its growth per doubling (linear gives ×2), and the heading join that was quadratic, its two
strategies side by side. Called from ``run.py``; ``tests/test_hostile.py`` holds the refusals."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from reader import cold_ms  # benchmarks/ is on the path when run.py runs

import resodiff
from resodiff.akn import to_akn_bytes
from resodiff.ingest import read_bytes
from resodiff.ingest.recognise import merge_runs
from resodiff.model import Inline, Text

Row = tuple[str, str, str]

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_94d00cddfaaae410.txt"

_HEAD = "79/1. Title\n\nThe General Assembly,\n\n"
#: one kind of line, repeated: what a generated or damaged file holds by the million (consecutive
#: headings are the reader's "heading lines" family: ``reader.pathological_rows``)
LINES: dict[str, Callable[[int], str]] = {
    "numbered paragraphs 'N. x'": lambda n: _HEAD + "".join(f"{i}. x\n" for i in range(1, n + 1)),
    "'1.' repeated": lambda n: _HEAD + "1.\n" * n,
    "sub-paragraphs '(a) x;'": lambda n: _HEAD + "1. Decides:\n" + "(a) x;\n" * n,
    "footnote definitions '¹ x'": lambda n: _HEAD + "1. Decides¹.\n" + "¹ x\n" * n,
    "preambular paragraphs, blank lines between": lambda n: _HEAD + "Recalling x,\n\n" * n,
}


def _cpu_ms(action: Callable[[], object]) -> float:
    """This process's CPU time for one run, the caches emptied (other sessions on the machine
    do not count); refusing is an answer too."""

    def answered() -> None:
        with contextlib.suppress(resodiff.ResodiffError):
            action()

    return cold_ms(answered, 1, time.process_time)


def _growth(times: list[float]) -> float:
    """Per doubling, the sizes doubling from one to the next."""
    return (times[-1] / max(times[0], 0.5)) ** (1 / (len(times) - 1))


def _line_rows(sizes: tuple[int, ...]) -> list[Row]:
    rows: list[Row] = []
    for name, make in LINES.items():
        times = [_cpu_ms(partial(resodiff.read_text, make(n))) for n in sizes]
        rows.append(
            (
                f"read {sizes[-1]:,} lines of {name}",
                f"{times[-1]:.0f} ms",
                f"growth per doubling ×{_growth(times):.2f} from {sizes[0]:,} lines (target ≤ 2.3)",
            )
        )
    return rows


def _akn_rows(sizes: tuple[int, ...]) -> list[Row]:
    seed = to_akn_bytes(resodiff.read(SEED))

    def document(n: int) -> bytes:
        paragraph = b'<paragraph eId="para_x%d"><num>%d.</num><content><p>Decides.</p></content></paragraph>'
        return seed.replace(b"</mainBody>", b"".join(paragraph % (i, i) for i in range(n)) + b"</mainBody>")

    times = [_cpu_ms(partial(read_bytes, document(n))) for n in sizes]
    return [
        (
            f"read AKN with {sizes[-1]:,} paragraphs",
            f"{times[-1]:.0f} ms",
            f"growth per doubling ×{_growth(times):.2f} from {sizes[0]:,} (target ≤ 2.3)",
        )
    ]


def _heading_join_rows(sizes: tuple[int, ...]) -> list[Row]:
    """Consecutive headings of one level are one heading: their runs joined at each heading
    (before: quadratic) or once, when a paragraph reads them (now)."""

    def at_each(n: int) -> None:
        heading: tuple[Inline, ...] = (Text("I"),)
        for _ in range(n - 1):
            heading = merge_runs((*heading, Text("\n"), Text("I")))

    def once(n: int) -> None:
        runs: list[Inline] = [Text("I")]
        for _ in range(n - 1):
            runs += (Text("\n"), Text("I"))
        merge_runs(runs)

    before = [_cpu_ms(lambda n=n: at_each(n)) for n in sizes]
    now = [_cpu_ms(lambda n=n: once(n)) for n in sizes]
    return [
        (
            f"join {sizes[-1]:,} consecutive headings once (the reader now)",
            f"{now[-1]:.1f} ms",
            f"growth ×{_growth(now):.2f}; joined at each heading (before): {before[-1]:.0f} ms, "
            f"growth ×{_growth(before):.2f}",
        )
    ]


def _pdf_lexer_rows(sizes: tuple[int, ...]) -> list[Row]:
    """A content stream that ends in white space (it was lexed again from each byte, quadratic),
    our lexer beside pdfminer's own on the same bytes."""
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psexceptions import PSEOF

    from resodiff.ingest.pdfglyphs import _operations

    def pdfminer(data: bytes) -> None:
        parser = PDFContentParser([PDFStream({}, data)])
        with contextlib.suppress(PSEOF):
            while True:
                parser.nextobject()

    streams = [b"0 0 m " + b" " * n for n in sizes]
    ours = [_cpu_ms(partial(_operations, data)) for data in streams]
    theirs = [_cpu_ms(partial(pdfminer, data)) for data in streams]
    return [
        (
            f"PDF content stream ending in {sizes[-1] // 1000:,} KB of spaces, our lexer",
            f"{ours[-1]:.0f} ms",
            f"growth ×{_growth(ours):.2f} (before: 40 KB took 57 s, ×3.5); pdfminer's lexer "
            f"{theirs[-1]:.0f} ms, growth ×{_growth(theirs):.2f}",
        )
    ]


def hostile_rows(quick: bool) -> list[Row]:
    lines = (5_000, 10_000, 20_000, 40_000) if quick else (10_000, 20_000, 40_000, 80_000)
    return (
        _line_rows(lines)
        + _akn_rows((2_500, 5_000, 10_000, 20_000))
        + _heading_join_rows((1_000, 2_000, 4_000))
        + _pdf_lexer_rows((250_000, 500_000, 1_000_000, 2_000_000))
    )
