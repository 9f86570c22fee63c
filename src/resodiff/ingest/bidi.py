"""Right-to-left lines as ``pdftotext`` writes them, put back in logical order.

poppler's ``pdftotext`` writes each line of a right-to-left text (Arabic) between the
embedding marks RLE (U+202B) and PDF (U+202C), in logical order but for its left-to-right
stretches: numbers, symbols and Latin words, each between LRE (U+202A) and PDF as it stands on
the page, left to right, together with every space and punctuation mark up to the next Arabic
letter on its left (poppler's own classes, not Unicode's, decide: a hyphen or a slash goes with
the figures). Read as it stands, the text has ``قراراتها  37/4المؤرخ`` for ``قراراتها 37/4
المؤرخ``, ``(د30-)`` for ``(د-30)``, ``A/66/53( 53)`` for ``53 (A/66/53)``, and its enacting
formula is not found.

Such a stretch is cut into the runs that the Unicode bidirectional algorithm read left to right
(a Latin word with the figures and separators after it, ``A/79/L.9/Rev.1``; figures with one
separator between them, ``37/4``, ``24-21657``) and what it read right to left between them
(spaces, brackets, punctuation): a Latin word and the figures after it are one run unless an
opening bracket stands between them (then the bracket encloses the word, mirrored:
``53 (A/66/53)``); figures after figures are one run only across one separator (a slash, a
comma or a full stop; a hyphen only at the line's start, where the figures follow no Arabic
letter: after one, Unicode reads them as Arabic numbers, which a hyphen does not join). The
runs are then read right to left, each run left to right, the rest reversed. A left-to-right
line's right-to-left runs (between RLE and PDF in a line that is not embedded) are written the
other way round by ``pdftotext``, with the neutrals on their right first; these are moved back
after them.

A PDF whose fonts map glyphs to Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE: one
code per shape of a letter, and ligatures such as ``ﻻ``) gives those forms; they are folded to
their letters (NFKC), as every other form of the text has them. A line that holds nothing but
combining marks is a vowel sign printed high over its letter, which ``pdftotext`` set apart on
a line of its own: which letter it sat on, the line does not say, and the harakat are
optional in print (typography normalisation drops them), so the line goes.

Text with none of these characters is returned as it is, without a look at its lines.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

_LRE, _RLE, _PDF = "\u202a", "\u202b", "\u202c"
#: a line of right-to-left embeddings only (spread apart or not): the page's own direction
_OWN_LINE = re.compile(f"^\\s*{_RLE}.*{_PDF}\\s*$")
#: the spaces between runs that ``-layout`` set apart on one line, kept by the split
_SPREAD = re.compile(r"(\s{2,})")
_MARKS = re.compile(f"[{_LRE}{_RLE}{_PDF}]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
#: the text reader's line ends, kept by the split
_LINE_END = re.compile(r"(\r\n?|\n|\f)")
#: Unicode's neutral and weak separating classes: what takes the direction of its neighbours
#: (a currency or percent sign goes with its number)
_NEUTRAL = frozenset({"WS", "ON", "CS", "ES", "S", "B"})
#: a paragraph's number alone on its line, and what ends an Arabic paragraph
_NUMBER_ALONE = re.compile(r"^\s*\d{1,3} -\s*$")
_FINAL = ("؛", "،", ".", ":")
_HANGING_NUMBER = re.compile(r"^(\s*)(\d{1,3})-(?=\s|$)")
#: vowel signs at a word's start, the letter after them, and the space after it where it is alone
_MARK_FIRST = re.compile(r"(?<!\S)([\u064b-\u0652\u0670]+)([^\W\d_])(?: (?=[^\W\d_]))?")
_LATIN = re.compile(r"[^\W\d_]")
#: an alef alone at a line's end, and a line that opens with a lam alone (see
#: :func:`_lam_alef_rejoined`)
_ALEF_END = re.compile(r"(?:^|\s)\u0627\s*$")
_LAM_START = re.compile(r"^\s*\u0644(?:\s|$)")
#: a line of two runs, the second opening with a paragraph's hanging number (``- 27``)
_NUMBER_RUN_AFTER = re.compile(f"^(\\s*)({_RLE}[^{_LRE}{_RLE}]*?{_PDF}) ({_RLE}{_LRE} ?- ?\\d{{1,3}}{_PDF}.*)$")
#: a damma and an alef with hamza before a word, as pdftotext writes a vowel sign before its letter
_DAMMA_ALEF = re.compile(r"(?<!\S)\u064f\u0623([\u0621-\u064a]+)")
#: the ligature lam-lam-heh after an alef as pdftotext writes it, in drawing order
_DRAWN_ALLAH = re.compile(r"\u0627\u0647\u0644\u0644(?![\u0621-\u064a])")
#: Arabic's opening quotation mark alone between spaces, before a letter
_QUOTE_APART = re.compile(r"(?<=\s)\u201d\s+(?=[\u0621-\u064a])")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_NUMBERED = re.compile(r"^\d{1,3} - ")
#: the body's full width: the length that this share of the lines reach; a line that is about
#: full reaches this share of it at least, and this share at most
_WIDTH_RANK = 0.75
_FULL = 0.75
_OVER_FULL = 1.1
#: a letter alone after a word that ends with a vowel sign (see :func:`_mark_cuts_joined`)
_MARKED_CUT = re.compile(r"([\u064b-\u0652]) ([\u0621-\u0647\u0649\u064a])(?=\s|$)")
#: two Arabic words one after the other (overlapping: each pair in turn)
_ARABIC_PAIR = re.compile(r"(?<!\S)([\u0621-\u064a\u064b-\u0652]+) (?=([\u0621-\u064a]+)(?:\s|$))")
#: a Zipf frequency below which a piece is no word (wordfreq's tokenisation gives rare ones)
_NO_WORD = 1.0
_LAM_ALEF_APART = re.compile(r"(?<!\S)(\w+)\s+\u0627\s+\u0644(?=\s)")
#: how often general text must use a word (Zipf) for a joined word to be one, and by how much
#: less than the word before it may
_USED = 3.0
_AS_OFTEN = 1.0
_ANY = re.compile(f"[{_LRE}{_RLE}\ufb50-\ufdff\ufe70-\ufefe\u0300-\u036f\u064b-\u065f\u0670]")


def logical_text(source: str) -> str:
    """``source`` with pdftotext's right-to-left embeddings in logical order, Arabic
    presentation forms folded and lines of combining marks alone dropped (module doc)."""
    if not _ANY.search(source):
        return source
    pieces = _LINE_END.split(source)
    lines, ends = pieces[::2], [*pieces[1::2], ""]
    logical = [None if _marks_alone(line) else _logical(line) for line in lines]
    if _RLE in source:
        logical = _mark_cuts_joined(lines, logical)
    placed = _unplaced(lines, logical)
    if _RLE in source:
        placed = _numbers_first(placed)  # a right-to-left page's hanging numbers
        placed = _lam_alef_rejoined(placed)
    kept: list[str] = []
    for line, end in zip(placed, ends, strict=True):
        if line is None:
            kept.append("" if end != "\f" else end)  # the line goes, but a page's end stays
        else:
            kept.append(line + end)
    return "".join(kept)


def _unplaced(lines: list[str], logical: list[str | None]) -> list[str | None]:
    """``pdftotext -layout``'s right-to-left lines without the spaces that place them: the
    layout aligns their right ends (a paragraph's first line, indented on the right, ends there
    too) and starts each where its characters, counted on a grid of Latin widths, reach, so that
    the spaces before a line say nothing of where a paragraph starts, and would pass for an
    indent. Lines that the layout did not place (no line starts with a space) are as they are."""
    own = [line is not None and bool(_OWN_LINE.match(raw)) for raw, line in zip(lines, logical, strict=True)]
    if not any(own[index] and lines[index].startswith(" ") for index in range(len(lines))):
        return logical
    return [line.lstrip() if mine and line else line for line, mine in zip(logical, own, strict=True)]


def _numbers_first(lines: list[str | None]) -> list[str | None]:
    """Lines with a paragraph's hanging number put back before the paragraph's first line: a
    producer that sets the number as a box of its own in the right margin (WeasyPrint) has it
    written after that line (``تحث …``, ``2 -``, ``المنظمتين …``), where the line before the
    paragraph's first ends a paragraph (a final punctuation mark, or a blank line)."""
    moved = list(lines)
    for index in range(2, len(moved)):
        number, first, before = moved[index], moved[index - 1], moved[index - 2]
        if (
            number is not None
            and _NUMBER_ALONE.match(number)
            and first
            and first.strip()
            and not _NUMBER_ALONE.match(first)
            and not first.rstrip().endswith(_FINAL)
            and before is not None
            and (not before.strip() or before.rstrip().endswith(_FINAL))
        ):
            moved[index - 1], moved[index] = number, first
    return moved


