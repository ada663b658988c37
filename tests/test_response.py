"""What a check-in answers: every row of the table in docs/journal.md, and each family in it."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from voice.feelings.response import respond, strong, suggest_practice
from voice.feelings.vocabulary import load_vocabulary
from voice.journal.checkin import practice_title
from voice.sessions.library import load_library

from .conftest import REPO


def at(clock: str) -> datetime:
    hour, minute = (int(p) for p in clock.split(":"))
    return datetime(2024, 5, 6, hour, minute).astimezone()


def table() -> list[dict[str, str]]:
    text = (REPO / "docs" / "journal.md").read_text(encoding="utf-8")
    section = text[text.index("## What a check-in answers"):text.index("## Crisis language")]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    head = [c.strip() for c in rows[0].strip("|").split("|")]
    return [dict(zip(head, (c.strip() for c in r.strip("|").split("|")), strict=True))
            for r in rows[2:]]


ROWS = table()


def test_the_table_has_every_row() -> None:
    assert {r["row"] for r in ROWS} == {"unsure", "pleasant", "numb", "strong", "phrase",
                                        "tired-evening", "tired-day", "mild", "unnamed"}


def full_reply(word: str, number: int | None, clock: str, extra: str = "") -> tuple[str, str]:
    vocab = load_vocabulary()
    reply = respond(vocab.lookup(word), number, f"{word} {extra}".strip(), at=at(clock))
    offer = reply.offer(practice_title(reply.practice)) if reply.practice else ""
    return " ".join(t for t in (reply.text, offer) if t), reply.row


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['row']}:{r['example']}" for r in ROWS])
def test_every_row_of_the_table(row: dict[str, str]) -> None:
    m = re.fullmatch(r'(.+?), (\d+|-), (\d\d:\d\d)(?:, "(.+)")?', row["example"])
    assert m, row["example"]
    word, number, clock, extra = m[1], m[2], m[3], m[4] or ""
    text, name = full_reply(word, None if number == "-" else int(number), clock, extra)
    assert (name, text) == (row["row"], row["reply"])
    expected = None if row["suggestion"] == "none" else row["suggestion"]
    vocab = load_vocabulary()
    assert suggest_practice(vocab.lookup(word), f"{word} {extra}",
                            None if number == "-" else int(number), at=at(clock)) == expected


UNPLEASANT = ["anxious", "lonely", "angry", "ashamed", "overwhelmed"]
TIMES = ["07:30", "12:00", "17:59", "18:00", "23:30", "03:00"]


@pytest.mark.parametrize("word", ["happy", "calm", "content", "excited", "grateful", "okay"])
@pytest.mark.parametrize("number", [None, 1, 5, 9, 10])
def test_pleasant_at_any_strength_is_savoured(word: str, number: int | None) -> None:
    for clock in TIMES:
        reply = respond(load_vocabulary().lookup(word), number, word, at=at(clock))
        assert reply.row == "pleasant" and reply.practice is None
        assert "enjoy" in reply.text and "a lot" not in reply.text
        assert reply.text.startswith(word.capitalize())


@pytest.mark.parametrize("word", UNPLEASANT)
@pytest.mark.parametrize("number", [7, 8, 10])
def test_unpleasant_and_strong_is_steadied_first(word: str, number: int) -> None:
    for clock in TIMES:
        reply = respond(load_vocabulary().lookup(word), number, word, at=at(clock))
        assert (reply.row, reply.practice) == ("strong", "calm-sos")
        assert reply.offer("one minute calm").count("?") == 1


@pytest.mark.parametrize("word", ["panicky", "panicking", "terrified", "furious", "frantic",
                                  "a panic attack"])
def test_strong_words_are_strong_without_a_number(word: str) -> None:
    feeling = load_vocabulary().lookup(word)
    assert feeling is not None and strong(feeling, None)
    assert respond(feeling, None, word, at=at("12:00")).practice == "calm-sos"


@pytest.mark.parametrize(("word", "practice"), [
    ("anxious", "extended-exhale"), ("on edge", "extended-exhale"),
    ("angry", "extended-exhale"), ("overwhelmed", "extended-exhale"),
    ("lonely", "self-soothing"), ("sad", "self-soothing"), ("ashamed", "self-compassion"),
])
@pytest.mark.parametrize("number", [None, 0, 3, 6])
def test_unpleasant_and_mild_gets_a_fitting_practice(word: str, practice: str,
                                                     number: int | None) -> None:
    for clock in TIMES:
        reply = respond(load_vocabulary().lookup(word), number, word, at=at(clock))
        assert (reply.row, reply.practice) == ("mild", practice)


@pytest.mark.parametrize("word", ["numb", "empty", "disconnected", "far away", "not real",
                                  "shut down", "dead inside"])
@pytest.mark.parametrize("number", [None, 2, 10])
def test_numbness_gets_eyes_open_grounding(word: str, number: int | None) -> None:
    for clock in TIMES:
        reply = respond(load_vocabulary().lookup(word), number, word, at=at(clock))
        assert (reply.row, reply.practice) == ("numb", "grounding-54321")
        assert "eyes open" in reply.offer("five senses grounding")
    grounding = load_library().get("grounding-54321")
    said = " ".join(grounding.spoken_texts()).lower()
    assert "eyes open" in said and "let your eyes close" not in said


@pytest.mark.parametrize("word", ["tired", "exhausted", "drained", "worn out", "sleepy"])
@pytest.mark.parametrize("number", [None, 3, 9])
@pytest.mark.parametrize(("clock", "row", "practice"), [
    ("05:00", "tired-day", "self-soothing"), ("12:30", "tired-day", "self-soothing"),
    ("17:59", "tired-day", "self-soothing"), ("18:00", "tired-evening", "bedtime-wind-down"),
    ("22:30", "tired-evening", "bedtime-wind-down"),
    ("02:00", "tired-evening", "bedtime-wind-down"),
])
def test_tiredness_follows_the_time_of_day(word: str, number: int | None, clock: str,
                                           row: str, practice: str) -> None:
    reply = respond(load_vocabulary().lookup(word), number, word, at=at(clock))
    assert (reply.row, reply.practice) == (row, practice)


def test_sleep_words_and_self_criticism_shape_a_mild_suggestion() -> None:
    vocab = load_vocabulary()
    noon = at("12:00")
    assert suggest_practice(vocab.lookup("tired"), "tired, and I can't sleep", at=noon) == \
        "bedtime-wind-down"
    assert suggest_practice(None, "I can't sleep", at=noon) == "bedtime-wind-down"
    assert suggest_practice(vocab.lookup("sad"), "I'm so hard on myself", 4, at=noon) == \
        "self-compassion"
    # Strong comes first: the steadying minute, then whatever else.
    assert suggest_practice(vocab.lookup("anxious"), "can't sleep", 9, at=noon) == "calm-sos"


@pytest.mark.parametrize("said", ["I don't know", "not sure", "no idea"])
def test_not_knowing_is_respected(said: str) -> None:
    reply = respond(load_vocabulary().lookup(said), 5, said, at=at("12:00"))
    assert (reply.row, reply.practice) == ("unsure", None)


def test_no_reply_is_clinical_or_lists_options() -> None:
    vocab = load_vocabulary()
    for feeling in vocab.feelings:
        for number in (None, 2, 5, 8):
            for clock in ("12:00", "21:00"):
                reply = respond(feeling, number, feeling.word, at=at(clock))
                text = reply.text + " " + reply.offer("it")
                assert "noted" not in text and "a lot to carry" not in text
                assert text.count("?") <= 1
                if feeling.family != "unsure":
                    assert text.lower().startswith(feeling.word)


def test_every_suggestion_is_in_the_library() -> None:
    ids = set(load_library().sessions)
    vocab = load_vocabulary()
    suggested = {respond(f, n, f.word, at=at(c)).practice for f in vocab.feelings
                 for n in (None, 3, 9) for c in ("12:00", "21:00")} - {None}
    assert suggested <= ids
    assert {"calm-sos", "grounding-54321", "bedtime-wind-down", "self-soothing"} <= suggested
