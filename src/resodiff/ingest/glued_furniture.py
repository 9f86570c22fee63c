"""A page's furniture that ``pdftotext`` glued to the page's last line, taken off again.

Where a page's last line ends with a word cut by a hyphen (``action-``), plain ``pdftotext``
joins it to the next line it reads, drops the hyphen, and that next line may be the page's
footer, its number or job number, before the page break::

    … the Economic and Social Council, an action12/13
    24-24293
    <page break> A/RES/79/194
    oriented report on …

The word then reads ``action12/13`` and the next page's ``oriented`` stands alone. The sign is
the document's own: the glued number is one that the document writes on a line of its own
elsewhere, as furniture (the same job number; a page number ``2/13`` of the same count of
pages), and only blank lines or furniture stand between that line and the page's end. The number
is taken off and the hyphen written back, so that the word is joined over the page as any other
(the hyphen that ``pdftotext`` kept, ``drug-24-24134``, stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

#: a page's number (``12/13``) or a job number (``24-24293``) glued to a word's letter or hyphen
_GLUED = re.compile(r"(?<=[^\W\d_]|-)(?:(\d{1,3})/(\d{1,3})|\d{2}-\d{5})$")
_PAGE_NUMBER = re.compile(r"\d{1,3}/(\d{1,3})")
_JOB_NUMBER = re.compile(r"\d{2}-\d{5}")
#: how many lines after the glued one may stand before the page's end (blank lines and
#: furniture: the job number, the page's number)
_FOOT_LINES = 4


def unglue_furniture(
    lines: Sequence[str], body: int, page_ends: Container[int], is_furniture: Callable[[str], bool]
) -> list[str]:
    """``lines`` with the furniture glued to a page's last line (see the module's description)
    taken off, from line ``body`` on; ``page_ends``: the indices of the lines that end a page;
    ``is_furniture``: whether a line is a page's furniture by its shape."""
    out = list(lines)
    alone = {stripped for line in lines if (stripped := line.strip()) and is_furniture(stripped)}
    totals = {match.group(1) for text in alone if (match := _PAGE_NUMBER.fullmatch(text))}
    jobs = {text for text in alone if _JOB_NUMBER.fullmatch(text)}
    if not totals and not jobs:
        return out
    for index in range(body, len(lines)):
        line = lines[index].rstrip()
        match = _GLUED.search(line)
        if match is None or not _at_page_foot(lines, index, page_ends, is_furniture):
            continue
        if match.group(2) is not None:
            if match.group(2) not in totals or int(match.group(1)) > int(match.group(2)):
                continue
        elif match.group() not in jobs:
            continue
        kept = line[: match.start()]
        out[index] = kept if kept.endswith("-") else kept + "-"
    return out


def _at_page_foot(
    lines: Sequence[str], index: int, page_ends: Container[int], is_furniture: Callable[[str], bool]
) -> bool:
    """Whether only blank lines and furniture stand between the line at ``index`` and its page's
    end."""
    for after in range(index, min(index + _FOOT_LINES + 1, len(lines))):
        if after > index and lines[after].strip() and not is_furniture(lines[after].strip()):
            return False
        if after in page_ends:
            return True
    return False
