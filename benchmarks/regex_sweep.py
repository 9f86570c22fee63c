"""Every regular expression resodiff holds, on runs of one character or unit it might meet in a
hostile file, each at three sizes: the growth per doubling of the slowest run (linear gives ×2,
a backtracking pattern ×4 or more). A pattern the source only ever ``match``es is timed matching
at the run's start; any other (searched, found all, split, or handed on) is timed searching,
which tries every start. The reader's hostile rows (``hostile.py``) time whole documents; this
finds a pattern that would be quadratic before a document makes it so.

    python benchmarks/regex_sweep.py        # every pattern over the threshold, one line each

``run.py`` prints the summary row and one row per pattern over the threshold.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import resodiff
from resodiff.languages import language, supported_languages

Row = tuple[str, str, str]

#: what a damaged or generated file repeats: white space of every kind, letters, digits, the
#: punctuation of markers, labels and Markdown, and the units a marker or label is made of
UNITS = (" ", "\u00a0", "\t", "\n", "a", "A", "é", "1", ".", ",", ";", "-", "(", ")", "*", "_", "^")
UNITS += ("/", "[", "<", "¹", "a ", "1.", "(a)", "^1", "**", " .", "\n\n", "I.", "\u0627", "\u4e00")
#: characters that end a run without matching what came before, so a pattern has to give up
TAIL = "\x00"
SIZES = (1_000, 2_000, 4_000)
#: per doubling; linear is 2, and timing noise at these sizes stays well under 3
SUPERLINEAR = 3.0
#: a run slower than this at any size is not timed at the larger ones: it is reported as is
BUDGET_S = 0.05
_METHOD_CALL = r"\b{}\.(\w+)\("


def _patterns_in(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield name, value
    elif depth > 3:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, field.name), f"{name}.{field.name}", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif isinstance(value, tuple | list | frozenset):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{index}]", depth + 1)


def _named_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module_info in pkgutil.walk_packages(resodiff.__path__, "resodiff."):
        if module_info.name.endswith("__main__"):  # running it is the command line
            continue
        module = importlib.import_module(module_info.name)
        for attribute, value in vars(module).items():
            yield from _patterns_in(value, f"{module_info.name}.{attribute}", 2)
    for code in supported_languages():
        yield from _patterns_in(language(code), f"language[{code}]")


def patterns() -> dict[str, re.Pattern[str]]:
    """Module-level patterns of every module and every pattern in the language records, by name
    (one name per distinct pattern)."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    for name, pattern in _named_patterns():
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            found[name] = pattern
    return found


def _matched_only(attribute: str, sources: str) -> bool:
    """Whether the package's source only ever calls ``match`` or ``fullmatch`` on the pattern
    named so (a language record's patterns are passed around: searched, as far as we know)."""
    calls = re.findall(_METHOD_CALL.format(re.escape(attribute)), sources)
    handed_on = len(re.findall(rf"\b{re.escape(attribute)}\b", sources)) > 1 + len(calls)
    return bool(calls) and set(calls) <= {"match", "fullmatch"} and not handed_on


def _seconds(run: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
        if best > BUDGET_S:
            break
    return best


def _growth(run: Callable[[str], object], unit: str) -> tuple[float, float, int]:
    """Growth per doubling, the time at the largest size timed (ms) and that size; a run over the
    budget ends the timing, its growth measured up to it (or infinite at the first size)."""
    times: list[float] = []
    for size in SIZES:
        times.append(_seconds(run, unit * (size // len(unit)) + TAIL))
        if times[-1] > BUDGET_S:
            break
    if len(times) == 1:
        return (float("inf") if times[0] > BUDGET_S else 1.0), times[0] * 1000, SIZES[0]
    return (times[-1] / max(times[0], 1e-6)) ** (1 / (len(times) - 1)), times[-1] * 1000, SIZES[len(times) - 1]


def sweep() -> tuple[int, list[tuple[str, str, str, float, float, int]]]:
    """The number of patterns, and each one over the threshold with its worst unit, worst first:
    (name, operation, unit, growth, ms, size). A run under 0.2 ms at the largest size is linear
    whatever its ratio says (timer noise)."""
    found = patterns()
    sources = "\n".join(path.read_text(encoding="utf-8") for path in Path(resodiff.__file__).parent.rglob("*.py"))
    slow = []
    for name, pattern in found.items():
        attribute = name.rsplit(".", 1)[-1]
        matched = not name.startswith("language[") and _matched_only(attribute, sources)
        operation = "match" if matched else "search"
        run = getattr(pattern, operation)
        worst: tuple[str, float, float, int] | None = None
        for unit in UNITS:
            growth, largest_ms, size = _growth(run, unit)
            if growth >= SUPERLINEAR and largest_ms > 0.2 and (worst is None or growth > worst[1]):
                worst = (unit, growth, largest_ms, size)
        if worst is not None:
            slow.append((name, operation, *worst))
    return len(found), sorted(slow, key=lambda item: -item[3])


def regex_rows() -> list[Row]:
    count, slow = sweep()
    rows: list[Row] = [
        (
            f"regex sweep: {count} patterns × {len(UNITS)} repeated units, {SIZES[0]:,}–{SIZES[-1]:,} chars",
            f"{len(slow)} over ×{SUPERLINEAR:g} per doubling",
            "each search of a hostile run stays linear",
        )
    ]
    rows += [
        (f"  {name}.{operation} on {unit!r} × {size:,}", f"{ms:.1f} ms, ×{growth:.1f} per doubling", "backtracks")
        for name, operation, unit, growth, ms, size in slow
    ]
    return rows


def main() -> int:
    count, slow = sweep()
    print(f"{count} patterns, {len(slow)} over ×{SUPERLINEAR:g} per doubling")
    for name, operation, unit, growth, ms, size in slow:
        print(f"{growth:5.1f}  {ms:8.1f} ms at {size:5,}  {unit!r:8}  {name}.{operation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
