"""Statements by named people and bodies, their sides, and claims (claimed_by, hedged)."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    ("Ukrainian President Volodymyr Zelensky said on Monday that the front was stable.",
     {("statement", "UKR", "Volodymyr Zelensky")}),
    ("Kremlin spokesman Dmitry Peskov told reporters that talks were not on the agenda.",
     {("statement", "RUS", "Dmitry Peskov")}),
    ("“We will not give up Pokrovsk,” said Oleksandr Syrskyi, Ukraine's top commander.",
     {("statement", "UKR", "Oleksandr Syrskyi")}),
    ("US Secretary of State Antony Blinken urged allies to speed up deliveries.",
     {("statement", "USA", "Antony Blinken")}),
    ("Russian Foreign Minister Sergei Lavrov denied the reports.", {("statement", "RUS", "Sergei Lavrov")}),
    ("NATO Secretary General Mark Rutte said the alliance would boost its presence.",
     {("statement", None, "Mark Rutte")}),
    ("Zelenskiy, speaking in Kyiv, urged Western partners to send more air defence.",
     {("statement", "UKR", "Zelenskiy")}),
    ("KCNA said the soldiers were performing their sacred duty.", {("statement", "PRK", "KCNA")}),
    ("The regional governor, Serhiy Lysak, said the night had been calm.", {("statement", None, "Serhiy Lysak")}),
    ("Maria Zakharova, the Russian Foreign Ministry spokeswoman, said the claims were absurd.",
     {("statement", "RUS", "Maria Zakharova")}),
    ("Ukrainian President Volodymyr Zelensky visited the front. He said the soldiers needed more shells.",
     {("statement", "UKR", "Volodymyr Zelensky")}),
    ("British Defence Secretary John Healey announced a new aid package.", {("statement", "GBR", "John Healey")}),
    ("Yevgeny Balitsky, the Moscow-installed governor, said shelling had intensified.",
     {("statement", "RUS", "Yevgeny Balitsky")}),
    ("Polish Prime Minister Donald Tusk warned that Europe must rearm.", {("statement", "POL", "Donald Tusk")}),
    ("The Pentagon confirmed the delivery of the first F-16 jets.", {("statement", "USA", "Pentagon")}),
    ("Russian troops will never capture Kharkiv, Zelensky said.", {("statement", "UKR", "Zelensky")}),
    ("Russia has not deployed troops to Belarus, the Kremlin said.", {("statement", "RUS", "Kremlin")}),
    # Claims inside statements count as events, claimed by the speaker.
    ("The Russian Defense Ministry said its forces had taken control of Selydove.",
     {("statement", "RUS", "Russian Defense Ministry"), ("advance", "RUS", "Selydove")}),
    ("Russian troops seized Krasnohorivka, according to Denis Pushilin, the Moscow-installed leader.",
     {("advance", "RUS", "Krasnohorivka"), ("statement", "RUS", "Denis Pushilin")}),
    ("Units of the Battlegroup Centre liberated the settlement of Novoselivka, the Russian Defence Ministry said.",
     {("advance", "RUS", "Novoselivka"), ("statement", "RUS", "Russian Defence Ministry")}),
    # Unnamed sources make no statement, but their claims still count.
    ("One official said Russian troops were massing near Kharkiv.", {("deployment", "RUS", "Kharkiv")}),
    ("Military sources said the situation in Pokrovsk was difficult.", set()),
    ("Ukraine's foreign minister called for more sanctions.", set()),
    ("The minister said Ukraine would never withdraw from Kherson.", set()),
    ("Western officials say Russian forces have lost ground near Kupiansk.", {("withdrawal", "RUS", "Kupiansk")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_statements(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


def test_speaker_is_in_actor_name_and_content_is_the_reported_clause() -> None:
    [event] = run("Kremlin spokesman Dmitry Peskov said that the operation would continue.")
    assert event.speaker == event.actor.name == "Dmitry Peskov"
    assert event.content is not None and "operation would continue" in event.content


def test_quote_is_the_content() -> None:
    [event] = run("“We hold the line,” said Oleksandr Syrskyi, Ukraine's top commander.")
    assert event.content == "We hold the line"


def test_claim_attributed_to_unnamed_media_is_claimed_by_them() -> None:
    [event] = run("Russian troops captured Novoselivka, Ukrainian media reported.")
    assert event.claimed_by == "Ukrainian media"
    assert not event.hedged


def test_claim_inside_a_statement_is_claimed_by_the_speaker() -> None:
    events = run("The Russian Defense Ministry said its forces had taken control of Selydove.")
    advance = next(e for e in events if e.type == "advance")
    assert advance.claimed_by == "Russian Defense Ministry"


@pytest.mark.parametrize("text", [
    "Russian forces reportedly entered Toretsk.",
    "Ukrainian troops allegedly withdrew from Selydove, according to Russian military bloggers.",
    "It is reported that Russian troops captured Novoselivka.",
    "Russian troops captured Novoselivka, though the claim could not be independently verified.",
])
def test_hedged_claims_still_count_with_lower_confidence(text: str) -> None:
    [event] = [e for e in run(text) if e.type != "statement"]
    assert event.hedged
    plain = next(e for e in run("Russian forces entered Toretsk.") if e.type != "statement")
    assert event.confidence < plain.confidence


def test_according_to_unnamed_bloggers_sets_claimed_by() -> None:
    [event] = run("Ukrainian troops allegedly withdrew from Selydove, according to Russian military bloggers.")
    assert event.claimed_by == "Russian military bloggers"


def test_an_inverted_speaker_may_carry_a_short_title() -> None:
    text = '"It is a grinding advance," said Dr Rachel Hollis, a senior fellow at the institute.'
    assert ("statement", None, "Rachel Hollis") in tuples(run(text))
