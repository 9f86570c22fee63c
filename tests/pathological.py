"""Pathological inputs for the text reader: long runs of markup punctuation, on which a
backtracking pattern, or a parser that rescans the rest of a paragraph at every opening
bracket, takes quadratic time (40,000 ``[`` once took 33 s). The tests read every one; the
benchmark (``benchmarks/reader.py``) times them at growing sizes."""

from __future__ import annotations

import textwrap

#: Each family is a unit repeated to the size asked for.
FAMILIES: dict[str, str] = {
    "open brackets": "[",
    "closed brackets": "]",
    "link middles": "](",
    "empty links": "[](",
    "unclosed links": "[x](",
    "note references": "[^",
    "braced superscripts": "^{",
    "word superscripts": "^a",
    "carets": "^",
    "asterisks": "*",
    "double asterisks": "**",
    "underscores": "_",
    "underscored words": "_a ",
    "backslashes": "\\",
    "escaped brackets": "\\[",
    "sup tags": "<sup>",
    "pipes": "|",
    "table rules": "|---|",
    "parentheses": "(",
    "roman parentheses": "(i)",
    "hashes": "#",
    "digits": "1",
    "slashes": "/",
    "fractions": "1/",
    "symbol starts": "A/",
    "superscript digits": "¹",
    "references": "resolution 1/1 ",
    "links": "[77/18](#) ",
    "dates": "1 May 2024 ",
    "symbols": "A/RES/1/1 ",
    "nested brackets": "[]",  # opened all first, then all closed: see pathological()
    # consecutive headings of one level are one heading: joined at each, 16,000 of them took 165 s
    "heading lines": "\n# I\n",
    # in hard-wrapped text, a long line is printed lines pdftotext joined: every word of it was
    # once measured against every line end (a 40 KB line of words took 8 s)
    "words": "word ",
}

_HEADER = "A/RES/79/1\n\n79/1. Title\n\n"
_FORMULA = "The General Assembly,\n\n"
#: a paragraph hard-wrapped at 80 columns, as pdftotext writes one: the document is read as
#: printed lines, so that a longer line is lines joined
_WRAPPED = "\n".join(
    textwrap.wrap(
        "Requests the Secretary-General to submit to the General Assembly at its next session a report "
        "on the implementation of the present resolution, including on the cooperation between the "
        "organizations concerned and on the activities undertaken in the regions, " * 4,
        80,
    )
)

#: Where the run stands in the document.
CONTEXTS: dict[str, str] = {
    "paragraph": _HEADER + _FORMULA + "1. Decides that RUN\n",
    "line": _HEADER + _FORMULA + "1. Decides.\n\nRUN\n",
    "lines": _HEADER + _FORMULA + "1. Decides that\nRUN\n",  # the run cut into many short lines
    "header": "RUN\n\n" + _HEADER + _FORMULA + "1. Decides.\n",
    "footnote": _HEADER + _FORMULA + "1. Decides¹.\n\n¹ RUN\n",
    "heading": _HEADER + _FORMULA + "## RUN\n\n1. Decides.\n",
    "wrapped": _HEADER + _FORMULA + "1. " + _WRAPPED + ";\n\n2. Decides that RUN\n",
}

#: Inputs that once ended in an uncaught exception.
FOUND: dict[str, str] = {
    "bare section number after another": _HEADER + _FORMULA + "I.\nII.\n1. Decides.\n",
}


def pathological(family: str, context: str, size: int) -> str:
    """A resolution in which ``family`` repeats to about ``size`` characters in ``context``."""
    unit = FAMILIES[family]
    count = max(1, size // len(unit))
    run = "[" * count + "]" * count if family == "nested brackets" else unit * count
    if context == "lines":
        run = "\n".join(run[start : start + 80] for start in range(0, len(run), 80))
    return CONTEXTS[context].replace("RUN", run)
