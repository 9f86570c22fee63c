"""The ``resodiff`` command.

Exit status: 0 success; 1 when the command worked and found something (invalid documents for
``validate``); 2 on any error, with a ``file:line:column: message`` line and no traceback.
Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._version import __version__
from .errors import ResodiffError
from .escape import safe_for_terminal, safe_lines_for_terminal
from .files import check_output, check_output_folder, make_folder, part_file, write_all, write_atomically
from .findings import Finding
from .spans import SourceSpan, file_label

if TYPE_CHECKING:
    from .report import Registry

T = TypeVar("T")

SEED_NAME = "000_94d00cddfaaae410.txt"
PREDECESSOR_NAME = "fr-illustrative-predecessor-of-79-9.md"


def emit(data: bytes, output: str | None) -> None:
    """Write output to a file, whole or not at all, or to standard output (None or ``-``)."""
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(output, data)


def refuse_binary_on_terminal(media_type: str, name: str, output: str | None) -> None:
    """A file format that is not text (Word) goes to a file, never to a terminal."""
    text = media_type.startswith("text/") or media_type.endswith(("json", "xml"))
    if not text and output in (None, "-") and sys.stdout.isatty():
        raise ResodiffError(f"{name} is a binary file format: give -o FILE (or redirect standard output)")


def guard(outputs: Sequence[str | None], inputs: Sequence[str]) -> None:
    """Refuse, before any work, an output that cannot be written or would overwrite an input."""
    for output in outputs:
        if output not in (None, "-"):
            check_output(output, inputs)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), not {value!r}")
    return int(value)


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=_jobs, default=os.cpu_count() or 1, help="worker processes (default: all cores)")


def each_file(function: Callable[[str], T], files: Sequence[str], jobs: int) -> Iterator[T]:
    """``function`` of every file, in order, on a process pool: the same as one process gives,
    the first file's error raised where one process would have stopped."""
    jobs = min(jobs, len(files))
    if jobs <= 1:
        yield from map(function, files)  # no pool to start (nor its module to import)
        return
    from .pairing import Settled, run

    for result in run(Settled(function), files, jobs):
        if isinstance(result, ResodiffError):
            raise result
        yield result


def embedded_seed() -> bytes:
    """The seed (A/RES/79/9, French, as converted from the PDF) shipped inside the package."""
    return (Path(__file__).parent / "data" / SEED_NAME).read_bytes()


def embedded_predecessor() -> bytes:
    """An illustrative predecessor of the seed (not an official text), shipped for the demo."""
    return (Path(__file__).parent / "data" / PREDECESSOR_NAME).read_bytes()


def local(args: argparse.Namespace, argument: str) -> str:
    """A file argument as the readers take it: a resolution's symbol becomes its fetched file."""
    from .symbols import is_symbol

    if not is_symbol(argument):
        return argument
    from .fetch import resolve  # the network client: loaded only when a symbol is given

    return resolve(argument, args.lang, source=args.source)


@dataclass(frozen=True, slots=True)
class _Convert:
    """One file converted (picklable, for the process pool)."""

    to: str

    def __call__(self, file: str) -> bytes:
        from .ingest import read_document
        from .model import Publication
        from .report import PUBLICATIONS, RESOLUTIONS

        held = read_document(file)
        if not isinstance(held, Publication):
            return RESOLUTIONS.render(self.to, held)
        if self.to not in PUBLICATIONS:
            raise ResodiffError(
                f"a multi-part publication ({', '.join(part.meta.symbol for part in held.parts)}) is written "
                f"whole as {' or '.join(PUBLICATIONS.names())}; as {self.to}, give --split (one file per part) "
                f"or name one part as FILE#{held.letters[0]}",
                file=held.source,
            )
        return PUBLICATIONS.render(self.to, held)


def _convert_split(args: argparse.Namespace, file: str) -> int:
    """One file per part of a publication (``-o out.xml``: ``out-A.xml``, ``out-B.xml``)."""
    from .ingest import read_document
    from .model import Publication
    from .report import RESOLUTIONS

    if args.output in (None, "-"):
        raise ResodiffError("--split writes one file per part: give -o FILE (the parts go to FILE-A, FILE-B ...)")
    held = read_document(file)
    parts = held.parts if isinstance(held, Publication) else (held,)
    outputs = [
        part_file(args.output, part.meta.part_letter) if part.meta.part_letter else args.output for part in parts
    ]
    guard(outputs, [file])
    # every part rendered (AKN validated) before the first is written
    write_all([(output, RESOLUTIONS.render(args.to, part)) for output, part in zip(outputs, parts, strict=True)])
    for output, part in zip(outputs, parts, strict=True):
        print(f"{safe_for_terminal(part.meta.symbol)}: {safe_for_terminal(output)}", file=sys.stderr)
    return 0


