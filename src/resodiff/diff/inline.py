"""Word-level differences inside a paragraph, with diff-match-patch.

Each distinct token becomes one private-use character, diff-match-patch compares those strings
(``Diff_Timeout = 0``: no time budget, so the result is the same on every machine), and its
semantic clean-up merges small equalities so that a rewritten clause reads as one replacement.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from ..typography import normalize_typography
from .report import Segment
from .tokens import Token, tokenize


def _char(index: int) -> str:
    return chr(0xE000 + index) if index < 0x1900 else chr(0xF0000 + index - 0x1900)


def _encode(tokens: tuple[Token, ...], codes: dict[str, str]) -> str:
    out = []
    for token in tokens:
        code = codes.get(token.key)
        if code is None:
            code = codes[token.key] = _char(len(codes))
        out.append(code)
    return "".join(out)


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return engine


# A common start or end is cut off before tokenizing, back to a space at least this far
# from the first difference, so that no date, number or symbol is cut in two.
_MARGIN = 48


def _shared_length(old: str, new: str, limit: int, at_end: bool) -> int:
    """Length of the longest shared start (or end) of two texts, at most ``limit``.

    Found by halving, each test one slice comparison done in C: a character-by-character
    loop in Python costs more than the word diff itself on long, lightly edited paragraphs.
    """
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        same = old[len(old) - middle :] == new[len(new) - middle :] if at_end else old[:middle] == new[:middle]
        low, high = (middle, high) if same else (low, middle - 1)
    return low


def _common_edges(old: str, new: str) -> tuple[int, int]:
    """Lengths of the shared start and end of two texts, each ending at a space."""
    limit = min(len(old), len(new))
    start = _shared_length(old, new, limit, at_end=False)
    start = old.rfind(" ", 0, max(0, start - _MARGIN)) + 1
    end = _shared_length(old, new, limit - start, at_end=True)
    if end <= _MARGIN:
        return start, 0
    cut = old.find(" ", len(old) - end + _MARGIN)
    return start, (len(old) - cut if cut >= 0 else 0)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments that turn ``old`` into ``new``; both can be rebuilt from them exactly."""
    if old == new:
        return (Segment("equal", new),) if new else ()
    if normalize_typography(old) == normalize_typography(new):
        return (Segment("equal", new, old),)
    start, end = _common_edges(old, new)
    if start or end:
        head = (Segment("equal", old[:start]),) if start else ()
        tail = (Segment("equal", old[len(old) - end :]),) if end else ()
        middle = _token_diff(old[start : len(old) - end], new[start : len(new) - end])
        return _merge([*head, *middle, *tail])
    return _token_diff(old, new)


def _token_diff(old: str, new: str) -> tuple[Segment, ...]:
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    codes: dict[str, str] = {}
    old_chars, new_chars = _encode(old_tokens, codes), _encode(new_tokens, codes)
    engine = _engine()
    diffs = engine.diff_main(old_chars, new_chars, False)
    engine.diff_cleanupSemantic(diffs)
    segments: list[Segment] = []
    old_at = new_at = 0
    for op, chars in diffs:
        count = len(chars)
        if op == 0:
            olds = old_tokens[old_at : old_at + count]
            news = new_tokens[new_at : new_at + count]
            new_text = "".join(t.text for t in news)
            old_text = "".join(t.text for t in olds)
            segments.append(Segment("equal", new_text, old_text if old_text != new_text else None))
            old_at += count
            new_at += count
        elif op == -1:
            segments.append(Segment("delete", "".join(t.text for t in old_tokens[old_at : old_at + count])))
            old_at += count
        else:
            segments.append(Segment("insert", "".join(t.text for t in new_tokens[new_at : new_at + count])))
            new_at += count
    return _merge(segments)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    """Join neighbours of one kind; put a deletion before the insertion that replaces it."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text and not segment.old_text:
            continue
        last = merged[-1] if merged else None
        if last is not None and last.op == segment.op and segment.op != "equal":
            merged[-1] = Segment(segment.op, last.text + segment.text)
        elif last is not None and last.op == "equal" and segment.op == "equal":
            old = (last.old_text or last.text) + (segment.old_text or segment.text)
            text = last.text + segment.text
            merged[-1] = Segment("equal", text, old if old != text else None)
        else:
            merged.append(segment)
    return tuple(merged)
