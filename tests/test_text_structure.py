"""What the text form says of a resolution's structure, and how the reader reads it back:
paragraphs that DGACM numbers like sub-paragraphs, empty numbered paragraphs, paragraphs after a
table or a list, headings in bold, quotations; and what the reader does where the text does not
say (a converter's text)."""

from __future__ import annotations

from dataclasses import replace

import resodiff
from resodiff.model import Item, Paragraph, Text, plain_text
from resodiff.report.model_text import to_text

HEAD = "A/RES/79/1\n\nGeneral Assembly\n\n79/1. A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n"


def read(body: str) -> resodiff.Resolution:
    return resodiff.read_text(HEAD + body)


def numbers(paragraphs: tuple[Paragraph, ...]) -> list[tuple[str | None, list[str | None]]]:
    return [(p.num, [item.num for item in p.items]) for p in paragraphs]


def test_a_top_level_paragraph_numbered_like_a_sub_paragraph_is_written_so_that_it_reads_back() -> None:
    base = read("1. *Decides* to act:\n\n  (a) Now;\n\n  (b) Later;\n")
    lettered = Paragraph("operative", "(c)", (Text("Each panel will be co-chaired."),))
    unnumbered = Paragraph("operative", None, (Text("Panel 1: Health"),))
    edited = replace(base, operative=(base.operative[0], unnumbered, lettered))
    text = to_text(edited)
    assert "\n  (a) Now;\n" in text and "\n(c)\\ Each panel will be co-chaired.\n" in text
    assert resodiff.read_text(text) == edited


def test_top_level_labels_read_back_where_no_sub_paragraph_contrasts_them() -> None:
    """DGACM's "(a)", "a)", "A.", "II." paragraphs in a resolution with no sub-paragraph: the
    escaped space that binds each label to its text says "a paragraph's number"."""
    base = read("1. *Approves* the budget:\n\n2. *Decides* so.\n")
    labelled = tuple(
        Paragraph("operative", num, (Text(f"Line {num};"),)) for num in ("(a)", "(b)", "a)", "A.", "II.", "(iv)")
    )
    edited = replace(base, operative=(base.operative[0], *labelled, base.operative[1]))
    text = to_text(edited)
    assert "\n(a)\\ Line (a);\n" in text and "\nII.\\ Line II.;\n" in text
    assert resodiff.read_text(text) == edited
    # without the mark, as a converter writes them, the labels are sub-paragraphs
    assert numbers(resodiff.read_text(text.replace("\\ ", " ")).operative)[0] == ("1.", ["(a)", "(b)", "a)", "A."])


def test_a_paragraph_that_ends_with_no_punctuation_is_finished_by_its_hard_break() -> None:
    """A paragraph ending "… 4 December 2020”" before "Taking note …", "Panel 1: …" before "Panel 2: …": the text form
    ends the first with a backslash, which the reader does not join across."""
    base = read("1. *Decides* so.\n")
    quoted = Paragraph("preamble", None, (Text("Recalling its resolution entitled “Special session”"),))
    noting = Paragraph("preamble", None, (Text("Taking note of the report,"),))
    panels = tuple(Paragraph("operative", None, (Text(f"Panel {n}: Health and trade"),)) for n in (1, 2))
    title = Paragraph("operative", None, (Text("Amendments to the terms of reference", bold=True),))
    edited = replace(base, preamble=(quoted, noting), operative=(*base.operative, *panels, title, base.operative[0]))
    text = to_text(edited)
    assert "“Special session”\\\n" in text and "Panel 1: Health and trade\\\n" in text
    assert "\nTaking note of the report,\n" in text  # finished: no mark
    assert resodiff.read_text(text) == edited
    # without the marks the reader joins them, as a paragraph cut by a page break
    joined = resodiff.read_text(text.replace("\\\n", "\n"))
    assert len(joined.preamble) == 1 and len(joined.operative) < len(edited.operative)


def test_an_operative_part_that_opens_unnumbered_follows_a_thematic_break() -> None:
    base = read("1. *Decides* so.\n")
    last = Paragraph("operative", None, (Text("Having further considered the note,"),))
    edited = replace(base, operative=(last, *base.operative))
    text = to_text(edited)
    assert "\n---\n\nHaving further considered the note,\n" in text
    assert resodiff.read_text(text) == edited
    assert len(resodiff.read_text(text.replace("---\n", "")).preamble) == 2  # the text shows no more


def test_where_no_label_is_indented_every_label_is_a_sub_paragraph() -> None:
    """A converter's text that does not indent sub-paragraphs: the labels cannot say more."""
    resolution = read("1. *Decides* to act:\n\n(a) Now;\n\n(b) Later;\n\n2. *Requests* a report.\n")
    assert numbers(resolution.operative) == [("1.", ["(a)", "(b)"]), ("2.", [])]


def test_an_upper_case_roman_label_is_a_sub_paragraph_only_where_indented() -> None:
    indented = read("1. *Decides*:\n\n  (a) Now;\n\n  II. Later;\n\nII. Health\n\n2. *Requests* a report.\n")
    assert numbers(indented.operative) == [("1.", ["(a)", "II."]), ("II.", []), ("2.", [])]
    flat = read("1. *Decides*:\n\n(a) Now;\n\nII. Health\n\n2. *Requests* a report.\n")
    assert [p.num for p in flat.operative] == ["1.", "2."]  # "II. Health": a heading
    assert flat.operative[1].sections[-1].heading == (Text("II. Health"),)


