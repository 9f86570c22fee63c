"""Fuzzing of the readers: mutated real files, each read must give a resolution or a ResodiffError.

The mutations are data (a list of :class:`Mutation`), so that Hypothesis can shrink a failing
input to the few edits that matter and the timed runner (``tests/fuzz/run.py``) can draw the
same edits at random for as long as it is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resodiff.errors import ResodiffError
from resodiff.model import Resolution

ROOT = Path(__file__).resolve().parents[2]
CRASHES = Path(__file__).resolve().parent / "crashes"

#: pieces of markup that the readers give meaning to, inserted where they were not meant
FRAGMENTS = (
    # text form
    "\n\n", "\n", "*", "**", "[", "]", "](#)", "[77/18](#)", "^{", "^{er}", "}", "¹", "²", "⁴²", "[^1]:", "# ",
    "## I. ",
    "| a | b |\n|---|---|\n", "(a) ", "a) ", "(iv) ", "1. ", "1000. ", "- ", "\\", "79/9. ", "A/RES/81/5", "A/81/L.5",
    "The General Assembly,", "L'Assemblée générale,", "United Nations A/RES/81/5", "Annex", "Annexe",
    "\r", "\r\n", "\t", "\f", "\u00a0", "\u202e", "\u200b", "\ufeff", "\ufffd", "n°", "’", "«", "1^{er}",
    # XML
    "<", ">", "&", "&amp;", "&#0;", "&#x1b;", "&#xfffe;", "&lt;", "<p>", "</p>", "<p/>", "<i>", "</i>", "<b>", "<sup>",
    "<authorialNote marker=\"9\">", "</authorialNote>", "<ref href=\"#x\">", "</ref>", "<ref href=\"\">",
    "<date date=\"2024-02-30\">", "<date date=\"²\">", "</date>", "<num>", "</num>", "<num>²</num>",
    "<session value=\"²\">", "<session value=\"\">", "colspan=\"²\"", "colspan=\"0\"", "rowspan=\"99999999999\"",
    "<table><tr><td>x</td></tr></table>", "<td colspan=\"²\">", "<container>", "</container>", "<paragraph>",
    "</paragraph>", "<list>", "<point>", "<subheading>", "<heading>", "<docNumber>", "</docNumber>",
    "<preamble>", "</preamble>", "<mainBody/>", "<attachments>", "<documentCollection>", "<![CDATA[x]]>",
    "<!-- c -->", "<?pi x?>", "<!DOCTYPE a>", "<!ENTITY x \"y\">", "xmlns=\"urn:x\"", "eId=\"para_1\"",
    "xml:space=\"preserve\"", "\"", "'",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mutation:
    """One edit: ``kind`` at a place given as a fraction of the length, with ``payload``."""

    kind: str  # flip, truncate, insert, delete, duplicate
    where: float
    payload: str = ""
    amount: int = 1


def apply(data: bytes, mutations: list[Mutation]) -> bytes:
    for mutation in mutations:
        at = min(int(mutation.where * len(data)), len(data))
        if mutation.kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (mutation.amount % 255 + 1)]) + data[at + 1 :]
        elif mutation.kind == "truncate":
            data = data[:at]
        elif mutation.kind == "insert":
            data = data[:at] + mutation.payload.encode("utf-8", "surrogatepass") * mutation.amount + data[at:]
        elif mutation.kind == "delete":
            data = data[:at] + data[at + mutation.amount :]
        elif mutation.kind == "duplicate":
            data = data[:at] + data[at : at + mutation.amount] * 3 + data[at:]
    return data


@cache
def seeds() -> dict[str, bytes]:
    """Real inputs to mutate: the seed, the fixtures, and the same in Akoma Ntoso."""
    from resodiff.akn import to_akn_bytes
    from resodiff.ingest import read_bytes

    texts = {
        "seed.txt": (ROOT / "seeds" / "000_94d00cddfaaae410.txt").read_bytes(),
        "en-illustrative.md": (ROOT / "fixtures" / "en-illustrative-resolution.md").read_bytes(),
        "draft.md": (ROOT / "fixtures" / "draft-chain" / "A_81_L.5_Rev.1.md").read_bytes(),
    }
    found = dict(texts)
    # a draft written as AKN does not read back (no resolution number in its preface): not a seed
    for name in ("seed.txt", "en-illustrative.md"):
        found[name.rsplit(".", 1)[0] + ".xml"] = to_akn_bytes(read_bytes(texts[name], file=name))
    return found


def warm_up() -> None:
    """Pay the one-time costs (the seeds, the official schema: seconds) before inputs are timed."""
    from resodiff.akn.validate import official_schema

    official_schema()
    for name in seeds():
        original(name)


@cache
def original(name: str) -> Resolution:
    from resodiff.ingest import read_bytes

    return read_bytes(seeds()[name], file=name)


def crash_files() -> list[Path]:
    """The corpus of inputs that once crashed a reader: ``SEED--DIGEST`` (SEED names the file
    they were mutated from, which the replay compares them with)."""
    return sorted(path for path in CRASHES.iterdir() if "--" in path.name)


def random_mutations(rng: random.Random) -> list[Mutation]:
    """The timed runner's draw: one to six edits, as the Hypothesis strategy draws them."""
    mutations = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(("flip", "truncate", "insert", "insert", "insert", "delete", "duplicate"))
        payload = ""
        if kind == "insert":
            if rng.random() < 0.75:
                payload = rng.choice(FRAGMENTS)
            else:  # random characters, mostly ASCII, some from anywhere in Unicode
                codes = (rng.choice((rng.randrange(0x20, 0x80), rng.randrange(0x110000))) for _ in range(12))
                payload = "".join(map(chr, codes))[: rng.randint(1, 12)]
        mutations.append(Mutation(kind, rng.random(), payload, rng.choice((1, 1, 2, 3, 50, 2000))))
    return mutations


def exercise(data: bytes, name: str) -> None:
    """What a user can do with a file: read it, and if it reads, write it as AKN and text, compare
    it with the file it came from, validate it as AKN. Raises only :class:`ResodiffError`."""
    from resodiff.akn import to_akn_bytes, validate_akn
    from resodiff.diff import diff_resolutions
    from resodiff.ingest import read_bytes
    from resodiff.report.model_text import to_text

    if name.endswith(".xml"):
        validate_akn(data, name)
    resolution = read_bytes(data, file=name)
    to_akn_bytes(resolution)
    to_text(resolution)
    diff_resolutions(original(name), resolution)


def outcome(data: bytes, name: str) -> BaseException | None:
    """None, or the exception that is not a :class:`ResodiffError` (a crash)."""
    try:
        exercise(data, name)
    except ResodiffError:
        return None
    except Exception as error:
        return error
    return None
