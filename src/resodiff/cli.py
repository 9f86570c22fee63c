"""The ``resodiff`` command.

Exit status: 0 success; 1 when the command worked and found something (invalid documents for
``validate``); 2 on any error, with a ``file:line:column: message`` line and no traceback.
Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import ResodiffError
from .escape import safe_for_terminal, safe_lines_for_terminal
from .files import part_file, write_atomically

if TYPE_CHECKING:
    from .report import Registry

SEED_NAME = "000_94d00cddfaaae410.txt"
PREDECESSOR_NAME = "fr-illustrative-predecessor-of-79-9.md"


def emit(data: bytes, output: str | None) -> None:
    """Write output to a file, whole or not at all, or to standard output (None or ``-``)."""
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


def local(args: argparse.Namespace, argument: str) -> str:
    """A file argument as the readers take it: a resolution's symbol becomes its fetched file."""
    from .fetch import is_symbol, resolve

    return resolve(argument, args.lang, source=args.source) if is_symbol(argument) else argument


def command_convert(args: argparse.Namespace) -> int:
    """``resodiff convert``: a resolution in another form; a multi-part publication whole (AKN,
    JSON) or one file per part (``--split``)."""
    from .ingest import read_document
    from .model import Publication
    from .report import PUBLICATIONS, RESOLUTIONS

    held = read_document(local(args, args.input))
    if args.split:
        if args.output in (None, "-"):
            raise ResodiffError("--split writes one file per part: give -o FILE (the parts go to FILE-A, FILE-B ...)")
        parts = held.parts if isinstance(held, Publication) else (held,)
        # every part rendered (AKN validated) before the first is written
        rendered = [
            (
                part_file(args.output, part.meta.part_letter) if part.meta.part_letter else args.output,
                part.meta.symbol,
                RESOLUTIONS.render(args.to, part),
            )
            for part in parts
        ]
        for file, symbol, data in rendered:
            write_atomically(file, data)
            print(f"{safe_for_terminal(symbol)}: {safe_for_terminal(file)}", file=sys.stderr)
        return 0
    if isinstance(held, Publication):
        if args.to not in PUBLICATIONS:
            raise ResodiffError(
                f"a multi-part publication ({', '.join(part.meta.symbol for part in held.parts)}) is written "
                f"whole as {' or '.join(PUBLICATIONS.names())}; as {args.to}, give --split (one file per part) "
                f"or name one part as FILE#{held.letters[0]}",
                file=held.source,
            )
        data = PUBLICATIONS.render(args.to, held)
    else:
        data = RESOLUTIONS.render(args.to, held)
    if args.output in (None, "-") and sys.stdout.isatty():  # document text must not drive the terminal
        data = safe_lines_for_terminal(data.decode("utf-8")).encode("utf-8")
    emit(data, args.output)
    return 0


def command_validate(args: argparse.Namespace) -> int:
    """Exit status: 1 when a file has an error (schema, repeated eId), or with --strict a
    warning (a reference to nothing, a repair the reader made); else 0."""
    from .akn import validate_akn
    from .akn.validate import reader_findings

    files_with: collections.Counter[str] = collections.Counter()  # by check, files with an error
    warnings: collections.Counter[str] = collections.Counter()  # by check, warnings
    invalid = 0
    for file in [local(args, file) for file in args.files]:
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise ResodiffError(f"cannot read the file: {error.strerror}", file=file) from None
        findings = validate_akn(data, file, thorough=args.thorough) + reader_findings(data, file)
        for finding in findings:
            print(safe_for_terminal(str(finding)))
        errors = {f.check for f in findings if f.severity == "error"}
        files_with.update(errors)
        invalid += bool(errors)
        warnings.update(f.check for f in findings if f.severity == "warning")
    if not args.quiet:
        total = len(args.files)
        summary = f"{total:,} files: {total - invalid:,} valid, {files_with['schema']:,} with schema errors"
        if files_with["eid"]:
            summary += f", {files_with['eid']:,} with repeated eIds"
        summary += f"; {warnings['reference']:,} reference warnings"
        if warnings["reader"]:
            summary += f", {warnings['reader']:,} reader warnings"
        print(summary, file=sys.stderr)
    return 1 if invalid or (args.strict and warnings) else 0


