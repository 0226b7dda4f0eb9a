"""Records on the wire: bad ones are named precisely; keys keep per-place and per-article order."""

from __future__ import annotations

import pytest

from shared.codec import RecordRejected, decode, encode
from shared.schemas import Actor, Article, Event, Evidence, Place
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames, event_key


def _event(location: Place | None) -> Event:
    return Event(id="e1", article_id="a1", source="s.txt", type="advance", actor=Actor(side="RUS"), location=location,
                 evidence=Evidence(sentence="x", start=0, end=1), confidence=0.9, extractor_version="t")


def test_round_trip() -> None:
    article = Article.from_text("Some text.", source="x.txt")
    assert decode(Article, encode(article)) == article


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"", "empty record"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"{not json", "invalid Article"),
        (b'{"id": "x", "source": "s"}', "text"),
        (b'{"id": "x", "source": "s", "text": ""}', "text"),
    ],
)
def test_bad_records_say_what_is_wrong(payload: bytes, fragment: str) -> None:
    with pytest.raises(RecordRejected) as info:
        decode(Article, payload)
    assert fragment in info.value.reason


def test_events_of_one_place_share_a_key_and_placeless_events_stay_with_their_article() -> None:
    kupiansk = Place(name="Kupiansk", geonameid=704679)
    assert event_key(_event(kupiansk)) == event_key(_event(kupiansk.model_copy(update={"name": "Kupyansk"})))
    assert event_key(_event(None)) == "article:a1"


def test_topic_names_carry_the_prefix_and_every_input_has_a_dlq() -> None:
    names = TopicNames.from_settings(FrontwatchSettings(topic_prefix="t1-"))
    assert names.articles == "t1-articles"
    assert {"t1-articles.dlq", "t1-events.dlq", "t1-mentions.dlq", "t1-alerts.dlq"} <= set(names.all())
    assert {"t1-events.advance", "t1-events.withdrawal", "t1-events.deployment", "t1-events.statement"} <= set(names.all())


def test_bad_settings_fail_fast_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_KAFKA_BOOTSTRAP", "localhost")
    with pytest.raises(ValueError, match="kafka_bootstrap"):
        FrontwatchSettings()
