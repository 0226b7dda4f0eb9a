"""Reading article files: plain text (with or without a date line) and JSON records.

Used by ``frontwatch replay`` (ingest) and ``frontwatch extract`` (offline), so
both see the same Article for the same file.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from shared.datelines import parse_date_line
from shared.schemas import Article, article_id_for

MAX_ARTICLE_BYTES = 800_000  # with its JSON envelope, under Kafka's default 1 MiB record limit
ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")



@dataclass(frozen=True)
class Rejected:
    """An input that is not an article, with the reason a user can act on."""

    origin: str
    reason: str


def _title_of(text: str) -> str | None:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    # A headline is short and unpunctuated; a first line that ends a sentence is body text.
    if 0 < len(first) <= 160 and not first.endswith((".", "”", '"')):
        return first
    return None


def article_from_text(raw: str, *, source: str, **fields: object) -> Article:
    """An Article from plain text; a leading date line becomes ``published``."""
    text = raw.replace("\r\n", "\n").lstrip("\ufeff")
    lines = text.split("\n", 1)
    published = parse_date_line(lines[0]) if lines else None
    if published is not None:
        text = lines[1] if len(lines) > 1 else ""
    text = text.strip("\n")
    if not text.strip():
        raise ValueError("no text after the date line" if published else "empty text")
    fields.setdefault("published", published)
    fields.setdefault("title", _title_of(text))
    return Article(id=article_id_for(text), text=text, source=source, **fields)  # type: ignore[arg-type]


def article_from_record(record: object, *, source: str) -> Article:
    """An Article from a JSON object with at least ``text``; the id is always recomputed."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("field 'text': required, a non-empty string")
    extra = {k: v for k, v in record.items() if k not in {"text", "id", "schema_version"}}
    extra.setdefault("source", source)
    try:
        return Article(id=article_id_for(text), text=text, **extra)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ValueError(f"field '{'.'.join(str(p) for p in err['loc'])}': {err['msg']}") from exc


def expand_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named directly, files under folders (recursively, article suffixes only), and globs."""
    for spec in paths:
        matches = [Path(p) for p in sorted(glob.glob(spec, recursive=True))] if glob.has_magic(spec) else [Path(spec)]
        for path in matches:
            if path.is_dir():
                yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES)
            else:
                yield path


def read_articles(paths: Iterable[str], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | Rejected]:
    """Every article in ``paths``, or a ``Rejected`` for each input that is not one; never raises on bad input."""
    for path in expand_paths(paths):
        origin = str(path)
        if not path.exists():
            yield Rejected(origin, "no such file")
            continue
        size = path.stat().st_size
        if size == 0:
            yield Rejected(origin, "empty file")
            continue
        if size > max_bytes:
            yield Rejected(origin, f"file is {size} bytes, over the {max_bytes}-byte limit")
            continue
        data = path.read_bytes()
        if b"\x00" in data:
            yield Rejected(origin, "binary file (contains NUL bytes)")
            continue
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejected(origin, f"not UTF-8 text (byte {exc.start})")
            continue
        yield from _parse(raw, path)


def _parse(raw: str, path: Path) -> Iterator[Article | Rejected]:
    name = path.name
    if path.suffix == ".jsonl":
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                yield _from_json(line, source=name, origin=f"{path}:{n}")
        return
    if path.suffix == ".json":
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Rejected(str(path), f"not JSON: {exc.msg} at line {exc.lineno}")
            return
        for n, record in enumerate(doc if isinstance(doc, list) else [doc]):
            yield _from_record(record, source=name, origin=f"{path}[{n}]" if isinstance(doc, list) else str(path))
        return
    try:
        yield article_from_text(raw, source=name)
    except ValueError as exc:
        yield Rejected(str(path), str(exc))


def _from_json(line: str, *, source: str, origin: str) -> Article | Rejected:
    try:
        return _from_record(json.loads(line), source=source, origin=origin)
    except json.JSONDecodeError as exc:
        return Rejected(origin, f"not JSON: {exc.msg}")


def _from_record(record: object, *, source: str, origin: str) -> Article | Rejected:
    try:
        return article_from_record(record, source=source)
    except ValueError as exc:
        return Rejected(origin, str(exc))
