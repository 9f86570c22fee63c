"""Typography normalisation: the single place that decides which differences are not content.

The same resolution reaches us from a PDF conversion, from DGACM's Akoma Ntoso and from Word
drafts, each with its own typography. :func:`normalize_typography` maps all of them to one
form, so that comparing two normalised strings compares words, never typesetting:

* Unicode canonical composition (NFC), so NFD input (``e`` + combining accent) equals NFC;
* apostrophes and single quotes (’ ‘ ʼ ′ `) become ``'``; double quotes (“ ” „ ″) become ``"``;
  French guillemets are kept, both sources print them;
* every space-like character (no-break U+00A0, narrow no-break U+202F, thin, figure, tabs,
  line breaks) becomes one plain space, runs of spaces collapse, ends are trimmed;
* invisible marks (zero-width spaces and joiners, left-to-right and right-to-left marks,
  byte-order marks) vanish;
* hyphen variants (U+2010 hyphen, U+2011 no-break hyphen, U+2012 figure dash, U+2013 en dash,
  U+2212 minus) become ``-``; soft hyphens and zero-width characters vanish;
* the masculine ordinal indicator and a degree sign used as one (``n°``, ``nº``) become the
  letter ``o`` that the official files print as a superscript (``n<sup>o</sup>``);
* the ellipsis character becomes three full stops;
* PDF ligatures (U+FB00-FB06) become their letters: ``ﬀ ﬁ ﬂ ﬃ ﬄ`` are ``ff fi fl ffi ffl``, and
  both ``st`` ligatures are ``st`` (the long s of U+FB05 is a glyph of s, as NFKC has it);
* full-width forms (U+FF01-FF5E) become their ASCII letters, digits and punctuation. Chinese
  sets its comma, semicolon, colon and brackets full width as a rule (``，；：（）``); mapped on
  both sides alike, they compare as what they mean, and a converter that printed them half
  width changed no content;
* in Arabic, the tatweel (U+0640, a stretching of the line between letters, as in the
  header's ``الأمــم المتحـدة``) vanishes, and so do the marks that Arabic print may set or leave
  out without changing a word: the harakat (U+064B-U+0652: fathatan, dammatan, kasratan,
  fatha, damma, kasra, shadda, sukun) and the superscript alef (U+0670). DGACM sets them on a
  few words only (``أُحرز``, ``المقدّم``), where a PDF conversion may drop them. The hamza and
  madda stay: after NFC they are part of their letter (``أ إ آ ؤ ئ``), and ``أ`` and ``ا``
  are different spellings.

A space between a Chinese character (or CJK punctuation) and a digit, a Latin letter, a
bracket or punctuation goes (not after a full stop: ``79/9. 标题``; between two Chinese
characters it is not typography's to judge): Chinese sets no space between words, and
LibreOffice's text shows the extra spacing that it prints between Chinese and Western
characters (``2022 年 11 月``, ``讲习班 (民主``) and before punctuation that it set at a line's
end (``合作 ，``, ``文化 、``); the official files have none (``2022年11月``, ``合作，``).

A space after a slash between two words goes, in every script: DGACM writes the UN's Arabic
double month names both ways (``تشرين الأول/أكتوبر``, ``تشرين الأول/ أكتوبر``, often in one
document), an English file has ``El Niño/ Southern Oscillation`` where others write it closed, and
where a line breaks after the slash no printed page or text can tell which the source had. So
does a space before an Arabic comma or semicolon (``2016(3) ،``): Arabic sets none, and a converter writes one where a
raised footnote marker stands before the comma.

So does a space after a hyphen between two words (``self- determination``, once in a file where
the others write ``self-determination``): where a line breaks after the hyphen, no printed page or
text can tell whether the source had one. A hyphen left hanging keeps its space: the word after it
is a conjunction (``pre- and post-conflict``, ``medium- to long-term``, ``sous- et``), and the
conjunctions that follow one are of three letters or fewer in every language of the corpus
(``and``, ``or``, ``to``, ``et``, ``ou``, ``y``, ``o``, ``и``, ``или``).

A space left before the hyphen of a compound word (``Secretary -General``, a PDF or Word
artefact of a line break) goes: between two letters, `` -`` is never punctuation (a dash is
spaced on both sides, a suspended hyphen, ``pre- and post-``, has its space after).

Spaces before ``; : ! ?`` are kept as spaces (French typography sets them; an English text
with ``word ;`` differs in content from ``word;`` only in the eyes of a typesetter, and both of
our sources agree on them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_REPLACEMENTS: dict[str, str] = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2212": "-",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\u200e": "",
    "\u200f": "",
    "\ufeff": "",
    "\u00ba": "o",
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0640": "",
    "\u0670": "",
    **{chr(mark): "" for mark in range(0x064B, 0x0653)},
    **{chr(wide): chr(wide - 0xFEE0) for wide in range(0xFF01, 0xFF5F)},
}
# a regular expression finds the few characters to replace; str.translate with a mapping
# would look every character up in Python and is several times slower on long paragraphs
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")
_ASCII_SPECIALS = tuple(special for special in _REPLACEMENTS if special.isascii())


# the characters to replace that a replacement writes (the full-width grave accent's "`"): replaced
# first, so that what a replacement writes is never replaced again
_FIRST = {c for replacement in _REPLACEMENTS.values() for c in replacement if c in _REPLACEMENTS}


def _replace_specials(text: str) -> str:
    """``text`` with each character of ``_REPLACEMENTS`` replaced. The pattern finds which of them
    the text has and ``str.replace`` replaces each in C: a call back per character replaced (a
    French paragraph has dozens of apostrophes) was most of the time."""
    found = set(_SPECIAL.findall(text))
    for special in sorted(found, key=lambda c: c not in _FIRST) if found & _FIRST else found:
        text = text.replace(special, _REPLACEMENTS[special])
    return text


_ORDINAL_DEGREE = re.compile(r"(?<=[nN])\u00b0")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")
#: a space after the slash between two words (``تشرين الأول/ أكتوبر``, ``El Niño/ Southern``), after
#: a hyphen between two words of which the second is no conjunction (``self- determination``), or
#: before an Arabic comma or semicolon
_LOOSE_SPACE = re.compile(r"(?<=[^\W_])/ (?=[^\W_])|(?<=[^\W\d_])- (?=[^\W\d_]{4})|(?<=\S) (?=[،؛])")
#: Chinese and Japanese text as line breaking and width estimates see it: CJK punctuation, kana,
#: ideographs and full-width forms, each character a word of its own, two columns wide
CJK_TEXT = "\u3000-\u9fff\uff00-\uffef"
#: Han characters (the extension A and the compatibility ideographs too) and CJK punctuation
_CJK = "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
#: a space other than a plain one (the spaces str.split() splits at are those of ``\s``); two plain
#: ones in a row are looked for apart: a pattern of one character class is searched several times
#: faster than an alternation, which is tried at every position
_OTHER_SPACE = re.compile(r"[^\S ]")


def irregular_spaces(text: str) -> bool:
    """Whether ``text`` has a space other than single plain ones (two in a row, a no-break
    space, a tab, a line end...)."""
    # a printable text has no space but plain ones (Unicode calls the others separators or
    # controls, all unprintable): told in C by a table, several times faster than the pattern
    return "  " in text or (not text.isprintable() and _OTHER_SPACE.search(text) is not None)


_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[0-9A-Za-z,.;:!?()\\]·\u3001-\u303f])|(?<=[0-9A-Za-z\\])·]) (?=[{_CJK}])")


@lru_cache(maxsize=32768)
def normalize_typography(text: str) -> str:
    """Return ``text`` with every typographic variant mapped to one form (see module doc)."""
    # an ASCII text is composed already, and has of the characters to replace only the ASCII ones,
    # looked for one by one faster than the pattern of them all is searched
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _replace_specials(text)
        if "\u00b0" in text:
            text = _ORDINAL_DEGREE.sub("o", text)
    elif any(special in text for special in _ASCII_SPECIALS):
        text = _replace_specials(text)
    # a text whose only spaces are single plain ones is only trimmed: splitting a long line into
    # words would take ten times its size in memory; otherwise str.split() splits at every
    # Unicode space (no-break, narrow...)
    text = " ".join(text.split()) if irregular_spaces(text) else text.strip(" ")
    # the search for a Chinese character first: the spaces' pattern tries each character of a text
    if not text.isascii() and " " in text and _HAS_CJK.search(text):
        text = _CJK_SPACE.sub("", text)
    # (an ASCII text, told by a flag, has no Arabic comma or semicolon to look for)
    if "/ " in text or "- " in text or (not text.isascii() and (" ،" in text or " ؛" in text)):
        text = _LOOSE_SPACE.sub(lambda match: match.group().strip(), text)
    return _SPACED_HYPHEN.sub("-", text) if " -" in text else text


# what any rule of normalize_typography reads: a space of any kind (trimmed, collapsed, or read
# around a slash, a hyphen or a Chinese character), a character it replaces or removes, a degree sign
_READ = re.compile("[\\s\u00b0" + re.escape("".join(_REPLACEMENTS)) + "]")


def keeps_typography(text: str) -> bool:
    """Whether ``text`` is its own :func:`normalize_typography` form for a reason seen without
    running it: composed, without a space or a character any rule reads (false for some texts
    that are their own form too). A word of a Cyrillic, Greek or Arabic text mostly is: telling
    so costs a small part of normalising it."""
    return _READ.search(text) is None and unicodedata.is_normalized("NFC", text)


#: Footnote markers as PDF conversions print them (``¹``, ``²³``).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_FROM_DIGIT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def superscript_to_digits(marker: str) -> str:
    """A superscript footnote marker (``¹²``) in ordinary digits (``12``)."""
    return marker.translate(_TO_DIGIT)


def digits_to_superscript(number: str) -> str:
    """A number (``12``) in superscript digits (``¹²``)."""
    return number.translate(_FROM_DIGIT)
