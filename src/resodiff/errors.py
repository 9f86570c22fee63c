"""One error family for everything resodiff refuses, each carrying where it happened."""

from __future__ import annotations

from .spans import SourceSpan


class ResodiffError(Exception):
    """Base of every error resodiff raises on purpose.

    ``file``, ``line`` and ``column`` (1-based) say where the problem is, when known; a reader
    that holds a node's :class:`SourceSpan` passes it as ``span``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        span: SourceSpan | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if span is not None:
            file, line, column = span.file, span.line, span.column
        self.file = file
        self.line = line
        self.column = column

    @property
    def span(self) -> SourceSpan | None:
        """Where the problem is, as the model writes positions (None when only the file is known)."""
        return None if self.line is None else SourceSpan(self.file, self.line, self.column or 1)

    def location(self) -> str:
        """``file:line:column``, as much of it as is known (``<input>`` for no file)."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            parts.append(str(self.column or 1))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


class InputError(ResodiffError):
    """The input cannot be read at all (missing, empty, wrong encoding, unknown format)."""


class OutputError(ResodiffError):
    """An output cannot be written where it was asked for (a folder, an input, no such folder)."""


class TextSyntaxError(ResodiffError):
    """The text form of a resolution is not what a converted resolution looks like."""


class XMLSecurityError(ResodiffError):
    """The XML input tries something unsafe: DTDs, entities, external resources, or is too large."""


class AKNStructureError(ResodiffError):
    """An Akoma Ntoso file holds structure resodiff cannot read faithfully."""


class ValidationError(ResodiffError):
    """A document fails validation (schema or resodiff's own checks)."""


class DiffError(ResodiffError):
    """Two documents cannot be compared (for example, different languages asked to align)."""


class FetchError(ResodiffError):
    """A document cannot be fetched by its symbol (offline, no such resolution, an answer too large)."""
