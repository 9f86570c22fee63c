"""Inline suppression comments in text and Markdown drafts: ``<!-- resodiff: ignore S102 -->``,
and in Word drafts a Word comment that says ``resodiff: ignore S102`` on the paragraph.

A comment on a line of its own applies to the block (paragraph, sub-paragraph, footnote, header)
that follows it; a comment at the end of a line applies to the block that line belongs to (the
second half of a paragraph cut by a page break belongs to the paragraph, not to the page's
footnotes before it). The
text reader does not know these comments: ``check`` blanks them out before reading (spaces of the
same length, so every other position in the file stays where it was) and applies them to the
findings by line, using the start lines the model keeps for every block.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..model import Comment, Resolution

COMMENT = re.compile(r"<!--\s*resodiff:\s*ignore\s+(?P<codes>[A-Za-z0-9, ]+?)\s*-->")


@dataclass(frozen=True, slots=True)
class Suppression:
    """A ``<!-- resodiff: ignore CODE -->`` comment: where it stands and what it silences."""

    line: int
    codes: tuple[str, ...]
    #: alone on its line: applies to the block that follows
    standalone: bool


def blank_comments(text: str) -> tuple[str, list[Suppression]]:
    """The text with every suppression comment replaced by spaces, and the comments."""
    found: list[Suppression] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "<!--" not in line:
            continue
        matches = list(COMMENT.finditer(line))
        if not matches:
            continue
        blanked = COMMENT.sub(lambda m: " " * len(m.group()), line)
        for match in matches:
            found.append(Suppression(index + 1, _codes(match.group("codes")), not blanked.strip()))
        lines[index] = blanked
    return "\n".join(lines), found


#: a reviewer's comment in the source (a Word comment) that silences codes on its block
SOURCE_COMMENT = re.compile(r"^\s*resodiff:\s*ignore\s+(?P<codes>[A-Za-z0-9, ]+?)\s*$", re.IGNORECASE)


def _codes(listed: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in re.split(r"[,\s]+", listed) if code.strip())


def comment_suppressions(comments: Sequence[Comment]) -> list[Suppression]:
    """The suppressions a source's own comments make (``resodiff: ignore S102`` as a Word
    comment): each applies to the block its comment is anchored in."""
    found = []
    for comment in comments:
        match = SOURCE_COMMENT.match(comment.text)
        if match and comment.span is not None:
            found.append(Suppression(comment.span.line, _codes(match.group("codes")), standalone=False))
    return found


def block_lines(resolution: Resolution) -> list[int]:
    """The start line of every block the model keeps a position for, sorted."""
    spans = [resolution.meta.span, resolution.closing.span if resolution.closing else None]
    for paragraph in resolution.all_paragraphs():
        spans.append(paragraph.span)
        spans.extend(section.span for section in paragraph.sections)
        stack = list(paragraph.items)
        while stack:
            item = stack.pop()
            spans.append(item.span)
            stack.extend(item.items)
    spans.extend(note.span for note in resolution.footnotes + resolution.unplaced_footnotes)
    spans.extend(annex.span for annex in resolution.annexes)
    return sorted({span.line for span in spans if span is not None})


def note_lines(resolution: Resolution) -> set[int]:
    """The lines where the resolution's footnotes start."""
    return {n.span.line for n in resolution.footnotes + resolution.unplaced_footnotes if n.span is not None}


def target_line(suppression: Suppression, blocks: Sequence[int], notes: set[int]) -> int | None:
    """The first line of the block a comment applies to, or None when there is none."""
    if suppression.standalone:
        index = bisect_right(blocks, suppression.line)
        return blocks[index] if index < len(blocks) else None
    if suppression.line in notes:
        return suppression.line
    body = [line for line in blocks if line not in notes]
    index = bisect_right(body, suppression.line) - 1
    return body[index] if index >= 0 else None


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression], resolution: Resolution
) -> list[Finding]:
    """The findings no comment suppresses."""
    if not suppressions:
        return list(findings)
    blocks = block_lines(resolution)
    notes = note_lines(resolution)
    silenced: dict[int, set[str]] = {}
    for suppression in suppressions:
        line = target_line(suppression, blocks, notes)
        if line is not None:
            silenced.setdefault(line, set()).update(suppression.codes)
    return [f for f in findings if not any(f.code.startswith(code) for code in silenced.get(f.line, ()))]


def add_noqa(text: str, findings: Sequence[Finding], resolution: Resolution) -> tuple[str, int]:
    """The text with a suppression comment at the end of the line of each finding (merged with a
    comment already there), and how many findings it silences. Findings without a block of their
    own to point at (a deleted paragraph, the whole file) are left as they are."""
    blocks = block_lines(resolution)
    by_line: dict[int, set[str]] = {}
    for finding in findings:
        position = bisect_left(blocks, finding.line)
        if position < len(blocks) and blocks[position] == finding.line:
            by_line.setdefault(finding.line, set()).add(finding.code)
    lines = text.split("\n")
    for number, codes in by_line.items():
        line = lines[number - 1]
        existing = COMMENT.search(line)
        if existing:
            codes = codes | set(_codes(existing.group("codes")))
            line = (line[: existing.start()] + line[existing.end() :]).rstrip()
        lines[number - 1] = f"{line.rstrip()} <!-- resodiff: ignore {', '.join(sorted(codes))} -->"
    return "\n".join(lines), sum(1 for f in findings if f.line in by_line)
