"""The diff's text fast paths give what the general paths give: words of ASCII texts, single
spaces, word tokens with marks inside."""

from __future__ import annotations

import random
import re

from resodiff.diff.tokens import tokenize, word_keys
from resodiff.typography import normalize_typography

_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_ascii_words_are_the_word_pattern_s() -> None:
    draw = random.Random(7)
    alphabet = [chr(c) for c in range(128)]
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 24)))
        assert word_keys(text) == re.findall(r"\w+", text.lower())


def test_every_kind_of_space_collapses_to_one_plain_space() -> None:
    """A text with a control character (a paragraph's key joins its footnotes with one) and any
    Unicode space: one plain space between words, none at the ends."""
    draw = random.Random(11)
    alphabet = ["a", "b", "\x00", *_SPACES]
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 12)))
        assert normalize_typography(text) == " ".join(text.split())


def _word_runs(text: str, marks: str) -> list[str]:
    """Runs of letters and marks that open with a letter, found character by character."""
    runs, at = [], 0
    while at < len(text):
        if text[at].isalpha():
            end = at + 1
            while end < len(text) and (text[end].isalpha() or text[end] in marks):
                end += 1
            runs.append(text[at:end])
            at = end
        else:
            at += 1
    return runs


def test_a_word_keeps_its_marks_wherever_they_stand() -> None:
    draw = random.Random(5)
    marks = "\u0301\u00ad\u200b\u064b"
    alphabet = ["a", "é", "\u0627", " ", "-", *marks]
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 16)))
        words = [t.text for t in tokenize(text) if t.kind == "word"]
        assert words == _word_runs(text, marks)
