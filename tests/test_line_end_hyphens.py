"""Line-end hyphens decided by what the language says, not by the corpus: where its hyphenation
patterns let a typesetter break a word, which words its general word list has, and its rules on
word parts (``vowel_prefixes``, ``suffixes``, ``closed_prefixes`` in the language data).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import resodiff
from resodiff.ingest.hyphens import (
    address_cut,
    breakable,
    elided_cut,
    in_address,
    joins_compound,
    keeps_hyphen,
    known_word,
    lost_hyphen,
)
from resodiff.languages import language
from resodiff.typography import normalize_typography

from .conftest import SEED


def _keeps(left: str, tail: str, code: str = "eng", vocabulary: frozenset[str] = frozenset()) -> bool:
    return keeps_hyphen(left, tail, chained=False, vocabulary=vocabulary, hyphenated=frozenset(), lang=language(code))


@pytest.mark.parametrize(
    ("word", "cut", "code", "allowed"),
    [
        ("reeducation", 2, "eng", False),  # no typesetter breaks "re-education" there
        ("development", 5, "eng", True),  # de-vel-op-ment
        ("copublishing", 2, "eng", False),
        ("conférenceexposition", 10, "fra", False),
        ("développement", 7, "fra", True),  # dé-ve-lop-pe-ment
    ],
)
def test_hyphenation_patterns_tell_where_a_typesetter_may_break(word: str, cut: int, code: str, allowed: bool) -> None:
    assert breakable(word, cut, language(code)) is allowed


def test_a_language_without_patterns_or_list_says_nothing() -> None:
    assert breakable("word", 2, language("zho")) is None
    assert known_word("word", language("zho")) is None
    assert breakable("a-b", 1, language("eng")) is None  # no run of letters


@pytest.mark.parametrize(
    ("word", "code", "known"),
    [
        ("healthcare", "eng", True),
        ("timelines", "eng", True),  # a plural of a listed noun
        ("priceadjusted", "eng", False),
        ("maintien", "fra", True),
        ("réunionbilan", "fra", False),
    ],
)
def test_the_word_list_knows_words_of_general_text(word: str, code: str, known: bool) -> None:
    assert known_word(word, language(code)) is known


@pytest.mark.parametrize(
    ("left", "tail", "code", "kept"),
    [
        ("re", "education", "eng", True),  # not where the patterns break: the compound's hyphen
        ("co", "publishing", "eng", True),
        ("re", "entry", "eng", True),  # a prefix before the vowel it ends with
        ("price", "adjusted", "eng", True),  # two words, one the list does not know
        ("Conférence", "exposition", "fra", True),
        ("develop", "ment", "eng", False),  # a word of the list, broken where the patterns allow
        ("écologique", "ment", "fra", False),  # an ending that derives words, not a second word
        ("inter", "ethnique", "fra", False),  # a prefix French writes closed
        ("confe", "rence", "eng", False),  # nothing says compound: the typesetter's
    ],
)
def test_a_visible_line_end_hyphen(left: str, tail: str, code: str, kept: bool) -> None:
    assert _keeps(left, tail, code) is kept


def test_the_document_comes_before_the_language() -> None:
    """The document writes the word as one elsewhere: the hyphen at a line's end was the
    typesetter's, whatever the patterns say."""
    assert not _keeps("re", "education", vocabulary=frozenset({"reeducation"}))


@pytest.mark.parametrize(
    ("word", "vocabulary", "code", "cut"),
    [
        ("climateintegrated", {"climate", "integrated"}, "eng", 7),  # two of the document's words
        ("copublishing", {"co", "publishing"}, "eng", 2),  # where no typesetter breaks
        ("healthin", {"health", "in", "heal", "thin"}, "eng", None),  # two readings: no telling
        ("écologiquement", {"écologique", "ment"}, "fra", None),  # an ending, not a word
        ("timelines", {"time", "lines"}, "eng", None),  # a listed word's plural
        ("peacebuilding", {"peace", "building"}, "eng", None),  # the compound lexicon knows it closed
        ("fixedinterest", {"interest"}, "eng", 5),  # a word of the document and one of the list
        ("Fixedinterest", {"interest"}, "eng", 5),  # capitalised, as a paragraph's first word
        ("FixedInterest", {"interest"}, "eng", None),  # a capital inside: a name's parts
        # halves of no document word, but each used in general text ten thousand times as often
        # as the joined word: two words; not where a half is rarer ("agarwood": "agar")
        ("priceadjusted", set(), "eng", 5),
        ("oneyear", set(), "eng", 3),
        ("agarwood", set(), "eng", None),
        ("crowdfunding", {"crowd", "funding"}, "eng", None),  # a word of general text the list lacks
    ],
)
def test_a_joined_word_that_lost_its_hyphen(word: str, vocabulary: set[str], code: str, cut: int | None) -> None:
    found = lost_hyphen(word, vocabulary=frozenset(vocabulary), hyphenated=frozenset(), lang=language(code))
    assert found == cut


