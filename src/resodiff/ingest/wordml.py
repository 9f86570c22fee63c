"""A Word file's package (a ZIP of XML parts), opened safely, and WordprocessingML's names.

A ``.docx`` is a ZIP archive: ``word/document.xml`` holds the body, beside it the styles, the
numbering definitions, the footnotes and the page headers, tied together by relationship parts
(``_rels/.rels``, ``word/_rels/document.xml.rels``). Every part is read within the input limit
(a member that inflates beyond it is a ZIP bomb, refused while it is inflated, whatever its
header claims) and parsed by :func:`resodiff.safexml.parse_xml` (no DTD, no entities).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError, ResodiffError, XMLSecurityError
from ..limits import MAX_INPUT_BYTES
from ..safexml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: the relationship types, by the last segment of their IRI (the transitional and the strict
#: schemas differ only in the part before it)
OFFICE_DOCUMENT = "officeDocument"
STYLES = "styles"
NUMBERING = "numbering"
FOOTNOTES = "footnotes"
ENDNOTES = "endnotes"
COMMENTS = "comments"
HEADER = "header"
HYPERLINK = "hyperlink"
#: where the main part is when the package's relationships do not say (every producer puts it there)
MAIN_PART = "word/document.xml"
_CHUNK = 1 << 16
#: what zipfile raises on an archive or a member it cannot read: a damaged directory or deflate
#: stream (a member's compression method and encryption are looked at before it is opened)
_UNREADABLE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError)
#: the compression methods zipfile inflates (Word itself writes only the first two)
_COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
#: the general-purpose flag of an encrypted member (APPNOTE 4.4.4, bit 0)
_ENCRYPTED = 0x1


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute (``w:p`` → ``{…/main}p``)."""
    return f"{{{W_NS}}}{name}"


def r(name: str) -> str:
    """The Clark name of an attribute in the relationships namespace (``r:id``)."""
    return f"{{{R_NS}}}{name}"


@dataclass(frozen=True, slots=True)
class Relationship:
    """A part's link to another part or to an address: its type's last segment and its target."""

    kind: str
    target: str
    external: bool


@dataclass
class Package:
    """The parts of a Word file, read on demand within the input limit."""

    archive: zipfile.ZipFile
    file: str | None
    main: str = MAIN_PART
    relationships: dict[str, Relationship] = field(default_factory=dict)
    _inflated: int = 0

    @classmethod
    def open(cls, data: bytes, file: str | None) -> Package:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except _UNREADABLE as error:
            raise InputError(f"a broken Word file: the ZIP archive cannot be read ({error})", file=file) from None
        package = cls(archive, file)
        main = next(
            (rel.target for rel in package.relationships_of("").values() if rel.kind == OFFICE_DOCUMENT),
            MAIN_PART,
        )
        if main not in archive.NameToInfo:
            raise InputError(
                f"a broken Word file: it has no main part ({main}), which holds the document's text", file=file
            )
        package.main = main
        package.relationships = package.relationships_of(main)
        return package

    def bytes_of(self, name: str) -> bytes | None:
        """A part's bytes (None if the package has no such part), inflated within the limit."""
        info = self.archive.NameToInfo.get(name)
        if info is None:
            return None
        limit = MAX_INPUT_BYTES.value() - self._inflated
        if info.file_size > limit:
            raise XMLSecurityError(
                f"{name} would inflate to {info.file_size:,} bytes, beyond the input limit "
                f"({MAX_INPUT_BYTES.value():,} bytes in all, {MAX_INPUT_BYTES.variable}): refused as a ZIP bomb",
                file=self.file,
            )
        if info.flag_bits & _ENCRYPTED:
            raise InputError(f"an encrypted Word file: {name} needs a password to be read", file=self.file)
        if info.compress_type not in _COMPRESSIONS:
            raise InputError(
                f"a broken Word file: {name} is compressed by method {info.compress_type}, which no Word "
                "producer uses and which cannot be inflated",
                file=self.file,
            )
        chunks: list[bytes] = []
        read = 0
        try:
            with self.archive.open(info) as member:
                # the header's size may lie: what is inflated is counted as it comes
                while chunk := member.read(_CHUNK):
                    read += len(chunk)
                    if read > limit:
                        raise XMLSecurityError(
                            f"{name} inflates beyond the input limit ({MAX_INPUT_BYTES.value():,} bytes in all, "
                            f"{MAX_INPUT_BYTES.variable}): refused as a ZIP bomb",
                            file=self.file,
                        )
                    chunks.append(chunk)
        except ResodiffError:
            raise
        except _UNREADABLE as error:
            raise InputError(f"a broken Word file: {name} cannot be read ({error})", file=self.file) from None
        self._inflated += read
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed safely (None if absent); an error names the part and the line in it."""
        data = self.bytes_of(name)
        if data is None:
            return None
        try:
            return parse_xml(data, file=self.file).getroot()
        except ResodiffError as error:
            raise type(error)(
                f"{name}: {error.message}", file=self.file, line=error.line, column=error.column
            ) from None

    def relationships_of(self, part: str) -> dict[str, Relationship]:
        """The relationships of a part (``""``: the package's own), by id."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: dict[str, Relationship] = {}
        if root is None:
            return found
        for element in root.iter(f"{{{PACKAGE_RELATIONSHIPS_NS}}}Relationship"):
            target = element.get("Target", "")
            external = element.get("TargetMode") == "External"
            if not external:
                # a part's target is relative to its folder, or absolute from the package's root
                target = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                )
            kind = element.get("Type", "").rsplit("/", 1)[-1]
            found[element.get("Id", "")] = Relationship(kind, target, external)
        return found

    def related(self, kind: str) -> etree._Element | None:
        """The main part's one related part of a kind (styles, numbering, footnotes), parsed."""
        target = next((rel.target for rel in self.relationships.values() if rel.kind == kind), None)
        return self.xml(target) if target else None
