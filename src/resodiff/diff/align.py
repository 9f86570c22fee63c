"""Aligning the paragraphs of two versions of one part (preamble, operative part, annex).

1. **Anchors.** Paragraphs whose normalised text occurs exactly once on each side pair up
   (Heckel 1978; patience diff). The longest increasing subsequence of those pairs is the
   backbone; the search repeats inside each gap, where text unique to the gap anchors again.
2. **Gaps.** Between backbone anchors, a dynamic programme pairs what is left with 1-1, 1-0,
   0-1, 1-2 (split) and 2-1 (merge) steps, maximising the similar mass it explains
   (Gale and Church's sentence alignment, with word-multiset similarity instead of length).
3. **Leftovers.** Unpaired paragraphs are compared across gaps, most similar first: these are
   paragraphs that moved and were edited.
4. **Moves.** The longest increasing subsequence of all pairs is the order-preserving
   backbone; every pair off it is a move, which is the smallest set of moves that explains
   the new order.

Similarity is the Dice coefficient of the two word multisets (lower-cased, typography
normalised, punctuation ignored). Two paragraphs are the same paragraph from
``MATCH_THRESHOLD`` (0.5) up; a split or merge also needs each piece to be mostly
(``PIECE_CONTAINMENT``, 0.6) made of the other side's words, and each piece to leave at least
``SHARE_OUT`` (a quarter) of the whole to the other piece, which must hold most of it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MATCH_THRESHOLD = 0.5
PIECE_CONTAINMENT = 0.6
SHARE_OUT = 0.25
MAX_DP_CELLS = 40_000
MAX_LEFTOVER_PAIRS = 250_000


@dataclass(frozen=True, slots=True)
class Unit:
    """What the aligner knows of a paragraph: its comparison key, its words and their number."""

    key: str
    words: Counter[str]
    size: int

    @classmethod
    def of(cls, key: str, words: list[str]) -> Unit:
        return cls(key, Counter(words), len(words))


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraphs of the old and new versions paired by the alignment (indices into each side)."""

    kind: Literal["match", "split", "merge", "delete", "insert"]
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two word multisets."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    common = sum(min(count, b[word]) for word, count in a.items() if word in b)
    return 2 * common / total


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """The share of ``part``'s words that ``whole`` also has (1.0 for an empty part)."""
    size = sum(part.values())
    return sum((part & whole).values()) / size if size else 1.0


