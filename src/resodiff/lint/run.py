"""Running the rules over drafts: one file at a time, or a process pool over many."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from ..errors import DiffError, InputError, ResodiffError, TextSyntaxError
from ..findings import UNREADABLE, Finding, Note
from ..ingest import detect_format, load, read, read_bytes, read_text
from ..ingest.forms import decode_text, xml_bytes
from ..ingest.header import find_formula
from ..model import Resolution
from ..spans import SourceSpan, file_label
from . import REGISTRY, Context
from . import rules as _rules  # noqa: F401  (registers the rules)
from .config import Config
from .suppress import add_noqa, apply_suppressions, blank_comments, comment_suppressions

if TYPE_CHECKING:
    from .fix import Edit

#: rounds of fixing: a fix can reveal another (a renumbering after a punctuation fix)
_FIX_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Options:
    """What ``check`` does with each file besides reporting."""

    fix: bool = False
    #: compute the fixes and show them as a diff, without writing
    diff: bool = False
    add_noqa: bool = False
    #: a file that is not a resolution gets a note instead of stopping the run (pre-commit)
    skip_non_resolutions: bool = False
    #: Word drafts (and the previous version, if one) read with their tracked changes rejected
    as_original: bool = False


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one file gave: findings, notes, fixes, or the error that stopped it."""

    file: str
    findings: tuple[Finding, ...] = ()
    notes: tuple[Note, ...] = ()
    fixes: tuple[Edit, ...] = ()
    #: the unified diff of the fixes (``--diff``)
    diff: str = ""
    #: suppression comments added (``--add-noqa``)
    silenced: int = 0
    #: why the file could not be checked (``file:line:col: message``)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The findings and notes of the rules over one resolution."""

    findings: list[Finding]
    notes: list[Note] = field(default_factory=list)


def check_document(
    resolution: Resolution,
    file: str,
    config: Config,
    previous: Resolution | None = None,
    original: Resolution | None = None,
) -> Outcome:
    """Every finding for one resolution, in order of position then code, and the notes: rules
    skipped because the document does not show what they read. ``original`` is a Word draft
    read with its tracked changes rejected, which the rules of tracked changes compare with
    ``previous``."""
    if config.language and resolution.meta.language != config.language:
        raise InputError(
            f"the draft is in {resolution.meta.language}, the configuration expects {config.language}", file=file
        )
    report = original_report = None
    if previous is not None:
        from ..diff import diff_resolutions  # the diff engine is loaded only for --against

        try:
            report = diff_resolutions(previous, resolution)
            if original is not None:
                original_report = report if original is resolution else diff_resolutions(previous, original)
        except DiffError as error:
            raise InputError(f"cannot compare with the previous version: {error.message}", file=file) from None
    context = Context(resolution, file, previous, report, config.technical_update, original, original_report)
    ignored = config.ignored_in(file)
    shown: dict[str, bool] = {}
    skipped: dict[str, list[str]] = {}
    findings = []
    for code, rule in sorted(REGISTRY.rules.items()):
        if not config.enabled(code, rule.group == "style") or (rule.needs_previous and previous is None):
            continue
        if any(code.startswith(prefix) for prefix in ignored):
            continue
        for name in rule.needs:
            if name not in shown:
                shown[name] = REGISTRY.properties[name].shown(resolution)
        missing = [name for name in rule.needs if not shown[name]]
        if missing:
            for name in missing:
                skipped.setdefault(name, []).append(code)
            continue
        severity = config.severity.get(code, rule.severity)
        for issue in rule.check(context):
            # a rule's position is in the file checked (a part of a publication is in its file)
            line, column = (issue.span.line, issue.span.column) if issue.span else (1, 1)
            findings.append(Finding(SourceSpan(file, line, column), code, severity, issue.message))
    notes = [
        Note(file, f"{', '.join(codes)} skipped: {REGISTRY.properties[name].absence}.")
        for name, codes in skipped.items()
    ]
    return Outcome(sorted(findings, key=lambda f: (f.line, f.column, f.code)), notes)


