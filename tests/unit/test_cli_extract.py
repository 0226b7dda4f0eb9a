"""`frontwatch extract --jsonl`: events a line each, then the article's places as written and as resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli import app

pytest.importorskip("shared.gazetteer")


def test_jsonl_prints_events_then_places_as_written(tmp_path: Path) -> None:
    article = tmp_path / "tass.txt"
    article.write_text("2024-10-29\nRussian troops take Selidovo\n\nRussian troops liberated Selidovo near "
                       "Krasnoarmeysk, the ministry said. Бої тривають біля Куп'янська.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    *events, places = lines
    assert all(e["source"] == "tass.txt" for e in events)
    # An event names its place as the article does, and says which gazetteer entry that is.
    located = {(e["type"], e["actor"]["side"], e["location"]["name"], e["location"]["canonical"]) for e in events}
    assert ("advance", "RUS", "Selidovo", "Selydove") in located
    assert places["source"] == "tass.txt"
    written = {(p["name"], p["canonical"]) for p in places["places"]}
    # The article's spelling for a watchlist reader, the gazetteer's name for the same entry.
    assert {("Selidovo", "Selydove"), ("Krasnoarmeysk", "Pokrovsk"), ("Куп'янська", "Kupiansk")} <= written
    assert all({"geonameid", "lat", "lon", "country", "admin1", "start", "end"} <= p.keys() for p in places["places"])
