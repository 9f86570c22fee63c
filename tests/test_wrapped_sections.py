"""Sections in plain ``pdftotext`` text, where no indent shows where paragraphs start: a
section's numeral after a full line, its unfinished title before the section's preamble, and
the section's unnumbered operative paragraph after it (the budget resolutions' shape)."""

from __future__ import annotations

import resodiff

HEAD = "A/RES/99/1\nGeneral Assembly\n99/1. Joint Inspection Unit\nThe General Assembly,\n"
#: lines as plain pdftotext writes them: the full ones hold 86 to 90 characters
LINES = [
    "Recalling its previous resolutions on the cooperation between the United Nations and the",
    "regional organizations, in particular those on peace and security and on development,",
    "Reaffirming the statute of the Unit and the unique role of the Unit as the only external",
    # a full line that ends with a comma, then the first section's numeral
    "and independent system-wide inspection, evaluation and investigation body of the system,",
    "I. Report of the Joint Inspection Unit",
    "Having considered the report of the Joint Inspection Unit for 2024 and the programme of",
    "work for 2025 and the note by the Secretary-General on the report of the Unit for 2024,",
    "1. Takes note with appreciation of the report of the Joint Inspection Unit for 2024 and of",
    "the programme of work for 2025, and of the note by the Secretary-General on the report;",
    "2. Approves the proposals of the Secretary-General for post and non-post resources and for",
    # a finished paragraph, then the next section's numeral and a title that a full line ends
    "the related activities of the Unit in the programme budget for 2025 and in later budgets;",
    "II. Review of consideration of and action taken on the reports and recommendations of the",
    "Joint Inspection Unit by the organizations of the United Nations system and its partners",
    "Having considered the note by the Secretary-General drawing attention to the report of the",
    "Unit entitled “Review of consideration of and action taken on the reports of the Unit”,",
    "Takes note of the notes by the Secretary-General.",
    "61st plenary meeting",
    "11 April 2025",
]


def test_sections_of_a_budget_resolution_in_plain_pdftotext() -> None:
    resolution = resodiff.read_text(HEAD + "\n".join(LINES) + "\n")
    assert [p.text.split()[0] for p in resolution.preamble] == ["Recalling", "Reaffirming"]
    assert [(p.num, p.text.split()[0], p.sections[0].num) for p in resolution.operative] == [
        ("1.", "Takes", "I"),
        ("2.", "Approves", "I"),
        (None, "Takes", "II"),
    ]
    # each section's own preamble is part of its heading, as DGACM marks it up
    assert [p.sections[1].heading[0].text.split()[0] for p in resolution.operative] == ["Having"] * 3


#: a section whose first lettered section's one-line title stands over the section's preamble,
#: then an unnumbered operative paragraph; a lettered section whose preamble is followed by
#: sub-headings before its numbered paragraphs
LETTERED = [
    "Recalling its previous resolutions on the conditions of service of the staff of the United",
    "Nations common system and on the work of the International Civil Service Commission,",
    "I. Conditions of service applicable to both categories of staff",
    "1. Takes note of the report of the Commission for 2024 and of the recommendations in it;",
    "II. Conditions of service of staff in the Professional and higher categories",
    "A. Base salary scale",
    "Recalling its resolution 44/198, by which it established a floor net salary level for staff",
    "in the Professional and higher categories by reference to the comparator civil service,",
    "Approves, with effect from 1 January 2025, as recommended by the Commission, the revised",
    "unified base salary scale for staff in the Professional and higher categories;",
    "B. Evolution of the margin around the desirable midpoint",
    "Recalling section I.B of its resolution 51/216 and the standing mandate from the General",
    "Assembly on the margin,",
    "Margin considerations",
    "Evolution of the margin",
    "2. Reaffirms that the range of 110 to 120 for the margin between the net remuneration of",
    "officials in the Professional and higher categories and the comparator shall continue.",
    "61st plenary meeting",
    "11 April 2025",
]


def test_a_lettered_section_s_title_and_preamble_under_a_numbered_section() -> None:
    resolution = resodiff.read_text(HEAD + "\n".join(LETTERED) + "\n")
    assert [p.text.split()[0] for p in resolution.preamble] == ["Recalling"]
    assert [(p.num, p.text.split()[0], [s.num for s in p.sections]) for p in resolution.operative] == [
        ("1.", "Takes", ["I"]),
        (None, "Approves,", ["II", "A", None]),
        ("2.", "Reaffirms", ["II", "B", None]),
    ]
    # each lettered section's own preamble is part of its heading, as DGACM marks it up
    headings = [p.sections[2].heading[0].text.split()[0] for p in resolution.operative[1:]]
    assert headings == ["Recalling", "Recalling"]


#: plain pdftotext lines of an invented annex: sub-headings at the margin, one printed as wide
#: as the body after a paragraph that ends with a colon, one after a clause
HEADED_CLAUSES = [
    "Recalling its previous resolutions on the cooperation between the United Nations and the",
    "regional organizations, in particular those on peace and security and on development,",
    "1. Adopts the commitments annexed to the present resolution, and decides to act on them.",
    "2. Requests the Secretary-General to report on the commitments at its next session.",
    "61st plenary meeting",
    "11 April 2025",
    "Annex",
    "1. We recognize that cooperation for development must grow to meet the needs of all the",
    "developing countries, and that it must be effective, inclusive and coherent in its aims.",
    "2. To increase volumes and enhance the allocation of international cooperation for growth:",
    "Official development assistance and the cooperation of the regional development banks",
    "(a) We reaffirm the importance of official development assistance to the countries that",
    "need it most, and we will meet our commitments to it;",
    "(b) We will help the poorest;",
    "Cooperation between the developing countries and the triangular partnerships of the banks",
    "(c) We welcome the contributions of the developing countries to the cooperation between",
    "them, and we will support it.",
]


def test_a_sub_heading_line_as_wide_as_the_body_over_a_list_s_clause() -> None:
    """A one-line unfinished block before the list's first label (after a paragraph that ends
    with a colon) or its next one is a sub-heading's line, though it seems full: a sentence
    that a reference to a clause goes on runs over full lines."""
    resolution = resodiff.read_text(HEAD + "\n".join(HEADED_CLAUSES) + "\n")
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["1.", "2.", "(a)", "(b)", "(c)"]
    assert [p.sections[-1].heading[0].text.split(" ")[0] for p in paragraphs[2:]] == [
        "Official",
        "Official",
        "Cooperation",
    ]
