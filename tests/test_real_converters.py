"""The text reader on what real converters give: poppler's ``pdftotext`` (plain and ``-layout``)
of PDFs printed as the UN prints them (tests/pdfgen.py), and the rules that such text needs, one
by one (benchmarks/real_converters.py measures them over the corpus)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

import resodiff
from resodiff.model import footnotes_in

from .conftest import SEED, needs_office
from .pdfgen import available, make_pdfs
from .test_converters import PARAGRAPHS, _hard_wrapped, _read

PDFTOTEXT = shutil.which("pdftotext")


def test_a_full_footnote_line_goes_on_over_one_blank_line() -> None:
    # pdftotext puts a blank line between the lines of a footnote set in a smaller type; a
    # footnote's line as long as the body's longest was ended by the wrap, not by the footnote
    body = _hard_wrapped(PARAGRAPHS[:2]).replace("1982,", "1982,¹", 1)
    note = "¹ Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995, chap."
    resolution = _read(f"{body}{note}\n\nI, resolution 1, annexes I and II.\n\n2/6\f1. Décide de rester saisie.\n")
    assert len(resolution.preamble) == 2
    [footnote] = footnotes_in(resolution.preamble[0].content)
    assert footnote.text.endswith("chap. I, resolution 1, annexes I and II.")


def test_a_short_footnote_line_ends_its_footnote_at_a_blank_line() -> None:
    body = _hard_wrapped(PARAGRAPHS[:2]).replace("1982,", "1982,¹", 1)
    resolution = _read(f"{body}¹ A/79/302.\n\nNotant que les deux organisations se sont réunies,\n")
    [footnote] = footnotes_in(resolution.preamble[0].content)
    assert footnote.text == "A/79/302."
    assert resolution.preamble[-1].text == "Notant que les deux organisations se sont réunies,"


@needs_office
@pytest.mark.slow
@pytest.mark.parametrize("options", [(), ("-layout",)], ids=["pdftotext", "pdftotext-layout"])
def test_the_seed_printed_by_weasyprint_reads_back_through_pdftotext(tmp_path: Path, options: tuple[str, ...]) -> None:
    if PDFTOTEXT is None:
        pytest.skip("poppler's pdftotext is not installed (Debian: poppler-utils)")
    if not available("weasyprint"):
        pytest.skip("WeasyPrint (with Pango) is not installed")
    seed = resodiff.read(SEED)
    [pdf] = make_pdfs("weasyprint", [(seed, tmp_path / "seed.pdf")])
    done = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", *options, str(pdf), "-"], capture_output=True, check=True)
    back = resodiff.read_text(done.stdout.decode("utf-8"))
    assert (len(back.preamble), len(back.operative)) == (29, 30)
    placed = [note for paragraph in back.preamble + back.operative for note in footnotes_in(paragraph.content)]
    assert len(placed) == 6 and back.unplaced_footnotes == ()
    assert resodiff.diff(seed, back).verdict == "identical"


def test_an_opening_guillemet_and_its_first_word_wrap_together() -> None:
    # "« Transformer" is bound by a no-break space that pdftotext writes as a space: the "«" alone
    # would have fitted on the line before, the two together would not
    quoted = [
        "Réaffirmant sa résolution 70/1 du 25 septembre 2015, intitulée",
        "« Transformer notre monde : le Programme de développement durable à l’horizon 2030 »,",
    ]
    text = _hard_wrapped(PARAGRAPHS[:2]) + "\n".join(quoted) + "\n" + _hard_wrapped(PARAGRAPHS[2:])
    resolution = _read(text)
    assert [p.text for p in resolution.preamble] == [*PARAGRAPHS[:2], " ".join(quoted), PARAGRAPHS[2]]


ITEMS = [
    "de mener des enquêtes rapides, efficaces, exhaustives et impartiales sur tous les cas présumés "
    "d’exécution extrajudiciaire, et de garantir le droit de chaque personne à ce que sa cause soit "
    "entendue par un tribunal compétent ;",
    "de prendre toutes les mesures voulues pour prévenir la perte de vies humaines.",
]


def _items_as_printed(width: int) -> str:
    """Sub-paragraphs printed indented, as pdftotext writes them: each label alone on its line
    (a tab set it apart), the lines of its text wrapped short of the page's width."""
    return "".join(
        f"{label}\n" + "\n".join(textwrap.wrap(text, width)) + "\n"
        for label, text in zip(("a)", "b)"), ITEMS, strict=True)
    )


