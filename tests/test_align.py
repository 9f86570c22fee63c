"""The aligner on repetitive and adversarial input: right answers, and work that grows linearly.

Work is counted, never timed: every word-by-word comparison of two paragraphs goes through
``shared_words``, so counting its calls measures what the alignment costs.
"""

from __future__ import annotations

import importlib
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain, zip_longest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.model import Paragraph, Resolution, Text

from .conftest import SEED

# resodiff.diff re-exports the function ``align`` under the submodule's name
align_module = importlib.import_module("resodiff.diff.align")
Unit, align = align_module.Unit, align_module.align

VOCABULARY = [f"w{k}" for k in range(3000)]


def unit(words: list[str]) -> align_module.Unit:
    return Unit.of(" ".join(words), words)


def paragraphs(count: int, seed: int) -> list[list[str]]:
    """Distinct paragraphs of 30 to 80 words drawn from one vocabulary, each numbered."""
    rnd = random.Random(seed)
    return [[f"item{k}", *rnd.choices(VOCABULARY, k=rnd.randint(30, 80))] for k in range(count)]


def edited(words: list[str]) -> list[str]:
    return [*words[:-1], "amended"]


@pytest.fixture
def comparisons(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], int]]:
    """Counts the word-by-word comparisons made from here on."""
    calls = [0]
    counted = align_module.shared_words

    def counting(a: Counter[str], b: Counter[str]) -> int:
        calls[0] += 1
        return counted(a, b)

    monkeypatch.setattr(align_module, "shared_words", counting)

    def take() -> int:
        found, calls[0] = calls[0], 0
        return found

    yield take


def pairs_of(result: list[align_module.Pair]) -> list[tuple[str, tuple[int, ...], tuple[int, ...], bool]]:
    return sorted((p.kind, p.old, p.new, p.moved) for p in result)


# --- the whole diff on repetitive documents ------------------------------------------------


def repeated(texts: list[str]) -> Resolution:
    seed = resodiff.read(SEED)
    template = seed.operative[3]
    operative = tuple(replace(template, num=f"{k + 1}.", content=(Text(text),)) for k, text in enumerate(texts))
    return replace(seed, preamble=(), operative=operative, annexes=())


def template_text() -> str:
    paragraph: Paragraph = resodiff.read(SEED).operative[3]
    return paragraph.text


def test_identical_repeated_paragraphs_are_all_unchanged_in_place() -> None:
    text = template_text()
    report = diff_resolutions(repeated([text] * 600), repeated([text] * 600))
    assert [(c.kind, c.old, c.new) for c in report.changes] == [("unchanged", (k,), (k,)) for k in range(1, 601)]
    assert report.verdict == "identical"


def test_repeated_paragraphs_with_one_word_changed_are_modified_in_order() -> None:
    text = template_text()
    words = text.split(" ")
    new = [" ".join([*words[: k % len(words)], "amended", *words[k % len(words) + 1 :]]) for k in range(600)]
    report = diff_resolutions(repeated([text] * 600), repeated(new))
    assert [(c.kind, c.old, c.new) for c in report.changes] == [("modified", (k,), (k,)) for k in range(1, 601)]


def test_deleted_repeated_paragraphs_keep_their_place() -> None:
    """Every other one of many equal paragraphs deleted: the rest pair in order, and each
    deletion is reported after the paragraph before it."""
    text = template_text()
    old = [f"{text} {k}" if k % 2 else text for k in range(400)]
    report = diff_resolutions(repeated(old), repeated([t for t in old if t != text]))
    kinds = Counter(c.kind for c in report.changes)
    assert kinds == {"unchanged": 200, "deleted": 200}
    assert [c.old[0] for c in report.changes] == list(range(1, 401))


# --- the aligner: correct on repetitive input ----------------------------------------------


def test_equal_paragraphs_pair_in_order_among_unique_ones() -> None:
    """Boilerplate between unique paragraphs: the k-th with the k-th, nothing moved."""
    unique = paragraphs(50, seed=1)
    boilerplate = ["the", "general", "assembly", "decides", "to", "remain", "seized", "of", "the", "matter"]
    old = [unit(boilerplate if k % 3 == 0 else unique[k]) for k in range(50)]
    new = [unit(boilerplate if k % 3 == 0 else unique[k]) for k in range(50)]
    assert pairs_of(align(old, new)) == [("match", (k,), (k,), False) for k in range(50)]


def test_nested_repeats_need_no_recursion() -> None:
    """Each paragraph unique only once the paragraph after it has anchored: an anchor search
    by recursion would go 1,500 levels deep."""
    base = paragraphs(1501, seed=2)
    order = [1500]
    for level in range(1499, -1, -1):
        order += [level, level + 1]
    units = [unit(base[k]) for k in order]
    assert pairs_of(align(units, units)) == [("match", (k,), (k,), False) for k in range(len(units))]


def test_reversed_paragraphs_are_all_found_as_moves() -> None:
    base = [unit(words) for words in paragraphs(1200, seed=3)]
    result = align(base, base[::-1])
    assert sorted((p.old, p.new) for p in result) == [((k,), (1199 - k,)) for k in range(1200)]
    assert sum(p.moved for p in result) == 1199


def test_shuffled_and_edited_paragraphs_are_found_across_the_part() -> None:
    """More leftovers than can all be compared (900 × 900 pairs): the rare-word candidates
    still find every edited paragraph's new place."""
    base = paragraphs(900, seed=4)
    order = list(range(900))
    random.Random(4).shuffle(order)
    result = align([unit(words) for words in base], [unit(edited(base[k])) for k in order])
    assert sorted((p.old, p.new) for p in result) == sorted(((k,), (order.index(k),)) for k in range(900))


