"""A converter matrix: a resolution written as the common PDF-to-text converters give it.

Each layout is a function of the model (through the seed's text form, which it rewrites), so
every corpus file can be read back from each and compared with the model it came from:

- ``markdown``: the seed's Markdown (``resodiff convert --to text``);
- ``pdftotext``: plain text hard-wrapped at 80 columns, paragraphs one after the other with no
  blank line between them, the page's footnotes at its foot, running headers and footers (the
  symbol, the title, ``2/6``, the job number, the first page's bar code), form feeds between
  pages, words hyphenated at line ends;
- ``pdftotext-layout``: as ``pdftotext -layout`` gives it: indented, justified with wide spacing,
  the running header and footer each on one line with their parts spread apart;
- ``caret-notes``, ``sup-notes``, ``pandoc-notes``: Markdown whose footnote markers are ``^1``,
  ``<sup>1</sup>`` or ``[^1]`` (Pandoc's definitions gathered at the end), the closing on one
  line (``*39^e séance plénière 18 novembre 2024*``);
- ``no-italics``: Markdown without any emphasis;
- ``crlf-ligatures``: Markdown with CRLF line ends, PDF ligatures (U+FB00–FB04) and soft hyphens.

What plain text cannot say is left as it is: superscript footnote markers stay Unicode
superscripts (as the seed's converter gives them), and table rows stay pipe rows.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from resodiff.model import Footnote, Inlines, Item, Resolution
from resodiff.report.model_text import to_text
from resodiff.typography import SUPERSCRIPT_DIGITS, normalize_typography, superscript_to_digits

WIDTH = 80
PAGE_LINES = 46
_NOTE = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:) (.*)$")
_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(#\)")
_SUP = re.compile(r"\^\{([^}]*)\}")
_EMPHASIS = re.compile(r"(?<!\\)\*+")
_UNESCAPE = re.compile(r"\\(.)")
_HEADING = re.compile(r"^#{1,6} ")
_NUMBERED = re.compile(r"^(\d+\.|\d+ -|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\)) ")
#: the pieces a line may break between: words, and each Chinese or Japanese character
_PIECES = re.compile(r" |[\u3000-\u9fff\uff00-\uffef]|[^ \u3000-\u9fff\uff00-\uffef]+")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_LIGATURES = (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02"))


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the seed's text form, with what it is."""

    kind: str  # header, formula, para, note, heading, row, closing
    text: str


def _lines(resolution: Resolution) -> list[_Line]:
    """The seed's text form of ``resolution``, line by line, each line told what it is."""
    text = to_text(resolution)
    closing = resolution.closing
    closing_lines = set()
    if closing is not None:
        closing_lines = {f"*{closing.meeting}", f"*{closing.meeting}*", f"{closing.date_text}*"}
    title_line = f"{resolution.meta.number}. "
    out: list[_Line] = []
    state = "header"
    for line in text.split("\n"):
        if not line:
            continue
        if state == "header":
            out.append(_Line("header", line))
            if line.startswith(title_line):
                state = "formula"
            continue
        if state == "formula":
            out.append(_Line("formula", line))
            state = "body"
            continue
        if line in closing_lines:
            out.append(_Line("closing", line))
        elif _NOTE.match(line):
            out.append(_Line("note", line))
        elif line.startswith("#"):
            out.append(_Line("heading", line))
        elif line.startswith("|"):
            out.append(_Line("row", line))
        else:
            out.append(_Line("para", line))
    return out


def _plain(markdown: str) -> str:
    """A line of the text form as plain text: no emphasis, links, superscript braces or escapes."""
    text = _HEADING.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _SUP.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return _UNESCAPE.sub(r"\1", text)


def _wrap(text: str, width: int, rng: random.Random | None, first_indent: int = 0, indent: int = 0) -> list[str]:
    """Greedy wrapping at ``width`` columns; a word that does not fit may be hyphenated (a long
    lower-case word, as a typesetter's hyphenation does, unless ``rng`` is None) or broken after
    one of its own hyphens. A no-break space does not break."""
    lines: list[str] = []
    current = " " * first_indent
    start = len(current)
    spaced = True
    for piece in _PIECES.finditer(text):
        word = piece.group()
        if word == " ":
            spaced = True
            continue
        gap = "" if len(current) == start or not spaced else " "
        spaced = False
        if len(current) + len(gap) + len(word) <= width:
            current += gap + word
            continue
        room = width - len(current) - len(gap)
        head, tail = _break_word(word, room, rng)
        if head and len(current) > start:
            current += gap + head
            word = tail
        if len(current) > start:
            lines.append(current)
        current = " " * indent + word
        start = indent
    if len(current) > start:
        lines.append(current)
    return lines


