"""The session 77 → 79 pairs of identical English titles (DGACM's metadata), as files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import resodiff

from .conftest import CORPUS


def _titles(session: int) -> list[dict[str, str]]:
    path = CORPUS / "data_extract" / f"{session}.json"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def symbol_files(session: int, language: str) -> dict[str, Path]:
    """Symbol → file for the files resodiff reads (refused files are left out)."""
    found = {}
    for path in sorted((CORPUS / f"{session}session" / language).glob("*.xml")):
        try:
            found[resodiff.read(path).meta.symbol] = path
        except resodiff.ResodiffError:
            continue
    return found


def title_pairs() -> list[tuple[str, str]]:
    """(old symbol, new symbol) for each session-79 resolution whose English title is one of
    session 77's; where session 77 has several (parts A and B), the one without a part letter."""
    old_by_title: dict[str, list[str]] = {}
    for record in _titles(77):
        old_by_title.setdefault(record["title"], []).append(record["symbol"])
    pairs = []
    for record in _titles(79):
        candidates = old_by_title.get(record["title"])
        if candidates:
            pairs.append((sorted(candidates, key=len)[0], record["symbol"]))
    return pairs


def file_pairs(language: str) -> tuple[list[tuple[Path, Path]], list[tuple[str, str]]]:
    """The title pairs as files in one language, and the pairs with a side resodiff refuses."""
    old_files, new_files = symbol_files(77, language), symbol_files(79, language)
    available, unavailable = [], []
    for old, new in title_pairs():
        if old in old_files and new in new_files:
            available.append((old_files[old], new_files[new]))
        else:
            unavailable.append((old, new))
    return available, unavailable
