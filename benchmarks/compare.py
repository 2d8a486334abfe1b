"""Speed of minutes beside its floor and the alternative, measured in one run on one machine.

Run from the repository root (needs LibreOffice):

    .venv/bin/python benchmarks/compare.py            # 3 rounds; writes docs/performance.md
    .venv/bin/python benchmarks/compare.py --quick    # 1 round, fewer files, writes nothing
    PYTHONPATH=/tmp/old .venv/bin/python benchmarks/compare.py --no-write   # another copy's code

What is measured, side by side, in rounds (the machine's load average printed with each; the
table gives the median of the rounds and their spread, lowest–highest):

1. **CPU per file, in process**, on varied meetings (the three examples with their agenda once to
   four times: 2 to 6 pages): ours is the whole of one file, both formats, with a warm
   ``Renderer`` (read the YAML, validate, compose, PDF, DOCX); the *floor* is bare WeasyPrint
   drawing our own HTML and CSS (``HTML(string=…).write_pdf(stylesheets=[…])``, its default
   user-agent sheet, the font configuration and the parsed CSS kept warm: the least any program
   pays to have WeasyPrint make these pages) plus our DOCX of the same tree. CPU time
   (``time.process_time``), so other work on the machine counts less than in wall time.
2. **``minutes batch -j 1`` and ``-j 2``** (PDF + DOCX) on the same meetings, against LibreOffice
   converting the DOCX files the batch wrote to PDF (PDF only) in one call, files per second
   from start to end.
3. **Cold start**: ``minutes render`` of the flagship to both formats in a fresh process (wall
   time), and what it imports (``python -X importtime``: WeasyPrint, the package, the rest).

Fresh processes run as a user's second command does (:func:`fresh_env`): Python's bytecode of the
package written (pip writes it when it installs a wheel; a ``PYTHONDONTWRITEBYTECODE`` of the
shell would make every run compile the package again, 0.1–0.2 s that no user pays), and
minutes' cache folder filled by one run before the measured ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MINUTES = [sys.executable, "-m", "minutes"]
REPEATS = (1, 2, 3, 4)


def fresh_env(scratch: Path) -> dict[str, str]:
    """The environment of the measured processes: the code of the ``minutes`` this process
    imported (``PYTHONPATH``: the processes run in ``scratch``, so no ``minutes`` folder of the
    current directory comes first), bytecode written (to ``scratch``, not into the source tree)
    and read, minutes' cache in ``scratch``."""
    import minutes

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(Path(minutes.__file__).resolve().parent.parent)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    env["MINUTES_CACHE_DIR"] = str(scratch / "cache")
    return env


def load_avg() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def say(text: str) -> None:
    print(f"[load {load_avg()}] {text}", flush=True)


