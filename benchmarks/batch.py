"""Commands over many files (validate, check, convert) on one process and on all cores, run as a
user runs them (the command line, in a subprocess): wall time, and whether the outputs agree."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

Row = tuple[str, str, str]
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"


def _run(arguments: list[str], output: Path | None) -> tuple[float, str]:
    """Wall time of one command and a digest of all it printed and wrote."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "resodiff", *arguments], capture_output=True, env=environment, check=False
    )
    elapsed = time.perf_counter() - start
    digest = hashlib.sha256(done.stdout + str(done.returncode).encode())
    if output is not None:
        for path in sorted(output.iterdir()):
            digest.update(path.name.encode() + path.read_bytes())
    return elapsed, digest.hexdigest()


def _one_resolution(data: bytes) -> bool:
    return b"<documentCollection" not in data and data.count(b"<preamble>") <= 1


def batch_rows(quick: bool) -> list[Row]:
    files = sorted(str(p) for p in CORPUS.glob("7*session/*/*.xml"))
    if not files:
        return [("validate/check/convert over many files", "skipped", f"{CORPUS} absent")]
    if quick:
        files = files[:200]
    cores = os.cpu_count() or 1
    rows = []
    # convert takes one resolution per file: not the multi-part publications, nor the file with
    # two preambles, which it refuses (and then, rightly, writes nothing at all)
    single = [f for f in files if _one_resolution(Path(f).read_bytes())]
    commands = {
        f"validate, {len(files)}": ["validate", "-q", *files],
        f"check, {len(files)}": ["check", "--format", "json", *files],
        f"convert → AKN, {len(single)}": ["convert", *single, "-o"],
    }
    for name, arguments in commands.items():
        times, digests = [], set()
        for jobs in sorted({1, cores}):
            with tempfile.TemporaryDirectory() as folder:
                output = Path(folder) / "out" if name.startswith("convert") else None
                command = arguments + ([str(output)] if output else []) + ["--jobs", str(jobs)]
                elapsed, digest = _run(command, output)
            times.append(f"{elapsed:.1f} s")
            digests.add(digest)
        same = "same output" if len(digests) == 1 else "OUTPUTS DIFFER"
        rows.append(
            (
                f"{name} corpus files, 1 / {cores} processes",
                " / ".join(times),
                f"command line, wall time; {same}",
            )
        )
    return rows
