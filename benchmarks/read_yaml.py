"""CPU time of reading YAML, the fast path (libyaml's events, ``minutes/yaml_events.py``) beside
ruamel.yaml in pure Python (what every file took before, and what the fast path falls back to):
every YAML file of the project through :func:`minutes.load.reader.parse`, and the three built-in
profiles through the profiles' reader. Median of the rounds, ``time.process_time``.

    .venv/bin/python benchmarks/read_yaml.py            # 7 rounds; --rounds N
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from minutes import yaml_events
from minutes.load.reader import parse
from minutes.profiles import registry

ROOT = Path(__file__).resolve().parent.parent


def cpu_ms(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000


def profile_fast(text: str) -> object:
    return yaml_events.read(text, registry._BOUNDS, registry._construct, {}, registry._as_is)


def profile_ruamel(text: str) -> object:
    return registry._plain(YAML(typ="rt").load(text), (), {})


def row(name: str, size: str, before: float, after: float) -> str:
    return f"| {name} | {size} | {before:.1f} ms | {after:.2f} ms | {before / after:.0f}× |"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=7)
    rounds = options.parse_args().rounds
    files = sorted(
        [*ROOT.joinpath("examples").rglob("*.yaml"), *ROOT.joinpath("templates").rglob("*.yaml")]
    )
    print("| file | kB | ruamel (before) | fast path (after) | ratio |")
    print("|---|---:|---:|---:|---:|")
    total_before = total_after = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        before = cpu_ms(lambda text=text: parse(text, quick=False), rounds)
        after = cpu_ms(lambda text=text: parse(text), rounds)
        total_before += before
        total_after += after
        name = path.relative_to(ROOT).as_posix()
        print(row(name, f"{len(text.encode()) / 1024:.1f}", before, after))
    count = len(files)
    print(row(f"**mean of {count} files**", "", total_before / count, total_after / count))
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted(ROOT.joinpath("templates", "profiles").glob("*.yaml"))
    ]
    before = cpu_ms(lambda: [profile_ruamel(t) for t in texts], rounds)
    after = cpu_ms(lambda: [profile_fast(t) for t in texts], rounds)
    print(row(f"**the {len(texts)} built-in profiles** (profiles' reader)", "", before, after))


if __name__ == "__main__":
    main()
