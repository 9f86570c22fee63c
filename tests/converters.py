"""A converter matrix: a resolution written as the common PDF-to-text converters give it.

Each layout is a function of the model (through the seed's text form, which it rewrites), so
every corpus file can be read back from each and compared with the model it came from:

- ``markdown``: the seed's Markdown (``resodiff convert --to text``);
- ``pdftotext``: plain text as poppler's ``pdftotext`` gives it: one line per printed line,
  filled in a proportional face (Times widths, so that full lines hold more or fewer
  characters, the first line of a paragraph narrower by its indent on paper, which the text does
  not show), paragraphs one after the other with no blank line between them, the page's
  footnotes at its foot, running headers and footers (the symbol, the title, ``2/6``, the job
  number, the first page's bar code), form feeds between pages; words hyphenated at the
  language's hyphenation points and compounds broken after their own hyphen, where pdftotext
  then joins the line to the next and drops the hyphen (``HautCommissariat``);
- ``pdftotext-layout``: as ``pdftotext -layout`` gives it: the first line of each paragraph
  indented deeper than the rest, words one space apart (no justification spread), no blank line
  between paragraphs, line-end hyphens kept, the running header and footer each on one line
  with their parts spread apart;
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
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyphen

from resodiff.ingest.hyphens import Lexicon, lexicons_in_use
from resodiff.ingest.text_marks import PART_BREAK, without_break
from resodiff.model import Footnote, Inlines, Item, Resolution
from resodiff.report.model_text import to_text
from resodiff.typography import SUPERSCRIPT_DIGITS, normalize_typography, superscript_to_digits

WIDTH = 80
PAGE_LINES = 46
_NOTE = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:) (.*)$")
#: a footnote's marker (an escaped superscript digit is the document's text: ``\²``)
_MARKER = re.compile(rf"(?<!\\)[{SUPERSCRIPT_DIGITS}]+")
#: a link ``[text](#)``; not at an escaped bracket, which is text (``\[voir résolution [217 A (III)](#)\]``)
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\(#\)")
_SUP = re.compile(r"\^\{([^}]*)\}")
_EMPHASIS = re.compile(r"(?<!\\)\*+")
_UNESCAPE = re.compile(r"\\(.)")
_HEADING = re.compile(r"^#{1,6} ")
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
        if line == PART_BREAK:
            continue  # the text form's marks say what print does not show (resodiff.ingest.text_marks)
        line = without_break(line)
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


#: advance widths of Times Roman (thousandths of an em), the face of UN documents; a letter
#: missing here is measured by its base letter, or as an average one of its kind
_TIMES = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278)
        + (500,) * 10
        + (278, 278, 564, 564, 564, 444, 921)
        + (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611)
        + (722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333)
        + (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278)
        + (500, 500, 722, 500, 500, 444, 480, 200, 480, 541),
        strict=True,
    )
)
#: the average advance of a character of running text, which turns a width in columns into
#: printed width
_COLUMN = 460
#: the first line's indent on paper (1.27 cm at 10 pt), which pdftotext does not write
_PAPER_INDENT = 5 * _COLUMN
_HYPHENATION = {"eng": "en_GB", "fra": "fr", "spa": "es", "rus": "ru_RU"}


def _advance(char: str) -> int:
    if char in _TIMES:
        return _TIMES[char]
    base = unicodedata.normalize("NFD", char)[:1]
    if base in _TIMES:
        return _TIMES[base]
    if _CJK.match(char):
        return 1000
    return 700 if char.isupper() else 480 if char.isalpha() else 500


def _printed(text: str) -> int:
    return sum(map(_advance, text))


@dataclass(frozen=True)
class _Typesetter:
    """How lines are filled: in printed width (a proportional face, so that full lines hold
    more or fewer characters), hyphenating at the language's hyphenation points (lower-case
    words only, half the time, as a hyphenation zone lets many go by), and breaking compounds
    after their own hyphen."""

    rng: random.Random | None
    hyphenator: pyphen.Pyphen | None

    @classmethod
    def of(cls, resolution: Resolution, rng: random.Random | None) -> _Typesetter:
        code = _HYPHENATION.get(resolution.meta.language)
        return cls(rng, pyphen.Pyphen(lang=code, left=2, right=3) if code else None)

    def wrap(self, text: str, width: int, first_indent: int = 0, indent: int = 0, paper_indent: int = 0) -> list[str]:
        """Greedy wrapping at ``width`` average columns of printed width; ``first_indent`` and
        ``indent`` are written as spaces, ``paper_indent`` narrows the first line without being
        written. A no-break space does not break."""
        capacity = width * _COLUMN
        lines: list[str] = []
        current = " " * first_indent
        start = len(current)
        used = first_indent * _COLUMN + paper_indent
        spaced = True
        for piece in _PIECES.finditer(text):
            word = piece.group()
            if word == " ":
                spaced = True
                continue
            gap = "" if len(current) == start or not spaced else " "
            spaced = False
            size = _printed(gap + word)
            if used + size <= capacity:
                current += gap + word
                used += size
                continue
            head, tail = self.break_word(word, capacity - used - _printed(gap))
            if head and len(current) > start:
                current += gap + head
                word = tail
            if len(current) > start:
                lines.append(current)
            current = " " * indent + word
            start = indent
            used = indent * _COLUMN + _printed(word)
        if len(current) > start:
            lines.append(current)
        return lines

    def break_word(self, word: str, room: int) -> tuple[str, str]:
        """Where a word that does not fit in ``room`` is broken, if it is: ("", word) when it is not."""
        hyphens = [i + 1 for i, c in enumerate(word) if c == "-" and 1 < i < len(word) - 2 and word[i + 1].isalpha()]
        fitting = [i for i in hyphens if _printed(word[:i]) <= room]
        if fitting:
            return word[: fitting[-1]], word[fitting[-1] :]
        core = word.rstrip(",;:.)»")
        if self.rng is None or self.hyphenator is None or not (core.isalpha() and core.islower()):
            return "", word
        if self.rng.random() < 0.5:
            return "", word
        for head, tail in self.hyphenator.iterate(core):
            if _printed(head + "-") <= room:
                return head + "-", tail + word[len(core) :]
        return "", word


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

    def add(self, lines: list[str], notes: list[list[str]]) -> None:
        for line in lines:
            page = self.pages[-1]
            if len(page.body) + len(page.notes) >= PAGE_LINES:
                page = _Page([], [])
                self.pages.append(page)
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
            header.extend([*_Typesetter(None, None).wrap(_plain(line.text), width), ""])
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


def _dehyphenated(lines: list[str]) -> list[str]:
    """Lines as poppler's ``pdftotext`` writes them: a line that ends with a hyphen before a
    letter is joined to the next without the hyphen, a compound's own hyphen too
    (``Haut-`` / ``Commissariat`` gives ``HautCommissariat``)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("-") and out[-1][-2:-1].isalpha() and line[:1].isalpha():
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
    return out


