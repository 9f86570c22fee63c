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
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._version import __version__
from .completion import FOLDER, SHELLS, TEXT, complete
from .errors import OutputError, ResodiffError
from .escape import safe_for_terminal, safe_lines_for_terminal
from .files import check_output, check_output_folder, make_folder, part_file, write_all, write_atomically
from .findings import UNREADABLE, Finding
from .spans import SourceSpan, file_label

if TYPE_CHECKING:
    from .report import Registry

T = TypeVar("T")

SEED_NAME = "000_94d00cddfaaae410.txt"
PREDECESSOR_NAME = "fr-illustrative-predecessor-of-79-9.md"


def emit(data: bytes, output: str | None) -> None:
    """Write output to a file, whole or not at all, or to standard output (None or ``-``)."""
    if output is None or output == "-":
        binary = getattr(sys.stdout, "buffer", None)
        if binary is not None:
            binary.write(data)
        else:
            # a caller's text stream (io.StringIO, a notebook's): text goes as text; bytes that
            # are not UTF-8 text (a Word file) have no place there
            try:
                sys.stdout.write(data.decode("utf-8"))
            except UnicodeDecodeError:
                raise OutputError("standard output takes text only here: give -o FILE") from None
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


def note(args: argparse.Namespace, message: str) -> None:
    """Tell the user on standard error what is not an error (a summary, a note, a warning), unless
    they asked for quiet (``-q``)."""
    if not args.quiet:
        print(message, file=sys.stderr)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), not {value!r}")
    return int(value)


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    complete(
        parser.add_argument(
            "--jobs", type=_jobs, default=os.cpu_count() or 1, help="Worker processes (default: all cores)."
        ),
        TEXT,
    )


def each_file(function: Callable[[str], T], files: Sequence[str], jobs: int, progress: bool = True) -> Iterator[T]:
    """``function`` of every file, in order, on a process pool: the same as one process gives,
    the first file's error raised where one process would have stopped; ``progress`` on a terminal."""
    jobs = min(jobs, len(files))
    if jobs <= 1:
        yield from map(function, files)  # no pool to start (nor its module to import)
        return
    from .pairing import Settled, run

    for result in run(Settled(function), files, jobs, progress=progress):
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


#: the files a folder given to a batch command stands for: the forms the readers take, and
#: those of Akoma Ntoso
_RESOLUTION_SUFFIXES = frozenset({".xml", ".akn", ".md", ".txt", ".docx", ".pdf"})
_AKN_SUFFIXES = frozenset({".xml", ".akn"})


def in_folders(arguments: Sequence[str], suffixes: Set[str] = _RESOLUTION_SUFFIXES) -> list[str]:
    """The arguments with each folder replaced by the files under it named with one of
    ``suffixes``, sorted, as linters take a folder (hidden files and folders left out); a folder
    with none is an error."""
    files: list[str] = []
    for argument in arguments:
        if not os.path.isdir(argument):
            files.append(argument)
            continue
        found = sorted(
            str(path)
            for path in Path(argument).rglob("*")
            if path.suffix.lower() in suffixes
            and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(argument).parts)
        )
        if not found:
            named = ", ".join(sorted(suffixes))
            raise ResodiffError(f"no resolution files ({named}) in the folder", file=file_label(argument))
        files.extend(found)
    return files


@dataclass(frozen=True, slots=True)
class _Convert:
    """One file converted (picklable, for the process pool)."""

    to: str
    as_original: bool = False

    def __call__(self, file: str) -> bytes:
        from .ingest import read_document
        from .model import Publication
        from .report import PUBLICATIONS, RESOLUTIONS

        held = read_document(file, as_original=self.as_original)
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


@dataclass(frozen=True, slots=True)
class _Reason:
    """One file converted, or why it cannot be (picklable): a batch goes on past a bad input."""

    convert: _Convert

    def __call__(self, file: str) -> bytes | str:
        try:
            return self.convert(file)
        except ResodiffError as error:
            return str(error)


