"""General Assembly resolutions by symbol: DGACM's published Akoma Ntoso files, fetched once and cached.

The UN's Department for General Assembly and Conference Management publishes the AKN files of
the General Assembly's resolutions in the public repository UNxml/GAresolutions, one folder per
session and language (``79session/French/``). A file's name carries the document's job number
(``A_RES_79_9-2421657F.xml``), which the symbol does not give, so a symbol is found through the
folder's listing (GitHub's contents API) and the file downloaded from the link the listing
gives. The source is one base URL (``--source``, or ``RESODIFF_FETCH_BASE``) under which
``{session}session/{folder}`` answers such a listing, so that a mirror, or a test's server on
the loopback address, can stand in for GitHub.

The official PDF (``fetch(..., form="pdf")``, ``resodiff fetch --pdf``) comes from the UN's
Official Document System through its short addresses, ``https://undocs.org/{language}/{symbol}``
(``https://undocs.org/fr/A/RES/79/9``), which redirect to the PDF; ``RESODIFF_PDF_BASE`` (or
``--source``) stands in for ``https://undocs.org`` in the same way.

Fetched files are kept in the user's cache folder, by source, symbol and language; a cached
file is used without asking the network again. Only the standard library speaks HTTP(S), with
a timeout and a size limit; every failure is a :class:`~resodiff.errors.FetchError` that says
what to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ._version import __version__
from .errors import FetchError, InputError
from .files import write_atomically
from .ingest import detect_format
from .languages import Language, by_tag, supported_languages
from .limits import MAX_INPUT_BYTES
from .symbols import GA_RESOLUTION, is_symbol

DEFAULT_SOURCE = "https://api.github.com/repos/UNxml/GAresolutions/contents"
"""DGACM's repository of General Assembly resolutions, through GitHub's contents API."""
SOURCE_VARIABLE = "RESODIFF_FETCH_BASE"
DEFAULT_PDF_SOURCE = "https://undocs.org"
"""The Official Document System's short addresses, which redirect a symbol to its PDF."""
PDF_SOURCE_VARIABLE = "RESODIFF_PDF_BASE"
#: the forms a resolution is fetched in: (default source, the variable that replaces it)
FORMS = {"akn": (DEFAULT_SOURCE, SOURCE_VARIABLE), "pdf": (DEFAULT_PDF_SOURCE, PDF_SOURCE_VARIABLE)}
TIMEOUT = 30.0
"""Seconds to wait for a connection or for the next bytes of an answer."""
MAX_LISTING_BYTES = 5 * 1024 * 1024
"""A session folder's listing is some 300 entries, about 250 KB."""

