"""Source positions: one kind of span for every node, error, finding and change."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a node starts in its source file (1-based line and column).

    In a paged source (a PDF) ``page`` is set and ``line`` counts the lines of that page, as a
    reader holding the printed document counts them."""

    file: str | None
    line: int
    column: int = 1
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            return f"{self.file or '<input>'}, page {self.page}, line {self.line}"
        return f"{self.file or '<input>'}:{self.line}:{self.column}"


#: the line breaks every reader and every position counts: LF, CRLF and a lone CR (old Mac files)
LINE_BREAK = re.compile(r"\r\n?|\n")


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of ``text[index]``, lines broken as editors do."""
    breaks = list(LINE_BREAK.finditer(text, 0, index))
    if not breaks:
        return 1, index + 1
    return len(breaks) + 1, index - breaks[-1].end() + 1


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """:func:`position` of ``data[index]`` in UTF-8 bytes (a column counts characters, not bytes)."""
    prefix = data[:index].decode("utf-8", "replace")
    return position(prefix, len(prefix))


def file_label(path: str | os.PathLike[str]) -> str:
    """A path as positions and messages show it: undecodable bytes of a file name (kept by
    ``os.fsdecode`` as lone surrogates, which no output can encode) written as ``\\xff``."""
    name = os.fsdecode(path)
    if name.isascii() or not any("\udc80" <= character <= "\udcff" for character in name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
