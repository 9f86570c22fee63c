"""Telling a technical update from a substantive change.

A biennial resolution comes back with its dates, years, session ordinals ("seventy-ninth" →
"eighty-first"), report symbols and meeting places updated, and the predecessor added to the
recall list. Those edits are *technical*. A change is technical when every word it deletes or
inserts is one of:

* a date, a year or any number; a document symbol or a resolution number;
* a word of an ordinal or cardinal number as the language writes it (num2words, 1 to 130:
  "soixante-dix-neuvième", "eighty-first");
* one of the language's recall-list connectors ("and", "of", "et", "du") next to an inserted
  resolution number (the recall list extended with the predecessor);
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
_TECHNICAL_KINDS = {"date", "resolution", "number", "symbol"}


@cache
def number_words(language: str) -> frozenset[str]:
    """Every word of the ordinals and cardinals 1-130 in a language (lower case)."""
    code = _NUM2WORDS_LANG.get(language)
    if code is None:
        return frozenset()
    words: set[str] = set()
    for n in range(1, 131):
        for form in ("ordinal", "cardinal"):
            try:
                written = num2words(n, to=form, lang=code)
            except (NotImplementedError, OverflowError, KeyError):
                continue
            for token in tokenize(written):
                if token.kind == "word":
                    words.add(token.key.lower())
    if code == "fr":
        words.update({"première", "premier", "unième"})
    return frozenset(words)


@cache
def connectors(language: str) -> frozenset[str]:
    table = json.loads(resources.files("resodiff").joinpath("data/languages.json").read_text(encoding="utf-8"))
    return frozenset(word.lower() for word in table.get(language, {}).get("recall_connectors", []))


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
    numbers = number_words(language)
    joiners = connectors(language)
    reference_inserted = any(kind in ("resolution", "symbol") for kind, _ in inserted)
    leftover_deleted = [key for kind, key in deleted if not _technical(kind, key, numbers, joiners, False)]
    leftover_inserted = [
        key for kind, key in inserted if not _technical(kind, key, numbers, joiners, reference_inserted)
    ]
    if not leftover_deleted and not leftover_inserted:
        return "technical"
    if _name_swap(leftover_deleted, leftover_inserted):
        return "technical"
    return "substantive"


def _technical(kind: str, key: str, numbers: frozenset[str], joiners: frozenset[str], joining: bool) -> bool:
    if kind in _TECHNICAL_KINDS:
        return True
    lowered = key.lower()
    if lowered in numbers:
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