def test_a_label_alone_on_its_line_opens_its_sub_paragraph() -> None:
    text = _hard_wrapped(PARAGRAPHS[:2]) + "1. Réaffirme que tous les États sont tenus :\n" + _items_as_printed(70)
    [paragraph] = _read(text).operative
    assert [(item.num, item.text) for item in paragraph.items] == [("a)", ITEMS[0]), ("b)", ITEMS[1])]


def test_the_lines_of_an_indented_sub_paragraph_are_full_at_its_own_width() -> None:
    # the second line of (a) ends eleven columns short of the page's width, where "le" would have
    # fitted: it is full for a sub-paragraph printed indented
    printed = _items_as_printed(70)
    assert "et de garantir\nle droit" in printed
    text = _hard_wrapped(PARAGRAPHS) + "3. Réaffirme que tous les États sont tenus :\n" + printed
    [*_, paragraph] = _read(text).operative
    assert [item.text for item in paragraph.items] == ITEMS


def _indented(paragraphs: list[str], margin: int) -> str:
    """Paragraphs as pdftotext -layout writes them: the first line indented, the rest at the
    page's margin."""
    out = []
    for paragraph in paragraphs:
        first, *rest = textwrap.wrap(paragraph, 80)
        out += [" " * (margin + 8) + first, *(" " * margin + line for line in rest)]
    return "\n".join(out) + "\n"


def test_each_page_has_its_own_margin() -> None:
    # pdftotext -layout sets the second page's text two columns further right than the first's
    second = [*PARAGRAPHS[:2], PARAGRAPHS[0]]
    pages = _indented(PARAGRAPHS[:2] * 2, 1) + "\f" + _indented(second, 3)
    assert [p.text for p in _read(pages).preamble] == [*PARAGRAPHS[:2] * 2, *second]


def test_a_line_that_a_slash_in_a_word_ends_joins_the_next_with_no_space() -> None:
    lines = [
        "Considérant que la coopération entre les deux organisations est utile, et que le",
        "Secrétaire général en a rendu compte dans son rapport sur les activités et/",
        "ou opérationnelles des deux organisations,",
    ]
    text = _hard_wrapped(PARAGRAPHS[:1]) + "\n".join(lines) + "\n" + _hard_wrapped(PARAGRAPHS[2:])
    assert _read(text).preamble[1].text == " ".join(lines).replace("/ ", "/")


def test_libreoffice_footnotes_as_pdftotext_writes_the_last_page() -> None:
    # LibreOffice's raised markers come out set apart by a space; its footnotes' numbers, set
    # apart from their texts by a tab, come out as a column of their own, then the page number
    # and the closing's date (printed at the right), then the texts, one of two lines
    paragraphs = [PARAGRAPHS[0] + " 1", PARAGRAPHS[1].replace("rapport", "rapport 2", 1), *PARAGRAPHS[2:]]
    note = "Rapport de la quatrième Conférence mondiale sur les femmes, Beijing, 4-15 septembre 1995 (publication des"
    last_page = [
        "46e séance plénière",
        "",
        "1",
        "2",
        "2/2",
        "",
        "7 décembre 2022",
        "",
        "Voir résolution 70/1.",
        note,
        "Nations Unies, numéro de vente : F.96.IV.13), chap. I, résolution 1, annexes I et II.",
        "22-28141",
        "",
        "*2228141*",
    ]
    resolution = _read(_hard_wrapped(paragraphs) + "\n".join(last_page) + "\n")
    notes = [(n.marker, n.text) for p in resolution.preamble for n in footnotes_in(p.content)]
    assert notes == [("1", "Voir résolution 70/1."), ("2", f"{note} {last_page[10]}")]
    assert [p.text for p in resolution.preamble] == PARAGRAPHS[:3]
    assert resolution.closing is not None and resolution.closing.date == "2022-12-07"


def test_a_range_s_en_dash_set_apart_from_its_second_figure_is_closed() -> None:
    # LibreOffice's justified footnote line, as pdftotext writes it: the dash bound to the month
    # before it, a space before the day after it; and the same range broken at a line's end
    body = _hard_wrapped(PARAGRAPHS[:2]).replace("1982,", "1982,¹", 1)
    note = "¹ Report of the Conference on Islands, Bridgetown, 25 April– 6 May 1994, chap. I, held 10 August–"
    resolution = _read(f"{body}{note}\n12 September 1995.\n\n2/6\f1. Décide de rester saisie.\n")
    [footnote] = footnotes_in(resolution.preamble[0].content)
    assert "25 April–6 May 1994" in footnote.text
    assert footnote.text.endswith("10 August–12 September 1995.")


