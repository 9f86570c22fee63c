"""The inline markup of the text form: ``*italic*``, ``**bold**``, ``[77/18](#)`` links,
``1^{er}`` / ``39^e`` superscripts, Unicode superscript footnote markers and Markdown escapes.
Footnote markers may also be written as other converters write them: ``^1``, ``<sup>1</sup>``
or ``[^1]``; like a Unicode superscript, a number counts as a marker only when the document has
that footnote, and is otherwise superscript text.

The parser runs in time linear in the paragraph: plain text is taken in runs by one regular
expression, and the closing ``]`` of a link or ``}`` of a superscript is found by a forward
scan whose result later openings reuse (matching a link pattern at every ``[`` would rescan
the rest of the paragraph each time, quadratic on ``[[[[…``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Footnote, SourceSpan, Text
from ..typography import SUPERSCRIPT_DIGITS, superscript_to_digits
from .recognise import Piece, Run

# text with no markup: anything but the characters that may open markup, and escaped pairs
_PLAIN = re.compile(rf"(?s)(?:[^\\*_\[\^<{SUPERSCRIPT_DIGITS}]++|\\.)++")
_NOTE_REF = re.compile(r"\[\^(\w+)\]")
# a link's label runs to the first unescaped "]"; where it stops does not depend on where in
# the label the scan started, which lets every "[" before that "]" share one scan
_LABEL_BODY = re.compile(r"(?:[^\]\\]++|\\.)*+")
_TARGET = re.compile(r"\(([^()\s]*)\)")
_SUP_WORD = re.compile(r"\^([^\W\d_]+)")
_SUP_NUMBER = re.compile(r"\^(\d+)")
_SUP_TAG = re.compile(r"<sup>([^<>]{1,12})</sup>")
_MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
#: what a backslash escapes: Markdown's punctuation, and a superscript digit that is text, not a
#: footnote's call (a "²" of the document's own, as the PDF reader writes it)
_ESCAPE = re.compile(rf"\\([\\`*_{{}}\[\]()#+\-.!|^~<>•–{SUPERSCRIPT_DIGITS}])")


#: Resolves a footnote marker (``"1"``) met at a position to its footnote, or None when the
#: document has no footnote of that number (the superscript then stays plain text).
NoteResolver = Callable[[str, SourceSpan], Footnote | None]


def parse_inline(
    source: list[tuple[str, int, int]],
    file: str | None,
    resolve_note: NoteResolver | None,
) -> list[Piece]:
    """Parse the markup of one paragraph.

    ``source`` is the paragraph's text as (line text, line number, column of its first
    character) fragments, joined with single spaces, so positions point back to the file.
    """
    return _InlineParser(
        " ".join(fragment for fragment, _, _ in source), _Positions(source, file), resolve_note
    ).parse()


class _Positions:
    """Where a character of the joined paragraph stands in the file, found by bisection over
    the fragments (a table with one entry per character would cost far more than the text).
    Only footnote markers ask, so the fragments' offsets are worked out at the first question."""

    def __init__(self, source: list[tuple[str, int, int]], file: str | None) -> None:
        self.source = source
        self.file = file
        self.starts: list[int] = []
        self.origins: list[tuple[int, int]] = []

    def span(self, index: int) -> SourceSpan:
        if not self.starts:
            self._measure()
        segment = bisect_right(self.starts, index) - 1
        line, column = self.origins[segment]
        return SourceSpan(self.file, line, column + index - self.starts[segment])

    def _measure(self) -> None:
        offset = 0
        for index, (fragment, line, column) in enumerate(self.source):
            if index:
                # the joining space stands where the next line begins
                self.starts.append(offset)
                self.origins.append((line, column))
                offset += 1
            self.starts.append(offset)
            self.origins.append((line, column))
            offset += len(fragment)


class _ForwardScan:
    """Where a scan from a position stops, for positions that only grow.

    ``stop(start)`` must not depend on which position before the stop the scan started from;
    a later position before the last stop then reuses it, so every character is scanned once.
    """

    def __init__(self, stop: Callable[[int], int]) -> None:
        self.stop = stop
        self.start = 0
        self.end = -1

    def __call__(self, start: int) -> int:
        if not self.start <= start <= self.end:
            self.start, self.end = start, self.stop(start)
        return self.end


