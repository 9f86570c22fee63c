"""What hard-wrapped text (``pdftotext``, tests/converters.py) and text that does not indent its
labels say of a resolution's structure: lists that DGACM's markup does not nest, section headings
and a section's own preamble, headings of several short lines, a sub-paragraph's label inside its
list, one-letter compound halves, and plain-digit markers glued to a number. Each rule on both
sides: where the evidence says so, and where it does not."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import resodiff
from resodiff.ingest.hyphens import joins_compound
from resodiff.ingest.text import _JOIN_SPREAD, _at_join, _end_column, _prefix_columns
from resodiff.languages import language
from resodiff.model import Resolution, plain_text

from .converters import LAYOUTS, difference, fingerprint

HEAD = (
    "A/RES/77/1\n\nGeneral Assembly\n\nDistr.: General\n15 December 2022\n\n77/1. Cooperation between"
    " organizations\n\nThe General Assembly,\n\n"
)
CLOSING = "*52nd plenary meeting*\n*12 December 2022*\n"
#: preambular paragraphs long enough to be hard-wrapped over several lines each
PREAMBLE = "".join(
    f"*{opening}* its resolutions on cooperation between the United Nations and the regional organizations,"
    " in particular those on peace and security, on sustainable development and on the questions of"
    " disarmament and non-proliferation,\n\n"
    for opening in ("Recalling", "Recalling also", "Noting")
)
LONG = (
    "with due regard for the needs of the developing countries and the priorities that those countries"
    " attach to such areas, in order to enable them to develop their own policies freely"
)


def _round_trip(markdown: str, layout: str = "pdftotext") -> tuple[Resolution, Resolution]:
    """The resolution that ``markdown`` (the text form, with its marks) reads as, and that
    resolution written in ``layout`` and read back."""
    model = resodiff.read_text(HEAD + markdown)
    return model, resodiff.read_text(LAYOUTS[layout](model, 0))


@pytest.mark.parametrize("layout", ["pdftotext", "pdftotext-layout"])
def test_a_list_under_an_unnumbered_operative_paragraph_is_paragraphs(layout: str) -> None:
    """DGACM's 77/128 A: an operative part of one sentence, "Urges … :", and its clauses, each a
    paragraph numbered with its letter, the roman ones under the last nested in it."""
    markdown = (
        f"{PREAMBLE}---\n\n*Urges* all countries, organizations and others concerned, {LONG}:\n\n"
        f"(a)\\ To cooperate and interact {LONG};\n\n(b)\\ To ensure the free flow of information;\n\n"
        f"(c)\\ To provide all possible support, including:\n\n  (i) The development of resources {LONG};\n\n"
        f"  (ii) The creation of conditions {LONG}.\n\n{CLOSING}"
    )
    model, back = _round_trip(markdown, layout)
    assert [(p.num, [i.num for i in p.items]) for p in model.operative] == [
        (None, []),
        ("(a)", []),
        ("(b)", []),
        ("(c)", ["(i)", "(ii)"]),
    ]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_a_list_under_a_numbered_operative_paragraph_stays_its_list() -> None:
    markdown = f"{PREAMBLE}1. *Urges* all countries {LONG}:\n\n  (a) To cooperate {LONG};\n\n  (b) To act.\n\n{CLOSING}"
    model, back = _round_trip(markdown)
    assert [(p.num, [i.num for i in p.items]) for p in back.operative] == [("1.", ["(a)", "(b)"])]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_labels_that_say_their_level_keep_it_under_an_unnumbered_paragraph() -> None:
    """Indented labels (the text form's, the PDF reader's) are sub-paragraphs wherever they stand;
    and a preambular paragraph's list stays nested, as DGACM nests it."""
    text = f"{PREAMBLE}---\n\n*Urges* all countries:\n\n  (a) To cooperate;\n\n  (b) To act.\n\n{CLOSING}"
    resolution = resodiff.read_text(HEAD + text)
    assert [(p.num, [i.num for i in p.items]) for p in resolution.operative] == [(None, ["(a)", "(b)"])]
    preamble = resodiff.read_text(
        HEAD + "*Recalling* its decisions:\n\n(a) On trade;\n\n(b) On aid,\n\n1. *Decides* so.\n"
    )
    assert [i.num for i in preamble.preamble[0].items] == ["(a)", "(b)"]


