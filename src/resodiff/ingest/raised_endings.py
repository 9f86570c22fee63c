"""Raised endings that a converter set apart from their number, joined again.

LibreOffice prints a raised ending (French ``1^{er}``, ``39^e``, ``n^o``; Spanish ``13^{er}``) as
a run of its own, and ``pdftotext`` writes the run after a space: ``1 er``, ``39 e``, ``n o``.
The official files glue them (``1<sup>er</sup>``), and so does every other form the text reader
reads. Only the language's endings that are no word of it are joined (see
:attr:`~resodiff.languages.Language.raised_endings`), and only where they stand as a word: a
space or punctuation after them, not a closing parenthesis (French ``paragraphe 3 e)`` cites a
sub-paragraph), so that the join is safe in any text, and needs no sign that the raised type
was lost. The space is dropped, so the positions after it on its line move one column left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..languages import Language

#: what may follow a raised ending: a space, the line's end or punctuation but a closing bracket
_AFTER = r"(?=[\s,;:.!?»”\"']|$)"


@cache
def _pattern(endings: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a language's raised endings set apart after a number (a whole one: not
    after a letter, a symbol's ``/`` or a decimal separator; or a Roman one of two letters or more,
    ``XXI e siècle``, not a pronoun ``I``) and its raised words set apart."""
    alternatives = []
    if endings:
        options = "|".join(re.escape(ending) for ending in sorted(endings, key=len, reverse=True))
        alternatives.append(rf"(?<![\w/.,-])(?:\d+|[IVXLC]{{2,}}) (?:{options})")
    for word in words:
        base, ending = word.split("^", 1)
        alternatives.append(rf"(?<!\w){re.escape(base)} {re.escape(ending)}")
    return re.compile(rf"(?:{'|'.join(alternatives)}){_AFTER}") if alternatives else None


def join_raised_endings(lines: Sequence[str], lang: Language) -> list[str]:
    """``lines`` with the language's raised endings glued again to what they follow (``1 er``
    → ``1er``, ``n o`` → ``no``)."""
    pattern = _pattern(lang.raised_endings, lang.raised_words)
    if pattern is None:
        return list(lines)
    return [pattern.sub(_glued, line) if " " in line else line for line in lines]


def _glued(match: re.Match[str]) -> str:
    return match.group().replace(" ", "", 1)
