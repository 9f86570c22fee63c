"""What a check finds in a document: the one finding type of ``validate`` and ``check``.

Every finding has one kind of position (:class:`SourceSpan`), a code saying which check found
it (``schema``, ``eid``, ``reference``, ``reader`` for validation; ``S101``... for the rules of
``check``; ``unreadable`` in both for a file that could not be read), a severity and a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .spans import SourceSpan

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: the code of a file a batch could not read: one finding, at the error's position, so that
#: every report of the batch lists it and the batch goes on
UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Finding:
    """Where, which check, how grave, and what: ``file:line:col: CODE message``."""

    span: SourceSpan
    code: str
    severity: Severity
    message: str

    @property
    def file(self) -> str:
        return self.span.file or "<input>"

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def __str__(self) -> str:
        return f"{self.span}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Note:
    """Something the user should know about a file that is not a finding: rules skipped because
    the source does not show what they read, a file that is not a resolution."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: note: {self.message}"