def _lam_alef_rejoined(lines: list[str | None]) -> list[str | None]:
    """Lines with the ligature lam-alef (``لا``) that ``pdftotext`` cut at a line's end put back
    together: it writes the alef alone at the end of the line (``… عم ا``, no Arabic word is an
    alef alone) and the lam, with the rest of the printed line after it, as a line of its own
    (``ل``, or ``ل سيما …``), next or just before. The ligature goes back with the rest of the
    line after it, glued to the word before where that is one word (:func:`_glues`)."""
    out = list(lines)
    for index, line in enumerate(out):
        if line is not None and _LAM_ALEF_APART.search(line):
            # both halves on one line (``-layout`` sets the rest of the line apart)
            line = out[index] = _LAM_ALEF_APART.sub(
                lambda cut: f"{cut.group(1)}{'' if _glues(cut.group(1)) else ' '}لا", line
            )
        if line is None or not _ALEF_END.search(line):
            continue
        rest = next(
            (at for at in (index + 1, index - 1, index - 2) if 0 <= at < len(out) and _LAM_START.match(out[at] or "")),
            None,
        )
        if rest is None:
            continue
        before = line.rstrip()[:-1].rstrip()
        word = before.rsplit(" ", 1)[-1]
        space = "" if _glues(word) else " "
        following = (out[rest] or "").strip()[1:]
        out[index] = f"{before}{space}لا{following}"
        out[rest] = None
    return out