class _InlineParser:
    def __init__(self, text: str, positions: _Positions, resolve_note: NoteResolver | None) -> None:
        self.text = text
        self.positions = positions
        self.resolve_note = resolve_note
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []
        self.italic = False
        self.bold = False
        self.label_end = _ForwardScan(lambda start: _label_stop(text, start))
        self.brace = _ForwardScan(lambda start: _find_or_end(text, "}", start))
        self.target: tuple[int, re.Match[str] | None] = (-1, None)
        self.last_star = text.rfind("*")

    def flush(self) -> None:
        if self.buffer:
            chunk = _unescape("".join(self.buffer))
            self.pieces.append(Run(Text(chunk, italic=self.italic, bold=self.bold)))
            self.buffer = []

    def parse(self) -> list[Piece]:
        text = self.text
        i = 0
        while i < len(text):
            plain = _PLAIN.match(text, i)
            if plain is not None:
                self.buffer.append(plain.group())
                i = plain.end()
            else:
                i = self.markup(i)
        self.flush()
        return self.pieces

    def markup(self, i: int) -> int:
        """Read the markup that may open at ``i``; return where reading goes on."""
        text = self.text
        char = text[i]
        if char == "*":
            run = "**" if text.startswith("**", i) else "*"
            if not (self.bold if run == "**" else self.italic) and self.last_star < i + len(run):
                # an opening that nothing closes is text, as CommonMark leaves it: a document's
                # own star, which plain-text converters leave unescaped ("level H* have",
                # "Assembly;*")
                self.buffer.append(run)
                return i + len(run)
            self.flush()
            if run == "**":
                self.bold = not self.bold
                return i + 2
            self.italic = not self.italic
            return i + 1
        if char == "_" and self._underscore_emphasis(i):
            self.flush()
            self.italic = not self.italic
            return i + 1
        if char == "[":
            if note_ref := _NOTE_REF.match(text, i):
                self.flush()
                note = self.resolve_note(note_ref.group(1), self.positions.span(i)) if self.resolve_note else None
                if note is None:
                    self.buffer.append(note_ref.group())
                else:
                    self.pieces.append(note)
                return note_ref.end()
            if (link_end := self.link(i)) is not None:
                return link_end
        if char == "^" and (sup_end := self.superscript(i)) is not None:
            return sup_end
        if char in SUPERSCRIPT_DIGITS:
            marker = _MARKER.match(text, i)
            assert marker is not None
            self.number_or_note(superscript_to_digits(marker.group()), i)
            return marker.end()
        if char == "<" and (tag := _SUP_TAG.match(text, i)):
            content = tag.group(1)
            if content.isdecimal():
                self.number_or_note(content, i)
            else:
                self.flush()
                self.pieces.append(Run(Text(content, italic=self.italic, bold=self.bold, sup=True)))
            return tag.end()
        # an opening that opens nothing, or a backslash ending the paragraph: plain text
        self.buffer.append(char)
        return i + 1

    def number_or_note(self, number: str, i: int) -> None:
        """A superscript number at ``i``: the footnote of that number, where the document has
        one, else superscript text."""
        note = self.resolve_note(number, self.positions.span(i)) if self.resolve_note else None
        self.flush()
        if note is None:
            self.pieces.append(Run(Text(number, italic=self.italic, bold=self.bold, sup=True)))
        else:
            self.pieces.append(note)

    def link(self, i: int) -> int | None:
        close = self.label_end(i + 1)
        if close >= len(self.text) or self.text[close] != "]":
            return None
        if self.target[0] != close:
            self.target = (close, _TARGET.match(self.text, close + 1))
        target = self.target[1]
        if target is None:
            return None
        self.flush()
        label = _unescape(self.text[i + 1 : close])
        inner = _strip_emphasis(label)
        self.pieces.append(
            Run(Text(inner.text, italic=self.italic or inner.italic, bold=self.bold), link=target.group(1))
        )
        return target.end()

    def superscript(self, i: int) -> int | None:
        text = self.text
        if text.startswith("{", i + 1):
            close = self.brace(i + 2)
            if close >= len(text):
                return None
            content, end = text[i + 2 : close], close + 1
        elif word := _SUP_WORD.match(text, i):
            content, end = word.group(1), word.end()
        elif number := _SUP_NUMBER.match(text, i):
            self.number_or_note(number.group(1), i)
            return number.end()
        else:
            return None
        self.flush()
        self.pieces.append(Run(Text(content, italic=self.italic, bold=self.bold, sup=True)))
        return end

    def _underscore_emphasis(self, index: int) -> bool:
        """``_x_`` emphasis only at word edges, so that snake_case or A_RES stays text."""
        before = self.text[index - 1] if index else " "
        after = self.text[index + 1] if index + 1 < len(self.text) else " "
        opening = not self.italic and not before.isalnum() and not after.isspace()
        closing = self.italic and not after.isalnum() and not before.isspace()
        return opening or closing


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _label_stop(text: str, start: int) -> int:
    match = _LABEL_BODY.match(text, start)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _find_or_end(text: str, char: str, start: int) -> int:
    found = text.find(char, start)
    return len(text) if found < 0 else found


@dataclass(frozen=True, slots=True)
class _Label:
    text: str
    italic: bool


def _strip_emphasis(label: str) -> _Label:
    if len(label) > 2 and label[0] == "*" and label[-1] == "*":
        return _Label(label[1:-1], True)
    return _Label(label.replace("*", ""), False)