def test_a_word_glued_to_the_number_column_lost_a_hyphen() -> None:
    # pdftotext joins a line to the next only where it ends with a hyphen: a page whose last
    # line ended with "non-" comes out with the footnotes' first number glued to it ("non1"),
    # and the compound goes on after the page's footnotes
    body = (
        _hard_wrapped(PARAGRAPHS[:2]).replace("2022,", "2022, 1", 1).replace("organisations,\n", "organisations, 2\n")
    )
    page = [
        "1. Décide de poursuivre la coopération entre les deux organisations, dans le plein",
        "respect de la Charte des Nations Unies et des principes de non-ingérence, de non1",
        "2",
        "",
        "A/1.",
        "A/2.",
        "",
        "2/6\f",
        "discrimination et de coopération mutuelle, ainsi que de sa résolution 77/18 ;",
        "2. Décide également de rester saisie de la question.",
    ]
    resolution = _read(body + "\n".join(page) + "\n")
    assert [(n.marker, n.text) for p in resolution.preamble for n in footnotes_in(p.content)] == [
        ("1", "A/1."),
        ("2", "A/2."),
    ]
    assert "de non-ingérence, de non-discrimination et de" in resolution.operative[0].text


def _wrapped(paragraphs: list[str]) -> str:
    """Hard-wrapped as pdftotext writes the lines, with no hyphen left at a line's end."""
    return "".join(line + "\n" for paragraph in paragraphs for line in textwrap.wrap(paragraph, 80))


def test_letters_and_figures_that_pdftotext_joined_at_a_hyphen_get_it_back() -> None:
    # "COVID-" and "COVID-19-" ended printed lines: pdftotext dropped the hyphens and joined the
    # lines; the document writes "COVID-19" elsewhere, and "induite" is a word; "G20", a name
    # glued to figures at a join too, stays as it is
    lines = [
        "Notant que la pandémie de maladie à coronavirus (COVID-19) a eu des effets sur",
        "les activités des deux organisations, et que les mesures prises face à la COVID"
        "19 ont exigé une coopération renforcée entre les deux organisations et leurs partenaires,",
        "Considérant que la pauvreté causée par la pandémie touche d’abord les femmes, et",
        "que la riposte des deux organisations doit tenir compte de la pauvreté COVID-19"
        "induite par les mesures prises dans les pays membres des deux organisations,",
        "Notant que les deux organisations ont tenu des réunions avec les membres du",
        "Groupe des Vingt, et que les deux organisations ont rendu compte au sommet du G20"
        " des résultats de ces réunions de haut niveau avec les membres de ce groupe,",
    ]
    text = _wrapped(PARAGRAPHS[:2]) + "\n".join(lines) + "\n" + _wrapped(PARAGRAPHS[2:])
    preamble = [p.text for p in _read(text).preamble]
    assert "face à la COVID-19 ont exigé" in preamble[2]
    assert "la pauvreté COVID-19-induite par" in preamble[3]
    assert "au sommet du G20 des résultats" in preamble[4]


def test_a_range_s_minus_sign_set_apart_from_its_second_figure_is_closed() -> None:
    # DGACM writes some ranges with a minus sign (3−14 June), which LibreOffice's justified line
    # sets apart from the figure after it, as it does an en dash
    body = _hard_wrapped(PARAGRAPHS[:2]).replace("1982,", "1982,¹", 1)
    note = "¹ Report of the Conference on Environment and Development, Rio de Janeiro, 3− 14 June 1992."
    resolution = _read(f"{body}{note}\n\n2/6\f1. Décide de rester saisie.\n")
    [footnote] = footnotes_in(resolution.preamble[0].content)
    assert "Rio de Janeiro, 3−14 June 1992." in footnote.text