def test_patterns_and_word_lists_are_loaded_only_for_hard_wrapped_text() -> None:
    """Reading the seed's Markdown imports neither pyphen, pyspellchecker nor wordfreq."""
    script = (
        "import resodiff, sys\n"
        f"resodiff.read({str(SEED)!r})\n"
        "sys.exit(int('pyphen' in sys.modules) + 2 * int('spellchecker' in sys.modules)"
        " + 4 * int('wordfreq' in sys.modules))\n"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0


_DECADE = [
    "Recalling its resolutions on the cooperation between the United Nations and the regional",
    "organizations, in particular those on peace and security and on sustainable development,",
    "Recalling also its resolutions on the social development of the member States of the two",
    "organizations, in particular those on education, health care and the rights of children,",
    "1. Stresses the importance of the social and economic development of children and of their",
    # two printed lines that pdftotext joined where the first ended with "2016-"
    "families, in particular in the United Nations Decade of Action on Nutrition (20162025) and"
    " in the decade that follows it, and of the participation of children in the work",
    "of the two organizations, in particular in the period 20162025 that the decade covers;",
]


@pytest.mark.parametrize("written", ["(2016-2025)", "period 20162025 that"])
def test_a_range_of_years_that_pdftotext_joined_at_its_hyphen(written: str) -> None:
    """Where a printed line ended with a range's hyphen (``2016-`` / ``2025``), pdftotext joined
    the two years into one number: at the place of a join it is a range again; elsewhere (a line
    as wide as the others, no join in it) the number stays as written."""
    head = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"
    resolution = resodiff.read_text(head + "\n".join(_DECADE) + "\n")
    assert written in resolution.operative[0].text


@pytest.mark.parametrize(
    ("left", "right", "code", "compound"),
    [
        ("Haut", "Commissariat", "fra", True),
        ("post", "COVID", "eng", True),
        ("Faustin", "Archange", "fra", True),  # a name's two names
        ("Bio", "Tracker", "eng", False),  # a short first half that is no word: a name's syllable
        ("Tr", "ACSS", "fra", False),
        ("In", "FARM", "fra", False),  # a short word before an acronym: as often a name's letters
    ],
)
def test_a_capital_inside_a_joined_word_after_a_word_shows_a_compound(
    left: str, right: str, code: str, compound: bool
) -> None:
    found = joins_compound(left, right, vocabulary=set(), hyphenated=set(), lang=language(code))
    assert found is compound


@pytest.mark.parametrize(
    ("left", "right", "compound"),
    [
        ("SIDS", "to", True),
        ("EIIL", "Khorassan", True),
        ("SID", "Sto", False),
        ("SDG", "s", False),
        ("UN", "DP", False),
    ],
)
def test_an_acronym_before_a_word_at_a_join_lost_a_hyphen(left: str, right: str, compound: bool) -> None:
    found = joins_compound(left, right, vocabulary=set(), hyphenated=set(), lang=language("eng"))
    assert found is compound


def test_a_space_after_a_hyphen_between_words_is_typography_but_a_hanging_hyphen_keeps_it() -> None:
    # a line that ends after the hyphen cannot show whether the source had a space there
    assert normalize_typography("peoples to self- determination,") == "peoples to self-determination,"
    assert normalize_typography("the Nuclear- Weapon States") == "the Nuclear-Weapon States"
    # before a conjunction the hyphen hangs, and its space is the text's
    for hanging in ("pre- and post-conflict", "medium- to long-term", "low- or zero-emission", "sous- et"):
        assert normalize_typography(hanging) == hanging
    # not after a figure or before punctuation
    assert normalize_typography("2016- 2020, word- (a)") == "2016- 2020, word- (a)"


def test_a_short_word_at_a_join_gets_the_hyphen_the_document_writes_it_with() -> None:
    """``(S-`` / ``VI)``, which pdftotext joined: a word of three letters is as often a word's
    syllables, but the document writes ``(S-VI)`` elsewhere and never ``SVI``."""
    lines = [
        "Recalling its resolutions 3201 (S-VI) and 3202 (S-VI) on the establishment of a new",
        "order, in particular those on peace and security and on sustainable development of States,",
        "Recalling also its resolutions on the social development of the member States of the two",
        "organizations, in particular those on education, health care and the rights of children,",
        "1. Stresses the importance of the social and economic development of children and of their",
        # two printed lines that pdftotext joined where the first ended with "(S-"
        "families, in particular as set out in the declaration of the special session (SVI) and"
        " in the decade that follows it, and of the participation of children in the work",
        "of the two organizations, in particular in the period that the decade covers, and requests;",
    ]
    head = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert "special session (S-VI) and" in resolution.operative[0].text


def test_a_name_after_a_joined_lines_last_join_keeps_its_capital() -> None:
    """Two printed lines that pdftotext joined where the first ended with ``docu-``: the line goes
    on in the next, so its last printed line is a full one, and a name at its end
    (``BlueHarbour``) stands at no join, however near the estimated second one."""
    lines = [
        "Recalling its resolutions on the social development of the member States of the two great",
        "organizations, in particular those on education, health care and the rights of all children,",
        "Recalling also its resolutions on the economic development of the member States of the two",
        "organizations, in particular those on trade, transport and the rights of the workers of each,",
        "1. Stresses the importance of the social and economic development of children and of their",
        "families, in particular as set out in the declarations of the special sessions and in the docu"
        "ments placed in the portal that replaced it, the module of the Journal and BlueHarbour,",
        "of the United Nations, and in the digital library of the United Nations, and requests;",
    ]
    head = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert "the Journal and BlueHarbour, of the United" in resolution.operative[0].text


@pytest.mark.parametrize(
    ("word", "vocabulary", "code", "cut"),
    [
        ("improvingfor", set(), "fra", 9),  # English words in a French text's address
        ("ofpeace", {"peace"}, "eng", 2),  # halves of two letters count in an address
        ("report", set(), "eng", None),  # a word: it stands so in the address
        ("xqzwv", set(), "eng", None),  # no two words: no telling where the hyphen was
        ("forest", set(), "eng", None),
        ("mainstreet", {"mainstreet"}, "eng", None),  # a word of the document
        # no cut reads as two words: the likeliest pieces of general text, by how often each
        # is used (an abbreviation before a word, two abbreviations)
        ("kfsubmissions", set(), "eng", 2),
        ("ddsubmissions", set(), "fra", 2),  # the English word in a French text's address
        ("srona", set(), "eng", 3),
    ],
)
def test_a_word_of_a_web_address_at_a_join_lost_the_address_hyphen(
    word: str, vocabulary: set[str], code: str, cut: int | None
) -> None:
    assert address_cut(word, vocabulary=frozenset(vocabulary), lang=language(code)) == cut


@pytest.mark.parametrize(
    ("word", "following", "code", "cut"),
    [
        ("chefd", "orchestre", "fra", 4),  # "chef-" / "d'orchestre"
        ("aujourd", "hui", "fra", None),  # a word of the list with its apostrophe
        ("xqzd", "accord", "fra", None),  # letters that are no word before the elided one
        ("maind", "work", "eng", None),  # English elides no one-letter word so
    ],
)
def test_letters_glued_before_an_elided_word_lost_a_hyphen(
    word: str, following: str, code: str, cut: int | None
) -> None:
    assert elided_cut(word, following, vocabulary=frozenset(), lang=language(code)) == cut


def test_a_short_word_of_a_web_address_at_a_join_gets_the_address_hyphen_back() -> None:
    """A line that ended inside a web address ended after the address's own hyphen (no
    typesetter hyphenates one at its syllables): the word pdftotext joined there gets it back,
    between two words of any length (``and-the``)."""
    lines = [
        "Recalling its resolutions on the cooperation between the United Nations and the regional",
        "organizations, in particular those on peace and security and on sustainable development,",
        # two printed lines that pdftotext joined where the first ended with "peace-and-"
        "Recalling also the plan published at www.example.org/documents/plans/peace-andthe-regional-"
        "organizations-2030, and its earlier resolutions on the situation in the region,",
        "1. Stresses the importance of the social and economic development of children and of their",
        "families and of the participation of children in the work of the two organizations;",
    ]
    head = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert "plans/peace-and-the-regional-organizations-2030" in resolution.preamble[1].text


@pytest.mark.parametrize(
    ("token", "address"),
    [
        ("https://example.org/report", True),
        ("www.example.org", True),
        ("example.org/plans/2030", True),  # a host before a path
        ("jane.roe@example.int.", True),  # an e-mail
        ("documents/country-reports", True),  # a path without its host, joined by hyphens
        ("and/or", False),
        ("A/RES/77/1", False),  # a document symbol
        ("e.g.", False),
    ],
)
def test_web_addresses_and_e_mails_are_told_by_their_marks(token: str, address: bool) -> None:
    assert in_address(token) is address


def test_letters_of_a_web_address_that_are_no_words_at_a_join_get_the_address_hyphen_back() -> None:
    """``kf-`` / ``submissions``, which pdftotext joined: no typesetter hyphenates an address, so
    the hyphen is the address's own, and ``kf`` is no word: it goes where the letters most
    likely part into pieces of general text."""
    lines = [
        "Recalling its resolutions on the cooperation between the United Nations and the regional",
        "organizations, in particular those on peace and security and on sustainable development,",
        # two printed lines that pdftotext joined where the first ended with "peace-kf-"
        "Recalling also the plan published at www.example.org/documents/plans/peace-kf"
        "submissions-2030, and its earlier resolutions on the situation in the region,",
        "1. Stresses the importance of the social and economic development of children and of their",
        "families and of the participation of children in the work of the two organizations;",
    ]
    head = "A/RES/77/1\nGeneral Assembly\n77/1. Cooperation between organizations\nThe General Assembly,\n"
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert "plans/peace-kf-submissions-2030" in resolution.preamble[1].text


def test_letters_glued_before_an_elided_word_at_a_join_lost_a_hyphen() -> None:
    """``chef-`` / ``d'orchestre``, which pdftotext joined: ``chefd`` before an apostrophe is no
    French word, but a compound's first half before the elided ``d'``."""
    lines = [
        "Rappelant ses résolutions sur la coopération entre l'Organisation des Nations Unies et les",
        "organisations régionales, en particulier celles qui portent sur la paix et la sécurité,",
        "1. Souligne l'importance du développement social et économique des enfants et de leurs",
        # two printed lines that pdftotext joined where the first ended with "chef-"
        "familles, ainsi que du travail accompli dans les deux organisations régionales par le chef"
        "d'orchestre de la formation, et de la participation des enfants aux travaux des deux",
        "organisations, en particulier pendant la période couverte par la décennie ;",
    ]
    head = "A/RES/77/1\nAssemblée générale\n77/1. Coopération entre organisations\nL'Assemblée générale,\n"
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert "le chef-d'orchestre de" in resolution.operative[0].text


def test_a_name_the_lexicon_knows_closed_is_not_split_by_its_capital(monkeypatch: pytest.MonkeyPatch) -> None:
    """A capital after a lower-case letter at a join shows a compound (``HautCommissariat``),
    but not in a name that UN texts write only as one word (``GreenLedger``): the lexicon first.
    Where they write it both ways (``northwest``, ``north-west``), the capital tells."""
    from types import MappingProxyType

    from resodiff.ingest import hyphens

    known = hyphens.Lexicon(
        MappingProxyType({"north-west": 1}),
        MappingProxyType({"greenledger": 1, "northwest": 3}),
        frozenset(),
        {},
        {},
        frozenset(),
    )
    monkeypatch.setattr(hyphens, "lexicon", lambda code: known)
    for left, right, compound in (("Green", "Ledger", False), ("Blue", "Ledger", True), ("North", "West", True)):
        found = joins_compound(left, right, vocabulary=set(), hyphenated=set(), lang=language("eng"))
        assert found is compound
