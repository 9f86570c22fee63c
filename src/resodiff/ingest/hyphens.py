"""Whether a hyphen at a line's end is the word's own (a compound's) or the typesetter's.

A typesetter hyphenates a long word where it does not fit; a compound's own hyphen is also a
place where a line may break, and across the break the two look alike. Before a capital the
hyphen is always the compound's ("Counter-Terrorism"). Otherwise the reader weighs what the
document says: the word occurs elsewhere joined (the typesetter's hyphen) or hyphenated (the
compound's). Then how UN texts write the word (the compound lexicon, mined from resolutions by
tools/compound_words.py: ``capacity-building`` but ``peacebuilding``), whichever form they use
more. Then what the document says of a half: the second one ends compounds elsewhere. Then
what the language says: a word it makes compounds with stands on either side (``non-``,
``self-``, ``-based``; French ``-même``); the second half is a word of the document and the first one too (not a
syllable-short one), or begins compounds elsewhere, or is a prefix the language hyphenates
(``anti-``, French ``sous-``); both halves are number words (``seventy-eighth``,
``vingt-deuxième``); the word before already is a compound (``soixante-dix-`` / ``neuvième``).
Where nothing tells, a hyphen inside a lower-case word is the typesetter's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ..errors import ResodiffError
from ..languages import Language, number_words
from ..typography import normalize_typography

_TOKEN = re.compile(r"[^\W\d_]+")
#: the fewest letters of a first half that counts as a word of the document
_WORD_HEAD = 4
#: in how many resolutions a compound must be written (and none write it as one word) for its
#: joined form to be pdftotext's wherever it stands: one resolution's may be a slip or a name
_UNJOINED_MINIMUM = 2
#: the compound lexicons, one per language that has one (``<code>.json``)
_COMPOUNDS = Path(__file__).resolve().parent.parent / "data" / "compounds"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """How UN texts write a language's compounds: the joints of hyphenated words (``a-b``) and
    the words written as one that could be taken for compounds, each with the number of
    resolutions that write it so."""

    hyphenated: Mapping[str, int]
    closed: Mapping[str, int]
    #: the words that follow a hyphen left hanging ("low- and middle-income")
    suspended: frozenset[str]
    #: the hyphenated words that UN texts never write as one, as one (what pdftotext makes of
    #: them at a line's end), with the place of their hyphen
    unjoined: Mapping[str, int]

    def hyphen(self, head: str, rest: str) -> bool | None:
        """Whether ``head`` and ``rest`` (lower case) are written with a hyphen between them
        (True) or as one word (False), by the form more resolutions use; None where the
        lexicon knows neither, or both as often."""
        hyphenated, closed = self.hyphenated.get(f"{head}-{rest}", 0), self.closed.get(head + rest, 0)
        return None if hyphenated == closed else hyphenated > closed


@cache
def lexicon(code: str) -> Lexicon:
    """The compound lexicon of a language, read when hard-wrapped text first asks (an empty one
    for a language without)."""
    source = _COMPOUNDS / f"{code}.json"
    if not source.is_file():
        return Lexicon(MappingProxyType({}), MappingProxyType({}), frozenset(), MappingProxyType({}))
    try:
        entry = json.loads(source.read_text(encoding="utf-8"))
        hyphenated, closed, suspended = entry["hyphenated"], entry["closed"], entry["suspended"]
        if not all(isinstance(n, int) for counts in (hyphenated, closed, suspended) for n in counts.values()):
            raise TypeError("counts must be integers")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ResodiffError(f"the compound lexicon is malformed: {error!r}", file=str(source)) from None
    unjoined = {
        joint.replace("-", ""): joint.index("-")
        for joint, count in hyphenated.items()
        if count >= _UNJOINED_MINIMUM and joint.replace("-", "") not in closed
    }
    return Lexicon(
        MappingProxyType(hyphenated), MappingProxyType(closed), frozenset(suspended), MappingProxyType(unjoined)
    )


def unjoined(word: str, lang: Language | None) -> int | None:
    """Where the hyphen goes in a word that UN texts write only with one, and whose case says
    that it is two words there (``SecretaryGeneral``, ``MoyenOrient``, ``SIV``): in hard-wrapped
    text, the word is pdftotext's join of a line that ended with its hyphen, wherever it stands
    (on a paragraph's short last line too). None for any other word: a lower-case one
    (``healthcare``, written ``health-care`` in one session and as one word in the next) is left
    to the document's evidence at the place of a join (:func:`joins_compound`)."""
    if lang is None:
        return None
    place = lexicon(lang.code).unjoined.get(word.lower())
    return place if place is not None and word[place].isupper() else None


def _letters(spelled: str) -> list[str]:
    return _TOKEN.findall(normalize_typography(spelled))


def keeps_hyphen(
    left: str,
    tail: str,
    *,
    chained: bool,
    vocabulary: Set[str],
    hyphenated: Set[str],
    lang: Language | None,
) -> bool:
    """Whether ``left-`` at a line's end and ``tail`` at the next line's start make a compound
    (the hyphen stays) rather than one word the typesetter hyphenated. ``chained``: the word
    before the hyphen is itself joined by a hyphen, or the next goes on with one;
    ``vocabulary``: the document's words, lower case; ``hyphenated``: its compounds, as
    ``a-b``, ``a-`` and ``-b``."""
    head, rest = left.lower(), tail.lower()
    if tail[0].isupper():
        return True  # a typesetter never breaks a word before a capital: "Counter-Terrorism"
    if f"{head}{rest}" in vocabulary:
        return False
    if chained or f"{head}-{rest}" in hyphenated:
        return True
    if lang is not None and (usage := lexicon(lang.code).hyphen(head, rest)) is not None:
        return usage
    if f"-{rest}" in hyphenated:
        return True
    if lang is not None and (head in lang.compound_heads or rest in lang.compound_tails):
        return True
    # a short first half is as often a syllable as a word ("re-", "in-", "de-"), and makes
    # compounds elsewhere ("UN-Women") without saying anything of this one
    prefixes = lang.compound_prefixes if lang else frozenset()
    known_head = f"{head}-" in hyphenated or head in prefixes or (len(head) >= _WORD_HEAD and head in vocabulary)
    if known_head and rest in vocabulary:
        return True
    if lang is not None and head in (numbers := number_words(lang, _letters)) and rest in numbers:
        return True
    return not (left[-1].islower() and tail[0].islower())


def suspends_hyphen(left: str, tail: str, *, vocabulary: Set[str], hyphenated: Set[str], lang: Language | None) -> bool:
    """Whether ``left-`` before a line's end (or a join pdftotext made) and ``tail`` are a hyphen
    left hanging and the next word (``low- and middle-income``): UN texts write ``tail`` after
    one (a conjunction), and neither the document nor the lexicon knows the two as one word
    (``expand``)."""
    if lang is None or (rest := tail.lower()) not in (known := lexicon(lang.code)).suspended:
        return False
    head = left.lower()
    return f"{head}{rest}" not in vocabulary and f"{head}-{rest}" not in hyphenated and known.hyphen(head, rest) is None


#: the fewest letters of a half that a compound is recognised by, where a joined word is cut
#: at every place in turn (shorter halves are syllables as often)
_HALF = 4


def joins_compound(
    left: str,
    right: str,
    *,
    vocabulary: Set[str],
    hyphenated: Set[str],
    lang: Language | None,
    by_case: bool = True,
) -> bool:
    """Whether a word that lost its hyphen (pdftotext joins a line that ends with one to the
    next) was the compound ``left-right``. Every place of the word is tried, so only plain
    evidence counts: the compound is written so elsewhere, a capital follows a lower-case letter
    (``HautCommissariat``), UN texts write the compound so more often than as one word (the
    lexicon: ``capacity-building``; ``nonetheless`` is one word at every place), both halves are
    number words, or the first half is a word the language makes compounds with (``non``) and
    the other no syllable, or the second one is (``based``) and the first a word of the
    document. ``by_case``: whether the capital counts, where a join is as likely as not (names
    are written so: ``SaferGuard``). A one-letter first half counts by the lexicon only."""
    head, rest = left.lower(), right.lower()
    if f"{head}-{rest}" in hyphenated:
        return True
    if len(head) < 2:
        # a one-letter half ("c'est-à-dire") is as often a word's first letter: only the
        # lexicon tells
        return lang is not None and lexicon(lang.code).hyphen(head, rest) is True
    if by_case and left[-1].islower() and right[0].isupper():
        return True
    if lang is None:
        return False
    if (usage := lexicon(lang.code).hyphen(head, rest)) is not None:
        return usage
    if head in lang.compound_heads and len(rest) >= _HALF:
        return True
    if rest in lang.compound_tails and len(head) >= _HALF and head in vocabulary:
        return True  # many words end as a compound's second half does ("enabled", "communs")
    numbers = number_words(lang, _letters)
    return len(head) >= 3 and len(rest) >= 3 and head in numbers and rest in numbers
