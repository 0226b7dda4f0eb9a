#!/usr/bin/env python3
"""Check an evaluation corpus (eval/dev2, eval/dev3, ...): articles and gold files are well-formed and follow GUIDE.md.

    python eval/validate_corpus.py eval/dev2                      # check everything, exit 1 on any error
    python eval/validate_corpus.py eval/dev2 --emit-predictions   # print the gold events as score.py input

The second form turns the gold into the JSON-lines prediction format that
``shared/eval/score.py`` reads, so the scorer can be run on the gold against
itself (it must report F1 = 1.0 and place-mention recall 1.0):

    python eval/validate_corpus.py eval/dev2 --emit-predictions | python ../shared/eval/score.py eval/dev2/gold -

Standard library only. The matching helpers below mirror score.py, so that
"could two gold events be claimed by one prediction?" is answered exactly as
the scorer would answer it.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path
from typing import Any

# The article reader's own date-line rule (stdlib only, so this script still needs no venv).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shared.datelines import parse_date_line

TYPES = ("advance", "withdrawal", "deployment", "statement")
MIN_WORDS, MAX_WORDS = 150, 450

# --- mirrored from shared/eval/score.py -------------------------------------
NOISE_WORDS = {"region", "oblast", "city", "area", "district", "raion", "province", "the", "of"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`ʼ\"“”]", "", text)
    text = re.sub(r"[^a-z0-9а-яіїєґ]+", " ", text)
    return " ".join(w for w in text.split() if w not in NOISE_WORDS)


def similar(a: str, b: str, cutoff: float = 0.85) -> bool:
    if not a or not b:
        return False
    return a == b or SequenceMatcher(None, a, b).ratio() >= cutoff


def place_matches(pred: str | None, gold: list[str] | None) -> bool:
    if gold is None:
        return True
    p = norm(pred or "")
    if not p:
        return False
    for g in gold:
        n = norm(g)
        if similar(p, n) or (len(p) > 3 and f" {p} " in f" {n} ") or (len(n) > 3 and f" {n} " in f" {p} "):
            return True
    return False


def speaker_matches(pred: str | None, gold: str | list[str]) -> bool:
    p = norm(pred or "")
    if not p:
        return False
    for g in [gold] if isinstance(gold, str) else gold:
        n = norm(g)
        if similar(p, n) or similar(p.split()[-1], n.split()[-1], 0.8):
            return True
        if f" {n} " in f" {p} " or f" {p} " in f" {n} ":
            return True
    return False


# -----------------------------------------------------------------------------

SENTENCE_END = ".!?:…"
CLOSERS = "\"”»’')"


def split_article(raw: str) -> tuple[date | None, str]:
    """(published, text): a leading date line is header, everything else is the article text."""
    first, _, rest = raw.partition("\n")
    published = parse_date_line(first)
    return published, (rest if published else raw).strip("\n")


def names(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def whole_sentence(evidence: str, text: str) -> bool:
    """True when some occurrence of evidence starts and ends on sentence (or line) boundaries."""
    if not evidence or "\n" in evidence or evidence != evidence.strip():
        return False
    core = evidence.rstrip(CLOSERS)
    ends_sentence = bool(core) and core[-1] in SENTENCE_END
    for m in re.finditer(re.escape(evidence), text):
        s, e = m.start(), m.end()
        before = text[:s]
        if s > 0 and text[s - 1] not in " \t\n":
            continue
        prev = before.rstrip(" \t")
        start_ok = prev == "" or prev.endswith("\n") or prev.rstrip(CLOSERS)[-1:] in SENTENCE_END
        after = text[e : e + 1]
        end_ok = after in ("", "\n") or (ends_sentence and after in " \t")
        if start_ok and end_ok:
            return True
    return False


def paragraph_of(evidence: str, text: str) -> str:
    i = text.find(evidence)
    start = text.rfind("\n\n", 0, i)
    end = text.find("\n\n", i)
    return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)]


def contains(haystack: str, needle: str) -> bool:
    return needle.casefold() in haystack.casefold()


def check_file(gold_path: Path, articles_dir: Path) -> list[str]:
    errors: list[str] = []

    def err(msg: str) -> None:
        errors.append(f"{gold_path.name}: {msg}")

    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{gold_path.name}: not JSON ({exc})"]
    for key in ("article", "published", "places", "events"):
        if key not in gold:
            err(f"missing key {key!r}")
    if errors:
        return errors
    if gold_path.name != f"{gold['article']}.json":
        err(f"file name should be {gold['article']}.json (article + '.json', as score.py matches it)")
    article_path = articles_dir / gold["article"]
    if not article_path.is_file():
        return [*errors, f"{gold_path.name}: article {gold['article']} not found in {articles_dir}"]
    published, text = split_article(article_path.read_text(encoding="utf-8"))

    want = published.isoformat() if published else None
    if gold["published"] != want:
        err(f"published is {gold['published']!r} but the article's date line says {want!r}")
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        err(f"article has {words} words, outside {MIN_WORDS}-{MAX_WORDS}")

    # places: every entry is in the text, no place listed twice
    seen: dict[str, str] = {}
    for place in gold["places"]:
        if not isinstance(place, str) or not place.strip():
            err(f"bad place entry {place!r}")
            continue
        if not contains(text, place):
            err(f"place {place!r} does not appear in the article")
        key = norm(place)
        if key in seen:
            err(f"place {place!r} listed twice (same as {seen[key]!r})")
        seen[key] = place

    events = gold["events"]
    for n, e in enumerate(events):
        where = f"event {n} ({e.get('type')}, {e.get('actor')}, {e.get('speaker') or e.get('location')})"
        if e.get("type") not in TYPES:
            err(f"{where}: type must be one of {TYPES}")
            continue
        actor = e.get("actor")
        if actor is not None and not (isinstance(actor, str) and re.fullmatch(r"[A-Z]{3}", actor)):
            err(f"{where}: actor must be an ISO 3166-1 alpha-3 code or null")
        if e["type"] != "statement" and actor is None:
            err(f"{where}: a military event needs a side")
        loc = e.get("location")
        if loc is not None and not (isinstance(loc, list) and loc and all(isinstance(x, str) and x for x in loc)):
            err(f"{where}: location must be null or a non-empty list of names")
        if "optional" in e and not isinstance(e["optional"], bool):
            err(f"{where}: optional must be true/false")
        evidence = e.get("evidence")
        if not isinstance(evidence, str) or not evidence:
            err(f"{where}: evidence missing")
            continue
        if evidence not in text:
            err(f"{where}: evidence is not a verbatim substring of the article: {evidence[:80]!r}")
            continue
        if not whole_sentence(evidence, text):
            err(f"{where}: evidence is not a whole sentence of the article: {evidence[:80]!r}")
        quantity = e.get("quantity")
        if quantity is not None and (not isinstance(quantity, str) or quantity not in evidence):
            err(f"{where}: quantity {quantity!r} must be written as in the evidence")
        if loc:
            para = paragraph_of(evidence, text)
            if not any(contains(para, name) for name in loc):
                err(f"{where}: none of the location names {loc} appears in the evidence's paragraph")
        if e["type"] == "statement":
            speaker = names(e.get("speaker"))
            if not speaker or not all(isinstance(s, str) and s.strip() for s in speaker):
                err(f"{where}: a statement needs a speaker (a name or a list of names)")
            elif not any(contains(evidence, s) for s in speaker):
                err(f"{where}: no form of the speaker {speaker} appears in the evidence")
        elif "speaker" in e:
            err(f"{where}: only statements have a speaker")

    # one statement per speaker (GUIDE): no two statements whose speakers the scorer would confuse
    statements = [(i, e) for i, e in enumerate(events) if e.get("type") == "statement" and e.get("speaker")]
    for (i, a), (j, b) in combinations(statements, 2):
        if any(speaker_matches(x, names(b["speaker"])) for x in names(a["speaker"])) or any(
            speaker_matches(x, names(a["speaker"])) for x in names(b["speaker"])
        ):
            err(f"events {i} and {j}: two statements by one speaker ({a['speaker']} / {b['speaker']})")

    # no two required events could be claimed by the same (type, side, place) prediction
    required = [(i, e) for i, e in enumerate(events) if e.get("type") in TYPES[:3] and not e.get("optional")]
    for (i, a), (j, b) in combinations(required, 2):
        if a["type"] != b["type"] or a.get("actor") != b.get("actor"):
            continue
        la, lb = a.get("location"), b.get("location")
        if la is None and lb is None:
            clash = True  # two wildcards: any one prediction could claim either
        elif la is None or lb is None:
            clash = False  # score.py matches placed golds before wildcards
        else:
            clash = any(place_matches(x, lb) for x in la) or any(place_matches(x, la) for x in lb)
        if clash:
            err(
                f"events {i} and {j}: required ({a['type']}, {a['actor']}) events {la} and {lb} "
                f"could be claimed by one prediction"
            )
    return errors


def emit_predictions(gold_dir: Path) -> None:
    """The required gold events (and the places lists) as score.py prediction lines."""
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold["article"]
        for e in gold["events"]:
            if e.get("optional"):
                continue
            rec: dict[str, Any] = {"source": source, "type": e["type"], "actor": {"side": e["actor"], "name": None}}
            if e["type"] == "statement":
                rec["actor"]["name"] = names(e["speaker"])[0]
                rec["speaker"] = names(e["speaker"])[0]
            rec["location"] = {"name": e["location"][0]} if e.get("location") else None
            print(json.dumps(rec, ensure_ascii=False))
        print(json.dumps({"source": source, "places": gold["places"]}, ensure_ascii=False))


def main(argv: list[str]) -> int:
    dirs = [a for a in argv if not a.startswith("--")]
    if len(dirs) != 1:
        print("usage: validate_corpus.py CORPUS_DIR [--emit-predictions]", file=sys.stderr)
        return 2
    corpus = Path(dirs[0])
    articles_dir, gold_dir = corpus / "articles", corpus / "gold"
    if "--emit-predictions" in argv:
        emit_predictions(gold_dir)
        return 0
    errors: list[str] = []
    gold_files = sorted(gold_dir.glob("*.json"))
    articles = sorted(p.name for p in articles_dir.glob("*.txt"))
    covered = {p.name[: -len(".json")] for p in gold_files}
    for name in articles:
        if name not in covered:
            errors.append(f"{name}: no gold file gold/{name}.json")
    counts = {t: [0, 0] for t in TYPES}
    for gold_path in gold_files:
        errors += check_file(gold_path, articles_dir)
        try:
            for e in json.loads(gold_path.read_text(encoding="utf-8")).get("events", []):
                if e.get("type") in counts:
                    counts[e["type"]][1 if e.get("optional") else 0] += 1
        except json.JSONDecodeError:
            pass
    for line in errors:
        print("ERROR", line)
    summary = ", ".join(f"{t} {r}+{o} optional" for t, (r, o) in counts.items())
    print(f"{len(articles)} articles, {len(gold_files)} gold files; events: {summary}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
