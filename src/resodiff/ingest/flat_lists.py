"""Lists that DGACM's markup does not nest under a paragraph, read as it marks them up.

Where a text does not indent its sub-paragraphs (a converter's plain text, Markdown that does
not indent them), nothing on the line tells a sub-paragraph's label from a paragraph numbered
``(a)``, and the reader first nests every labelled line under the paragraph before it. The
paragraph a list stands under does tell: DGACM's markup nests a list under a numbered operative
paragraph (``3. Further decides that:`` / ``(a) …``), or under a lettered one (``(e) … including:``
/ ``(i) …``), but never under an unnumbered operative paragraph (A/RES/77/128 A, whose operative
part is one sentence, ``Urges … :``, and its clauses ``(a)`` to ``(f)``; a statute's article quoted
in an operative part, 77/256; the clauses after ``Panel 2: …``, 77/274), nor anywhere in an
annex, whose lettered clauses are paragraphs that keep their label in their text (77/5, 77/289).
In session 77 (English and French), 182 lists stand under numbered operative paragraphs and 4
under lettered ones; 16 runs of paragraphs numbered with labels follow an unnumbered operative
paragraph, and no list is nested under one; no annex paragraph has a sub-paragraph. The preamble is left as it is:
DGACM nests lists under its unnumbered paragraphs.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Annex, Item, Paragraph, Text
from .recognise import merge_runs


def unnest_operative(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The operative part with each list under an unnumbered paragraph made paragraphs numbered
    by their labels (a list nested in one of them stays its list)."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        if paragraph.num is not None or not paragraph.items or paragraph.table is not None:
            out.append(paragraph)
            continue
        out.append(replace(paragraph, items=()))
        out.extend(
            Paragraph(paragraph.part, item.num, item.content, item.items, paragraph.sections, span=item.span)
            for item in paragraph.items
        )
    return tuple(out)


def unnest_annex(annex: Annex) -> Annex:
    """An annex with every sub-paragraph made an unnumbered paragraph that opens with its label."""
    out: list[Paragraph] = []

    def flatten(items: tuple[Item, ...], model: Paragraph) -> None:
        for item in items:
            content = merge_runs((Text(f"{item.num} "), *item.content)) if item.num else item.content
            out.append(Paragraph(model.part, None, content, sections=model.sections, span=item.span))
            flatten(item.items, model)

    for paragraph in annex.paragraphs:
        if not paragraph.items:
            out.append(paragraph)
            continue
        out.append(replace(paragraph, items=()))
        flatten(paragraph.items, paragraph)
    return Annex(tuple(out), annex.span)