def test_a_space_before_a_comma_in_a_footnote_is_the_converter_s() -> None:
    # LibreOffice sets a title in italics a little apart from the comma after it, and pdftotext
    # writes a space there; DGACM's footnotes have none (its text has a few, which stay)
    body = _hard_wrapped(PARAGRAPHS[:2]).replace("1982,", "1982,¹", 1)
    note = "¹ Review Conference of the Parties, Final Document , vol. I (NPT/CONF.2010/50 (Vol. I)), part I."
    resolution = _read(f"{body}{note}\n\n2/6\f1. Décide de rester saisie , et de poursuivre.\n")
    [footnote] = footnotes_in(resolution.preamble[0].content)
    assert (
        footnote.text == "Review Conference of the Parties, Final Document, vol. I (NPT/CONF.2010/50 (Vol. I)), part I."
    )
    assert resolution.operative[0].text == "Décide de rester saisie , et de poursuivre."


def test_a_number_after_an_elided_word_that_it_numbers_is_no_marker() -> None:
    # LibreOffice's markers stand apart from their words, and so does a number after the word it
    # numbers: "objectif" numbers the "3" after it, elided article or not ("l’objectif 3"); the
    # marker 3 is the one after the year
    third = (
        "Notant que les deux organisations ont contribué à l’objectif 3 du Programme de développement "
        "durable à l’horizon 2030 3, et à l’Article 1 de la Charte,"
    )
    paragraphs = [PARAGRAPHS[0] + " 1", PARAGRAPHS[1].replace("rapport", "rapport 2", 1), third, *PARAGRAPHS[3:]]
    last_page = ["46e séance plénière", "", "1", "2", "3", "2/2", "", "7 décembre 2022", "", "Voir résolution 70/1."]
    last_page += ["Voir A/77/1.", "Voir résolution 70/1, annexe.", "22-28141", "", "*2228141*"]
    resolution = _read(_hard_wrapped(paragraphs) + "\n".join(last_page) + "\n")
    [note] = footnotes_in(resolution.preamble[2].content)
    assert note.text == "Voir résolution 70/1, annexe."
    assert resolution.preamble[2].text == third.replace(" 3,", ",")


def test_a_hyphen_set_apart_from_its_word_before_a_figure_is_bound_again() -> None:
    # a non-breaking hyphen that LibreOffice's justified line spreads from the word before it
    lines = [
        "Notant que les deux organisations ont coopéré face à la pandémie de COVID -19 et",
        "pendant la Décennie des Nations Unies pour l’agriculture familiale (2019 -2028),",
    ]
    text = _wrapped(PARAGRAPHS[:2]) + "\n".join(lines) + "\n" + _wrapped(PARAGRAPHS[2:])
    assert _read(text).preamble[2].text == " ".join(lines).replace(" -", "-")


def test_a_number_that_the_word_after_a_marker_numbers_is_no_partner_of_it() -> None:
    # "3 l’article 18": the marker set apart, then a number that "article" numbers, which is no
    # second number of a list or a range ("du 3 au 6") that would make the "3" a number too
    first = (
        "Rappelant la Déclaration de Rio sur l’environnement et le développement, 1 Action mondiale,2 le "
        "Plan de mise en œuvre de Johannesburg,"
    )
    second = (
        "Rappelant l’article 18 du Pacte international relatif aux droits civils et politiques, 3 l’article 18 "
        "de la Déclaration universelle des droits de l’homme,"
    )
    last_page = ["46e séance plénière", "", "1", "2", "3", "2/2", "", "7 décembre 2022", "", "Voir A/CONF.151/26."]
    last_page += [
        "Voir A/CONF.151/26, annexe II.",
        "Voir résolution 2200 A (XXI), annexe.",
        "22-28141",
        "",
        "*2228141*",
    ]
    resolution = _read(_hard_wrapped([first, second, *PARAGRAPHS[2:]]) + "\n".join(last_page) + "\n")
    [note] = footnotes_in(resolution.preamble[1].content)
    assert note.text == "Voir résolution 2200 A (XXI), annexe."
    assert resolution.preamble[1].text == second.replace(" 3 l’", " l’")


def test_words_written_out_of_their_justified_line_go_back_to_its_end() -> None:
    # a justified line of few long words, spread so wide that pdftotext wrote its last two
    # words after the next line, each alone between blank lines
    from resodiff.ingest.line_order import restore_stray_words

    body = _wrapped(PARAGRAPHS[:3]).splitlines()
    lines = [
        *body,
        "Ayant examiné le rapport sur la coopération",
        "des Nations Unies et des organisations régionales et autres organisations,",
        "",
        "entre",
        "",
        "l’Organisation",
        "",
        "Notant que les deux organisations ont tenu des réunions de haut niveau,",
    ]
    restored = restore_stray_words(lines, 0, set())
    assert restored[len(body)] == f"{lines[len(body)]} entre l’Organisation"
    assert restored[len(body) + 1 :] == [lines[len(body) + 1], "", "", "", "", "", lines[-1]]
    # in Markdown, where paragraphs are lines apart, a word alone is a paragraph
    markdown = [line for paragraph in lines for line in (paragraph, "")]
    assert restore_stray_words(markdown, 0, set()) == markdown