def test_a_pair_made_on_its_place_alone_yields_to_a_match_on_text() -> None:
    """A request reworded in place (same opening, 48 % of the words) is paired there only until
    a paragraph further on shares its text: then that one is its partner, and the paragraph that
    stood in its slot is new."""
    request = ["requests", *(f"a{k}" for k in range(20))]
    in_slot = ["requests", *(f"a{k}" for k in range(9)), *(f"b{k}" for k in range(11))]
    further_on = [*request[:-1], "c0"]
    first, second, third = (unit([f"p{k}", *(f"{k}x{n}" for n in range(12))]) for k in range(3))
    result = align([first, unit(request), second, third], [first, unit(in_slot), second, third, unit(further_on)])
    assert sorted(pairs_of(result)) == [
        ("insert", (), (1,), False),
        ("match", (0,), (0,), False),
        ("match", (1,), (4,), True),
        ("match", (2,), (2,), False),
        ("match", (3,), (3,), False),
    ]


@pytest.mark.parametrize(("kept", "yields"), [(9, True), (11, True), (13, False)])
def test_a_pair_resting_on_its_slot_yields_to_a_near_identical_paragraph_elsewhere(kept: int, yields: bool) -> None:
    """A request in the slot of another that opens alike ("requests" and ``kept`` of its 20
    other words: 48 %, 57 %) rests on its place as long as it is less similar than a move needs:
    the old request goes to a paragraph further on with all its text, and the one in its slot is
    new. From a move's similarity (67 %) the pair in the slot stands on its text, and stays."""
    request = ["requests", *(f"a{k}" for k in range(20))]
    in_slot = ["requests", *(f"a{k}" for k in range(kept)), *(f"b{k}" for k in range(20 - kept))]
    further_on = [*request[:-1], "c0"]
    first, second, third = (unit([f"p{k}", *(f"{k}x{n}" for n in range(12))]) for k in range(3))
    result = align([first, unit(request), second, third], [first, unit(in_slot), second, third, unit(further_on)])
    request_pair = ("match", (1,), (4,), True) if yields else ("match", (1,), (1,), False)
    left_alone = ("insert", (), (1,), False) if yields else ("insert", (), (4,), False)
    in_order = [("match", (k,), (k,), False) for k in (0, 2, 3)]
    assert sorted(pairs_of(result)) == sorted([left_alone, request_pair, *in_order])


@pytest.mark.parametrize("rare", [False, True])
def test_text_that_beats_a_slot_must_make_a_pair_of_its_own(rare: bool) -> None:
    """A call paired in its slot by its opening (10 of 20 words: Dice 0.5) yields to a note
    beside it that shares 11 of its words (Dice 0.55) only if those two would be a pair on
    their own: through the part's common words alone (every paragraph has them) they would not,
    and the call keeps its slot; through words only the two have, the note takes it."""
    common = [f"c{k}" for k in range(11)]
    shared = [f"r{k}" for k in range(11)] if rare else common
    contexts = [unit([f"p{k}", *common, *(f"{k}y{n}" for n in range(8))]) for k in range(5)]
    call = unit(["calls", *shared, "c11", *(f"a{k}" for k in range(7))])
    in_slot = unit(["calls", *shared[:5], *(f"a{k}" for k in range(4)), *(f"z{k}" for k in range(10))])
    note = unit(["notes", *shared, *(f"x{k}" for k in range(8))])
    found = pairs_of(align([contexts[0], call, *contexts[1:]], [contexts[0], in_slot, note, *contexts[1:]]))
    assert ("match", (1,), (2 if rare else 1,), False) in found
    assert ("insert", (), (1 if rare else 2,), False) in found


@pytest.mark.parametrize(("kept", "takes"), [(18, True), (17, False)])
def test_a_paragraph_in_the_same_slot_more_like_a_weak_pair_takes_it(kept: int, takes: bool) -> None:
    """Two old calls open like the new one, which shares 46 % of its words with the longer (the
    programme's pair: it explains more words) and ``kept`` + 1 of 40 with the shorter: with 18
    kept (Dice 0.475) the shorter is the more like it, with the evidence of an update in place of
    its own (the same opening, 45 % of the words), and takes it though under half its words are
    shared (French says "Calls upon" and "Calls for" alike: "Demande"); with 17 (Dice 0.45) the
    longer keeps it."""
    target = ["demande", *(f"t{k}" for k in range(39))]
    longer = unit(["demande", *target[1:23], *(f"f{k}" for k in range(37))])
    shorter = unit(["demande", *target[1 : kept + 1], *(f"g{k}" for k in range(39 - kept))])
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, longer, shorter, end], [start, unit(target), end]))
    assert (("match", (2,), (1,), False) in found) is takes
    assert (("match", (1,), (1,), False) in found) is not takes


@pytest.mark.parametrize(("own", "takes"), [(28, False), (23, True)])
def test_text_beats_a_weak_slot_only_by_more_than_a_language_moves_a_margin(own: int, takes: bool) -> None:
    """An old call paired by the programme with the longer of two new paragraphs in its slot (the
    same opening, 26 of its 40 words: Dice 0.52) goes to the other, which opens otherwise and
    shares 25 of its words, only when that one is more similar by ``NOISE`` or more: with 28
    words of its own (Dice 0.538, 0.018 more) the choice is one a translation makes the other
    way, and the slot's evidence (the same opening) keeps the call; with 23 (Dice 0.568) the
    text decides."""
    call = ["calls", *(f"t{k}" for k in range(1, 40))]
    longer = ["calls", *call[1:26], *(f"f{k}" for k in range(34))]
    other = ["notes", *call[15:40], *(f"g{k}" for k in range(own - 1))]
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, unit(call), end], [start, unit(other), unit(longer), end]))
    assert (("match", (1,), (1,), False) in found) is takes
    assert (("match", (1,), (2,), False) in found) is not takes


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize(("kept", "merged"), [(15, True), (18, False)])
def test_two_adjacent_paragraphs_tied_for_a_slot_are_its_pieces(kept: int, merged: bool, reverse: bool) -> None:
    """Between aligned neighbours, a new note takes up 15 words of each of two old paragraphs
    (25 words each: a third of the note's Dice, which the programme pairs on neither) among 34
    of its own. Each old paragraph could be its partner on the slot's evidence, and they claim
    it alike: which one gets it is a margin a translation moves, so it is both, merged. When the
    second (then 28 words) keeps ``kept`` = 18 of its words in the note, it shares more of its
    rare words than the first by more than ``NOISE``: it alone is the note's partner, and the
    first is deleted. The other way round (``reverse``: the note old, the two new) it is a split."""
    first = ["decides", *(f"a{k}" for k in range(24))]
    second = ["invites", *(f"b{k}" for k in range(24 + kept - 15))]
    # the note's words interleaved: it keeps no clause of either, as a note of what both asked for
    # words it anew (the programme's pieces, moved or not, must keep their wording)
    taken, own = [*first[1:16], *second[1 : kept + 1]], [f"n{k}" for k in range(49 - kept)]
    note = ["notes", *(word for word in chain.from_iterable(zip_longest(taken, own)) if word)]
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    two, one = [start, unit(first), unit(second), end], [start, unit(note), end]
    found = pairs_of(align(one, two) if reverse else align(two, one))
    if merged:
        assert (("split", (1,), (1, 2), False) if reverse else ("merge", (1, 2), (1,), False)) in found
    else:
        assert (("match", (1,), (2,), False) if reverse else ("match", (2,), (1,), False)) in found
        assert (("insert", (), (1,), False) if reverse else ("delete", (1,), (), False)) in found


