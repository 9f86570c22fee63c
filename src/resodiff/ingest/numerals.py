"""Roman numerals, as lists and sections number themselves (``iv)``, ``XI.``, Word's
``lowerRoman``): one conversion for every reader."""

from __future__ import annotations

from functools import cache

_DIGITS = (
    ("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
    ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1),
)  # fmt: skip


def roman(value: int) -> str:
    """``value`` as a lower-case roman numeral ("" for 0)."""
    out = []
    for digits, amount in _DIGITS:
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)


def roman_value(key: str) -> int:
    """The value of a lower-case roman numeral up to 399 written in canonical form, else 0."""
    return _roman_values().get(key, 0)


@cache
def _roman_values() -> dict[str, int]:
    return {roman(value): value for value in range(1, 400)}
