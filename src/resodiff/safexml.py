"""Parsing XML that may come from anywhere: no DTD, no entities, no network, bounded size.

Below both the readers (``ingest``) and the validator (``akn``), which parse the same untrusted
bytes and must refuse the same things.
"""

from __future__ import annotations

import re

from lxml import etree

from .errors import InputError, XMLSecurityError
from .limits import MAX_INPUT_BYTES
from .spans import byte_position

#: libxml2's own position, which its messages repeat after the one the error carries
_TRAILING_POSITION = re.compile(r"(?:,? line \d+)?(?:, column \d+)?$")
#: libxml2's resource limits (kept: huge_tree=False), said in the reader's words rather than as
#: the parser option that would lift them, which is no option of resodiff's
_LIMITS = (
    (re.compile(r"Excessive depth in document: (\d+).*"), r"elements nested more than \1 deep (the most XML may nest)"),
    (re.compile(r"Resource limit exceeded: Text node too long.*"), "a text of more than 10,000,000 characters"),
    (re.compile(r"Resource limit exceeded: .*"), "a name, an attribute or markup longer than XML may hold"),
)


def _message(raw: str | None) -> str:
    """libxml2's message on one line, without its repeated position and option hints."""
    message = " ".join((raw or "malformed XML").split(" (line")[0].split())
    message = _TRAILING_POSITION.sub("", message).rstrip(" ,")
    for pattern, words in _LIMITS:
        if pattern.fullmatch(message):
            return pattern.sub(words, message)
    return message


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
        raise InputError(f"malformed XML: {_message(error.msg)}", file=file, line=line, column=max(column, 1)) from None
    if tree.docinfo.doctype:
        raise XMLSecurityError("document type declarations are refused in XML input", file=file, line=1, column=1)
    return tree
