"""Stories: five outlets reporting one push become one story; a denied capture is a disputed story."""

from __future__ import annotations

from datetime import date, timedelta

from services.extract.stories import PlaceStories, assign_story
from shared.schemas import Actor, Event, Evidence, Occurred, Place

KUPIANSK = Place(name="Kupiansk", geonameid=703656)
WINDOW = timedelta(hours=72)
TODAY = date(2024, 11, 20)


def _event(n: int, etype: str = "advance", side: str = "RUS", day: date = TODAY, trigger: str = "entered",
           place: Place | None = KUPIANSK) -> Event:
    return Event(id=f"e{n}", article_id=f"a{n}", source=f"outlet{n}.txt", type=etype, actor=Actor(side=side),  # type: ignore[arg-type]
                 location=place, occurred=Occurred(date=day), evidence=Evidence(sentence="s", start=0, end=1, trigger=trigger),
                 confidence=0.8, extractor_version="t")


def test_reports_of_one_push_from_several_outlets_share_a_story() -> None:
    stories: PlaceStories = {}
    ids = {assign_story(stories, _event(n, day=TODAY - timedelta(days=n % 2)), WINDOW, TODAY).story_id for n in range(5)}
    assert len(ids) == 1 and None not in ids


def test_type_side_and_time_window_separate_stories() -> None:
    stories: PlaceStories = {}
    first = assign_story(stories, _event(1), WINDOW, TODAY).story_id
    assert assign_story(stories, _event(2, etype="withdrawal", side="UKR"), WINDOW, TODAY).story_id != first
    assert assign_story(stories, _event(3, side="UKR"), WINDOW, TODAY).story_id != first
    assert assign_story(stories, _event(4, day=TODAY + timedelta(days=10)), WINDOW, TODAY).story_id != first


def test_a_capture_denied_by_the_other_side_is_one_disputed_story() -> None:
    stories: PlaceStories = {}
    claim = assign_story(stories, _event(1, trigger="captured"), WINDOW, TODAY)
    denial = assign_story(stories, _event(2, etype="statement", side="UKR", trigger="denied"), WINDOW, TODAY)
    later = assign_story(stories, _event(3, trigger="took"), WINDOW, TODAY)
    assert not claim.disputed
    assert denial.story_id == claim.story_id == later.story_id
    assert denial.disputed and later.disputed


def test_events_without_a_place_have_no_story() -> None:
    assert assign_story({}, _event(1, place=None), WINDOW, TODAY).story_id is None
