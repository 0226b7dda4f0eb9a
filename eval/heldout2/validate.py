#!/usr/bin/env python3
"""Sanity checks for the heldout2 gold files (run from the repo root):
every file parses, every evidence string is a whole sentence of its article,
every `places` entry occurs in the article (case-insensitive), at most one
statement per speaker, and no two required gold events that a single
(type, side, place) prediction could both claim."""
import itertools
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "shared" / "eval"))
from score import place_matches, speaker_matches

HERE = Path(__file__).resolve().parent
SPLIT = re.compile(r'(?<=[.!?])\s+|(?<=[.!?]["”’])\s+')

def sentences(text):
    return {s.strip() for line in text.splitlines() if line.strip() for s in SPLIT.split(line.strip()) if s.strip()}

def speakers(e):
    return e["speaker"] if isinstance(e["speaker"], list) else [e["speaker"]]

bad = 0
for f in sorted((HERE / "gold").glob("*.json")):
    g = json.loads(f.read_text(encoding="utf-8"))
    text = (HERE / "articles" / g["article"]).read_text(encoding="utf-8")
    sents = sentences(text)
    for e in g["events"]:
        if e["evidence"] not in sents:
            bad += 1
            print(f.name, "evidence is not a sentence:", e["evidence"][:80])
    for p in g["places"]:
        if p.lower() not in text.lower():
            bad += 1
            print(f.name, "place not in article:", p)
    st = [e for e in g["events"] if e["type"] == "statement"]
    for a, b in itertools.combinations(st, 2):
        if any(speaker_matches(x, b["speaker"]) for x in speakers(a)):
            bad += 1
            print(f.name, "two statements for one speaker:", a["speaker"], b["speaker"])
    req = [e for e in g["events"] if not e.get("optional") and e["type"] != "statement"]
    for a, b in itertools.combinations(req, 2):
        if (a["type"], a["actor"]) == (b["type"], b["actor"]) and (
                a["location"] is None or b["location"] is None or any(place_matches(x, b["location"]) for x in a["location"])):
            bad += 1
            print(f.name, "overlapping required events:", a["type"], a["actor"], a["location"], b["location"])
print("problems:", bad)
sys.exit(1 if bad else 0)
