"""The alignment rules of issue 12 (docs/classification.md, "Alignment"), each on both sides."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.diff.align import Unit, align
from resodiff.diff.tokens import word_keys
from resodiff.model import Footnote, Paragraph, Resolution, Text

from .conftest import SEED


def _units(texts: list[str]) -> list[Unit]:
    return [Unit.of(text.lower(), word_keys(text.lower())) for text in texts]


def _partners(old: list[str], new: list[str]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(p.old, p.new) for p in align(_units(old), _units(new)) if p.old and p.new}


FIRST = "Welcomes the tenth meeting of the regional forum on water held in the capital last spring"
LAST = "Decides to remain seized of the matter and to consider it again at a later session of the body"
SHORT = "Calls upon Member States to support the implementation of the regional water strategy of the forum"
EXTENDED = (
    f"{SHORT}, including through the new recommendations adopted by the forum at its tenth meeting on the "
    "management of aquifers, transboundary basins, seasonal floods and droughts, and the sharing of data "
    "and the training of staff in the basin authorities and in the ministries of the riparian States"
)


def test_a_paragraph_extended_in_place_keeps_its_partner() -> None:
    """Contained whole in its extended self, between aligned neighbours: modified, however long
    the addition (Dice alone is under 0.5 here)."""
    assert ((1,), (1,)) in _partners([FIRST, SHORT, LAST], [FIRST, EXTENDED, LAST])


MIDDLE = "Stresses the importance of the annual report of the secretariat of the body to the plenary"


def test_containment_counts_only_between_aligned_neighbours() -> None:
    """The same two paragraphs further apart are not paired: a move past two paired paragraphs
    needs more words."""
    assert ((1,), (3,)) not in _partners([FIRST, SHORT, MIDDLE, LAST], [FIRST, MIDDLE, LAST, EXTENDED])


def test_a_paragraph_swapped_with_its_neighbour_is_still_in_place() -> None:
    """Past one paired paragraph, the evidence of an update in place still holds: moved, not
    deleted and inserted."""
    assert ((1,), (2,)) in _partners([FIRST, SHORT, LAST], [FIRST, LAST, EXTENDED])


def test_a_move_needs_more_than_common_words() -> None:
    """A paragraph sharing 0.59 of its words with one elsewhere, all of them words the whole
    part uses, is no move: deleted and inserted."""
    common = "of the Commission on the meeting of the group at its session"
    context = [f"Welcomes the report {common}", f"Takes note of the work {common}", f"Decides to consider it {common}"]
    old = f"Requests the Secretary-General to submit a report to the Commission on the meeting {common[-24:]}"
    new = (
        "Authorizes the expert group to continue its work on model strategies for reducing reoffending in "
        f"prisons and to report to the Commission on the meeting {common[-24:]}"
    )
    assert _partners([*context, old], [new, *context]) == {((0,), (1,)), ((1,), (2,)), ((2,), (3,))}
    # with a rare word in common as well, the same pair is a move
    assert ((3,), (0,)) in _partners([*context, f"{old} on reoffending"], [new, *context])


def _with_footnotes(resolution: Resolution, notes: list[str]) -> Resolution:
    first = resolution.preamble[0]
    content = (*first.content, *(Footnote(str(n), (Text(text),)) for n, text in enumerate(notes, 1)))
    paragraph: Paragraph = replace(first, content=content)
    return replace(resolution, preamble=(paragraph, *resolution.preamble[1:]))


def test_footnotes_pair_by_content_and_by_place() -> None:
    """One footnote gone from the middle leaves the one after it unchanged; a footnote whose
    citation changed completely is still the one at its place."""
    seed = resodiff.read(SEED)
    old = _with_footnotes(seed, ["A/77/277.", "Resolution 70/1, annex.", "Official Records, Supplement No. 23."])
    new = _with_footnotes(seed, ["A/79/302.", "Official Records, Supplement No. 23.", "A/79/1."])
    notes = resodiff.diff(old, new).changes[0].footnotes
    assert [(n.kind, n.old_label, n.new_label) for n in notes] == [
        ("modified", "1", "1"),
        ("deleted", "2", None),
        ("unchanged", "3", "2"),
        ("inserted", None, "3"),
    ]


RECALL = "Recalls paragraphs 8 and 13 of the report of the Advisory Committee on the programme of work"
DOWNSIZING = "Notes the efforts of the forum to gradually reduce its operations in the light of its reduced functions"
SECRETARIAT = "Requests the secretariat of the forum to publish its annual report in all official languages"
REVIEW = "Encourages the riparian States to review the management of the basin every five years"


def test_paragraphs_far_apart_can_merge() -> None:
    """Two paragraphs combined into one from opposite ends of the part, with words of its own
    (the recall's paragraph numbers updated, a new request added): a merge of both."""
    merged = (
        f"{RECALL.replace('8 and 13', '10 and 21')}, {DOWNSIZING[0].lower()}{DOWNSIZING[1:]}, and requests the "
        "secretariat to propose appropriate resources in its next report"
    )
    old = [FIRST, RECALL, SECRETARIAT, REVIEW, DOWNSIZING, LAST]
    new = [FIRST, merged, SECRETARIAT, REVIEW, LAST]
    assert ((1, 4), (1,)) in _partners(old, new)


#: paragraphs that share no rare word with the pieces of a merge, kept unchanged between them
FILLERS = (
    "Welcomes the accession of new members to the convention on migratory birds",
    "Stresses the importance of the annual report of the secretariat of the body to the plenary",
    "Takes note of the census of fishing vessels conducted in the northern archipelago",
    "Encourages the riparian States to review the management of the basin every five years",
    "Notes with concern the spread of invasive plant species along mountain roads",
    "Decides to hold the next conference of the parties in a city of the southern hemisphere",
    "Urges donors to fund the restoration of the wetlands of the delta",
)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(
    before=st.integers(min_value=0, max_value=3),
    between=st.integers(min_value=1, max_value=4),
    merged_at=st.integers(min_value=0, max_value=4),
)
def test_a_merge_is_found_however_far_apart_its_pieces(before: int, between: int, merged_at: int) -> None:
    """The two pieces merge whatever stands before them or between them, and wherever the new
    text puts the merged paragraph among the paragraphs that stayed."""
    merged = f"{RECALL}, {DOWNSIZING[0].lower()}{DOWNSIZING[1:]}, and requests the secretariat to report"
    fillers = list(FILLERS[: before + between])
    old = [*fillers[:before], RECALL, *fillers[before:], DOWNSIZING]
    new = list(fillers)
    at = min(merged_at, len(new))
    new.insert(at, merged)
    assert (tuple(sorted((before, len(old) - 1))), (at,)) in _partners(old, new)


def test_a_generic_paragraph_is_no_piece_of_a_distant_one() -> None:
    """A short paragraph made of words a long one has, scattered (the part's common words), is
    not split off from it: inserted, however much of it the long one contains."""
    kept = f"{SHORT}, including through the new recommendations adopted by the forum at its tenth meeting"
    generic = "Invites the staff of the ministries and the authorities in the States to share the data"
    old = [FIRST, EXTENDED, SECRETARIAT, REVIEW, LAST]
    new = [FIRST, kept, SECRETARIAT, REVIEW, generic, LAST]
    assert {(old, new) for old, new in _partners(old, new) if 1 in old} == {((1,), (1,))}


def _notes(notes: list[tuple[str, str]]) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(part="operative", num=None, content=(Text("\t"), Text(label, sup=True), Text(f"\t{text}")))
        for label, text in notes
    )


