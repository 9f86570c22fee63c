"""The rules of technical vs substantive (docs/classification.md), one case on each side of each."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.diff.classify import classify_segments, explain_note, explain_segments
from resodiff.diff.inline import word_diff
from resodiff.languages import language_or_fallback
from resodiff.model import Footnote, Metadata, Paragraph, Resolution, Text
from resodiff.typography import normalize_typography

from .conftest import SEED


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
        # Arabic has no capitals: one place CLDR names replacing another is a place rolled over
        ("ara", "الأنشطة في فيينا،", "الأنشطة في لشبونة،", "technical"),
        ("ara", "الأنشطة في فيينا،", "الأنشطة وبلشبونة،", "substantive"),  # "in" changed as well
        # ... but a place replaced by a word, or a word by a word after "في", is a changed word
        ("ara", "الأنشطة في فيينا،", "الأنشطة في الحوار،", "substantive"),
        ("ara", "الأنشطة في الدورة،", "الأنشطة في الجلسة،", "substantive"),
        # and a place CLDR does not know is told only by the frame "held in" (عقد في)
        ("ara", "الأنشطة في جنيف،", "الأنشطة في أستانا،", "substantive"),
        ("ara", "الاجتماع الذي عقد في جنيف،", "الاجتماع الذي عقد في أستانا،", "technical"),
        ("ara", "الاجتماع الذي عقد في جنيف،", "الاجتماع الذي عقد في أَستانا،", "technical"),  # vowelled
        # the meeting's place added to its frame, the dates rolled over
        (
            "ara",
            "الدورة الخامسة عشرة للاجتماع الذي عقد في الفترة من 18 إلى 20 تموز/يوليه 2022،",
            "الدورة السادسة عشرة للاجتماع الذي عقد في أستانا، في الفترة من 22 إلى 24 تموز/يوليه 2024،",
            "technical",
        ),
        # a number written out in its feminine form is still the number
        (
            "fra",
            "que 131 États et 1 organisation sont parties",
            "que 141 États et une organisation sont parties",
            "technical",
        ),
        (
            "spa",
            "que 131 Estados y 1 organización son partes",
            "que 141 Estados y una organización son partes",
            "technical",
        ),
        ("fra", "adopte un plan d’action", "adopte une stratégie", "substantive"),
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


@pytest.mark.parametrize(
    ("code", "note"),
    [
        ("eng", "Ibid., Seventy-ninth Session, Supplement No. 53A (A/79/53/Add.1), chap. III, sect. A."),
        ("eng", "See Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 53 (A/77/53)."),
        ("eng", "United Nations, Treaty Series, vol. 2085, No. 1232."),
        ("eng", "Resolution 217 A (III)."),
        (
            "fra",
            "Voir Documents officiels de l’Assemblée générale, soixante-dix-neuvième session, "
            "Supplément no 53 (A/79/53), chap. IV, sect. A.",
        ),
        ("fra", "Nations Unies, Recueil des Traités, vol. 2171 et 2173, no 27531."),
        (
            "spa",
            "Véase Documentos Oficiales de la Asamblea General, septuagésimo noveno período de sesiones, "
            "suplemento núm. 53 (A/79/53), cap. IV, secc. A.",
        ),
        (
            "rus",
            "См. Официальные отчеты Генеральной Ассамблеи, семьдесят девятая сессия, "
            "Дополнение № 53 (A/79/53), гл. IV, разд. А.",
        ),
        (
            "ara",
            "انظر الوثائق الرسمية للجمعية العامة، الدورة التاسعة والسبعون، "
            "الملحق رقم 53 (A/79/53)، الفصل الرابع، الفرع ألف.",
        ),
        ("zho", "见《大会正式记录，第七十九届会议，补编第53号》(A/79/53)，第四章，A节。"),
    ],
)
def test_a_footnote_that_only_cites_a_document_is_technical(code: str, note: str) -> None:
    assert explain_note(note, code, inserted=True).change_class == "technical"
    assert explain_note(note, code, inserted=False).change_class == "technical"


@pytest.mark.parametrize(
    ("code", "note"),
    [
        # it says something of its own besides the reference
        ("eng", "The Committee postponed its session to 2025 (A/79/53)."),
        ("fra", "Le Comité a reporté sa session (A/79/53)."),
        # it cites nothing: no symbol, resolution or number
        ("eng", "See the report of the Secretary-General."),
        ("eng", "Ibid."),
        # Chinese is tokenised by character: its characters must be the citation form's to cite
        ("zho", "见A/79/53，委员会推迟了会议。"),
    ],
)
def test_any_other_footnote_inserted_is_substantive(code: str, note: str) -> None:
    reason = explain_note(note, code, inserted=True)
    assert (reason.rule, reason.change_class) == ("footnote", "substantive")


@given(
    ordinal=st.sampled_from(language_or_fallback("eng").ordinals[:100]),
    session=st.integers(1, 99),
    supplement=st.integers(1, 60),
    chapter=st.sampled_from(["I", "II", "III", "IV", "V", "VI", "VII"]),
    section=st.sampled_from(["", ", sect. A", ", sect. B"]),
    word=st.sampled_from(["deplores", "welcomes", "violence", "Committee", "postponed"]),
)
def test_a_citation_is_technical_until_it_says_something(
    ordinal: str, session: int, supplement: int, chapter: str, section: str, word: str
) -> None:
    """Any Official Records citation, whatever its session, supplement, chapter and section, is
    technical; one word of its own makes the footnote substantive."""
    symbol = f"A/{session}/{supplement}"
    note = f"Ibid., {ordinal.capitalize()} Session, Supplement No. {supplement} ({symbol}), chap. {chapter}{section}."
    assert explain_note(note, "eng", inserted=True).change_class == "technical"
    assert explain_note(f"{note[:-1]}, {word}.", "eng", inserted=True).change_class == "substantive"


@pytest.mark.parametrize(
    ("code", "old", "new", "expected"),
    [
        # a resolution of the seventy-seventh session rolled over at the seventy-ninth: two sessions on
        ("eng", "report to it at its seventy-ninth session;", "report to it at its eighty-first session;", "technical"),
        # three sessions on: the report became triennial
        ("eng", "report to it at its seventy-ninth session;", "report to it at its eighty-second session;", "session"),
        ("fra", "à sa soixante-dix-neuvième session ;", "à sa quatre-vingt-unième session ;", "technical"),
        ("fra", "à sa soixante-dix-neuvième session ;", "à sa quatre-vingt-deuxième session ;", "session"),
        # the shortened ordinal before a noun is read whole: "octogésimo primer", not "octogésimo"
        ("spa", "en su septuagésimo noveno período;", "en su octogésimo primer período;", "technical"),
        ("spa", "en su septuagésimo noveno período;", "en su octogésimo segundo período;", "session"),
        # an ordinal far from the sessions numbers something else: the twelfth meeting held next
        ("eng", "the twelfth meeting of the Parties;", "the fifteenth meeting of the Parties;", "technical"),
        # a part of a longer hyphenated number the language file lists otherwise is not read
        ("fra", "à sa soixante-dix-neuvième session ;", "à sa quatre-vingtième session ;", "technical"),
    ],
)
def test_a_session_number_moves_by_the_gap_between_the_versions(code: str, old: str, new: str, expected: str) -> None:
    """Between versions of the seventy-seventh and seventy-ninth sessions, a session written out
    that moves by two is the roll-over; by three, a changed cycle (``session``, substantive).
    Without the versions' sessions, the number rule alone decides: technical."""
    reason = explain_segments(word_diff(old, new), code, (77, 79))
    assert reason is not None
    assert (reason.rule if reason.rule == "session" else reason.change_class) == expected
    assert classify_segments(word_diff(old, new), code) == "technical"