def _last_page(*notes: str) -> str:
    numbers = [str(number) for number in range(1, len(notes) + 1)]
    page = ["46e séance plénière", "", *numbers, "2/2", "", "7 décembre 2022", "", *notes, "22-28141", "", "*2228141*"]
    return "\n".join(page) + "\n"


def test_a_number_after_an_article_or_a_preposition_is_no_marker() -> None:
    # LibreOffice's markers stand apart from their words, but never after "aux" or "de": a
    # number set apart there is a count (the marker 3 is the one after the year)
    third = (
        "Notant que les deux organisations agissent conformément aux 3 principes du Pacte mondial et au "
        "Programme de développement durable à l’horizon 2030 3, qui vise les personnes âgées de"
    )
    fourth = "15 ans et plus,"
    paragraphs = [PARAGRAPHS[0] + " 1", PARAGRAPHS[1].replace("rapport", "rapport 2", 1), third + " " + fourth]
    text = _hard_wrapped([*paragraphs, *PARAGRAPHS[3:]])
    resolution = _read(text + _last_page("Voir A/CONF.151/26.", "Voir A/77/1.", "Voir résolution 70/1, annexe."))
    [note] = footnotes_in(resolution.preamble[2].content)
    assert note.text == "Voir résolution 70/1, annexe."
    assert resolution.preamble[2].text == paragraphs[2].replace(" 3,", ",")


def test_a_number_set_apart_is_no_marker_where_the_marker_stands_glued_further_on() -> None:
    # "seulement 3 pour cent" reads as a marker set apart, but the marker 3 stands glued to its
    # word before its footnote ("Charte,3"): the surer form is the marker
    third = (
        "Notant que seulement 3 pour cent des eaux restent potables, et rappelant les buts et principes de la Charte,3"
    )
    paragraphs = [PARAGRAPHS[0] + " 1", PARAGRAPHS[1].replace("rapport", "rapport 2", 1), third]
    text = _hard_wrapped([*paragraphs, *PARAGRAPHS[3:]])
    resolution = _read(text + _last_page("Voir A/CONF.151/26.", "Voir A/77/1.", "Voir résolution 70/1, annexe."))
    [note] = footnotes_in(resolution.preamble[2].content)
    assert note.text == "Voir résolution 70/1, annexe."
    assert resolution.preamble[2].text == third.removesuffix("3")


def test_a_day_before_its_month_is_no_partner_of_a_marker_set_apart() -> None:
    # "3 le 7 juillet": the marker set apart, then a date, whose day is no second number of a list
    # or a range ("13 et 14 juillet") that would make the "3" a number too
    third = "Notant l’adoption du Traité 3 le 7 juillet 2017, et les séances des 13 et 14 juillet 2017,"
    paragraphs = [PARAGRAPHS[0] + " 1", PARAGRAPHS[1].replace("rapport", "rapport 2", 1), third]
    text = _hard_wrapped([*paragraphs, *PARAGRAPHS[3:]])
    resolution = _read(text + _last_page("Voir A/CONF.151/26.", "Voir A/77/1.", "Voir A/CONF.229/2017/8."))
    [note] = footnotes_in(resolution.preamble[2].content)
    assert note.text == "Voir A/CONF.229/2017/8."
    assert resolution.preamble[2].text == third.replace(" 3 le", " le")


def test_a_footnote_that_goes_on_at_the_next_pages_foot_keeps_its_end() -> None:
    # LibreOffice carries a footnote's last line over to the next page, above that page's first
    # footnote: pdftotext -layout writes it at the column where the footnotes' texts start
    first = [*PARAGRAPHS[:2], PARAGRAPHS[0], PARAGRAPHS[1].replace("rapport", "rapport1", 1)]
    second = [PARAGRAPHS[2].replace("réunions", "réunions2", 1), PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[0]]
    note = "Rapport de la quatrième Conférence mondiale sur les femmes, Beijing, 4-15 septembre 1995,"
    pages = (
        _indented(first, 1)
        + f"\n1    {note}\n\n99-12345 (E)          Please recycle\f"
        + _indented(second, 1)
        + "\n     chap. I, résolution 1, annexe I.\n2    A/2.\n\n2/2          99-12345\n"
    )
    resolution = _read(pages)
    notes = [n.text for p in resolution.preamble for n in footnotes_in(p.content)]
    assert notes[:2] == [f"{note} chap. I, résolution 1, annexe I.", "A/2."]
    assert [p.text for p in resolution.preamble] == PARAGRAPHS[:2] * 2 + [PARAGRAPHS[2], PARAGRAPHS[0]] * 2


