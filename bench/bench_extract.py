"""Throughput of ``extract_events`` on the seed articles (repeated), one core, gazetteer loaded.

    python bench/bench_extract.py [--seconds 5]

Prints articles per second and milliseconds per article; the target is
>= 500 seed-sized (~3.5 KB) articles per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.extract.events import extract_events  # noqa: E402
from shared.articles import article_from_text  # noqa: E402
from shared.gazetteer import load_gazetteer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run")
    args = parser.parse_args()
    places = load_gazetteer()
    seeds = [article_from_text(p.read_text(encoding="utf-8"), source=p.name) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for article in seeds:  # warm caches (gazetteer automaton, regexes) outside the timing
        extract_events(article, places)
    count = 0
    events = 0
    size = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for article in seeds:
            events += len(extract_events(article, places))
            size += len(article.text)
            count += 1
    elapsed = time.perf_counter() - start
    print(f"{count} articles ({size / count / 1000:.1f} KB avg), {events} events in {elapsed:.2f}s")
    print(f"{count / elapsed:.0f} articles/s, {1000 * elapsed / count:.2f} ms/article")


if __name__ == "__main__":
    main()
