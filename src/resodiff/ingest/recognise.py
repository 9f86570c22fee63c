"""Recognising references and dates inside running text.

Both readers hand a paragraph over as a list of :class:`Run` (styled text, optionally a link
whose target still has to be worked out) and get back model inlines in which document
symbols, resolution numbers and dates are their own :class:`~resodiff.model.Text` runs with a
:class:`~resodiff.model.Reference` or an ISO date attached.

A bare ``77/18`` is a General Assembly resolution when it is linked or when a word such as
"resolution" precedes it in the same clause; the surrounding words decide whether it belongs
to another body ("résolution 16/18 du Conseil des droits de l'homme" is the Human Rights
Council's).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache, lru_cache
from urllib.parse import unquote, urlparse

from ..languages import Language, undocs_segments
from ..model import Footnote, Inline, Reference, Text
from ..symbols import GA_NUMBER, OLD_GA_NUMBER, SC_NUMBER, SYMBOL, YEAR_NUMBER

# each pattern with a character it cannot match without: most paragraphs have no "/", and
# looking for one costs far less than running the pattern over the paragraph
_NUMBER_PATTERNS = (
    ("old", OLD_GA_NUMBER, "("),
    ("sc", SC_NUMBER, "("),
    ("year", YEAR_NUMBER, "/"),
    ("ga", GA_NUMBER, "/"),
)
_CLAUSE_BREAK = re.compile(r"[;:]|\u0000")
_CONTEXT = 200


@dataclass(frozen=True, slots=True)
class Run:
    """Styled text as a reader found it; ``link`` is a link target not yet understood."""

    text: Text
    link: str | None = None


Piece = Run | Footnote


_TEXT_FIELDS = tuple(f.name for f in fields(Text))


def restyle(run: Text, **changes: object) -> Text:
    """``dataclasses.replace`` for runs: the same, without the field inspection that
    makes ``replace`` the slowest step on paragraphs of many runs."""
    values = {name: getattr(run, name) for name in _TEXT_FIELDS}
    values.update(changes)
    return Text(**values)


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    reference: Reference | None = None
    date: str | None = None


def symbol_from_href(href: str) -> str | None:
    """The document symbol a link points at (undocs.org addresses and AKN IRIs), if any."""
    try:
        parsed = urlparse(href)
    except ValueError:  # an address urllib cannot parse (an unclosed "[" in the host) is no link we know
        return None
    path = unquote(parsed.path)
    if parsed.netloc.endswith("undocs.org") or parsed.netloc.endswith("un.org"):
        parts = [p for p in path.split("/") if p]
        if parts and parts[0] in undocs_segments():
            parts = parts[1:]
        symbol = re.sub(r"^(A/RES/\d+/\d+) ?([A-Z])$", r"\1 \2", "/".join(parts))
        return symbol or None
    # a part's letter follows the number (79-93A, as DGACM names parts; 79-93-A, as resodiff once did)
    match = re.match(r"^/akn/un/statement/deliberation/unga/[\d-]+/(\d+)-(\d+)(?:-?([A-Z]+))?", path)
    if match:
        symbol = f"A/RES/{match[1]}/{match[2]}"
        return f"{symbol} {match[3]}" if match[3] else symbol
    return None


@lru_cache(maxsize=4096)
def reference_from_href(href: str) -> Reference | None:
    """The reference an AKN ``href`` makes (symbol and, from an AKN IRI, the date), or None."""
    symbol = symbol_from_href(href)
    if symbol is None:
        return None
    date = re.match(r"^/akn/un/statement/deliberation/unga/(\d{4}-\d\d-\d\d)/", urlparse(href).path)
    return Reference(symbol, date[1] if date else None)


def _body_of(full: str, start: int, end: int, lang: Language | None) -> str:
    if lang is None:
        return "GA"
    after = full[end : end + 80]
    before = full[max(0, start - 80) : start]
    for body, pattern in lang.bodies_after:
        if pattern.search(after):
            return body
    for body, pattern in lang.bodies_before:
        if pattern.search(before):
            return body
    return "GA"


def _cited_as_resolution(full: str, start: int, lang: Language | None) -> bool:
    if lang is None:
        return False
    window = full[max(0, start - _CONTEXT) : start]
    clauses = _CLAUSE_BREAK.split(window)
    clause = clauses[-1].lower()
    return _resolution_word(lang.resolution_words).search(clause) is not None


@cache
def _resolution_word(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\b")


def _number_symbol(match: re.Match[str], kind: str, body: str) -> str | None:
    if kind == "ga":
        session, number, part = match.groups()
        if body == "HRC":
            return f"A/HRC/RES/{session}/{number}"
        if body != "GA":
            return None
        return f"A/RES/{session}/{number}" + (f" {part}" if part else "")
    if kind == "old":
        return f"A/RES/{match[1]}({match[2]})" if body == "GA" else None
    if kind == "sc":
        return f"S/RES/{match[1]}({match[2]})" if body in {"SC", "GA"} else None
    if kind == "year":
        return f"E/RES/{match[1]}/{match[2]}" if body == "ECOSOC" else None
    return None


def _following_date(full: str, end: int, lang: Language | None) -> str | None:
    if lang is None:
        return None
    rest = full[end : end + 60]
    for date_match in lang.date.finditer(rest):
        if lang.date_link_after.match(rest[: date_match.start()]):
            return lang.iso_date(date_match)
        break
    return None


class _Spans:
    """Spans that do not overlap, in order of position, asked about by bisection: with a
    plain list, a paragraph of many references or links would take quadratic time."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def _before(self, start: int) -> int:
        """The index of the last span that starts at or before ``start`` (-1 for none)."""
        return bisect_right(self.starts, start) - 1

    def overlaps(self, start: int, end: int) -> bool:
        index = self._before(start)
        if index >= 0 and self.spans[index][1] > start:
            return True
        return index + 1 < len(self.spans) and self.spans[index + 1][0] < end

    def contains(self, start: int, end: int) -> bool:
        index = self._before(start)
        return index >= 0 and end <= self.spans[index][1]

    def extended(self, spans: list[tuple[int, int]]) -> _Spans:
        return _Spans(self.spans + spans) if spans else self