def meeting_texts(count: int) -> list[str]:
    """``count`` meeting files: the examples in turn, their agenda repeated 1 to 4 times."""
    from ruamel.yaml import YAML

    from minutes.load import parse

    bases = [json.loads(json.dumps(parse(p.read_text("utf-8"), p.name).data)) for p in EXAMPLES]
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.width = 4096
    texts = []
    for index in range(count):
        data = dict(bases[index % len(bases)])
        repeat = REPEATS[(index // len(bases)) % len(REPEATS)]
        data["agenda"] = list(data["agenda"]) * repeat
        data["number"] = index + 1
        out = BytesIO()
        yaml.dump(data, out)
        texts.append(out.getvalue().decode("utf-8"))
    return texts


def pages_of(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def cpu(action: Callable[[], Any]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


class Floor:
    """Bare WeasyPrint on our HTML and CSS: public API, default user-agent sheet, warm fonts."""

    def __init__(self) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.css: dict[str, Any] = {}

    def html_of(self, document: Any) -> str:
        from minutes.resources import fonts_dir
        from minutes.writers import pdf

        prepared = pdf._prepared_xhtml(document, fonts_dir().resolve())
        return prepared if isinstance(prepared, str) else pdf.ET.tostring(prepared, "unicode")

    def render(self, document: Any, html: str) -> bytes:
        from weasyprint import CSS, HTML

        from minutes.resources import fonts_dir
        from minutes.writers.css import stylesheet

        key = document.profile.id
        if key not in self.css:
            self.css[key] = CSS(
                string=stylesheet(document.profile, fonts_dir().resolve()), font_config=self.fonts
            )
        base = fonts_dir().resolve().as_uri() + "/"
        result = HTML(string=html, base_url=base).write_pdf(
            stylesheets=[self.css[key]], font_config=self.fonts
        )
        assert isinstance(result, bytes)
        return result


def in_process(texts: Sequence[str], rounds: int) -> dict[str, Any]:
    """CPU per file, ours and the floor's, interleaved file by file, in ``rounds`` rounds."""
    import minutes
    from minutes.load import loads

    renderer = minutes.Renderer()
    floor = Floor()
    prepared = []
    for index, text in enumerate(texts):
        meeting = loads(text, f"m{index}.yaml")
        document = renderer.compose(meeting)
        pdf = renderer.render_document(document, "pdf")
        renderer.render_document(document, "docx")
        html = floor.html_of(document)
        floor.render(document, html)
        prepared.append((text, document, html, pages_of(pdf)))
    pages = sum(p for *_, p in prepared)
    result: dict[str, Any] = {"files": len(texts), "pages": pages, "rounds": []}
    for number in range(rounds):
        ours = bare = docx = 0.0
        before = load_avg()
        for index, (text, document, html, _pages) in enumerate(prepared):

            def whole(text: str = text, index: int = index) -> None:
                meeting = loads(text, f"m{index}.yaml")
                renderer.render_all(meeting, ["pdf", "docx"])

            ours += cpu(whole)
            bare += cpu(lambda d=document, h=html: floor.render(d, h))
            docx += cpu(lambda d=document: renderer.render_document(d, "docx"))
        n = len(prepared)
        row = {
            "ours": ours / n,
            "floor": (bare + docx) / n,
            "bare_pdf": bare / n,
            "docx": docx / n,
            "load": f"{before} → {load_avg()}",
        }
        result["rounds"].append(row)
        say(
            f"round {number + 1}: ours {row['ours'] * 1000:.0f} ms/file, floor "
            f"{row['floor'] * 1000:.0f} ms/file (bare PDF {row['bare_pdf'] * 1000:.0f}, DOCX "
            f"{row['docx'] * 1000:.0f}), ratio {row['ours'] / row['floor']:.2f}"
        )
    return result


def batch_run(
    inputs: Path, out: Path, workers: int, env: dict[str, str]
) -> tuple[float, float, float]:
    """``minutes batch`` in a fresh process: (seconds, CPU seconds of all its processes, peak RSS
    of any one process in MB)."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        f"r = subprocess.run({MINUTES!r} + ['batch', {str(inputs)!r}, '-o', {str(out)!r},"
        f" '-j', '{workers}', '--force'], capture_output=True);"
        "d = time.perf_counter() - t;"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(d, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=out.parent,
    )
    seconds, cpu_s, rss_kb, status = result.stdout.split()
    if status != "0":
        raise RuntimeError(f"minutes batch failed with exit code {status}")
    return float(seconds), float(cpu_s), int(rss_kb) / 1024


def soffice_batch(docx_files: list[Path], out_dir: Path) -> float:
    """Seconds LibreOffice takes to convert ``docx_files`` to PDF in one call."""
    profile = out_dir.parent / "lo-profile"
    start = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=3600,
    )
    return time.perf_counter() - start


def batches(texts: Sequence[str], rounds: int, scratch: Path) -> list[dict[str, Any]]:
    inputs = scratch / "batch-in"
    inputs.mkdir()
    for index, text in enumerate(texts):
        (inputs / f"m{index:04d}.yaml").write_text(text, encoding="utf-8")
    import minutes

    warm = scratch / "warm.docx"  # the first start sets up LibreOffice's profile: not counted
    warm.write_bytes(minutes.render_docx(minutes.loads(texts[0])))
    soffice_batch([warm], scratch / "lo-warm")
    out: list[dict[str, Any]] = []
    for number in range(rounds):
        row: dict[str, Any] = {}
        for workers in (1, 2):
            before = load_avg()
            target = scratch / f"out-{number}-{workers}"
            seconds, cpu_s, rss = batch_run(inputs, target, workers, fresh_env(scratch))
            row[workers] = {
                "rate": len(texts) / seconds,
                "cpu": cpu_s / len(texts),
                "rss": rss,
                "load": f"{before} → {load_avg()}",
            }
            say(
                f"round {number + 1}: batch -j {workers}: {len(texts) / seconds:.2f} files/s, "
                f"{cpu_s / len(texts) * 1000:.0f} ms CPU/file, peak {rss:.0f} MB"
            )
        docx = sorted((scratch / f"out-{number}-2").glob("*.docx"))
        before = load_avg()
        lo = soffice_batch(docx, scratch / f"lo-{number}")
        row["lo"] = {"rate": len(docx) / lo, "load": f"{before} → {load_avg()}"}
        rate = len(docx) / lo
        say(f"round {number + 1}: LibreOffice, {len(docx)} DOCX → PDF: {rate:.2f} files/s")
        out.append(row)
    return out


def cold_start(scratch: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (the process's own, from ``getrusage``) of each cold render, after
    one that is not counted (it writes the bytecode and fills the cache)."""
    times, cpus = [], []
    command = [*MINUTES, "render", str(FLAGSHIP), "-o", str(scratch / "cold")]
    env = fresh_env(scratch)
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=scratch)
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=scratch)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    say(
        "cold render: "
        + ", ".join(f"{t:.2f} s ({c:.2f} s CPU)" for t, c in zip(times, cpus, strict=True))
    )
    return times, cpus


def import_times(scratch: Path, repeats: int) -> dict[str, float]:
    """Seconds spent importing (cumulative, ``-X importtime``) in ``minutes render``, the best
    of ``repeats``: everything, WeasyPrint, and the package itself without WeasyPrint."""
    best: dict[str, float] = {}
    for _ in range(repeats):
        run = subprocess.run(
            [
                sys.executable,
                "-X",
                "importtime",
                "-m",
                "minutes",
                "render",
                str(FLAGSHIP),
                "-o",
                str(scratch / "cold"),
            ],
            capture_output=True,
            text=True,
            check=True,
            env=fresh_env(scratch),
            cwd=scratch,
        )
        total = weasy = ours = 0
        for line in run.stderr.splitlines():
            found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if not found:
                continue
            self_us, cumulative, indent, name = found.groups()
            top = len(indent) == 1
            if top:
                total += int(cumulative)
            if name == "weasyprint":
                weasy += int(cumulative)
            if name.startswith("minutes"):
                ours += int(self_us)
        times = {"all": total / 1e6, "weasyprint": weasy / 1e6, "minutes": ours / 1e6}
        for key, value in times.items():
            best[key] = min(best.get(key, value), value)
    say(
        f"imports: {best['all']:.2f} s in all, WeasyPrint {best['weasyprint']:.2f} s, "
        f"the package's own modules {best['minutes']:.2f} s"
    )
    return best


def machine() -> str:
    cpu_name = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_name = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import weasyprint

    lo = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu_name}), {memory:.0f} GiB, {platform.platform()}, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, {lo}"
    )


