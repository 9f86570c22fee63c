"""Pages the documentation site generates at build time (run by mkdocs-gen-files), so that none of
them can drift from what they describe: the home page and the changelog from the repository's own
files, one page per check rule from the rule registry, and the JSON contracts from the schemas the
wheel ships (each also published at the URL of its ``$id``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import mkdocs_gen_files

from resodiff.lint import REGISTRY, Rule
from resodiff.lint import rules as _rules  # noqa: F401  (the rules register themselves)

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://resodiff.readthedocs.io/"
#: the contracts, by page name: schema file, and what writes it
CONTRACTS = {
    "change-report": ("change-report.schema.json", "`resodiff diff OLD NEW --format json`"),
    "parts-report": (
        "parts-report.schema.json",
        "`resodiff diff OLD NEW --format json` when both are multi-part publications",
    ),
    "history": ("history.schema.json", "`resodiff history FILE... --format json`"),
    "sarif": ("sarif-2.1.0-subset.schema.json", "`resodiff check DRAFT... --format sarif`"),
}
FAMILIES = {
    "S": "Structure",
    "F": "Footnotes",
    "R": "References, dates and the document's identity",
    "P": "Against the previous version (`--against`)",
    "A": "Akoma Ntoso markup the reader repaired",
}


def write(name: str, text: str) -> None:
    with mkdocs_gen_files.open(name, "w") as page:
        page.write(text)


def copy_from_repository(source: str, name: str) -> None:
    """A file of the repository as a page; the edit link points at the file itself."""
    write(name, (ROOT / source).read_text(encoding="utf-8"))
    mkdocs_gen_files.set_edit_path(name, Path("..") / source)


def rule_page(rule: Rule) -> str:
    against = "yes: it compares with the previous version given by `--against`" if rule.needs_previous else "no"
    return f"""# {rule.code} `{rule.name}`

{rule.summary}

| Severity (default) | Needs `--against` |
|---|---|
| {rule.severity} | {against} |

## Why

{rule.rationale}

## Example

```text
{rule.example}
```

## Configuration

Skip it with `ignore = ["{rule.code}"]`, or change its severity with
`severity = {{ {rule.code} = "warning" }}`, under `[tool.resodiff]` (see [Checking drafts](../check.md)).
`resodiff check --explain {rule.code}` prints this page's text in a terminal.
"""


def rules_index(rules: list[Rule]) -> str:
    lines = [
        "# Rules of `resodiff check`",
        "",
        "Generated from the rule registry (`resodiff.lint.REGISTRY`): one page per rule, with why it",
        "exists and an example. Codes are stable; the letter says the family.",
        "",
    ]
    for letter, family in FAMILIES.items():
        members = [rule for rule in rules if rule.code.startswith(letter)]
        lines += [f"## {letter}: {family}", "", "| Code | Name | Severity | What it checks |", "|---|---|---|---|"]
        lines += [
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity} | {rule.summary} |" for rule in members
        ]
        lines.append("")
    unfiled = [rule.code for rule in rules if rule.code[0] not in FAMILIES]
    if unfiled:
        raise SystemExit(f"rules of no family (add the letter to FAMILIES in docs/gen_pages.py): {unfiled}")
    return "\n".join(lines)


def type_of(node: dict[str, Any]) -> str:
    """A schema node's type, as a reader of the page wants it: a type, a set of values, a
    definition (linked), or an array of one of those."""
    if "$ref" in node:
        target = node["$ref"]
        if not target.startswith("#"):  # another contract: its page, named after its $id
            page = target.rstrip("/").rsplit("/", 2)[-2]
            return f"[{page}]({page}.md)"
        name = target.rsplit("/", 1)[-1]
        return f"[{name}](#{name})"
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "enum" in node:
        return " \\| ".join(f"`{json.dumps(value)}`" for value in node["enum"])
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return f"array of {type_of(node['items'])}"
    kinds = node.get("type")
    if isinstance(kinds, list):
        return " or ".join(kinds)
    if kinds:
        return str(kinds)
    for combinator in ("oneOf", "anyOf"):
        if combinator in node:
            return " or ".join(type_of(option) for option in node[combinator])
    return "any"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rows(node: dict[str, Any], path: str) -> Iterator[str]:
    """One table row per property, nested objects and arrays of objects flattened to paths."""
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        where = f"{path}.{name}" if path else name
        yield (
            f"| `{where}` | {type_of(child)} | {'yes' if name in required else ''} "
            f"| {cell(child.get('description', ''))} |"
        )
        nested = child.get("items", child) if child.get("type") == "array" else child
        if isinstance(nested, dict) and "properties" in nested:
            yield from rows(nested, f"{where}[]" if nested is not child else where)


def table(node: dict[str, Any], path: str = "") -> list[str]:
    body = list(rows(node, path))
    if not body:
        return []
    return ["| Property | Type | Required | Meaning |", "|---|---|---|---|", *body, ""]


def contract_page(name: str, schema: dict[str, Any], file: str, writer: str, url: str) -> str:
    lines = [
        f"# {schema['title']}",
        "",
        f"What {writer} writes. Schema (JSON Schema {schema['$schema'].split('/')[-2]}): [`{schema['$id']}`]({url}),",
        f"in the wheel as `resodiff/schemas/{file}`.",
        "",
        schema.get("description", ""),
        "",
        *table(schema),
    ]
    for definition, node in schema.get("$defs", {}).items():
        lines += [f"## {definition}", "", f"Type: {type_of(node)}.", ""]
        if node.get("description"):
            lines += [node["description"], ""]
        lines += table(node)
    lines += [
        "## The schema",
        "",
        "```json",
        json.dumps(schema, ensure_ascii=False, indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


def contracts() -> None:
    folder = resources.files("resodiff").joinpath("schemas")
    index = ["# JSON contracts", "", "| Contract | Written by | `$id` |", "|---|---|---|"]
    for name, (file, writer) in CONTRACTS.items():
        text = folder.joinpath(file).read_text(encoding="utf-8")
        schema = json.loads(text)
        if not schema["$id"].startswith(SITE):
            raise SystemExit(f"{file}: $id {schema['$id']} is not under {SITE}, where the site publishes it")
        published = urlsplit(schema["$id"]).path.lstrip("/")
        write(published, text)  # the $id resolves to the schema itself
        relative = "../" + published
        write(f"contracts/{name}.md", contract_page(name, schema, file, writer, relative))
        index.append(f"| [{schema['title']}]({name}.md) | {writer} | `{schema['$id']}` |")
    write("contracts/index.md", "\n".join(index) + "\n")


def main() -> None:
    copy_from_repository("README.md", "index.md")
    copy_from_repository("CHANGELOG.md", "changelog.md")
    rules = [REGISTRY.rules[code] for code in sorted(REGISTRY.rules)]
    for rule in rules:
        write(f"rules/{rule.code}.md", rule_page(rule))
        mkdocs_gen_files.set_edit_path(f"rules/{rule.code}.md", Path("..") / "src/resodiff/lint/rules.py")
    write("rules/index.md", rules_index(rules))
    contracts()


main()
