"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure leaves no half file."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes private files; an output is an ordinary one
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def part_file(output: str, letter: str) -> str:
    """Where part ``letter`` of a multi-part publication goes beside ``output``: its stem, ``-A``,
    its suffix (``report.html`` → ``report-A.html``)."""
    path = Path(output)
    return str(path.with_name(f"{path.stem}-{letter}{path.suffix}"))
