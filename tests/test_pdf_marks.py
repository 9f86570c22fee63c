"""A PDF producer that maps each glyph to the text of the cluster it first drew it in
(WeasyPrint: one ToUnicode entry per glyph) gives a vowel sign's glyph its letter too (a damma
drawn first over an alef reads "أُ" wherever it stands); a glyph that takes no room is a mark,
and is read as its marks alone."""

from __future__ import annotations

from resodiff.ingest.pdfglyphs import _Face


class _Font:
    """A font's character map and widths, as pdfminer's PDFFont answers them."""

    def __init__(self, glyphs: dict[int, tuple[str, float]]) -> None:
        self.glyphs = glyphs

    def to_unichr(self, cid: int) -> str:
        return self.glyphs[cid][0]

    def char_width(self, cid: int) -> float:
        return self.glyphs[cid][1]


def test_a_glyph_that_takes_no_room_is_read_as_its_marks_alone() -> None:
    face = _Face(_Font({1: ("أُ", 0.0), 2: ("ي", 0.3), 3: ("ﻻ", 0.4), 4: ("fi", 0.5)}), False, False)  # type: ignore[arg-type]
    assert [face.code(cid)[1] for cid in (1, 2, 3, 4)] == ["\u064f", "ي", "لا", "fi"]