def _numbered_apart(number: int, text: str) -> str:
    """An operative paragraph as plain pdftotext writes it: its number a tab set apart from its
    text on a line of its own, the text hard-wrapped."""
    return f"{number}.\n" + "\n".join(textwrap.wrap(text, 80)) + "\n"


OPERATIVE = PARAGRAPHS[3].removeprefix("1. ")


def test_a_paragraphs_number_alone_at_the_top_of_pages_is_no_running_header() -> None:
    # after each page's running header, a paragraph's number alone and apart from its text by a
    # blank line, on two pages: a repeated line at the pages' edges, yet no page number
    pages = [
        f"A/RES/79/9\n\n{number}.\n\n"
        + "\n".join(textwrap.wrap(OPERATIVE, 80))
        + "\n"
        + _numbered_apart(number + 1, OPERATIVE)
        for number in (1, 3, 5)
    ]
    resolution = _read(_hard_wrapped(PARAGRAPHS[:3]) + "\f".join(pages))
    assert [p.num for p in resolution.operative] == [f"{number}." for number in range(1, 7)]


def test_a_first_number_alone_after_a_finished_paragraph_numbers_the_paragraphs_anew() -> None:
    section = _hard_wrapped(PARAGRAPHS[:3]) + "".join(_numbered_apart(number, OPERATIVE) for number in (1, 2))
    resolution = _read(section + "II. Coopération régionale\n" + PARAGRAPHS[2] + "\n" + _numbered_apart(1, OPERATIVE))
    assert [p.num for p in resolution.operative][-1] == "1."


@pytest.mark.parametrize("glued", ["2/3", "23-12345"])
def test_a_footer_glued_to_a_hyphenated_word_at_a_page_end_is_taken_off(glued: str) -> None:
    # plain pdftotext drops the hyphen of a page's last word and joins the next line it reads,
    # the footer, to it: the footer's number, written alone on the other pages, is no text
    page_break = "opérati{}\n\n{}\n\n\fA/RES/79/9\n\nonnelles"
    footer = "23-12345" if glued == "2/3" else "2/3"
    text = _hard_wrapped(PARAGRAPHS).replace("opérati-\nonnelles", page_break.format(glued, footer))
    first, rest = text.split("\n", 1)
    text = f"{first}\n\n1/3\n\n23-12345\n\fA/RES/79/9\n\n{rest}"
    resolution = _read(text)
    assert [p.text for p in resolution.preamble] == PARAGRAPHS[:3]


def test_a_line_at_the_margin_after_a_markers_own_line_goes_on_its_paragraph() -> None:
    # pdftotext -layout writes a raised marker that a line's first word bears on a line of its
    # own, then a blank line: where first lines are indented, the line at the margin after it
    # goes on the paragraph, though it opens with a capital
    body = [
        "        Recalling its resolutions on the cooperation between the two organizations, and the",
        "Covenants on Human Rights,1 the Universal Declaration of Human Rights, the Declaration on",
        "Rights, the Declaration on the Granting of Independence to Colonial Countries and the Vienna",
        "        2",
        "",
        "Declaration and Programme of Action adopted at the World Conference on Human Rights,",
        "        Noting that the two organizations have held meetings at a high level every year since",
        "the cooperation began, and that the meetings were useful to both organizations,",
        "        1. Decides to continue the cooperation between the two organizations, in full respect",
        "of the Charter of the United Nations;",
        "        2. Decides also to remain seized of the matter.",
        "",
        "1   A/1.",
        "2   A/2.",
        "",
        "99-12345 (E)",
    ]
    head = "A/RES/79/9\n\nGeneral Assembly\n\n79/9. A title\n\n        The General Assembly,\n\n"
    resolution = resodiff.read_text(head + "\n".join(body) + "\n\f")
    assert len(resolution.preamble) == 2
    assert resolution.preamble[0].text.endswith("adopted at the World Conference on Human Rights,")
