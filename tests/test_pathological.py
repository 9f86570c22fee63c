"""The text reader on hostile input: every pathological run of punctuation reads or is refused
with a ResodiffError, never an uncaught exception. Their reading time is measured, at growing
sizes, by the benchmark (``benchmarks/reader.py``), not here."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.errors import ResodiffError
from resodiff.model import Resolution

from .pathological import CONTEXTS, FAMILIES, FOUND, pathological

SIZE = 20_000  # large enough for a quadratic reader to take seconds, where a linear one takes milliseconds


def read_or_refuse(text: str) -> Resolution | ResodiffError:
    try:
        return resodiff.read_text(text, file="hostile.txt")
    except ResodiffError as error:
        assert error.file == "hostile.txt"
        assert error.line is not None and 1 <= error.line <= text.count("\n") + 1
        return error


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_pathological_punctuation_reads_or_is_refused(family: str, context: str) -> None:
    read_or_refuse(pathological(family, context, SIZE))


@pytest.mark.parametrize("name", sorted(FOUND))
def test_inputs_that_once_crashed(name: str) -> None:
    read_or_refuse(FOUND[name])


MARKUP = st.sampled_from(
    ["[", "]", "(", ")", "](", "[^", "^{", "}", "^", "*", "**", "_", "\\", "|", "#", "¹", "/", "1", "a", " ", "."]
)
LINE_STARTS = st.sampled_from(["\n", "\n\n", "\n1. ", "\n(a) ", "\n# ", "\n| ", "\n¹ ", "\nI.\n", "\n1000. "])


@settings(max_examples=80, derandomize=True, deadline=timedelta(seconds=5))
@given(st.lists(st.tuples(st.one_of(MARKUP, MARKUP, LINE_STARTS), st.integers(1, 2_000)), max_size=12))
def test_runs_of_markup_characters_read_or_are_refused(runs: list[tuple[str, int]]) -> None:
    """Long runs of markup characters and line starts, mixed; the deadline catches a reader
    that went quadratic again (these inputs reach 48,000 characters)."""
    body = "".join(unit * count for unit, count in runs)
    read_or_refuse(f"79/1. Title\n\nThe General Assembly,\n\n1. {body}\n")
