"""The public API: determinism, offsets, ids, confidence ordering, version, paragraph carry-over."""

from __future__ import annotations

from datetime import date

from services.extract.events import EXTRACTOR_VERSION, extract_events
from tests.unit.extract_cases import article, run
from tests.unit.fakes import FRONT

TEXT = """Russian troops reached the outskirts of Pokrovsk on Tuesday, the Russian Defence Ministry said.

Ukrainian forces reportedly withdrew from Selydove. The town had been shelled for weeks.

Kremlin spokesman Dmitry Peskov said the operation would continue."""


def test_same_article_gives_identical_events() -> None:
    a = article(TEXT, date(2024, 11, 15))
    first = [e.model_dump(exclude={"ingested_at"}) for e in extract_events(a, FRONT)]
    second = [e.model_dump(exclude={"ingested_at"}) for e in extract_events(a, FRONT)]
    assert first == second
    assert len({e["id"] for e in first}) == len(first)


def test_evidence_offsets_point_into_the_text() -> None:
    a = article(TEXT)
    for e in extract_events(a, FRONT):
        assert a.text[e.evidence.start:e.evidence.end] == e.evidence.sentence
        assert e.evidence.trigger and e.evidence.trigger.lower() in e.evidence.sentence.lower()


def test_record_fields() -> None:
    a = article(TEXT, date(2024, 11, 15))
    for e in extract_events(a, FRONT):
        assert e.article_id == a.id and e.source == a.source
        assert e.extractor_version == EXTRACTOR_VERSION
        assert e.story_id is None
        assert e.published == date(2024, 11, 15)
        assert 0.0 <= e.confidence <= 1.0


def test_explicit_capture_is_more_confident_than_a_hedged_or_inferred_one() -> None:
    explicit = run("Russian forces captured Selydove.")[0]
    hedged = run("Russian forces reportedly captured Selydove.")[0]
    inferred = run("Fighting raged around Selydove. The troops advanced after Russian forces arrived.")
    assert explicit.confidence > hedged.confidence
    assert all(explicit.confidence > e.confidence for e in inferred if e.type == "advance")


def test_paragraph_place_carries_over_when_the_sentence_names_none() -> None:
    events = run("Heavy fighting continued near Toretsk. Ukrainian troops withdrew from two positions.")
    assert [(e.type, e.actor.side, e.location.name if e.location else None) for e in events] == [
        ("withdrawal", "UKR", "Toretsk"),
    ]


def test_no_place_anywhere_gives_no_location() -> None:
    [event] = run("Ukrainian troops withdrew from two positions.")
    assert event.location is None


def test_empty_of_events() -> None:
    assert run("The weather in the region was mild this week.") == []


def test_default_resolver_is_loaded_lazily(monkeypatch: object) -> None:
    import services.extract.events as events_module

    calls: list[int] = []

    def fake_loader() -> object:
        calls.append(1)
        return FRONT

    monkeypatch.setattr(events_module, "_default_resolver", fake_loader)  # type: ignore[attr-defined]
    events = extract_events(article("Russian forces captured Selydove."))
    assert calls == [1]
    assert [e.location.name for e in events if e.location] == ["Selydove"]


def test_a_settlement_the_gazetteer_lacks_is_still_a_mention() -> None:
    from services.extract.events import extract_article, extract_places

    a = article("Russian troops entered the village of Kotlino near Pokrovsk on Monday.")
    events, mentions = extract_article(a, FRONT)
    kotlino = [m for m in mentions if m.name == "Kotlino"]
    assert [(m.geonameid, a.text[m.start:m.end]) for m in kotlino] == [(None, "Kotlino")]
    assert "Pokrovsk" in {m.name for m in mentions}
    assert mentions == extract_places(a, FRONT)
    assert {e.location.name for e in events if e.location} == {"Kotlino"}