#: DGACM's file names, as they have varied over the sessions: ``A_RES_79_9-2421657F.xml``,
#: ``A_RES_77_253 B-2313518E.xml``, ``A_RES_77_290B_2312999E.xml``, ``75_101A-B_A.xml``, and a
#: corrected reissue with ``_reissue`` after the language letter
_FILE_NAME = re.compile(
    r"^(?:A_RES_)?(?P<session>\d+)_(?P<number>\d+) ?(?P<part>[A-Z](?:-[A-Z])?)?"
    r"(?:[-_](?P<job>\d{7}))?[-_]?(?P<letter>[A-Z])(?P<reissue>_reissue)?\.xml$"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A resolution's file (AKN or PDF) in the cache, and where it came from."""

    symbol: str
    language: str
    """The three-letter code of the file's language (``fra``)."""
    path: Path
    """The cached file; read it with :func:`resodiff.read` (or :attr:`readable`, for one part)."""
    part: str | None
    """The part asked for (``B`` of ``A/RES/79/93 B``), read from the file by ``FILE#B``."""
    url: str | None
    """Where the file was downloaded from; None when it came from the cache."""

    @property
    def readable(self) -> str:
        """What the readers take for this resolution: the file, or ``FILE#B`` for a part."""
        return f"{self.path}#{self.part}" if self.part else str(self.path)


def cache_folder(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """The user's cache folder for resodiff: ``$XDG_CACHE_HOME/resodiff`` where that variable is set
    (to an absolute path, as the XDG specification asks), otherwise the platform's own place."""
    xdg = environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "resodiff"
    home = Path(environ.get("HOME") or Path.home())
    if platform == "darwin":
        return home / "Library" / "Caches" / "resodiff"
    if platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / "resodiff" / "Cache"
    return home / ".cache" / "resodiff"


def source_base(source: str | None = None, environ: Mapping[str, str] = os.environ, form: str = "akn") -> str:
    """The base URL to fetch a form from: the one given, else the form's variable
    (``RESODIFF_FETCH_BASE``, ``RESODIFF_PDF_BASE``), else the UN's."""
    default, variable = FORMS[form]
    base = (source or environ.get(variable) or default).rstrip("/")
    if urllib.parse.urlsplit(base).scheme not in ("http", "https"):
        raise FetchError(f"the source must be an http or https URL, not {base!r}")
    return base


def fetch(
    symbol: str,
    language: str = "en",
    *,
    source: str | None = None,
    cache: Path | None = None,
    refresh: bool = False,
    form: str = "akn",
) -> Fetched:
    """The AKN file (or, with ``form="pdf"``, the official PDF) of a General Assembly resolution
    (``A/RES/79/9``) in a language (a BCP 47 tag such as ``fr`` or a code such as ``fra``), from
    the cache or else from the source.

    ``refresh`` downloads it again even when it is cached. Raises
    :class:`~resodiff.errors.FetchError` when the symbol, the language, the form or the source is
    not usable, when the source cannot be reached, has no such resolution, or sends something that
    is not the form asked for or is larger than resodiff reads; the error's file is the symbol.
    """
    if form not in FORMS:
        raise FetchError(f"resolutions are fetched as {' or '.join(FORMS)}, not {form!r}", file=symbol)
    try:
        if form == "pdf":
            return _fetch_pdf(symbol, language, source, cache, refresh)
        return _fetch(symbol, language, source, cache, refresh)
    except FetchError as error:
        error.file = error.file or symbol
        raise


def _resolution(symbol: str) -> re.Match[str]:
    match = GA_RESOLUTION.match(symbol.strip())
    if match is None:
        raise FetchError(f"{symbol!r} is not the symbol of a General Assembly resolution (A/RES/79/9)")
    return match


def _cached(form: str, base: str, lang: Language, match: re.Match[str], cache: Path | None) -> Path:
    """Where a form of a resolution is kept: by form, source, language and symbol."""
    key = hashlib.sha256(base.encode("utf-8")).hexdigest()[:16]  # one source's files never pass for another's
    part = match["part"]
    name = f"A_RES_{match['session']}_{match['number']}{'_' + part if part else ''}.{'xml' if form == 'akn' else form}"
    return (cache or cache_folder()) / form / key / lang.code / name


def _canonical(match: re.Match[str]) -> str:
    part = match["part"]
    return f"A/RES/{match['session']}/{match['number']}{' ' + part if part else ''}"


def _keep(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(str(path), data)
    except OSError as error:
        raise FetchError(f"cannot write to the cache folder: {error.strerror}", file=str(path.parent)) from None


def _fetch(symbol: str, language: str, source: str | None, cache: Path | None, refresh: bool) -> Fetched:
    match = _resolution(symbol)
    lang = _language(language)
    session, number, part = match["session"], match["number"], match["part"]
    base = source_base(source)
    path = _cached("akn", base, lang, match, cache)
    canonical = _canonical(match)
    # a part of a publication (B of A/RES/79/93 A-C) is read from its file as FILE#B
    part_of_file = part if part and "-" not in part else None
    if path.is_file() and not refresh:
        return Fetched(canonical, lang.code, path, part_of_file, None)

    folder = f"{base}/{session}session/{urllib.parse.quote(str(lang.document_folder))}"
    url = _find(folder, session, number, part, str(lang.document_letter), canonical)
    data = _get(url, MAX_INPUT_BYTES.value(), f"{canonical} ({lang.tag})")
    if _form(data) != "akn":
        raise FetchError(f"{url} did not send an Akoma Ntoso file for {canonical}")
    _keep(path, data)
    return Fetched(canonical, lang.code, path, part_of_file, url)


def _fetch_pdf(symbol: str, language: str, source: str | None, cache: Path | None, refresh: bool) -> Fetched:
    match = _resolution(symbol)
    lang = _language(language)
    base = source_base(source, form="pdf")
    path = _cached("pdf", base, lang, match, cache)
    canonical = _canonical(match)
    if path.is_file() and not refresh:
        return Fetched(canonical, lang.code, path, None, None)
    # the ODS prints the parts of a publication in one document, named without a space
    url = f"{base}/{lang.undocs}/{urllib.parse.quote(canonical.replace(' ', ''))}"
    data = _get(url, MAX_INPUT_BYTES.value(), f"{canonical} ({lang.tag})")
    if not data.startswith(b"%PDF-"):
        # the ODS answers a symbol it does not know with a page, not with a 404
        raise FetchError(f"{url} did not send a PDF for {canonical} (no such document in this language?)")
    _keep(path, data)
    return Fetched(canonical, lang.code, path, None, url)


def resolve(argument: str, language: str = "en", *, source: str | None = None) -> str:
    """What the readers take for a command-line argument: a symbol's cached file (fetched if
    need be; ``FILE#B`` for a part), or the argument itself when it is no symbol."""
    if not is_symbol(argument):
        return argument
    return fetch(argument, language, source=source).readable


def _language(tag: str) -> Language:
    lang = by_tag(tag)
    if lang is None or not lang.document_folder or not lang.document_letter:
        known = ", ".join(
            sorted(found.tag for code in supported_languages() if (found := by_tag(code)) and found.document_folder)
        )
        raise FetchError(f"no UN documents in the language {tag!r}; languages: {known}")
    return lang


def _find(folder: str, session: str, number: str, part: str | None, letter: str, symbol: str) -> str:
    """The download link of the symbol's file in a session folder's listing; a corrected
    reissue wins over the file it corrects."""
    missing = "no such resolution at {url} (no folder for this session in this language)"
    listing = _get(folder, MAX_LISTING_BYTES, f"the listing of {folder}", missing=missing)
    try:
        entries = json.loads(listing)
        files = {str(entry["name"]): str(entry["download_url"]) for entry in entries if entry.get("type") == "file"}
    except (ValueError, TypeError, KeyError, AttributeError):
        raise FetchError(f"{folder} did not answer with a folder listing (GitHub's contents API)") from None
    candidates = []
    for name, link in files.items():
        found = _FILE_NAME.match(name)
        if (
            found
            and (found["session"], found["number"], found["letter"]) == (session, number, letter)
            and _same_part(part, found["part"])
        ):
            candidates.append((found["reissue"] is not None, name, link))
    if not candidates:
        raise FetchError(f"no such resolution at {folder}: no file for {symbol}")
    # DGACM's names hold spaces (``A_RES_77_253 B-...``): a listing that left them unquoted still works
    link = urllib.parse.quote(max(candidates)[2], safe=":/?#[]@!$&'()*+,;=%")
    if urllib.parse.urlsplit(link).scheme not in ("http", "https"):
        raise FetchError(f"{folder} links {symbol} to {link!r}, which is no http or https URL")
    return link


def _same_part(asked: str | None, published: str | None) -> bool:
    """A symbol without part names a whole publication (one without parts, or ``A-C``); a part
    is its own file or one of the parts of a publication's file."""
    if published is None:
        return asked is None
    first, _, last = published.partition("-")
    if asked is None:
        return bool(last)
    return first <= asked <= (last or first)


def _get(url: str, limit: int, what: str, *, missing: str = "no such resolution at {url}") -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": f"resodiff/{__version__}", "Accept": "application/vnd.github+json, */*"}
    )
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"{url} sends {int(declared):,} bytes for {what}; resodiff reads at most {limit:,}")
            data: bytes = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise FetchError(missing.format(url=url)) from None
        raise FetchError(f"{url} answered {error.code} {error.reason} for {what}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"cannot reach {host} ({reason}): use a file, or try again online") from None
    if len(data) > limit:
        raise FetchError(f"{url} sends more than {limit:,} bytes for {what}; resodiff reads at most {limit:,}")
    return data


def _form(data: bytes) -> str | None:
    try:
        return detect_format(data)
    except InputError:  # bytes that no reader claims are no AKN either
        return None


__all__ = [
    "DEFAULT_PDF_SOURCE",
    "DEFAULT_SOURCE",
    "FORMS",
    "PDF_SOURCE_VARIABLE",
    "SOURCE_VARIABLE",
    "Fetched",
    "cache_folder",
    "fetch",
    "is_symbol",
    "resolve",
]