@pytest.mark.parametrize(("far", "paired"), [(False, True), (True, False)])
def test_a_slot_is_counted_among_the_paragraphs_that_stayed(far: bool, paired: bool) -> None:
    """Two paragraphs carried word for word from the end of the part to its front anchor the
    first search, and stand between an old call and its extended self (all its 12 words in it,
    Dice 0.375, too little for a move): once the three edited paragraphs after it are found in
    order, those two are the moved ones, and the call is still in its slot: modified. Placed
    after the three (past three paragraphs that stayed), it is a deletion and an insertion."""
    p1, p2, m1, m2, z = (unit([f"p{k}", *(f"{k}y{n}" for n in range(12))]) for k in range(5))
    stayed = [[f"q{k}", *(f"{k}q{n}" for n in range(14))] for k in range(3)]
    call = ["calls", *(f"s{n}" for n in range(11))]
    extended = unit([*call, *(f"e{n}" for n in range(40))])
    edited_stayed = [unit([*words[:-2], "amended", "again"]) for words in stayed]
    old = [p1, p2, unit(call), *(unit(words) for words in stayed), m1, m2, z]
    new = [p1, p2, m1, m2, *edited_stayed, extended, z] if far else [p1, p2, m1, m2, extended, *edited_stayed, z]
    found = pairs_of(align(old, new))
    assert [p for p in found if p[3]] == [("match", (6,), (2,), True), ("match", (7,), (3,), True)]
    assert (("match", (2,), (7 if far else 4,), False) in found) is paired
    assert (("delete", (2,), (), False) in found) is not paired


def test_new_references_count_as_found_in_a_recall_that_opens_alike() -> None:
    """A recall cut down to its list of resolutions is made of the old recall's words once its
    new numbers and date words are placeholders; with another opening it is not."""
    technical = frozenset({"december"})
    old = (
        "recalling its resolution 76 182 of 16 december 2021 in which it requested the office to convene an expert "
        "group meeting on the rehabilitation of offenders and the outcome of the deliberations of the congress"
    )
    references = "its resolutions 76 182 of 16 december 2021 77 232 of 15 december 2022 and 78 224 of 19 december 2023"
    recall, noting = f"recalling {references}", f"noting {references}"
    aligner = align_module._Aligner([], [])
    whole = Unit.of(old, old.split(), technical)
    assert aligner.reworded(whole, Unit.of(recall, recall.split(), technical)) > 0
    assert aligner.reworded(whole, Unit.of(noting, noting.split(), technical)) == 0


