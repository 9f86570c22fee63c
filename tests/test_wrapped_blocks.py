"""Where paragraphs and sub-paragraphs of hard-wrapped text (``pdftotext``, tests/converters.py)
begin and end: the width that the lines a sentence goes on after show, a series of entries
after a colon, lettered sections that DGACM marks up as paragraphs, a lettered section's title
that fills its line, a list's next label after printed lines that pdftotext joined, and a
paragraph that lost its final punctuation after a quotation. The texts are invented."""

from __future__ import annotations

from collections import Counter

import pytest

import resodiff
from resodiff.ingest.text import _end_column, _full_width, _wrapped_width
from resodiff.model import Resolution

from .converters import LAYOUTS, difference, fingerprint

HEAD = (
    "A/RES/77/1\n\nGeneral Assembly\n\nDistr.: General\n15 December 2022\n\n77/1. Cooperation between"
    " organizations\n\nThe General Assembly,\n\n"
)
CLOSING = "*52nd plenary meeting*\n*12 December 2022*\n"
LONG = (
    "with due regard for the needs of the developing countries and the priorities that those countries"
    " attach to such areas, in order to enable them to develop their own policies freely"
)
#: hard-wrapped lines as plain pdftotext writes them (full ones hold 86 to 90 characters)
PLAIN_HEAD = "A/RES/99/1\nGeneral Assembly\n99/1. United Nations common system\nThe General Assembly,\n"
PLAIN_PREAMBLE = [
    "Recalling its previous resolutions on the cooperation between the United Nations and the",
    "regional organizations, in particular those on peace and security and on development,",
    "Reaffirming the statute of the Commission and its central role in the regulation and the",
    "coordination of the conditions of service of the United Nations common system of salaries,",
]
PLAIN_CLOSING = ["61st plenary meeting", "11 April 2025"]
PREAMBLE_TEXT = f"*Recalling* its resolution 77/3 {LONG},\n\n"


def _round_trip(markdown: str, layout: str) -> tuple[Resolution, Resolution]:
    model = resodiff.read_text(HEAD + markdown)
    return model, resodiff.read_text(LAYOUTS[layout](model, 0))


def _plain(lines: list[str]) -> Resolution:
    return resodiff.read_text(PLAIN_HEAD + "\n".join([*PLAIN_PREAMBLE, *lines, *PLAIN_CLOSING]) + "\n")


def test_the_width_is_where_lines_end_that_a_sentence_goes_on_after() -> None:
    """77/328: a short resolution of short lines (a schedule) and few full ones: the densest line
    ends are the short lines', and the full lines, which a lower-case line continues, show the
    width. Where few of those end beyond the estimate (lines that pdftotext joined), it stands."""
    full = "held in Antigua and Barbuda on dates in 2024 to be determined separately and that the"
    lines = [full, "conference would consist of an opening", full, "and five interactive dialogues,"]
    lines += [f"{day}, 27 May: from 9 a.m. to 1 p.m. and from 3 to 6 p.m.;" for day in ("Monday", "Tuesday")] * 4
    columns = [_end_column(line) for line in lines]
    prose = list(range(len(lines)))
    estimate = _full_width(Counter(columns))
    assert estimate < _end_column(full)
    assert _wrapped_width(lines, prose, columns, estimate) == _end_column(full)
    joined = full + " conference"
    lines = [full, "and so on,", full, "and so on,", full, "and so on,", joined, "and so on,"]
    columns = [_end_column(line) for line in lines]
    prose = list(range(len(lines)))
    assert _wrapped_width(lines, prose, columns, _end_column(full)) == _end_column(full)


