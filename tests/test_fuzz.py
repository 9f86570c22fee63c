"""Fuzzing of every reader (text, Akoma Ntoso): real files mutated (bytes flipped, cut, markup and
XML fragments and random characters inserted, pieces deleted or repeated) give a resolution or a
ResodiffError, never anything else, within a time budget per input. Fixed seed, bounded number of
examples: the same inputs on every run. ``tests/fuzz/run.py`` runs the same for minutes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzz import FRAGMENTS, Mutation, apply, crash_files, exercise, outcome, seeds, warm_up

MUTATIONS = st.lists(
    st.builds(
        Mutation,
        kind=st.sampled_from(("flip", "truncate", "insert", "delete", "duplicate")),
        where=st.floats(0, 1),
        payload=st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
        amount=st.sampled_from((1, 2, 3, 50, 2000)),
    ),
    min_size=1,
    max_size=6,
)
FUZZ = settings(
    derandomize=True,  # the same examples on every run: CI cannot fail by chance
    database=None,
    max_examples=120,
    deadline=timedelta(seconds=5),  # each input's budget: read, write, compare
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    warm_up()  # the schema loads in seconds, once: not an input's time


def _check(name: str, mutations: list[Mutation]) -> None:
    data = apply(seeds()[name], mutations)
    error = outcome(data, name)
    assert error is None, f"{type(error).__name__}: {error} (from {name} with {mutations})"


@pytest.mark.slow
@FUZZ
@given(st.sampled_from(["seed.txt", "en-illustrative.md", "draft.md"]), MUTATIONS)
def test_text_reader_gives_a_resolution_or_an_error(name: str, mutations: list[Mutation]) -> None:
    _check(name, mutations)


@pytest.mark.slow
@FUZZ
@given(st.sampled_from(["seed.xml", "en-illustrative.xml"]), MUTATIONS)
def test_akn_reader_gives_a_resolution_or_an_error(name: str, mutations: list[Mutation]) -> None:
    _check(name, mutations)


@pytest.mark.parametrize("name", sorted(seeds()))
def test_the_seeds_read_unmutated(name: str) -> None:
    exercise(seeds()[name], name)  # not even a ResodiffError: mutations start from good files


@pytest.mark.parametrize("crash", crash_files(), ids=lambda path: path.name)
def test_found_crashes_stay_fixed(crash: Path) -> None:
    error = outcome(crash.read_bytes(), crash.name.split("--")[0])
    assert error is None, f"{type(error).__name__}: {error}"
