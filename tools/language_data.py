"""Fill the generated knowledge of resodiff's language files: dates from CLDR (through Babel),
number words from num2words.

Each ``src/resodiff/data/languages/<code>.json`` that has a ``cldr`` block names its sources:

* ``date``: the locale whose *long* date format is the one UN documents print (``en_GB``'s
  ``d MMMM y`` for English, ``zh``'s ``y年M月d日`` for Chinese);
* ``months``: the locales whose month names (format context, wide: the forms used inside a
  date, such as Russian genitive ``ноября``) make one month name; several are joined with
  ``/``, which is how the UN's Arabic prints a month: Levantine name, then Gregorian
  (``تشرين الثاني/نوفمبر``);
* ``un_spelling``: where the UN's editorial practice writes a CLDR form differently (the
  Russian year word ``года`` for CLDR's ``г.``; the Arabic ``يونيه`` for ``يونيو``). The UN
  form is what resodiff prints; both forms are read.

From these, this script writes ``header.months`` (the printed names; numerals where the date
format writes the month as a number), ``header.month_variants`` (other spellings read, with
their month), ``header.date_pattern`` and ``header.date_format``.

* ``places``: a locale whose place names (the exemplar cities of its time zones, its names of
  countries and territories) make ``technical.places``, for a script without capital letters
  (Arabic): there a name is told from a word by being a known place (``فيينا`` → ``لشبونة``).

The same locale gives ``decimal``, the decimal separator (``3,6 millions`` in French, ``3.6
million`` in English), which tells a decimal number from a footnote marker glued to a comma,
and ``group``, the separator of a figure's groups of three (a no-break space in French and
Russian: ``16 662 000`` wraps whole).

A file that names ``num2words``' code for its language gets ``numbers``: the ordinals and the
cardinals 1 to 130 as the language writes them (``seventy-ninth``, ``soixante-dix-neuf``),
which read sessions in words and tell a rolled-over number from a changed word.

Babel and num2words are needed here and in the test that checks the files against them
(tests/test_languages.py), never at run time: resodiff reads the JSON alone.

Usage: ``python tools/language_data.py`` rewrites the files; ``--check`` only reports the files
that differ from what the sources give (exit status 1).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import tokenize_pattern
from num2words import num2words

LANGUAGES = Path(__file__).resolve().parent.parent / "src" / "resodiff" / "data" / "languages"

#: the keys of ``header`` this script owns
GENERATED = ("months", "month_variants", "date_pattern", "date_format")
#: the sessions and numbers a resolution names in words: the General Assembly is in its
#: eighties, and 130 leaves room for every session to come and every number of paragraphs
LAST_NUMBER = 130


def _escape(text: str) -> str:
    """A literal for the pattern; spaces stay plain spaces, which the reader widens to any space."""
    return re.escape(text).replace("\\ ", " ")


def _spell(text: str, spelling: dict[str, str]) -> str:
    for cldr, un in spelling.items():
        text = text.replace(cldr, un)
    return text


def _month_names(locales: list[str], spelling: dict[str, str]) -> tuple[list[str], dict[str, int]]:
    """The UN's month names and, by month, the CLDR spellings that differ from them."""
    wide = [Locale.parse(code).months["format"]["wide"] for code in locales]
    cldr = ["/".join(names[month] for names in wide) for month in range(1, 13)]
    printed = [_spell(name, spelling) for name in cldr]
    variants = {name: month for month, (name, un) in enumerate(zip(cldr, printed, strict=True), 1) if name != un}
    return printed, variants