@pytest.mark.parametrize("layout", ["pdftotext", "pdftotext-layout"])
def test_a_series_of_entries_after_a_colon_is_a_series_of_paragraphs(layout: str) -> None:
    """Unnumbered paragraphs that a colon announces, each opening with an entry of one shape
    (``Monday, 27 May:``): the first words of a line that a short line leaves in doubt open a
    paragraph where the next or the last paragraph opens with such an entry."""
    entries = [
        "Monday, 27 May: from 10 a.m. to 1 p.m., including an opening segment from 10 to 11 a.m., and from 3 to 6;",
        "Tuesday, 28 May: from 9 a.m. to 1 p.m. and from 3 to 6 p.m.;",
        "Wednesday, 29 May: from 9 a.m. to 1 p.m. and from 3 to 6 p.m.;",
        "Thursday, 30 May: from 9 a.m. to 12 p.m. and from 2 to 5 p.m., including a closing segment;",
    ]
    markdown = (
        "*Recalling* its resolution 76/203 of 17 December 2021, and the decision of the preparatory committee"
        " that the conference would consist of an opening and a closing, six plenary meetings and five dialogues,\n\n"
        "1. *Decides* that the conference shall be held from 27 to 30 May 2024;\n\n"
        "2. *Further decides* that the plenary meetings will be held as follows:\n\n"
        + "".join(f"{entry}\n\n" for entry in entries)
        + "3. *Decides* that the interactive dialogues will be held as follows:\n\n"
        + "".join(f"{entry}\n\n" for entry in entries[1:3])
        + "Thursday, 30 May: from 11 a.m. to 1 p.m.\n\n"
        + CLOSING
    )
    model, back = _round_trip(markdown, layout)
    assert [p.num for p in model.operative] == ["1.", "2.", None, None, None, None, "3.", None, None, None]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_a_lettered_section_marked_up_as_a_paragraph_numbers_it() -> None:
    """77/256, 79/253: DGACM marks up some lettered sections as paragraphs numbered ``C.``, after
    a paragraph that ends with a semicolon or after a table; no list opens there (``A.`` would),
    and the section numbers its paragraphs from 1 again, though its title fills the line."""
    resolution = _plain(
        [
            "4. Notes the decision of the Commission to continue monitoring the level of the margin and",
            "to take the necessary corrective action should the trigger levels be breached at any time;",
            "C. Children’s and secondary dependants’ allowances and the related education allowances",
            "1. Invites the Commission to further refine the structure of the children’s allowances;",
            "2. Approves the changes to the staffing table as set out in the table below:",
            "| Action | Post | Number |",
            "|---|---|---|",
            "| Establishment | Programme Management Officer | 1 |",
            "D. Pension Administration",
            "| Action | Post | Number |",
            "|---|---|---|",
            "| Redeployment | Communications Officer | 1 |",
        ]
    )
    assert [p.num for p in resolution.operative] == ["4.", "C.", "1.", "2.", None, "D.", None]
    # a list still opens at its first label, and goes on at its next
    listed = _plain(
        [
            "1. Decides that the sections of the programme budget for 2025 shall be as follows:",
            "A. Secretariat of the Pension Board;",
            "B. Pension Administration;",
            "C. Office of Investment Management.",
        ]
    )
    assert [(p.num, [item.num for item in p.items]) for p in listed.operative] == [("1.", ["A.", "B.", "C."])]


@pytest.mark.parametrize("layout", ["pdftotext", "pdftotext-layout"])
def test_a_lettered_section_s_title_that_fills_its_line_ends_before_its_preamble(layout: str) -> None:
    """79/252: a lettered section's title as long as a full line, then its own preamble
    (``Recalling …,``), which DGACM marks up as part of its heading, then its paragraphs. (The
    text form writes the label of DGACM's lettered headings with its number's dot, ``B..``.)"""
    markdown = (
        f"*Recalling* its resolution 77/3 {LONG},\n\n1. *Takes note* of the report {LONG};\n\n"
        "# I. Conditions of service of staff in the Professional and higher categories\n\n"
        "## A.. Base/floor salary scale\n\n"
        f"## *Recalling* its resolution 44/198 {LONG},\n\n"
        f"*Approves*, with effect from 1 January 2025, the revised unified base/floor scale {LONG};\n\n"
        "## B.. Evolution of the United Nations/United States net remuneration margin and its management\n\n"
        f"## *Recalling* section I.B of its resolution 51/216 {LONG},\n\n"
        f"1. *Reaffirms* that the range of 110 to 120 for the margin should continue to apply {LONG};\n\n" + CLOSING
    )
    model, back = _round_trip(markdown, layout)
    assert [p.num for p in model.operative] == ["1.", None, "1."]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_a_series_and_a_list_go_on_after_an_unfinished_entry() -> None:
    """79/333: ``Panel 1: …`` (unfinished, its second line in doubt) then ``Panel 2: …``, a line
    that pdftotext joined at a hyphen, then the list's next label ``(c)``."""
    resolution = _plain(
        [
            "1. Decides that the organizational arrangements for the multi-stakeholder panels will be:",
            "(a) Two multi-stakeholder panels will be held in parallel to the plenary segment;",
            "(b) The multi-stakeholder panels will address the following themes, among others:",
            "Panel 1: The world together: multilateral action for coordinated pandemic prevention,",
            "preparedness and response, including sharing of best practices and lessons learnt so far",
            "Panel 2: Equitable access through sustainability and predictability: capacities and"
            " financing for strengthened pandemic prevention, preparedness and response",
            "(c) Each of the two multi-stakeholder panels will be co-chaired by two representatives;",
        ]
    )
    assert [(p.num, p.text.split(":")[0], [i.num for i in p.items]) for p in resolution.operative] == [
        ("1.", "Decides that the organizational arrangements for the multi-stakeholder panels will be", ["(a)", "(b)"]),
        (None, "Panel 1", []),
        (None, "Panel 2", []),
        ("(c)", "Each of the two multi-stakeholder panels will be co-chaired by two representatives;", []),
    ]


