"""Aligning the paragraphs of two versions of one part (preamble, operative part, annex).

1. **Anchors.** Paragraphs whose normalised text occurs exactly once on each side pair up
   (Heckel 1978; patience diff). The longest increasing subsequence of those pairs is the
   backbone; the search repeats inside each gap, where text unique to the gap anchors again.
   In a gap where no text is unique on both sides but some recurs on both (boilerplate,
   repeated paragraphs), equal paragraphs pair in order of occurrence instead: the first
   with the first, the second with the second.
2. **Gaps.** Between backbone anchors, a dynamic programme pairs what is left with 1-1, 1-0,
   0-1, 1-2 (split) and 2-1 (merge) steps, maximising the similar mass it explains
   (Gale and Church's sentence alignment, with word-multiset similarity instead of length).
   It covers the whole gap while that is at most ``DP_CELLS_PER_PARAGRAPH`` cells per
   paragraph of the gap (every gap of the corpus is), and a band of ``DP_BAND`` cells either
   side of the gap's diagonal beyond.
   A pair on half its words alone must be each other's most similar in the whole part; a piece
   of a merge or split that a paragraph left alone in the gap holds more of is left out.
3. **Leftovers.** Unpaired paragraphs are compared across gaps, most similar first: these are
   paragraphs that moved and were edited (one that only swapped places with a neighbour of the
   order that stayed is still judged as in place; asked again once the moves below are found,
   since paragraphs carried from far away word for word may have anchored between it and its
   partner). A pair the programme made on the evidence of its place alone
   gives up a paragraph to a leftover that shares more of its text, if the two would be a pair
   on their own. When all pairs would be
   too many, each old paragraph is compared with the few new ones sharing most of its rare
   words.
4. **Pieces that moved, pieces far apart.** A paragraph still unpaired may be made of two
   adjacent paragraphs still unpaired on the other side, away from its slot: a split or merge
   that moved. A paragraph still unpaired may also be the second piece of an edited pair: two
   paragraphs from distant places merged into one, or one split into two, unless a paragraph
   left alone holds more of it than the whole does.
5. **Alone in a gap.** The one paragraph still unpaired on each side between the same two
   paragraphs of the order that stayed pair on the evidence of their slot, with 30 % of their
   words and some rare ones (fewer when no paragraph left in the part shares as many), or when the
   new one cuts the old one down and shares a figure with it; with more left there, the two that
   are each other's most similar among them by rare words do, and two adjacent ones that claim
   a paragraph alike (by less than ``NOISE``) are its pieces.
6. **Moves.** The longest increasing subsequence of all pairs (but the splits and merges that
   moved) is the order-preserving backbone; every pair off it is a move, which is the smallest
   set of moves that explains the new order.

``across`` pairs paragraphs that went from one part to another (the preamble and the operative
part), once each part is aligned; the engine then aligns those parts again without them.

Each step costs O(n log n) or a bounded number of comparisons per paragraph, whatever the
input: repeated paragraphs cannot make the alignment quadratic.

Similarity is the Dice coefficient of the two word multisets (lower-cased, typography
normalised, punctuation ignored). Two paragraphs are the same paragraph from
``MATCH_THRESHOLD`` (0.5) up; a split or merge also needs each piece to be mostly
(``PIECE_CONTAINMENT``, 0.6) made of the other side's words, and each piece to leave at least
``SHARE_OUT`` (a quarter) of the whole to the other piece, which must hold most of it (or, for
adjacent pieces, ``CONTAINED_MIN`` words of it at least, which the other piece holds almost all
of: a closing clause split off a paragraph that grew). One of these shares may fall short by
``EDGE`` when the whole's rare words are shared out between the pieces, two when each piece keeps
a clause of the whole word for word (``CARRIED``); pieces far apart keep half
their word pairs, or ``EDGE`` less with a clause of the whole kept word for word (``CLAUSE_RUN``).
"""

from __future__ import annotations

import bisect
import heapq
import math
import sys
from array import array
from collections import Counter, _count_elements  # type: ignore[attr-defined]  # the C counter of Counter.update
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, itemgetter, lt
from typing import Literal, TypeVar

T = TypeVar("T")

MATCH_THRESHOLD = 0.5
PIECE_CONTAINMENT = 0.6
SHARE_OUT = 0.25
# A piece shares at most 1 - SHARE_OUT of the whole, and at most its own words: with a Dice of
# 2 × shared / (whole + piece), no pair more similar than this can take a second piece.
EXTENSIBLE = 2 * (1 - SHARE_OUT) / (2 - SHARE_OUT)
# Between aligned neighbours, a paragraph updated in place is paired with less overall
# similarity when other evidence says it is the same paragraph:
# - the shorter one is almost all (``CONTAINED``) in the longer: a clause added or cut;
# - the two open with the same phrase (the one the printed resolution italicises, as the language
#   lists it: "Takes note with appreciation", "Recalling further"; the first word,
#   ``OPENING_WORDS``, of a paragraph that opens with none listed) and either still share
#   ``REWORDED_THRESHOLD`` of their words, or the shorter is almost all in the longer once the
#   numbers and date words it adds count as found (a recall cut down to its list of resolutions),
#   or, where the shorter has ``OPENING_CONTAINED_MIN``
#   words (more than an opening formula and a subject: "Taking note of the report of the
#   Secretary-General on ..."), ``OPENING_CONTAINED`` of it is in the longer (a "Having
#   considered" of a long list of reports cut down to a few).
# Two paragraphs that are each other's most similar in the whole part also pair there from
# ``REWORDED_THRESHOLD`` of their words (``in_place``): their slot stands for the opening. They
# must share some rare words too (``PIECE_RARE_THRESHOLD``): being each other's best through the
# names and formulas every paragraph of the resolution uses is no evidence. Long ones (the
# shorter ``OPENING_CONTAINED_MIN`` words or more) pair so from ``MUTUAL_THRESHOLD``: a
# paragraph updated to the event that took place ("Recalling the Summit ..., and welcoming the
# convening of the twenty-seventh session" → "Welcoming the convening of the twenty-eighth ...")
# keeps a third of its words under a new opening, and a long paragraph shares a third of its
# words with another by chance only through common words, which the rare words rule out.
# A shorter paragraph of fewer than ``CONTAINED_MIN`` words is contained in too much to count
# as evidence.
REWORDED_THRESHOLD = 0.45
MUTUAL_THRESHOLD = 0.35
CONTAINED = 0.85
OPENING_CONTAINED = 0.75
OPENING_CONTAINED_MIN = 30
CONTAINED_MIN = 12
OPENING_WORDS = 1
# A pair across gaps (a move) rests on text alone: it needs more than the common words of the
# part, either ``MOVE_THRESHOLD`` of its words or ``MOVE_RARE_THRESHOLD`` of the Dice
# weighted by rarity (each word by the log of its inverse frequency among the part's
# paragraphs), so that "Requests the Secretary-General to report to the Commission" is not
# moved onto a new paragraph about something else that happens to share those words.
MOVE_THRESHOLD = 0.6
MOVE_RARE_THRESHOLD = 0.4
# A piece far apart from its whole needs some of the rare words too: half a move's, since a piece
# is only part of the whole (its Dice with it stays low however much of it the whole holds), but
# more than the subject of the resolution ("the threat posed by improvised explosive devices")
# that a one-line call and a long paragraph both name.
PIECE_RARE_THRESHOLD = MOVE_RARE_THRESHOLD / 2
# A split or merge that misses one of its shares by less than ``EDGE`` (a piece that holds 55 % of
# its words from the whole, not 60 %; a closing clause that leaves 18 % of the whole, not 25 %)
# is one still when the rare words of the whole are shared out between the pieces: each piece
# holds, weighted by rarity, at least half (``MATCH_THRESHOLD``) of what the other leaves of the
# whole. The names, numbers and terms of the whole that one piece lacks are then the other's, as
# in every language; an edited paragraph beside an unrelated one shares only the part's common
# words with it, which weigh little. One share at the edge at most: two are two doubts. A piece's
# share is at the edge on its own words (the references it adds count only past the edge); a
# clause under a quarter of the whole is split off at the edge only into a paragraph that opens
# with the whole's first word, keeping its act ("Taking note of A and B" → "Taking note of A",
# "Taking note also of B"): a new paragraph that names what the whole named under another act (the
# anniversary of a convention whose full name the whole no longer gives) is a paragraph of its own.
EDGE = 0.1
# A clause kept word for word: ``CLAUSE_RUN`` words of a piece in a row, in the same order in the
# whole ("as well as the contributions made by various United Nations entities to that end"). A
# piece far apart that keeps one is worded from the whole at the edge of its word pairs: the rest
# of it was recast around the clause, in more words in one language than in another.
CLAUSE_RUN = 10
# Adjacent pieces that each keep such a clause, the one holding less of the whole a clause of its
# own ``CARRIED`` of its words (a paragraph's closing clause carried into the whole word for word,
# which no other paragraph of the part has: not a formula of the resolution), are pieces with two
# shares at the edge, or with the whole's rare words not shared out: the whole adds words of its
# own, which a translation spells out in more words than another ("and its Protocols", three
# times), and those words dilute every share of the whole; the clauses stay whole in every language.
CARRIED = 1 / 3
# A paragraph goes to the other part (preamble, operative part) when it is that much more similar
# to a paragraph there than to its partner in its own part, if it has one.
CROSSING_MARGIN = 0.1
# Between the same two aligned neighbours, the one paragraph left unpaired on each side is the
# other's partner from ``ALONE_THRESHOLD`` of their words when they share rare words
# (``PIECE_RARE_THRESHOLD``) and the shorter has ``ALONE_MIN`` words: nothing else there could be
# its partner, and its slot is kept. Under ``ALONE_MIN`` words a paragraph is one phrase (an
# opening, a subject and a name), which shares that much with many.
ALONE_THRESHOLD = 0.3
ALONE_MIN = 20
# Where the gap holds nothing else on either side that shares a word with them, the two share a
# word no other paragraph of the part has (a name, a month, a figure), and neither has a paragraph
# left unpaired anywhere in the part that shares as much of its rare words (the text points
# nowhere else), half of those rare words (``SOLE_RARE_THRESHOLD``) do: a long paragraph updated
# to the later event keeps its subject's names but few of its words, and the new ones dilute the
# rare words it keeps.
SOLE_RARE_THRESHOLD = PIECE_RARE_THRESHOLD / 2
# A new paragraph that cuts an old one down to a note of what it announced ("Acknowledges the
# offer of X to host the conference in 2023, ..." → "Takes note of the conference held in X in
# 2023") keeps few of the old one's words: their Dice falls short of ``ALONE_THRESHOLD`` in the
# languages that spend fewer words on the rest. Between the same aligned neighbours it is the old
# one's partner when it is at most 1 / ``CUT_DOWN`` of it, shares a figure of two digits or more
# with it (a year, a session, a document: written alike in every language, unlike the number
# words, "one" and "une" among them) and is made of it as a piece is (``PIECE_CONTAINMENT`` of
# its words, ``PIECE_RARE_THRESHOLD`` of their rare weight): shares of the shorter, which a
# translation keeps. Only that way round: an old paragraph a new one holds much of is as often
# the model of a new paragraph on another subject (the recall of one forum, then of the next).
CUT_DOWN = 2
# How much two paragraphs' similarity to a third may differ by the language alone: over the pairs
# of the truth set read in English and in French, the margin between two candidates' Dice with one
# paragraph differs between the languages by 0.037 (the median), and a margin under 0.03 has the
# other sign in the other language four times in ten. A choice on a smaller margin is the
# language's, not the text's: it falls to the evidence of structure (an update in place, a slot).
NOISE = 0.03
# A paragraph that changed places with at most ``LOCAL_SWAP`` paired neighbour is still between
# aligned neighbours: the evidence of an update in place pairs it (two requests swapped and
# reworded), as it would had it stayed.
LOCAL_SWAP = 1
# The programme covers a whole gap up to this many cells per paragraph of the gap (the
# widest gap of the corpus, 96 × 53 paragraphs, needs 35), a band of the diagonal beyond.
DP_CELLS_PER_PARAGRAPH = 40
DP_BAND = 8
# Re-scans of gaps allowed per paragraph: nested repeats could otherwise make the anchor
# search re-read most of the part once per anchor found.
ANCHOR_SCANS = 8
# Leftovers are compared pair by pair up to this many pairs, through rare words beyond.
MAX_LEFTOVER_PAIRS = 250_000
RARE_WORDS = 4
POSTING_CAP = 32
CANDIDATES_PER_PARAGRAPH = 8
SHARED_MEMO = 65_536


