"""Diff time and peak memory as documents grow, on repetitive and on normal text.

Each size runs in a process of its own, so that one size's memory does not count towards the
next; a size over the time or memory limit is reported as such and larger ones are skipped.

    .venv/bin/python benchmarks/growth.py CASE PARAGRAPHS    (one measurement, printed as JSON)
"""

from __future__ import annotations

import gc
import json
import math
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.model import Paragraph, Resolution, Text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_94d00cddfaaae410.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga" / "oic-series"
OLD_PAIR = CORPUS / "A_RES_77_18-2226540E.xml"
NEW_PAIR = CORPUS / "A_RES_79_9-2421657E.xml"

SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
QUICK_SIZES = (1_000, 2_000, 5_000)
TIME_LIMIT = 300  # seconds for one size, building and diffing
MEMORY_LIMIT = 8 << 30  # address space of one size's process
CASES = {
    "identical": "identical paragraphs",
    "one-word": "identical paragraphs, one word changed in each",
    "normal": "77/18 → 79/9 repeated, each copy marked",
}

Row = tuple[str, str, str]


def _template() -> Paragraph:
    """A 72-word operative paragraph of the seed, the paragraph every repetitive case repeats."""
    return resodiff.read(SEED).operative[3]


def _operative(template: Paragraph, texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(replace(template, num=f"{k + 1}.", content=(Text(text),)) for k, text in enumerate(texts))


def _repetitive(case: str, paragraphs: int) -> tuple[Resolution, Resolution]:
    template = _template()
    seed = resodiff.read(SEED)
    words = template.text.split(" ")
    old_texts = [template.text] * paragraphs
    if case == "identical":
        new_texts = old_texts
    else:
        # which word changes moves along the paragraph, so that the new side repeats too
        new_texts = [
            " ".join([*words[: k % len(words)], "amended", *words[k % len(words) + 1 :]]) for k in range(paragraphs)
        ]
    old = replace(seed, preamble=(), operative=_operative(template, old_texts), annexes=())
    new = replace(seed, preamble=(), operative=_operative(template, new_texts), annexes=())
    return old, new


def _scaled(resolution: Resolution, copies: int) -> Resolution:
    """The resolution repeated ``copies`` times, each copy's paragraphs marked as its own."""

    def mark(paragraphs: tuple[Paragraph, ...], copy: int) -> tuple[Paragraph, ...]:
        return tuple(replace(p, content=(Text(f"[{copy}] "), *p.content)) for p in paragraphs)

    return replace(
        resolution,
        preamble=tuple(p for k in range(copies) for p in mark(resolution.preamble, k)),
        operative=tuple(p for k in range(copies) for p in mark(resolution.operative, k)),
    )


def _inputs(case: str, paragraphs: int) -> tuple[Resolution, Resolution]:
    if case != "normal":
        return _repetitive(case, paragraphs)
    old, new = resodiff.read(OLD_PAIR), resodiff.read(NEW_PAIR)
    copies = max(1, round(paragraphs / len(old.paragraphs())))
    return _scaled(old, copies), _scaled(new, copies)


def measure(case: str, paragraphs: int) -> dict[str, float]:
    """One diff of ``paragraphs`` old paragraphs: processor and wall seconds, and the peak
    resident memory of the whole process (MB), inputs included (with the garbage collector
    paused, whatever cycles the diff makes count too)."""
    old, new = _inputs(case, paragraphs)
    gc.collect()
    gc.disable()  # paused while timing, as timeit and the other rows do
    start, start_cpu = time.perf_counter(), time.process_time()
    diff_resolutions(old, new)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start
    gc.enable()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"paragraphs": len(old.paragraphs()), "cpu": cpu, "wall": wall, "peak_mb": peak}


def _run_child(case: str, paragraphs: int) -> dict[str, float] | str:
    try:
        done = subprocess.run(
            [sys.executable, __file__, case, str(paragraphs)],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"over {TIME_LIMIT} s"
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return "out of memory" if "MemoryError" in last else f"failed: {last}"
    result: dict[str, float] = json.loads(done.stdout)
    return result


def growth_rows(quick: bool) -> list[Row]:
    """Per case and size: diff time, peak memory and growth per doubling of the document.

    Times are processor seconds of the diff (wall seconds in the note): on a shared machine
    they measure the work, where wall time also measures the neighbours. Growth per doubling
    between sizes n₁ < n₂ is (t₂ / t₁) ^ (1 / log₂(n₂ / n₁)): 2 is linear, 4 quadratic.
    Targets: at most 2.3 per doubling, 50,000 paragraphs under 60 s and 1 GB.
    """
    rows: list[Row] = []
    for case, label in CASES.items():
        if case == "normal" and not OLD_PAIR.exists():
            rows.append((f"growth: {label}", "skipped", f"{OLD_PAIR} absent"))
            continue
        previous: dict[str, float] | None = None
        for paragraphs in QUICK_SIZES if quick else SIZES:
            result = _run_child(case, paragraphs)
            if isinstance(result, str):
                rows.append((f"growth: {label}, {paragraphs:,} ¶", result, "larger sizes skipped"))
                break
            notes = [f"wall {result['wall']:.2f} s", f"peak {result['peak_mb']:.0f} MB"]
            if previous is not None:
                doublings = math.log2(result["paragraphs"] / previous["paragraphs"])
                per_doubling = (result["cpu"] / previous["cpu"]) ** (1 / doublings)
                notes.append(f"×{per_doubling:.2f} per doubling (target ≤ 2.3)")
            if paragraphs == SIZES[-1]:
                notes.append("target < 60 s, < 1 GB")
            rows.append(
                (
                    f"growth: {label}, {int(result['paragraphs']):,} ¶",
                    f"{result['cpu']:.2f} s",
                    "; ".join(notes),
                )
            )
            previous = result
    return rows


def _child(case: str, paragraphs: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    print(json.dumps(measure(case, paragraphs)))


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