def check_resolution(
    resolution: Resolution, file: str, config: Config, previous: Resolution | None = None
) -> list[Finding]:
    """Every finding for one draft, in order of position then code."""
    return check_document(resolution, file, config, previous).findings


def not_a_resolution(data: bytes, text: str | None) -> str | None:
    """Why a file is plainly not a resolution (a README, a note), or None: checked before
    reading, so that such a file gets a clear message rather than a reader's error. ``text`` is
    the file decoded, None for XML or for bytes the reader will refuse with a position."""
    if not data.strip():
        return "the file is empty"
    if text is None:
        if detect_format(data) != "akn":
            return None  # the reader says what is wrong with it, with its position
        head = xml_bytes(data, None)[:4096]  # UTF-16 XML looked at as the reader sees it
        return None if b"<akomaNtoso" in head else "an XML file, but not Akoma Ntoso"
    try:
        find_formula(text.splitlines(), None)  # the reader's own test of a resolution
    except TextSyntaxError:
        return "no enacting formula ('The General Assembly,', 'L'Assemblée générale,' ...)"
    return None


def _text_of(data: bytes, file: str) -> str | None:
    """The text of a text file, decoded once for the check and the reader (None for XML, or
    for bytes that do not decode: the reader then refuses them with a position)."""
    if detect_format(data) != "text":
        return None
    try:
        return decode_text(data, file)
    except ResodiffError:
        return None


def check_file(
    file: str, config: Config, previous: Resolution | None = None, options: Options | None = None
) -> FileResult:
    """Check one file (each part of a multi-part publication apart), fixing it if asked."""
    options = options or Options()
    data = load(file)
    label = file_label(file)  # the name as shown: a name's undecodable bytes escaped
    form = detect_format(data, label)
    if form == "docx":
        return _check_docx(label, data, config, previous, options)
    text = _text_of(data, label)
    reason = not_a_resolution(data, text)
    if reason is not None:
        if options.skip_non_resolutions:
            return FileResult(label, notes=(Note(label, f"not a resolution ({reason}): not checked."),))
        raise InputError(f"not a resolution: {reason}", file=label, line=1, column=1)
    if form == "akn":
        return _check_akn(label, data, config, previous, options)
    if form != "text":
        return _check_printed(label, data, form, config, previous, options)
    # no text only where it does not decode: decoding it again raises that error, with its position
    return _check_text(
        label, text if text is not None else decode_text(data, label), config, previous, options, path=file
    )


def _check_akn(file: str, data: bytes, config: Config, previous: Resolution | None, options: Options) -> FileResult:
    from ..ingest.akn import read_akn_collection

    findings: list[Finding] = []
    notes: list[Note] = []
    # a multi-part publication is checked part by part (A, B ...), each against the previous
    for resolution in read_akn_collection(xml_bytes(data, file), file=file):  # the one encoding rule
        outcome = check_document(resolution, file, config, previous)
        findings.extend(outcome.findings)
        notes.extend(n for n in outcome.notes if n not in notes)
    if options.fix or options.diff or options.add_noqa:
        notes.append(Note(file, "Akoma Ntoso is not edited: --fix and --add-noqa work on text and Markdown drafts."))
    return FileResult(file, tuple(findings), tuple(notes))


def _check_docx(file: str, data: bytes, config: Config, previous: Resolution | None, options: Options) -> FileResult:
    """A Word draft, read as it stands (or, ``as_original``, with its changes rejected), checked
    with the text its tracked changes were made to beside it."""
    from ..ingest.docx import read_docx

    original = read_docx(data, file=file, changes="reject")
    resolution = original if options.as_original else read_docx(data, file=file)
    outcome = check_document(resolution, file, config, previous, original)
    # a Word comment "resodiff: ignore CODE" on a paragraph silences CODE there
    findings = apply_suppressions(outcome.findings, comment_suppressions(resolution.comments), resolution)
    notes = list(outcome.notes)
    if options.fix or options.diff or options.add_noqa:
        notes.append(Note(file, "Word files are not edited: --fix and --add-noqa work on text and Markdown drafts."))
    return FileResult(file, tuple(findings), tuple(notes))