def counted(items: Iterable[T]) -> Counter[T]:
    """``Counter(items)``, counted in C straight into an empty Counter: Counter's own ``__init__``
    and ``update`` are Python calls, which ask whether the items are a mapping (an ABC check),
    for every paragraph."""
    counts: Counter[T] = Counter.__new__(Counter)
    _count_elements(counts, items)
    return counts


@dataclass(frozen=True, slots=True)
class Unit:
    """What the aligner knows of a paragraph: its comparison key, its words and their number."""

    key: str
    words: Counter[str]
    size: int
    opening: tuple[str, ...] = ()
    sequence: tuple[str, ...] = ()
    technical: frozenset[str] = frozenset()
    """The language's number and date words ("december", "seventy", "ninth"): with numbers
    (years, days, the parts of a resolution number), the technical words of a paragraph."""

    @classmethod
    def of(
        cls,
        key: str,
        words: list[str],
        technical: frozenset[str] = frozenset(),
        opening: int = OPENING_WORDS,
        pool: dict[str, str] | None = None,
    ) -> Unit:
        """A paragraph's unit; ``opening``: how many of its first words are its opening phrase;
        ``pool``: the words of the units made so far, by themselves (interned where none is given)."""
        # a part's paragraphs share most of their vocabulary: one string per word, not per
        # occurrence, keeps a part's units small (and makes word lookups compare by identity); a
        # pool of the comparison's own is filled and dropped faster than the interpreter's table
        interned = tuple(map(sys.intern, words) if pool is None else map(pool.setdefault, words, words))
        return cls(key, counted(interned), len(words), interned[:opening], interned, technical)

    def word_pairs(self) -> Counter[tuple[str, str]]:
        """Consecutive words, every number as one placeholder: the wording of the paragraph,
        whichever paragraph or report it cites."""
        words = ["#" if word[:1].isdigit() else word for word in self.sequence]
        return Counter(zip(words, words[1:], strict=False))


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraphs of the old and new versions paired by the alignment (indices into each side)."""

    kind: Literal["match", "split", "merge", "delete", "insert"]
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False


def shared_words(a: Counter[str], b: Counter[str]) -> int:
    """How many words two multisets have in common (the size of their intersection)."""
    common = a.keys() & b.keys()
    # C-level maps over the set (iterated twice in one order): a generator was a tenth of a diff
    return sum(map(min, map(a.__getitem__, common), map(b.__getitem__, common)))


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two word multisets."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    return 2 * shared_words(a, b) / total


def new_numbers(part: Unit, whole: Counter[str]) -> int:
    """The technical words of ``part`` that ``whole`` does not have: the references a recall
    list gained (``76/182 of 16 December 2021`` → ``76/182 of 16 December 2021, 77/232 of 15
    December 2022 and ...``), each one a placeholder for the paragraph's wording."""
    technical = part.technical
    # the technical words first: most words are none, and a word ``whole`` lacks costs a Python call
    # (``Counter.__missing__``) where ``get`` has none
    return sum(
        n - whole.get(word, 0)
        for word, n in part.words.items()
        if (word[:1].isdigit() or word in technical) and n > whole.get(word, 0)
    )


def containment(part: Counter[T], whole: Counter[T]) -> float:
    """The share of ``part``'s words that ``whole`` also has (1.0 for an empty part)."""
    size = sum(part.values())
    return sum((part & whole).values()) / size if size else 1.0


def kept_run(piece: Sequence[str], whole: Sequence[str]) -> int:
    """The length of the longest run of consecutive words of ``piece`` found consecutively in
    ``whole``."""
    return len(kept_clause(piece, whole))


def kept_clause(piece: Sequence[str], whole: Sequence[str]) -> Sequence[str]:
    """The longest run of consecutive words of ``piece`` found consecutively in ``whole`` (the
    first of equal length)."""
    at: dict[str, list[int]] = {}
    for position, word in enumerate(whole):
        at.setdefault(word, []).append(position)
    best, end, runs = 0, 0, dict[int, int]()
    for k, word in enumerate(piece):
        # the runs ending at each place of the whole where this word stands
        runs = {p: runs.get(p - 1, 0) + 1 for p in at.get(word, ())}
        longest = max(runs.values(), default=0)
        if longest > best:
            best, end = longest, k + 1
    return piece[end - best : end]


_BY_NEW_THEN_OLD = itemgetter(1, 0)
_BY_NEW = itemgetter(1)
_OLD = itemgetter(0)
_KEY = attrgetter("key")