@pytest.mark.parametrize("layout", ["pdftotext", "plain-notes"])
def test_an_annex_s_lettered_clauses_are_paragraphs_that_keep_their_label(layout: str) -> None:
    """DGACM's 77/5: an annex's "(a) …" clauses are unnumbered paragraphs whose text opens with the label."""
    markdown = (
        f"{PREAMBLE}1. *Decides* that the meetings shall be held as set out in the annex.\n\n{CLOSING}\n"
        f"# Annex\n\n1. Four plenary meetings of the General Assembly shall be held as follows:\n\n"
        f"\\(a) Two plenary meetings {LONG};\n\n\\(b) Two plenary meetings on 9 December 2022.\n\n"
        "2. Statements shall be limited to ten minutes.\n"
    )
    model, back = _round_trip(markdown, layout)
    assert [plain_text(p.content)[:3] for p in model.annexes[0].paragraphs] == ["Fou", "(a)", "(b)", "Sta"]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_an_annex_s_indented_sub_paragraphs_stay_sub_paragraphs() -> None:
    annexed = "# Annex\n\n1. Meetings shall be held:\n\n  (a) On Monday;\n\n  (b) On Tuesday.\n"
    text = f"{PREAMBLE}1. *Decides* so.\n\n{CLOSING}\n{annexed}"
    annex = resodiff.read_text(HEAD + text).annexes[0]
    assert [(p.num, [i.num for i in p.items]) for p in annex.paragraphs] == [("1.", ["(a)", "(b)"])]


SECTIONS = (
    "# I. Revised estimates on food insecurity\n\n"
    "## *Recalling* its resolution 77/3 of 27 October 2022,\n\n"
    f"## *Having considered* the report of the Secretary-General {LONG},\n\n"
    f"1. *Takes note* of the report {LONG};\n\n2. *Endorses* the conclusions and recommendations {LONG};\n\n"
    "# II. Report on the use of the 2022 subvention\n\n"
    f"## *Recalling* section IV of its resolution 75/253 B {LONG},\n\n"
    f"1. *Welcomes* the provision of funding {LONG};\n\n"
    "# III. Strategic heritage plan\n\n"
    f"## *Having considered* the report {LONG},\n\n*Takes note* of the revised estimates {LONG};\n\n"
)


def test_a_section_s_heading_and_its_own_preamble_are_read_as_headings() -> None:
    """DGACM's budget resolutions (77/259, 77/263): a roman heading, then the section's preambular
    paragraphs, which it marks up as part of the heading, then its operative paragraphs (numbered
    from 1, or one that opens as operative paragraphs do)."""
    model, back = _round_trip(SECTIONS + CLOSING)
    assert back.preamble == ()
    assert [p.num for p in back.operative] == ["1.", "2.", "1.", None]
    assert [p.sections[0].num for p in back.operative] == ["I", "I", "II", "III"]
    assert difference(fingerprint(model), fingerprint(back)) is None


def test_paragraphs_that_end_with_a_comma_before_a_paragraph_that_is_not_operative_stay() -> None:
    """Under a section's heading, comma-ended paragraphs not followed by the section's operative
    paragraphs are paragraphs (here, of an annex: its own preamble follows its title)."""
    markdown = (
        f"{PREAMBLE}1. *Adopts* the declaration annexed to the present resolution.\n\n{CLOSING}\n"
        "# Annex\n\n## I. Political declaration of the high-level meeting\n\n"
        f"*Recalling* its resolution 77/3 {LONG},\n\n*Noting* the reports {LONG},\n\n"
        f"1. We reaffirm our commitment {LONG}.\n"
    )
    model, back = _round_trip(markdown)
    assert [p.num for p in back.annexes[0].paragraphs] == [None, None, "1."]
    assert difference(fingerprint(model), fingerprint(back)) is None


#: hard-wrapped lines (pdftotext's): a preamble, then numbered paragraphs under headings
_BUDGET = [
    "Recalling its resolutions on the programme budget of the United Nations for the biennium,",
    "in particular its resolutions on the programme budget for 2022 and on special subjects,",
    "Having considered the proposed programme budget for 2023 and the related reports of the",
    "Advisory Committee on Administrative and Budgetary Questions and of the Secretariat,",
    "1. Decides that the staffing table for 2023 shall be as set out in the annex to the present",
    "resolution;",
]
_PARAGRAPH = [
    "2. Takes note of paragraph I.7 of the report of the Advisory Committee on Administrative and",
    "Budgetary Questions and requests the Secretary-General to report thereon at its next session;",
]