def test_a_table_note_relettered_is_renumbered_not_changed() -> None:
    """A note under a table opens with its superscript letter; when a note before it goes, "c"
    becomes "b": renumbered, its text unchanged."""
    seed = resodiff.read(SEED)
    old = replace(seed, operative=_notes([("a", "See A/77/528."), ("b", "See A/77/628."), ("c", "After recosting.")]))
    new = replace(seed, operative=_notes([("a", "See A/79/555."), ("b", "After recosting.")]))
    last = [c for c in resodiff.diff(old, new).changes if c.part == "operative"][-1]
    assert (last.kind, last.renumbered, last.old_numbers, last.new_numbers) == ("unchanged", True, ("c",), ("b",))


def _in_parts(preamble: list[str], operative: list[str]) -> Resolution:
    seed = resodiff.read(SEED)
    pre, op = seed.preamble[0], seed.operative[0]
    return replace(
        seed,
        preamble=tuple(replace(pre, content=(Text(text),)) for text in preamble),
        operative=tuple(replace(op, num=f"{n}.", content=(Text(text),)) for n, text in enumerate(operative, 1)),
        annexes=(),
    )


MINE_ACTION = (
    "Recalls the completion of the update of the international standards for the clearance of landmines "
    "and unexploded ordnance in humanitarian operations"
)
DISPOSAL = (
    "Recalls the completion of the disposal standards for improvised explosive devices, applicable where "
    "the context of the operations is not humanitarian"
)
BOTH_RECALLED = (
    "Recalling the update of the international standards for the clearance of landmines and unexploded "
    "ordnance in humanitarian operations, and the completion of the disposal standards for improvised "
    "explosive devices, applicable where the context is not humanitarian"
)