def pdftotext(resolution: Resolution, seed: int = 0) -> str:
    """Plain text as ``pdftotext`` gives it (see the module's description)."""
    typesetter = _Typesetter.of(resolution, random.Random(seed))
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
        if line.kind in ("row", "closing"):
            wrapped = [text]
        else:
            wrapped = typesetter.wrap(text, WIDTH, paper_indent=0 if line.kind == "heading" else _PAPER_INDENT)
        paginator.add(_dehyphenated(wrapped), [_dehyphenated(typesetter.wrap(_plain(note), WIDTH)) for note in notes])

    def furniture(number: int, total: int) -> tuple[list[str], list[str]]:
        if number == 1:
            return [], [first_job, f"*{barcode}*"]
        return [symbol, title, ""], [f"{number}/{total}", job]

    return _paged(resolution, _header_lines(lines, WIDTH), paginator, furniture)


def pdftotext_layout(resolution: Resolution, seed: int = 0) -> str:
    """Text as ``pdftotext -layout`` gives it: indented, justified, the running header and footer
    on one line each."""
    typesetter = _Typesetter.of(resolution, random.Random(seed))
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
            wrapped = typesetter.wrap(text, width, first_indent=15, indent=10)
        paginator.add(
            wrapped,
            [typesetter.wrap(_plain(note), width, 10, 12) for note in notes],
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


def plain_notes(resolution: Resolution, seed: int = 0) -> str:
    """Markdown with footnote markers as plain digits glued to the word (``efforts2,``) and the
    definitions opening with the bare number (``2 A/79/302.``), as a converter that loses the
    raised type gives them."""
    plain = _markdown_with_markers(resolution, lambda n: n, lambda n: n)
    # Arabic encloses its raised markers in raised parentheses: they come down with the digits
    return plain.replace("^{(}", "(").replace("^{)}", ")")


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
    "plain-notes": plain_notes,
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
#: the compound lexicons to read a file with, by its path under the corpus folder
Lexicons = Callable[[str], Mapping[str, Lexicon]]
#: this process's :data:`Lexicons`, where the matrix was given one
_CHOSEN: dict[str, Lexicons] = {}


def _choose(lexicons: Lexicons | None) -> None:
    _CHOSEN.clear()
    if lexicons is not None:
        _CHOSEN["lexicons"] = lexicons


def _outcome(job: tuple[int, Path, Path, tuple[str, ...]]) -> Outcome:
    from resodiff.ingest import read_collection

    index, path, root, layouts = job
    resolutions = read_collection(path)
    name = path.relative_to(root).as_posix()
    chosen = _CHOSEN["lexicons"](name) if "lexicons" in _CHOSEN else {}
    with lexicons_in_use(chosen):
        return name, resolutions[0].meta.language, read_back(resolutions, index, layouts)


def matrix(
    paths: list[Path],
    root: Path,
    jobs: int,
    layouts: tuple[str, ...] = tuple(LAYOUTS),
    lexicons: Lexicons | None = None,
) -> list[Outcome]:
    """Each file of ``paths`` (a multi-part publication's parts together) in each layout, read
    back: (its path under ``root``, its language, the reason per layout or None), on ``jobs``
    processes; ``lexicons``: the compound lexicons each file is read with (the committed ones
    where None)."""
    with ProcessPoolExecutor(jobs, initializer=_choose, initargs=(lexicons,)) as pool:
        work = [(index, path, root, layouts) for index, path in enumerate(paths)]
        return list(pool.map(_outcome, work, chunksize=8))