def _check_printed(
    file: str, data: bytes, form: str, config: Config, previous: Resolution | None, options: Options
) -> FileResult:
    """A form that is read but never edited (PDF): its findings, at their pages and lines."""
    outcome = check_document(read_bytes(data, file=file), file, config, previous)
    notes = list(outcome.notes)
    if options.fix or options.diff or options.add_noqa:
        edited = "--fix and --add-noqa work on text and Markdown drafts"
        notes.append(Note(file, f"{form.upper()} is not edited: {edited}."))
    return FileResult(file, tuple(outcome.findings), tuple(notes))


def _read_checked(file: str, text: str, config: Config, previous: Resolution | None) -> tuple[Resolution, Outcome]:
    blanked, suppressions = blank_comments(text)
    resolution = read_text(blanked, file=file)
    outcome = check_document(resolution, file, config, previous)
    return resolution, Outcome(apply_suppressions(outcome.findings, suppressions, resolution), outcome.notes)


def _check_text(
    file: str, text: str, config: Config, previous: Resolution | None, options: Options, path: str
) -> FileResult:
    resolution, outcome = _read_checked(file, text, config, previous)
    fixed = text
    made: list[Edit] = []
    if options.fix or options.diff:
        from .fix import apply_edits, plan_fixes  # the fixer loads for --fix and --diff only

        for _ in range(_FIX_ROUNDS):
            edits = plan_fixes(blank_comments(fixed)[0], resolution, outcome.findings)
            if not edits:
                break
            attempt, done = apply_edits(fixed, edits)
            try:
                resolution, outcome = _read_checked(file, attempt, config, previous)
            except ResodiffError as error:
                raise ResodiffError(
                    f"the fixes would leave a text that cannot be read ({error.message}); nothing written", file=file
                ) from None
            fixed = attempt
            made.extend(done)
    silenced = 0
    if options.add_noqa and outcome.findings:
        fixed, silenced = add_noqa(fixed, outcome.findings, resolution)
        outcome = _read_checked(file, fixed, config, previous)[1]
    diff = ""
    if fixed != text:
        if options.diff:
            import difflib

            diff = "".join(
                difflib.unified_diff(
                    text.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{file}", f"b/{file}"
                )
            )
        else:
            from ..files import write_atomically

            write_atomically(path, fixed.encode("utf-8"))
    return FileResult(file, tuple(outcome.findings), tuple(outcome.notes), tuple(made), diff, silenced)


def _check_or_report(file: str, config: Config, previous: Resolution | None, options: Options | None) -> FileResult:
    try:
        return check_file(file, config, previous, options)
    except ResodiffError as error:
        label = file_label(file)
        where = error.span or SourceSpan(error.file or label, 1)
        unreadable = Finding(where, UNREADABLE, "error", error.message)
        return FileResult(label, findings=(unreadable,), error=str(error))


def check_paths(
    files: Sequence[str],
    config: Config,
    against: str | None = None,
    options: Options | None = None,
    jobs: int = 1,
    progress: bool = True,
) -> list[FileResult]:
    """Check every file, on ``jobs`` processes; results in the order of ``files``. A file that
    cannot be read or checked gets its error in its result and does not stop the others. With
    ``progress``, a progress bar on a terminal (when there is a pool)."""
    previous_path = against or config.against
    as_original = options is not None and options.as_original
    previous = read(previous_path, as_original=as_original) if previous_path else None
    work = partial(_check_or_report, config=config, previous=previous, options=options)
    if jobs <= 1 or len(files) < 2:
        return [work(file) for file in files]
    from ..pairing import run  # the pool pair and the other batch commands use

    return run(work, files, jobs, progress=progress)