def _mark_cuts_joined(lines: list[str], logical: list[str | None]) -> list[str | None]:
    """Words that ``pdftotext`` cut after a letter carrying a vowel sign joined again. It ends
    the word's run at that letter: the rest of the word stands apart (``المقد م`` for ``المقدّم``,
    ``يعيّ ن``), and where the sign went to a line of its own, the next line holds the cut.
    After a sign, a letter alone (no word, ``و`` aside, which is written on the next word)
    goes back on its word; on the line after a sign's own line, the first cut found goes back:
    a letter alone, or two pieces of which the first is no word of general text and the joined
    one is (``المضط لع``)."""
    out = list(logical)
    for index, line in enumerate(out):
        if line and _MARKED_CUT.search(line):
            out[index] = _MARKED_CUT.sub(r"\1\2", line)
    lengths = sorted(len(line.strip()) for line in out if line and _ARABIC_LETTER.search(line))
    width = lengths[int(len(lengths) * _WIDTH_RANK)] if lengths else 0
    for index, raw in enumerate(lines):
        if logical[index] is not None or not _marks_alone(raw):
            continue
        after = next((at for at in range(index + 1, min(len(out), index + 3)) if out[at]), None)
        if after is None:
            continue
        if _start_written_after(out, index, after, width):
            out[after], out[after + 1] = f"{(out[after + 1] or '').strip()} {(out[after] or '').strip()}", None
        out[after] = _one_cut_joined(out[after] or "")
    return out


