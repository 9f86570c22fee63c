"""A resolution written out: Akoma Ntoso (validated before it is handed over), the model as
JSON, and the seed's text form; a multi-part publication written whole: Akoma Ntoso (a
``documentCollection``) and JSON (``{"meta": ..., "parts": [...]}``). The seed's text form has
no way to print several resolutions that its reader could tell apart, so a publication goes to
text one file per part."""

from __future__ import annotations

from ..errors import ValidationError
from ..model import Publication, Resolution
from .model_json import to_json_bytes
from .model_text import to_text
from .registries import PUBLICATIONS, RESOLUTIONS
from .registry import RenderOptions


def checked_akn(document: Resolution | Publication, options: RenderOptions | None = None) -> bytes:
    """Akoma Ntoso that passed the schema and resodiff's own checks: never write invalid AKN."""
    from ..akn import to_akn_bytes, validate_akn  # lxml and the schema: loaded when AKN is written

    data = to_akn_bytes(document)
    findings = validate_akn(data, "<output>")
    if findings:
        raise ValidationError(f"resodiff wrote invalid Akoma Ntoso (a bug): {findings[0].message}")
    return data


RESOLUTIONS.renderer(
    "akn", media_type="application/akn+xml", suffix=".xml", summary="Akoma Ntoso 3.0 (AKN4UN), validated"
)(checked_akn)


@RESOLUTIONS.renderer("json", media_type="application/json", suffix=".json", summary="the model as JSON")
def _json(resolution: Resolution, options: RenderOptions) -> bytes:
    return to_json_bytes(resolution)


PUBLICATIONS.renderer(
    "akn",
    media_type="application/akn+xml",
    suffix=".xml",
    summary="Akoma Ntoso 3.0: a documentCollection with the parts as components, validated",
)(checked_akn)


@PUBLICATIONS.renderer(
    "json",
    media_type="application/json",
    suffix=".json",
    summary="the model as JSON: the publication's meta, its parts",
)
def _publication_json(publication: Publication, options: RenderOptions) -> bytes:
    return to_json_bytes(publication)


@RESOLUTIONS.renderer(
    "text", media_type="text/plain", suffix=".txt", summary="the seed's text form, one paragraph per line"
)
def _text(resolution: Resolution, options: RenderOptions) -> str:
    return to_text(resolution)