def test_two_operative_paragraphs_merged_into_one_preambular() -> None:
    """Two operative recalls, each of which would go to the same new preambular "Recalling" on
    its own, combined there: one merge across the parts, not a crossing and a deletion. One of
    them alone (the other kept in the operative part) crosses alone."""
    old = _in_parts([FIRST], [MIDDLE, MINE_ACTION, DISPOSAL, LAST])
    new = _in_parts([FIRST, BOTH_RECALLED], [MIDDLE, LAST])
    crossed = [c for c in resodiff.diff(old, new).changes if c.new_part is not None]
    assert [(c.kind, c.part, c.old, c.new_part, c.new) for c in crossed] == [
        ("merged", "operative", (2, 3), "preamble", (2,))
    ]
    kept = _in_parts([FIRST, BOTH_RECALLED], [MIDDLE, DISPOSAL, LAST])
    crossed = [c for c in resodiff.diff(old, kept).changes if c.new_part is not None]
    assert [(c.kind, c.old, c.new) for c in crossed] == [("moved", (2,), (2,))]


WATER = (
    "du comité régional pour la coopération dans le domaine de l'eau potable et de l'assainissement au niveau "
    "national et local"
)
WATER_FIRST = f"Accueille avec satisfaction le rapport annuel {WATER} et les travaux de son bureau exécutif"
WATER_LAST = f"Décide de rester saisie de la question {WATER} à sa prochaine session ordinaire"
WATER_NEW = f"Encourage les États Membres à appuyer les activités {WATER} ainsi que les efforts de formation"


@pytest.mark.parametrize(
    ("old_opening", "new_opening", "paired"),
    [("Prend note en outre", "Prend note avec satisfaction", False), ("Prend note avec satisfaction",) * 2 + (True,)],
)
def test_the_same_opening_is_the_same_listed_phrase(old_opening: str, new_opening: str, paired: bool) -> None:
    """Two paragraphs in one slot sharing 48 % of their words, all of them words every paragraph
    of the part has: the same paragraph updated when they open with the same phrase the language
    lists, not when they only share its first words. "Prend note en outre" and "Prend note avec
    satisfaction" ("Further notes", "Takes note with appreciation") are two openings, as they are
    in English, whose first words differ. (A new paragraph inserted after them keeps the pair
    from being the one left on each side of its gap.)"""
    old_text = (
        f"{old_opening} des activités {WATER}, notamment des ateliers tenus dans les provinces du nord sur la "
        "gestion intégrée des bassins versants, la surveillance des nappes souterraines, la réparation des "
        "forages ruraux et la formation continue des techniciens municipaux et régionaux"
    )
    new_text = (
        f"{new_opening} de la déclaration adoptée {WATER}, lors de la réunion ministérielle tenue dans la "
        "capitale au printemps dernier, qui engage chaque pays à publier un plan chiffré, à mobiliser des "
        "financements privés et à rendre compte publiquement tous les deux ans au secrétariat"
    )
    old = _in_parts([], [WATER_FIRST, old_text, WATER_LAST])
    new = _in_parts([], [WATER_FIRST, new_text, WATER_NEW, WATER_LAST])
    report = resodiff.diff(old, new)
    assert report.old.language == "fra"
    assert (("modified", (2,), (2,)) in [(c.kind, c.old, c.new) for c in report.changes]) is paired


@pytest.mark.parametrize("related", [False, True])
def test_paragraphs_sharing_no_word_with_the_others_anchor_nothing(related: bool) -> None:
    """Two paragraphs in words no other paragraph uses, put in both texts on either side of a
    paragraph extended in its slot, neither anchor nor count among the paragraphs that stayed:
    the extended paragraph keeps its partner (and they keep theirs). Two paragraphs of the
    resolution's own words in their place are paragraphs the extended one travelled past: a
    move, which containment alone does not make."""
    if related:
        first, second = MIDDLE, "Requests the secretariat of the body to report on the regional water strategy"
    else:
        first, second = "Quokka zeppelin marmalade tuba origami", "Walrus kumquat yodel gazpacho"
    found = _partners([FIRST, first, second, SHORT, LAST], [FIRST, EXTENDED, first, second, LAST])
    assert (((3,), (1,)) in found) is not related
    assert {((1,), (2,)), ((2,), (3,))} <= found
