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