def command_diff(args: argparse.Namespace) -> int:
    """Exit status as diff(1): 0 no content change, 1 content changes (in any part of a multi-part
    publication), 2 is any trouble."""
    from .diff.parts import PartsReport, diff_documents
    from .ingest import read_document
    from .report import CHANGE_REPORTS, PART_REPORTS, RenderOptions
    from .report.parts import part_pages
    from .report.text import use_color

    report = diff_documents(read_document(local(args, args.old)), read_document(local(args, args.new)))
    color = use_color(sys.stdout if args.output in (None, "-") else None, args.color, os.environ)
    if not isinstance(report, PartsReport):
        emit(CHANGE_REPORTS.render(args.format, report, RenderOptions(color=color)), args.output)
        return 1 if report.has_content_changes else 0
    if args.format not in PART_REPORTS:
        raise ResodiffError(
            f"no {args.format} report of multi-part publications part by part (only "
            f"{', '.join(PART_REPORTS.names())}): name one part of each as FILE#A"
        )
    # every page rendered before the first is written
    pages = part_pages(args.format, report, args.output)
    stem = Path(args.output).stem if args.output not in (None, "-") else None
    data = PART_REPORTS.render(args.format, report, RenderOptions(color=color, stem=stem))
    for file, page in pages:
        write_atomically(file, page)
    emit(data, args.output)
    return 1 if report.has_content_changes else 0


def command_check(args: argparse.Namespace) -> int:
    """Exit status: 0 no finding at error severity, 1 findings at error severity, 2 trouble."""
    from .lint import REGISTRY
    from .lint.config import find_config, load_config
    from .lint.output import FORMATTERS, explain
    from .lint.run import check_files

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
    if args.select or args.ignore:
        config = replace(
            config,
            select=tuple(args.select.split(",")) if args.select else config.select,
            ignore=tuple(args.ignore.split(",")) if args.ignore else config.ignore,
        )
    against = local(args, args.against) if args.against else None
    findings = check_files([local(args, draft) for draft in args.drafts], config, against)
    emit(FORMATTERS[args.format](findings, len(args.drafts)).encode("utf-8"), args.output)
    return 1 if any(f.severity == "error" for f in findings) else 0


def command_history(args: argparse.Namespace) -> int:
    """``resodiff history``: a series' timeline and lineage, and its newest version as AKN."""
    from .history import history
    from .report import HISTORIES

    result = history([local(args, file) for file in args.files], skip_unreadable=True)
    output = HISTORIES.render(args.format, result)
    if args.akn:
        write_atomically(args.akn, HISTORIES.render("akn", result))
    emit(output, args.output)
    for _file, error in result.unreadable:
        print(f"resodiff: not read: {safe_for_terminal(error)}", file=sys.stderr)
    return 2 if result.unreadable else 0


def command_pair(args: argparse.Namespace) -> int:
    """``resodiff pair``: exit 2 when a file of either session could not be read."""
    from .report.pairing import write_session

    index = write_session(args.old_dir, args.new_dir, args.output, jobs=args.jobs, scheduler=args.scheduler)
    found = sum(1 for entry in index["pairs"] if entry["old"])
    print(
        f"{len(index['pairs'])} resolutions, {found} with a predecessor, "
        f"{len(index['without_predecessor'])} without; index: {args.output}/index.json",
        file=sys.stderr,
    )
    if not index["complete"]:
        for problem in index["unreadable"]:
            print(f"resodiff: not read: {safe_for_terminal(problem['error'])}", file=sys.stderr)
        return 2
    return 0


def command_fetch(args: argparse.Namespace) -> int:
    """Without ``-o``, print the cached file's path (for scripts: ``resodiff diff "$(resodiff fetch ...)"``)."""
    from .fetch import fetch

    fetched = fetch(args.symbol, args.lang, source=args.source, refresh=args.refresh)
    origin = f"downloaded from {fetched.url}" if fetched.url else "from the cache"
    print(f"{fetched.symbol} ({fetched.language}): {origin}", file=sys.stderr)
    if args.output is None:
        print(fetched.path)
    else:
        emit(fetched.path.read_bytes(), args.output)
    return 0


def command_demo(args: argparse.Namespace) -> int:
    """The main job on the embedded default: the seed read, written as AKN and validated, then
    compared with an illustrative predecessor written for the demo."""
    from .akn import to_akn_bytes, validate_akn
    from .diff import diff_resolutions
    from .ingest import read_bytes
    from .report import CHANGE_REPORTS, RenderOptions

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
    emit(CHANGE_REPORTS.render("text", report, RenderOptions(color=sys.stdout.isatty())), None)
    return 1 if findings else 0