def command_convert(args: argparse.Namespace) -> int:
    """``resodiff convert``: resolutions in another form (several inputs: into a folder); a
    multi-part publication whole (AKN, JSON) or one file per part (``--split``)."""
    from .report import RESOLUTIONS

    inputs = [local(args, file) for file in args.inputs]
    if args.split:
        if len(inputs) > 1:
            raise ResodiffError("--split takes one input (its parts go to FILE-A, FILE-B ...)")
        return _convert_split(args, inputs[0])
    if len(inputs) == 1:
        refuse_binary_on_terminal(RESOLUTIONS[args.to].media_type, args.to, args.output)
        guard([args.output], inputs)
        data = _Convert(args.to)(inputs[0])
        if args.output in (None, "-") and sys.stdout.isatty():  # document text must not drive the terminal
            data = safe_lines_for_terminal(data.decode("utf-8")).encode("utf-8")
        emit(data, args.output)
        return 0
    if args.output in (None, "-"):
        raise ResodiffError("several inputs: give a folder for the outputs (-o FOLDER)")
    check_output_folder(args.output)
    outputs = [os.path.join(args.output, Path(file).stem + RESOLUTIONS[args.to].suffix) for file in inputs]
    for output, count in collections.Counter(outputs).items():
        if count > 1:
            raise ResodiffError(f"{count} inputs would be written to {output}: convert them separately")
    if os.path.isdir(args.output):  # a folder still to be made holds no input
        guard(outputs, inputs)
    converted = list(each_file(_Convert(args.to), inputs, args.jobs))
    make_folder(args.output)
    write_all(list(zip(outputs, converted, strict=True)))
    return 0


@dataclass(frozen=True, slots=True)
class _Validate:
    """One file's findings (picklable, for the process pool); a file that cannot be read is one
    finding, so that a batch goes on past it."""

    thorough: bool

    def __call__(self, file: str) -> list[Finding]:
        from .akn import validate_akn
        from .akn.validate import reader_findings
        from .ingest import load

        label = file_label(file)
        try:
            data = load(file)
            return validate_akn(data, label, thorough=self.thorough) + reader_findings(data, label)
        except ResodiffError as error:
            # the whole error (its own position, or none) is the message: it goes where errors go
            return [Finding(error.span or SourceSpan(label, 1), "unreadable", "error", str(error))]


def command_validate(args: argparse.Namespace) -> int:
    """Exit status: 1 when a file has an error (schema, repeated eId), or with --strict a
    warning (a reference to nothing, a repair the reader made); 2 when a file could not be read
    (after every other file is validated); else 0."""
    files_with: collections.Counter[str] = collections.Counter()  # by check, files with an error
    warnings: collections.Counter[str] = collections.Counter()  # by check, warnings
    invalid = 0
    files = [local(args, file) for file in args.files]
    for findings in each_file(_Validate(args.thorough), files, args.jobs):
        for finding in findings:
            if finding.code == "unreadable":
                print(f"resodiff: error: {safe_for_terminal(finding.message)}", file=sys.stderr)
                continue
            warning = "warning: " if finding.severity == "warning" else ""
            print(safe_for_terminal(f"{finding.span}: {warning}{finding.message}"))
        errors = {f.code for f in findings if f.severity == "error"}
        files_with.update(errors)
        invalid += bool(errors)
        warnings.update(f.code for f in findings if f.severity == "warning")
    if not args.quiet:
        total = len(files)
        summary = f"{total:,} files: {total - invalid:,} valid, {files_with['schema']:,} with schema errors"
        if files_with["eid"]:
            summary += f", {files_with['eid']:,} with repeated eIds"
        if files_with["unreadable"]:
            summary += f", {files_with['unreadable']:,} not read"
        summary += f"; {warnings['reference']:,} reference warnings"
        if warnings["reader"]:
            summary += f", {warnings['reader']:,} reader warnings"
        print(summary, file=sys.stderr)
    if files_with["unreadable"]:
        return 2
    return 1 if invalid or (args.strict and warnings) else 0


