"""The diff's fast paths give what the general paths give (hypothesis draws the inputs)."""

from __future__ import annotations

import math
import sys
from collections import Counter

from diff_match_patch import diff_match_patch
from hypothesis import given
from hypothesis import strategies as st

from resodiff.diff.align import Pair, Unit, _Aligner, _longest_run, counted, longest_increasing, new_numbers
from resodiff.diff.classify import _unmoved_connectors, _without, _worded
from resodiff.diff.engine import _in_report_order, _notes_of, _paired_in_place, _style_signature, unit_key
from resodiff.diff.inline import _shared_length, character_diff
from resodiff.diff.tokens import tokenize
from resodiff.model import Footnote, Text
from resodiff.typography import (
    _OTHER_SPACE,
    _REPLACEMENTS,
    _SPECIAL,
    _replace_specials,
    irregular_spaces,
    normalize_typography,
)

_TYPESET_WORDS = st.lists(
    st.sampled_from(
        ["a", "Word", " ", "\u00a0", "7", ",", "/", "A/RES/77/18", "18 November 2024", "é", "\u5e74", "\u2019"]
    )
    | st.characters(codec="utf-8"),
    max_size=8,
).map("".join)
_WORDS = st.lists(
    st.sampled_from(["the", "assembly", "77", "décide", "и", "年", "a"]) | st.text(max_size=4), max_size=20
)


@given(st.lists(_WORDS, min_size=1, max_size=4), st.integers(0, 3))
def test_units_made_with_a_pool_of_words_are_those_made_with_interned_words(
    texts: list[list[str]], opening: int
) -> None:
    """A pool shared by the units of one comparison gives each the words interning gives, one
    string per word across the units."""
    pool: dict[str, str] = {}
    pooled = [Unit.of(" ".join(words), list(words), frozenset({"77"}), opening, pool) for words in texts]
    for unit, words in zip(pooled, texts, strict=True):
        assert unit == Unit.of(" ".join(words), list(words), frozenset({"77"}), opening)
        assert all(pool[word] is word for word in unit.sequence)


@given(
    st.text(st.sampled_from(["a", " ", "é", "`", "\uff40", "\u2019", "\u00ad", "\ufb01", "\u0640"]) | st.characters())
)
def test_typography_replaces_characters_as_one_substitution_does(text: str) -> None:
    """Replacing the characters one kind at a time gives what one pass over the text gives: what
    a replacement writes (the full-width grave accent's "`") is not replaced again."""
    assert _replace_specials(text) == _SPECIAL.sub(lambda match: _REPLACEMENTS[match.group()], text)


@given(_WORDS, _WORDS, st.lists(_WORDS, max_size=3))
def test_an_aligner_counts_the_numbers_a_paragraph_adds_as_the_function_does(
    part: list[str], whole: list[str], others: list[list[str]]
) -> None:
    """The aligner's count of a paragraph's technical words that another lacks, with each
    paragraph's technical words picked out once, is ``new_numbers``' for every paragraph asked."""
    technical = frozenset({"seventy", "a"})
    units = [Unit.of(" ".join(words), list(words), technical) for words in (part, whole, *others)]
    aligner = _Aligner(units[:1], units[1:])
    for unit in units:
        for other in units:
            assert aligner.new_numbers(unit, other.words) == new_numbers(unit, other.words)


_STYLED = st.lists(
    st.builds(Text, st.sampled_from(["a", "b ", "\n"]), st.booleans(), st.booleans(), st.booleans()), max_size=4
).map(tuple)


@given(_STYLED, _STYLED)
def test_equal_inlines_have_one_style_signature(old: tuple[Text, ...], new: tuple[Text, ...]) -> None:
    """A paragraph's style signatures are written only where its inlines differ: equal inlines
    have equal signatures."""
    inlines = (old, (*old, Footnote("1", new)), new)
    for first in inlines:
        for second in inlines:
            assert first != second or _style_signature(first) == _style_signature(second)


