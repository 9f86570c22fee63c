"""Writing Akoma Ntoso: shape, eIds, FRBR IRIs, validation, round trips, cross-source agreement."""

from __future__ import annotations

import copy

import pytest
import xmlschema
from lxml import etree

import resodiff
from resodiff.akn import frbr_iris, parse_iri, to_akn, to_akn_bytes, validate_akn
from resodiff.akn.validate import official_schema, structural_findings
from resodiff.typography import normalize_typography

from .conftest import FIXTURES, OIC, SEED, needs_corpus

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
ENGLISH = FIXTURES / "en-illustrative-resolution.md"


@pytest.mark.parametrize("source", [SEED, ENGLISH], ids=["seed", "english"])
def test_output_validates_against_the_official_schema_with_xmlschema(source) -> None:  # type: ignore[no-untyped-def]
    data = to_akn_bytes(resodiff.read(source))
    assert validate_akn(data, "out.xml", thorough=True) == []
    resource = xmlschema.XMLResource(etree.fromstring(data), allow="none")
    assert official_schema().is_valid(resource, use_location_hints=False)


def test_document_shape_follows_akn4un() -> None:
    root = to_akn(resodiff.read(SEED))
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    assert [etree.QName(child).localname for child in statement] == [
        "meta",
        "coverPage",
        "preface",
        "preamble",
        "mainBody",
        "conclusions",
    ]
    containers = root.findall(".//a:preamble/a:container", NS)
    assert len(containers) == 29
    assert containers[0].get("eId") == "preamble__container_1"
    paragraphs = root.findall(".//a:mainBody/a:paragraph", NS)
    assert [p.get("eId") for p in paragraphs[:3]] == ["para_1", "para_2", "para_3"]
    assert paragraphs[0].findtext("a:num", namespaces=NS) == "1."
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("eId") for n in notes[:2]] == [
        "preamble__container_2__authorialNote_1",
        "preamble__container_5__authorialNote_2",
    ]
    assert root.find(".//a:coverPage//a:inline[@name='originating document']", NS).text == "A/79/L.9/Rev.1"


def test_frbr_iris_follow_dgacm() -> None:
    meta = resodiff.read(SEED).meta
    iris = frbr_iris(meta)
    assert iris.work == "/akn/un/statement/deliberation/unga/2024-11-18/79-9"
    assert iris.expression == "/akn/un/statement/deliberation/unga/2024-11-18/79-9/fra@"
    assert iris.manifestation_this == "/akn/un/statement/deliberation/unga/2024-11-18/79-9/fra@/!main.xml"
    dgacm = parse_iri("/akn/un/statement/deliberation/unga/2024-11-18/79-9/fra@/")
    assert (dgacm.actor, dgacm.number, dgacm.language) == ("unga", "79-9", "fra")


def test_references_become_ref_elements_with_iris() -> None:
    root = to_akn(resodiff.read(SEED))
    hrefs = [ref.get("href") for ref in root.iter("{{{}}}ref".format(NS["a"]))]
    assert "/akn/un/statement/deliberation/unga/1982-10-22/37-4" in hrefs
    assert "https://undocs.org/A/HRC/RES/16/18" in hrefs
    assert "https://undocs.org/S/PV.7813" in hrefs


@pytest.mark.parametrize("source", [SEED, ENGLISH], ids=["seed", "english"])
def test_model_to_akn_to_model_is_identity(source) -> None:  # type: ignore[no-untyped-def]
    original = resodiff.read(source)
    assert resodiff.read_akn(to_akn_bytes(original)) == original


def test_same_input_same_bytes() -> None:
    assert to_akn_bytes(resodiff.read(SEED)) == to_akn_bytes(resodiff.read(SEED))


def test_validator_reports_duplicate_eids_and_dangling_references() -> None:
    data = to_akn_bytes(resodiff.read(ENGLISH))
    broken = data.replace(b'eId="para_2"', b'eId="para_1"', 1).replace(b'refersTo="#symbol"', b'refersTo="#nowhere"')
    findings = validate_akn(broken, "broken.xml")
    messages = [f.message for f in findings]
    assert any("eId 'para_1' repeats" in m for m in messages)
    assert any("#nowhere" in m for m in messages)
    assert all(str(f).startswith("broken.xml:") for f in findings)


def test_references_dgacm_leaves_implicit_are_no_finding_and_others_are_warnings() -> None:
    data = to_akn_bytes(resodiff.read(ENGLISH))
    implicit = data.replace(b'<identification source="#resodiff">', b'<identification source="#DGACM">')
    implicit = implicit.replace(b'refersTo="#symbol"', b'refersTo="#publicationJobNumber"')
    assert validate_akn(implicit) == []
    # implicit only where DGACM's files use it: an agent as a source, a concept as refersTo
    swapped = data.replace(b'refersTo="#symbol"', b'refersTo="#DGACM"')
    assert [(f.code, f.severity) for f in validate_akn(swapped)] == [("reference", "warning")]


def test_each_document_of_a_file_names_its_own_elements() -> None:
    """The parts of a publication and the annexes each have their own eIds: the same eId in two
    of them is no repetition; twice in one of them it is."""
    statement = to_akn(resodiff.read(ENGLISH)).find("a:statement", NS)
    root = etree.Element(f"{{{NS['a']}}}akomaNtoso", nsmap={None: NS["a"]})
    components = etree.SubElement(root, f"{{{NS['a']}}}components")
    for _ in range(2):
        etree.SubElement(components, f"{{{NS['a']}}}component").append(copy.deepcopy(statement))
    assert [f for f in structural_findings(etree.ElementTree(root), None) if f.code == "eid"] == []
    statement.append(copy.deepcopy(statement.find(".//a:paragraph", NS)))
    findings = structural_findings(etree.ElementTree(statement), None)
    assert [(f.code, f.severity) for f in findings] == [("eid", "error")]


def test_schema_findings_come_from_xmlschema_with_lines() -> None:
    data = to_akn_bytes(resodiff.read(ENGLISH)).replace(b"<num>1.</num>", b"<bogus>1.</bogus>", 1)
    findings = validate_akn(data, "bad.xml")
    schema = [f for f in findings if f.code == "schema"]
    assert schema, findings
    assert schema[0].line > 1 and "schema:" in schema[0].message


@needs_corpus
def test_seed_and_dgacm_french_xml_agree() -> None:
    seed = resodiff.read(SEED)
    dgacm = resodiff.read(OIC / "A_RES_79_9-2421657F.xml")
    for part in ("preamble", "operative"):
        ours = [normalize_typography(p.text) for p in getattr(seed, part)]
        theirs = [normalize_typography(p.text) for p in getattr(dgacm, part)]
        assert ours == theirs
    assert [normalize_typography(f.text) for f in seed.footnotes] == [
        normalize_typography(f.text) for f in dgacm.footnotes
    ]
    assert [f.marker for f in seed.footnotes] == [f.marker for f in dgacm.footnotes]
    assert [p.num for p in seed.operative] == [p.num for p in dgacm.operative]
    assert seed.meta.symbol == dgacm.meta.symbol and seed.meta.adoption_date == dgacm.meta.adoption_date
    assert seed.meta.draft_symbol == dgacm.meta.draft_symbol
