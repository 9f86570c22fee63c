"""The diff's fast paths give what the general paths give (hypothesis draws the inputs)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resodiff.diff.align import Unit
from resodiff.typography import _REPLACEMENTS, _SPECIAL, _replace_specials

_WORDS = st.lists(
    st.sampled_from(["the", "assembly", "77", "décide", "и", "年", "a"]) | st.text(max_size=4), max_size=20
)


@given(st.lists(_WORDS, min_size=1, max_size=4), st.integers(0, 3))
def test_units_made_with_a_pool_of_words_are_those_made_with_interned_words(
    texts: list[list[str]], opening: int
) -> None:
    """A pool shared by the units of one comparison gives each the words interning gives, one
    string per word across the units."""
    pool: dict[str, str] = {}
    pooled = [Unit.of(" ".join(words), list(words), frozenset({"77"}), opening, pool) for words in texts]
    for unit, words in zip(pooled, texts, strict=True):
        assert unit == Unit.of(" ".join(words), list(words), frozenset({"77"}), opening)
        assert all(pool[word] is word for word in unit.sequence)


@given(
    st.text(st.sampled_from(["a", " ", "é", "`", "\uff40", "\u2019", "\u00ad", "\ufb01", "\u0640"]) | st.characters())
)
def test_typography_replaces_characters_as_one_substitution_does(text: str) -> None:
    """Replacing the characters one kind at a time gives what one pass over the text gives: what
    a replacement writes (the full-width grave accent's "`") is not replaced again."""
    assert _replace_specials(text) == _SPECIAL.sub(lambda match: _REPLACEMENTS[match.group()], text)