def spread(values: Sequence[float], fmt: str = "{:.2f}", scale: float = 1.0) -> str:
    """The median, and lowest–highest when there are several."""
    median = fmt.format(statistics.median(values) * scale)
    if len(values) < 2:
        return median
    return f"{median} ({fmt.format(min(values) * scale)}–{fmt.format(max(values) * scale)})"


def report(
    cpu_rows: dict[str, Any],
    batch_rows: list[dict[str, Any]],
    batch_files: int,
    cold: tuple[list[float], list[float]],
    imports: dict[str, float],
    where: str,
) -> str:
    rounds = cpu_rows["rounds"]
    ms = "{:.0f} ms"
    files, pages = cpu_rows["files"], cpu_rows["pages"]
    lines = [
        f"Measured {dt.date.today().isoformat()} on {where}; median of {len(rounds)} round(s), "
        "lowest–highest in brackets.",
        "",
        f"| CPU per file, in process ({files} files, {pages} pages) | time | load (1/5/15 min) |",
        "|---|---|---|",
        f"| ours: read, validate, compose, PDF, DOCX | "
        f"{spread([r['ours'] for r in rounds], ms, 1000)} per file, "
        f"{spread([r['ours'] * files / pages for r in rounds], ms, 1000)} per page "
        f"| {'; '.join(r['load'] for r in rounds)} |",
        f"| floor: bare WeasyPrint on our HTML and CSS, plus our DOCX | "
        f"{spread([r['floor'] for r in rounds], ms, 1000)} "
        f"(PDF {spread([r['bare_pdf'] for r in rounds], ms, 1000)}, DOCX "
        f"{spread([r['docx'] for r in rounds], ms, 1000)}) | |",
        f"| ours / floor (target ≤ 1.25) | "
        f"**{spread([r['ours'] / r['floor'] for r in rounds])}** | |",
        "",
        f"| batch of {batch_files} files | files/s | CPU per file | peak memory (one process) "
        "| vs LibreOffice (PDF only) | load (1/5/15 min) |",
        "|---|---|---|---|---|---|",
    ]
    for workers in (1, 2):
        rows = [r[workers] for r in batch_rows]
        lines.append(
            f"| `minutes batch -j {workers}` (PDF + DOCX) | {spread([r['rate'] for r in rows])} "
            f"| {spread([r['cpu'] for r in rows], ms, 1000)} "
            f"| {spread([r['rss'] for r in rows], '{:.0f} MB')} "
            f"| **{spread([r[workers]['rate'] / r['lo']['rate'] for r in batch_rows])}×** "
            f"| {'; '.join(r['load'] for r in rows)} |"
        )
    lo_rows = [r["lo"] for r in batch_rows]
    lines += [
        f"| LibreOffice `--convert-to pdf`, the same DOCX in one call "
        f"| {spread([r['rate'] for r in lo_rows])} | | | 1× "
        f"| {'; '.join(r['load'] for r in lo_rows)} |",
        "",
        f"Scaling from 1 to 2 workers: "
        f"{spread([r[2]['rate'] / r[1]['rate'] for r in batch_rows])}×.",
        "",
        f"Cold `minutes render` of the flagship to PDF and DOCX in a fresh process: "
        f"**{spread(cold[0])} s**, {spread(cold[1])} s of CPU; its imports "
        f"{imports['all']:.2f} s (WeasyPrint "
        f"{imports['weasyprint']:.2f} s, the package's own modules {imports['minutes']:.2f} s; "
        "best of the runs of `-X importtime`).",
    ]
    return "\n".join(lines)