def test_a_piece_better_found_in_a_paragraph_left_alone_is_not_merged() -> None:
    """Two old paragraphs make up a new one (each mostly in it); but when a new paragraph left
    alone in the same gap holds more of the first piece than the whole does, that piece is its
    own paragraph, reworded there, and not a piece of the merge: the second stays paired alone,
    and the first, the one paragraph left on each side between the same neighbours, sharing its
    rare words with the one left there, is that paragraph reworded (``alone_in_gap``)."""
    tail, kept = [f"t{k}" for k in range(10)], [f"a{k}" for k in range(10)]
    first_piece = unit(["acknowledges", *kept, *tail])
    second_piece = unit(["encourages", *(f"b{k}" for k in range(20))])
    whole = unit([*tail, *kept[:3], *(f"b{k}" for k in range(16)), "encourages"])
    own = unit(["notes", *kept, *tail[:6], *(f"x{k}" for k in range(40))])
    start, end = (unit([f"p{k}", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    assert pairs_of(align([start, first_piece, second_piece, end], [start, whole, end])) == [
        ("match", (0,), (0,), False),
        ("match", (3,), (2,), False),
        ("merge", (1, 2), (1,), False),
    ]
    assert pairs_of(align([start, first_piece, second_piece, end], [start, own, whole, end])) == [
        ("match", (0,), (0,), False),
        ("match", (1,), (1,), False),
        ("match", (2,), (2,), False),
        ("match", (3,), (3,), False),
    ]


def test_a_pair_on_half_its_words_needs_each_to_be_the_others_most_similar() -> None:
    """An old request and a new one that share half their words through the same long names,
    between aligned neighbours, are one paragraph only while nothing is more like either of
    them: once an old paragraph that went to the other part is what the new one was worded
    from, they are a deletion and an insertion."""
    names = [f"s{k}" for k in range(12)]
    old_request = unit(["encourages", *names, *(f"a{k}" for k in range(9))])
    new_request = unit(["requests", *names, *(f"b{k}" for k in range(8))])
    worded_from = unit(["requests", *names, *(f"b{k}" for k in range(6)), *(f"c{k}" for k in range(4))])
    start, end = (unit([f"p{k}", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    old, new = [start, old_request, end], [start, new_request, end]
    assert ("match", (1,), (1,), False) in pairs_of(align(old, new))
    whole = ([start, old_request, worded_from, end], new)
    assert pairs_of(align(old, new, whole)) == [
        ("delete", (1,), (), False),
        ("insert", (), (1,), False),
        ("match", (0,), (0,), False),
        ("match", (2,), (2,), False),
    ]


def in_its_slot(old_paragraph: align_module.Unit, new_paragraph: align_module.Unit) -> float:
    """What the programme gives two paragraphs between aligned neighbours (``in_place``), the
    neighbours sharing a word with one another as real paragraphs do. Asked directly: end to
    end, a pair that the programme refuses may still be the pair its gap's text tells apart
    (``alone_in_gap``)."""
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    aligner = align_module._Aligner([start, old_paragraph, end], [start, new_paragraph, end])
    s = align_module.similarity(old_paragraph.words, new_paragraph.words)
    return aligner.in_place(old_paragraph, new_paragraph, s)


@pytest.mark.parametrize(("shared", "paired"), [(12, True), (10, False)])
def test_each_others_most_similar_in_their_slot_pair_from_45_percent(shared: int, paired: bool) -> None:
    """Between aligned neighbours, a paragraph rewritten around its subject under another opening
    verb (no containment, no shared opening) is still its slot's paragraph when the two are each
    other's most similar and share 45 % of their words (12 of 25 and 24: Dice 0.49); with 10 (Dice
    0.41) the programme does not pair them."""
    subject = [f"s{k}" for k in range(shared)]
    old_paragraph = unit(["calls", *subject, *(f"a{k}" for k in range(24 - shared))])
    new_paragraph = unit(["welcomes", *subject, *(f"b{k}" for k in range(23 - shared))])
    assert (in_its_slot(old_paragraph, new_paragraph) > 0) is paired


@pytest.mark.parametrize(
    ("own", "rival", "paired"), [(True, "formulas", True), (False, "formulas", False), (True, "rare", False)]
)
def test_a_rival_more_similar_only_through_common_words_is_no_rival_of_two_with_a_word_of_their_own(
    own: bool, rival: str, paired: bool
) -> None:
    """Two paragraphs in their slot under other openings, 14 of 31 words shared (Dice 0.45), and an
    old paragraph elsewhere that shares 15 with the new one (Dice 0.48) through the formulas that
    many paragraphs use. When the two share a word that no other paragraph has (a name), the rival
    shares fewer of the new one's rare words than they do (0.27 against 0.42) and is no rival:
    paired in their slot. Without a word of their own, the more similar paragraph is the rival, as
    it is when it also shares more of the rare words."""
    subject, formulas = [f"s{k}" for k in range(10)], [f"f{k}" for k in range(10)]
    old_paragraph = unit(["noting", *subject, "c0", "c1", "c2", "c3", *(f"a{k}" for k in range(16))])
    new_paragraph = unit(["taking", *subject, "c0", "c1", "c2", "c3", *formulas, *(f"b{k}" for k in range(6))])
    if rival == "formulas":
        other = unit(["urges", *formulas, "c0", "c1", "c2", "c3", "s0", *(f"r{k}" for k in range(15))])
    else:
        other = unit(
            [
                "urges",
                *formulas[:5],
                "c0",
                "c1",
                *subject[1:],
                *(f"b{k}" for k in range(6)),
                *(f"r{k}" for k in range(8)),
            ]
        )
    # each neighbour names some of the formulas and, where the two have no word of their own, one
    # word of their subject
    neighbours = [
        unit(
            [
                f"p{k}",
                "c0",
                *formulas[k % 3 * 3 : k % 3 * 3 + 4],
                *([] if own else [subject[k]]),
                *(f"{k}y{n}" for n in range(10)),
            ]
        )
        for k in range(10)
    ]
    aligner = align_module._Aligner(
        [*neighbours[:5], old_paragraph, *neighbours[5:], other], [*neighbours[:5], new_paragraph, *neighbours[5:]]
    )
    s = align_module.similarity(old_paragraph.words, new_paragraph.words)
    assert (aligner.in_place(old_paragraph, new_paragraph, s) > 0) is paired


@pytest.mark.parametrize(("length", "shared", "paired"), [(40, 15, True), (40, 12, False), (24, 9, False)])
def test_long_paragraphs_each_others_most_similar_in_their_slot_pair_from_35_percent(
    length: int, shared: int, paired: bool
) -> None:
    """An event paragraph updated to the event held, under another opening verb, keeps about a
    third of its words: two paragraphs of 40 words sharing 15 (Dice 0.375), each other's most
    similar, are their slot's paragraph; sharing 12 (Dice 0.30) they are not, nor are two of 24
    words sharing 9 (Dice 0.375 too): so short a paragraph shares a third of its words with many."""
    subject = [f"s{k}" for k in range(shared)]
    old_paragraph = unit(["recalling", *subject, *(f"a{k}" for k in range(length - 1 - shared))])
    new_paragraph = unit(["welcoming", *subject, *(f"b{k}" for k in range(length - 1 - shared))])
    assert (in_its_slot(old_paragraph, new_paragraph) > 0) is paired


@pytest.mark.parametrize(
    ("length", "shared", "inserted", "paired"),
    [
        (30, 10, None, True),
        (30, 8, None, False),
        (18, 6, None, False),
        (30, 10, "related", True),
        (30, 10, "rival", False),
        (30, 10, "unrelated", True),
    ],
)
def test_the_one_paragraph_left_on_each_side_of_a_gap(
    length: int, shared: int, inserted: str | None, paired: bool
) -> None:
    """The only paragraph left unpaired on each side between the same two neighbours, under
    another opening, not each other's most similar (each shares more with a neighbour), is its
    slot's paragraph updated from a third of their words (10 of 30: Dice 0.33), rare ones among
    them; not with 8 (Dice 0.27), nor when the shorter has under 20 words (6 of 18, Dice 0.33).
    With a second paragraph inserted in the same gap, the text says which of the two is the
    update: one that shares a word with the old one, or none, changes nothing; one that shares
    as much of its rare words with it as the update does (a rival) leaves the slot's evidence to
    neither."""
    subject = [f"s{k}" for k in range(shared)]
    start_words, end_words = [f"0y{n}" for n in range(14)], [f"1y{n}" for n in range(14)]
    old_paragraph = unit(
        ["noting", *subject, *start_words[:shared], *(f"a{k}" for k in range(length - 1 - 2 * shared))]
    )
    new_paragraph = unit(["taking", *subject, *end_words[:shared], *(f"b{k}" for k in range(length - 1 - 2 * shared))])
    start, end = unit(["p0", *start_words]), unit(["p1", *end_words])
    link = "noting" if inserted == "related" else "z"
    others = [unit(["q", link, *(f"z{n}" for n in range(12))])] if inserted else []
    if inserted == "rival":  # the new paragraph again, but for the words it shares with no other
        others = [unit(["taking", *subject, *end_words[:shared], *(f"c{k}" for k in range(length - 1 - 2 * shared))])]
    found = pairs_of(align([start, old_paragraph, end], [start, new_paragraph, *others, end]))
    assert (("match", (1,), (1,), False) in found) is paired
    assert (("delete", (1,), (), False) in found) is not paired


@pytest.mark.parametrize(("own", "rival", "paired"), [(True, False, True), (False, False, False), (True, True, False)])
def test_the_only_two_of_a_gap_pair_on_fewer_rare_words_when_the_text_points_nowhere_else(
    own: bool, rival: bool, paired: bool
) -> None:
    """A long paragraph updated under another opening, the only one left on each side of its gap:
    15 of 42 words kept (Dice 0.36), but most of the words it keeps are the resolution's subject,
    which every neighbour names in part, so they are only 0.17 of its rare words (under the 0.2 a
    gap of several needs). With a word of their own that no other paragraph has (a name: "the
    Government of Japan") and nothing else in the part sharing as much of their rare words:
    paired. Sharing only the subject's words, they are a deletion and an insertion; so they are
    when a new paragraph elsewhere shares more of the old one's rare words (0.22): the text points
    elsewhere."""
    subject = [f"s{k}" for k in range(14)]
    old_paragraph = unit(["noting", *subject, "japan" if own else "a26", *(f"a{k}" for k in range(26))])
    new_paragraph = unit(["taking", *subject, "japan" if own else "b26", *(f"b{k}" for k in range(26))])
    neighbours = [
        unit([f"p{k}", "of", *(subject[(4 * k + n) % 14] for n in range(4)), *(f"{k}y{n}" for n in range(12))])
        for k in range(10)
    ]
    old = [*neighbours[:5], old_paragraph, *neighbours[5:]]
    new = [*neighbours[:5], new_paragraph, *neighbours[5:]]
    if rival:
        new.append(unit(["q", *subject[:10], *(f"a{k}" for k in range(6)), *(f"c{k}" for k in range(30))]))
    found = pairs_of(align(old, new))
    assert (("match", (5,), (5,), False) in found) is paired
    assert (("delete", (5,), (), False) in found) is not paired


@pytest.mark.parametrize(
    ("figure", "cut", "paired"),
    [("2023", True, True), ("year", True, False), ("3", True, False), ("2023", False, False)],
)
def test_a_new_paragraph_that_cuts_an_old_one_down_keeps_its_slot(figure: str, cut: bool, paired: bool) -> None:
    """An offer to host a conference in 2023 (86 words) cut down to the note of the conference
    held (24 words) under another opening, the only paragraphs of their slot: the new one keeps 15
    of its words from the old one (62 %), but that is a Dice of 0.27, under the slot's 0.3, and the
    language that writes the offer in fewer words falls under it where the other does not. At
    most half the old one, sharing a figure of two digits or more, made of it as a piece is:
    paired. Sharing a word instead of the figure, or a one-digit number (a sub-paragraph's), or
    the other way round (a short old paragraph that a long new one holds much of): not."""
    subject = [f"s{k}" for k in range(14)]
    long = ["acknowledges", *subject, figure, *(f"a{k}" for k in range(70))]
    short = ["takes", *subject, figure, *(f"b{k}" for k in range(8))]
    start, end = unit(["p0", *(f"0y{n}" for n in range(14))]), unit(["p1", *(f"1y{n}" for n in range(14))])
    old_paragraph, new_paragraph = (unit(long), unit(short)) if cut else (unit(short), unit(long))
    found = pairs_of(align([start, old_paragraph, end], [start, new_paragraph, end]))
    assert (("match", (1,), (1,), False) in found) is paired
    assert (("delete", (1,), (), False) in found) is not paired


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_paragraph_from_the_other_part_is_no_rival_of_an_old_one(side: str) -> None:
    """The one paragraph left on each side of a gap, more like a paragraph of the whole part left
    out of this alignment (gone to or come from the other part). A new paragraph more like an old
    one gone to the other part may be worded from it: not paired on its slot. An old paragraph
    more like a new one come from the other part is not: that one holds its own partner's words
    (a request now recalled in the preamble, about the same meeting as the preamble's note
    updated in its slot)."""
    subject = [f"s{k}" for k in range(10)]
    start_words, end_words = [f"0y{n}" for n in range(14)], [f"1y{n}" for n in range(14)]
    old_paragraph = unit(["noting", *subject, *start_words[:10], *(f"a{k}" for k in range(9))])
    new_paragraph = unit(["taking", *subject, *end_words[:10], *(f"b{k}" for k in range(9))])
    start, end = unit(["p0", *start_words]), unit(["p1", *end_words])
    kept = "a" if side == "old" else "b"
    other_part = unit(["recalling", *subject, *(f"{kept}{k}" for k in range(3)), *(f"c{k}" for k in range(9))])
    old, new = [start, old_paragraph, end], [start, new_paragraph, end]
    whole = (old, [*new, other_part]) if side == "old" else ([*old, other_part], new)
    found = pairs_of(align(old, new, whole))
    assert (("match", (1,), (1,), False) in found) is (side == "old")


@pytest.mark.parametrize("common", [False, True])
def test_each_others_most_similar_through_common_words_only_do_not_pair(common: bool) -> None:
    """The same two long paragraphs (15 of 40 words shared), when the words they share are the
    resolution's own names and formulas, spread over its other paragraphs (each of ten
    neighbours has five of them), share no rare word: a deletion and an insertion."""
    subject = [f"s{k}" for k in range(15)]
    old_paragraph = unit(["recalling", *subject, *(f"a{k}" for k in range(24))])
    new_paragraph = unit(["welcoming", *subject, *(f"b{k}" for k in range(24))])
    neighbours = [
        unit(
            [f"p{k}", "of", *(subject[(5 * k + n) % 15] for n in range(5) if common), *(f"{k}y{n}" for n in range(12))]
        )
        for k in range(10)
    ]
    old, new = [*neighbours[:5], old_paragraph, *neighbours[5:]], [*neighbours[:5], new_paragraph, *neighbours[5:]]
    found = pairs_of(align(old, new))
    assert (("match", (5,), (5,), False) in found) is not common


def test_a_paragraph_updated_and_swapped_with_its_neighbour_keeps_its_partner() -> None:
    """A long paragraph updated under a new opening (15 of 40 words kept) that also changed places
    with its unchanged neighbour is still between aligned neighbours: paired, and moved or not as
    the smallest set of moves says (one of the two swapped paragraphs is moved)."""
    subject = [f"s{k}" for k in range(15)]
    old_paragraph = unit(["recalling", *subject, *(f"a{k}" for k in range(24))])
    new_paragraph = unit(["welcoming", *subject, *(f"b{k}" for k in range(24))])
    # the neighbours share a word with one another, as real paragraphs do (``_Aligner.weights``)
    start, neighbour, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(3))
    found = pairs_of(align([start, old_paragraph, neighbour, end], [start, neighbour, new_paragraph, end]))
    paired = {(old, new) for _, old, new, _ in found}
    assert {((1,), (2,)), ((2,), (1,))} <= paired
    assert sum(moved for *_, moved in found) == 1


@pytest.mark.parametrize(("clause", "split"), [(12, True), (8, False)])
def test_a_closing_clause_split_off_a_paragraph_that_grew(clause: int, split: bool) -> None:
    """A paragraph extended, whose closing clause became the next paragraph: the clause is under a
    quarter of the old paragraph, but 12 words or more of it that the new paragraph holds all of
    (a split); a clause of 8 words is too little to tell, and is inserted."""
    body, tail = [f"a{k}" for k in range(40)], [f"c{k}" for k in range(clause)]
    whole = unit(["notes", *body, *tail])
    grown = unit(["notes", *body, *(f"d{k}" for k in range(20))])
    closing = unit(["welcomes", *tail])
    start, end = (unit([f"p{k}", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, whole, end], [start, grown, closing, end]))
    assert (("split", (1,), (1, 2), False) in found) is split
    assert (("insert", (), (2,), False) in found) is not split


@pytest.mark.parametrize(
    ("opening", "clause", "added", "split"),
    [("notes", 8, 0, True), ("welcomes", 8, 0, False), ("notes", 5, 0, False), ("notes", 8, 6, False)],
)
def test_a_short_clause_split_off_keeps_the_whole_s_act(opening: str, clause: int, added: int, split: bool) -> None:
    """A clause of 8 words split off a paragraph of 49 (16 %, under the quarter a piece must leave
    of the whole, at its edge) into a paragraph that opens as the whole did ("Taking note of A and
    B" → "Taking note of A", "Taking note also of B"): the whole's rare words are shared out and
    the clause keeps the whole's act, a split. Under another act ("Welcomes", a new paragraph that
    names what the whole named) it is inserted, as is a clause of 5 words (10 %, past the edge),
    and one given 6 words of its own (9 of its 16 words the whole's: a second share at its edge)."""
    body, tail = [f"a{k}" for k in range(40)], [f"c{k}" for k in range(clause)]
    whole = unit(["notes", *body, *tail])
    grown = unit(["notes", *body, *(f"d{k}" for k in range(20))])
    closing = unit([opening, "also", *tail, *(f"e{k}" for k in range(added))])
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, whole, end], [start, grown, closing, end]))
    assert (("split", (1,), (1, 2), False) in found) is split
    assert (("insert", (), (2,), False) in found) is not split


@pytest.mark.parametrize(("new_words", "rare", "split"), [(9, True, True), (13, True, False), (9, False, False)])
def test_a_piece_at_the_edge_of_its_share_needs_the_whole_s_rare_words(new_words: int, rare: bool, split: bool) -> None:
    """A closing clause of 12 words become a paragraph of its own under a new opening of 9 words:
    12 of its 21 words are the whole's (57 %, under the 60 % a piece needs, at its edge), and each
    piece holds, weighted by rarity, what the other leaves of the whole: a split. Under a new opening
    of 13 words (48 %) it is past the edge; and where the whole also had rare words that neither
    piece holds, the clause the new paragraph takes being words every paragraph of the part has,
    the whole's rare words are not shared out: inserted both times."""
    body, clause = [f"a{k}" for k in range(30)], [f"c{k}" for k in range(12)]
    lost = [] if rare else [f"r{k}" for k in range(8)]
    whole = unit(["stresses", *body, *clause, *lost])
    first = unit(["stresses", *body, "n1", "n2"])
    second = unit(["encourages", *(f"e{k}" for k in range(new_words - 1)), *clause])
    # without rare words of its own, the clause is what every paragraph of the part says
    common = [] if rare else clause
    start, end = (unit([f"p{k}", "of", *common, *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, whole, end], [start, first, second, end]))
    assert (("split", (1,), (1, 2), False) in found) is split
    assert (("insert", (), (2,), False) in found) is not split


@pytest.mark.parametrize(("in_order", "split"), [(True, True), (False, False)])
def test_a_piece_far_apart_that_keeps_a_clause_word_for_word(in_order: bool, split: bool) -> None:
    """A paragraph's closing clause (12 words) gone, with some of its words, to a paragraph far from
    it, recast around the clause: under half of the new paragraph's word pairs are the whole's
    (11 of 25, at the edge of what pieces far apart need), but the clause is kept word for word,
    and the piece that stayed does not have it: a split. The same words with the clause's order
    lost are the whole's words scattered: inserted."""
    body, clause = [f"a{k}" for k in range(40)], [f"c{k}" for k in range(12)]
    whole = unit(["stresses", *body, *clause])
    taken = body[::4]  # ten words of the body, none next to another
    first = unit(["stresses", *(w for w in body if w not in taken), "n1", "n2", "n3", "n4"])
    kept = clause if in_order else clause[::2] + clause[1::2]
    second = unit(["recognizes", *taken, "m1", "m2", "m3", *kept])
    start, middle, later, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(4))
    found = pairs_of(align([start, whole, middle, later, end], [start, first, middle, later, second, end]))
    assert (("split", (1,), (1, 4), False) in found) is split
    assert (("insert", (), (4,), False) in found) is not split


@pytest.mark.parametrize(("added", "split"), [("numbers", True), ("words", False)])
def test_a_piece_s_new_numbers_count_as_found_in_its_whole(added: str, split: bool) -> None:
    """A schedule of meetings split in two, its frame given new years: the frame piece holds 21 of
    its 43 words from the whole (49 %, under the 60 % a piece needs and past the edge where the
    rare words decide), and 8 more are the years it adds, which count as found, as they do for
    pieces far apart: a split (67 %). The same piece with 8 new words in place of the years is too
    little of the whole: the second piece alone is the partner."""
    frame, conference = [f"a{k}" for k in range(30)], [f"b{k}" for k in range(30)]
    whole = unit(["decides", *frame, *conference])
    extra = [str(2026 + 2 * k) for k in range(8)] if added == "numbers" else [f"f{k}" for k in range(8)]
    first = unit(["decides", *frame[:20], *extra, *(f"e{k}" for k in range(14))])
    second = unit(["also", "decides", *conference])
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, whole, end], [start, first, second, end]))
    assert (("split", (1,), (1, 2), False) in found) is split
    assert (("insert", (), (1,), False) in found) is not split


