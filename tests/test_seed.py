"""The seed: A/RES/79/9 in French, as converted from the official PDF."""

from __future__ import annotations

import resodiff
from resodiff.model import Footnote, Text, plain_text

from .conftest import SEED


def read_seed() -> resodiff.Resolution:
    return resodiff.read(SEED)


def test_counts() -> None:
    resolution = read_seed()
    assert len(resolution.preamble) == 29
    assert len(resolution.operative) == 30
    assert len(resolution.footnotes) == 6


def test_header_metadata() -> None:
    meta = read_seed().meta
    assert meta.symbol == "A/RES/79/9"
    assert meta.number == "79/9"
    assert meta.session == 79
    assert meta.session_label == "Soixante-dix-neuvième session"
    assert meta.agenda_item == "125 b)"
    assert meta.agenda_title is not None and meta.agenda_title.startswith("Coopération entre")
    assert (
        meta.title == "Coopération entre l'Organisation des Nations Unies et l'Organisation de la coopération islamique"
    )
    assert meta.adoption_date == "2024-11-18"
    assert meta.distribution == "Distr. générale"
    assert meta.distribution_date == "2024-11-19"
    assert meta.committee == "sans renvoi à une grande commission"
    assert meta.draft_symbol == "A/79/L.9/Rev.1"
    assert meta.language == "fra"


def footnote_places(resolution: resodiff.Resolution) -> dict[str, tuple[str, int]]:
    places = {}
    for part, paragraphs in (("preamble", resolution.preamble), ("operative", resolution.operative)):
        for position, paragraph in enumerate(paragraphs, start=1):
            for node in paragraph.content:
                if isinstance(node, Footnote):
                    places[node.marker] = (part, position)
    return places


def test_each_footnote_sits_in_its_paragraph() -> None:
    assert footnote_places(read_seed()) == {
        "1": ("preamble", 2),
        "2": ("preamble", 5),
        "3": ("preamble", 7),
        "4": ("preamble", 7),
        "5": ("preamble", 12),
        "6": ("preamble", 13),
    }


def test_footnote_marker_is_at_the_exact_place() -> None:
    second = read_seed().preamble[1]
    index = next(i for i, node in enumerate(second.content) if isinstance(node, Footnote))
    before = plain_text(second.content[:index])
    assert before.endswith("l'Organisation de la Conférence islamique")


def test_paragraph_cut_by_page_break_is_rebuilt() -> None:
    third = read_seed().preamble[2]
    assert "le règlement des conflits et le relèvement après un conflit" in third.text
    assert third.text.endswith("communautés musulmanes,")
    operative_4 = read_seed().operative[3]
    assert "celui de trouver des solutions pacifiques" in operative_4.text


def test_ordinals_are_not_footnotes() -> None:
    resolution = read_seed()
    note_4 = resolution.footnotes[3]
    superscripts = [node.text for node in note_4.content if isinstance(node, Text) and node.sup]
    assert superscripts == ["er"]
    assert resolution.closing is not None
    assert resolution.closing.meeting == "39e séance plénière"
    assert resolution.closing.date == "2024-11-18"
    mediation = next(p for p in resolution.preamble if "quatrième conférences" in p.text)
    assert "le 1er novembre 2019" in mediation.text


def references(resolution: resodiff.Resolution) -> list[str]:
    found = []
    for paragraph in resolution.paragraphs():
        for node in paragraph.all_inlines():
            nodes = node.content if isinstance(node, Footnote) else (node,)
            found.extend(n.ref.symbol for n in nodes if isinstance(n, Text) and n.ref)
    return found


def test_references_are_recognised() -> None:
    symbols = references(read_seed())
    for expected in (
        "A/RES/37/4",
        "A/RES/77/18",
        "A/RES/3369(XXX)",
        "A/HRC/RES/16/18",
        "A/79/302-S/2024/600",
        "S/PV.7813",
        "S/PRST/2013/16",
        "S/INF/69",
        "A/66/53",
        "A/RES/70/1",
    ):
        assert expected in symbols, expected
    assert symbols.count("A/RES/77/18") == 2  # recall list (linked) and "sa résolution 77/18" (not linked)


def test_recall_list_references_carry_their_dates() -> None:
    first = read_seed().preamble[0]
    refs = {n.ref.symbol: n.ref for n in first.content if isinstance(n, Text) and n.ref}
    assert refs["A/RES/37/4"].date == "1982-10-22"
    assert refs["A/RES/37/4"].iri == "/akn/un/statement/deliberation/unga/1982-10-22/37-4"
    dates = [n.date for n in first.content if isinstance(n, Text) and n.date]
    assert dates[0] == "1982-10-22" and dates[-1] == "2022-11-21" and len(dates) == 31


def test_operative_openings() -> None:
    operative = read_seed().operative
    assert [p.num for p in operative] == [f"{i}." for i in range(1, 31)]
    assert operative[0].opening == "Prend note avec satisfaction"
    assert operative[29].opening == "Décide"
    assert operative[29].text.endswith("».")


def test_seed_shipped_in_package_is_the_seed() -> None:
    from resodiff.cli import embedded_seed

    assert embedded_seed() == SEED.read_bytes()
