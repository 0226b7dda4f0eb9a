"""Reading article files: what an operator's replay turns into Articles, and what it rejects."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from shared.articles import Rejected, article_from_text, parse_date_line, read_articles
from shared.schemas import Article, article_id_for


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Friday, November 15, 2024", date(2024, 11, 15)),
        ("November 15, 2024", date(2024, 11, 15)),
        ("15 November 2024", date(2024, 11, 15)),
        ("2024-11-15", date(2024, 11, 15)),
        ("Troops entered the town on November 15, 2024.", None),
        ("Kyiv", None),
    ],
)
def test_date_line(line: str, expected: date | None) -> None:
    assert parse_date_line(line) == expected


def test_text_with_date_line_is_published_that_day_and_keeps_its_title() -> None:
    article = article_from_text("Monday, March 3, 2025\nTroops advance near the river\n\nBody text here.", source="a.txt")
    assert article.published == date(2025, 3, 3)
    assert article.title == "Troops advance near the river"
    assert article.text.startswith("Troops advance")


def test_same_text_has_one_id_whatever_the_whitespace_or_case() -> None:
    assert article_id_for("Russian  troops\nentered the town.") == article_id_for("russian troops entered the town. ")
    assert article_id_for("a") != article_id_for("b")


def test_folder_glob_and_json_records(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("A first article body.")
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"text": "Second body.", "url": "https://example.org/2"}) + "\n\n" + json.dumps({"text": "Third."}) + "\n"
    )
    (tmp_path / "single.json").write_text(json.dumps({"text": "Fourth.", "published": "2025-01-02", "outlet": "Wire"}))
    (tmp_path / "notes.md").write_text("not an article file")
    items = list(read_articles([str(tmp_path)]))
    assert all(isinstance(i, Article) for i in items)
    texts = sorted(i.text for i in items if isinstance(i, Article))
    assert texts == ["A first article body.", "Fourth.", "Second body.", "Third."]
    fourth = next(i for i in items if isinstance(i, Article) and i.text == "Fourth.")
    assert fourth.published == date(2025, 1, 2) and fourth.source == "single.json"
    assert len(list(read_articles([str(tmp_path / "*.txt")]))) == 1


def test_bad_inputs_are_rejected_with_a_reason_and_the_rest_still_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00data")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "big.txt").write_text("x" * 200)
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "notext.jsonl").write_text(json.dumps({"title": "no body"}) + "\n")
    (tmp_path / "date-only.txt").write_text("Friday, November 15, 2024\n")
    (tmp_path / "good.txt").write_text("A good article.")
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")], max_bytes=100))
    reasons = {Path(i.origin).name.split(":")[0]: i.reason for i in items if isinstance(i, Rejected)}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "limit" in reasons["big.txt"]
    assert "not JSON" in reasons["bad.json"]
    assert "'text'" in reasons["notext.jsonl"]
    assert "no text" in reasons["date-only.txt"]
    assert reasons["missing.txt"] == "no such file"
    assert [i.text for i in items if isinstance(i, Article)] == ["A good article."]