def _start_written_after(lines: list[str | None], mark: int, rest: int, width: int) -> bool:
    """Whether the line after ``rest`` (the line after the vowel sign's own line, at ``mark``)
    is the start of the same printed line, which ``pdftotext`` wrote after its rest where the
    sign cut it (``المقد م … ذلك`` / ``الإسلام،``): short, the two about a full line together, the
    rest unfinished, a line after the start (it is no paragraph's end), and the line before the
    sign unfinished, or the start a paragraph's number (``27 - ترحب …``)."""
    if rest + 2 >= len(lines) or not width:
        return False
    text, start, following = (lines[rest] or "").strip(), (lines[rest + 1] or "").strip(), lines[rest + 2]
    if not start or not following or not following.strip() or text.endswith(_FINAL):
        return False
    if 2 * len(start) > width or not _FULL * width <= len(start) + 1 + len(text) <= _OVER_FULL * width:
        return False
    before = next((line.strip() for line in reversed(lines[:mark]) if line and line.strip()), "")
    return not before.endswith(_FINAL) or bool(_NUMBERED.match(start))


def _one_cut_joined(line: str) -> str:
    """``line`` with the first word that a vowel sign cut joined again (see
    :func:`_mark_cuts_joined`)."""
    from ..languages import language
    from .hyphens import frequency

    arabic = language("ara")
    for pair in _ARABIC_PAIR.finditer(line):
        first, second = pair.group(1), pair.group(2)
        if (len(second) == 1 and second != "\u0648") or (
            (frequency(first, arabic) or 0) < _NO_WORD < (frequency(first + second, arabic) or 0)
        ):
            return line[: pair.start()] + first + line[pair.end() :]
    return line


def _glues(word: str) -> bool:
    """Whether ``لا`` after ``word`` is the end of its word: after a one-letter word (a prefix,
    ``و``, written on the next word), or where general text uses the joined word about as often
    as ``word`` itself (``عملا``; not ``في لا``)."""
    from ..languages import language
    from .hyphens import frequency

    if len(word) == 1:
        return True
    arabic = language("ara")
    joined, alone = frequency(word + "لا", arabic), frequency(word, arabic)
    return joined is not None and alone is not None and joined >= _USED and joined > alone - _AS_OFTEN


def _logical(line: str) -> str:
    if _NUMBER_RUN_AFTER.match(line):
        # ``-layout`` wrote the paragraph number's box (WeasyPrint's, in the right margin) and the
        # text after it as a run of their own after the rest of the line, one space apart: the
        # runs are printed left to right, and the line starts with the number
        line = _NUMBER_RUN_AFTER.sub(r"\1\3 \2", line)
    if _LRE in line or _RLE in line:
        line = _repaired(_unembedded(line))
    if _PRESENTATION.search(line):
        line = _PRESENTATION.sub(lambda match: unicodedata.normalize("NFKC", match.group()), line)
    return line


def _repaired(line: str) -> str:
    """A right-to-left line with what ``pdftotext`` displaced in it put back: a paragraph's
    number whose space the hanging indent took (``1-``), a vowel sign written before the letter
    it is set on, and the space written after that letter where it was alone; the ligature
    lam-lam-heh of the name of God written in the order it is drawn (``اهلل`` for ``الله``: no
    Arabic word is so spelled); and an opening quotation mark set apart from its word (``”``,
    which opens a quotation in Arabic, alone between spaces before a letter)."""
    line = _HANGING_NUMBER.sub(r"\1\2 -", line)
    if _DAMMA_ALEF.search(line):
        line = _DAMMA_ALEF.sub(_damma_alone, line)
    line = _DRAWN_ALLAH.sub("\u0627\u0644\u0644\u0647", line)
    line = _QUOTE_APART.sub("\u201d", line)
    return _MARK_FIRST.sub(r"\2\1", line) if _MARK_FIRST.search(line) else line


def _damma_alone(cut: re.Match[str]) -> str:
    """A damma that a font's character map gives with the alef it was first drawn over
    (WeasyPrint maps a glyph to the text of the first cluster it drew it in: every later damma
    reads ``أُ``), as the damma alone on the word's first letter, where the word with the alef is
    no word of general text and the word without it is (``ُأيعقد`` for ``يُعقد``; ``أُعيد``
    is a word, and stays)."""
    from ..languages import language
    from .hyphens import frequency

    arabic, word = language("ara"), cut.group(1)
    with_alef, alone = frequency("\u0623" + word, arabic) or 0, frequency(word, arabic) or 0
    if with_alef < _NO_WORD <= alone:
        return word[0] + "\u064f" + word[1:]
    return cut.group()


