"""Word-level differences inside a paragraph, with diff-match-patch.

Each distinct token becomes one private-use character, diff-match-patch compares those strings
(no time budget, so the result is the same on every machine), and its semantic clean-up merges
small equalities so that a rewritten clause reads as one replacement. The engine is Google's own
C++ diff-match-patch (``fast_diff_match_patch``): the pure-Python port spent most of the word
diff walking shared runs one character at a time, and both give the same differences (a property
test holds the C++ engine to the Python one).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain

from fast_diff_match_patch import diff as _engine_diff

from ..typography import normalize_typography
from .report import Segment
from .tokens import token_keys


def _char(index: int) -> str:
    return chr(0xE000 + index) if index < 0x1900 else chr(0xF0000 + index - 0x1900)


# the characters of the first distinct keys, in order: a pair of paragraphs has a few hundred
_CHARS = "".join(map(_char, range(0x1900)))


def _encode(old: Sequence[str], new: Sequence[str]) -> tuple[str, str]:
    """The two key sequences as strings of one character per distinct key, numbered in order of
    first appearance (the old text's first), each string joined by C-level maps."""
    distinct = dict.fromkeys(chain(old, new))
    chars = _CHARS if len(distinct) <= len(_CHARS) else map(_char, range(len(distinct)))
    codes = dict(zip(distinct, chars, strict=False))
    return "".join(map(codes.__getitem__, old)), "".join(map(codes.__getitem__, new))


def _offsets(texts: Sequence[str]) -> list[int]:
    """Where each token starts in its text, and the text's end: the tokens cut the text whole,
    so the text of a run of tokens is a slice of it."""
    return list(accumulate(map(len, texts), initial=0))


#: diff-match-patch's operations as the C++ engine names them, as the Python one numbers them
_OPERATIONS = {"=": 0, "-": -1, "+": 1}


def character_diff(old: str, new: str) -> list[tuple[int, int]]:
    """diff-match-patch's differences of two strings after its semantic clean-up, each as its
    operation (0 equal, -1 delete, 1 insert) and its length in characters."""
    runs = _engine_diff(old, new, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)
    return [(_OPERATIONS[op], count) for op, count in runs]


# A common start or end is cut off before tokenizing, back to a space at least this far
# from the first difference, so that no date, number or symbol is cut in two.
_MARGIN = 48


def _shared_length(old: str, new: str, limit: int, at_end: bool) -> int:
    """Length of the longest shared start (or end) of two texts, at most ``limit``.

    Found by halving, each test one comparison done in C: a character-by-character loop in
    Python costs more than the word diff itself on long, lightly edited paragraphs. Each test
    reads only the stretch not yet known to be shared (``low`` characters are), one slice of
    ``old`` compared in place in ``new``: slicing both texts whole at each step copied a
    paragraph's length a dozen times.
    """
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if at_end:
            same = new.endswith(old[len(old) - middle : len(old) - low], 0, len(new) - low)
        else:
            same = new.startswith(old[low:middle], low)
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
    (old_texts, old_keys), (new_texts, new_keys) = token_keys(old), token_keys(new)
    old_chars, new_chars = _encode(old_keys, new_keys)
    old_offsets, new_offsets = _offsets(old_texts), _offsets(new_texts)
    segments: list[Segment] = []
    old_at = new_at = 0
    for op, count in character_diff(old_chars, new_chars):
        if op == 0:
            old_text = old[old_offsets[old_at] : old_offsets[old_at + count]]
            new_text = new[new_offsets[new_at] : new_offsets[new_at + count]]
            segments.append(Segment("equal", new_text, old_text if old_text != new_text else None))
            old_at += count
            new_at += count
        elif op == -1:
            segments.append(Segment("delete", old[old_offsets[old_at] : old_offsets[old_at + count]]))
            old_at += count
        else:
            segments.append(Segment("insert", new[new_offsets[new_at] : new_offsets[new_at + count]]))
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
