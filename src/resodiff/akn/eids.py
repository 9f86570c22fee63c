"""eIds after the Akoma Ntoso naming convention: ``preamble__container_1``, ``para_3``,
``sec_II__para_4__list_1__point_a``, ``para_2__authorialNote_1``."""

from __future__ import annotations

import re


class EidAllocator:
    """Builds eIds and keeps them unique within one document."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, prefix: str | None, element: str, label: str) -> str:
        """A new eId ``{prefix}__{element}_{label}``, suffixed where it is already used."""
        base = f"{element}_{_clean(label)}"
        eid = f"{prefix}__{base}" if prefix else base
        candidate, counter = eid, 1
        while candidate in self._used:
            counter += 1
            candidate = f"{eid}-{counter}"
        self._used.add(candidate)
        return candidate


def _clean(label: str) -> str:
    """A num such as ``1.``, ``(a)`` or ``IV.`` as it appears in an eId: ``1``, ``a``, ``IV``."""
    cleaned = re.sub(r"[^0-9A-Za-z]+", "-", label).strip("-")
    return cleaned or "1"
