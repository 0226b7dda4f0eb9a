"""Gazetteer benchmark: start-up time (cold and warm), resident memory, find_mentions throughput.

Run from the repository root:  python bench/bench_gazetteer.py [--repeat N] [--runs 3]
Prints a markdown table. Start-up is measured in fresh subprocesses (a new
interpreter, imports included), each with FRONTWATCH_CACHE_DIR pointing at a
temp dir of this bench (the user's cache is never read or written):

- cold: the cache dir is empty, so the gazetteer is built and the cache written;
- warm: the cache file written by a cold run is there and loaded.

Best / median / worst of ``--runs`` subprocesses each; RSS and peak RSS are
the median run's. Throughput is measured on the seed articles in seeds/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_COLD_LOAD = """
import json, time
started = time.perf_counter()
from shared.gazetteer import load_gazetteer
imported = time.perf_counter()
gazetteer = load_gazetteer()
loaded = time.perf_counter()
status = open("/proc/self/status").read()
rss_kb = int(status.split("VmRSS:")[1].split()[0])
peak_kb = int(status.split("VmHWM:")[1].split()[0])
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported, "total_s": loaded - started,
                  "rss_mb": rss_kb / 1024, "peak_mb": peak_kb / 1024, "entries": gazetteer.size}))
"""


def start_up(cache_dir: Path) -> dict[str, float]:
    """Load the gazetteer in a fresh interpreter with this cache dir; wall time of the process included."""
    env = {**os.environ, "FRONTWATCH_CACHE_DIR": str(cache_dir)}
    env.pop("FRONTWATCH_GAZETTEER_CACHE", None)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _COLD_LOAD], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout)
    result["process_s"] = time.perf_counter() - started
    return result


def start_ups(runs: int, temp: Path) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """``runs`` cold start-ups (each with an empty cache dir under ``temp``) and ``runs`` warm ones, alternated."""
    cold: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    for run in range(runs):
        cache_dir = temp / f"cache-{run}"
        cold.append(start_up(cache_dir))  # builds and writes the cache
        warm.append(start_up(cache_dir))  # loads it
    return cold, warm


def summary(loads: list[dict[str, float]]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Best, median and worst run by total start-up time."""
    ranked = sorted(loads, key=lambda r: r["total_s"])
    return ranked[0], ranked[len(ranked) // 2], ranked[-1]


def startup_rows(label: str, loads: list[dict[str, float]]) -> None:
    best, median, worst = summary(loads)
    seconds = statistics.median(r["total_s"] for r in loads)
    print(f"| {label} start-up, import + load (best / median / worst of {len(loads)}) "
          f"| {best['total_s']:.2f} / {seconds:.2f} / {worst['total_s']:.2f} s |")
    print(f"| {label}: of which imports (median run) | {median['import_s']:.2f} s |")
    print(f"| {label}: whole subprocess incl. interpreter start (median run) | {median['process_s']:.2f} s |")
    print(f"| {label}: RSS after load (VmRSS, median run) | {median['rss_mb']:.0f} MB |")
    print(f"| {label}: peak RSS during load (VmHWM, median run) | {median['peak_mb']:.0f} MB |")


def throughput(repeat: int) -> dict[str, float]:
    """find_mentions over the seed articles, ``repeat`` times each."""
    sys.path.insert(0, str(ROOT))
    from shared.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for text in texts:  # warm-up
        gazetteer.find_mentions(text)
    mentions = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            mentions += len(gazetteer.find_mentions(text))
    elapsed = time.perf_counter() - started
    articles = repeat * len(texts)
    kilobytes = repeat * sum(len(text.encode("utf-8")) for text in texts) / 1024
    names = ["Kupyansk", "Pokrovsk, Donetsk region", "Курская область", "Kharkov region"]
    started = time.perf_counter()
    for _ in range(200):
        for name in names:
            gazetteer.resolve_place(name)
    resolve_us = (time.perf_counter() - started) / (200 * len(names)) * 1e6
    gazetteer.suggest("warm-up")
    started = time.perf_counter()
    for name in ["Kupjansk", "Pokrovks", "Kharkiw", "Sudzah", "Zaporozhe"]:
        gazetteer.suggest(name)
    suggest_ms = (time.perf_counter() - started) / 5 * 1e3
    return {
        "articles": len(texts),
        "avg_kb": kilobytes / articles,
        "us_per_article": elapsed / articles * 1e6,
        "articles_per_s": articles / elapsed,
        "mentions_per_s": mentions / elapsed,
        "kb_per_s": kilobytes / elapsed,
        "resolve_us": resolve_us,
        "suggest_ms": suggest_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="passes over the seed articles")
    parser.add_argument("--runs", type=int, default=3, help="fresh subprocesses for each of cold and warm start-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gazetteer-") as temp:
        cold, warm = start_ups(args.runs, Path(temp))
        os.environ["FRONTWATCH_CACHE_DIR"] = str(Path(temp) / "cache-0")  # this process loads the warm cache too
        speed = throughput(args.repeat)
    print("| measure | value |")
    print("|---|---|")
    print(f"| entries | {int(cold[0]['entries'])} |")
    startup_rows("cold (no cache: build + write cache)", cold)
    startup_rows("warm (cache present)", warm)
    corpus = f"{speed['articles']} seed articles of {speed['avg_kb']:.1f} KB avg"
    print(f"| find_mentions, {corpus} | {speed['us_per_article']:.0f} µs/article |")
    print(f"| articles/s (one core) | {speed['articles_per_s']:.0f} |")
    print(f"| mentions/s | {speed['mentions_per_s']:.0f} |")
    print(f"| KB/s | {speed['kb_per_s']:.0f} |")
    print(f"| resolve_place | {speed['resolve_us']:.0f} µs |")
    print(f"| suggest (after first call builds the key list) | {speed['suggest_ms']:.1f} ms |")


if __name__ == "__main__":
    main()