def _find(full: str, linked: _Spans, lang: Language | None) -> list[_Match]:
    found = [_Match(m.start(), m.end(), Reference(m.group())) for m in SYMBOL.finditer(full)] if "/" in full else []
    # matches of one pattern never overlap one another, so each pattern is checked against
    # the spans the patterns before it took
    taken = _Spans((m.start, m.end) for m in found)
    for kind, pattern, needed in _NUMBER_PATTERNS:
        if needed not in full:
            continue
        new: list[tuple[int, int]] = []
        for match in pattern.finditer(full):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if not (linked.contains(start, end) or _cited_as_resolution(full, start, lang)):
                continue
            body = _body_of(full, start, end, lang)
            symbol = _number_symbol(match, kind, body)
            if symbol is None:
                continue
            new.append((start, end))
            date = _following_date(full, end, lang) if body == "GA" else None
            found.append(_Match(start, end, Reference(symbol, date)))
        taken = taken.extended(new)
    if lang is not None:
        for match in lang.date.finditer(full):
            start, end = match.span()
            iso = lang.iso_date(match)
            if iso is not None and not taken.overlaps(start, end):
                found.append(_Match(start, end, date=iso))
    return sorted(found, key=lambda m: m.start)


def _mergeable(first: Text, following: Text) -> bool:
    """Whether two neighbouring runs are one run cut in two: same style, no meaning attached."""
    return (
        first.ref is None
        and first.date is None
        and following.ref is None
        and following.date is None
        and "\n" not in (first.text, following.text)
        and (first.italic, first.bold, first.sup) == (following.italic, following.bold, following.sup)
    )