def _choices_help(registry: Registry[Any], default: str) -> str:
    return "; ".join(f"{name}: {registry[name].summary}" for name in registry) + f" (default: {default})"


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser; the ``--format`` choices come from the renderer registries."""
    from .report import CHANGE_REPORTS, HISTORIES, RESOLUTIONS

    parser = argparse.ArgumentParser(prog="resodiff", description="Read, convert and compare UN resolutions.")
    # a General Assembly resolution's symbol (A/RES/79/9) stands for its official AKN file
    by_symbol = argparse.ArgumentParser(add_help=False)
    by_symbol.add_argument(
        "--lang",
        default="en",
        help="language of the files fetched for symbols given instead of files, as a tag (en, fr, es, ru, ar, zh)",
    )
    by_symbol.add_argument(
        "--source",
        metavar="URL",
        help="where symbols are fetched from (default: $RESODIFF_FETCH_BASE, else DGACM's UNxml/GAresolutions)",
    )
    parser.add_argument("--version", action="version", version=f"resodiff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert", parents=[by_symbol], help="convert a resolution (text or AKN) to akn, json or text"
    )
    convert.add_argument("input", help="the resolution: seed-style text/Markdown, Akoma Ntoso XML, or a symbol")
    convert.add_argument("-o", "--output", help="output file (default: standard output)")
    convert.add_argument("--to", choices=RESOLUTIONS.names(), default="akn", help=_choices_help(RESOLUTIONS, "akn"))
    convert.add_argument(
        "--split",
        action="store_true",
        help="a multi-part publication as one file per part: OUTPUT's name with -A, -B ... (default: one "
        "documentCollection with akn, one object with json; text needs --split)",
    )
    convert.set_defaults(handler=command_convert)

    validate = commands.add_parser("validate", parents=[by_symbol], help="validate Akoma Ntoso files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--thorough", action="store_true", help="always run xmlschema, even on valid files")
    validate.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    validate.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    validate.set_defaults(handler=command_validate)

    compare = commands.add_parser(
        "diff", parents=[by_symbol], help="compare two versions of a resolution, paragraph by paragraph"
    )
    compare.add_argument("old", help="the earlier version (text or AKN file, or a symbol: A/RES/77/18)")
    compare.add_argument("new", help="the later version (text or AKN file, or a symbol: A/RES/79/9)")
    compare.add_argument(
        "--format", choices=CHANGE_REPORTS.names(), default="text", help=_choices_help(CHANGE_REPORTS, "text")
    )
    compare.add_argument("-o", "--output", help="output file (default: standard output)")
    compare.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour for --format text"
    )
    compare.set_defaults(handler=command_diff)

    check = commands.add_parser(
        "check", parents=[by_symbol], help="check draft resolutions (rules by code, like a linter)"
    )
    check.add_argument("drafts", nargs="*", metavar="DRAFT")
    check.add_argument("--against", metavar="PREVIOUS", help="the previous version, for the P4xx rules")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    check.add_argument("--select", help="comma-separated code prefixes to run (S,F,R,P or codes)")
    check.add_argument("--ignore", help="comma-separated code prefixes to skip")
    check.add_argument("--config", help="resodiff.toml or pyproject.toml (default: found upwards from here)")
    check.add_argument("--explain", metavar="CODE", help="print what a rule checks, why, and an example")
    check.add_argument("-o", "--output", help="output file (default: standard output)")
    check.set_defaults(handler=command_check)

    series = commands.add_parser(
        "history", parents=[by_symbol], help="a series of versions: timeline and where each paragraph comes from"
    )
    series.add_argument("files", nargs="+", metavar="FILE", help="two or more versions, in any order and form")
    formats = [name for name in HISTORIES if name != "akn"]  # AKN has its own option, --akn
    series.add_argument("--format", choices=formats, default="markdown", help=_choices_help(HISTORIES, "markdown"))
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

    download = commands.add_parser(
        "fetch", parents=[by_symbol], help="get a General Assembly resolution's official AKN file by its symbol"
    )
    download.add_argument("symbol", metavar="SYMBOL", help="the resolution's symbol: A/RES/79/9, A/RES/79/93 B")
    download.add_argument("-o", "--output", help="copy the file here ('-': standard output; default: print its path)")
    download.add_argument("--refresh", action="store_true", help="download it again even when it is cached")
    download.set_defaults(handler=command_fetch)

    demo = commands.add_parser("demo", help="the embedded seed (A/RES/79/9, French): validated AKN, then a diff")
    demo.add_argument("-o", "--output", help="also write the Akoma Ntoso file here")
    demo.set_defaults(handler=command_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``resodiff`` command; returns the exit status (0, 1, or 2 on any error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ResodiffError as error:
        print(f"resodiff: error: {safe_for_terminal(str(error))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 2
    except Exception as error:  # a bug: still trouble (2), never mistaken for "differences" (1)
        print(
            f"resodiff: internal error ({type(error).__name__}: {safe_for_terminal(str(error))}); please report it",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
