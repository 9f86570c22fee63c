"""Writing a resolution out: the formats ``resodiff convert --to`` offers, by name."""

from __future__ import annotations

from collections.abc import Callable

from ..akn import to_akn_bytes
from ..model import Resolution
from .json import to_json_bytes
from .text import to_text

Exporter = Callable[[Resolution], bytes]

EXPORTERS: dict[str, Exporter] = {
    "akn": to_akn_bytes,
    "json": to_json_bytes,
    "text": lambda resolution: to_text(resolution).encode("utf-8"),
}

__all__ = ["EXPORTERS", "Exporter", "to_json_bytes", "to_text"]
