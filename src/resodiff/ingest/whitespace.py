"""Whitespace as both readers settle it: one space between words, none at the ends.

Line breaks inside a paragraph are layout (a page, a column, an XML indentation), so they
become spaces; a deliberate line break inside a heading is kept as ``"\\n"``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Inline, Inlines, Text
from .recognise import merge_runs, restyle

_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")


def clean_spaces(inlines: Inlines) -> Inlines:
    """Inline runs with runs of white space made one space, none at the start of the text."""
    cleaned: list[Inline] = []
    previous_ends_space = True
    for node in inlines:
        if not isinstance(node, Text):
            cleaned.append(node)
            continue
        if node.text == "\n":
            cleaned.append(node)
            previous_ends_space = True
            continue
        text = node.text if _settled(node.text) else _LAYOUT_SPACE.sub(" ", node.text)
        if previous_ends_space:
            text = text.lstrip(" ")
        if text:
            previous_ends_space = text.endswith(" ")
            cleaned.append(node if text == node.text else restyle(node, text=text))
    while cleaned and isinstance(cleaned[-1], Text):
        last = cleaned[-1]
        assert isinstance(last, Text)
        trimmed = last.text.rstrip(" ")
        if trimmed and trimmed != "\n":
            cleaned[-1] = replace(last, text=trimmed)
            break
        cleaned.pop()
    return merge_runs(cleaned)


def _settled(text: str) -> bool:
    """No layout space to rewrite, as in most runs (found out far faster than by rewriting)."""
    return "  " not in text and "\t" not in text and "\n" not in text and "\r" not in text
