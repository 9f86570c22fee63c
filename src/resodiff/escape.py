"""Document text made safe for the channel it is written to.

Everything a resolution or a file name provides is data, never an instruction to the channel that
shows it: a terminal must not receive its escape sequences, a Markdown renderer must not find
markup in it, and a page must not let its bidirectional controls reorder the text around it.
"""

from __future__ import annotations

import re

# C0 and C1 controls with DEL, the bidirectional embeddings, overrides and isolates (the
# "Trojan Source" characters), and lone surrogates: what Python leaves in a file name whose bytes
# do not decode (os.fsdecode's surrogateescape), and what no terminal encoding can write.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# the same but for line feeds and tabs, for output that is many lines by design
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe_for_terminal(text: str) -> str:
    """``text`` as one line a terminal shows as it is: control characters (escape sequences, line
    breaks, bidirectional controls) written as ``\\x1b``, ``\\n``, ``\\u202e``."""
    return _CONTROL.sub(_shown, text)


def safe_lines_for_terminal(text: str) -> str:
    """As :func:`safe_for_terminal`, keeping line breaks and tabs (text that is many lines)."""
    return _CONTROL_IN_LINES.sub(_shown, text)


def without_bidi_controls(text: str) -> str:
    """For the places of a page where markup cannot isolate text (its ``<title>``)."""
    return BIDI_CONTROLS.sub("", text)


# Every ASCII punctuation character CommonMark gives a meaning to inline (emphasis, code, links
# and images, raw HTML, entities, strikethrough, table cells, autolinks, heading ends); each can
# be escaped with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
# what starts a block at the beginning of a line and is not escaped above: list items, setext
# underlines, thematic breaks (``-``, ``+``, ``=``) and ordered list items (``1.``, ``1)``)
_LINE_START = re.compile(r"\d+(?=[.)])|(?=[-+=])")
_LAYOUT = re.compile(r"[\t\r\n\u2028\u2029]+")


def markdown_text(text: str) -> str:
    """Document text as Markdown that renders as exactly that text, on one line: no emphasis,
    link, image, HTML, table cell or strikethrough comes out of it; line breaks and tabs become
    spaces, other control characters (bidirectional ones included) are shown escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", safe_for_terminal(_LAYOUT.sub(" ", text)))


def markdown_line(line: str) -> str:
    """A line of Markdown (its document text already escaped by :func:`markdown_text`) that
    cannot start a block: no list item, setext underline, thematic break or indented code."""
    line = line.lstrip(" ")
    match = _LINE_START.match(line)
    return f"{line[: match.end()]}\\{line[match.end() :]}" if match else line
