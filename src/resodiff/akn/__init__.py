"""Akoma Ntoso: writing, validating, FRBR identifiers and eIds."""

from __future__ import annotations

from ..findings import Finding
from .frbr import FrbrIris, frbr_iris, parse_iri
from .validate import validate_akn, validate_document
from .writer import to_akn, to_akn_bytes

__all__ = [
    "Finding",
    "FrbrIris",
    "frbr_iris",
    "parse_iri",
    "to_akn",
    "to_akn_bytes",
    "validate_akn",
    "validate_document",
]