@pytest.mark.parametrize("layout", ["pdftotext", "pdftotext-layout"])
def test_a_paragraph_that_lost_its_comma_after_a_quotation_ends_there(layout: str) -> None:
    """79/333: DGACM's preambular paragraph ending with a quotation and no comma: the next
    paragraph opens capitalised with a preambular opening, as no sentence goes on, and the
    paragraph of several lines that opens so is no heading."""
    markdown = (
        f"*Recalling* its resolution 75/27 {LONG},\n\n"
        "*Recalling also* its resolution 75/4 of 5 November 2020, entitled “Special session of the General"
        " Assembly in response to the pandemic”, by which a special session of the General Assembly in response"
        " to the pandemic at the level of Heads of State and Government was held on 3 and 4 December 2020”\\\n\n"
        f"*Taking note* of resolution 77.17 of 1 June 2024, adopted by the World Health Assembly {LONG},\n\n"
        f"1. *Decides* to convene a high-level meeting {LONG};\n\n" + CLOSING
    )
    model, back = _round_trip(markdown, layout)
    assert [p.text.split()[0] for p in model.preamble] == ["Recalling", "Recalling", "Taking"]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_a_roman_section_s_title_may_end_with_a_guillemet() -> None:
    """79/258 French: ``X. Prévisions … intitulée « Le Pacte pour l'avenir »``, then the section's
    preamble and paragraphs: a title, though a closing guillemet ends its line."""
    text = (
        "A/RES/99/1\nAssemblée générale\n99/1. Questions relatives au budget-programme\n"
        "L’Assemblée générale,\n"
        "Rappelant ses résolutions antérieures sur le budget-programme de l’Organisation des Nations\n"
        "Unies et sur les questions spéciales relatives au budget-programme pour l’exercice 2025,\n"
        "Ayant examiné le projet de budget-programme pour 2025 et les rapports correspondants du\n"
        "Comité consultatif pour les questions administratives et budgétaires et du Secrétariat,\n"
        "1. Approuve l’ouverture de crédits supplémentaires d’un montant de 1 430 400 dollars au\n"
        "titre du chapitre 36 du projet de budget-programme pour 2025, à compenser par l’inscription ;\n"
        "X. Prévisions budgétaires révisées comme suite à la résolution 79/1 de l’Assemblée\n"
        "générale, intitulée « Le Pacte pour l’avenir »\n"
        "Ayant examiné le rapport du Secrétaire général et le rapport correspondant du Comité\n"
        "consultatif,\n"
        "1. Prend acte du rapport du Secrétaire général ;\n"
        "2. Souscrit aux conclusions et recommandations que le Comité consultatif a formulées.\n"
        "61e séance plénière\n11 avril 2025\n"
    )
    resolution = resodiff.read_text(text)
    assert [(p.num, p.sections[0].num if p.sections else None) for p in resolution.operative] == [
        ("1.", None),
        ("1.", "X"),
        ("2.", "X"),
    ]


def test_an_indented_capital_letter_s_label_stays_a_sub_paragraph() -> None:
    """79/1: the text form indents a sub-paragraph's label, which says its level whatever the
    letter (DGACM's ``V.`` after ``(b)``): no paragraph is read from it."""
    resolution = resodiff.read_text(
        HEAD
        + f"{PREAMBLE_TEXT}1. *Decides* to act:\n\n  (a) On trade;\n\n  (b) On aid;\n\n  V. On governance.\n\n{CLOSING}"
    )
    assert [(p.num, [i.num for i in p.items]) for p in resolution.operative] == [("1.", ["(a)", "(b)", "V."])]


def test_a_numbered_paragraph_or_its_sub_paragraph_does_not_end_with_a_comma() -> None:
    """A justified line of narrow letters that ends with a comma is estimated short, and the
    next line's first word seems to have fitted; but a numbered paragraph, and an operative
    paragraph's sub-paragraph, end with a full stop, a semicolon or a colon: a line in lower
    case after the comma goes on."""
    resolution = _plain(
        [
            "1. Urges all States to take all necessary measures to ensure that their institutions act,",
            "in all circumstances, with full regard for the rights of the persons in their care and",
            "with little delay, for all of it, until it is all fulfilled, as it is lawful and right,",
            "as the circumstances of the conflicts in which those institutions act require of them;",
            "2. Calls upon all States:",
            "(a) To ensure the protection of all persons, to conduct prompt and full investigations",
            "into all killings, in full respect for the rule of law, till it is all lit, at all times,",
            "in all places and without any distinction as to the persons that the killings aimed at;",
            "(b) To report on it.",
        ]
    )
    assert [(p.num, [i.num for i in p.items]) for p in resolution.operative] == [("1.", []), ("2.", ["(a)", "(b)"])]
    assert resolution.operative[0].text.endswith("require of them;")
    assert resolution.operative[1].items[0].text.endswith("aimed at;")