def longest_increasing(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of (old, new) pairs increasing in both, pairs given by new."""
    ordered = sorted(pairs, key=_BY_NEW_THEN_OLD)
    olds = list(map(_OLD, ordered))
    if all(map(lt, olds, olds[1:])):
        # the common case, every pair in order (the paragraphs that stayed): all of them, told in C
        return set(ordered)
    return _longest_run(ordered)


def _longest_run(ordered: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """``longest_increasing`` of pairs ordered by new, then old: patience sorting of the olds."""
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


# Steps of the programme, as stored per cell: (old paragraphs, new paragraphs) taken.
_UP, _LEFT, _MATCH, _SPLIT, _MERGE = 1, 2, 3, 4, 5
_STEPS = {_UP: (1, 0), _LEFT: (0, 1), _MATCH: (1, 1), _SPLIT: (1, 2), _MERGE: (2, 1)}
_NO_ROW = (1, 0)  # the band of a row before the first: empty


class _Aligner:
    def __init__(
        self, old: Sequence[Unit], new: Sequence[Unit], whole: tuple[Sequence[Unit], Sequence[Unit]] | None = None
    ) -> None:
        self.old = old
        self.new = new
        self.pairs: list[Pair] = []
        self._shared: dict[tuple[str, str], int] = {}
        self._scans_left = ANCHOR_SCANS * (len(old) + len(new))
        self._weights: dict[str, float] | None = None
        self._whole = (old, new) if whole is None else whole
        self._part = (*self._whole[0], *self._whole[1])
        self._rivals: dict[tuple[str, bool], list[tuple[float, str]]] = {}
        self._having: dict[bool, dict[str, list[Unit]]] = {}
        self._kept: set[tuple[int, int]] = set()
        self._isolated: set[str] | None = None
        self._text_having: Counter[str] = Counter()
        self._spread: Counter[str] = Counter()
        self._in_order: tuple[list[int], list[int]] = ([], [])
        self._numbers: dict[tuple[str, frozenset[str]], list[tuple[str, int]]] = {}

    def shared(self, a: Unit, b: Unit) -> int:
        """Words two paragraphs share, remembered by text (a bounded memo): repeated
        paragraphs are counted once."""
        texts = (a.key, b.key)
        found = self._shared.get(texts)
        if found is None:
            found = self._shared.get((b.key, a.key))  # merges ask with the new paragraph first
        if found is None:
            if len(self._shared) >= SHARED_MEMO:
                self._shared.clear()
            found = self._shared[texts] = shared_words(a.words, b.words)
        return found

    def sim(self, i: int, j: int) -> float:
        return self.similar(self.old[i], self.new[j])

    def similar(self, a: Unit, b: Unit) -> float:
        if a.key == b.key:
            return 1.0
        total = a.size + b.size
        if 2 * min(a.size, b.size) < MATCH_THRESHOLD * total:
            return 0.0  # lengths alone rule a match out: no need to count shared words
        return 2 * self.shared(a, b) / total if total else 1.0

    def run(self) -> list[Pair]:
        self.anchor()
        self.leftovers()
        self.moved_pieces()
        # the moves found, the order that stayed is known: what is left is asked again by it
        self.leftovers()
        self.scattered_pieces()
        self.alone_in_gap()
        return self.mark_moves()

    def anchor(self) -> None:
        """Patience step: anchors split the part into gaps, searched again for anchors of their
        own; a gap without any goes to the programme. Worked with a stack, gap by gap from
        the start, so that pairs come out in order and nesting has no depth limit."""
        stack: list[tuple[range, range, bool]] = [(range(len(self.old)), range(len(self.new)), False)]
        while stack:
            olds, news, anchored = stack.pop()
            if anchored:
                self.pairs.append(Pair("match", (olds.start,), (news.start,), 1.0))
                continue
            backbone = self.backbone(olds, news)
            if not backbone:
                self.gap(olds, news)
                continue
            pieces = []
            old_start, new_start = olds.start, news.start
            for i, j in backbone:
                pieces.append((range(old_start, i), range(new_start, j), False))
                pieces.append((range(i, i + 1), range(j, j + 1), True))
                old_start, new_start = i + 1, j + 1
            pieces.append((range(old_start, olds.stop), range(new_start, news.stop), False))
            stack.extend(reversed(pieces))

    def backbone(self, olds: range, news: range) -> list[tuple[int, int]]:
        """A gap's anchors in order: equal paragraphs, unique in the gap if any are."""
        if not olds or not news:
            return []
        self._scans_left -= len(olds) + len(news)
        if self._scans_left < 0:
            return []
        # the gap's texts read by C-level maps: a part's every paragraph is read once per scan
        old_texts = list(map(_KEY, map(self.old.__getitem__, olds)))
        new_texts = list(map(_KEY, map(self.new.__getitem__, news)))
        old_keys, new_keys = counted(old_texts), counted(new_texts)
        # a paragraph that shares no word with another text anchors nothing: it can only be its
        # own copy's partner, found wherever it stands, and says nothing of where the paragraphs
        # around it went (one inserted in both texts at other places must not cut the part)
        isolated = self.isolated()
        old_at = {key: i for i, key in zip(olds, old_texts, strict=True) if old_keys[key] == 1 and key not in isolated}
        candidates = [
            (old_at[key], j) for j, key in zip(news, new_texts, strict=True) if new_keys[key] == 1 and key in old_at
        ]
        if not candidates:
            candidates = [(i, j) for i, j in self.repeats(olds, news) if self.old[i].key not in isolated]
        return sorted(longest_increasing(candidates), key=_BY_NEW)

    def repeats(self, olds: Sequence[int], news: Sequence[int]) -> list[tuple[int, int]]:
        """Equal paragraphs paired in order of occurrence: a text's k-th occurrence on the old
        side with its k-th on the new side."""
        occurrences: dict[str, list[int]] = {}
        for i in olds:
            occurrences.setdefault(self.old[i].key, []).append(i)
        taken: Counter[str] = Counter()
        pairs = []
        for j in news:
            key = self.new[j].key
            found = occurrences.get(key, ())
            if taken[key] < len(found):
                pairs.append((found[taken[key]], j))
                taken[key] += 1
        return pairs

    def gap(self, olds: range, news: range) -> None:
        if not olds or not news:
            return
        n, m = len(olds), len(news)
        if n * m <= DP_CELLS_PER_PARAGRAPH * (n + m):
            bands = [(0, m)] * (n + 1)
        else:
            bands = [(max(0, a * m // n - DP_BAND), min(m, -(-(a + 1) * m // n) + DP_BAND)) for a in range(n + 1)]
        self.programme(list(olds), list(news), bands)

    def programme(self, olds: list[int], news: list[int], bands: list[tuple[int, int]]) -> None:
        """The best path from (0, 0) to (n, m) through the cells (a, b) with b in bands[a]:
        after a old and b new paragraphs. Each band overlaps the one before it, so every
        cell but the first can be reached; only the last two rows of scores are kept."""
        olds_at = [self.old[i] for i in olds]
        news_at = [self.new[j] for j in news]
        similar, pieces_score = self.similar, self.pieces_score
        previous: list[float] = []
        before: list[float] = []
        steps: list[bytearray] = []
        sims: list[array[float]] = []
        for a, (low, high) in enumerate(bands):
            row = [0.0] * (high - low + 1)
            step_row = bytearray(high - low + 1)
            sim_row = array("d", bytes(8 * (high - low + 1)))
            prev_low, prev_high = bands[a - 1] if a else _NO_ROW
            back_low, back_high = bands[a - 2] if a >= 2 else _NO_ROW
            for b in range(max(low, 1 if a == 0 else 0), high + 1):
                best, choice, s = -1.0, 0, 0.0
                if prev_low <= b <= prev_high and previous[b - prev_low] > best:
                    best, choice = previous[b - prev_low], _UP
                if b > low and row[b - 1 - low] > best:
                    best, choice = row[b - 1 - low], _LEFT
                if prev_low < b <= prev_high + 1:
                    old_unit, new_unit = olds_at[a - 1], news_at[b - 1]
                    found_sim = similar(old_unit, new_unit)
                    if found_sim < MOVE_THRESHOLD:
                        found_sim = self.in_place(old_unit, new_unit, found_sim)
                    if found_sim:
                        value = previous[b - 1 - prev_low] + found_sim * (old_unit.size + new_unit.size)
                        if value > best:
                            best, choice, s = value, _MATCH, found_sim
                if prev_low + 1 < b <= prev_high + 2:
                    found = pieces_score(olds_at[a - 1], news_at[b - 2], news_at[b - 1])
                    if found is not None and previous[b - 2 - prev_low] + found[1] > best:
                        best, choice, s = previous[b - 2 - prev_low] + found[1], _SPLIT, found[0]
                if back_low < b <= back_high + 1:
                    found = pieces_score(news_at[b - 1], olds_at[a - 2], olds_at[a - 1])
                    if found is not None and before[b - 1 - back_low] + found[1] > best:
                        best, choice, s = before[b - 1 - back_low] + found[1], _MERGE, found[0]
                row[b - low], step_row[b - low], sim_row[b - low] = best, choice, s
            before, previous = previous, row
            steps.append(step_row)
            sims.append(sim_row)
        a, b = len(olds), len(news)
        found_pairs: list[Pair] = []
        while a or b:
            low = bands[a][0]
            choice, s = steps[a][b - low], sims[a][b - low]
            if choice == _MATCH:
                found_pairs.append(Pair("match", (olds[a - 1],), (news[b - 1],), s))
            elif choice == _SPLIT:
                found_pairs.append(Pair("split", (olds[a - 1],), (news[b - 2], news[b - 1]), s))
            elif choice == _MERGE:
                found_pairs.append(Pair("merge", (olds[a - 2], olds[a - 1]), (news[b - 1],), s))
            da, db = _STEPS[choice]
            a, b = a - da, b - db
        self.pairs.extend(self.released(found_pairs[::-1], olds, news))

    def released(self, pairs: list[Pair], olds: list[int], news: list[int]) -> list[Pair]:
        """A gap's merges and splits without a piece that a paragraph left alone in the gap holds
        more of than the whole does (``better_alone``); the other piece stays paired with the
        whole if it is a pair on its own."""
        if not any(p.kind in ("merge", "split") for p in pairs):
            return pairs
        used_old = {i for p in pairs for i in p.old}
        used_new = {j for p in pairs for j in p.new}
        lone_old = [self.old[i] for i in olds if i not in used_old]
        lone_new = [self.new[j] for j in news if j not in used_new]
        result = []
        for pair in pairs:
            if pair.kind == "merge":
                whole, pieces, others = self.new[pair.new[0]], [self.old[i] for i in pair.old], lone_new
            elif pair.kind == "split":
                whole, pieces, others = self.old[pair.old[0]], [self.new[j] for j in pair.new], lone_old
            else:
                result.append(pair)
                continue
            gone = [n for n, piece in enumerate(pieces) if self.better_alone(piece, whole, others)]
            if len(gone) != 1:
                result.append(pair)
                continue
            old_at, new_at = (
                (pair.old[1 - gone[0]], pair.new[0]) if pair.kind == "merge" else (pair.old[0], pair.new[1 - gone[0]])
            )
            s = self.sim(old_at, new_at)
            if s < MATCH_THRESHOLD:
                s = self.reworded(self.old[old_at], self.new[new_at])
            if s:
                result.append(Pair("match", (old_at,), (new_at,), s))
        return result

    def better_alone(self, piece: Unit, whole: Unit, others: Sequence[Unit]) -> bool:
        """Whether a paragraph left alone on the whole's side holds more of ``piece`` than the
        whole does: the piece is then better explained as that paragraph's own, reworded,
        partner than as a part of a merge or split (an old "Acknowledges the Plan of Action
        ..." rewritten into a long new paragraph on the new plan, whose closing clause also
        opens the next paragraph)."""
        held = self.shared(piece, whole)
        return any(self.shared(piece, other) > held for other in others)

    def in_place(self, a: Unit, b: Unit, s: float) -> float:
        """The similarity of two paragraphs between aligned neighbours, less similar than a move
        needs (``MOVE_THRESHOLD``): on the evidence of an update in place (``reworded``), else, from
        ``REWORDED_THRESHOLD`` up (``MUTUAL_THRESHOLD`` for long paragraphs), when each is the
        other's most similar paragraph in the whole part (``most_similar``) and they share rare
        words: a paragraph rewritten around its subject (a decision to consider an International
        Day become the recall of the resolution that proclaimed it) keeps less than half its words
        but no other paragraph holds more of them. The same for a paragraph left over that swapped
        places with a neighbour (``LOCAL_SWAP``) as for one the programme pairs in its gap."""
        found = self.reworded(a, b)
        if found or s < MUTUAL_THRESHOLD:
            return found
        if s < REWORDED_THRESHOLD and min(a.size, b.size) < OPENING_CONTAINED_MIN:
            return 0.0
        if self.rare_similarity(a, b) < PIECE_RARE_THRESHOLD:
            return 0.0
        return s if self.most_similar(a, b, s) else 0.0

    def most_similar(self, a: Unit, b: Unit, s: float) -> bool:
        """Whether no paragraph of the whole part (those that went to the other part too) is more
        similar to old ``a`` or to new ``b`` than they are to each other (``s``). Two paragraphs
        that share half their words only through the names and formulas of the resolution
        ("the United Nations Office on Drugs and Crime", "the open-ended intergovernmental expert
        group") are not one paragraph when one of them takes its wording from a third: a new
        request written after an old one that now stands elsewhere. Two that share a word of
        their own (``own_word``) are told apart by their rare words too: a paragraph more similar
        only through more of the common words, with fewer of the rare ones, is no rival
        (``rare_rival``)."""
        if self.rival(a, b, old_side=True) <= s and self.rival(b, a, old_side=False) <= s:
            return True
        if not self.own_word(a, b):
            return False
        rare = self.rare_similarity(a, b)
        return not self.rare_rival(a, b, True, s, rare) and not self.rare_rival(b, a, False, s, rare)

    def rare_rival(self, unit: Unit, partner: Unit, old_side: bool, s: float, rare: float) -> bool:
        """Whether a paragraph of the other side of the whole part, ``partner`` (by text) aside, is
        more similar to ``unit`` than ``s`` and shares as much of its rare words as ``rare``
        (``rare_similarity``). Compared as ``rival`` compares."""
        for other in self.comparable(unit, old_side):
            if other.key == partner.key:
                continue
            if (self.similar(unit, other) if old_side else self.similar(other, unit)) <= s:
                continue
            if self.rare_similarity(unit, other) >= rare:
                return True
        return False

    def rival(self, unit: Unit, partner: Unit, old_side: bool) -> float:
        """The similarity of ``unit`` (of the old side if ``old_side``) to the most similar
        paragraph of the other side of the whole part, ``partner`` (by text) aside. The two best
        are remembered per text. When comparing every pair of the part would be too many
        (``MAX_LEFTOVER_PAIRS``), only the paragraphs having one of its rarest words count."""
        key = (unit.key, old_side)
        best = self._rivals.get(key)
        if best is None:
            others = self.comparable(unit, old_side)
            scored = {o.key: self.similar(unit, o) if old_side else self.similar(o, unit) for o in others}
            best = heapq.nlargest(2, ((value, text) for text, value in scored.items()))
            self._rivals[key] = best
        return next((value for value, text in best if text != partner.key), 0.0)

    def comparable(self, unit: Unit, old_side: bool) -> Sequence[Unit]:
        """The paragraphs of the other side of the whole part that ``unit`` (of the old side if
        ``old_side``) is compared with: all of them, or, when comparing every pair of the part
        would be too many (``MAX_LEFTOVER_PAIRS``), those having one of its rarest words."""
        if len(self._whole[0]) * len(self._whole[1]) > MAX_LEFTOVER_PAIRS:
            return self.having_rare_words(unit, not old_side)
        return self._whole[1] if old_side else self._whole[0]

    def having_rare_words(self, unit: Unit, old_side: bool) -> list[Unit]:
        """Up to ``POSTING_CAP`` paragraphs of a side of the whole part for each of ``unit``'s
        ``RARE_WORDS`` rarest words that has them (an index of the side, built once)."""
        index = self._having.get(old_side)
        if index is None:
            index = {}
            for other in self._whole[0] if old_side else self._whole[1]:
                for word in other.words:
                    index.setdefault(word, []).append(other)
            self._having[old_side] = index
        weight = self.weights()
        rarest = heapq.nlargest(RARE_WORDS, unit.words, key=lambda w: (weight[w], w))
        return [other for word in rarest for other in index.get(word, [])[:POSTING_CAP]]

    def reworded(self, a: Unit, b: Unit) -> float:
        """The similarity of two paragraphs when the evidence of an update in place holds
        (module doc), else 0.0. Only asked between aligned neighbours."""
        short, total = min(a.size, b.size), a.size + b.size
        same_opening = bool(a.opening) and a.opening == b.opening
        if short < CONTAINED_MIN and not (same_opening and 2 * short >= REWORDED_THRESHOLD * total):
            return 0.0  # neither kind of evidence can hold: no need to count shared words
        common = self.shared(a, b)
        dice = 2 * common / total
        if short >= CONTAINED_MIN:
            if same_opening:
                needed = OPENING_CONTAINED if short >= OPENING_CONTAINED_MIN else CONTAINED
                found = self.contained(a, b, common, needed)
            else:
                needed, found = CONTAINED, common
            if found >= needed * short:
                return dice
        return dice if same_opening and dice >= REWORDED_THRESHOLD else 0.0

    def contained(self, a: Unit, b: Unit, common: int, needed: float) -> int:
        """The words of the shorter of two paragraphs that open alike found in the longer
        (``common`` of them shared), counting the technical words it adds as found: a recall cut
        down to its list of resolutions ("Recalling its resolutions 76/182 of 16 December 2021,
        77/232 of ...") is made of the old recall's words once its new references are
        placeholders. Only for paragraphs that open alike: a list of references is otherwise
        found in any paragraph that cites something. Counted only where the shared words alone
        fall short of the ``needed`` share."""
        short, long = (a, b) if a.size <= b.size else (b, a)
        if common >= needed * short.size:
            return common
        return common + self.new_numbers(short, long.words)

    def new_numbers(self, part: Unit, whole: Counter[str]) -> int:
        """``new_numbers``, with each paragraph's technical words picked out once: the programme
        asks it of one paragraph against many."""
        numbers = self._numbers.get((part.key, part.technical))
        if numbers is None:
            technical = part.technical
            numbers = [(word, n) for word, n in part.words.items() if word[:1].isdigit() or word in technical]
            self._numbers[(part.key, part.technical)] = numbers
        return sum(n - whole.get(word, 0) for word, n in numbers if n > whole.get(word, 0))

    def pieces_score(self, whole: Unit, first: Unit, second: Unit, apart: bool = False) -> tuple[float, float] | None:
        """How well two pieces make up one paragraph (a split or a merge), with the mass that
        explains, or None if they don't.

        Each piece must mostly come from the whole, and what one piece leaves of the whole must
        mostly be found in the other: the whole's content is shared out between them, which is
        what tells a split from an edited paragraph with an unrelated one inserted beside it.
        Lengths and shared-word counts rule most candidates out before any multiset is built.
        """
        size = whole.size
        total = size + first.size + second.size
        # a piece without words (an empty paragraph of a damaged text) holds nothing of the whole
        if not first.size or not second.size or 2 * min(size, first.size + second.size) < MATCH_THRESHOLD * total:
            return None
        edges = 0
        for piece, other in ((first, second), (second, first)):
            common = self.shared(whole, piece)
            if size - common < SHARE_OUT * size and not (
                not apart
                and size - common >= CONTAINED_MIN
                and containment(whole.words - piece.words, other.words) >= CONTAINED
            ):
                # at the edge, the clause that went to the other piece keeps the whole's act
                if size - common < (SHARE_OUT - EDGE) * size or other.sequence[:1] != whole.sequence[:1]:
                    return None
                edges += 1
            # the references and years a piece adds count as found, adjacent or apart: how many
            # words a translation spends on the rest decides whether the bare share passes
            needed = PIECE_CONTAINMENT * piece.size
            if common < needed and common + self.new_numbers(piece, whole.words) < needed:
                # at the edge on its own words: the references it adds are no evidence there
                if common < (PIECE_CONTAINMENT - EDGE) * piece.size:
                    return None
                edges += 1
        for piece, other in ((first, second), (second, first)):
            rest = whole.words - piece.words
            if apart:
                # each piece made of what the other leaves, its new references as placeholders
                found = (sum((other.words & rest).values()) + self.new_numbers(other, whole.words)) / other.size
            else:
                found = containment(rest, other.words)
            if found < MATCH_THRESHOLD - EDGE:
                return None
            edges += found < MATCH_THRESHOLD
        doubt = edges > 1 or edges and not self.rare_shared_out(whole, first, second)
        # two doubts, or the rare words not shared out: a clause carried whole settles them
        if doubt and (apart or edges > 2 or not self.clause_carried(whole, first, second)):
            return None
        score = similarity(whole.words, first.words + second.words)
        return (score, score * total) if score >= MATCH_THRESHOLD else None

    def clause_carried(self, whole: Unit, first: Unit, second: Unit) -> bool:
        """Whether each of two pieces keeps a clause of the whole word for word (``CLAUSE_RUN``
        words in a row) that the other piece does not keep, and the piece that holds less of the
        whole keeps one that is ``CARRIED`` of its words and stands in no other paragraph of the
        part: a paragraph carried into the whole, not a phrase of the resolution it shares with it."""
        for piece, other in ((first, second), (second, first)):
            if (
                kept_run(piece.sequence, whole.sequence) < CLAUSE_RUN
                or kept_run(piece.sequence, other.sequence) >= CLAUSE_RUN
            ):
                return False
        minor = min((first, second), key=lambda piece: self.shared(whole, piece))
        clause = kept_clause(minor.sequence, whole.sequence)
        if len(clause) < CARRIED * minor.size:
            return False
        return not any(
            kept_run(clause, unit.sequence) >= CLAUSE_RUN
            for unit in self._part
            if unit.key not in (whole.key, minor.key)
        )

    def rare_shared_out(self, whole: Unit, first: Unit, second: Unit) -> bool:
        """Whether each piece holds, weighted by rarity (``weights``), at least half of what the
        other piece leaves of the whole (``EDGE``)."""
        return all(
            self.rare_held(whole.words - other.words, piece.words) >= MATCH_THRESHOLD
            for piece, other in ((first, second), (second, first))
        )

    def rare_held(self, part: Counter[str], holder: Counter[str]) -> float:
        """The share of ``part``'s words, weighted by rarity (``weights``), that ``holder`` has
        too (1.0 for no words)."""
        weight = self.weights()
        total = sum(n * weight[word] for word, n in part.items())
        held = sum(min(n, holder[word]) * weight[word] for word, n in part.items() if word in holder)
        return held / total if total else 1.0

    def leftovers(self) -> None:
        """Pair what no gap could: moved paragraphs, edited or not, most similar first.

        A pair that the programme made on the evidence of an update in place (less similar than
        ``MOVE_THRESHOLD``: the programme asks ``in_place`` below it, so its slot vouches for it
        as much as its text) is weak: either of its paragraphs goes to a leftover more similar to
        it, and its partner is left alone. An unrelated paragraph inserted nearby changes which
        paragraphs are neighbours, and must not keep a paragraph from a partner that shares its
        text: a request that opens like the one it displaced ("Also requests the Secretary-General
        to continue to ...") shares half its words with it through that opening alone. The
        leftover must be a pair with it on the evidence any pair needs, though: half the words
        shared through the language's function words and the resolution's names is no more
        evidence than the slot. Under half the words, a leftover in the same slot takes it only
        with the evidence of an update in place of its own (``reworded``).
        """
        weak = {n: p for n, p in enumerate(self.pairs) if p.kind == "match" and p.similarity < MOVE_THRESHOLD}
        held_old = {p.old[0]: n for n, p in weak.items()}
        held_new = {p.new[0]: n for n, p in weak.items()}
        used_old = {i for p in self.pairs for i in p.old} - held_old.keys()
        used_new = {j for p in self.pairs for j in p.new} - held_new.keys()
        lone_olds = [i for i in range(len(self.old)) if i not in used_old and i not in held_old]
        lone_news = [j for j in range(len(self.new)) if j not in used_new and j not in held_new]
        olds, news = lone_olds + sorted(held_old), lone_news + sorted(held_new)
        if not lone_olds and not lone_news or not olds or not news:
            return
        if len(olds) * len(news) > MAX_LEFTOVER_PAIRS:
            candidates = self.repeats(olds, news) + self.candidates_by_rare_words(olds, news)
        else:
            candidates = [(i, j) for i in olds for j in news]
        # where each leftover paragraph stands among the pairs of the order that stayed (the longest
        # increasing run of the pairs found so far, all of them on the first pass): the number of
        # those pairs before it on its own side. A paragraph carried from far away, even word for
        # word, is no neighbour: counting it would make a paragraph updated in its slot look moved
        kept = sorted(self.order_that_stayed())
        old_starts = [i for i, _ in kept]
        new_starts = [j for _, j in kept]
        old_slot = {i: bisect.bisect_left(old_starts, i) for i in olds}
        new_slot = {j: bisect.bisect_left(new_starts, j) for j in news}
        scored = []
        for i, j in candidates:
            holder_old, holder_new = held_old.get(i), held_new.get(j)
            if holder_old is not None and holder_new is not None:
                continue  # a weak pair itself, or two weak pairs' paragraphs
            holder = holder_old if holder_old is not None else holder_new
            s = self.sim(i, j)
            in_place = abs(old_slot[i] - new_slot[j]) <= LOCAL_SWAP
            if holder is not None and (s <= weak[holder].similarity or s < MATCH_THRESHOLD and not in_place):
                s = 0.0  # only text beats the evidence of a place (and, below, text that makes a pair)
            elif holder is not None and (s < MATCH_THRESHOLD or s < weak[holder].similarity + NOISE):
                # in the same slot, under half the words, or more similar by less than a language
                # moves a margin: only with the evidence of an update in place of its own (French
                # opens "Calls upon" and "Calls for" alike, "Demande")
                s = self.reworded(self.old[i], self.new[j]) if in_place else 0.0
            elif s < MATCH_THRESHOLD:
                s = self.in_place(self.old[i], self.new[j], s) if in_place else 0.0
            elif s < MOVE_THRESHOLD:
                old_unit, new_unit = self.old[i], self.new[j]
                if in_place:
                    s = self.in_place(old_unit, new_unit, s)
                elif not self.most_similar(old_unit, new_unit, s):
                    s = 0.0
            if s:
                scored.append((s, i, j, in_place))
        scored.sort(key=lambda c: (-c[0], c[1], c[2]))
        dissolved: set[int] = set()
        for s, i, j, in_place in scored:
            if i in used_old or j in used_new:
                continue
            if (
                not in_place
                and s < MOVE_THRESHOLD
                and self.rare_similarity(self.old[i], self.new[j]) < MOVE_RARE_THRESHOLD
            ):
                continue
            used_old.add(i)
            used_new.add(j)
            dissolved.update(n for n in (held_old.pop(i, None), held_new.pop(j, None)) if n is not None)
            self.pairs.append(Pair("match", (i,), (j,), s))
        # a dissolved pair's other paragraph stays where it was taken from: alone
        self.pairs = [p for n, p in enumerate(self.pairs) if n not in dissolved]

    def moved_pieces(self) -> None:
        """Splits and merges that moved: a paragraph left unpaired made up of two adjacent
        paragraphs left unpaired on the other side, away from its slot (a long paragraph whose
        first clause was rolled over and whose last ones were kept word for word, both now after
        paragraphs that stood after it). Nothing but the text vouches for them: the pieces must
        share out the whole as pieces far apart do (``pieces_score(apart=True)``), keep their
        wording (``worded_from``) and pass the guards of a move together; best first. Two
        paragraphs left unpaired are adjacent when only paragraphs paired off the order that
        stayed stand between them (one that moved there from elsewhere)."""
        used_old = {i for p in self.pairs for i in p.old}
        used_new = {j for p in self.pairs for j in p.new}
        lone_old = [i for i in range(len(self.old)) if i not in used_old]
        lone_new = [j for j in range(len(self.new)) if j not in used_new]
        # adjacent: the next paragraph left unpaired, with only paragraphs off the order that
        # stayed between them (paired elsewhere: moved there)
        self.note_order()
        next_old = self.next_lone(lone_old, self._in_order[0])
        next_new = self.next_lone(lone_new, self._in_order[1])
        found: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
        for i, j in self.piece_candidates(lone_old, lone_new):
            if j in next_new:
                score = self.moved_piece_score(self.old[i], self.new[j], self.new[next_new[j]])
                if score:
                    found.append((score, (i,), (j, next_new[j])))
            if i in next_old:
                score = self.moved_piece_score(self.new[j], self.old[i], self.old[next_old[i]])
                if score:
                    found.append((score, (i, next_old[i]), (j,)))
        for score, olds, news in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
            if used_old.intersection(olds) or used_new.intersection(news):
                continue
            used_old.update(olds)
            used_new.update(news)
            self.pairs.append(Pair("split" if len(news) == 2 else "merge", olds, news, score, moved=True))

    def order_that_stayed(self) -> set[tuple[int, int]]:
        """The pairs found so far that stayed in order: the longest increasing run of them, but the
        pieces found away from their slot and paragraphs that share no word with another text
        (which anchor nothing, ``backbone``: an unrelated paragraph inserted in both texts at
        other places must not decide which paragraphs around it stayed)."""
        isolated = self.isolated()
        return longest_increasing(
            [(p.old[0], p.new[0]) for p in self.pairs if not p.moved and self.old[p.old[0]].key not in isolated]
        )

    def note_order(self) -> None:
        """The pairs of the order that stayed (the longest increasing run of the pairs found so
        far, but the pieces found away from their slot), and the paragraphs they hold on each side."""
        kept = self.order_that_stayed()
        in_order = [p for p in self.pairs if (p.old[0], p.new[0]) in kept] if kept else []
        self._in_order = (sorted(i for p in in_order for i in p.old), sorted(j for p in in_order for j in p.new))
        self._kept = kept

    @staticmethod
    def next_lone(lone: list[int], order: list[int]) -> dict[int, int]:
        """Each paragraph left unpaired (``lone``, in order) with the next one, where no paragraph
        of the order that stayed (``order``) stands between them."""
        return {
            a: b
            for a, b in zip(lone, lone[1:], strict=False)
            if bisect.bisect_right(order, a) == bisect.bisect_left(order, b)
        }

    def moved_piece_score(self, whole: Unit, first: Unit, second: Unit) -> float:
        found = self.pieces_score(whole, first, second, apart=True)
        if found is None or not self.worded_from(whole, first, second):
            return 0.0
        pieces = Unit(first.key + second.key, first.words + second.words, first.size + second.size)
        if found[0] < MOVE_THRESHOLD and self.rare_similarity(whole, pieces) < MOVE_RARE_THRESHOLD:
            return 0.0
        return found[0]

    def scattered_pieces(self) -> None:
        """Merges and splits of paragraphs that were not adjacent: a paragraph left unpaired
        that, with the partner of an edited paragraph, makes up that paragraph (a recall and a
        note from opposite ends of the part combined into one paragraph). The pieces must each
        be found in what the other leaves of the whole (``pieces_score(apart=True)``), keep
        their wording (``worded_from``) and explain the whole better than the partner alone;
        best first, one piece added to a pair at most.

        Pieces are still adjacent when only paragraphs off the order that stayed stand between
        them (paragraphs deleted, or paired elsewhere: moved), with the whole in that order: a
        paragraph inserted between two paragraphs that are merged does not part them, and they
        are judged as the programme judges adjacent pieces (``pieces_score``)."""
        used_old = {i for p in self.pairs for i in p.old}
        used_new = {j for p in self.pairs for j in p.new}
        self.note_order()
        lone_old = [i for i in range(len(self.old)) if i not in used_old]
        lone_new = [j for j in range(len(self.new)) if j not in used_new]
        edited = {p.new[0]: n for n, p in enumerate(self.pairs) if p.kind == "match" and p.similarity <= EXTENSIBLE}
        lone_old_units = [self.old[i] for i in lone_old]
        lone_new_units = [self.new[j] for j in lone_new]
        found: list[tuple[float, int, str, int]] = []
        if edited and lone_old:  # merges: a lone old paragraph, an edited new one
            for i, j in self.piece_candidates(lone_old, list(edited)):
                found += self.piece(edited[j], "old", i, lone_new_units)
        edited_old = {self.pairs[n].old[0]: n for n in edited.values()}
        if edited_old and lone_new:  # splits: an edited old paragraph, a lone new one
            for i, j in self.piece_candidates(list(edited_old), lone_new):
                found += self.piece(edited_old[i], "new", j, lone_old_units)
        taken: set[object] = set()
        for score, n, side, lone in sorted(found, key=lambda f: (-f[0], f[1], f[2], f[3])):
            if n in taken or (side, lone) in taken:
                continue
            taken.update((n, (side, lone)))
            pair = self.pairs[n]
            if side == "old":
                self.pairs[n] = Pair("merge", tuple(sorted((*pair.old, lone))), pair.new, score)
            else:
                self.pairs[n] = Pair("split", pair.old, tuple(sorted((*pair.new, lone))), score)

    def alone_in_gap(self) -> None:
        """The one paragraph left unpaired in a gap on each side that could be the other's
        partner, between the same two paragraphs of the order that stayed, paired on the evidence
        of that slot (``ALONE_THRESHOLD``): a note of an expert group meeting updated to the
        later meeting, under another opening verb ("Noting the efforts ... through convening ...
        a meeting" → "Taking note of the discussions ... at the meeting"), is the one paragraph
        that changed between its neighbours. A paragraph that shares no word at all with any
        paragraph left across the gap cannot be anyone's partner there, so it is not counted: a
        paragraph inserted beside the one updated, in words the others never use, must not take
        the slot's evidence away. With more left in the gap, the pair its text tells apart
        (``best_in_gap``) is paired on the same evidence. Where the two are the gap's only ones,
        fewer rare words do if they share a word of their own (``own_word``) and no paragraph
        left anywhere in the part holds more of them (``SOLE_RARE_THRESHOLD``, ``best_left``).
        A new paragraph that cuts an old one down (``cut_down``) needs neither threshold.
        Asked last: a move, a split or a merge explains a paragraph on more evidence than its
        slot."""
        kept = sorted(self.order_that_stayed())
        old_bounds = [i for i, _ in kept]
        new_bounds = [j for _, j in kept]
        lone_old = _unpaired_by_gap(len(self.old), {i for p in self.pairs for i in p.old}, old_bounds)
        lone_new = _unpaired_by_gap(len(self.new), {j for p in self.pairs for j in p.new}, new_bounds)
        # old paragraphs gone to the other part were never offered as partners here, and may still
        # be what a new paragraph was worded from (one still in this part was offered, and
        # refused); a new paragraph that came from the other part holds its own partner's words
        gone_old = {u.key for u in self._whole[0]} - {u.key for u in self.old}
        # the paragraphs left unpaired in the whole part, before any of this step's pairs
        left = _Left.of(
            [self.old[i] for olds in lone_old.values() for i in olds],
            [self.new[j] for news in lone_new.values() for j in news],
        )
        for gap, olds in lone_old.items():
            news = lone_new.get(gap, [])
            if not news:
                continue
            sharing = [(i, j) for i, j in self.piece_candidates(olds, news) if self.shared(self.old[i], self.new[j])]
            only = len(sharing) == 1
            tied = self.tied_pieces(sharing, gone_old)
            if tied:
                self.pairs += tied
                taken = {(0, i) for p in tied for i in p.old} | {(1, j) for p in tied for j in p.new}
                sharing = [(i, j) for i, j in sharing if (0, i) not in taken and (1, j) not in taken]
            for i, j in self.best_in_gap(sharing):
                dice = self.alone_score(i, j, gone_old, left if only else None)
                if dice:
                    self.pairs.append(Pair("match", (i,), (j,), dice))

    def tied_pieces(self, sharing: list[tuple[int, int]], gone_old: set[str]) -> list[Pair]:
        """The merges and splits of a gap that its slot's evidence cannot tell from a pair: a
        paragraph that two adjacent paragraphs of the other side each could be paired with on the
        evidence of the slot (``alone_score``), both claiming it as their best there by rare words
        (``rare_similarity``), by a margin under ``NOISE``. Which of the two it goes to is the
        language's choice, not the text's; the text's is both, when each is made of it as a piece
        is (``PIECE_CONTAINMENT`` of its words) and the two together are more like it than either
        alone: a written summary to be prepared and comments to be compiled, taken note of in one
        paragraph once both are done."""
        if len(sharing) < 2:
            return []
        rare: dict[tuple[int, int], float] = {}
        for i, j in sharing:
            if self.alone_score(i, j, gone_old):
                rare[(i, j)] = self.rare_similarity(self.old[i], self.new[j])
        claims: tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]] = ({}, {})
        for (i, j), value in rare.items():
            claims[0].setdefault(i, []).append((value, j))
            claims[1].setdefault(j, []).append((value, i))
        found: list[Pair] = []
        used: set[tuple[int, int]] = set()
        for side in (1, 0):  # merges (a new paragraph two old ones claim), then splits
            for whole_at, claimants in sorted(claims[side].items()):
                if len(claimants) < 2:
                    continue
                (first, a), (second, b) = sorted(claimants, reverse=True)[:2]
                if first - second >= NOISE or abs(a - b) != 1:
                    continue
                if any(max(claims[1 - side][piece])[0] > value for value, piece in ((first, a), (second, b))):
                    continue  # a piece claims another paragraph more
                pieces = tuple(sorted((a, b)))
                members = {(side, whole_at)} | {(1 - side, piece) for piece in pieces}
                if members & used:
                    continue
                whole = self.new[whole_at] if side else self.old[whole_at]
                units = [(self.old if side else self.new)[piece] for piece in pieces]
                if any(self.shared(whole, unit) < PIECE_CONTAINMENT * unit.size for unit in units):
                    continue
                together = similarity(whole.words, units[0].words + units[1].words)
                if together <= max(self.dice(whole, unit) for unit in units):
                    continue
                used |= members
                if side:
                    found.append(Pair("merge", pieces, (whole_at,), together))
                else:
                    found.append(Pair("split", (whole_at,), pieces, together))
        return found

    def best_in_gap(self, sharing: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The pairs of paragraphs left in one gap (those of ``sharing``, which share a word) that
        are each other's most similar there by rare words (``rare_similarity``), neither having
        another paragraph of the gap that could be its partner (``ALONE_THRESHOLD`` of their
        words) as similar: the one left on each side, or, with more left,
        the pair the text tells apart from the others (a note of the Secretary-General's report
        rolled over to the new report, beside an old paragraph deleted from the same slot). A tie
        leaves the slot's evidence to no one."""
        if len(sharing) == 1:
            return sharing
        # only a pair that could be one (``ALONE_THRESHOLD`` of its words) is a rival: the rare
        # words are weighed for those alone, a few in a gap whatever its size
        plausible = [
            (i, j)
            for i, j in sharing
            if self.dice(self.old[i], self.new[j]) >= ALONE_THRESHOLD or self.cut_down(self.old[i], self.new[j])
        ]
        rare = {pair: self.rare_similarity(self.old[pair[0]], self.new[pair[1]]) for pair in plausible}
        by_old: dict[int, list[float]] = {}
        by_new: dict[int, list[float]] = {}
        for (i, j), value in rare.items():
            by_old.setdefault(i, []).append(value)
            by_new.setdefault(j, []).append(value)

        def alone_best(value: float, values: list[float]) -> bool:
            return value == max(values) and values.count(value) == 1

        return [
            (i, j) for (i, j), value in rare.items() if alone_best(value, by_old[i]) and alone_best(value, by_new[j])
        ]

    def dice(self, a: Unit, b: Unit) -> float:
        """Dice of two paragraphs, from the remembered count of the words they share."""
        total = a.size + b.size
        return 2 * self.shared(a, b) / total if total else 1.0

    def alone_score(self, i: int, j: int, gone_old: set[str], left: _Left | None = None) -> float:
        """The Dice of old ``i`` and new ``j`` when they would pair as the one paragraph left on
        each side of their gap (``alone_in_gap``), else 0.0. ``left``: the paragraphs left
        unpaired in the part, where the two are the only ones of their gap."""
        a, b = self.old[i], self.new[j]
        if min(a.size, b.size) < ALONE_MIN:
            return 0.0
        dice = self.dice(a, b)
        if not self.cut_down(a, b):
            if dice < ALONE_THRESHOLD:
                return 0.0
            rare = self.rare_similarity(a, b)
            if rare < PIECE_RARE_THRESHOLD and (
                left is None
                or rare < SOLE_RARE_THRESHOLD
                or not self.own_word(a, b)
                or not self.best_left(a, b, rare, left)
            ):
                return 0.0
        if self.rival_gone(b, a, False, dice, gone_old):
            return 0.0
        return dice

    def cut_down(self, a: Unit, b: Unit) -> bool:
        """Whether new ``b`` is old ``a`` cut down (``CUT_DOWN``): at most half of it, sharing a
        figure of two digits or more, holding ``PIECE_CONTAINMENT`` of its words and
        ``PIECE_RARE_THRESHOLD`` of its rare words' weight (``weights``) from it."""
        if b.size * CUT_DOWN > a.size:
            return False
        if not any(len(word) > 1 and word[:2].isdigit() for word in b.words.keys() & a.words.keys()):
            return False
        if self.shared(a, b) < PIECE_CONTAINMENT * b.size:
            return False
        return self.rare_held(b.words, a.words) >= PIECE_RARE_THRESHOLD

    def best_left(self, a: Unit, b: Unit, rare: float, left: _Left) -> bool:
        """Whether no paragraph left unpaired in the part but old ``a`` and new ``b`` shares as
        much (``rare``) of the other's rare words (``rare_similarity``): the text points to no
        other partner. When comparing every pair left would be too many
        (``MAX_LEFTOVER_PAIRS``), only those having one of its rarest words count; below, the
        comparisons are at most that many, as the leftovers' are."""
        too_many = len(left.old) * len(left.new) > MAX_LEFTOVER_PAIRS
        for unit, partner, old_side in ((a, b, True), (b, a, False)):
            if too_many:
                texts = left.new_keys if old_side else left.old_keys
                others = [o for o in self.having_rare_words(unit, not old_side) if o.key in texts]
            else:
                others = list(left.new if old_side else left.old)
            for other in others:
                if other.key == partner.key:
                    continue
                if self.rare_similarity(unit, other) >= rare:
                    return False
        return True

    def rival_gone(self, unit: Unit, partner: Unit, old_side: bool, s: float, gone: set[str]) -> bool:
        """Whether one of ``unit``'s two most similar paragraphs (``rival``) is more similar than
        ``s`` and went to the other part (its text in ``gone``): the paragraph ``unit`` was
        worded from, though it stands elsewhere now."""
        if not gone:
            return False
        self.rival(unit, partner, old_side)
        best = self._rivals[(unit.key, old_side)]
        return any(value > s and text != partner.key and text in gone for value, text in best)

    def piece_candidates(self, olds: list[int], news: list[int]) -> list[tuple[int, int]]:
        """Every pair of old and new paragraphs, or through rare words when that is too many."""
        if len(olds) * len(news) > MAX_LEFTOVER_PAIRS:
            return self.candidates_by_rare_words(olds, news)
        return [(i, j) for i in olds for j in news]

    def piece(self, n: int, side: str, lone: int, alone: Sequence[Unit]) -> list[tuple[float, int, str, int]]:
        """The lone paragraph (of ``side``) as a second piece of pair ``n``, if it is one and
        no paragraph of ``alone`` (those left alone on the other side) holds more of it."""
        pair = self.pairs[n]
        if side == "old":
            whole, kept, extra = self.new[pair.new[0]], self.old[pair.old[0]], self.old[lone]
        else:
            whole, kept, extra = self.old[pair.old[0]], self.new[pair.new[0]], self.new[lone]
        if self.adjacent(pair, side, lone):
            first, second = (kept, extra) if lone > (pair.old[0] if side == "old" else pair.new[0]) else (extra, kept)
            found = self.pieces_score(whole, first, second)
            # as in the programme: the pieces explain more of the two texts than the pair alone
            if found is None or found[1] <= pair.similarity * (whole.size + kept.size):
                return []
            return [] if self.better_alone(extra, whole, alone) else [(found[0], n, side, lone)]
        found = self.pieces_score(whole, kept, extra, apart=True)
        if found is None or found[0] <= pair.similarity or not self.worded_from(whole, kept, extra):
            return []
        if self.better_alone(extra, whole, alone) or self.rare_similarity(extra, whole) < PIECE_RARE_THRESHOLD:
            return []
        return [(found[0], n, side, lone)]

    def adjacent(self, pair: Pair, side: str, lone: int) -> bool:
        """Whether paragraph ``lone`` (of ``side``) stands next to ``pair``'s paragraph there with
        only paragraphs off the order that stayed between them, ``pair`` being in that order."""
        if (pair.old[0], pair.new[0]) not in self._kept:
            return False
        at = pair.old[0] if side == "old" else pair.new[0]
        order = self._in_order[0] if side == "old" else self._in_order[1]
        low, high = min(at, lone), max(at, lone)
        # the paragraphs of the order that stayed strictly between the two: none
        return bisect.bisect_right(order, low) == bisect.bisect_left(order, high)

    @staticmethod
    def worded_from(whole: Unit, first: Unit, second: Unit) -> bool:
        """Each piece keeps at least half its word pairs in the whole (``MATCH_THRESHOLD``), or
        ``EDGE`` less with a clause of the whole kept word for word (``CLAUSE_RUN``) that the other
        piece does not keep (a name both pieces give is no clause of one of them). Pieces far apart
        have no neighbours to vouch for them: what shows that a paragraph was carried into another
        is its wording, where a short generic one ("Invites the Unit to continue its efforts") only
        shares the part's common words, scattered."""
        pairs = whole.word_pairs()
        for piece, other in ((first, second), (second, first)):
            kept = containment(piece.word_pairs(), pairs)
            if kept >= MATCH_THRESHOLD:
                continue
            if kept < MATCH_THRESHOLD - EDGE or kept_run(piece.sequence, whole.sequence) < CLAUSE_RUN:
                return False
            if kept_run(piece.sequence, other.sequence) >= CLAUSE_RUN:
                return False
        return True

    def weights(self) -> dict[str, float]:
        """Each word's rarity in the part: log of (paragraphs + 1) over the paragraphs having it,
        counted once for the part. Only paragraphs sharing a word with a paragraph of another
        text count: one that shares none (an unrelated paragraph inserted anywhere, on one side
        or on both) must make no word rarer, or a pair elsewhere could pass or fail a threshold
        of rare words because of it. Every real paragraph shares the language's function words
        with the others, so this is the number of paragraphs but for such insertions."""
        if self._weights is None:
            # each paragraph's words once: each text's, counted for ``isolated``, and again for
            # each further paragraph of a text (most of a part's paragraphs are on both sides)
            isolated = self.isolated()
            having = self._text_having.copy()
            seen: set[str] = set()
            for unit in self._part:
                if unit.key in seen:
                    _count_elements(having, unit.words)
                seen.add(unit.key)
            count = 1 + len(self._part) - sum(1 for unit in self._part if unit.key in isolated)
            # a logarithm per number of paragraphs, not per word: most words share a few numbers
            logs = {n: math.log(count / n) for n in set(having.values())}
            self._weights = dict(zip(having, map(logs.__getitem__, having.values()), strict=True))
            self._spread = having
        return self._weights

    def own_word(self, a: Unit, b: Unit) -> bool:
        """Whether old ``a`` and new ``b`` share a word that no other paragraph of the part has:
        a name, a month, a figure of their own ("the Government of Japan", "held in August")."""
        self.weights()
        return any(self._spread[word] == 2 for word in a.words.keys() & b.words.keys())

    def isolated(self) -> set[str]:
        """The texts of the part that share no word with another text of it, when some do (worked
        out once)."""
        if self._isolated is None:
            texts = {unit.key: unit.words for unit in self._part}
            # the texts having each word (counted in C: the part's every word is read once)
            having = self._text_having = Counter(chain.from_iterable(texts.values()))
            isolated = {key for key, words in texts.items() if all(having[word] == 1 for word in words)}
            # where no text shares a word with another (one text repeated, a part of one
            # paragraph), there is no body of related text to set a paragraph apart from
            related = any(unit.key not in isolated for unit in self._part)
            self._isolated = isolated if related else set()
        return self._isolated

    def rare_similarity(self, a: Unit, b: Unit) -> float:
        """Dice of two paragraphs with each word weighted by its rarity in the part (``weights``)."""
        weight = self.weights()
        common = sum(min(n, b.words[word]) * weight[word] for word, n in a.words.items() if word in b.words)
        total = sum(n * weight[word] for unit in (a, b) for word, n in unit.words.items())
        return 2 * common / total if total else 1.0

    def candidates_by_rare_words(self, olds: list[int], news: list[int]) -> list[tuple[int, int]]:
        """When all pairs are too many: pairs sharing one of their rarest words (those the
        fewest leftover paragraphs have), each old paragraph with the few new ones sharing most.

        A word that many paragraphs count among their rarest pairs each of them only with the
        ``POSTING_CAP`` nearest in rank on the other side (the k-th with the k-th), so that
        repeated paragraphs cannot make the pass quadratic.
        """
        frequency: Counter[str] = Counter()
        for i in olds:
            frequency.update(self.old[i].words.keys())
        for j in news:
            frequency.update(self.new[j].words.keys())

        def rarest(units: Sequence[Unit], indices: list[int]) -> dict[str, list[int]]:
            having: dict[str, list[int]] = {}
            for index in indices:
                for word in heapq.nsmallest(RARE_WORDS, units[index].words, key=lambda w: (frequency[w], w)):
                    having.setdefault(word, []).append(index)
            return having

        new_having = rarest(self.new, news)
        hits: dict[int, Counter[int]] = {}
        for word, old_having in rarest(self.old, olds).items():
            found = new_having.get(word, [])
            for rank, i in enumerate(old_having if found else ()):
                start = max(0, min(rank * len(found) // len(old_having) - POSTING_CAP // 2, len(found) - POSTING_CAP))
                hits.setdefault(i, Counter()).update(found[start : start + POSTING_CAP])
        candidates: list[tuple[int, int]] = []
        for i in olds:
            best = sorted(hits.get(i, Counter()).items(), key=lambda hit: (-hit[1], hit[0]))
            candidates.extend((i, j) for j, _ in best[:CANDIDATES_PER_PARAGRAPH])
        return candidates

    def mark_moves(self) -> list[Pair]:
        matched = [p for p in self.pairs if p.kind in ("match", "split", "merge")]
        # pieces found away from their slot (``moved_pieces``) are moved whatever the order
        backbone = longest_increasing([(p.old[0], p.new[0]) for p in matched if not p.moved])
        result = [
            Pair(p.kind, p.old, p.new, p.similarity, moved=p.moved or (p.old[0], p.new[0]) not in backbone)
            for p in matched
        ]
        used_old = {i for p in matched for i in p.old}
        used_new = {j for p in matched for j in p.new}
        result += [Pair("delete", (i,), (), 0.0) for i in range(len(self.old)) if i not in used_old]
        result += [Pair("insert", (), (j,), 0.0) for j in range(len(self.new)) if j not in used_new]
        return result


def align(
    old: Sequence[Unit], new: Sequence[Unit], whole: tuple[Sequence[Unit], Sequence[Unit]] | None = None
) -> list[Pair]:
    """Every paragraph of both sides in exactly one pair (match, split, merge, delete, insert).

    ``whole``: the old and new paragraphs of the whole part, where some of it is left out of this
    alignment (those that went to another part): they still make a word rare, and still count
    as a paragraph's most similar one; neither changes with a paragraph's place.
    """
    return _Aligner(old, new, whole).run()


def held_words(unit: Unit, partners: tuple[Unit, ...]) -> int:
    """The words of ``unit`` that its partner (or the pieces it was split into or merged from) has."""
    if len(partners) == 1:
        return shared_words(unit.words, partners[0].words)
    return shared_words(unit.words, sum((p.words for p in partners), Counter[str]()))


def across(
    old: Sequence[Unit],
    new: Sequence[Unit],
    held: tuple[Sequence[float], Sequence[float]],
    partners: tuple[Sequence[tuple[Unit, ...]], Sequence[tuple[Unit, ...]]],
) -> list[Pair]:
    """Paragraphs that went from one part to another: the operative "Expresses its deep concern"
    become the preamble's "Expressing deep concern", a request of the old operative part now
    recalled in the preamble, a paragraph one language's markup puts in the other part.

    ``old`` holds the paragraphs of one part of the old version and ``new`` those of the other
    part of the new version; ``held`` the similarity of each one's pair in its own part (0.0 for
    a paragraph left alone there, 1.0 for one unchanged), old side then new, and ``partners``
    each one's partner(s) there (none for a paragraph left alone). A pair across parts rests on text
    alone, with the guards of a move (``MOVE_THRESHOLD`` or ``MOVE_RARE_THRESHOLD``), and takes
    a paragraph from its own part's partner only when it is more similar than that pair (by
    ``CROSSING_MARGIN``) and shares more of its words: a short note extended in its own slot
    (all in its partner there, with the same opening) is not taken by a paragraph of the other
    part that resembles it as a whole; most similar first. A paragraph that would cross on the
    same evidence to one already taken is a second piece of that crossing (a merge or a split)
    when both pieces together are more like it than the first alone.
    """
    old_held, new_held = held
    old_partners, new_partners = partners
    olds = [i for i, value in enumerate(old_held) if value < EXTENSIBLE]
    news = [j for j, value in enumerate(new_held) if value < EXTENSIBLE]
    if not olds or not news:
        return []
    aligner = _Aligner(old, new)
    if len(olds) * len(news) > MAX_LEFTOVER_PAIRS:
        candidates = aligner.candidates_by_rare_words(olds, news)
    else:
        candidates = [(i, j) for i in olds for j in news]
    scored = []
    for i, j in candidates:
        s = aligner.sim(i, j)
        if s >= MATCH_THRESHOLD and s >= max(old_held[i], new_held[j]) + CROSSING_MARGIN:
            common = aligner.shared(old[i], new[j])
            if common > held_words(old[i], old_partners[i]) and common > held_words(new[j], new_partners[j]):
                scored.append((s, i, j))
    pairs, used_old, used_new = [], set(), set()
    for s, i, j in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_old or j in used_new:
            continue
        if s < MOVE_THRESHOLD and aligner.rare_similarity(old[i], new[j]) < MOVE_RARE_THRESHOLD:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append(Pair("match", (i,), (j,), s, moved=True))
    # two operative recalls combined into one preambular "Recalling": a paragraph that would cross
    # to a paragraph already taken, on the same evidence, is a second piece of it when the two
    # together are more like it than the first alone (one piece added to a crossing at most)
    by_old = {pair.old[0]: n for n, pair in enumerate(pairs)}
    by_new = {pair.new[0]: n for n, pair in enumerate(pairs)}
    grown: set[int] = set()
    for s, i, j in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
        if (i in used_old) == (j in used_new):
            continue
        n = by_new[j] if j in used_new else by_old[i]
        if n in grown or s < MOVE_THRESHOLD and aligner.rare_similarity(old[i], new[j]) < MOVE_RARE_THRESHOLD:
            continue
        pair = pairs[n]
        old_pieces = tuple(sorted({*pair.old, i}))
        new_pieces = tuple(sorted({*pair.new, j}))
        old_words = sum((old[k].words for k in old_pieces), Counter[str]())
        together = similarity(old_words, sum((new[k].words for k in new_pieces), Counter[str]()))
        if together > pair.similarity:
            grown.add(n)
            used_old.add(i)
            used_new.add(j)
            pairs[n] = Pair("merge" if len(old_pieces) > 1 else "split", old_pieces, new_pieces, together, moved=True)
    return pairs


@dataclass(frozen=True, slots=True)
class _Left:
    """The paragraphs left unpaired in a part, on each side, with their texts."""

    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    old_keys: frozenset[str]
    new_keys: frozenset[str]

    @classmethod
    def of(cls, old: Sequence[Unit], new: Sequence[Unit]) -> _Left:
        return cls(tuple(old), tuple(new), frozenset(u.key for u in old), frozenset(u.key for u in new))


def _unpaired_by_gap(count: int, used: set[int], bounds: list[int]) -> dict[int, list[int]]:
    """The paragraphs of one side that no pair holds, by the gap between ``bounds`` (the side's
    positions of the order that stayed) that they stand in."""
    gaps: dict[int, list[int]] = {}
    for index in range(count):
        if index not in used:
            gaps.setdefault(bisect.bisect_left(bounds, index), []).append(index)
    return gaps
