"""Benchmark rows of ``resodiff check``: the rules over the seed, the command end to end with
the interpreter's start-up, and the corpus on one and two processes (called from run.py)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import resodiff
from resodiff.lint.config import Config
from resodiff.lint.run import Options, check_paths, check_resolution

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_94d00cddfaaae410.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"

Row = tuple[str, str, str]


def _process_ms(command: list[str], repeat: int) -> float:
    """Median wall time of a whole process, start-up included, as a user's machine runs it: with
    the compiled bytecode that the first run leaves (a shell that sets PYTHONDONTWRITEBYTECODE
    would time the compiler instead)."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=False, capture_output=True, env=environment)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, env=environment)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def check_rows(repeat: int, median_ms: Callable[[Callable[[], object]], float]) -> list[Row]:
    seed = resodiff.read(SEED)
    text = SEED.read_text(encoding="utf-8")
    check_resolution(seed, str(SEED), Config())
    one = median_ms(partial(check_resolution, seed, str(SEED), Config()))
    both = median_ms(lambda: check_resolution(resodiff.read_text(text), str(SEED), Config()))
    runs = max(5, repeat // 2)
    python = _process_ms([sys.executable, "-c", "pass"], runs)
    imported = _process_ms([sys.executable, "-c", "import resodiff.cli"], runs)
    command = _process_ms([sys.executable, "-m", "resodiff", "check", str(SEED)], runs)
    rows = [
        ("check: all rules over the seed (model in memory)", f"{one:.1f} ms", ""),
        ("check: read the seed + all rules", f"{both:.1f} ms", ""),
        (
            "check: `resodiff check SEED`, a whole process",
            f"{command:.0f} ms",
            f"Python start-up {python:.0f} ms, import resodiff.cli {imported - python:.0f} ms; target < 100 ms",
        ),
    ]
    files = sorted(str(p) for p in CORPUS.glob("7*session/*/*.xml"))
    if files:
        options = Options(skip_non_resolutions=True)
        for jobs in sorted({1, 2, os.cpu_count() or 1}):
            start = time.perf_counter()
            results = check_paths(files, Config(), options=options, jobs=jobs)
            seconds = time.perf_counter() - start
            errors = sum(1 for r in results for f in r.findings if f.severity == "error")
            rows.append(
                (
                    f"check: the corpus ({len(files)} files, part by part), {jobs} process(es)",
                    f"{seconds:.1f} s",
                    f"{errors} error findings (documented); target < 20 s on 2" if jobs == 2 else "",
                )
            )
    return rows
