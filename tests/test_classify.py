"""The rules of technical vs substantive (docs/classification.md), one case on each side of each."""

from __future__ import annotations

import pytest

from resodiff.diff.classify import classify_segments
from resodiff.diff.inline import word_diff
from resodiff.typography import normalize_typography


@pytest.mark.parametrize(
    ("code", "old", "new", "expected"),
    [
        # a capitalised word replacing another mid-paragraph is a place (the meeting moved)
        ("eng", "Welcomes the meeting held in Vienna,", "Welcomes the meeting held in Lisbon,", "technical"),
        # without capitals, the place frame marks the name: 在…举办 ("held in …")
        ("zho", "赞赏该中心在维也纳举办的活动，", "赞赏该中心在里斯本举办的活动，", "technical"),
        (
            "zho",
            "注意到2022年7月18日至20日在日内瓦举行的第十五届大会，",
            "注意到2024年7月22日至24日在阿斯塔纳举行的第十六届大会，",
            "technical",
        ),
        # outside the frame the same swap is a changed word
        ("zho", "赞赏维也纳的活动，", "赞赏里斯本的活动，", "substantive"),
        # Arabic has neither capitals nor a frame: a swap after "في" is a changed word
        ("ara", "الأنشطة في فيينا،", "الأنشطة في لشبونة،", "substantive"),
        # as the paragraph's first word it is the opening verb: what the Assembly does changed
        ("eng", "Noting the work of the Committee,", "Recalling the work of the Committee,", "substantive"),
        ("eng", "Invites Member States to act;", "Encourages Member States to act;", "substantive"),
        ("fra", "Juge important de poursuivre;", "Estime important de poursuivre;", "substantive"),
        # a date added to a reference brings its connector, and may drop an article
        (
            "eng",
            "Recalls the adoption of the General Assembly resolution 76/254, sponsored by",
            "Recalls the adoption of General Assembly resolution 76/254 of 15 March 2022, sponsored by",
            "technical",
        ),
        (
            "spa",
            "Recuerda la aprobación de su resolución 76/254, patrocinada por",
            "Recuerda la aprobación de su resolución 76/254, de 15 de marzo de 2022, patrocinada por",
            "technical",
        ),
        (
            "fra",
            "Rappelle sa résolution 76/254, présentée",
            "Rappelle sa résolution 76/254 du 15 mars 2022, présentée",
            "technical",
        ),
        # a recall list extended with dated Security Council resolutions ("on" links the date)
        (
            "eng",
            "resolutions 2601 (2021) and 2602 (2021) on 29 October 2021,",
            "resolutions 2601 (2021), 2602 (2021) on 29 October 2021 and 2654 (2022) on 27 October 2022,",
            "technical",
        ),
        # a citation that drops its corrigendum
        (
            "fra",
            "Supplément no 53 et rectificatif (A/67/53 et A/67/53/Corr.1).",
            "Supplément no 53 (A/67/53).",
            "technical",
        ),
        ("eng", "Report (A/67/53 and A/67/53/Corr.1).", "Report (A/67/53).", "technical"),
        # connectors alone, with no reference or date changed, are words like any other
        ("eng", "Welcomes the efforts of the States,", "Welcomes efforts of States,", "substantive"),
        (
            "eng",
            "Recalls its resolution 76/254 and the report,",
            "Recalls its resolution 76/254 on the report,",
            "substantive",
        ),
    ],
)
def test_technical_or_substantive(code: str, old: str, new: str, expected: str) -> None:
    assert classify_segments(word_diff(old, new), code) == expected


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("the Secretary -General", "the Secretary-General"),  # a stray space in a compound word
        ("pre- and post-conflict", "pre- and post-conflict"),  # a suspended hyphen keeps its space
        ("the period 2020 -2021", "the period 2020 -2021"),  # between digits: not a compound word
        ("peace - and security", "peace - and security"),  # a spaced dash
    ],
)
def test_a_stray_space_before_a_hyphen_is_typography(text: str, normal: str) -> None:
    assert normalize_typography(text) == normal