def test_a_line_back_at_the_margin_after_an_indented_sub_paragraph_starts_a_paragraph() -> None:
    resolution = read(
        "1. *Condemns*:\n\n  (a) The attacks;\n\n¹ A note.\n\nand demands accountability;\n\n2. *Decides* so.\n"
    )
    assert [p.text for p in resolution.operative] == [
        "Condemns:",
        "and demands accountability;",
        "Decides so.",
    ]


def test_a_label_after_a_paragraph_that_ends_with_a_full_stop_numbers_a_paragraph() -> None:
    resolution = read("1. *Decides* so.\n\n(b) The staff member shall be placed at the first step.\n")
    assert numbers(resolution.operative) == [("1.", []), ("(b)", [])]


def test_an_escaped_label_starts_a_paragraph_even_after_an_unfinished_one() -> None:
    base = read("1. *Decides* that a ship is sold:\n\n  (a) In a State Party; and\n")
    content = (Text("(b) The ship is in its territory."),)
    edited = replace(base, operative=(*base.operative, Paragraph("operative", None, content)))
    edited = replace(
        edited,
        operative=(replace(edited.operative[0], items=(Item("(a)", (Text("In a State Party; and"),)),)),)
        + edited.operative[1:],
    )
    assert "\n\\(b) The ship" in to_text(edited)
    assert resodiff.read_text(to_text(edited)) == edited


def test_a_number_alone_on_its_line_is_an_empty_paragraph() -> None:
    resolution = read("1.\n\nWe, the Heads of State, gathered here,\n\n2. *Decide* to act.\n")
    assert [(p.num, p.text) for p in resolution.operative] == [
        ("1.", ""),
        (None, "We, the Heads of State, gathered here,"),
        ("2.", "Decide to act."),
    ]
    assert "\n1.\n" in to_text(resolution)
    assert resodiff.read_text(to_text(resolution)) == resolution


def test_a_paragraph_number_after_a_table_goes_on_from_the_paragraphs() -> None:
    table = "| Section | Amount |\n|---|---|\n| 1 | 100 |\n"
    resolution = read(f"1. *Approves* the following:\n\n{table}\n2. *Decides* so.\n")
    assert [p.num for p in resolution.operative] == ["1.", None, "2."]


def test_a_quotation_that_ends_unfinished_before_a_numbered_paragraph_is_no_heading() -> None:
    quotation = '"Fostering a multilateral approach"'
    resolution = read(f"1. *Decides* that the theme will be:\n\n{quotation}\n\n2. *Decides* so.\n")
    assert [p.num for p in resolution.operative] == ["1.", None, "2."]


def test_a_line_all_in_bold_is_not_continued_by_a_sentence_that_follows() -> None:
    """Unfinished, it is the title of the paragraph after it; a paragraph all in bold where the
    text form's hard break finishes it (A/RES/79/144's annex title)."""
    body = "1. *Recalls* the statute:\n\n**Article 10** ¹{}\n\n¹ A note.\n\nThe Commission shall report.\n"
    titled = read(body.format(""))
    assert [p.text.strip() for p in titled.operative] == ["Recalls the statute:", "The Commission shall report."]
    assert plain_text(titled.operative[1].sections[-1].heading).strip() == "Article 10"
    resolution = read(body.format("\\"))
    texts = [p.text.strip() for p in resolution.operative]
    assert texts == ["Recalls the statute:", "Article 10", "The Commission shall report."]
    assert [note.marker for note in resolution.footnotes] == ["1"]


def test_a_line_that_ends_with_a_link_is_finished_by_the_link_s_words() -> None:
    recalling = "*Recalling* its resolutions [77/157 and 78/143,](#)"
    resolution = read(f"{recalling}\n\n*Noting* the report,\n\n1. *Decides* so.\n")
    assert len(resolution.preamble) == 3


def test_without_paragraph_numbers_a_quotation_does_not_end_the_preamble() -> None:
    resolution = read(
        "*Expressing* concern,\n\n*Decides* to request an advisory opinion on the following question:\n\n"
        '"Having particular regard to the Charter,\n\n(a) What are the obligations of States?"\n'
    )
    assert [p.text[:8] for p in resolution.preamble] == ["Recallin", "Expressi"]
    assert resolution.operative[0].text.startswith("Decides")


def test_the_number_of_an_emergency_special_session_s_resolution() -> None:
    text = HEAD.replace("79/1. A title", "ES-11/6. A title").replace("A/RES/79/1", "A/RES/ES-11/6")
    meta = resodiff.read_text(text + "1. *Decides* so.\n").meta
    assert (meta.number, meta.session, meta.symbol) == ("ES-11/6", 11, "A/RES/ES-11/6")


def test_a_line_all_in_italics_is_not_continued_by_a_sentence_that_follows() -> None:
    resolution = read("1. *Adopts* the model:\n\n*Issued in accordance with article 5*\n\nIt is certified that:\n")
    assert [p.text for p in resolution.operative] == [
        "Adopts the model:",
        "Issued in accordance with article 5",
        "It is certified that:",
    ]