@pytest.mark.parametrize(("between", "split"), [("inserted", True), ("stayed", False)])
def test_pieces_parted_only_by_paragraphs_off_the_order_that_stayed_are_adjacent(between: str, split: bool) -> None:
    """The closing clause split off a paragraph that grew (above) with a new paragraph between
    the two pieces is still split off: what stands between them is off the order that stayed,
    so they are adjacent pieces, judged as the programme judges them. With a paragraph of the
    order that stayed between them, they are pieces far apart, which this clause is not (too
    little of its wording is the whole's)."""
    body, tail = [f"a{k}" for k in range(40)], [f"c{k}" for k in range(12)]
    whole = unit(["notes", *body, *tail])
    grown = unit(["notes", *body, *(f"d{k}" for k in range(20))])
    closing = unit(["welcomes", *tail])
    # the neighbours share a word with one another, as real paragraphs do: a paragraph sharing none
    # with the others anchors nothing
    start, middle, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(3))
    old = [start, whole, middle, end] if between == "stayed" else [start, whole, end]
    found = pairs_of(align(old, [start, grown, middle, closing, end]))
    assert (("split", (1,), (1, 3), False) in found) is split
    assert (("insert", (), (3,), False) in found) is not split


def test_a_split_that_moved_is_found_and_moved() -> None:
    """A paragraph whose two clauses became two adjacent paragraphs further on, each too little of
    it to pair alone (Dice 0.43), is split into them, and the split is the move: the paragraphs
    that stayed keep their order."""
    first, second = [f"x{k}" for k in range(20)], [f"z{k}" for k in range(20)]
    whole = unit(["notes", *first, *second, *(f"gone{k}" for k in range(29))])
    start, middle, later, end = (unit([f"p{k}", *(f"{k}y{n}" for n in range(12))]) for k in range(4))
    pieces = unit(["welcomes", *first, "n1", "n2", "n3"]), unit(["urges", *second, "m1", "m2", "m3"])
    assert pairs_of(align([start, whole, middle, later, end], [start, middle, later, *pieces, end])) == [
        ("match", (0,), (0,), False),
        ("match", (2,), (1,), False),
        ("match", (3,), (2,), False),
        ("match", (4,), (5,), False),
        ("split", (1,), (3, 4), True),
    ]


