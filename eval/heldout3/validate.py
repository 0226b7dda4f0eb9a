#!/usr/bin/env python3
"""Check the heldout3 gold files against their articles and GUIDE.md.

    python3 eval/heldout3/validate.py            (from /work/main, or anywhere)

Standard library only. Checks, per gold file:
  - the JSON parses; `article` names an existing article and the gold file is
    named `<article>.json`, as score.py expects;
  - `published` agrees with the article's date line (null when it has none);
  - the article is 150-500 words;
  - every event has a known type, a 3-letter side (or null for a statement),
    a location list or null, and a speaker for a statement;
  - every evidence string is a verbatim whole sentence of the article body;
  - every quantity appears verbatim in its evidence;
  - every name in `places` appears in the article body (ignoring case, for
    datelines such as MOSCOW), listed once;
  - every event location has at least one name that appears in the article;
  - one statement per speaker (no two statements whose speakers score.py would
    match to one predicted speaker);
  - no two required events can be claimed by the same (type, side, place)
    prediction, using score.py's own matching rules.
Exit status 1 if anything fails.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"
TYPES = ("advance", "withdrawal", "deployment", "statement")


def _load_score_module():
    """Use the real scorer's matching functions when it is where the README says."""
    for cand in (HERE.parents[2] / "shared" / "eval" / "score.py",   # /work/shared/eval/score.py
                 HERE.parents[1] / "shared" / "eval" / "score.py"):
        if cand.is_file():
            spec = importlib.util.spec_from_file_location("fw_score", cand)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    return None


_score = _load_score_module()

if _score is not None:
    norm, similar, place_matches, speaker_matches = (
        _score.norm, _score.similar, _score.place_matches, _score.speaker_matches)
else:  # fallback: a copy of score.py's rules
    import unicodedata
    from difflib import SequenceMatcher

    NOISE_WORDS = {"region", "oblast", "city", "area", "district", "raion", "province", "the", "of"}

    def norm(text):
        text = unicodedata.normalize("NFKD", text or "")
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
        text = re.sub(r"[’'`ʼ\"“”]", "", text)
        text = re.sub(r"[^a-z0-9а-яіїєґ]+", " ", text)
        return " ".join(w for w in text.split() if w not in NOISE_WORDS)

    def similar(a, b, cutoff=0.85):
        if not a or not b:
            return False
        return a == b or SequenceMatcher(None, a, b).ratio() >= cutoff

    def place_matches(pred, gold):
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

    def speaker_matches(pred, gold):
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


def split_article(text: str) -> tuple[list[str], str]:
    """Header = lines before the first blank line; body = the rest."""
    lines = text.split("\n")
    try:
        cut = lines.index("")
    except ValueError:
        return [], text
    return lines[:cut], "\n".join(lines[cut + 1:])


def date_line(header: list[str]) -> str | None:
    if header:
        try:
            return datetime.strptime(header[0].strip(), "%A, %B %d, %Y").date().isoformat()  # noqa: DTZ007 - a date, no time zone
        except ValueError:
            return None
    return None


OPENERS = "\"“‘'(«"
CLOSERS = "\"”’')»"


def is_whole_sentence(sentence: str, body: str) -> bool:
    """The evidence occurs in the body, starting at a sentence start and ending at a sentence end."""
    s = sentence.strip()
    if s != sentence or not s:
        return False
    if not re.search(r"[.!?…][" + re.escape(CLOSERS) + r"]*$", s):
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in OPENERS):
        return False
    start = body.find(s)
    while start != -1:
        end = start + len(s)
        before = body[:start]
        after = body[end:end + 1]
        # start: beginning of body/line, or whitespace after a sentence end (". ", ".” ", ") ")
        ok_start = (start == 0 or before.endswith("\n")
                    or (before.endswith(" ") and re.search(r"[.!?…][" + re.escape(CLOSERS) + r"]*\s+$", before)))
        ok_end = after in ("", "\n", " ")
        if ok_start and ok_end:
            return True
        start = body.find(s, start + 1)
    return False


def speakers(ev: dict) -> list[str]:
    sp = ev.get("speaker")
    return [sp] if isinstance(sp, str) else list(sp or [])


def same_speaker(a: dict, b: dict) -> bool:
    return any(speaker_matches(x, speakers(b)) for x in speakers(a)) or \
        any(speaker_matches(y, speakers(a)) for y in speakers(b))


def same_claim(a: dict, b: dict) -> bool:
    """Could one (type, side, place) prediction match both gold events?"""
    if a["type"] != b["type"] or a.get("actor") != b.get("actor"):
        return False
    la, lb = a.get("location"), b.get("location")
    if la is None or lb is None:
        return True
    return any(place_matches(x, lb) for x in la) or any(place_matches(y, la) for y in lb)


