"""Raised endings (``1^{er}``, ``39^e``, ``n^o``) that ``pdftotext`` wrote apart from their number
(``1 er``), as LibreOffice prints them: glued again where the ending is no word of the language,
left as they are where they may be one."""

from __future__ import annotations

import pytest

import resodiff
from resodiff.ingest.raised_endings import join_raised_endings
from resodiff.languages import language
from resodiff.model import plain_text

HEAD = """United Nations A/RES/79/9

General Assembly

79/9. Cooperation between the United Nations and the Organization of Islamic Cooperation

{formula}

"""


@pytest.mark.parametrize(
    ("code", "written", "joined"),
    [
        ("fra", "adoptée le 1 er avril 2019", "adoptée le 1er avril 2019"),
        ("fra", "à sa 39 e séance, le 1 re fois", "à sa 39e séance, le 1re fois"),
        ("fra", "la résolution n o 3, au 1 er.", "la résolution no 3, au 1er."),
        ("fra", "les résolutions n os 3 et 4", "les résolutions nos 3 et 4"),
        ("fra", "du 1 er", "du 1er"),
        ("spa", "en su 13 er período de sesiones", "en su 13er período de sesiones"),
        ("fra", "au XXI e siècle et au IV e", "au XXIe siècle et au IVe"),  # a Roman number's
        ("fra", "le point I e de", "le point I e de"),  # not a letter alone
    ],
)
def test_a_raised_ending_set_apart_is_glued_to_its_number(code: str, written: str, joined: str) -> None:
    assert join_raised_endings([written], language(code)) == [joined]


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("fra", "au paragraphe 3 e) de la résolution"),  # a sub-paragraph cited, not 3^e
        ("fra", "le chiffre 3,5 e"),  # a decimal number is no ordinal
        ("fra", "la résolution 76/3 e"),  # nor a symbol
        ("fra", "le 1 erreur"),  # an ending is a whole word
        ("spa", "del 1 a 5 de julio y 2 o 3 días"),  # Spanish a, o are words
        ("eng", "paragraphs 1 er 2"),  # English has no raised endings
    ],
)
def test_a_word_after_a_number_is_left_as_it_is(code: str, written: str) -> None:
    assert join_raised_endings([written], language(code)) == [written]


def test_the_text_reader_reads_endings_set_apart_as_glued() -> None:
    body = "Rappelant sa résolution n o 3 adoptée le 1 er avril 2019 à sa 39 e séance,\n"
    spaced = resodiff.read_text(HEAD.format(formula="L'Assemblée générale,") + body)
    glued = resodiff.read_text(
        HEAD.format(formula="L'Assemblée générale,")
        + body.replace(" er ", "er ").replace(" e ", "e ").replace("n o", "no")
    )
    assert plain_text(spaced.preamble[0].content) == plain_text(glued.preamble[0].content)
    assert "le 1er avril" in plain_text(spaced.preamble[0].content)