def test_a_run_of_short_heading_lines_is_one_heading_up_to_four_lines() -> None:
    """77/262: "Part I" / its title / "Section 1" / its title, each a short line before a paragraph."""
    heading = ["Part I", "Overall policymaking, direction and coordination", "Section 1", "Policymaking organs"]
    body = HEAD.replace("\n\n", "\n") + "\n".join([*_BUDGET, *heading, *_PARAGRAPH]) + "\n"
    resolution = resodiff.read_text(body)
    assert [p.num for p in resolution.operative] == ["1.", "2."]
    assert resolution.operative[1].sections[-1].label.startswith("Part I")
    # five short lines are no heading of five lines: the first is left a paragraph
    five = body.replace("Part I\n", "Part I\nBudget\n")
    assert [p.num for p in resodiff.read_text(five).operative] == ["1.", None, "2."]


@pytest.mark.parametrize(
    ("left", "right", "code", "compound"),
    [
        ("à", "dire", "fra", True),  # the lexicon writes "c'est-à-dire"
        ("l", "and", "eng", False),  # one letter: only the lexicon tells
        ("e", "nsure", "eng", False),
    ],
)
def test_a_one_letter_half_of_a_joined_word_is_a_compound_s_only_by_the_lexicon(
    left: str, right: str, code: str, compound: bool
) -> None:
    assert joins_compound(left, right, vocabulary={"land", "ensure"}, hyphenated=set(), lang=language(code)) is compound


def _plain(body: str) -> Resolution:
    return resodiff.read_text(HEAD + body)


def test_a_marker_glued_to_a_number_is_read_where_no_other_place_may_be_it() -> None:
    resolution = _plain(
        "Recalling the Rio Declaration4 and Agenda 215 and the Programme for the Further Implementation,\n\n"
        "4 A/CONF.151/26/Rev.1 (Vol. I).\n\n5 Ibid., annex II.\n\n1. *Decides* so.\n"
    )
    text = plain_text(resolution.preamble[0].content)
    assert "Agenda 21 and" in text and [n.marker for n in resolution.footnotes] == ["4", "5"]


@pytest.mark.parametrize(
    "written",
    [
        "Agenda 215 and resolution 75 of 2015",  # two numbers end with 5: neither is sure
        "the 2015 Agenda",  # a year is no "201⁵"
        "items 45.5 and more",  # a decimal is one number
    ],
)
def test_a_number_ending_with_the_next_marker_s_digits_is_no_marker_where_that_is_unsure(written: str) -> None:
    resolution = _plain(
        f"Recalling the Rio Declaration4 and {written},\n\n4 A/CONF.151/26.\n\n5 Ibid., annex II.\n\n1. *Decides* so.\n"
    )
    assert written in plain_text(resolution.preamble[0].content)


def test_a_label_goes_on_with_its_list_after_an_unnumbered_paragraph_inside_it() -> None:
    """77/274: "(b) … themes:" / "Panel 1: …" / "Panel 2: …" / "(c) …", the "(c)" put first on a
    line after a full one (two printed lines that pdftotext joined at a hyphen), where a label
    outside its list's sequence would be a quotation's (the other side:
    ``test_a_label_that_the_wrap_put_first_is_a_label_only_in_its_sequence``)."""
    lines = [
        *_BUDGET[:4],
        "1. Decides that the organizational arrangements for the two multi-stakeholder panels will be",
        "as follows:",
        "(a) Two multi-stakeholder panels will be held in parallel to the plenary segment, on the",
        "morning of the high-level meeting;",
        "(b) The multi-stakeholder panels will address the following themes:",
        "Panel 1: Accelerating multisectoral actions;",
        "Panel 2: Scaling up adequate and sustainable national, regional and international financing for the "
        "response to tuberculosis and for researchdevelopment of new tools, vaccines and medicines;",
        "(c) Each of the two multi-stakeholder panels will be co-chaired by two representatives, one",
        "from a country with a high burden of the disease and one from a country with a low one;",
        "(d) The President of the General Assembly may invite parliamentarians.",
        "2. Requests the Secretary-General to submit a report on the high-level meeting to the",
        "General Assembly at its seventy-eighth session.",
    ]
    resolution = resodiff.read_text(HEAD.replace("\n\n", "\n") + "\n".join(lines) + "\n")
    assert [(p.num, [i.num for i in p.items]) for p in resolution.operative] == [
        ("1.", ["(a)", "(b)"]),
        (None, []),
        (None, []),
        ("(c)", []),
        ("(d)", []),
        ("2.", []),
    ]


