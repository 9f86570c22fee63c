"""The truth set (tests/truth/) and the accuracy figures of the diff on it (benchmarks/accuracy.py)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from benchmarks.accuracy import (
    FAMILIES,
    FLOOR,
    TRUTH,
    TruthError,
    below_floor,
    draft,
    load,
    load_all,
    print_summary,
    run,
    score_pair,
    summarise,
    truth_consistency,
)
from benchmarks.truth_draw import DRAWS, before, choose, pinned_populations

import resodiff

from .conftest import FIXTURES, ROOT, SEED, needs_corpus

PREDECESSOR = FIXTURES / "fr-illustrative-predecessor-of-79-9.md"


def test_the_truth_set_is_large_enough_and_covers_every_family() -> None:
    pairs = load_all()
    assert len(pairs) >= 40
    assert {family for pair in pairs for family in pair.families} | {
        pair.verdict_family for pair in pairs if pair.verdict_family
    } >= set(FAMILIES)
    assert {pair.half for pair in pairs} == {"tune", "held-out"}
    assert len({pair.language for pair in pairs}) == 6


def test_a_truth_differs_between_languages_only_where_the_markup_does() -> None:
    pairs = load_all()
    for series in truth_consistency(pairs):
        families = {family for pair in pairs if pair.series == series for family in pair.families}
        assert families & {"markup", "headings"}, series


def test_the_drawn_pairs_are_held_out_and_judged_in_both_languages() -> None:
    drawn = [pair for pair in load_all() if pair.drawn is not None]
    assert drawn and all(pair.half == "held-out" for pair in drawn)
    languages: dict[str, set[str]] = {}
    for pair in drawn:
        languages.setdefault(pair.series, set()).add(pair.language)
    assert all(found == {"eng", "fra"} for found in languages.values())


def test_every_draw_of_record_is_in_the_truth_set_and_a_draw_leaves_out_only_earlier_ones() -> None:
    assert {pair.drawn for pair in load_all() if pair.drawn is not None} == {seed for seed, _ in DRAWS}
    first, second = (seed for seed, _ in DRAWS[:2])
    assert before(first) == set() and before(second) == {first}
    assert before(max(seed for seed, _ in DRAWS) + 1) == {seed for seed, _ in DRAWS}


def test_every_draw_of_record_is_taken_from_its_own_pinned_population() -> None:
    # a draw of record left to today's pairing would draw other series once the pairing changes
    seeds = [seed for population in pinned_populations() for seed in population["seeds"]]
    assert sorted(seeds) == sorted(seed for seed, _ in DRAWS)


def test_a_draw_depends_on_its_seed_alone_and_skips_only_what_it_is_told() -> None:
    candidates = [(f"A/RES/77/{n}", f"A/RES/79/{n}", *(ROOT,) * 4) for n in range(1, 60)]
    first = choose(candidates, 12, 5, lambda c: None)
    assert choose(list(reversed(candidates)), 12, 5, lambda c: None) == first
    assert choose(candidates, 13, 5, lambda c: None) != first
    skipped = choose(candidates, 12, 5, lambda c: "not the same series" if c == first[0] else None)
    assert skipped[:4] == first[1:] and first[0] not in skipped and len(skipped) == 5


def test_a_truth_file_must_place_every_paragraph_once(tmp_path: pytest.TempPathFactory) -> None:
    source = TRUTH / "oic-77-18_79-9.en.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["entries"] = data["entries"][1:]
    broken = tmp_path / source.name  # type: ignore[operator]
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TruthError, match="exactly once"):
        load(broken)


def _seed_truth(tmp_path: pytest.TempPathFactory) -> tuple[object, resodiff.ChangeReport]:
    """Today's report of the seed against its illustrative predecessor, taken as a truth."""
    data = draft(PREDECESSOR, SEED, "seed", corpus=ROOT)
    path = tmp_path / "seed.json"  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    return load(path), resodiff.diff(PREDECESSOR, SEED)


def test_the_scorer_counts_each_error_in_its_family(tmp_path: pytest.TempPathFactory) -> None:
    truth, report = _seed_truth(tmp_path)
    perfect = score_pair(truth, report)  # type: ignore[arg-type]
    assert perfect.exact and perfect.aligned == perfect.paragraphs and not perfect.errors

    entries = list(truth.entries)  # type: ignore[attr-defined]
    at = next(n for n, e in enumerate(entries) if e.kind == "modified" and len(e.old) == 1)
    reworded = entries[at]
    entries[at : at + 1] = [
        replace(reworded, new=(), kind="deleted", family="reworded"),
        replace(reworded, part=reworded.new_part, old=(), kind="inserted"),
    ]
    wrong = score_pair(replace(truth, entries=tuple(entries), verdict="technical"), report)  # type: ignore[type-var]
    assert not wrong.exact and not wrong.verdict_right
    assert wrong.aligned == wrong.paragraphs - 2
    summary = summarise([wrong])
    assert summary.family_errors["reworded"] == 2 and summary.family_errors["other"] == 1


@needs_corpus
def test_accuracy_on_the_truth_set_does_not_fall_below_the_floor(capsys: pytest.CaptureFixture[str]) -> None:
    summary, scores = run()
    print_summary(summary, scores, show_errors=False)
    with capsys.disabled():
        print("\n" + capsys.readouterr().out)
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    assert below_floor(summary, floor) == []
