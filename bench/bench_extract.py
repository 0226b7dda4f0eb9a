"""Throughput of ``extract_events`` on one core, gazetteer loaded.

    python bench/bench_extract.py [--seconds 5] [--corpus seeds|eval]

``--corpus seeds`` (the default, the issue's measure) runs the five seed
articles (~3.4 KB) over and over. Repeating five texts flatters the
extractor: its small caches of names and side words (``person_name``,
``side_of_term``) hit every time. ``--corpus eval`` runs every article of
``eval/*/articles`` (about 130 distinct texts of many outlets, ~2 KB on
average) instead, and also prints the seed-sized equivalent: articles/s at
the seeds' average size, from the measured milliseconds per KB.

The target is >= 500 seed-sized articles per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.extract.events import extract_events  # noqa: E402
from shared.articles import Article, article_from_text  # noqa: E402
from shared.gazetteer import load_gazetteer  # noqa: E402


def _articles(paths: list[Path]) -> list[Article]:
    return [article_from_text(p.read_text(encoding="utf-8"), source=p.name) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run")
    parser.add_argument("--corpus", choices=("seeds", "eval"), default="seeds", help="which articles to run")
    args = parser.parse_args()
    places = load_gazetteer()
    seeds = _articles(sorted((ROOT / "seeds").glob("*.txt")))
    corpus = seeds if args.corpus == "seeds" else _articles(sorted((ROOT / "eval").glob("*/articles/*.txt")))
    for article in corpus:  # warm caches (gazetteer automaton, regexes) outside the timing
        extract_events(article, places)
    count = 0
    events = 0
    size = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for article in corpus:
            events += len(extract_events(article, places))
            size += len(article.text)
            count += 1
    elapsed = time.perf_counter() - start
    print(f"{count} articles ({size / count / 1000:.1f} KB avg), {events} events in {elapsed:.2f}s")
    print(f"{count / elapsed:.0f} articles/s, {1000 * elapsed / count:.2f} ms/article")
    if args.corpus != "seeds":
        ms_per_kb = 1000 * elapsed / (size / 1000)
        seed_kb = sum(len(a.text) for a in seeds) / len(seeds) / 1000
        print(f"{ms_per_kb:.3f} ms/KB; at the seeds' {seed_kb:.1f} KB: {1000 / (ms_per_kb * seed_kb):.0f} seed-sized articles/s")


if __name__ == "__main__":
    main()
