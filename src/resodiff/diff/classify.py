"""Telling a technical update from a substantive change.

A biennial resolution comes back with its dates, years, session ordinals ("seventy-ninth" →
"eighty-first"), report symbols and meeting places updated, and the predecessor added to the
recall list. Those edits are *technical*. A change is technical when every word it deletes or
inserts is one of:

* a date, a year or any number; a document symbol or a resolution number;
* a word of an ordinal or cardinal number as the language writes it (num2words, 1 to 130:
  "soixante-dix-neuvième", "eighty-first"; in Russian and Arabic compared by stem, so that
  inflected forms count), a month name or other date word;
* one of the language's recall-list connectors ("and", "of", "et", "du"), inserted or
  deleted, where a resolution number is inserted (the recall list extended with the
  predecessor moves its "and");

The language data is in ``data/technical.json``.
* a capitalised name replacing another capitalised name (the place of a meeting).

Anything else, and any paragraph inserted, deleted, split, merged or moved, is *substantive*.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from num2words import num2words

from .report import ChangeClass, Segment
from .tokens import tokenize

_NUM2WORDS_LANG = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar"}


@cache
def _data(language: str) -> dict[str, object]:
    table = json.loads(resources.files("resodiff").joinpath("data/technical.json").read_text(encoding="utf-8"))
    entry: dict[str, object] = table.get(language, {})
    return entry


def _words(language: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data(language).get(key, []))  # type: ignore[attr-defined]


_TECHNICAL_KINDS = {"date", "resolution", "number", "symbol"}


@cache
def number_words(language: str) -> frozenset[str]:
    """Every word of the ordinals and cardinals 1-130 in a language (lower case), and the
    language's date words."""
    words: set[str] = set(_words(language, "number_words") | _words(language, "date_words"))
    code = _NUM2WORDS_LANG.get(language)
    if code is None:
        return frozenset(words)
    for n in range(1, 131):
        for form in ("ordinal", "cardinal"):
            for token in tokenize(num2words(n, to=form, lang=code)):
                if token.kind == "word":
                    words.add(token.key.lower())
    # "one hundred and one", "vingt et un": the conjunction is no number word
    return frozenset(words - _words(language, "connectors") - {"and", "et", "y", "и", "و"})


@cache
def connectors(language: str) -> frozenset[str]:
    return _words(language, "connectors")


@cache
def _stems(language: str) -> frozenset[str]:
    length = int(_data(language).get("stem_length", 0))  # type: ignore[call-overload]
    if not length:
        return frozenset()
    return frozenset(word[:length] for word in number_words(language) if len(word) >= length)


def _is_number_word(word: str, language: str) -> bool:
    if word in number_words(language):
        return True
    prefixes = [str(p) for p in _data(language).get("prefixes", [])]  # type: ignore[attr-defined]
    candidates = [word] + [word[len(p) :] for p in prefixes if word.startswith(p) and len(word) > len(p) + 1]
    stems = _stems(language)
    length = int(_data(language).get("stem_length", 0))  # type: ignore[call-overload]
    return any(c in number_words(language) or (stems and c[:length] in stems) for c in candidates)


def _changed_tokens(segments: tuple[Segment, ...]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    deleted: list[tuple[str, str]] = []
    inserted: list[tuple[str, str]] = []
    for segment in segments:
        if segment.op == "equal":
            continue
        target = deleted if segment.op == "delete" else inserted
        target.extend((t.kind, t.key) for t in tokenize(segment.text) if t.kind not in ("space", "other"))
    return deleted, inserted


def classify_segments(segments: tuple[Segment, ...], language: str) -> ChangeClass | None:
    """None when nothing changed in content; otherwise technical or substantive."""
    deleted, inserted = _changed_tokens(segments)
    if not deleted and not inserted:
        punctuation_changed = any(s.op != "equal" and s.text.strip() for s in segments)
        return "substantive" if punctuation_changed else None
    joiners = connectors(language)
    reference_inserted = any(kind in ("resolution", "symbol") for kind, _ in inserted)
    leftover_deleted = [
        key for kind, key in deleted if not _technical(kind, key, language, joiners, reference_inserted)
    ]
    leftover_inserted = [
        key for kind, key in inserted if not _technical(kind, key, language, joiners, reference_inserted)
    ]
    if not leftover_deleted and not leftover_inserted:
        return "technical"
    if _name_swap(leftover_deleted, leftover_inserted):
        return "technical"
    return "substantive"


def _technical(kind: str, key: str, language: str, joiners: frozenset[str], joining: bool) -> bool:
    if kind in _TECHNICAL_KINDS:
        return True
    lowered = key.lower()
    if _is_number_word(lowered, language):
        return True
    return joining and lowered in joiners


def _name_swap(deleted: list[str], inserted: list[str]) -> bool:
    """One capitalised name replaced by another (``tenue à Astana`` → ``tenue à Bakou``)."""
    return (
        len(deleted) == len(inserted) == 1
        and deleted[0][:1].isupper()
        and inserted[0][:1].isupper()
        and deleted[0] != inserted[0]
    )
