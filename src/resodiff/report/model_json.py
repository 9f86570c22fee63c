"""The model as JSON: every dataclass an object, inlines tagged with their ``type``."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..model import Footnote, Publication, Resolution, SourceSpan, Text

#: what only a Word draft carries: left out of the JSON where a document has none
_WORD_ONLY = frozenset({"revisions", "comments"})


def to_data(value: Any) -> Any:
    """A model node as plain JSON data (dataclasses as objects with their field names)."""
    if isinstance(value, SourceSpan):
        return {"line": value.line, "column": value.column}
    if isinstance(value, Text):
        data: dict[str, Any] = {"type": "text", "text": value.text}
        data.update({name: True for name in ("italic", "bold", "sup") if getattr(value, name)})
        if value.ref is not None:
            data["ref"] = {
                "symbol": value.ref.symbol,
                "kind": value.ref.kind,
                "body": value.ref.body,
                "date": value.ref.date,
                "href": value.ref.href,
            }
        if value.date is not None:
            data["date"] = value.date
        return data
    if isinstance(value, Footnote):
        return {
            "type": "footnote",
            "marker": value.marker,
            "content": to_data(value.content),
            "span": to_data(value.span),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # where the file was read from is the reader's business, not the resolution's; tracked
        # changes and comments only Word drafts have, and are written where there are some
        return {
            f.name: to_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "source" and not (f.name in _WORD_ONLY and not getattr(value, f.name))
        }
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    return value


def to_json_bytes(document: Resolution | Publication) -> bytes:
    """A resolution's model as JSON (UTF-8); a multi-part publication's as an object with its
    ``meta`` and its ``parts``, each part a resolution as a resolution alone is written."""
    return (json.dumps(to_data(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