def check(gold_file: Path) -> list[str]:
    errs: list[str] = []
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"JSON does not parse: {exc}"]
    name = gold.get("article")
    if gold_file.name != f"{name}.json":
        errs.append(f"file is named {gold_file.name}, expected {name}.json")
    art = ARTICLES / str(name)
    if not art.is_file():
        return [*errs, f"article {name} not found"]
    text = art.read_text(encoding="utf-8")
    header, body = split_article(text)
    words = len(text.split())
    if not 150 <= words <= 500:
        errs.append(f"article has {words} words (want 150-500)")
    if date_line(header) != gold.get("published"):
        errs.append(f"published {gold.get('published')!r} but article date line gives {date_line(header)!r}")

    places = gold.get("places")
    if not isinstance(places, list) or not places:
        errs.append("places missing or empty")
        places = []
    for p in places:  # case-insensitive: datelines are written "MOSCOW, May 21 ..."
        if p.lower() not in body.lower():
            errs.append(f"place {p!r} does not appear in the article body")
    seen = {}
    for p in places:
        if norm(p) in seen:
            errs.append(f"place {p!r} listed twice (as {seen[norm(p)]!r})")
        seen[norm(p)] = p

    events = gold.get("events")
    if not isinstance(events, list):
        return [*errs, "events missing"]
    for i, ev in enumerate(events):
        tag = f"event {i} ({ev.get('type')}, {ev.get('actor')}, {ev.get('speaker') or ev.get('location')})"
        if ev.get("type") not in TYPES:
            errs.append(f"{tag}: bad type")
            continue
        actor = ev.get("actor")
        if not ((isinstance(actor, str) and re.fullmatch(r"[A-Z]{3}", actor))
                or (actor is None and ev["type"] == "statement")):
            errs.append(f"{tag}: actor must be an ISO alpha-3 code")
        loc = ev.get("location", "missing")
        if loc is not None and not (isinstance(loc, list) and loc and all(isinstance(x, str) and x for x in loc)):
            errs.append(f"{tag}: location must be a non-empty list of names or null")
        elif loc and not any(x.lower() in text.lower() for x in loc):
            errs.append(f"{tag}: none of the location names appears in the article")
        if ev["type"] == "statement" and not speakers(ev):
            errs.append(f"{tag}: statement without speaker")
        if "optional" in ev and ev["optional"] is not True:
            errs.append(f"{tag}: optional must be true or absent")
        evidence = ev.get("evidence")
        if not isinstance(evidence, str) or not is_whole_sentence(evidence, body):
            errs.append(f"{tag}: evidence is not a verbatim whole sentence of the body: {evidence!r}")
        q = ev.get("quantity")
        if q is not None and (not isinstance(q, str) or q not in (evidence or "")):
            errs.append(f"{tag}: quantity {q!r} not found verbatim in the evidence")

    stmts = [(i, e) for i, e in enumerate(events) if e.get("type") == "statement"]
    for a in range(len(stmts)):
        for b in range(a + 1, len(stmts)):
            (i, x), (j, y) = stmts[a], stmts[b]
            if same_speaker(x, y):
                errs.append(f"events {i} and {j}: two statements for one speaker ({x['speaker']!r} / {y['speaker']!r})")

    required = [(i, e) for i, e in enumerate(events)
                if not e.get("optional") and e.get("type") in TYPES and e["type"] != "statement"]
    for a in range(len(required)):
        for b in range(a + 1, len(required)):
            (i, x), (j, y) = required[a], required[b]
            if same_claim(x, y):
                errs.append(f"events {i} and {j}: one ({x['type']}, {x['actor']}, place) prediction could claim both "
                            f"({x.get('location')} / {y.get('location')})")
    return errs


def main() -> int:
    gold_files = sorted(GOLD.glob("*.json"))
    articles = sorted(p.name for p in ARTICLES.glob("*.txt"))
    bad = 0
    for name in articles:
        if not (GOLD / f"{name}.json").is_file():
            print(f"{name}: no gold file")
            bad += 1
    for gf in gold_files:
        errs = check(gf)
        bad += bool(errs)
        for e in errs:
            print(f"{gf.name}: {e}")
    n_events = sum(len(json.loads(g.read_text(encoding="utf-8")).get("events", [])) for g in gold_files)
    print(f"{len(gold_files)} gold files, {len(articles)} articles, {n_events} events; "
          f"{'OK' if not bad else f'{bad} file(s) with problems'}"
          f"{'' if _score else ' (score.py not found: used built-in copy of its matching rules)'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
