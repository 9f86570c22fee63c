"""The ``resodiff`` command.

Exit status: 0 success; 1 when the command worked and found something (invalid documents for
``validate``); 2 on any error, with a ``file:line:column: message`` line and no traceback.
Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._version import __version__
from .errors import ResodiffError
from .files import check_output, check_output_folder, make_folder, write_all, write_atomically
from .spans import file_label

if TYPE_CHECKING:
    from .akn.validate import Finding
    from .report import Registry

T = TypeVar("T")

SEED_NAME = "000_94d00cddfaaae410.txt"
PREDECESSOR_NAME = "fr-illustrative-predecessor-of-79-9.md"


def emit(data: bytes, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(output, data)


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
    parser.add_argument(
        "--jobs", type=_jobs, default=os.cpu_count() or 1, help="worker processes (default: all cores)"
    )


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
    return resources.files("resodiff").joinpath(f"data/{SEED_NAME}").read_bytes()


def embedded_predecessor() -> bytes:
    """An illustrative predecessor of the seed (not an official text), shipped for the demo."""
    return resources.files("resodiff").joinpath(f"data/{PREDECESSOR_NAME}").read_bytes()


@dataclass(frozen=True, slots=True)
class _Convert:
    """One file converted (picklable, for the process pool)."""

    to: str

    def __call__(self, file: str) -> bytes:
        from .ingest import read
        from .report import RESOLUTIONS

        return RESOLUTIONS.render(self.to, read(file))


def command_convert(args: argparse.Namespace) -> int:
    from .report import RESOLUTIONS

    if len(args.inputs) == 1:
        guard([args.output], args.inputs)
        emit(_Convert(args.to)(args.inputs[0]), args.output)
        return 0
    if args.output in (None, "-"):
        raise ResodiffError("several inputs: give a folder for the outputs (-o FOLDER)")
    check_output_folder(args.output)
    outputs = [os.path.join(args.output, Path(file).stem + RESOLUTIONS[args.to].suffix) for file in args.inputs]
    for output, count in Counter(outputs).items():
        if count > 1:
            raise ResodiffError(f"{count} inputs would be written to {output}: convert them separately")
    if os.path.isdir(args.output):  # a folder still to be made holds no input
        guard(outputs, args.inputs)
    converted = list(each_file(_Convert(args.to), args.inputs, args.jobs))
    make_folder(args.output)
    write_all(list(zip(outputs, converted, strict=True)))
    return 0


@dataclass(frozen=True, slots=True)
class _Validate:
    """One file's findings (picklable, for the process pool)."""

    thorough: bool

    def __call__(self, file: str) -> list[Finding]:
        from .akn import validate_akn
        from .ingest import load

        return validate_akn(load(file), file_label(file), thorough=self.thorough)


def command_validate(args: argparse.Namespace) -> int:
    invalid = 0
    for findings in each_file(_Validate(args.thorough), args.files, args.jobs):
        for finding in findings:
            print(finding)
        invalid += bool(findings)
    if not args.quiet:
        print(f"{len(args.files) - invalid} of {len(args.files)} valid", file=sys.stderr)
    return 1 if invalid else 0


def command_diff(args: argparse.Namespace) -> int:
    """Exit status as diff(1): 0 no content change, 1 content changes (2 is any trouble)."""
    from .diff import diff_resolutions
    from .ingest import read
    from .report import CHANGE_REPORTS, RenderOptions

    guard([args.output], [args.old, args.new])
    report = diff_resolutions(read(args.old), read(args.new))
    to_terminal = args.output in (None, "-") and sys.stdout.isatty()
    color = {"always": True, "never": False}.get(args.color, to_terminal)
    emit(CHANGE_REPORTS.render(args.format, report, RenderOptions(color=color)), args.output)
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
    guard([args.output], [*args.drafts, *([args.against] if args.against else [])])
    findings = check_files(args.drafts, config, args.against, jobs=args.jobs)
    emit(FORMATTERS[args.format](findings, len(args.drafts)).encode("utf-8"), args.output)
    return 1 if any(f.severity == "error" for f in findings) else 0


def command_history(args: argparse.Namespace) -> int:
    from .history import history
    from .report import HISTORIES

    guard([args.output, args.akn], args.files)
    if args.akn and args.output not in (None, "-") and os.path.abspath(args.akn) == os.path.abspath(args.output):
        raise ResodiffError("--akn and -o name the same file", file=file_label(args.akn))
    result = history(args.files)
    output = HISTORIES.render(args.format, result)
    # every output computed (the AKN validated on the way) before the first is written
    files = [(args.akn, HISTORIES.render("akn", result))] if args.akn else []
    if args.output in (None, "-"):
        write_all(files)
        emit(output, None)
    else:
        write_all([*files, (args.output, output)])
    return 0


def command_pair(args: argparse.Namespace) -> int:
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
            print(f"resodiff: not read: {problem['error']}", file=sys.stderr)
        return 2
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
    from .report import CHANGE_REPORTS, HISTORIES, RESOLUTIONS

    parser = argparse.ArgumentParser(prog="resodiff", description="Read, convert and compare UN resolutions.")
    parser.add_argument("--version", action="version", version=f"resodiff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert a resolution (text or AKN) to akn, json or text")
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="the resolution: seed-style text/Markdown or Akoma Ntoso XML"
    )
    convert.add_argument(
        "-o", "--output", help="output file (default: standard output); with several inputs, a folder for the outputs"
    )
    _add_jobs(convert)
    convert.add_argument("--to", choices=RESOLUTIONS.names(), default="akn", help=_choices_help(RESOLUTIONS, "akn"))
    convert.set_defaults(handler=command_convert)

    validate = commands.add_parser("validate", help="validate Akoma Ntoso files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--thorough", action="store_true", help="always run xmlschema, even on valid files")
    validate.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    _add_jobs(validate)
    validate.set_defaults(handler=command_validate)

    compare = commands.add_parser("diff", help="compare two versions of a resolution, paragraph by paragraph")
    compare.add_argument("old", help="the earlier version (text or AKN)")
    compare.add_argument("new", help="the later version (text or AKN)")
    compare.add_argument(
        "--format", choices=CHANGE_REPORTS.names(), default="text", help=_choices_help(CHANGE_REPORTS, "text")
    )
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
    check.add_argument("-o", "--output", help="output file (default: standard output)")
    _add_jobs(check)
    check.set_defaults(handler=command_check)

    series = commands.add_parser("history", help="a series of versions: timeline and where each paragraph comes from")
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

    demo = commands.add_parser("demo", help="the embedded seed (A/RES/79/9, French): validated AKN, then a diff")
    demo.add_argument("-o", "--output", help="also write the Akoma Ntoso file here")
    demo.set_defaults(handler=command_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
