"""Section headings that a converter prints as plain lines, without the bold or the Markdown
marks that said what they are: what the text itself shows of them."""

from __future__ import annotations

import resodiff
from resodiff.model import plain_text

HEAD = "A/RES/99/1\n\nGeneral Assembly\n\n99/1. A title\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"


def test_a_series_label_alone_on_its_line_is_the_title_of_the_paragraph_after_it() -> None:
    """``Article 10`` whose bold a converter lost, over an unnumbered paragraph: no sentence
    goes on after a label alone."""
    body = "1. Recalls the statute:\n\nArticle 4\n\nThe Board shall report on:\n\n(a) Its work.\n"
    resolution = resodiff.read_text(HEAD + body)
    texts = [p.text.strip() for p in resolution.operative]
    assert texts[:2] == ["Recalls the statute:", "The Board shall report on:"]
    assert plain_text(resolution.operative[1].sections[-1].heading).strip() == "Article 4"
    # a label that its text form finishes with a hard break is a paragraph of its own
    finished = resodiff.read_text(HEAD + body.replace("Article 4\n", "Article 4\\\n"))
    assert [p.text.strip() for p in finished.operative][1] == "Article 4"
