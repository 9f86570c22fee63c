"""Open Word files in LibreOffice (headless, through its UNO bridge) and say what it reads.

Run with a Python that has LibreOffice's ``uno`` module (Debian's ``python3-uno``, for the system
``/usr/bin/python3``), not the project's virtual environment:

    /usr/bin/python3 tests/libreoffice.py PROFILE_DIR OUT_DIR FILE.docx...

For each file, LibreOffice loads it, then prints it to PDF and saves it as text (``NAME.pdf``,
``NAME.txt``) as loaded, with the changes in it, and writes ``NAME.json``: the paragraphs and
footnotes of the document with all tracked changes accepted (``accepted``) and with all rejected
(``rejected``), each as LibreOffice's own commands (``.uno:AcceptAllTrackedChanges``,
``.uno:RejectAllTrackedChanges``) leave it, and the number of tracked changes LibreOffice counts
(``redlines``). One LibreOffice process serves every file;
its profile lives in PROFILE_DIR, so that parallel runs do not share one.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def _connect(profile: Path) -> tuple[subprocess.Popen[bytes], object]:
    pipe = f"resodiff-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return office, context
        except NoConnectException:
            if time.monotonic() > deadline or office.poll() is not None:
                office.kill()
                raise
            time.sleep(0.25)


def _text(document: object) -> dict[str, list[str]]:
    """Paragraphs (footnote anchors left out, tabs kept) and footnotes as LibreOffice holds them."""
    paragraphs = []
    enumeration = document.getText().createEnumeration()  # type: ignore[attr-defined]
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = paragraph.createEnumeration()
        words = []
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType == "Text":
                words.append(portion.getString())
        paragraphs.append("".join(words))
    notes = document.getFootnotes()  # type: ignore[attr-defined]
    footnotes = [notes.getByIndex(index).getString() for index in range(notes.getCount())]
    return {"paragraphs": paragraphs, "footnotes": footnotes}


def main(profile: Path, out: Path, files: list[Path]) -> None:
    office, context = _connect(profile)
    try:
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for file in files:
            result: dict[str, object] = {}
            for command in ("accepted", "rejected"):
                document = desktop.loadComponentFromURL(
                    file.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),)
                )
                if command == "accepted":
                    result["redlines"] = sum(1 for _ in _each(document.getRedlines().createEnumeration()))
                    pdf = (out / f"{file.stem}.pdf").resolve().as_uri()
                    document.storeToURL(pdf, (_property("FilterName", "writer_pdf_Export"),))
                    text = (out / f"{file.stem}.txt").resolve().as_uri()
                    encoded = (_property("FilterName", "Text (encoded)"), _property("FilterOptions", "UTF8,LF"))
                    document.storeToURL(text, encoded)
                frame = document.getCurrentController().getFrame()
                action = "AcceptAllTrackedChanges" if command == "accepted" else "RejectAllTrackedChanges"
                dispatcher.executeDispatch(frame, f".uno:{action}", "", 0, ())
                result[command] = _text(document)
                document.close(True)
            (out / f"{file.stem}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        with contextlib.suppress(Exception):  # the process is ended below in any case
            desktop.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def _each(enumeration: object) -> Iterator[object]:
    while enumeration.hasMoreElements():  # type: ignore[attr-defined]
        yield enumeration.nextElement()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), [Path(name) for name in sys.argv[3:]])