@pytest.mark.parametrize(("between", "split"), [("moved", True), ("stayed", False)])
def test_a_split_that_moved_is_found_with_a_moved_paragraph_between_its_pieces(between: str, split: bool) -> None:
    """The split that moved (above), with a paragraph that moved from elsewhere between its two
    pieces: still adjacent, since nothing of the order that stayed parts them. With a paragraph
    of that order between them (one that stood after the old paragraph and still stands after
    the first piece) they are no longer adjacent, and, each too little of it alone, are inserted."""
    first, second = [f"x{k}" for k in range(20)], [f"z{k}" for k in range(20)]
    whole = unit(["notes", *first, *second, *(f"gone{k}" for k in range(29))])
    start, middle, later, other, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(5))
    pieces = unit(["welcomes", *first, "n1", "n2", "n3"]), unit(["urges", *second, "m1", "m2", "m3"])
    rest = [other, middle, later] if between == "moved" else [middle, later, other]
    old = [start, whole, *rest, end]
    found = pairs_of(align(old, [start, middle, later, pieces[0], other, pieces[1], end]))
    assert (("split", (1,), (3, 5), True) in found) is split
    assert (("insert", (), (5,), False) in found) is not split


@pytest.mark.parametrize(("kept", "crosses"), [(22, False), (10, True)])
def test_a_paragraph_crosses_parts_only_for_one_sharing_more_of_its_words(kept: int, crosses: bool) -> None:
    """An operative note extended in its slot (all 22 of its words in its partner there, Dice
    0.49) stays there, though a new preambular paragraph is more like it as a whole (Dice 0.64,
    15 of its words); a partner holding only 10 of its words gives it up."""
    note = unit(["takes", *(f"a{k}" for k in range(21))])
    partner = unit([*(f"a{k}" for k in range(kept - 1)), "takes", *(f"b{k}" for k in range(68 - kept))])
    preambular = unit(["noting", *(f"a{k}" for k in range(15)), *(f"c{k}" for k in range(9))])
    held = align_module.similarity(note.words, partner.words)
    found = align_module.across([note], [preambular], ([held], [0.0]), ([(partner,)], [()]))
    assert [(p.old, p.new) for p in found] == ([((0,), (0,))] if crosses else [])


