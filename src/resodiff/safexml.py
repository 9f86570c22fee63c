"""Parsing XML that may come from anywhere: no DTD, no entities, no network, bounded size.

Below both the readers (``ingest``) and the validator (``akn``), which parse the same untrusted
bytes and must refuse the same things.
"""

from __future__ import annotations

from lxml import etree

from .errors import InputError, XMLSecurityError
from .limits import MAX_INPUT_BYTES
from .spans import byte_position


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml(data: bytes, *, file: str | None = None) -> etree._ElementTree:
    """Parse ``data`` safely. Any document type declaration is refused outright.

    Refusing the DTD (rather than parsing it and ignoring entities) closes XXE, billion
    laughs and parameter-entity tricks in one move; no legitimate Akoma Ntoso file has one.
    ``xsi:schemaLocation`` hints are never followed: nothing here fetches anything.
    """
    if b"\r" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # XML reads CR LF and a lone CR as LF anyway (XML 1.0, 2.11); libxml2 counts only LF as a
        # line, so without this a CR-only file is one long line to every position it reports.
        # (UTF-16, where a 0x0D byte may be half a character, is transcoded before it gets here.)
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    limit = MAX_INPUT_BYTES.value()
    if len(data) > limit:
        raise XMLSecurityError(f"XML input larger than {limit:,} bytes ({MAX_INPUT_BYTES.variable}) refused", file=file)
    doctype = data.find(b"<!DOCTYPE")
    if doctype < 0:
        doctype = data.find(b"<!ENTITY")
    if doctype >= 0:
        line, column = byte_position(data, doctype)
        raise XMLSecurityError(
            "document type declarations (DTD, entities) are refused in XML input",
            file=file,
            line=line,
            column=column,
        )
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno, 1)
        message = error.msg.split(" (line")[0] if error.msg else "malformed XML"
        raise InputError(f"malformed XML: {message}", file=file, line=line, column=max(column, 1)) from None
    if tree.docinfo.doctype:
        raise XMLSecurityError("document type declarations are refused in XML input", file=file, line=1, column=1)
    return tree