_NOTING = (
    "Noting the importance of the wellbeing of children and of their families for the peaceful and inclusive"
    " societies that the regional organizations and the United Nations promote together,"
)
_WELL = [
    "Recalling its resolutions on the cooperation between the United Nations and the regional",
    "organizations, in particular those on peace and security and on sustainable development,",
    _NOTING,
    "Recalling also its resolutions on the social development of the member States of the two",
    "organizations, in particular those on education, health care and the rights of children,",
    "1. Stresses the importance of the social and economic development of children and of their",
    # two printed lines that pdftotext joined where the first ended with "well-"
    "families, in particular the most vulnerable among them, and of their social and economic wellbeing,"
    " health and safety for peaceful and inclusive societies, and of the participation",
    "of children in the decisions that affect their lives;",
]


@pytest.mark.parametrize(
    ("noting", "written"), [(_NOTING, "wellbeing"), (_NOTING.replace("wellbeing", "health"), "well-being")]
)
def test_a_word_inside_a_joined_line_away_from_its_joins_says_how_the_document_writes_it(
    noting: str, written: str
) -> None:
    """Session 79 writes ``wellbeing``, session 77's lexicon ``well-being``: where pdftotext joined
    ``well-`` / ``being`` at a line's end, the word written so in the middle of another line
    (one that pdftotext joined too, away from where its printed lines ended) tells; without it,
    the lexicon does."""
    lines = [*_WELL[:2], noting, *_WELL[3:]]
    resolution = resodiff.read_text(HEAD.replace("\n\n", "\n") + "\n".join(lines) + "\n")
    assert f"economic {written}," in resolution.operative[0].text


#: characters of each width class the estimate knows: narrow, wide, figures, full-width, spaces
_WIDTH_CLASSES = list(" \u00a0.,;:'’!|ijltfr()[]/-abcdeMWmw0123456789ABCÉéœ中文。，\u3000（）Ａ")


@given(st.lists(st.sampled_from(_WIDTH_CLASSES), max_size=60).map("".join))
@example("\u00a000      0")  # 7.5 columns, which a sum of float weights made 7.4999…
def test_the_width_of_every_prefix_in_one_pass_is_the_width_of_each(line: str) -> None:
    """The joined lines' scan measures every prefix at once; it must agree with the estimate
    that measures one line (two implementations of one estimate, for speed)."""
    assert _prefix_columns(line) == [_end_column(line[:end]) for end in range(len(line) + 1)]


@given(st.integers(1, 150), st.integers(0, 5000), st.integers(0, 40))
def test_a_join_is_found_without_trying_every_line_end(width: int, start: int, length: int) -> None:
    """A word stands at a join when some k-th printed line ends where it does (each line up to
    the spread short of the width); the reader finds the one k to try instead of trying all of
    them, which made every word of a long joined line cost as many tries as the line has ends."""
    end = start + length
    spread = _JOIN_SPREAD * width
    anywhere = any(
        k * width - (k - 1) * spread <= end + spread and start - spread <= k * width for k in range(1, end // width + 2)
    )
    assert _at_join(start, end, width) == anywhere


def test_an_annex_heading_that_opens_a_page_in_each_annex_is_no_running_header() -> None:
    """Each annex opens a page with its heading ("Annex"), so a document with two writes it at a
    page's top twice, as a running header repeats; it is the document's heading all the same
    (WeasyPrint's 79/243 through ``pdftotext -layout`` was refused: text after the closing)."""
    resolution_page = (
        "A/RES/99/1\n\nGeneral Assembly\n\n99/1. Cooperation between the two organizations\n\n"
        "The General Assembly,\n\n"
        "Noting that the two organizations held meetings at the highest level during the period,\n"
        "1. Adopts the two instruments annexed to the present resolution.\n"
        "45th plenary meeting\n1 December 2099\n\n99-12345\f"
    )
    annex_page = (
        "A/RES/99/1\n\n\n\n                                   Annex\n\n"
        "                          {title}\n\n"
        "1. The parties shall cooperate in full respect of the {body}.\n\n"
        "99-12345\f"
    )
    instruments = (("First instrument", "Charter of the United Nations"), ("Second one", "principles of cooperation"))
    text = resolution_page + "".join(annex_page.format(title=title, body=body) for title, body in instruments)
    resolution = resodiff.read_text(text)
    assert len(resolution.annexes) == 2
