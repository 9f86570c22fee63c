"""The inline markup of the text form: ``*italic*``, ``**bold**``, ``[77/18](#)`` links,
``1^{er}`` / ``39^e`` superscripts, Unicode superscript footnote markers and Markdown escapes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Footnote, SourceSpan, Text
from ..typography import SUPERSCRIPT_DIGITS, superscript_to_digits
from .recognise import Piece, Run

_NOTE_REF = re.compile(r"\[\^(\w+)\]")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)")
_SUP = re.compile(r"\^\{([^}]*)\}|\^([^\W\d_]+)")
_MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|^~<>•–])")


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
    text_parts: list[str] = []
    positions: list[tuple[int, int]] = []
    for index, (fragment, line, column) in enumerate(source):
        if index:
            text_parts.append(" ")
            positions.append((line, column))
        text_parts.append(fragment)
        positions.extend((line, column + offset) for offset in range(len(fragment)))
    text = "".join(text_parts)
    parser = _InlineParser(text, positions, file, resolve_note)
    return parser.parse()


class _InlineParser:
    def __init__(
        self,
        text: str,
        positions: list[tuple[int, int]],
        file: str | None,
        resolve_note: NoteResolver | None,
    ) -> None:
        self.text = text
        self.positions = positions
        self.file = file
        self.resolve_note = resolve_note
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []
        self.italic = False
        self.bold = False

    def flush(self) -> None:
        if self.buffer:
            chunk = _ESCAPE.sub(r"\1", "".join(self.buffer))
            self.pieces.append(Run(Text(chunk, italic=self.italic, bold=self.bold)))
            self.buffer = []

    def span_at(self, index: int) -> SourceSpan:
        line, column = self.positions[min(index, len(self.positions) - 1)] if self.positions else (1, 1)
        return SourceSpan(self.file, line, column)

    def parse(self) -> list[Piece]:
        text = self.text
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\\" and i + 1 < len(text):
                self.buffer.append(text[i : i + 2])
                i += 2
            elif text.startswith("**", i):
                self.flush()
                self.bold = not self.bold
                i += 2
            elif char == "*" or (char == "_" and self._underscore_emphasis(i)):
                self.flush()
                self.italic = not self.italic
                i += 1
            elif char == "[" and (note_ref := _NOTE_REF.match(text, i)):
                self.flush()
                note = self.resolve_note(note_ref.group(1), self.span_at(i)) if self.resolve_note else None
                if note is None:
                    self.buffer.append(note_ref.group())
                else:
                    self.pieces.append(note)
                i = note_ref.end()
            elif char == "[" and (link := _LINK.match(text, i)):
                self.flush()
                label = _ESCAPE.sub(r"\1", link.group(1))
                inner = _strip_emphasis(label)
                self.pieces.append(
                    Run(Text(inner.text, italic=self.italic or inner.italic, bold=self.bold), link=link.group(2))
                )
                i = link.end()
            elif char == "^" and (sup := _SUP.match(text, i)):
                self.flush()
                content = sup.group(1) if sup.group(1) is not None else sup.group(2)
                self.pieces.append(Run(Text(content, italic=self.italic, bold=self.bold, sup=True)))
                i = sup.end()
            elif char in SUPERSCRIPT_DIGITS and (marker := _MARKER.match(text, i)):
                number = superscript_to_digits(marker.group())
                note = self.resolve_note(number, self.span_at(i)) if self.resolve_note else None
                self.flush()
                if note is None:
                    self.pieces.append(Run(Text(number, italic=self.italic, bold=self.bold, sup=True)))
                else:
                    self.pieces.append(note)
                i = marker.end()
            else:
                self.buffer.append(char)
                i += 1
        self.flush()
        return self.pieces

    def _underscore_emphasis(self, index: int) -> bool:
        """``_x_`` emphasis only at word edges, so that snake_case or A_RES stays text."""
        before = self.text[index - 1] if index else " "
        after = self.text[index + 1] if index + 1 < len(self.text) else " "
        opening = not self.italic and not before.isalnum() and not after.isspace()
        closing = self.italic and not after.isalnum() and not before.isspace()
        return opening or closing


@dataclass(frozen=True, slots=True)
class _Label:
    text: str
    italic: bool


def _strip_emphasis(label: str) -> _Label:
    if len(label) > 2 and label[0] == "*" and label[-1] == "*":
        return _Label(label[1:-1], True)
    return _Label(label.replace("*", ""), False)
