"""Run every Frontwatch benchmark and print one markdown table of results against the targets.

    .venv/bin/python bench/run_all.py [--rate 20] [--seconds 30] [--latency-runs 1] [--skip-latency]

The CPU benchmarks run first, one at a time (gazetteer cold load in fresh
interpreters, then bench/bench_extract.py as a subprocess if it exists), then
the end-to-end latency bench (bench/bench_latency.py, a subprocess that starts
and stops its own isolated pipeline on the running Kafka + Redis stack).
Exits 1 if a target is missed, 0 otherwise (a skipped bench is not a failure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

EXTRACT_TARGET = 500.0  # seed-sized articles per second, one core
GAZETTEER_START_TARGET_S = 3.0
GAZETTEER_RSS_TARGET_MB = 400.0
LATENCY_P99_TARGET_MS = 1000.0


@dataclass
class Row:
    name: str
    metric: str
    value: str
    target: str
    ok: bool | None  # None: not judged (informational, or skipped)

    def cells(self) -> list[str]:
        verdict = {True: "yes", False: "**NO**", None: "–"}[self.ok]
        return [self.name, self.metric, self.value, self.target, verdict]


def gazetteer_rows(loads: int = 3) -> list[Row]:
    """Gazetteer start-up in fresh interpreters, via bench_gazetteer.start_ups: cold (no cache: build, then
    write it) and warm (the cache present, as after ``make setup``), alternated, each in a temp cache dir."""
    sys.path.insert(0, str(BENCH))
    try:
        from bench_gazetteer import start_ups
    except ImportError as exc:
        return [Row("gazetteer", "start-up", f"skipped: {exc}", "", None)]
    with tempfile.TemporaryDirectory(prefix="bench-gazetteer-") as temp:
        cold, warm = start_ups(loads, Path(temp))
    rows: list[Row] = []
    for label, results in (("warm: cache present, as after `make setup`", warm),
                           ("cold: no cache, build + write it (first start after an install or upgrade)", cold)):
        times = sorted(r["total_s"] for r in results)
        median = statistics.median(times)
        rows.append(Row("gazetteer", f"start-up, {label} (median of {loads}; min–max)",
                        f"{median:.2f} s ({times[0]:.2f}–{times[-1]:.2f})", f"< {GAZETTEER_START_TARGET_S:g} s",
                        median < GAZETTEER_START_TARGET_S))
    results = cold + warm
    peak = max(r["peak_mb"] for r in results)
    rss = max(r["rss_mb"] for r in results)
    return [
        *rows,
        Row("gazetteer", "peak RSS during load (VmHWM), cold or warm", f"{peak:.0f} MB", f"< {GAZETTEER_RSS_TARGET_MB:g} MB",
            peak < GAZETTEER_RSS_TARGET_MB),
        Row("gazetteer", "RSS after load (VmRSS)", f"{rss:.0f} MB", f"< {GAZETTEER_RSS_TARGET_MB:g} MB",
            rss < GAZETTEER_RSS_TARGET_MB),
        Row("gazetteer", "entries", f"{int(results[0]['entries'])}", "", None),
    ]


def extract_rows(timeout: float = 300.0) -> list[Row]:
    """bench/bench_extract.py as a subprocess (one Python process: one core); its 'N articles/s' line."""
    script = BENCH / "bench_extract.py"
    if not script.exists():
        return [Row("extract_events", "throughput", "skipped: bench/bench_extract.py not found", f">= {EXTRACT_TARGET:g}", None)]
    try:
        out = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True,
                             timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return [Row("extract_events", "throughput", f"failed: no result within {timeout:.0f}s", "", False)]
    rate = re.search(r"([\d.]+)\s+articles/s", out.stdout)
    ms = re.search(r"([\d.]+)\s+ms/article", out.stdout)
    if out.returncode != 0 or rate is None:
        tail = (out.stderr or out.stdout).strip().splitlines()[-1:] or ["no output"]
        return [Row("extract_events", "throughput", f"failed (exit {out.returncode}): {tail[0][:120]}", "", False)]
    value = float(rate.group(1))
    detail = f" ({float(ms.group(1)):.2f} ms/article)" if ms else ""
    return [Row("extract_events", "seed-sized articles/s, one core", f"{value:.0f}{detail}", f">= {EXTRACT_TARGET:g}",
                value >= EXTRACT_TARGET)]


def latency_rows(rate: float, seconds: float, runs: int, timeout: float = 600.0) -> list[Row]:
    """bench/bench_latency.py --json, ``runs`` times; one row group per run."""
    rows: list[Row] = []
    for run in range(1, runs + 1):
        name = "alert latency" if runs == 1 else f"alert latency (run {run})"
        argv = [sys.executable, str(BENCH / "bench_latency.py"), "--json", "--rate", str(rate), "--seconds", str(seconds)]
        try:
            out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            rows.append(Row(name, "p99", f"failed: no result within {timeout:.0f}s", "", False))
            continue
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        if not lines:
            sys.stderr.write(out.stderr[-4000:])
            tail = out.stderr.strip().splitlines()[-1:] or ["no output"]
            rows.append(Row(name, "p99", f"failed (exit {out.returncode}): {tail[0][:120]}", "", False))
            continue
        r = json.loads(lines[-1])
        lat = r["latency_ms"]
        load = f"{r['rate']:g} articles/s × {r['seconds']:g} s"
        rows += [
            Row(name, f"p99, {load}", f"{lat['p99']:.0f} ms", f"< {LATENCY_P99_TARGET_MS:g} ms",
                lat["p99"] < LATENCY_P99_TARGET_MS),
            Row(name, "p50 / p90 / max", f"{lat['p50']:.0f} / {lat['p90']:.0f} / {lat['max']:.0f} ms", "", None),
            Row(name, "sent / received", f"{r['sent']} / {r['received']}", "", None),
            Row(name, "lost notifications", str(r["lost"]), "0", r["lost"] == 0),
        ]
        if r["duplicates"]:
            rows.append(Row(name, "duplicate notifications", str(r["duplicates"]), "0", False))
        for stage, s in r.get("stages_ms", {}).items():
            rows.append(Row(name, f"stage: {stage.replace('_', ' ')} (p50 / p99)", f"{s['p50']:.0f} / {s['p99']:.0f} ms",
                            "", None))
        cpu = r.get("cpu_percent", {})
        if cpu:
            shown = ("extract", "alerts", "kafka", "machine (all cores)")
            rows.append(Row(name, "CPU while publishing: " + " / ".join(shown),
                            " / ".join(f"{cpu.get(k, math.nan):.0f} %" for k in shown), "", None))
    return rows


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=20.0, help="latency bench: articles per second (default 20)")
    parser.add_argument("--seconds", type=float, default=30.0, help="latency bench: seconds of publishing (default 30)")
    parser.add_argument("--latency-runs", type=int, default=1, choices=range(1, 6), help="latency bench repetitions (1-5)")
    parser.add_argument("--skip-latency", action="store_true", help="only the CPU benches (no Kafka needed)")
    args = parser.parse_args()

    def progress(msg: str) -> None:
        print(f"[run_all] {msg}", file=sys.stderr, flush=True)

    progress("gazetteer cold load ...")
    rows = gazetteer_rows()
    progress("extract throughput ...")
    rows += extract_rows()
    if not args.skip_latency:
        progress(f"end-to-end latency ({args.latency_runs} × {args.seconds:g} s at {args.rate:g}/s) ...")
        rows += latency_rows(args.rate, args.seconds, args.latency_runs)

    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    cpus = len(os.sched_getaffinity(0))
    print(f"Frontwatch benchmarks, {now}; {cpus} CPUs ({cpu_model()}), Python {platform.python_version()}\n")
    print("| name | metric | value | target | pass? |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    sys.exit(1 if any(row.ok is False for row in rows) else 0)


if __name__ == "__main__":
    main()
