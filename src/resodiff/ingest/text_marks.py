"""The text form's marks for what DGACM's markup says and the printed text does not show.

resodiff's text writer (``convert --to text``) writes them, each only where it is needed, and
the text reader reads them, so that the text form reads back as the model it was written from:

- a paragraph numbered at the top level with a sub-paragraph's label binds the label to its
  text with an escaped space, ``(a)\\ Field Security …`` (Pandoc's no-break space): it numbers a
  paragraph even where no indented sub-paragraph in the document contrasts it;
- a paragraph whose text ends with no punctuation ends with a backslash, Markdown's hard line
  break (``… 4 December 2020”\\``): the paragraph is finished, where the reader would otherwise
  join the next line to it as to a paragraph cut by a page break, or read it as a heading;
- an operative part that opens with an unnumbered paragraph follows a thematic break, ``---``,
  where nothing else shows where the preamble ends.
"""

from __future__ import annotations

import re

#: a finished paragraph's mark at its line's end
HARD_BREAK = "\\"
#: the line before an operative part that opens with an unnumbered paragraph
PART_BREAK = "---"
#: a paragraph number that a sub-paragraph's label may be: "(a)", "a)", "(iv)", "A.", "II."
LABEL_NUMBER = re.compile(r"\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\)|[A-Z]\.|[IVXLC]{2,6}\.")
#: such a number bound to its paragraph's text by an escaped space
LABELLED_PARAGRAPH = re.compile(rf"^({LABEL_NUMBER.pattern})\\ \s*(\S.*)$")
_TRAILING_BACKSLASHES = re.compile(r"\\+$")


def ends_paragraph(line: str) -> bool:
    """Whether a line ends with the hard-break mark: an odd run of backslashes (an even one is
    escaped backslashes, text)."""
    run = _TRAILING_BACKSLASHES.search(line)
    return run is not None and len(run.group()) % 2 == 1


def without_break(line: str) -> str:
    """A line without its hard-break mark, if it has one."""
    return line[:-1].rstrip() if ends_paragraph(line) else line


def put_emphasis_mark(out: list[str], mark: str, *, closing: bool) -> None:
    """Write an emphasis mark (``*``, ``**``) where its style changes: a closing mark before the
    trailing spaces written so far (``*Prie* le``), never after them, where Markdown would not
    close it; an opening one where it stands."""
    if not closing:
        out.append(mark)
        return
    text = "".join(out)
    stripped = text.rstrip(" ")
    out[:] = [stripped, mark, text[len(stripped) :]]
