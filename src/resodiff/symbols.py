"""The grammar of UN document symbols and resolution numbers.

Below the model and the readers: the model builds AKN IRIs from symbols, the readers recognise
them in running text, the diff keeps them whole as tokens.
"""

from __future__ import annotations

import re
from pathlib import Path

_SERIES = (
    "A|S|E|ST|CCPR|CEDAW|CERD|CRC|CAT|CRPD|CED|CMW|DP|UNEP|TD|ICCD|FCCC|UNW|JIU|APLC|CCW|BWC|NPT"
    "|CD|DC|IDB|TRADE|ECE|ITU|UNCTAD|UNODC|CTOC|CAC|SC|HRC|DP/FPA"
)
_COMPONENT = r"/[A-Z0-9][A-Za-z0-9.]*(?:\((?:[IVXLC]+|\d{4})\))?"
#: ideographs and kana: Chinese and Japanese set numbers and symbols between them with no space
IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: a letter or digit that makes a number part of a longer word (an ideograph does not: 第44/8号);
#: each pattern first looks for its first character, so that these look-behinds run only there
_W = rf"[^\W{IDEOGRAPHS}]"
SYMBOL = re.compile(rf"(?=[A-Z])(?<![/])(?<!{_W})(?:{_SERIES})(?:{_COMPONENT})+(?:-(?:A|S|E)(?:{_COMPONENT})+)*(?<!\.)")
GA_NUMBER = re.compile(rf"(?=\d)(?<![/.])(?<!{_W})(\d{{1,3}})/(\d{{1,3}})(?: ([A-Z])(?![\w'’]))?(?![/])(?!{_W})")
# a no-break space often holds a number to its session or year: a session in Roman numerals or a year, 2250 (2015)
OLD_GA_NUMBER = re.compile(rf"(?=\d)(?<![/.])(?<!{_W})(\d{{1,4}})[ \u00a0\u202f]?\(([IVXLC]+)\)")
SC_NUMBER = re.compile(rf"(?=\d)(?<![/.])(?<!{_W})(\d{{1,4}})[ \u00a0\u202f]?\((\d{{4}})\)")
YEAR_NUMBER = re.compile(rf"(?=\d)(?<![/.])(?<!{_W})((?:19|20)\d\d)/(\d{{1,3}})(?![/])(?!{_W})")

#: A General Assembly resolution symbol, with its part letter (``A/RES/79/93 A``).
GA_RESOLUTION = re.compile(r"^A/RES/(?P<session>\d+)/(?P<number>\d+)(?: ?(?P<part>[A-Z](?:-[A-Z])?))?$")
RESOLUTION_BODIES = (
    ("A/HRC/RES/", "HRC"),
    ("A/RES/", "GA"),
    ("S/RES/", "SC"),
    ("E/RES/", "ECOSOC"),
)


def is_symbol(argument: str) -> bool:
    """Whether a command-line argument names a General Assembly resolution rather than a file:
    it matches the symbol grammar and no file or folder of that name exists."""
    return GA_RESOLUTION.match(argument) is not None and not Path(argument).exists()