@pytest.mark.parametrize(
    ("session", "in_note", "expected"),
    [
        ("quatre-vingt-unième", False, "technical"),
        ("quatre-vingt-deuxième", False, "substantive"),
        ("quatre-vingt-deuxième", True, "technical"),
    ],
)
def test_the_diff_reads_a_session_against_the_versions_sessions(session: str, in_note: bool, expected: str) -> None:
    """A version of the seventy-seventh session against one of the seventy-ninth (the seed): a
    report due at the seventy-ninth session, now at the eighty-first, is the roll-over; at the
    eighty-second, a changed cycle. A footnote's session is the cited document's: technical."""
    seed = resodiff.read(SEED)

    def version(due: str, meta: Metadata) -> Resolution:
        in_text = "soixante-dix-neuvième" if in_note else due
        text = f"Prie le Secrétaire général de lui présenter à sa {in_text} session un rapport"
        note = Footnote("1", (Text(f"Documents officiels de l’Assemblée générale, {due} session, Supplément no 1."),))
        paragraph = Paragraph("operative", "1.", (Text(text), note, Text(".")))
        return replace(seed, meta=meta, preamble=(), operative=(paragraph,), annexes=())

    old = version("soixante-dix-neuvième", replace(seed.meta, session=77))
    new = version(session, seed.meta)
    assert seed.meta.session == 79
    [change] = [c for c in diff_resolutions(old, new).changes if c.kind != "unchanged"]
    assert change.change_class == expected
