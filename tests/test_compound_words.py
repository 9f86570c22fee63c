"""The compound lexicon (tools/compound_words.py): the committed files as the corpus gives them,
and how the reader of hard-wrapped text weighs it against the document's own evidence.

Corpus expectations hold counts only, never the UN's text.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from resodiff.errors import ResodiffError
from resodiff.ingest import hyphens
from resodiff.ingest.hyphens import joins_compound, keeps_hyphen, lexicon, suspends_hyphen, unjoined
from resodiff.languages import language

from .conftest import CORPUS, ROOT, SEED, needs_corpus

COMPOUNDS = ROOT / "src" / "resodiff" / "data" / "compounds"


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("compound_words", ROOT / "tools" / "compound_words.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_corpus
@pytest.mark.parametrize("code", sorted(_tool().SOURCES))
def test_lexicon_agrees_with_the_corpus(code: str) -> None:
    """``python tools/compound_words.py`` rewrites a lexicon that has drifted."""
    tool = _tool()
    assert tool.dumps(tool.regenerate(code, CORPUS)) == (COMPOUNDS / f"{code}.json").read_text(encoding="utf-8")


def test_only_the_tuning_sessions_languages_have_a_lexicon() -> None:
    """The OIC files, the only other text in Arabic, Chinese, Russian and Spanish, are what the
    converter matrix tests on: no lexicon is mined from them."""
    assert sorted(path.stem for path in COMPOUNDS.glob("*.json")) == sorted(_tool().SOURCES)
    assert not lexicon("spa").hyphenated and not lexicon("spa").closed


def _keeps(
    left: str, tail: str, code: str, vocabulary: frozenset[str] = frozenset(), hyphenated: frozenset[str] = frozenset()
) -> bool:
    return keeps_hyphen(left, tail, chained=False, vocabulary=vocabulary, hyphenated=hyphenated, lang=language(code))


@pytest.mark.parametrize(
    ("left", "tail", "code", "kept"),
    [
        ("stand", "alone", "eng", True),  # neither half tells; UN texts write "stand-alone"
        ("outre", "mer", "fra", True),
        ("capacity", "building", "eng", True),
        ("peace", "building", "eng", False),  # both halves are words; UN texts write "peacebuilding"
        ("under", "development", "eng", False),
        ("world", "wide", "eng", False),
    ],
)
def test_the_lexicon_decides_a_line_end_hyphen_the_document_says_nothing_of(
    left: str, tail: str, code: str, kept: bool
) -> None:
    words = frozenset({left.lower(), tail.lower()})
    assert _keeps(left, tail, code, vocabulary=words) is kept


def test_the_documents_own_evidence_comes_before_the_lexicon() -> None:
    assert not _keeps("stand", "alone", "eng", vocabulary=frozenset({"standalone"}))
    assert _keeps("peace", "building", "eng", hyphenated=frozenset({"peace-building"}))
    # what the document says of one half only does not outweigh how UN texts write the word
    assert not _keeps("peace", "building", "eng", hyphenated=frozenset({"-building", "capacity-"}))


@pytest.mark.parametrize(
    ("word", "code", "cut"),
    [
        ("capacitybuilding", "eng", 8),
        ("multistakeholder", "eng", 5),
        ("farreaching", "eng", 3),
        ("outremer", "fra", 5),
        ("nonetheless", "eng", None),  # one word, though "non" makes compounds
        ("peacebuilding", "eng", None),
    ],
)
def test_a_word_pdftotext_joined_gets_its_hyphen_back_where_un_texts_write_one(
    word: str, code: str, cut: int | None
) -> None:
    found = [
        place
        for place in range(2, len(word) - 1)
        if joins_compound(word[:place], word[place:], vocabulary=set(), hyphenated=set(), lang=language(code))
    ]
    assert found == ([] if cut is None else [cut])


@pytest.mark.parametrize(
    ("word", "code", "place"),
    [
        ("SecretaryGeneral", "eng", 9),
        ("MoyenOrient", "fra", 5),
        ("SIV", "fra", 1),  # "(S-IV)", a special session
        ("capacitybuilding", "eng", None),  # lower case: left to the evidence where a line was joined
        ("Capacitybuilding", "eng", None),
        ("PeaceBuilding", "eng", None),  # UN texts write "peacebuilding"
        ("SecretaryGeneral", "spa", None),  # no lexicon
    ],
)
def test_a_join_that_case_and_the_lexicon_show_is_one_wherever_it_stands(
    word: str, code: str, place: int | None
) -> None:
    assert unjoined(word, language(code)) == place


@pytest.mark.parametrize(
    ("left", "tail", "suspended"),
    [
        ("low", "and", True),  # "low- and middle-income countries"
        ("burden", "and", True),
        ("exp", "and", False),  # a word UN texts write as one: "expand"
        ("peace", "building", False),  # no conjunction
    ],
)
def test_a_hyphen_left_hanging_before_a_conjunction_keeps_its_space(left: str, tail: str, suspended: bool) -> None:
    found = suspends_hyphen(left, tail, vocabulary=set(), hyphenated=set(), lang=language("eng"))
    assert found is suspended
    assert not suspends_hyphen(left, tail, vocabulary={left + tail}, hyphenated=set(), lang=language("eng"))


@pytest.fixture
def lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(hyphens, "_COMPOUNDS", tmp_path)
    hyphens.committed_lexicon.cache_clear()
    yield tmp_path
    hyphens.committed_lexicon.cache_clear()


@pytest.mark.parametrize("content", ["{", "[]", '{"hyphenated": {}}', '{"hyphenated": {"a-b": "2"}, "closed": {}}'])
def test_a_malformed_lexicon_is_a_resodiff_error(lexicons: Path, content: str) -> None:
    (lexicons / "eng.json").write_text(content, encoding="utf-8")
    with pytest.raises(ResodiffError, match="compound lexicon is malformed"):
        lexicon("eng")


def test_as_often_one_form_as_the_other_leaves_the_other_rules_to_decide(lexicons: Path) -> None:
    (lexicons / "eng.json").write_text(
        '{"hyphenated": {"well-being": 2}, "closed": {"wellbeing": 2}, "suspended": {}}', encoding="utf-8"
    )
    assert lexicon("eng").hyphen("well", "being") is None
    assert _keeps("well", "being", "eng")  # "well" is a head the language hyphenates


def test_the_lexicon_is_read_only_for_hard_wrapped_text() -> None:
    """Reading the seed's Markdown does not load it (start-up and ordinary reading stay as fast)."""
    script = (
        "import resodiff, sys\n"
        "from resodiff.ingest.hyphens import committed_lexicon\n"
        f"resodiff.read({str(SEED)!r})\n"
        "sys.exit(committed_lexicon.cache_info().currsize)\n"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0


def test_a_document_that_writes_a_word_both_ways_leaves_the_lexicon_to_decide() -> None:
    both = {"vocabulary": frozenset({"capacitybuilding"}), "hyphenated": frozenset({"capacity-building"})}
    assert _keeps("capacity", "building", "eng", **both)  # UN texts write "capacity-building"
    assert not _keeps("peace", "building", "eng", frozenset({"peacebuilding"}), frozenset({"peace-building"}))


def test_a_compound_written_elsewhere_says_nothing_where_the_word_is_written_as_one_too() -> None:
    def joins(written_closed: bool) -> bool:
        return joins_compound(
            "week",
            "end",
            vocabulary=set(),
            hyphenated={"week-end"},
            lang=language("eng"),
            written_closed=written_closed,
        )

    assert joins(False)
    assert not joins(True)  # the word list knows "weekend"


def test_a_phrase_spells_a_word_its_own_way(lexicons: Path) -> None:
    (lexicons / "eng.json").write_text(
        '{"hyphenated": {"co-operation": 2}, "closed": {"cooperation": 9}, "suspended": {},'
        ' "phrases": {"league for mutual co-operation": 2}}',
        encoding="utf-8",
    )
    assert _keeps("Co", "operation", "eng", frozenset({"cooperation"})) is False
    before = "the Ancient League for Mutual"
    assert keeps_hyphen(
        "Co",
        "operation",
        chained=False,
        vocabulary={"cooperation"},
        hyphenated=set(),
        lang=language("eng"),
        before=before,
    )
    assert joins_compound("Co", "operation", vocabulary=set(), hyphenated=set(), lang=language("eng"), before=before)
    assert hyphens.phrase_hyphen("Cooperation", before, language("eng")) == 2
    assert hyphens.phrase_hyphen("Cooperation", "the League for regional", language("eng")) is None


def test_the_tool_learns_the_phrases_that_use_a_words_less_used_form() -> None:
    tool = _tool()

    def file(*texts: str) -> Any:
        return tool.Usage(set(), set(), set(), list(texts))

    found = [
        file("the league for mutual co-operation met", "mutual cooperation"),
        file("a league for mutual co-operation"),
        file("for mutual cooperation", "the league for mutual cooperation"),
        file("one slip: the pact of mutual co-operation"),
    ]
    counts = Counter(phrase for one in found for phrase in tool.contexts(one, {"cooperation"}, {"co-operation"}))
    phrases = tool.kept_phrases(counts, {"co-operation": 3}, {"cooperation": 2 + 5})
    # two resolutions to one; a phrase of one resolution is none
    assert phrases == {"league for mutual co-operation": 2, "league for mutual cooperation": 1}


def _counted(hyphenated: dict[str, int], closed: dict[str, int]) -> hyphens.Lexicon:
    return hyphens.from_counts({"hyphenated": hyphenated, "closed": closed, "suspended": {}}, "eng")


def test_a_lexicon_in_use_replaces_the_committed_one_for_its_language_only() -> None:
    invented = _counted({"zorb-ball": 3}, {})
    assert lexicon("eng").hyphen("zorb", "ball") is None
    with hyphens.lexicons_in_use({"eng": invented}):
        assert lexicon("eng") is invented
        assert _keeps("zorb", "ball", "eng")
        assert lexicon("fra") is hyphens.committed_lexicon("fra")
    assert lexicon("eng") is hyphens.committed_lexicon("eng")


def test_a_compound_whose_other_forms_un_texts_hyphenate_keeps_its_hyphen() -> None:
    """UN texts write ``zorb-balled`` and ``zorb-balls``, never as one: ``zorb-`` / ``ball`` is
    their compound too, at a line's end and where pdftotext joined it; not where they write the
    form itself as one, nor a second half of another stem."""
    eng = language("eng")
    for counts, closed, kept in (
        ({"zorb-balled": 2, "zorb-balls": 1}, {}, True),
        ({}, {}, False),
        ({"zorb-balled": 2}, {"zorbball": 1}, False),
        ({"zorb-bark": 2}, {}, False),
        ({"zorb-ba": 2}, {}, False),  # too short a stem: "ba" is no form of "ball"
    ):
        with hyphens.lexicons_in_use({"eng": _counted(counts, closed)}):
            assert _keeps("zorb", "ball", "eng") is kept
            assert joins_compound("zorb", "ball", vocabulary=set(), hyphenated=set(), lang=eng) is kept


def test_a_first_half_that_un_texts_hyphenate_gets_its_hyphen_back_at_a_join() -> None:
    """``co`` begins many hyphenated words (``co-chair``, ``co-host``) and few written as one
    that the word list lacks: a joined word that the list lacks, which it begins before a word
    where a typesetter would not break, lost that hyphen."""
    compounds = {f"co-{word}": 2 for word in ("chair", "host", "lead", "sponsor", "facilitator", "convene")}
    with hyphens.lexicons_in_use({"eng": _counted(compounds, {})}):
        assert "co" in lexicon("eng").heads
        assert hyphens.lost_hyphen("copublishing", vocabulary=set(), hyphenated=set(), lang=language("eng")) == 2
    with hyphens.lexicons_in_use({"eng": _counted({}, {})}):
        assert hyphens.lost_hyphen("copublishing", vocabulary=set(), hyphenated=set(), lang=language("eng")) is None
    # as often joined to a word of the list: no such half
    joined = {"coinfection": 1, "cowriting": 1, "cobranding": 1, "coworking": 1}
    assert "co" not in _counted(compounds, joined).heads
    assert "co" in _counted(compounds, {"coauthoring": 1, "comorbid": 1}).heads  # words of the list, or no halves


@pytest.mark.parametrize(
    ("hyphenated", "closed", "counts"),
    [
        ([38, 1], [0, 47], (39, 47)),  # the sums and the newest session agree
        ([12, 2], [0, 5], (2, 5)),  # the newest session writes the word as one: its style changed
        ([0, 3], [9, 1], (3, 1)),
        ([5, 1], [0, 1], (6, 1)),  # as often one way as the other lately: the sums
        ([5, 0], [0, 0], (5, 0)),  # the newest session does not write it
        ([0, 1], [2, 0], (1, 2)),  # one resolution of the newest session may be a slip
    ],
)
def test_the_newest_session_that_writes_a_word_tells_its_form(
    hyphenated: list[int], closed: list[int], counts: tuple[int, int]
) -> None:
    assert _tool().current(hyphenated, closed) == counts


def test_leave_one_out_takes_a_files_own_counts_off() -> None:
    tool = _tool()

    def file(joints: set[str], words: set[str]) -> Any:
        return tool.Usage(joints, words, set(), [])

    older = [file({"zorb-ball"}, {"ball", "zorb"}), file({"zorb-ball"}, set())]
    newer = [file(set(), {"zorbball", "ball"}), file(set(), {"zorbball"}), file({"glim-glam"}, {"glam"})]
    mined = tool.Mined("eng", [older, newer], 1, [77, 79])
    # the newer session writes the word as one, the older one with a hyphen: the newer's style
    assert "zorb-ball" not in mined.entry()["hyphenated"]
    assert mined.entry()["closed"] == {"zorbball": 2}
    # without one of the newer files, the newer session still writes the word as one
    assert mined.without(1, 0)["closed"] == {"zorbball": 1}
    assert "glim-glam" in mined.entry()["hyphenated"] and "glim-glam" not in mined.without(1, 2)["hyphenated"]
    assert mined.without(0, 0)["closed"] == {"zorbball": 2}
    # the older session's own form is kept for its documents, without the file left out
    assert mined.entry()["sessions"] == {"77": {"zorb-ball": [2, 0]}}
    # one file's form may be a slip: not the session's
    assert mined.without(0, 0)["sessions"] == mined.without(0, 1)["sessions"] == {}


def test_a_document_is_read_with_its_own_sessions_spellings() -> None:
    """DGACM's style changes between sessions: a document of the session that writes a word
    with a hyphen (its symbol tells) keeps it; one of the session that writes it as one, of a
    session the lexicon has not seen (a newer one) or of none, is read by the newest usage."""
    counts = {"hyphenated": {"zorb-ball": 3}, "closed": {"zorbball": 4}, "suspended": {}}
    invented = hyphens.from_counts({**counts, "sessions": {"77": {"zorb-ball": [3, 0]}}}, "eng")
    with hyphens.lexicons_in_use({"eng": invented}):
        for symbol, kept in (("A/RES/77/12", True), ("A/77/L.4", True), ("A/RES/79/3", False), ("A/RES/81/1", False)):
            with hyphens.reading_session(hyphens.document_session(["", f"{symbol}   Distr.: General"])):
                assert _keeps("zorb", "ball", "eng") is kept
                assert joins_compound("zorb", "ball", vocabulary=set(), hyphenated=set(), lang=language("eng")) is kept
        assert not _keeps("zorb", "ball", "eng")
    assert hyphens.document_session(["General Assembly", "Seventy-seventh session"]) is None


def test_a_phrases_two_forms_are_counted_as_a_words() -> None:
    """After the same words, the newest session's form wins where it prefers the other one."""
    tool = _tool()
    older = Counter({"league for mutual co-operation": 5, "league for mutual cooperation": 1})
    newer = Counter({"league for mutual cooperation": 4, "league for mutual co-operation": 1, "pact of mutual help": 2})
    counts = tool.current_phrases([older, newer])
    assert counts == {"league for mutual cooperation": 4, "league for mutual co-operation": 1, "pact of mutual help": 2}
