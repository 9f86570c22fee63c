"""The ``resodiff`` command.

Exit status: 0 success; 1 when the command worked and found something (invalid documents for
``validate``); 2 on any error, with a ``file:line:column: message`` line and no traceback.
Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from . import __version__
from .akn import to_akn_bytes, validate_akn
from .diff import diff_resolutions
from .errors import ResodiffError, ValidationError
from .export import EXPORTERS
from .files import write_atomically
from .ingest import read, read_bytes
from .model import Resolution
from .report import RENDERERS

SEED_NAME = "000_94d00cddfaaae410.txt"
PREDECESSOR_NAME = "fr-illustrative-predecessor-of-79-9.md"


def emit(data: bytes, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(output, data)


def embedded_seed() -> bytes:
    """The seed (A/RES/79/9, French, as converted from the PDF) shipped inside the package."""
    return resources.files("resodiff").joinpath(f"data/{SEED_NAME}").read_bytes()


def embedded_predecessor() -> bytes:
    """An illustrative predecessor of the seed (not an official text), shipped for the demo."""
    return resources.files("resodiff").joinpath(f"data/{PREDECESSOR_NAME}").read_bytes()


def _checked_akn(resolution: Resolution) -> bytes:
    data = to_akn_bytes(resolution)
    findings = validate_akn(data, "<output>")
    if findings:
        raise ValidationError(f"resodiff wrote invalid Akoma Ntoso (a bug): {findings[0].message}")
    return data


def command_convert(args: argparse.Namespace) -> int:
    resolution = read(args.input)
    data = _checked_akn(resolution) if args.to == "akn" else EXPORTERS[args.to](resolution)
    emit(data, args.output)
    return 0


def command_validate(args: argparse.Namespace) -> int:
    invalid = 0
    for file in args.files:
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise ResodiffError(f"cannot read the file: {error.strerror}", file=file) from None
        findings = validate_akn(data, file, thorough=args.thorough)
        for finding in findings:
            print(finding)
        invalid += bool(findings)
    if not args.quiet:
        print(f"{len(args.files) - invalid} of {len(args.files)} valid", file=sys.stderr)
    return 1 if invalid else 0


def command_diff(args: argparse.Namespace) -> int:
    """Exit status as diff(1): 0 no content change, 1 content changes (2 is any trouble)."""
    report = diff_resolutions(read(args.old), read(args.new))
    to_terminal = args.output in (None, "-") and sys.stdout.isatty()
    color = {"always": True, "never": False}.get(args.color, to_terminal)
    emit(RENDERERS[args.format](report, color).encode("utf-8"), args.output)
    return 1 if report.has_content_changes else 0


def command_check(args: argparse.Namespace) -> int:
    """Exit status: 0 no finding at error severity (or --exit-zero), 1 findings at error severity
    (with --diff: fixes to make), 2 trouble."""
    from .lint import REGISTRY
    from .lint.config import find_config, load_config
    from .lint.output import FORMATTERS, explain, statistics
    from .lint.run import Options, check_paths

    if args.explain:
        code = args.explain.upper()
        if code not in REGISTRY.rules:
            raise ResodiffError(f"no rule {args.explain}; rules: {', '.join(sorted(REGISTRY.rules))}")
        sys.stdout.write(explain(code))
        return 0
    if not args.drafts:
        raise ResodiffError("give at least one draft to check (or --explain CODE)")
    config_path = Path(args.config) if args.config else find_config(Path.cwd())
    config = load_config(config_path)
    config = replace(
        config,
        select=tuple(args.select.upper().split(",")) if args.select else config.select,
        ignore=tuple(args.ignore.upper().split(",")) if args.ignore else config.ignore,
        style=args.style or config.style,
    )
    options = Options(args.fix, args.diff, args.add_noqa, args.skip_non_resolutions)
    results = check_paths(args.drafts, config, args.against, options, jobs=args.jobs)
    for result in results:
        if result.error:
            print(f"resodiff: error: {result.error}", file=sys.stderr)
    findings = [finding for result in results for finding in result.findings]
    notes = [note for result in results for note in result.notes]
    edits = [(result.file, edit) for result in results for edit in result.fixes]
    for file, edit in edits:
        print(
            f"{file}:{edit.line}:{edit.start + 1}: {edit.code} {'fixable' if args.diff else 'fixed'}: {edit.what}",
            file=sys.stderr,
        )
    if args.fix or args.diff:
        print(f"{len(edits)} fix(es) {'to make' if args.diff else 'made'}", file=sys.stderr)
    if args.add_noqa:
        print(f"{sum(r.silenced for r in results)} finding(s) silenced with resodiff: ignore comments", file=sys.stderr)
    trouble = any(result.error for result in results)
    if args.diff:
        emit("".join(result.diff for result in results).encode("utf-8"), args.output)
        return 2 if trouble else 1 if edits else 0
    report = statistics(findings) if args.statistics else FORMATTERS[args.format](findings, notes, len(args.drafts))
    if args.statistics:
        sys.stderr.write("".join(f"{note}\n" for note in notes))
    emit(report.encode("utf-8"), args.output)
    if trouble:
        return 2
    return 1 if any(f.severity == "error" for f in findings) and not args.exit_zero else 0


def command_history(args: argparse.Namespace) -> int:
    from .history import history, history_akn, history_data, history_html, history_markdown

    result = history(args.files)
    if args.akn:
        write_atomically(args.akn, history_akn(result))
    renderers = {
        "json": lambda: json.dumps(history_data(result), ensure_ascii=False, indent=2) + "\n",
        "markdown": lambda: history_markdown(result),
        "html": lambda: history_html(result),
    }
    emit(renderers[args.format]().encode("utf-8"), args.output)
    return 0


def command_pair(args: argparse.Namespace) -> int:
    from .pairing import pair_sessions

    index = pair_sessions(args.old_dir, args.new_dir, args.output, jobs=args.jobs, scheduler=args.scheduler)
    found = sum(1 for entry in index["pairs"] if entry["old"])
    print(
        f"{len(index['pairs'])} resolutions, {found} with a predecessor, "
        f"{len(index['without_predecessor'])} without; index: {args.output}/index.json",
        file=sys.stderr,
    )
    if not index["complete"]:
        for problem in index["unreadable"]:
            print(f"resodiff: not read: {problem['error']}", file=sys.stderr)
        return 2
    return 0


def command_demo(args: argparse.Namespace) -> int:
    """The main job on the embedded default: the seed read, written as AKN and validated, then
    compared with an illustrative predecessor written for the demo."""
    resolution = read_bytes(embedded_seed(), file=f"seeds/{SEED_NAME}")
    predecessor = read_bytes(embedded_predecessor(), file=f"fixtures/{PREDECESSOR_NAME}")
    data = to_akn_bytes(resolution)
    findings = validate_akn(data, "<seed as AKN>", thorough=True)
    meta = resolution.meta
    lines = [
        f"{meta.symbol} ({meta.language}), adopted {meta.adoption_date}: {meta.title}",
        f"  {len(resolution.preamble)} preambular paragraphs, {len(resolution.operative)} operative "
        f"paragraphs, {len(resolution.footnotes)} footnotes",
        f"  Akoma Ntoso: {len(data):,} bytes, "
        + (
            "valid against the OASIS AKN 3.0 schema (xmlschema) and resodiff's checks"
            if not findings
            else f"{len(findings)} findings"
        ),
    ]
    for finding in findings:
        lines.append(f"  {finding}")
    if args.output:
        emit(data, args.output)
        lines.append(f"  written to {args.output}")
    lines += [
        "",
        f"Compared with fixtures/{PREDECESSOR_NAME}",
        "(an ILLUSTRATIVE predecessor written for this demo from the seed, with the edits a biennial",
        "update makes; not an official text. For the real A/RES/77/18 -> A/RES/79/9 see README.md.)",
        "",
    ]
    print("\n".join(lines), file=sys.stderr)
    report = diff_resolutions(predecessor, resolution)
    sys.stdout.write(RENDERERS["text"](report, sys.stdout.isatty()))
    return 1 if findings else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resodiff", description="Read, convert and compare UN resolutions.")
    parser.add_argument("--version", action="version", version=f"resodiff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert a resolution (text or AKN) to akn, json or text")
    convert.add_argument("input", help="the resolution: seed-style text/Markdown or Akoma Ntoso XML")
    convert.add_argument("-o", "--output", help="output file (default: standard output)")
    convert.add_argument("--to", choices=sorted(EXPORTERS), default="akn", help="output format (default: akn)")
    convert.set_defaults(handler=command_convert)

    validate = commands.add_parser("validate", help="validate Akoma Ntoso files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--thorough", action="store_true", help="always run xmlschema, even on valid files")
    validate.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    validate.set_defaults(handler=command_validate)

    compare = commands.add_parser("diff", help="compare two versions of a resolution, paragraph by paragraph")
    compare.add_argument("old", help="the earlier version (text or AKN)")
    compare.add_argument("new", help="the later version (text or AKN)")
    compare.add_argument("--format", choices=sorted(RENDERERS), default="text", help="report format (default: text)")
    compare.add_argument("-o", "--output", help="output file (default: standard output)")
    compare.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour for --format text"
    )
    compare.set_defaults(handler=command_diff)

    check = commands.add_parser("check", help="check draft resolutions (rules by code, like a linter)")
    check.add_argument("drafts", nargs="*", metavar="DRAFT")
    check.add_argument("--against", metavar="PREVIOUS", help="the previous version, for the P4xx rules")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    check.add_argument("--select", help="comma-separated code prefixes to run (S,F,R,P or codes)")
    check.add_argument("--ignore", help="comma-separated code prefixes to skip")
    check.add_argument("--config", help="resodiff.toml or pyproject.toml (default: found upwards from here)")
    check.add_argument("--explain", metavar="CODE", help="print what a rule checks, why, and an example")
    check.add_argument("-o", "--output", "--output-file", help="output file (default: standard output)")
    check.add_argument("--style", action="store_true", help="also run the style group (opt-in rules)")
    check.add_argument("--fix", action="store_true", help="correct the mechanical findings in text/Markdown drafts")
    check.add_argument("--diff", action="store_true", help="show the fixes as a unified diff, write nothing")
    check.add_argument("--add-noqa", action="store_true", help="silence every finding with a resodiff: ignore comment")
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with error findings")
    check.add_argument(
        "--skip-non-resolutions", action="store_true", help="a file that is not a resolution gets a note, not exit 2"
    )
    check.add_argument("--jobs", type=int, default=1, help="worker processes for many files (default: 1)")
    check.set_defaults(handler=command_check)

    series = commands.add_parser("history", help="a series of versions: timeline and where each paragraph comes from")
    series.add_argument("files", nargs="+", metavar="FILE", help="two or more versions, in any order and form")
    series.add_argument("--format", choices=("json", "markdown", "html"), default="markdown")
    series.add_argument("-o", "--output", help="output file (default: standard output)")
    series.add_argument("--akn", metavar="FILE", help="also write the newest version as AKN with its lifecycle")
    series.set_defaults(handler=command_history)

    session = commands.add_parser("pair", help="pair a session's resolutions with their predecessors, report each pair")
    session.add_argument("old_dir", metavar="OLD_DIR")
    session.add_argument("new_dir", metavar="NEW_DIR")
    session.add_argument("-o", "--output", required=True, metavar="OUT_DIR")
    session.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    session.add_argument(
        "--scheduler", metavar="ADDRESS", help="a Dask distributed scheduler, instead of local processes"
    )
    session.set_defaults(handler=command_pair)

    demo = commands.add_parser("demo", help="the embedded seed (A/RES/79/9, French): validated AKN, then a diff")
    demo.add_argument("-o", "--output", help="also write the Akoma Ntoso file here")
    demo.set_defaults(handler=command_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ResodiffError as error:
        print(f"resodiff: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 2
    except Exception as error:  # a bug: still trouble (2), never mistaken for "differences" (1)
        print(f"resodiff: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