def test_a_line_in_lower_case_opens_no_paragraph_where_the_language_opens_them_with_capitals() -> None:
    """A justified line of narrow letters is estimated short, and the next line's first word
    seems to have fitted after its final comma; English paragraphs open with a capital, so a
    line in lower case goes on (Russian ones open in lower case: there the width decides)."""
    resolution = _plain(
        [
            "Having considered all its reports, in full, in the light of its still little filled list of",
            "tasks, its activities, its staff, its offices, its filled list, its role, in full, if fit,",
            "the report of the Informal Process on Oceans and the Law of the Sea on the work of its",
            "meeting, and the report of the Commission on the Limits of the Continental Shelf,",
            "1. Reaffirms the unified character of the Convention and the vital importance of its text;",
        ]
    )
    assert len(resolution.preamble) == 3
    assert resolution.preamble[2].text.endswith("Continental Shelf,")


def test_a_sub_paragraph_s_unfinished_first_line_leaves_a_doubt_that_its_words_settle() -> None:
    """How narrow a label and its tab printed a sub-paragraph's first line the text does not
    show (the deeper the list, the narrower): a capitalised word that would have fitted after
    its unfinished first line goes on the sub-paragraph, whose lines are as narrow as its own,
    and after a comma in lower case as well."""
    resolution = _plain(
        [
            "2. Expresses its very serious concern about the persistence of violations, including:",
            "(i) The situation of refugees expelled to the",
            "Republic of Utopia, where the Government exerts pressure on States to effect",
            "such returns, and in this regard urges all States to respect the principle of",
            "non-refoulement, as well as their obligations under the international law,",
            "including where the Government exerts pressure on returning States, and urges",
            "States parties to comply with their obligations under the Convention on the",
            "Status of Refugees in relation to refugees covered by those instruments;",
            "(ii) Violations of the rights of workers.",
        ]
    )
    [paragraph] = resolution.operative
    assert [(i.num, i.text[-20:]) for i in paragraph.items] == [
        ("(i)", "y those instruments;"),
        ("(ii)", "e rights of workers."),
    ]


def test_a_figure_in_groups_and_a_resolution_s_year_wrap_whole_in_french() -> None:
    """French binds a figure's groups of three (CLDR's group separator is a no-break space), a
    number to the word after it (``272,2 millions``, ``1er novembre``) and a resolution's number
    to its year (``2462 (2019)``): pdftotext writes the no-break spaces as spaces, and the figure's first
    group alone would have fitted on the line before, the whole would not."""
    text = (
        "A/RES/99/1\nAssemblée générale\n99/1. Questions relatives au budget-programme\n"
        "L’Assemblée générale,\n"
        "Rappelant ses résolutions antérieures sur le budget-programme de l’Organisation des Nations\n"
        "Unies et sur les questions spéciales relatives au budget-programme pour l’exercice 2025,\n"
        "Ayant examiné le projet de budget-programme pour 2025 et les rapports correspondants du\n"
        "Comité consultatif pour les questions administratives, réunis les 31 octobre et\n"
        "1er novembre 2024,\n"
        "1. Décide qu’il sera déduit des sommes réparties la part de chaque État du montant\n"
        "16 662 000 dollars qui sera inscrit au Fonds de péréquation, et de la somme\n"
        "272,2 millions de dollars, conformément aux résolutions 2368 (2017) et\n"
        "2462 (2019) et 2482 (2019) du Conseil de sécurité, à compenser par une inscription ;\n"
        "2. Souscrit aux conclusions et recommandations que le Comité consultatif a formulées.\n"
        "61e séance plénière\n11 avril 2025\n"
    )
    resolution = resodiff.read_text(text)
    assert [p.num for p in resolution.operative] == ["1.", "2."]
    assert resolution.preamble[-1].text.endswith("31 octobre et 1er novembre 2024,")


def test_notes_that_open_in_lower_case_after_a_table_stay_apart() -> None:
    """A table's notes open with their letters (``a See …``, ``b Reflects …``): where a
    paragraph itself opens in lower case, the next line in lower case may open one too."""
    resolution = _plain(
        [
            "1. Decides to appropriate the amounts set out in the table below:",
            "| Item | Amount |",
            "|---|---|",
            "| Posts | 23 999 350 |",
            "a See A/79/555.",
            "b Reflects amounts after recosting.",
        ]
    )
    assert [p.text for p in resolution.operative][-2:] == ["a See A/79/555.", "b Reflects amounts after recosting."]