def _unembedded(line: str) -> str:
    """``line`` without its embedding marks, each embedded run in reading order: a run inside
    another, or one in a line that has text outside its runs; a run that holds the line's text
    alone (``-layout`` writes several, spread apart, which are read from the right) is the
    line's own direction, and is in reading order already."""
    depth = 0
    own = True
    for char in line:
        if char in (_LRE, _RLE):
            depth += 1
        elif char == _PDF:
            depth = max(0, depth - 1)
        elif depth == 0 and not char.isspace():
            own = False
    done: list[str] = []
    runs: list[tuple[str, list[str]]] = []
    for char in line:
        if char in (_LRE, _RLE):
            runs.append((char, []))
        elif char == _PDF and runs:
            mark, pieces = runs.pop()
            text = "".join(pieces)
            outer = runs[-1][1] if runs else done
            if not runs and own:
                outer.append(text)
            elif mark == _LRE:
                outer.append(_left_to_right(text, at_start=not "".join(outer).strip()))
            else:
                outer.append(_right_to_left(text))
        elif char != _PDF:
            (runs[-1][1] if runs else done).append(char)
    text = "".join(done) + "".join("".join(pieces) for _, pieces in runs)
    if own and _SPREAD.search(text.strip()):
        # -layout's runs spread apart on one line (a hanging number in the right margin, the
        # header's symbol and organisation) stand right to left: the rightmost is read first
        indent = text[: len(text) - len(text.lstrip())]
        text = indent + "".join(reversed(_SPREAD.split(text.strip())))
    return text


def _left_to_right(text: str, *, at_start: bool) -> str:
    """A left-to-right stretch of a right-to-left line (as printed, left to right) in reading
    order: its runs right to left, each as printed, what stands between them reversed (module
    doc). ``at_start``: the stretch opens the line, where figures follow no Arabic letter."""
    units: list[list[str]] = []  # [kind, text]: "L" a Latin run, "N" figures, "" between runs
    for neutral, chars in groupby(text, lambda char: unicodedata.bidirectional(char) in _NEUTRAL):
        piece = "".join(chars)
        kind = "" if neutral else "L" if _LATIN.search(piece) else "N"
        if kind and len(units) >= 2 and _one_run(units[-2][0], units[-1][1], kind, at_start):
            between = units.pop()[1]
            units[-1][1] += between + piece
            units[-1][0] = units[-1][0] or kind
        else:
            units.append([kind, piece])
    return "".join(piece if kind else piece[::-1] for kind, piece in reversed(units))


def _one_run(before: str, between: str, after: str, at_start: bool) -> bool:
    """Whether the bidirectional algorithm reads ``before``, ``between`` and ``after`` (kinds of
    :func:`_left_to_right`, ``between`` the text) as one left-to-right run."""
    if before == "L":
        # figures after a Latin word are read as Latin (rule W7), unless a bracket opens between
        return after == "L" or not any(unicodedata.category(char) == "Ps" for char in between)
    if before == "N" and after == "N" and len(between) == 1:
        # rule W4: one separator between numbers; Arabic numbers (after an Arabic letter) only by
        # a common separator (a slash, a comma, a full stop), not by a hyphen
        return unicodedata.bidirectional(between) == "CS" or at_start
    return False


def _right_to_left(text: str) -> str:
    """A right-to-left run of a left-to-right line, which pdftotext wrote in reading order with
    the neutrals printed on its right first: those moved after it, in reading order."""
    start = 0
    while start < len(text) and unicodedata.bidirectional(text[start]) in _NEUTRAL:
        start += 1
    return text[start:] + text[:start][::-1]


def _marks_alone(line: str) -> bool:
    stripped = _MARKS.sub("", line).strip()
    return bool(stripped) and all(unicodedata.combining(char) for char in stripped)
