"""Gazetteer benchmark: cold load time, resident memory, find_mentions throughput.

Run from the repository root:  python bench/bench_gazetteer.py [--repeat N]
Prints a markdown table. The load is measured in fresh subprocesses (cold
start of the interpreter, imports included) and the best and worst of three
are shown; throughput is measured on the seed articles in seeds/.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
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


def cold_load() -> dict[str, float]:
    """Load the gazetteer in a fresh interpreter; wall time of the process included."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _COLD_LOAD], cwd=ROOT, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout)
    result["process_s"] = time.perf_counter() - started
    return result


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
    args = parser.parse_args()
    loads = [cold_load() for _ in range(3)]
    best = min(loads, key=lambda r: r["total_s"])
    worst = max(loads, key=lambda r: r["total_s"])
    speed = throughput(args.repeat)
    print("| measure | value |")
    print("|---|---|")
    print(f"| entries | {int(best['entries'])} |")
    print(f"| cold load, import + build (best / worst of 3) | {best['total_s']:.2f} s / {worst['total_s']:.2f} s |")
    print(f"| of which imports | {best['import_s']:.2f} s |")
    print(f"| whole subprocess incl. interpreter start | {best['process_s']:.2f} s |")
    print(f"| RSS after load (VmRSS) | {best['rss_mb']:.0f} MB |")
    print(f"| peak RSS during load (VmHWM) | {best['peak_mb']:.0f} MB |")
    corpus = f"{speed['articles']} seed articles of {speed['avg_kb']:.1f} KB avg"
    print(f"| find_mentions, {corpus} | {speed['us_per_article']:.0f} µs/article |")
    print(f"| articles/s (one core) | {speed['articles_per_s']:.0f} |")
    print(f"| mentions/s | {speed['mentions_per_s']:.0f} |")
    print(f"| KB/s | {speed['kb_per_s']:.0f} |")
    print(f"| resolve_place | {speed['resolve_us']:.0f} µs |")
    print(f"| suggest (after first call builds the key list) | {speed['suggest_ms']:.1f} ms |")


if __name__ == "__main__":
    main()