# --- the aligner: work grows linearly ------------------------------------------------------


def _edited_in_place(count: int) -> tuple[list[align_module.Unit], list[align_module.Unit]]:
    """Distinct paragraphs, each edited: no anchor at all, one gap as wide as the part."""
    base = paragraphs(count, seed=5)
    return [unit(words) for words in base], [unit(edited(words)) for words in base]


def _shuffled_and_edited(count: int) -> tuple[list[align_module.Unit], list[align_module.Unit]]:
    base = paragraphs(count, seed=6)
    order = list(range(count))
    random.Random(6).shuffle(order)
    return [unit(words) for words in base], [unit(edited(base[k])) for k in order]


def _boilerplate_edited(count: int) -> tuple[list[align_module.Unit], list[align_module.Unit]]:
    """The same paragraph over and over, the same word changed in each on the new side."""
    words = paragraphs(1, seed=7)[0]
    return [unit(words)] * count, [unit(edited(words))] * count


@pytest.mark.parametrize("make", [_edited_in_place, _shuffled_and_edited])
def test_comparisons_grow_linearly(make, comparisons) -> None:  # type: ignore[no-untyped-def]
    counts = []
    for count in (600, 1200, 2400):
        old, new = make(count)
        comparisons()
        result = align(old, new)
        counts.append(comparisons())
        assert sum(len(p.old) for p in result) == count and sum(len(p.new) for p in result) == count
    per_paragraph = align_module.DP_CELLS_PER_PARAGRAPH + align_module.CANDIDATES_PER_PARAGRAPH
    assert all(found <= per_paragraph * 2 * count for found, count in zip(counts, (600, 1200, 2400), strict=True))
    assert counts[2] <= 2.3 * counts[1] and counts[1] <= 2.3 * counts[0]