def longest_increasing(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of (old, new) pairs increasing in both, pairs given by new."""
    ordered = sorted(pairs, key=lambda p: (p[1], p[0]))
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(ordered)
    for index, (old, _new) in enumerate(ordered):
        position = bisect.bisect_left(tails, old)
        if position == len(tails):
            tails.append(old)
            tail_index.append(index)
        else:
            tails[position] = old
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position else -1
    chosen: set[tuple[int, int]] = set()
    at = tail_index[-1] if tail_index else -1
    while at >= 0:
        chosen.add(ordered[at])
        at = previous[at]
    return chosen


class _Aligner:
    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old = old
        self.new = new
        self.pairs: list[Pair] = []
        self._sims: dict[tuple[int, int], float] = {}

    def sim(self, i: int, j: int) -> float:
        cached = self._sims.get((i, j))
        if cached is None:
            a, b = self.old[i], self.new[j]
            if a.key == b.key:
                cached = 1.0
            elif 2 * min(a.size, b.size) < MATCH_THRESHOLD * (a.size + b.size):
                cached = 0.0  # lengths alone rule a match out: no need to count shared words
            else:
                cached = similarity(a.words, b.words)
            self._sims[(i, j)] = cached
        return cached

    def run(self) -> list[Pair]:
        self.anchor(range(len(self.old)), range(len(self.new)))
        self.leftovers()
        return self.mark_moves()

    def anchor(self, olds: range, news: range) -> None:
        """Patience step: unique equal paragraphs anchor, recursively inside the gaps."""
        if not olds or not news:
            self.gap(olds, news)
            return
        old_keys = Counter(self.old[i].key for i in olds)
        new_keys = Counter(self.new[j].key for j in news)
        old_at = {self.old[i].key: i for i in olds if old_keys[self.old[i].key] == 1}
        candidates = [
            (old_at[self.new[j].key], j) for j in news if new_keys[self.new[j].key] == 1 and self.new[j].key in old_at
        ]
        backbone = sorted(longest_increasing(candidates), key=lambda p: p[1])
        if not backbone:
            self.gap(olds, news)
            return
        old_start, new_start = olds.start, news.start
        for i, j in backbone:
            self.anchor(range(old_start, i), range(new_start, j))
            self.pairs.append(Pair("match", (i,), (j,), 1.0))
            old_start, new_start = i + 1, j + 1
        self.anchor(range(old_start, olds.stop), range(new_start, news.stop))

    def gap(self, olds: range, news: range) -> None:
        if not olds or not news:
            return
        if len(olds) * len(news) > MAX_DP_CELLS:
            return  # too wide for the programme: the leftover pass pairs these by similarity
        self.programme(list(olds), list(news))

    def programme(self, olds: list[int], news: list[int]) -> None:
        n, m = len(olds), len(news)
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        step: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
        for a in range(n + 1):
            for b in range(m + 1):
                if a == 0 and b == 0:
                    continue
                best, choice = -1.0, (0, 0, 0.0)
                if a and score[a - 1][b] > best:
                    best, choice = score[a - 1][b], (1, 0, 0.0)
                if b and score[a][b - 1] > best:
                    best, choice = score[a][b - 1], (0, 1, 0.0)
                if a and b:
                    s = self.sim(olds[a - 1], news[b - 1])
                    if s >= MATCH_THRESHOLD:
                        mass = self.old[olds[a - 1]].size + self.new[news[b - 1]].size
                        value = score[a - 1][b - 1] + s * mass
                        if value > best:
                            best, choice = value, (1, 1, s)
                if a and b >= 2:
                    found = self.split_score(olds[a - 1], news[b - 2], news[b - 1])
                    if found is not None and score[a - 1][b - 2] + found[1] > best:
                        best, choice = score[a - 1][b - 2] + found[1], (1, 2, found[0])
                if a >= 2 and b:
                    found = self.merge_score(olds[a - 2], olds[a - 1], news[b - 1])
                    if found is not None and score[a - 2][b - 1] + found[1] > best:
                        best, choice = score[a - 2][b - 1] + found[1], (2, 1, found[0])
                score[a][b], step[a][b] = best, choice
        a, b = n, m
        found_pairs: list[Pair] = []
        while a or b:
            da, db, s = step[a][b]
            if (da, db) == (1, 1):
                found_pairs.append(Pair("match", (olds[a - 1],), (news[b - 1],), s))
            elif (da, db) == (1, 2):
                found_pairs.append(Pair("split", (olds[a - 1],), (news[b - 2], news[b - 1]), s))
            elif (da, db) == (2, 1):
                found_pairs.append(Pair("merge", (olds[a - 2], olds[a - 1]), (news[b - 1],), s))
            a, b = a - da, b - db
        self.pairs.extend(reversed(found_pairs))

    def split_score(self, i: int, j1: int, j2: int) -> tuple[float, float] | None:
        found = _pieces_score(self.old[i].words, self.new[j1].words, self.new[j2].words)
        if found is None:
            return None
        return found, found * (self.old[i].size + self.new[j1].size + self.new[j2].size)

    def merge_score(self, i1: int, i2: int, j: int) -> tuple[float, float] | None:
        found = _pieces_score(self.new[j].words, self.old[i1].words, self.old[i2].words)
        if found is None:
            return None
        return found, found * (self.old[i1].size + self.old[i2].size + self.new[j].size)

    def leftovers(self) -> None:
        """Pair what no gap could: moved paragraphs, edited or not, most similar first."""
        used_old = {i for p in self.pairs for i in p.old}
        used_new = {j for p in self.pairs for j in p.new}
        olds = [i for i in range(len(self.old)) if i not in used_old]
        news = [j for j in range(len(self.new)) if j not in used_new]
        if not olds or not news:
            return
        if len(olds) * len(news) > MAX_LEFTOVER_PAIRS:
            candidates = self._candidates_by_rare_words(olds, news)
        else:
            candidates = [(i, j) for i in olds for j in news]
        scored = sorted(
            ((self.sim(i, j), i, j) for i, j in candidates),
            key=lambda c: (-c[0], c[1], c[2]),
        )
        for s, i, j in scored:
            if s < MATCH_THRESHOLD:
                break
            if i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            self.pairs.append(Pair("match", (i,), (j,), s))

    def _candidates_by_rare_words(self, olds: list[int], news: list[int]) -> list[tuple[int, int]]:
        """Pairs sharing at least one of their rarest words, when all pairs are too many."""
        frequency: Counter[str] = Counter()
        for j in news:
            frequency.update(set(self.new[j].words))
        index: dict[str, list[int]] = {}
        for j in news:
            for word in sorted(self.new[j].words, key=lambda w: (frequency[w], w))[:3]:
                index.setdefault(word, []).append(j)
        candidates: set[tuple[int, int]] = set()
        for i in olds:
            for word in self.old[i].words:
                for j in index.get(word, ()):
                    candidates.add((i, j))
        return sorted(candidates)

    def mark_moves(self) -> list[Pair]:
        matched = [p for p in self.pairs if p.kind in ("match", "split", "merge")]
        backbone = longest_increasing([(p.old[0], p.new[0]) for p in matched])
        result = [Pair(p.kind, p.old, p.new, p.similarity, moved=(p.old[0], p.new[0]) not in backbone) for p in matched]
        used_old = {i for p in matched for i in p.old}
        used_new = {j for p in matched for j in p.new}
        result += [Pair("delete", (i,), (), 0.0) for i in range(len(self.old)) if i not in used_old]
        result += [Pair("insert", (), (j,), 0.0) for j in range(len(self.new)) if j not in used_new]
        return result


def _pieces_score(whole: Counter[str], first: Counter[str], second: Counter[str]) -> float | None:
    """How well two pieces make up one paragraph (a split or a merge), or None if they don't.

    Each piece must mostly come from the whole, and what one piece leaves of the whole must
    mostly be found in the other: the whole's content is shared out between them, which is
    what tells a split from an edited paragraph with an unrelated one inserted beside it.
    """
    if min(containment(first, whole), containment(second, whole)) < PIECE_CONTAINMENT:
        return None
    size = sum(whole.values())
    for piece, other in ((first, second), (second, first)):
        rest = whole - piece
        if sum(rest.values()) < SHARE_OUT * size or containment(rest, other) < MATCH_THRESHOLD:
            return None
    score = similarity(whole, first + second)
    return score if score >= MATCH_THRESHOLD else None


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Pair]:
    """Every paragraph of both sides in exactly one pair (match, split, merge, delete, insert)."""
    return _Aligner(old, new).run()
