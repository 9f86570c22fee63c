"""The diff's text fast paths give what the general paths give: words of ASCII texts, single
spaces, word tokens with marks inside, tokens made text by text."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resodiff.diff import tokens
from resodiff.diff.tokens import token_columns, token_keys, token_pattern, tokenize, word_keys
from resodiff.typography import _REPLACEMENTS, keeps_typography, normalize_typography

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


def _tokens_one_by_one(text: str) -> list[tuple[str, str, str]]:
    """Tokens read match by match: a space's key is one plain space, a date's has no spaces, any
    other token's is its text, typography normalised where it is not ASCII."""
    tokens = []
    for match in token_pattern().finditer(text):
        kind, raw = match.lastgroup or "other", match.group()
        key = raw if raw.isascii() else normalize_typography(raw)
        tokens.append((raw, " " if kind == "space" else "".join(key.split()) if kind == "date" else key, kind))
    return tokens


def test_tokens_made_text_by_text_are_those_read_token_by_token() -> None:
    """The tokenizer copies keys from texts and mends only the tokens whose key differs (spaces
    other than one plain one, dates, non-ASCII words); its tokens cut the text whole, which the
    word diff relies on to slice a run of tokens out of the text."""
    draw = random.Random(13)
    pieces = ["a", "Word", " ", "  ", "\u00a0", "\n", "7", "18 November 2024", "18\u00a0novembre 2024", "A/RES/77/18"]
    pieces += [",", "/", "é", "\u2019", "\u0627", "\u5e74", "2024年11月18日", "77/18 B", "1,000.5%", "`"]
    pieces += ["слово", "e\u0301", "\u0627\u064e", "n\u00b0", "\ufb01n", "\u2013", "\u00ad", "\u3001"]
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 10)))
        tokens = tokenize(text)
        assert [tuple(token) for token in tokens] == _tokens_one_by_one(text)
        assert "".join(token.text for token in tokens) == text
        assert list(zip(*token_columns(text), strict=True)) == _tokens_one_by_one(text)
        assert token_keys(text) == token_columns(text)[:2]


# letters of several scripts, the characters typography replaces, spaces and combining marks
_TYPESET = st.text(
    st.sampled_from(["a", "Z", "я", "\u0627", "\u5e74", "e", "\u0301", "\u00b0", " ", "\u00a0", "-", "/"])
    | st.sampled_from(sorted(_REPLACEMENTS))
    | st.characters(codec="utf-8"),
    max_size=12,
)


@given(_TYPESET)
def test_a_text_said_to_keep_its_typography_does(text: str) -> None:
    """The quick test that lets the tokenizer copy a word as its key never says so of a text that
    normalising changes."""
    if keeps_typography(text):
        assert normalize_typography(text) == text


@given(_TYPESET)
def test_token_columns_are_the_tokens(text: str) -> None:
    """The word diff's columns of tokens are the tokens read one by one, field by field."""
    columns = token_columns(text)
    assert list(zip(*columns, strict=True)) == _tokens_one_by_one(text)
    assert all(len(column) == len(columns[0]) for column in columns)


# dates of every language, cut and spaced as converters leave them, among numbers and words
_DATED = st.lists(
    st.sampled_from(
        ["18 November 2024", "18 NOVEMBER 2024", "1er mai 2023", "18\u00a0novembre 2024", "2024年11月18日"]
        + ["18 ноября 2024 года", "18 de noviembre de 2024", "18 تشرين الأول/ أكتوبر 2024", "18 November"]
        + ["77/18 B", "1\u00a0000", "2024", " ", "\u00a0", "\n", "of", "Dé", "²", "٣"]
    )
    | _TYPESET,
    max_size=8,
).map("".join)


@given(_DATED)
def test_the_word_diff_s_tokens_are_the_columns_texts_and_keys(text: str) -> None:
    """The word diff's tokens, found without their kinds, have the texts and keys of the columns
    that read each token's kind."""
    assert token_keys(text) == token_columns(text)[:2]


def test_dates_that_open_with_a_letter_are_read_by_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a language's date opened with a letter, a date could not be told by its first
    character: the tokens are then the columns' own."""
    monkeypatch.setattr(tokens, "_digit_dates", lambda: None)
    token_keys.cache_clear()
    text = "on 18 November 2024, A/RES/77/18 and 2024年11月18日"
    assert token_keys(text) == token_columns(text)[:2]
    token_keys.cache_clear()


def test_an_ascii_text_normalises_as_one_with_other_characters() -> None:
    """An ASCII text skips composition and the search for the non-ASCII variants: it gives what
    the same text after a non-ASCII opening (which no rule joins to it) gives."""
    draw = random.Random(17)
    alphabet = ["a", "Bc", " ", "  ", "\t", "\n", "`", "-", "/", "'", "\x00", "n", "7"]
    opening = "\u00e9\x00 "
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 12)))
        assert normalize_typography(opening + text) == (opening + normalize_typography(text)).rstrip(" ")


@given(
    st.text(
        st.sampled_from(["a", "Z", "é", "É", "я", "Я", "ß", "İ", "\u0627", "\u060c", "\u00a0", "\u0301", "_", "-", " "])
        | st.sampled_from(["\x00", "\x1f", "'", "7", "\u0663", "\u00b2", "\u5e74", "\u3001"])
        | st.characters(codec="utf-8"),
        max_size=16,
    )
)
def test_words_split_by_the_bytes_table_are_the_word_pattern_s(text: str) -> None:
    """A text's words split at the ASCII characters that are no letter or digit, its UTF-8 left
    whole, are the words the pattern finds (Chinese and Japanese: each character a word)."""
    lowered = text.lower()
    pattern = rf"[{tokens._CJK}]|[^\W{tokens._CJK}]+" if re.search(rf"[{tokens._CJK}]", text) else r"\w+"
    assert word_keys(text) == re.findall(pattern, lowered)