def date_knowledge(cldr: dict[str, Any], first_day: str | None) -> dict[str, Any]:
    """The generated ``header`` entries of one language, from its ``cldr`` block."""
    spelling: dict[str, str] = cldr.get("un_spelling", {})
    tokens = tokenize_pattern(Locale.parse(cldr["date"]).date_formats["long"].pattern)
    pattern: list[str] = []
    layout: list[str] = []
    months: list[str] = []
    variants: dict[str, int] = {}
    literal = ""

    def flush() -> None:
        nonlocal literal
        # CLDR separates some fields with no-break spaces; running text has any space there
        text = " ".join(literal.split(" ")).replace("\u202f", " ").replace("\u00a0", " ")
        un = _spell(text, spelling)
        pattern.append(_escape(un) if un == text else f"(?:{_escape(un)}|{_escape(text)})")
        layout.append(un.replace("{", "{{").replace("}", "}}"))
        literal = ""

    for kind, value in tokens:
        if kind == "chars":
            literal += value
            continue
        flush()
        letter, width = value
        if letter == "d":
            day = r"\d{1,2}" + (f"|{_escape(first_day)}" if first_day else "")
            pattern.append(f"(?P<day>{day})")
            layout.append("{day}")
        elif letter in "ML" and width >= 3:
            months, variants = _month_names(cldr["months"], spelling)
            pattern.append("(?P<month>{months})")
            layout.append("{month}")
        elif letter in "ML":
            # the month as a number (Chinese 11月): its "names" are the numerals
            months = [str(month) for month in range(1, 13)]
            pattern.append("(?P<month>{months})")
            layout.append("{month}")
        elif letter == "y":
            pattern.append(r"(?P<year>\d{4})")
            layout.append("{year}")
        else:
            raise ValueError(f"the long date format of {cldr['date']} has a field resodiff cannot read: {letter}")
    flush()
    generated: dict[str, Any] = {"months": months}
    if variants:
        generated["month_variants"] = variants
    generated["date_pattern"] = "".join(pattern)
    generated["date_format"] = "".join(layout)
    return generated


def number_words(code: str) -> dict[str, list[str]]:
    """The ordinals and cardinals 1 to LAST_NUMBER in num2words' language ``code``."""
    return {
        form: [num2words(n, to=form, lang=code) for n in range(1, LAST_NUMBER + 1)] for form in ("ordinal", "cardinal")
    }


def place_names(code: str) -> list[str]:
    """CLDR's place names in locale ``code``: the exemplar cities of its time zones and its
    names of countries and territories (single words and longer names alike), sorted."""
    locale = Locale.parse(code)
    cities = (zone.get("city") for zone in locale.time_zones.values())
    territories = (name for key, name in locale.territories.items() if key.isalpha())
    return sorted({name for name in (*cities, *territories) if name})


def regenerate(entry: dict[str, Any]) -> dict[str, Any]:
    """The language entry with its generated knowledge (dates, number words, place names)
    brought up to date."""
    entry = _with_numbers(entry)
    if "cldr" not in entry:
        return entry
    if "places" in entry["cldr"]:
        technical = {key: value for key, value in entry.get("technical", {}).items() if key != "places"}
        entry = {**entry, "technical": {**technical, "places": place_names(entry["cldr"]["places"])}}
    symbols = Locale.parse(entry["cldr"]["date"]).number_symbols["latn"]
    entry = {**entry, "decimal": symbols["decimal"], "group": symbols["group"]}
    header: dict[str, Any] = entry.get("header", {})
    fresh = date_knowledge(entry["cldr"], header.get("first_day"))
    # the date entries open the header; the date format keeps its place among the other formats
    merged = {key: fresh[key] for key in GENERATED[:-1] if key in fresh}
    for key, value in header.items():
        if key not in GENERATED:
            merged[key] = value
        elif key == "date_format":
            merged[key] = fresh[key]
    merged.setdefault("date_format", fresh["date_format"])
    # the header follows its sources
    result = {key: value for key, value in entry.items() if key != "header"}
    keys = list(result)
    keys.insert(keys.index("cldr") + 1, "header")
    return {key: merged if key == "header" else result[key] for key in keys}


def _with_numbers(entry: dict[str, Any]) -> dict[str, Any]:
    """``numbers`` right after the ``num2words`` code it comes from (removed where there is none)."""
    result = {key: value for key, value in entry.items() if key != "numbers"}
    code = result.get("num2words")
    if not code:
        return result
    keys = list(result)
    keys.insert(keys.index("num2words") + 1, "numbers")
    result["numbers"] = number_words(code)
    return {key: result[key] for key in keys}


def dumps(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="Report the files that differ from what the sources give; write nothing."
    )
    arguments = parser.parse_args(argv)
    stale = []
    for path in sorted(LANGUAGES.glob("*.json")):
        current = path.read_text(encoding="utf-8")
        wanted = dumps(regenerate(json.loads(current)))
        if wanted != current:
            stale.append(path.name)
            if not arguments.check:
                path.write_text(wanted, encoding="utf-8")
    verb = "differ from their sources" if arguments.check else "rewritten"
    print(f"{len(stale)} {verb}: {', '.join(stale)}" if stale else "every language file agrees with its sources")
    return 1 if stale and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
