"""Regenerate the pictures in docs/images: page 1 of every example, as the PDF shows it and as
LibreOffice shows the DOCX. Run from the repository root: ``.venv/bin/python docs/pictures.py``.
Needs pdftoppm (poppler-utils) and soffice (LibreOffice)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import minutes

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            meeting = minutes.load(example)
            pdf = minutes.write(meeting, work / f"{example.stem}.pdf")
            docx = minutes.write(meeting, work / f"{example.stem}.docx")
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless",
                 "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)],
                check=True, capture_output=True, timeout=180,
            )
            for source, suffix in ((pdf, "pdf"), (work / "lo" / f"{example.stem}.pdf", "docx")):
                target = IMAGES / f"{example.stem}-{suffix}-p1"
                subprocess.run(
                    ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                     str(source), str(target)],
                    check=True,
                )
                print(f"{target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
