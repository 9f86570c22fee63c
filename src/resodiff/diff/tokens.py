"""Tokens for the word-level comparison.

Document symbols, resolution numbers, dates and numbers are single tokens, so that a changed
date reads as one replacement (``21 novembre 2022`` → ``18 novembre 2024``), never as a
shuffle of digits; a date is what a language's own date pattern matches (``2024年11月18日``,
``18 ноября 2024 года``). Chinese and Japanese are otherwise compared character by character;
in Arabic (and any script with combining marks) a letter keeps its diacritics in its word.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import attrgetter, eq, itemgetter, not_
from typing import NamedTuple

from ..languages import language, supported_languages
from ..symbols import IDEOGRAPHS, SYMBOL
from ..typography import irregular_spaces, keeps_typography, normalize_typography


@cache
def _date_branches() -> tuple[list[str], list[str]]:
    """Every language's date pattern without its groups: those that open with a digit (all of
    resodiff's own: ``18 November 2024``, ``2024年11月18日``), and the others."""
    patterns = sorted(
        {
            re.sub(r"\(\?P<\w+>", "(?:", lang.date.pattern)
            for code in supported_languages()
            if (lang := language(code)) and lang.months
        }
    )
    by_digit = [p for p in patterns if p.startswith("(?:\\d")]
    return by_digit, [p for p in patterns if p not in by_digit]


@cache
def _dates() -> str:
    """Every language's date pattern as one alternation; those that open with a digit are tried
    only where a digit stands, which keeps the branch cheap."""
    by_digit, others = _date_branches()
    branches = ([f"(?=\\d)(?:{'|'.join(by_digit)})"] if by_digit else []) + others
    return "|".join(branches) or "(?!)"


_SPACE = r"[ \u00a0\u202f]"
# combining marks, and the invisible characters a PDF leaves inside a word (soft hyphen,
# zero-width space and joiners): typography removes them, so they must not cut the word
_MARKS = (
    "\u00ad\u200b-\u200d\u2060"
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
)
# ideographs and kana; CJK punctuation (U+3000-303F, full-width forms) is punctuation
_CJK = IDEOGRAPHS


@cache
def token_pattern() -> re.Pattern[str]:
    """One alternation, cheapest tests first; lookaheads keep the costly branches from being
    tried at every position (only dates are matched without regard to case)."""
    return re.compile(
        r"(?P<space>\s+)"
        rf"|(?P<symbol>(?=[A-Z]{{1,6}}[/.])(?:{SYMBOL.pattern}))"
        rf"|(?P<date>(?i:{_dates()}))"
        rf"|(?P<resolution>(?=\d)(?:\d{{1,4}}/\d{{1,4}}(?:{_SPACE}[A-Z]\b)?|\d{{1,4}}{_SPACE}?\((?:[IVXLC]+|\d{{4}})\)))"
        r"|(?P<number>\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?%?)"
        rf"|(?P<cjk>[{_CJK}])"
        # a letter, then letters and marks in any order: runs of letters repeat in C, where a
        # group repeated letter by letter ("(?:[^\W\d_][marks]*)*") steps through each
        rf"|(?P<word>[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*)"
        r"|(?P<other>.)",
        re.DOTALL,
    )


class Token(NamedTuple):
    """A token as printed (``text``), its comparison form (``key``) and its kind.

    A named tuple rather than a dataclass: tokens are made by the thousand per paragraph.
    """

    text: str
    key: str
    kind: str


@lru_cache(maxsize=65536)
def _key(raw: str) -> str:
    return normalize_typography(raw)


_GROUP = re.Match.group
_KIND = attrgetter("lastgroup")


