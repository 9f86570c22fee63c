"""Hypothesis properties of the readers and the writer."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.errors import ResodiffError
from resodiff.report.model_text import to_text

WORDS = st.sampled_from(
    [
        "the",
        "United",
        "Nations",
        "cooperation",
        "resolution",
        "organization",
        "l'Assemblée",
        "régionale",
        "2024",
        "des",
        "and",
        "in",
        "its",
        "report",
        "à",
        "Member",
        "States",
        "sa",
        "résolution",
        "du",
    ]
)
EXTRAS = st.sampled_from(
    [
        "77/18",
        "[79/9](#)",
        "3369 (XXX)",
        "A/79/302-S/2024/600",
        "S/PV.7813",
        "12 November 2024",
        "18 novembre 2024",
        "1^{er}",
        "*italic words*",
        "**bold**",
        "Human Rights Council resolution 16/18",
        "(A/66/53)",
        "n° 53",
    ]
)
CHUNK = st.one_of(WORDS, WORDS, WORDS, EXTRAS)


def sentence(min_size: int = 3) -> st.SearchStrategy[str]:
    return st.lists(CHUNK, min_size=min_size, max_size=25).map(" ".join)


@st.composite
def resolution_text(draw: st.DrawFn) -> str:
    english = draw(st.booleans())
    formula = "The General Assembly," if english else "L'Assemblée générale,"
    opening = ["*Recalling*", "*Noting*", "*Welcoming*"] if english else ["*Rappelant*", "*Notant*"]
    verbs = ["*Decides*", "*Requests*", "*Welcomes*"] if english else ["*Décide*", "*Prie*"]
    adopted = (
        "Resolution adopted by the General Assembly on 3 December 2026"
        if english
        else "Résolution adoptée par l'Assemblée générale le 3 décembre 2026"
    )
    lines = ["A/RES/81/7", "", adopted, "", "81/7. Title of the resolution", "", formula, ""]
    preamble = draw(st.lists(sentence(), min_size=1, max_size=5))
    notes: list[str] = []
    for text in preamble:
        marker = ""
        if draw(st.booleans()):
            notes.append(draw(sentence(2)))
            marker = "⁰¹²³⁴⁵⁶⁷⁸⁹"[len(notes)] if len(notes) < 10 else ""
            if not marker:
                notes.pop()
        lines += [f"{draw(st.sampled_from(opening))} {text}{marker},", ""]
        if marker:
            lines += [f"{marker} {notes[-1]}.", ""]
    operative = draw(st.lists(sentence(), min_size=1, max_size=5))
    for number, text in enumerate(operative, start=1):
        end = "." if number == len(operative) else ";"
        lines += [f"{number}. {draw(st.sampled_from(verbs))} {text}{end}", ""]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution_text())
def test_text_to_model_to_akn_to_model_is_identity(text: str) -> None:
    resolution = resodiff.read_text(text)
    data = to_akn_bytes(resolution)
    assert resodiff.read_akn(data) == resolution
    assert validate_akn(data) == []


@settings(max_examples=60, deadline=None)
@given(resolution_text())
def test_text_form_writer_and_reader_agree(text: str) -> None:
    resolution = resodiff.read_text(text)
    assert resodiff.read_text(to_text(resolution)) == resolution


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_text_reader_raises_only_resodiff_errors(text: str) -> None:
    with contextlib.suppress(ResodiffError):
        resodiff.read_text(text)


@settings(max_examples=150, deadline=None)
@given(
    resolution_text(),
    st.lists(st.sampled_from(["\n", "*", "[", "]", "(", "¹", "²", "#", "|", "1. ", "(a) ", "^", "\\"]), max_size=8),
    st.randoms(),
)
def test_text_reader_on_damaged_resolutions(text: str, noise: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    chars = list(text)
    for piece in noise:
        chars.insert(rnd.randrange(len(chars) + 1), piece)
    with contextlib.suppress(ResodiffError):
        resodiff.read_text("".join(chars))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_akn_reader_raises_only_resodiff_errors_on_damaged_files(data: st.DataObject) -> None:
    """Cut elements out of a valid document, or change attributes: never a crash."""
    from lxml import etree

    from .conftest import FIXTURES

    root = etree.fromstring(to_akn_bytes(resodiff.read(FIXTURES / "en-illustrative-resolution.md")))
    elements = list(root.iter())
    for _ in range(data.draw(st.integers(1, 4))):
        victim = data.draw(st.sampled_from(elements))
        action = data.draw(st.sampled_from(["remove", "attribute", "text", "rename"]))
        parent = victim.getparent()
        if action == "remove" and parent is not None:
            parent.remove(victim)
        elif action == "attribute":
            victim.set(data.draw(st.sampled_from(["eId", "href", "date", "value", "rowspan", "marker"])), "x")
        elif action == "text":
            victim.text = data.draw(st.text(alphabet=st.characters(codec="utf-8", min_codepoint=32), max_size=20))
        elif action == "rename" and parent is not None:
            victim.tag = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}" + data.draw(
                st.sampled_from(["p", "span", "table", "paragraph", "section", "blockList"])
            )
    with contextlib.suppress(ResodiffError):
        resodiff.read_akn(etree.tostring(root))
