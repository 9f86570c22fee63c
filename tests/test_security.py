"""XML input is parsed safely: no DTDs, entities, network or schema-location fetching."""

from __future__ import annotations

from pathlib import Path

import pytest

from resodiff.cli import main
from resodiff.errors import XMLSecurityError
from resodiff.ingest import read_bytes

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>
"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso>&lol4;</akomaNtoso>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/evil.dtd">
<akomaNtoso/>
"""
SCHEMA_LOCATION = b"""<?xml version="1.0"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://docs.oasis-open.org/legaldocml/ns/akn/3.0 http://127.0.0.1:9/evil.xsd">
  <statement name="resolution"/>
</akomaNtoso>
"""


@pytest.mark.parametrize("payload", [XXE, LAUGHS, EXTERNAL_DTD], ids=["xxe", "billion-laughs", "external-dtd"])
def test_dtd_payloads_are_refused(payload: bytes) -> None:
    with pytest.raises(XMLSecurityError) as raised:
        read_bytes(payload, file="evil.xml")
    assert raised.value.line == 2


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_cli_exits_2_and_leaks_nothing(payload: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "evil.xml"
    source.write_bytes(payload)
    output = tmp_path / "out.xml"
    assert main(["convert", str(source), "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert "root:" not in captured.out + captured.err
    assert "lol" not in captured.out
    assert "document type declarations" in captured.err
    assert not output.exists()


def test_schema_location_is_never_fetched() -> None:
    # no network access is attempted: the reader refuses the document for what it is (no preface)
    with pytest.raises(Exception) as raised:
        read_bytes(SCHEMA_LOCATION, file="hint.xml")
    assert "preface" in str(raised.value) or "statement" in str(raised.value)


def test_oversized_input_is_refused() -> None:
    from resodiff.limits import MAX_INPUT_BYTES
    from resodiff.safexml import parse_xml

    with pytest.raises(XMLSecurityError):
        parse_xml(b"<a>" + b" " * (MAX_INPUT_BYTES.value() + 1) + b"</a>", file="big.xml")
