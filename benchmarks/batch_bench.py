"""How fast ``minutes batch`` converts a folder, and whether its memory stays flat.

Generates meeting files from the examples (both profiles; 1, 2, 4 or 8 times the agenda, so the
documents run from one page to several), then runs the real command, ``python -m minutes batch``,
once per (number of files, number of workers), each time into an empty output folder, and
reports:

* files per second, over the whole run (start-up of the workers included), each file giving
  the formats asked for (``--format``, default both: one PDF and one DOCX per file);
* peak memory: the largest resident size of any one process of the run (the batch's parent or
  one worker; ``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process, so exact), and the
  largest total of all its processes together (sampled every 50 ms from ``/proc``; Linux only);
* and, per number of workers, the ratio of peak memory at the largest size to the smallest:
  about 1 means memory does not grow with the number of files.

    .venv/bin/python benchmarks/batch_bench.py                      # 100 and 500 files, -j 1 and 2
    .venv/bin/python benchmarks/batch_bench.py --sizes 20 --jobs 2  # a quick look

The machine's load average is printed with the results: other work on the machine slows the run
and makes the numbers worth less.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
REPEATS = (1, 2, 4, 8)


def generate(folder: Path, count: int) -> None:
    """``count`` meeting files in ``folder``: the examples in turn, with their agenda repeated."""
    sys.path.insert(0, str(ROOT))
    from minutes.load import parse

    # through JSON: plain dicts, lists, str, int and float (no ruamel scalar types)
    bases = [json.loads(json.dumps(parse(p.read_text("utf-8"), p.name).data)) for p in EXAMPLES]
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        data = dict(bases[index % len(bases)])
        repeat = REPEATS[(index // len(bases)) % len(REPEATS)]
        data["agenda"] = list(data["agenda"]) * repeat
        data["number"] = index + 1
        with (folder / f"bien-ban-{index:04}.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)


# -- measuring one run -----------------------------------------------------------------------------


def _tree_rss_kib(root: int) -> int:
    """The resident size of ``root`` and all its descendants, in KiB (Linux ``/proc``)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry)] = int(line.split()[1])
    family = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in family)


def measure(command: list[str]) -> dict[str, Any]:
    """Run ``command`` (in this fresh process, so RUSAGE_CHILDREN is its alone) and return the
    wall time, the exit code, and both peaks of memory."""
    peak_total = 0
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_total
        while not stop.is_set():
            if Path("/proc").is_dir():
                peak_total = max(peak_total, _tree_rss_kib(process.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    _out, err = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    # ru_maxrss: KiB on Linux, bytes on macOS
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if platform.system() == "Darwin":
        maxrss //= 1024
    return {
        "code": process.returncode,
        "seconds": seconds,
        "peak_process_kib": maxrss,
        "peak_total_kib": peak_total,
        "stderr": err.decode("utf-8", "replace")[-2000:],
    }


@dataclass
class Result:
    files: int
    jobs: int
    seconds: float
    peak_process_mib: float
    peak_total_mib: float

    @property
    def rate(self) -> float:
        return self.files / self.seconds


def run(folder: Path, files: int, jobs: int, fmt: str, work: Path) -> Result:
    out = work / f"out-{files}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    batch = [sys.executable, "-m", "minutes", "batch", str(folder), "-o", str(out)]
    batch += ["-j", str(jobs), "-f", fmt]
    wrapper = [sys.executable, __file__, "--measure", "--", *batch]
    done = subprocess.run(wrapper, capture_output=True, text=True, cwd=ROOT, check=True)
    measured = json.loads(done.stdout)
    if measured["code"] != 0:
        raise SystemExit(f"batch failed ({measured['code']}): {measured['stderr']}")
    made = len([p for p in out.iterdir() if p.suffix in (".pdf", ".docx")])
    expected = files * (2 if fmt == "both" else 1)
    if made != expected:
        raise SystemExit(f"expected {expected} outputs, found {made}")
    shutil.rmtree(out, ignore_errors=True)
    return Result(
        files,
        jobs,
        measured["seconds"],
        measured["peak_process_kib"] / 1024,
        measured["peak_total_kib"] / 1024,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500", help="numbers of files (default 100,500)")
    parser.add_argument("--jobs", default="1,2", help="numbers of workers (default 1,2)")
    parser.add_argument("--format", default="both", choices=("pdf", "docx", "both"))
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the wrapper: one measured run, in a process of its own
        print(json.dumps(measure(args.command)))
        return

    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs_list = [int(j) for j in args.jobs.split(",")]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as temporary:
        work = Path(temporary)
        for size in sizes:
            folder = work / f"in-{size}"
            generate(folder, size)
            for jobs in jobs_list:
                result = run(folder, size, jobs, args.format, work)
                results.append(result)
                print(
                    f"{size:>5} files  -j {jobs}  {result.seconds:7.1f} s  "
                    f"{result.rate:6.2f} files/s  peak {result.peak_process_mib:6.0f} MiB "
                    f"(one process)  {result.peak_total_mib:6.0f} MiB (all)",
                    flush=True,
                )
    print()
    print(f"format: {args.format}; cores: {os.cpu_count()}; load average: {os.getloadavg()}")
    print(f"python {platform.python_version()}, {platform.platform()}")
    print()
    print("| files | workers | time (s) | files/s | peak, one process (MiB) | peak, all (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.files} | {r.jobs} | {r.seconds:.1f} | {r.rate:.2f} | "
            f"{r.peak_process_mib:.0f} | {r.peak_total_mib:.0f} |"
        )
    if len(sizes) > 1:
        print()
        for jobs in jobs_list:
            small = next(r for r in results if r.jobs == jobs and r.files == sizes[0])
            large = next(r for r in results if r.jobs == jobs and r.files == sizes[-1])
            print(
                f"-j {jobs}: peak memory at {sizes[-1]} files / at {sizes[0]} files: "
                f"{large.peak_process_mib / small.peak_process_mib:.2f} (one process), "
                f"{large.peak_total_mib / small.peak_total_mib:.2f} (all)"
            )
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in results], indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