def _convert_split(args: argparse.Namespace, file: str) -> int:
    """One file per part of a publication (``-o out.xml``: ``out-A.xml``, ``out-B.xml``)."""
    from .ingest import read_document
    from .model import Publication
    from .report import RESOLUTIONS

    if args.output in (None, "-"):
        raise ResodiffError("--split writes one file per part: give -o FILE (the parts go to FILE-A, FILE-B ...)")
    held = read_document(file, as_original=args.as_original)
    parts = held.parts if isinstance(held, Publication) else (held,)
    outputs = [
        part_file(args.output, part.meta.part_letter) if part.meta.part_letter else args.output for part in parts
    ]
    guard(outputs, [file])
    # every part rendered (AKN validated) before the first is written
    write_all([(output, RESOLUTIONS.render(args.to, part)) for output, part in zip(outputs, parts, strict=True)])
    for output, part in zip(outputs, parts, strict=True):
        note(args, f"{safe_for_terminal(part.meta.symbol)}: {safe_for_terminal(output)}")
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
        data = _Convert(args.to, args.as_original)(inputs[0])
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
    converted = list(each_file(_Reason(_Convert(args.to, args.as_original)), inputs, args.jobs, not args.quiet))
    written = [(output, data) for output, data in zip(outputs, converted, strict=True) if isinstance(data, bytes)]
    if written:
        make_folder(args.output)
        write_all(written)
    failed = [reason for reason in converted if isinstance(reason, str)]
    # a batch goes on past a bad input, as check, pair and history do: each is told, the others
    # are written whole, and the exit status says that some were not
    for reason in failed:
        print(f"resodiff: error: {safe_for_terminal(reason)}", file=sys.stderr)
    if failed:
        print(f"resodiff: {len(failed)} of {len(inputs)} inputs not converted; the others written", file=sys.stderr)
        return 2
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
            return [Finding(error.span or SourceSpan(label, 1), UNREADABLE, "error", str(error))]


def command_validate(args: argparse.Namespace) -> int:
    """Exit status: 1 when a file has an error (schema, repeated eId), or with --strict a
    warning (a reference to nothing, a repair the reader made); 2 when a file could not be read
    (after every other file is validated); else 0."""
    files_with: collections.Counter[str] = collections.Counter()  # by check, files with an error
    warnings: collections.Counter[str] = collections.Counter()  # by check, warnings
    invalid = 0
    files = [local(args, file) for file in in_folders(args.files, _AKN_SUFFIXES)]
    for findings in each_file(_Validate(args.thorough), files, args.jobs, progress=not args.quiet):
        for finding in findings:
            if finding.code == UNREADABLE:
                print(f"resodiff: error: {safe_for_terminal(finding.message)}", file=sys.stderr)
                continue
            warning = "warning: " if finding.severity == "warning" else ""
            print(safe_for_terminal(f"{finding.span}: {warning}{finding.message}"))
        errors = {f.code for f in findings if f.severity == "error"}
        files_with.update(errors)
        invalid += bool(errors)
        warnings.update(f.code for f in findings if f.severity == "warning")
    total = len(files)
    summary = f"{total:,} files: {total - invalid:,} valid, {files_with['schema']:,} with schema errors"
    if files_with["eid"]:
        summary += f", {files_with['eid']:,} with repeated eIds"
    if files_with[UNREADABLE]:
        summary += f", {files_with[UNREADABLE]:,} not read"
    summary += f"; {warnings['reference']:,} reference warnings"
    if warnings["reader"]:
        summary += f", {warnings['reader']:,} reader warnings"
    note(args, summary)
    if files_with[UNREADABLE]:
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
    old = read_document(local(args, args.old), as_original=args.as_original)
    new = read_document(local(args, args.new), as_original=args.as_original)
    report = diff_documents(old, new)
    if isinstance(old, Resolution) and isinstance(new, Resolution) and isinstance(report, ChangeReport):
        from .history import reversed_in_time, unrelated

        for warning in (unrelated(old, new, report), reversed_in_time(old, new)):
            if warning:
                note(args, f"resodiff: warning: {safe_for_terminal(warning)}")
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
        guard([args.output], [])
        emit(explain(code).encode("utf-8"), args.output)
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
    options = Options(args.fix, args.diff, args.add_noqa, args.skip_non_resolutions, args.as_original)
    given = in_folders(args.drafts)
    guard([args.output], [*given, *([args.against] if args.against else [])])
    against = local(args, args.against) if args.against else None
    drafts = [local(args, draft) for draft in given]
    results = check_paths(drafts, config, against, options, jobs=args.jobs, progress=not args.quiet)
    for result in results:
        if result.error:
            print(f"resodiff: error: {safe_for_terminal(result.error)}", file=sys.stderr)
    findings = [finding for result in results for finding in result.findings]
    notes = [item for result in results for item in result.notes]
    edits = [(result.file, edit) for result in results for edit in result.fixes]
    for file, edit in edits:
        note(
            args,
            safe_for_terminal(
                f"{file}:{edit.line}:{edit.start + 1}: {edit.code} {'fixable' if args.diff else 'fixed'}: {edit.what}"
            ),
        )
    if args.fix or args.diff:
        note(args, f"{len(edits)} fix(es) {'to make' if args.diff else 'made'}")
    if args.add_noqa:
        note(args, f"{sum(r.silenced for r in results)} finding(s) silenced with resodiff: ignore comments")
    trouble = any(result.error for result in results)
    if args.diff:
        emit("".join(result.diff for result in results).encode("utf-8"), args.output)
        return 2 if trouble else 1 if edits else 0
    if args.statistics:
        for line in notes:
            note(args, str(line))
        report = statistics(findings).encode("utf-8")
    else:
        report = FINDINGS.render(args.format, CheckResult(tuple(findings), tuple(notes), len(drafts)))
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
    index = write_session(
        args.old_dir, args.new_dir, args.output, jobs=args.jobs, scheduler=args.scheduler, progress=not args.quiet
    )
    found = sum(1 for entry in index["pairs"] if entry["old"])
    note(
        args,
        f"{len(index['pairs'])} resolutions, {found} with a predecessor, "
        f"{len(index['without_predecessor'])} without; index: {args.output}/index.json",
    )
    if not index["complete"]:
        for problem in index["unreadable"]:
            print(f"resodiff: not read: {safe_for_terminal(problem['error'])}", file=sys.stderr)
        return 2
    return 0


