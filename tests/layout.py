"""Lay a resolution's text form out again as a PDF conversion would: paragraphs cut at page
breaks with the page's footnotes between the two halves. Used to test that the text reader
depends on words, not on where the pages happened to break."""

from __future__ import annotations

import random
import re

_FOOTNOTE = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\w+\]:) ")
_BLOCK_START = re.compile(r"^(?:\d{1,3}\.\s|\(?[a-z]{1,6}\)\s|[A-Z]\.\s|[-•–#|*]|\\)")
_SAFE_LEFT_END = re.compile(r"[^,;:.!?»\s*]$")


def _cut_points(line: str) -> list[int]:
    points = []
    depth = 0
    for index, char in enumerate(line):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif char == " " and depth == 0 and 20 < index < len(line) - 20:
            left, right = line[:index], line[index + 1 :]
            if _SAFE_LEFT_END.search(left) and right[:1].islower() and not _BLOCK_START.match(right):
                points.append(index)
    return points


def relayout(text: str, seed: int, cut_probability: float = 0.5) -> str:
    """Cut some long paragraphs at a word boundary, moving their footnotes between the halves."""
    rng = random.Random(seed)
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        notes: list[str] = []
        lookahead = index + 1
        while lookahead + 1 < len(lines) and lines[lookahead] == "" and _FOOTNOTE.match(lines[lookahead + 1]):
            notes.append(lines[lookahead + 1])
            lookahead += 2
        points = _cut_points(line) if len(line) > 200 and not _FOOTNOTE.match(line) else []
        if points and rng.random() < cut_probability:
            cut = rng.choice(points)
            out.extend([line[:cut], ""])
            for note in notes:
                out.extend([note, ""])
            out.extend(["", line[cut + 1 :]])
            index = lookahead
            continue
        out.append(line)
        index += 1
    return "\n".join(out)