def _break_word(word: str, room: int, rng: random.Random | None) -> tuple[str, str]:
    """Where a word that does not fit is broken, if it is: ("", word) when it is not."""
    if room < 4:
        return "", word
    hyphen = word.rfind("-", 0, room)
    if hyphen > 1 and hyphen < len(word) - 2 and word[hyphen + 1].isalpha():
        return word[: hyphen + 1], word[hyphen + 1 :]
    core = word.rstrip(",;:.)»")
    if rng is not None and len(core) >= 8 and core.isalpha() and core.islower() and rng.random() < 0.5:
        cut = min(room - 1, len(core) - 3)
        if cut >= 3:
            cut = rng.randint(3, cut)
            return word[:cut] + "-", word[cut:]
    return "", word


def _justify(line: str, width: int) -> str:
    """Spread a wrapped line's words over the whole width, as ``pdftotext -layout`` shows
    justified text."""
    indent = len(line) - len(line.lstrip(" "))
    words = [word for word in line.split(" ") if word]
    missing = width - len(line)
    if len(words) < 2 or missing <= 0:
        return line
    gaps = len(words) - 1
    out = " " * indent
    for index, word in enumerate(words[:-1]):
        out += word + " " * (1 + missing // gaps + (1 if index < missing % gaps else 0))
    return out + words[-1]


def _markers(text: str) -> list[str]:
    return [superscript_to_digits(m) for m in _MARKER.findall(text)]


@dataclass
class _Page:
    body: list[str]
    notes: list[str]


class _Paginator:
    """Lays body lines out on pages, the footnotes of a page at its foot."""

    def __init__(self) -> None:
        self.pages: list[_Page] = [_Page([], [])]

    def add(self, lines: list[str], notes: list[list[str]], blank_before: bool = False) -> None:
        for index, line in enumerate(lines):
            page = self.pages[-1]
            if len(page.body) + len(page.notes) >= PAGE_LINES:
                page = _Page([], [])
                self.pages.append(page)
            elif blank_before and index == 0 and page.body:
                page.body.append("")
            page.body.append(line)
        for note in notes:
            self.pages[-1].notes.extend(note)


def _paged(
    resolution: Resolution,
    header: list[str],
    paginator: _Paginator,
    furniture: Callable[[int, int], tuple[list[str], list[str]]],
) -> str:
    """The pages with their running headers and footers, separated by form feeds."""
    out: list[str] = []
    total = len(paginator.pages)
    for number, page in enumerate(paginator.pages, start=1):
        top, foot = furniture(number, total)
        chunk = list(top)
        if number == 1:
            chunk += header
        chunk += page.body
        if page.notes:
            chunk += ["", *page.notes]
        chunk += ["", *foot]
        out.append("\n".join(chunk))
    return "\f".join(out) + "\f"


def _job(resolution: Resolution) -> tuple[str, str, str]:
    """The job number as the first page prints it (``24-21657 (F)``), as the other pages do
    (``24-21657``), and as the bar code's digits."""
    first = resolution.meta.job_number or "00-00000 (X)"
    job = first.split(" (")[0]
    return first, job, job.replace("-", "")


def _header_lines(lines: list[_Line], width: int) -> list[str]:
    """The header above the formula, wrapped (titles are not hyphenated)."""
    header: list[str] = []
    for line in lines:
        if line.kind == "header":
            header.extend([*_wrap(_plain(line.text), width, None), ""])
        elif line.kind == "formula":
            header.extend([_plain(line.text), ""])
    return header


def _note_blocks(lines: list[_Line], start: int) -> tuple[list[str], int]:
    """The footnote lines that follow the line at ``start``."""
    notes = []
    index = start + 1
    while index < len(lines) and lines[index].kind == "note":
        notes.append(lines[index].text)
        index += 1
    return notes, index


def pdftotext(resolution: Resolution, seed: int = 0) -> str:
    """Plain text as ``pdftotext`` gives it (see the module's description)."""
    rng = random.Random(seed)
    lines = _lines(resolution)
    first_job, job, barcode = _job(resolution)
    symbol, title = resolution.meta.symbol, resolution.meta.title
    paginator = _Paginator()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in ("header", "formula"):
            index += 1
            continue
        notes, index = _note_blocks(lines, index)
        text = line.text if line.kind == "row" else _plain(line.text)
        wrapped = [text] if line.kind in ("row", "closing") else _wrap(text, WIDTH, rng)
        paginator.add(wrapped, [_wrap(_plain(note), WIDTH, rng) for note in notes])

    def furniture(number: int, total: int) -> tuple[list[str], list[str]]:
        if number == 1:
            return [], [first_job, f"*{barcode}*"]
        return [symbol, title, ""], [f"{number}/{total}", job]

    return _paged(resolution, _header_lines(lines, WIDTH), paginator, furniture)


def pdftotext_layout(resolution: Resolution, seed: int = 0) -> str:
    """Text as ``pdftotext -layout`` gives it: indented, justified, the running header and footer
    on one line each."""
    rng = random.Random(seed)
    lines = _lines(resolution)
    first_job, job, barcode = _job(resolution)
    symbol, title = resolution.meta.symbol, resolution.meta.title
    width = WIDTH + 10
    paginator = _Paginator()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in ("header", "formula"):
            index += 1
            continue
        notes, index = _note_blocks(lines, index)
        text = _plain(line.text)
        if line.kind == "row":
            wrapped = [line.text]
        elif line.kind == "closing":
            wrapped = [" " * (width - len(text) - 4) + text]
        else:
            numbered = _NUMBERED.match(text)
            first, rest = (10, 15) if numbered else (15, 10)
            wrapped = _wrap(text, width, rng, first_indent=first, indent=rest)
            wrapped = [_justify(w, width) for w in wrapped[:-1]] + wrapped[-1:]
        paginator.add(
            wrapped,
            [[_justify(w, width) for w in _wrap(_plain(note), width, rng, 10, 12)] for note in notes],
            blank_before=True,
        )

    def furniture(number: int, total: int) -> tuple[list[str], list[str]]:
        if number == 1:
            return [], [f"{first_job}{' ' * 30}*{barcode}*"]
        head = f"{symbol}{' ' * 8}{title}" if number % 2 == 0 else f"{title}{' ' * 8}{symbol}"
        foot = f"{number}/{total}{' ' * 50}{job}" if number % 2 == 0 else f"{job}{' ' * 50}{number}/{total}"
        return [head, ""], [foot]

    header = [" " * 10 + h if h else h for h in _header_lines(lines, width - 10)]
    return _paged(resolution, header, paginator, furniture)


def _markdown_with_markers(
    resolution: Resolution, marker: Callable[[str], str], definition: Callable[[str], str]
) -> str:
    out = []
    for line in to_text(resolution).split("\n"):
        note = _NOTE.match(line)
        if note:
            number = superscript_to_digits(note.group(1) or "") or note.group(2)
            line = (
                definition(number)
                + " "
                + _MARKER.sub(lambda m: marker(superscript_to_digits(m.group())), note.group(3))
            )
        else:
            line = _MARKER.sub(lambda m: marker(superscript_to_digits(m.group())), line)
        out.append(line)
    return "\n".join(out)


def caret_notes(resolution: Resolution, seed: int = 0) -> str:
    """Markdown with footnote markers written ``^1`` (definitions ``^1 text``)."""
    return _markdown_with_markers(resolution, lambda n: f"^{n}", lambda n: f"^{n}")


def sup_notes(resolution: Resolution, seed: int = 0) -> str:
    """Markdown with footnote markers written ``<sup>1</sup>``, as HTML-minded converters give them."""
    return _markdown_with_markers(resolution, lambda n: f"<sup>{n}</sup>", lambda n: f"<sup>{n}</sup>")


def pandoc_notes(resolution: Resolution, seed: int = 0) -> str:
    """Markdown with ``[^1]`` markers and the definitions (``[^1]: text``) gathered at the end."""
    body, notes = [], []
    for line in _markdown_with_markers(resolution, lambda n: f"[^{n}]", lambda n: f"[^{n}]:").split("\n"):
        (notes if line.startswith("[^") and "]:" in line[:12] else body).append(line)
    return "\n".join(body).rstrip("\n") + "\n\n" + "\n\n".join(notes) + "\n"


def no_italics(resolution: Resolution, seed: int = 0) -> str:
    """Markdown without emphasis (a converter that drops italics)."""
    return _EMPHASIS.sub("", to_text(resolution))


def crlf_ligatures(resolution: Resolution, seed: int = 0) -> str:
    """Markdown with CRLF line ends, PDF ligatures and soft hyphens inside long words."""
    rng = random.Random(seed)
    text = to_text(resolution)
    for letters, ligature in _LIGATURES:
        text = text.replace(letters, ligature)

    def soft(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() < 0.3:
            cut = rng.randint(3, len(word) - 3)
            return word[:cut] + "\u00ad" + word[cut:]
        return word

    text = re.sub(r"(?<![\w\\/])[^\W\d_]{9,}(?![\w/])", soft, text)
    return text.replace("\n", "\r\n")


def markdown(resolution: Resolution, seed: int = 0) -> str:
    """The seed's Markdown, as ``resodiff convert --to text`` writes it."""
    return to_text(resolution)


LAYOUTS: dict[str, Callable[[Resolution, int], str]] = {
    "markdown": markdown,
    "pdftotext": pdftotext,
    "pdftotext-layout": pdftotext_layout,
    "caret-notes": caret_notes,
    "sup-notes": sup_notes,
    "pandoc-notes": pandoc_notes,
    "no-italics": no_italics,
    "crlf-ligatures": crlf_ligatures,
}


Fingerprint = tuple[object, ...]


def fingerprint(resolution: Resolution) -> Fingerprint:
    """What must come back exactly: each paragraph's and sub-paragraph's number and text (after
    ``normalize_typography``) with its footnote markers in place, the footnotes' texts, the closing."""
    units: list[tuple[str, str | None, str]] = []

    def text(inlines: Inlines) -> str:
        return normalize_typography(
            "".join(f"[^{node.marker}]" if isinstance(node, Footnote) else node.text for node in inlines)
        )

    def items(children: tuple[Item, ...]) -> None:
        for item in children:
            units.append(("item", item.num, text(item.content)))
            items(item.items)

    for paragraph in resolution.all_paragraphs():
        content = paragraph.table.all_inlines() if paragraph.table else paragraph.content
        units.append((paragraph.part, paragraph.num, text(content)))
        items(paragraph.items)
    notes = tuple(normalize_typography(note.text) for note in resolution.footnotes)
    closing = resolution.closing
    ending = (normalize_typography(closing.meeting), closing.date) if closing else None
    return (tuple(units), notes, ending, len(resolution.unplaced_footnotes))


def difference(expected: Fingerprint, found: Fingerprint) -> str | None:
    """Why ``found`` is not ``expected`` (the first difference, as a short reason), or None."""
    units, notes, ending, unplaced = expected
    found_units, found_notes, found_ending, found_unplaced = found
    if units != found_units:
        parts = Counter(unit[0] for unit in units)
        found_parts = Counter(unit[0] for unit in found_units)
        if parts != found_parts:
            changed = sorted(set(parts) | set(found_parts))
            return "count " + ", ".join(
                f"{p} {parts[p]}→{found_parts[p]}" for p in changed if parts[p] != found_parts[p]
            )
        index = next(i for i, (a, b) in enumerate(zip(units, found_units, strict=True)) if a != b)
        a, b = units[index], found_units[index]
        if a[1] != b[1]:
            return f"number of {a[0]} unit {index + 1}: {a[1]!r}→{b[1]!r}"
        at = next((i for i, (x, y) in enumerate(zip(a[2], b[2], strict=False)) if x != y), min(len(a[2]), len(b[2])))
        around = slice(max(0, at - 25), at + 25)
        return f"text of {a[0]} unit {index + 1}: …{a[2][around]!r} → …{b[2][around]!r}"
    if notes != found_notes or unplaced != found_unplaced:
        return f"footnotes: {len(notes)} placed → {len(found_notes)} placed, {found_unplaced} unplaced"
    if ending != found_ending:
        return f"closing: {ending} → {found_ending}"
    return None


def read_back(
    resolutions: list[Resolution], seed: int, layouts: tuple[str, ...] = tuple(LAYOUTS)
) -> dict[str, str | None]:
    """Each layout of ``resolutions`` (a file's one resolution, or a multi-part publication's
    parts) read back: per layout, None when every part came back exactly, else the first reason."""
    from resodiff.errors import ResodiffError
    from resodiff.ingest import read_text

    results: dict[str, str | None] = {}
    for name in layouts:
        layout = LAYOUTS[name]
        reason = None
        for resolution in resolutions:
            try:
                back = read_text(layout(resolution, seed))
            except ResodiffError as error:
                reason = f"unreadable: {error.message}"
                break
            reason = difference(fingerprint(resolution), fingerprint(back))
            if reason:
                break
        results[name] = reason
    return results


Outcome = tuple[str, str, dict[str, str | None]]


def _outcome(job: tuple[int, Path, Path, tuple[str, ...]]) -> Outcome:
    from resodiff.ingest import read_collection

    index, path, root, layouts = job
    resolutions = read_collection(path)
    return str(path.relative_to(root)), resolutions[0].meta.language, read_back(resolutions, index, layouts)


def matrix(paths: list[Path], root: Path, jobs: int, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> list[Outcome]:
    """Each file of ``paths`` (a multi-part publication's parts together) in each layout, read
    back: (its path under ``root``, its language, the reason per layout or None), on ``jobs``
    processes."""
    with ProcessPoolExecutor(jobs) as pool:
        work = [(index, path, root, layouts) for index, path in enumerate(paths)]
        return list(pool.map(_outcome, work, chunksize=8))