def test_identical_repeats_need_no_comparison(comparisons) -> None:  # type: ignore[no-untyped-def]
    words = paragraphs(1, seed=8)[0]
    result = align([unit(words)] * 3000, [unit(words)] * 3000)
    assert comparisons() == 0
    assert pairs_of(result) == [("match", (k,), (k,), False) for k in range(3000)]


def test_edited_repeats_are_compared_once_per_distinct_text(comparisons) -> None:  # type: ignore[no-untyped-def]
    old, new = _boilerplate_edited(3000)
    result = align(old, new)
    assert comparisons() <= 10
    assert pairs_of(result) == [("match", (k,), (k,), False) for k in range(3000)]


# --- properties ----------------------------------------------------------------------------

POOL = [unit(words) for words in paragraphs(6, seed=9)] + [unit(edited(words)) for words in paragraphs(3, seed=9)]
FROM_POOL = st.sampled_from(range(len(POOL)))


@settings(max_examples=200, deadline=None)
@given(st.lists(FROM_POOL, max_size=40), st.lists(FROM_POOL, max_size=40))
def test_every_paragraph_in_exactly_one_pair(old: list[int], new: list[int]) -> None:
    result = align([POOL[k] for k in old], [POOL[k] for k in new])
    assert sorted(i for p in result for i in p.old) == list(range(len(old)))
    assert sorted(j for p in result for j in p.new) == list(range(len(new)))
    matched = [p for p in result if p.kind == "match"]
    assert all(p.similarity >= align_module.MATCH_THRESHOLD for p in matched)


@settings(max_examples=200, deadline=None)
@given(st.lists(FROM_POOL, max_size=60))
def test_a_part_aligned_with_itself_is_all_in_place(sequence: list[int]) -> None:
    units = [POOL[k] for k in sequence]
    assert pairs_of(align(units, units)) == [("match", (k,), (k,), False) for k in range(len(units))]


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(count=st.integers(min_value=0, max_value=5), side=st.sampled_from(["old", "new", "both"]))
def test_paragraphs_sharing_no_word_make_no_word_rarer(count: int, side: str) -> None:
    """Paragraphs that share no word with a paragraph of another text (unrelated ones inserted
    anywhere, on one side or the same on both) leave every other pair's rarity-weighted
    similarity as it was, so no pair crosses a threshold of rare words because of them; a
    paragraph that shares one word with the others counts."""
    texts = [["of", *words] for words in paragraphs(6, seed=7)]
    old, new = [unit(w) for w in texts[:3]], [unit(edited(w)) for w in texts[3:]] + [unit(edited(texts[0]))]
    before = align_module._Aligner(old, new)
    unrelated = [unit([f"u{k}x{n}" for n in range(10)]) for k in range(count)]
    more = align_module._Aligner(old + unrelated if side != "new" else old, new + unrelated if side != "old" else new)
    assert all(more.rare_similarity(a, b) == before.rare_similarity(a, b) for a in old for b in new)
    related = align_module._Aligner([*old, unit(["of", "u0"])], new)
    assert related.rare_similarity(old[0], new[-1]) != before.rare_similarity(old[0], new[-1])


@pytest.mark.parametrize(("carried", "merged"), [(True, True), (False, False)])
def test_a_merge_whose_rare_words_fall_short_keeps_a_clause_of_each_piece(carried: bool, merged: bool) -> None:
    """Two paragraphs merged into one that adds 12 words of its own: the second piece holds 15 of
    its 28 words from the whole (54 %, at the edge of the 60 % a piece needs), and the whole's new
    words weigh as much as the second piece's share of it, so its rare words are not shared out.
    Each piece keeps a clause of the whole word for word, and the second piece's is more than a
    third of it (its closing clause carried into the whole): a merge. The same words with the
    clause's order lost are the whole's words scattered: the second paragraph is deleted."""
    body, clause = [f"a{k}" for k in range(40)], [f"c{k}" for k in range(15)]
    kept = clause if carried else clause[::2] + clause[1::2]
    whole = unit(["encourages", *body[:25], *(f"n{k}" for k in range(12)), *kept])
    first = unit(["encourages", *body])
    second = unit(["reaffirms", *(f"b{k}" for k in range(12)), *clause])
    start, end = (unit([f"p{k}", "of", *(f"{k}y{n}" for n in range(12))]) for k in range(2))
    found = pairs_of(align([start, first, second, end], [start, whole, end]))
    assert (("merge", (1, 2), (1,), False) in found) is merged
    assert (("delete", (2,), (), False) in found) is not merged