def command_fetch(args: argparse.Namespace) -> int:
    """Without ``-o``, print the cached file's path (for scripts: ``resodiff diff "$(resodiff fetch ...)"``)."""
    from .fetch import fetch

    guard([args.output], [])  # before the download
    form = "pdf" if args.pdf else "akn"
    fetched = fetch(args.symbol, args.lang, source=args.source, refresh=args.refresh, form=form)
    origin = f"downloaded from {fetched.url}" if fetched.url else "from the cache"
    note(args, f"{fetched.symbol} ({fetched.language}): {origin}")
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
    from .report.text import use_color

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
    note(args, "\n".join(lines))
    report = diff_resolutions(predecessor, resolution)
    color = use_color(sys.stdout, "auto", os.environ)
    emit(CHANGE_REPORTS.render("text", report, RenderOptions(color=color)), None)
    return 1 if findings else 0


def command_completion(args: argparse.Namespace) -> int:
    """``resodiff completion SHELL``: the script that completes this command line in SHELL."""
    from .completion import script

    sys.stdout.write(script(build_parser(), args.shell))
    return 0


def _choices_help(registry: Registry[Any], default: str, what: str) -> str:
    return f"{what} (default: {default}): " + "; ".join(f"{name}: {registry[name].summary}" for name in registry) + "."


# What every command's help ends with: the exit statuses it uses (checked against the handlers'
# returns by tests/test_cli.py).
EXIT_STATUS = {
    "convert": "0 every file converted and written; 2 any error (nothing written).",
    "validate": "0 every file valid; 1 a file has an error (schema, repeated eId), or with --strict a warning; "
    "2 a file could not be read (the others are still validated) or any other error.",
    "diff": "0 no content change; 1 content changes (in any part of a multi-part publication); 2 any error.",
    "check": "0 no finding at error severity (or --exit-zero; and --explain); 1 findings at error severity "
    "(with --diff: fixes to make); 2 a draft could not be read (the others are still checked) or any other error.",
    "history": "0 the history written; 2 a version could not be read (the rest is written) or any other error.",
    "pair": "0 every pair reported; 2 a file could not be read (the rest is reported) or any other error.",
    "fetch": "0 the file fetched; 2 any error (offline, no such resolution).",
    "demo": "0 the seed's Akoma Ntoso is valid; 1 it has findings; 2 any error.",
    "completion": "0 the script printed; 2 any error.",
}


