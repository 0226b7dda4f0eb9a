"""Sentence splitting helpers that the rules rely on."""

from __future__ import annotations

from services.extract.sentences import split_sentences, without_scare_quotes


def test_scare_quotes_are_blanked_without_moving_offsets() -> None:
    text = 'Its forces had "liberated" the village, the ministry said: "We will hold it whatever it costs."'
    (sent,) = split_sentences(text)
    plain = without_scare_quotes(sent)
    assert plain.text == 'Its forces had  liberated  the village, the ministry said: "We will hold it whatever it costs."'
    assert (plain.start, plain.end) == (sent.start, sent.end) and len(plain.text) == len(sent.text)