def _join_runs(pieces: Sequence[Piece]) -> list[Piece]:
    """Join neighbouring runs of one style and one link before recognition.

    Word processors cut text anywhere (``<span>13</span><span> septembre 1994</span>``,
    ``<a>39</a><a>/</a><a>11</a>``); recognising on the joined text makes the result the
    same however the source happened to be cut.
    """
    joined: list[Piece] = []
    words: list[str] = []  # the texts joined into the last run, concatenated once at its end

    def close() -> None:
        if len(words) > 1:
            last = joined[-1]
            assert isinstance(last, Run)
            joined[-1] = Run(restyle(last.text, text="".join(words)), last.link)

    for piece in pieces:
        last = joined[-1] if joined else None
        if (
            isinstance(piece, Run)
            and isinstance(last, Run)
            and piece.link == last.link
            and _mergeable(last.text, piece.text)
        ):
            words.append(piece.text.text)
            continue
        close()
        joined.append(piece)
        words = [piece.text.text] if isinstance(piece, Run) else []
    close()
    return joined


def annotate(pieces: Sequence[Piece], lang: Language | None) -> tuple[Inline, ...]:
    """Turn reader runs into model inlines with references and dates recognised."""
    pieces = _join_runs(pieces)
    offsets: list[int] = []
    chunks: list[str] = []
    linked: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        offsets.append(position)
        text = piece.text.text if isinstance(piece, Run) else "\u0000"
        if isinstance(piece, Run) and piece.link is not None:
            linked.append((position, position + len(text)))
        chunks.append(text)
        position += len(text)
    full = "".join(chunks)
    matches = _find(full, _Spans(linked), lang)
    match_starts = [m.start for m in matches]

    result: list[Inline] = []
    for piece, offset in zip(pieces, offsets, strict=False):
        if isinstance(piece, Footnote):
            result.append(piece)
            continue
        run = piece.text
        end = offset + len(run.text)
        # matches do not overlap: those inside this piece are among those starting in it
        inner = []
        for index in range(bisect_left(match_starts, offset), bisect_left(match_starts, end)):
            if matches[index].end <= end:
                inner.append(matches[index])
        if piece.link is not None:
            result.append(_resolve_link(piece, inner))
        elif run.ref is not None or run.date is not None:
            result.append(run)
        else:
            result.extend(_split(run, offset, inner))
    return merge_runs(result)


def _resolve_link(piece: Run, inner: list[_Match]) -> Text:
    run = piece.text
    assert piece.link is not None
    from_href = reference_from_href(piece.link)
    stripped = run.text.strip()
    if SYMBOL.fullmatch(stripped):
        return replace(run, ref=Reference(stripped, from_href.date if from_href else None))
    if from_href is not None:
        date = next((m.reference.date for m in inner if m.reference and m.reference.date), None)
        return replace(run, ref=Reference(from_href.symbol, from_href.date or date))
    references = [m.reference for m in inner if m.reference is not None]
    if len(references) == 1:
        return replace(run, ref=references[0])
    return run


def _split(run: Text, offset: int, matches: list[_Match]) -> list[Text]:
    if not matches:
        return [run]
    pieces: list[Text] = []
    cursor = 0
    for match in matches:
        start, end = match.start - offset, match.end - offset
        if start > cursor:
            pieces.append(restyle(run, text=run.text[cursor:start]))
        pieces.append(restyle(run, text=run.text[start:end], ref=match.reference, date=match.date))
        cursor = end
    if cursor < len(run.text):
        pieces.append(restyle(run, text=run.text[cursor:]))
    return pieces


def merge_runs(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring plain runs of the same style; drop empty ones.

    Both readers end with this, so the same text always gives the same runs whichever
    markup (``*a* *b*`` or ``<span>a</span><span>b</span>``) it came from. A ``"\n"`` run
    (a line break between the lines of one heading or unit) stays a run of its own.
    """
    merged: list[Inline] = []
    words: list[str] = []  # the texts merged into the last run, concatenated once at its end

    def close() -> None:
        if len(words) > 1:
            last = merged[-1]
            assert isinstance(last, Text)
            merged[-1] = restyle(last, text="".join(words))

    for node in inlines:
        if isinstance(node, Text):
            if not node.text:
                continue
            last = merged[-1] if merged else None
            if isinstance(last, Text) and _mergeable(last, node):
                words.append(node.text)
                continue
        close()
        merged.append(node)
        words = [node.text] if isinstance(node, Text) else []
    close()
    return tuple(merged)