class _CommandList(argparse.HelpFormatter):
    """The top-level help: each command and its summary on one line. (argparse measures the
    command names one indent short, and puts a long one's summary on the next line.)"""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if isinstance(action, argparse._SubParsersAction):
            longest = max(map(len, action.choices))
            self._action_max_length = max(
                self._action_max_length, longest + self._current_indent + self._indent_increment
            )


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    parents: Sequence[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """A command with the options every command has (``-h``, ``-q``) and its exit statuses."""
    return commands.add_parser(
        name,
        parents=parents,
        add_help=False,  # the shared -h, whose help is a sentence
        help=summary,
        description=summary,
        epilog=f"exit status: {EXIT_STATUS[name]}",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser; the ``--format`` choices come from the renderer registries."""
    from .report import CHANGE_REPORTS, FINDINGS, HISTORIES, RESOLUTIONS

    shown = argparse.ArgumentParser(add_help=False)
    shown.add_argument("-h", "--help", action="help", help="Show this help and exit.")
    parser = argparse.ArgumentParser(
        prog="resodiff",
        description="Read, convert and compare UN resolutions. 'resodiff COMMAND --help' describes a command, "
        "its options and the exit statuses it uses.",
        epilog="exit status: 0 success; 1 the command worked and found something (diff: content changes; validate, "
        "check: errors in the files); 2 any error, with a file:line:column: message and never a traceback.",
        formatter_class=_CommandList,
        add_help=False,  # the shared -h, whose help is a sentence
        parents=[shown],
    )
    # every command has these two: one definition, shared
    common = argparse.ArgumentParser(add_help=False, parents=[shown])
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="Print nothing on standard error but errors: no progress, notes, warnings or summaries.",
    )
    # a General Assembly resolution's symbol (A/RES/79/9) stands for its official AKN file
    by_symbol = argparse.ArgumentParser(add_help=False, parents=[common])
    complete(
        by_symbol.add_argument(
            "--lang",
            default="en",
            help="Language of the files fetched for symbols given instead of files, as a tag (en, fr, es, ru, ar, "
            "zh; default: en).",
        ),
        TEXT,
    )
    complete(
        by_symbol.add_argument(
            "--source",
            metavar="URL",
            help="Where symbols are fetched from (default: $RESODIFF_FETCH_BASE, else DGACM's UNxml/GAresolutions).",
        ),
        TEXT,
    )
    parser.add_argument(
        "--version", action="version", version=f"resodiff {__version__}", help="Show the version and exit."
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", help="The command to run, one of those below."
    )

    tracked = argparse.ArgumentParser(add_help=False)
    tracked.add_argument(
        "--as-original",
        action="store_true",
        help="Read Word drafts with their tracked changes rejected (default: accepted, as the draft would stand).",
    )

    convert = _command(
        commands, "convert", "Convert resolutions (text, AKN or Word) to akn, json or text.", [by_symbol, tracked]
    )
    convert.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="The resolution: text/Markdown, Akoma Ntoso XML, a Word draft, or a symbol.",
    )
    convert.add_argument(
        "-o",
        "--output",
        help="Output file (default: standard output); with several inputs, a folder for the outputs.",
    )
    _add_jobs(convert)
    convert.add_argument(
        "--to", choices=RESOLUTIONS.names(), default="akn", help=_choices_help(RESOLUTIONS, "akn", "The form to write")
    )
    convert.add_argument(
        "--split",
        action="store_true",
        help="Write a multi-part publication as one file per part, OUTPUT's name with -A, -B ... (default: one "
        "documentCollection with akn, one object with json; text needs --split).",
    )
    convert.set_defaults(handler=command_convert)

    validate = _command(commands, "validate", "Validate Akoma Ntoso files.", [by_symbol])
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="An Akoma Ntoso file, or a symbol; a folder stands for the .xml and .akn files under it.",
    )
    validate.add_argument("--thorough", action="store_true", help="Always run xmlschema, even on valid files.")
    validate.add_argument("--strict", action="store_true", help="Exit 1 on warnings too.")
    _add_jobs(validate)
    validate.set_defaults(handler=command_validate)

    compare = _command(
        commands, "diff", "Compare two versions of a resolution, paragraph by paragraph.", [by_symbol, tracked]
    )
    compare.add_argument("old", help="The earlier version (text, AKN or Word file, or a symbol: A/RES/77/18).")
    compare.add_argument("new", help="The later version (text, AKN or Word file, or a symbol: A/RES/79/9).")
    compare.add_argument(
        "--format",
        choices=CHANGE_REPORTS.names(),
        default="text",
        help=_choices_help(CHANGE_REPORTS, "text", "The report's form"),
    )
    compare.add_argument("-o", "--output", help="Output file (default: standard output).")
    compare.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="Colour for --format text (default: auto, on a terminal unless NO_COLOR is set, or with FORCE_COLOR).",
    )
    compare.set_defaults(handler=command_diff)

    check = _command(commands, "check", "Check draft resolutions (rules by code, like a linter).", [by_symbol, tracked])
    check.add_argument(
        "drafts",
        nargs="*",
        metavar="DRAFT",
        help="A draft: text/Markdown, Akoma Ntoso, Word, or a symbol; a folder stands for the drafts under it.",
    )
    check.add_argument("--against", metavar="PREVIOUS", help="The previous version, for the P4xx rules.")
    check.add_argument(
        "--format", choices=FINDINGS.names(), default="text", help=_choices_help(FINDINGS, "text", "The findings' form")
    )
    complete(check.add_argument("--select", help="Comma-separated code prefixes to run (S,F,R,P or codes)."), TEXT)
    complete(check.add_argument("--ignore", help="Comma-separated code prefixes to skip."), TEXT)
    check.add_argument("--config", help="A resodiff.toml or pyproject.toml (default: found upwards from here).")
    complete(
        check.add_argument("--explain", metavar="CODE", help="Print what a rule checks, why, and an example."), TEXT
    )
    check.add_argument("-o", "--output", "--output-file", help="Output file (default: standard output).")
    check.add_argument("--style", action="store_true", help="Also run the style group (opt-in rules).")
    check.add_argument("--fix", action="store_true", help="Correct the mechanical findings in text/Markdown drafts.")
    check.add_argument("--diff", action="store_true", help="Show the fixes as a unified diff, write nothing.")
    check.add_argument("--add-noqa", action="store_true", help="Silence every finding with a resodiff: ignore comment.")
    check.add_argument("--statistics", action="store_true", help="Count findings per rule instead of listing them.")
    check.add_argument("--exit-zero", action="store_true", help="Exit 0 even with error findings.")
    check.add_argument(
        "--skip-non-resolutions", action="store_true", help="Give a file that is not a resolution a note, not exit 2."
    )
    _add_jobs(check)
    check.set_defaults(handler=command_check)

    series = _command(commands, "history", "A series' timeline and where each paragraph comes from.", [by_symbol])
    series.add_argument("files", nargs="+", metavar="FILE", help="Two or more versions, in any order and form.")
    formats = [name for name in HISTORIES if name != "akn"]  # AKN has its own option, --akn
    series.add_argument(
        "--format", choices=formats, default="markdown", help=_choices_help(HISTORIES, "markdown", "The history's form")
    )
    series.add_argument("-o", "--output", help="Output file (default: standard output).")
    series.add_argument("--akn", metavar="FILE", help="Also write the newest version as AKN with its lifecycle.")
    series.set_defaults(handler=command_history)

    session = _command(commands, "pair", "Pair a session's resolutions with their predecessors.", [common])
    complete(session.add_argument("old_dir", metavar="OLD_DIR", help="The earlier session's folder."), FOLDER)
    complete(session.add_argument("new_dir", metavar="NEW_DIR", help="The later session's folder."), FOLDER)
    complete(
        session.add_argument(
            "-o", "--output", required=True, metavar="OUT_DIR", help="The folder for the reports and their index."
        ),
        FOLDER,
    )
    _add_jobs(session)
    complete(
        session.add_argument(
            "--scheduler", metavar="ADDRESS", help="A Dask distributed scheduler, instead of local processes."
        ),
        TEXT,
    )
    session.set_defaults(handler=command_pair)

    download = _command(commands, "fetch", "Get a GA resolution's official AKN or PDF by its symbol.", [by_symbol])
    complete(
        download.add_argument("symbol", metavar="SYMBOL", help="The resolution's symbol: A/RES/79/9, A/RES/79/93 B."),
        TEXT,
    )
    download.add_argument("-o", "--output", help="Copy the file here ('-': standard output; default: print its path).")
    download.add_argument("--refresh", action="store_true", help="Download it again even when it is cached.")
    download.add_argument(
        "--pdf",
        action="store_true",
        help="Get the official PDF from the Official Document System (undocs.org; --source or "
        "$RESODIFF_PDF_BASE replace it) instead of the AKN file.",
    )
    download.set_defaults(handler=command_fetch)

    demo = _command(commands, "demo", "The embedded seed (A/RES/79/9): validated AKN, then a diff.", [common])
    demo.add_argument("-o", "--output", help="Also write the Akoma Ntoso file here.")
    demo.set_defaults(handler=command_demo)

    shell = _command(commands, "completion", "Print a shell completion script (bash, zsh or fish).", [common])
    shell.add_argument("shell", choices=sorted(SHELLS), help="The shell the script is for.")
    shell.set_defaults(handler=command_completion)
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
        # an error of no file is of the command line ("several inputs: give a folder"): no "<input>:"
        told = str(error) if error.file is not None or error.line is not None else error.message
        print(f"resodiff: error: {safe_for_terminal(told)}", file=sys.stderr)
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