@lru_cache(maxsize=8192)
def token_columns(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The tokens of ``text`` as three columns: their texts, keys and kinds (``tokenize``'s
    tokens, one field at a time).

    The word diff reads only the texts and keys of a paragraph's thousand tokens: building a
    named tuple for each took longer than finding them. The columns are made by C-level maps,
    keys copied from the texts and mended only at the tokens whose key is not their text, each
    found by a C-level filter: a Python loop over every token took most of the time.
    """
    matches = list(token_pattern().finditer(text))
    raws = list(map(_GROUP, matches))
    kinds = list(map(_KIND, matches))
    if None in kinds:
        kinds = [kind or "other" for kind in kinds]
    keys = _typography_free(text, raws)
    # where a text has only single plain spaces, every space token is " ", its own key
    if irregular_spaces(text):
        keys = keys if keys is not raws else raws.copy()
        for at in compress(range(len(kinds)), map(eq, kinds, repeat("space"))):
            keys[at] = " "
    if "date" in kinds:
        # a date cut at a line end keeps a space where it was cut (تشرين الأول/ أكتوبر)
        keys = keys if keys is not raws else raws.copy()
        for at in compress(range(len(kinds)), map(eq, kinds, repeat("date"))):
            keys[at] = "".join(keys[at].split())
    return tuple(raws), tuple(keys), tuple(kinds)


def _typography_free(text: str, raws: list[str]) -> list[str]:
    """The keys of ``text``'s tokens ``raws`` before spaces and dates are mended: ``raws``
    itself where the text is ASCII (no typography to take off), else a copy with a key made
    only for the tokens beyond ASCII whose typography differs."""
    if text.isascii():
        return raws
    keys = raws.copy()
    for at in compress(range(len(raws)), map(not_, map(str.isascii, raws))):
        if not keeps_typography(raws[at]):
            keys[at] = _key(raws[at])
    return keys


@cache
def _flat_pattern() -> re.Pattern[str]:
    """The token pattern without its groups: ``findall`` then gives the tokens' texts with no
    match object made per token."""
    return re.compile(re.sub(r"\(\?P<\w+>", "(?:", token_pattern().pattern), re.DOTALL)


@cache
def _digit_dates() -> re.Pattern[str] | None:
    """The token pattern's dates, where every date opens with a digit (else None)."""
    return None if _date_branches()[1] else re.compile(f"(?i:{_dates()})", re.DOTALL)


@lru_cache(maxsize=8192)
def token_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts and keys of ``text``'s tokens (``token_columns`` without the kinds): what the
    word diff reads, found by one ``findall`` (about 40 % of the search's time went to the match
    objects and their kinds).

    The two kinds whose keys are mended are told by their texts: a space token is all spaces (no
    other kind holds one alone), and a date is a token that opens with a digit and the date
    pattern matches whole: where that pattern matches, it is the first kind tried (the
    earlier kinds open with a space or a capital), so what it matches whole is a date token.
    """
    dates = _digit_dates()
    if dates is None:
        # a date that opens with a letter is told from a word by the pattern's kinds only
        columns = token_columns(text)
        return columns[0], columns[1]
    raws: list[str] = _flat_pattern().findall(text)
    keys = _typography_free(text, raws)
    if irregular_spaces(text):
        keys = keys if keys is not raws else raws.copy()
        for at in compress(range(len(raws)), map(str.isspace, raws)):
            keys[at] = " "
    # a date cut at a line end keeps a space where it was cut (تشرين الأول/ أكتوبر): every date
    # opens with a digit, and few tokens do
    for at in compress(range(len(raws)), map(str.isdigit, map(_FIRST, raws))):
        if dates.fullmatch(raws[at]):
            keys = keys if keys is not raws else raws.copy()
            keys[at] = "".join(keys[at].split())
    return tuple(raws), tuple(keys)


_FIRST = itemgetter(0)


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into tokens; ``key`` is the typography-free form that comparisons use.

    Cached: a text is tokenized for its classification wherever it is asked again.
    """
    # the named tuple's own __new__ is a Python call
    return tuple(map(tuple.__new__, repeat(Token), zip(*token_columns(text), strict=True)))


_WORD = re.compile(r"\w+")
_CJK_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_HAS_CJK = re.compile(rf"[{_CJK}]")


# an ASCII text's words are its runs of letters, digits and underscores: its bytes lower-cased and
# every other character made a space by one table, str.split finds them without a match object per
# word (a str table looks each character up in a dict, and a character it lacks raises KeyError).
# The bytes of UTF-8 beyond ASCII are left as they are: a text whose every character beyond ASCII
# is a letter or digit (French, Spanish, Russian) is split the same way, its UTF-8 whole.
_ASCII_WORDS = bytes(ord(c.lower()) if c.isalnum() or c == "_" else ord(" ") for c in map(chr, range(128))) + bytes(
    range(128, 256)
)
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")


def word_keys(normalized: str) -> list[str]:
    """The lower-cased words of an already normalised text, for similarity (Chinese and
    Japanese by character: they do not put spaces between words)."""
    if normalized.isascii():
        return normalized.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    lowered = normalized.lower()
    if _HAS_CJK.search(normalized):
        return _CJK_WORD.findall(lowered)
    if _NON_ASCII_NON_WORD.search(lowered) is None:
        return lowered.encode().translate(_ASCII_WORDS).decode().split()
    return _WORD.findall(lowered)
