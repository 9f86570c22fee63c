"""Fuzz the readers for a while: ``python tests/fuzz/run.py --minutes 10 [--jobs N] [--seed S]``.

Each worker mutates the seeds at random (the same edits the Hypothesis tests draw) and runs
every input through :func:`tests.fuzz.exercise` with a time budget. An input that ends in
anything but a resolution or a ResodiffError, or that overruns the budget, is shrunk (pieces
cut out while it still fails the same way) and kept in ``tests/fuzz/crashes/`` as
``SEED--DIGEST``, which ``tests/test_fuzz.py`` replays. Prints what came out, by outcome.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from resodiff.errors import ResodiffError  # noqa: E402
from tests.fuzz import CRASHES, apply, exercise, random_mutations, seeds, warm_up  # noqa: E402


class Overrun(Exception):
    """An input took longer than its budget."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Overrun


def signature(data: bytes, name: str, budget: float) -> str | None:
    """None for a resolution or a ResodiffError; else what went wrong and where."""
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        exercise(data, name)
    except ResodiffError:
        return None
    except Overrun:
        return "overrun"
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def shrink(data: bytes, name: str, wanted: str, budget: float, seconds: float = 120) -> bytes:
    """Cut pieces out of ``data`` while it still fails as ``wanted`` (delta debugging, greedy),
    for at most ``seconds``."""
    end = time.monotonic() + seconds
    size = len(data) // 2
    while size >= 1:
        start = 0
        while start < len(data) and time.monotonic() < end:
            candidate = data[:start] + data[start + size :]
            if candidate and signature(candidate, name, budget) == wanted:
                data = candidate
            else:
                start += size
        size //= 2
    return data


def worker(seed: int, seconds: float, budget: float) -> tuple[Counter[str], dict[str, tuple[str, bytes]]]:
    signal.signal(signal.SIGALRM, _alarm)
    warm_up()
    rng = random.Random(seed)
    names = sorted(seeds())
    counts: Counter[str] = Counter()
    found: dict[str, tuple[str, bytes]] = {}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        name = rng.choice(names)
        data = apply(seeds()[name], random_mutations(rng))
        try:
            signal.setitimer(signal.ITIMER_REAL, budget)
            try:
                exercise(data, name)
                counts["resolution"] += 1
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except ResodiffError:
            counts["ResodiffError"] += 1
        except (Overrun, Exception):
            wanted = signature(data, name, budget)
            if wanted is None:  # failed once, not again (a budget overrun on a busy machine)
                counts["flaky"] += 1
                continue
            counts[f"crash: {wanted}"] += 1
            if wanted not in found:
                print(f"found {wanted} (from {name}), shrinking", file=sys.stderr, flush=True)
                found[wanted] = (name, shrink(data, name, wanted, budget))
    return counts, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--budget", type=float, default=10.0, help="seconds one input may take")
    args = parser.parse_args()
    print(f"fuzzing {args.minutes} min on {args.jobs} processes, seed {args.seed}", file=sys.stderr)
    seeds()  # built once here, inherited by the workers
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(worker, args.seed + job, args.minutes * 60, args.budget) for job in range(args.jobs)]
        results = [future.result() for future in futures]
    counts: Counter[str] = Counter()
    found: dict[str, tuple[str, bytes]] = {}
    for worker_counts, worker_found in results:
        counts.update(worker_counts)
        for wanted, case in worker_found.items():
            found.setdefault(wanted, case)
    total = sum(counts.values())
    print(f"{total:,} inputs")
    for outcome, count in counts.most_common():
        print(f"  {outcome}: {count:,} ({count / total:.1%})")
    CRASHES.mkdir(exist_ok=True)
    for wanted, (name, data) in sorted(found.items()):
        path = CRASHES / f"{name}--{hashlib.sha256(data).hexdigest()[:12]}"
        path.write_bytes(data)
        print(f"kept {path.relative_to(CRASHES.parent.parent.parent)} ({len(data)} bytes): {wanted}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
