"""The limits every command and the API keep on their input, in one place.

Each limit has a default that no real resolution comes near and an environment variable that
changes it (read at each use, so that worker processes and tests see the same value):

- ``RESODIFF_MAX_INPUT_BYTES`` (default 20 MB): the largest file read; a larger one, or a
  file that grows past it while it is read, is refused after reading at most one byte more.
- ``RESODIFF_MAX_PARAGRAPHS`` (default 100,000): the most paragraphs (preambular, operative and
  annexed) one resolution may hold; it bounds the time and memory of comparing two versions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import ResodiffError


@dataclass(frozen=True, slots=True)
class Limit:
    """A limit on input: its environment variable, its default, and what it limits."""

    variable: str
    default: int
    what: str

    def value(self) -> int:
        """The limit in force: the environment's, or the default."""
        raw = os.environ.get(self.variable)
        if raw is None or not raw.strip():
            return self.default
        digits = raw.strip().replace("_", "")
        if not (digits.isascii() and digits.isdigit()) or int(digits) < 1:
            raise ResodiffError(f"expected a positive whole number ({self.what}), not {raw!r}", file=self.variable)
        return int(digits)


MAX_INPUT_BYTES = Limit("RESODIFF_MAX_INPUT_BYTES", 20 * 1024 * 1024, "the largest input file, in bytes")
MAX_PARAGRAPHS = Limit("RESODIFF_MAX_PARAGRAPHS", 100_000, "the most paragraphs in one resolution")