def command_diff(args: argparse.Namespace) -> int:
    """Exit status as diff(1): 0 no content change, 1 content changes (in any part of a multi-part
    publication), 2 is any trouble."""
    from .diff.parts import PartsReport, diff_documents
    from .diff.report import ChangeReport
    from .ingest import read_document
    from .model import Resolution
    from .report import CHANGE_REPORTS, PART_REPORTS, RenderOptions
    from .report.parts import part_pages
    from .report.text import use_color

    refuse_binary_on_terminal(CHANGE_REPORTS[args.format].media_type, args.format, args.output)
    guard([args.output], [args.old, args.new])
    old, new = read_document(local(args, args.old)), read_document(local(args, args.new))
    report = diff_documents(old, new)
    if isinstance(old, Resolution) and isinstance(new, Resolution) and isinstance(report, ChangeReport):
        from .history import reversed_in_time, unrelated

        for warning in (unrelated(old, new, report), reversed_in_time(old, new)):
            if warning and not args.quiet:
                print(f"resodiff: warning: {safe_for_terminal(warning)}", file=sys.stderr)
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
    """Exit status: 0 no finding at error severity (or --exit-zero), 1 findings at error severity
    (with --diff: fixes to make), 2 trouble."""
    from .lint import REGISTRY, CheckResult
    from .lint.config import find_config, load_config
    from .lint.run import Options, check_paths
    from .report import FINDINGS
    from .report.findings import explain, statistics

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
    guard([args.output], [*args.drafts, *([args.against] if args.against else [])])
    against = local(args, args.against) if args.against else None
    drafts = [local(args, draft) for draft in args.drafts]
    results = check_paths(drafts, config, against, options, jobs=args.jobs)
    for result in results:
        if result.error:
            print(f"resodiff: error: {safe_for_terminal(result.error)}", file=sys.stderr)
    findings = [finding for result in results for finding in result.findings]
    notes = [note for result in results for note in result.notes]
    edits = [(result.file, edit) for result in results for edit in result.fixes]
    for file, edit in edits:
        print(
            safe_for_terminal(
                f"{file}:{edit.line}:{edit.start + 1}: {edit.code} {'fixable' if args.diff else 'fixed'}: {edit.what}"
            ),
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
    if args.statistics:
        sys.stderr.write("".join(f"{note}\n" for note in notes))
        report = statistics(findings).encode("utf-8")
    else:
        report = FINDINGS.render(args.format, CheckResult(tuple(findings), tuple(notes), len(args.drafts)))
    emit(report, args.output)
    if trouble:
        return 2
    return 1 if any(f.severity == "error" for f in findings) and not args.exit_zero else 0


def command_history(args: argparse.Namespace) -> int:
    """``resodiff history``: a series' timeline and lineage, and its newest version as AKN."""
    from .history import history
    from .report import HISTORIES

    guard([args.output, args.akn], args.files)
    if args.akn and args.output not in (None, "-") and os.path.abspath(args.akn) == os.path.abspath(args.output):
        raise ResodiffError("--akn and -o name the same file", file=file_label(args.akn))
    result = history([local(args, file) for file in args.files], skip_unreadable=True)
    output = HISTORIES.render(args.format, result)
    # every output computed (the AKN validated on the way) before the first is written
    files = [(args.akn, HISTORIES.render("akn", result))] if args.akn else []
    if args.output in (None, "-"):
        write_all(files)
        emit(output, None)
    else:
        write_all([*files, (args.output, output)])
    for _file, error in result.unreadable:
        print(f"resodiff: not read: {safe_for_terminal(error)}", file=sys.stderr)
    return 2 if result.unreadable else 0


def command_pair(args: argparse.Namespace) -> int:
    """``resodiff pair``: exit 2 when a file of either session could not be read."""
    from .report.pairing import write_session

    check_output_folder(args.output)
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

    guard([args.output], [])
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
    from .report import CHANGE_REPORTS, FINDINGS, HISTORIES, RESOLUTIONS

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
        "convert", parents=[by_symbol], help="convert resolutions (text or AKN) to akn, json or text"
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="the resolution: text/Markdown, Akoma Ntoso XML, or a symbol"
    )
    convert.add_argument(
        "-o", "--output", help="output file (default: standard output); with several inputs, a folder for the outputs"
    )
    _add_jobs(convert)
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
    _add_jobs(validate)
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
    compare.add_argument(
        "-q", "--quiet", action="store_true", help="no warnings (unrelated versions, NEW older than OLD)"
    )
    compare.set_defaults(handler=command_diff)

    check = commands.add_parser(
        "check", parents=[by_symbol], help="check draft resolutions (rules by code, like a linter)"
    )
    check.add_argument("drafts", nargs="*", metavar="DRAFT")
    check.add_argument("--against", metavar="PREVIOUS", help="the previous version, for the P4xx rules")
    check.add_argument("--format", choices=FINDINGS.names(), default="text", help=_choices_help(FINDINGS, "text"))
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
    _add_jobs(check)
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
    _add_jobs(session)
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
    for stream in (sys.stdout, sys.stderr):
        # a file name with undecodable bytes (or any unencodable character) is shown, never a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
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