@given(st.text("ab ", max_size=30), st.text("ab ", max_size=30), st.text("ab ", max_size=30), st.booleans())
def test_the_shared_start_and_end_are_found_as_slices_of_both_texts_find_them(
    shared: str, old: str, new: str, at_end: bool
) -> None:
    """The halving search that compares one text's slice in place in the other finds the longest
    shared start (or end) that comparing slices of both finds."""
    old, new = (old + shared, new + shared) if at_end else (shared + old, shared + new)
    limit = min(len(old), len(new))
    if at_end:
        expected = max(n for n in range(limit + 1) if old[len(old) - n :] == new[len(new) - n :])
    else:
        expected = max(n for n in range(limit + 1) if old[:n] == new[:n])
    assert _shared_length(old, new, limit, at_end) == expected


@given(_TYPESET_WORDS)
def test_a_segment_s_worded_tokens_are_its_tokens_but_spaces_and_punctuation(text: str) -> None:
    """Classification reads a segment's tokens but its spaces and punctuation, made from the
    columns without a named tuple for the others: those ``tokenize`` gives."""
    assert _worded(text) == [t for t in tokenize(text) if t.kind not in ("space", "other")]


# what normalize_typography reads or rewrites at a text's end: spaces of every kind, characters it
# removes or replaces, slashes and hyphens before a space, Chinese and Arabic punctuation
_TYPOGRAPHY = st.lists(
    st.sampled_from(
        [" ", "  ", "\u00a0", "\t", "\n", "\x1c", "\x00", "a", "Word", "-", "/", "n", "\u00b0", "\u00ad", "\u200b"]
        + ["\u2019", "\uff0f", "\uff0d", "\u0640", "\u064b", "\u0301", "e\u0301", "\u5e74", "\u3002", "\u060c", "7"]
    )
    | st.characters(),
    max_size=10,
).map("".join)


@given(_TYPOGRAPHY, st.sampled_from(["", "note", " \u00a0x- "]))
def test_a_paragraph_s_key_is_its_text_and_notes_normalised_together(text: str, notes: str) -> None:
    """A paragraph without notes has as its key its text's own normal form and the separator:
    what normalising the text, the separator and the (no) notes together gives."""
    normalize_typography.cache_clear()
    assert unit_key(text, notes) == normalize_typography(f"{text} \x00 {notes}")


@given(_TYPESET_WORDS, _TYPESET_WORDS, st.sets(st.sampled_from(["a", "word", "and", "7"])))
def test_connectors_deleted_and_inserted_are_taken_out_as_counting_them_all_does(
    deleted: str, inserted: str, joiners: set[str]
) -> None:
    """A change that deletes or inserts no connector is left whole without counting; otherwise
    the connectors deleted and inserted as often are taken out, as counting both sides does."""
    gone, came = _worded(deleted), _worded(inserted)
    connectors = frozenset(joiners)
    unmoved = Counter(t.key.lower() for t in gone if t.key.lower() in connectors) & Counter(
        t.key.lower() for t in came if t.key.lower() in connectors
    )
    assert _unmoved_connectors(gone, came, connectors) == (_without(gone, unmoved), _without(came, unmoved))


