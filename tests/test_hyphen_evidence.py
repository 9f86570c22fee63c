"""Line-end hyphens told by what general text never writes, by where no typesetter breaks, by
the second halves the compound lexicon writes after a hyphen, and by how much one resolution's
spelling weighs (``ingest/hyphens.py``); words invented or of general text, none of the corpus.
"""

from __future__ import annotations

import pytest

from resodiff.ingest.hyphens import (
    acronym_cut,
    from_counts,
    hyphenating_tails,
    joins_compound,
    keeps_hyphen,
    lexicons_in_use,
    lost_hyphen,
    reading_session,
    unbreakable_cut,
    unused_cut,
)
from resodiff.languages import language


def _keeps(left: str, tail: str, code: str = "eng", vocabulary: frozenset[str] = frozenset()) -> bool:
    return keeps_hyphen(left, tail, chained=False, vocabulary=vocabulary, hyphenated=frozenset(), lang=language(code))


@pytest.mark.parametrize(
    ("word", "cut"),
    [
        ("colouredwindow", 8),  # "coloured" is no word of the list, but general text uses it
        ("riverexporting", 5),
        ("healthin", None),  # "heal thin" and "health in": no telling
        ("crowdfunding", None),  # general text uses it
        ("timelines", None),  # a word of the list
        ("industrywide", None),  # the list does not know it, but general text uses it
    ],
)
def test_a_word_general_text_never_uses_is_two_it_uses(word: str, cut: int | None) -> None:
    assert unused_cut(word, language("eng")) == cut


def test_two_words_general_text_never_writes_as_one_keep_or_regain_their_hyphen() -> None:
    assert _keeps("coloured", "window")
    for word, cut in (("colouredwindow", 8), ("riverexporting", 5), ("ColouredWindow", None)):
        # a capital inside is a name's as often: only its case tells, and not at a line's end
        found = lost_hyphen(word, vocabulary=frozenset(), hyphenated=frozenset(), lang=language("eng"))
        assert found == cut, word


def test_a_hyphen_where_no_typesetter_breaks_after_a_word_of_the_document() -> None:
    """French patterns do not break ``sans|emploisme`` after its ``s``: a hyphen there, after a
    word of the document and before no word, is the compound's."""
    french = language("fra")
    assert unbreakable_cut("sansemploisme", {"sans"}, french) == 4
    assert unbreakable_cut("sansemploisme", set(), french) is None  # no word of the document before it
    assert unbreakable_cut("sanscontactisme", {"sans"}, french) is None  # the patterns break it there
    assert _keeps("sans", "emploisme", "fra", frozenset({"sans"}))
    assert not _keeps("sans", "emploisme", "fra")
    found = lost_hyphen("sansemploisme", vocabulary=frozenset({"sans"}), hyphenated=frozenset(), lang=french)
    assert found == 4


_WIDE = {"hyphenated": {f"{head}-wide": 2 for head in ("system", "sector", "region", "economy", "city")}}


def test_second_halves_written_after_a_hyphen_far_more_often_than_joined() -> None:
    english = language("eng")
    assert "wide" in hyphenating_tails(set(_WIDE["hyphenated"]), {"worldwide", "nationwide"}, english)
    # as many words written as one end with it as with a hyphen: a word's ending as often
    closed = {"worldwide", "nationwide", "statewide", "citywide", "areawide"}
    assert "wide" not in hyphenating_tails(set(_WIDE["hyphenated"]), closed, english)
    assert hyphenating_tails(set(_WIDE["hyphenated"]), set(), language("zho")) == frozenset()


def test_a_tail_of_the_lexicon_keeps_or_regains_its_hyphen_after_a_word() -> None:
    english = language("eng")
    for hyphenated, compound in (({}, False), (_WIDE["hyphenated"], True)):
        lexicon = from_counts({"hyphenated": hyphenated, "closed": {"worldwide": 3}, "suspended": {}}, "eng")
        with lexicons_in_use({"eng": lexicon}):
            assert joins_compound("industry", "wide", vocabulary=set(), hyphenated=set(), lang=english) is compound
            assert not joins_compound("world", "wide", vocabulary=set(), hyphenated=set(), lang=english)


def test_one_resolutions_hyphen_does_not_outweigh_a_word_of_general_text() -> None:
    english = language("eng")
    for count, hyphen in ((1, False), (2, True)):
        lexicon = from_counts({"hyphenated": {"water-proof": count}, "closed": {}, "suspended": {}}, "eng")
        with lexicons_in_use({"eng": lexicon}):
            found = joins_compound("water", "proof", vocabulary=set(), hyphenated=set(), lang=english)
            assert found is hyphen
            assert _keeps("water", "proof") is hyphen


def test_names_and_combining_forms_are_not_split_by_general_texts_words() -> None:
    english, french = language("eng"), language("fra")
    # a capitalised word is a name's as often: its parts say nothing
    assert lost_hyphen("Colouredwindow", vocabulary=frozenset(), hyphenated=frozenset(), lang=english) is None
    assert lost_hyphen("Sansemploisme", vocabulary=frozenset({"sans"}), hyphenated=frozenset(), lang=french) is None
    # a short first half is as often a combining form written closed
    assert unused_cut("agrofenêtre", french) is None


def test_one_resolutions_hyphen_after_a_half_the_language_compounds_with_stands() -> None:
    lexicon = from_counts({"hyphenated": {"non-verbal": 1}, "closed": {}, "suspended": {}}, "eng")
    with lexicons_in_use({"eng": lexicon}):
        assert _keeps("non", "verbal")


_AGENCIES = [
    "Welcomes the work of the Northern Fisheries Agency and the Coastal Weather Bureau, and of the",
    "Office for Maritime Safety and Environmental Protection, and invites the joint NFACWB panel",
    "to report on the HLP and the QRS, and the Standing Joint Committee of the Northern Labour Accord,",
]


@pytest.mark.parametrize(
    ("word", "cut"),
    [
        # no typesetter hyphenates capitals: two names written together ("… Agency and the
        # Coastal …") spell the two acronyms, which meet where the names do
        ("NFACWB", 3),
        # a name with one short word inside ("… Safety and Environmental …") is one acronym
        ("OMSEP", None),
        ("SJCNLA", None),  # "of the" is as often inside a name
        ("HLPQRS", 3),  # two acronyms that the document writes alone
        ("HLQRS", None),  # a half of two letters is as often an acronym's start
        ("KLMNOP", None),  # nothing of the document spells it
    ],
)
def test_a_word_in_capitals_at_a_join_parts_into_the_documents_acronyms(word: str, cut: int | None) -> None:
    english = language("eng")
    with reading_session(None, _AGENCIES):
        assert acronym_cut(word, english) == cut
        assert lost_hyphen(word, vocabulary=frozenset(), hyphenated=frozenset(), lang=english) == cut
    assert acronym_cut(word, english) is None  # no document: no evidence
