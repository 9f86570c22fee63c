"""Source positions: one kind of span for every node, error, finding and change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a node starts in its source file (1-based line and column)."""

    file: str | None
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file or '<input>'}:{self.line}:{self.column}"