def test_every_space_but_the_plain_one_is_unprintable() -> None:
    """``irregular_spaces`` reads a printable text as having only plain spaces: every other
    character the space pattern finds is one ``str.isprintable`` refuses."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if _OTHER_SPACE.match(chr(code))]
    assert spaces and not any(space.isprintable() for space in spaces)


@given(_TYPOGRAPHY)
def test_irregular_spaces_are_those_the_pattern_finds(text: str) -> None:
    """Two plain spaces in a row, or any other space, whether the text is printable or not."""
    assert irregular_spaces(text) == ("  " in text or _OTHER_SPACE.search(text) is not None)


def _python_diff_match_patch(old: str, new: str) -> list[tuple[int, int]]:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(old, new, False)
    engine.diff_cleanupSemantic(diffs)
    return [(op, len(chars)) for op, chars in diffs]


# token strings as the word diff encodes them: few distinct tokens repeat (the, of, commas),
# private-use characters of both planes the encoding uses
_CODES = st.sampled_from([chr(0xE000 + i) for i in range(12)] + [chr(0xF0000), chr(0xF0001)])


@given(
    st.lists(_CODES, max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3), st.lists(_CODES, max_size=4))),
)
def test_the_c_engine_gives_the_differences_python_diff_match_patch_gives(
    old: list[str], edits: list[tuple[int, int, list[str]]]
) -> None:
    new = list(old)
    for at, removed, inserted in edits:
        new[at : at + removed] = inserted
    assert character_diff("".join(old), "".join(new)) == _python_diff_match_patch("".join(old), "".join(new))


@given(st.lists(_CODES, max_size=40), st.lists(_CODES, max_size=40))
def test_the_c_engine_agrees_on_unrelated_strings(old: list[str], new: list[str]) -> None:
    assert character_diff("".join(old), "".join(new)) == _python_diff_match_patch("".join(old), "".join(new))


@given(_WORDS)
def test_a_unit_s_words_are_counted_as_a_counter_counts_them(words: list[str]) -> None:
    """Counted in C straight into an empty Counter, a paragraph's words are Counter's own count,
    one that answers 0 for a word it lacks."""
    unit = Unit.of(" ".join(words), list(words))
    assert type(unit.words) is Counter
    assert unit.words == Counter(words)
    assert list(unit.words.items()) == list(Counter(words).items())
    assert unit.words["\x00missing"] == 0
    assert counted(words) == Counter(words) and type(counted(words)) is Counter


@given(st.lists(_WORDS, min_size=1, max_size=6), st.lists(st.integers(0, 5), max_size=6))
def test_a_part_s_rarity_counts_each_paragraph_s_words_once(texts: list[list[str]], repeats: list[int]) -> None:
    """The rarity weights, counted from each text's words and then each further paragraph of a
    text, are those counted paragraph by paragraph (texts repeated on both sides, as unchanged
    paragraphs are). A text's words are the same in each of its paragraphs (made from the text)."""
    old = [Unit.of(repr(words), list(words)) for words in texts]
    new = [old[k % len(old)] for k in repeats] + old[: len(old) // 2]
    aligner = _Aligner(old, new)
    part = [*old, *new]
    having = Counter(word for unit in part for word in unit.words)
    texts_having = Counter(word for words in {u.key: u.words for u in part}.values() for word in words)
    isolated = {
        key for key, words in {u.key: u.words for u in part}.items() if all(texts_having[w] == 1 for w in words)
    }
    if not any(u.key not in isolated for u in part):
        isolated = set()
    count = 1 + len(part) - sum(1 for u in part if u.key in isolated)
    assert aligner.weights() == {word: math.log(count / n) for word, n in having.items()}
    assert aligner._spread == having


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=14), st.booleans())
def test_pairs_all_in_order_are_their_own_longest_run(pairs: list[tuple[int, int]], in_order: bool) -> None:
    """Pairs whose olds rise with their news (the paragraphs that stayed) are taken whole, as
    patience sorting takes them; any others go to it."""
    if in_order:
        pairs = [(k + old, k + new) for k, (old, new) in enumerate(sorted(pairs, key=lambda p: (p[1], p[0])))]
    assert longest_increasing(pairs) == _longest_run(sorted(pairs, key=lambda p: (p[1], p[0])))


@given(st.integers(0, 12))
def test_sub_units_all_matched_in_order_need_no_pairing_in_place_nor_reordering(count: int) -> None:
    """Unchanged footnotes or sub-paragraphs are paired each with its own, in order: pairing in
    place and the report's order leave such pairs as they are, which the fast path skips."""
    pairs = [Pair("match", (i,), (i,), 1.0) for i in range(count)]
    assert _in_report_order(_paired_in_place(pairs), count) == pairs
    assert _in_report_order(pairs, count) == pairs


@given(st.lists(st.sampled_from(["a", " b", "\u00a0c", None, "n\u00b0"]), max_size=6))
def test_a_paragraph_s_footnotes_are_those_its_inlines_hold(texts: list[str | None]) -> None:
    """Told absent by a C-level map or read one by one, a paragraph's footnotes are its footnote
    inlines, with their markers and texts as displayed."""
    inlines = tuple(
        Footnote(str(k), (Text(f"note {k}"),)) if text is None else Text(text) for k, text in enumerate(texts)
    )
    expected = [(n.marker, n.text) for n in inlines if isinstance(n, Footnote)]
    assert _notes_of(inlines) == expected