BEGIN = "<!-- compare.py: begin -->"
END = "<!-- compare.py: end -->"


def write_section(table: str) -> None:
    """Replace the generated part of docs/performance.md, keeping the prose around it."""
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    block = f"{BEGIN}\n{table}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Side by side\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, fewer files, no write")
    parser.add_argument("--rounds", type=int, help="rounds of each measurement (default 3)")
    parser.add_argument("--files", type=int, help="meetings in the batch (default 120)")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    parser.add_argument(
        "--only", choices=("cpu", "batch", "cold"), action="append", help="run only these parts"
    )
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)
    batch_files = args.files or (24 if args.quick else 120)
    only = set(args.only or ("cpu", "batch", "cold"))
    if "batch" in only and shutil.which("soffice") is None:
        print("LibreOffice (soffice) is needed for the comparison", file=sys.stderr)
        return 2
    import minutes

    say(f"minutes from {Path(minutes.__file__).parent}")
    texts = meeting_texts(batch_files)
    cpu_rows: dict[str, Any] = {"files": 0, "pages": 0, "rounds": []}
    batch_rows: list[dict[str, Any]] = []
    cold: tuple[list[float], list[float]] = ([], [])
    imports: dict[str, float] = {"all": 0.0, "weasyprint": 0.0, "minutes": 0.0}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        if "cold" in only:
            cold = cold_start(scratch, 3 if args.quick else 7)
            imports = import_times(scratch, 3 if args.quick else 5)
        if "cpu" in only:
            distinct = texts[: len(EXAMPLES) * len(REPEATS)]  # each example at each length
            cpu_rows = in_process(distinct, rounds)
        if "batch" in only:
            batch_rows = batches(texts, rounds, scratch)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"this process's peak memory: {peak:.0f} MB")
    if only != {"cpu", "batch", "cold"}:
        return 0
    table = report(cpu_rows, batch_rows, batch_files, cold, imports, machine())
    print(table)
    if not args.no_write and not args.quick:
        write_section(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
