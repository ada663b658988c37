"""The text matcher and the template grammar (no audio here)."""

from __future__ import annotations

import pytest

from voice.feelings import distress
from voice.understanding.grammar import count, expand, number_words, parse_template, sample
from voice.understanding.intents import INTENTS, Intent, Matcher, load_grammar, normalize, parse


@pytest.fixture(scope="module")
def grammar():  # type: ignore[no-untyped-def]
    return load_grammar()


def test_every_sampled_sentence_parses_back_to_its_intent(grammar) -> None:  # type: ignore[no-untyped-def]
    matchers = {mode: Matcher(grammar, mode) for mode in grammar.modes}
    checked, wrong = 0, []
    for template in grammar.templates:
        modes = [m for m in grammar.modes if template.intent in grammar.modes[m]
                 and (not template.only or m in template.only)]
        assert modes, f"template {template.text!r} is in no mode"
        for words, slots in sample(grammar, template.node, limit=2000):
            sentence = " ".join(words)
            for mode in modes:
                got = matchers[mode].match(sentence)
                checked += 1
                if got is not None and got.name == "distress" and template.intent == "check_in" \
                        and distress.detect(sentence) is not None:
                    continue  # "i'm panicking, a six": the hard moment comes before a rating
                if got is None or (got.name, got.slots) != (template.intent, dict(slots)):
                    wrong.append((mode, sentence, template.intent, dict(slots), got))
    assert checked > 2000
    assert not wrong, wrong[:10]


def test_every_intent_has_templates_and_every_slot_value_is_sampled(grammar) -> None:  # type: ignore[no-untyped-def]
    assert set(grammar.intents()) == set(INTENTS)
    seen: dict[str, set[object]] = {}
    for template in grammar.templates:
        for _, slots in sample(grammar, template.node, limit=0):
            for name, value in slots:
                seen.setdefault(name, set()).add(value)
    for name in ("session", "feeling", "minutes", "intensity"):
        values = {v.value for v in grammar.lists[name].values}
        assert values and values <= seen[name], name


@pytest.mark.parametrize(("text", "intent", "slots"), [
    ("start a body scan", "start_session", {"session": "body-scan"}),
    ("Let's do box breathing for five minutes.", "start_session",
     {"session": "box-breathing", "minutes": 5}),
    ("help me wind down", "start_session", {"session": "bedtime-wind-down"}),
    ("could we do some square breathing please", "start_session",
     {"session": "box-breathing"}),
    ("I'd like to do a body scan for 10 minutes", "start_session",
     {"session": "body-scan", "minutes": 10}),
    ("um start a body scan now", "start_session", {"session": "body-scan"}),
    ("pause", "pause", {}), ("please pause", "pause", {}), ("hold on", "pause", {}),
    ("resume", "resume", {}), ("keep going", "extend", {}), ("stop", "stop", {}),
    ("okay that's enough", "stop", {}), ("say that again", "repeat", {}),
    ("skip this one", "skip", {}), ("slow down a little", "slower", {}),
    ("a bit faster please", "faster", {}), ("speak up", "louder", {}),
    ("that's too loud", "quieter", {}), ("how much time is left?", "time_left", {}),
    ("what can I say", "help", {}), ("what sessions are there", "list_sessions", {}),
    ("I feel anxious", "check_in", {"feeling": "anxious"}),
    ("I'm feeling kind of lonely, maybe a six", "check_in",
     {"feeling": "lonely", "intensity": 6}),
    ("im feeling kinda anxious, 7/10", "check_in", {"feeling": "anxious", "intensity": 7}),
    ("honestly pretty overwhelmed, like an eight", "check_in",
     {"feeling": "overwhelmed", "intensity": 8}),
    ("I'm kind of sad today", "check_in", {"feeling": "sad"}),
    ("today I feel calm, a two", "check_in", {"feeling": "calm", "intensity": 2}),
    ("I'm a bit lonely I guess, maybe a five", "check_in",
     {"feeling": "lonely", "intensity": 5}),
    ("I want to die", "crisis", {}),
    ("i dont want to be alive anymore", "crisis", {}),
    ("I'm going to hurt myself", "crisis", {}),
])
def test_examples(text: str, intent: str, slots: dict[str, object]) -> None:
    got = parse(text)
    assert got is not None, text
    assert (got.name, got.slots) == (intent, slots)


@pytest.mark.parametrize("text", [
    "I'm not going to hurt myself", "the weather will be sunny tomorrow", "breathe",
    "stop the car at the corner", "we should pause the meeting", "", "   ", "okay",
    "take a deep breath and relax", "the body was found near the river",
])
def test_rejected(text: str) -> None:
    assert parse(text) is None


def test_modes_differ() -> None:
    assert parse("start a body scan", mode="session") is None
    assert parse("anxious", mode="idle") is None
    answer = parse("anxious, maybe a seven", mode="answer")
    assert answer is not None and answer.slots == {"feeling": "anxious", "intensity": 7}
    stop = parse("stop", mode="session")
    assert stop is not None and stop.name == "stop"
    with pytest.raises(KeyError):
        parse("stop", mode="nonsense")


def test_normalize() -> None:
    assert normalize("I do NOT want 2 stop!") == ["i", "don't", "want", "two", "stop"]
    assert normalize("Let\u2019s do box-breathing") == ["let's", "do", "box", "breathing"]
    assert normalize("wanna") == ["want", "to"]


def test_intent_round_trip() -> None:
    i = Intent("start_session", {"session": "body-scan", "minutes": 5}, "start a body scan")
    assert Intent.from_dict(i.to_dict()) == i


def test_template_language() -> None:
    g = load_grammar(triggers=[("body scan", "body-scan")], feelings=["calm"], crisis=[])
    node = parse_template("(start|begin) [a] {session} [please]")
    sentences = {" ".join(w) for w, _ in expand(g, node)}
    assert sentences == {f"{v} {a}body scan{p}" for v in ("start", "begin")
                         for a in ("a ", "") for p in (" please", "")}
    assert count(g, node) == 8
    assert number_words(0) == "zero" and number_words(45) == "forty five"
    with pytest.raises(ValueError):
        parse_template("(unbalanced")
    # {list:slot}: values from one list, filling another slot's name
    named = parse_template("{session:chosen}")
    assert [slots for _, slots in expand(g, named)] == [(("chosen", "body-scan"),)]


def test_a_one_word_session_name_needs_a_lead() -> None:
    """Said alone, "sos" was what a spoken "yes" decoded to; two-word names stand alone."""
    for alone in ("sos", "the sos", "grounding", "bedtime"):
        assert parse(alone) is None, alone
    for text, session in (("start sos", "calm-sos"), ("calm sos", "calm-sos"),
                          ("i need the grounding", "grounding-54321"),
                          ("body scan", "body-scan")):
        got = parse(text)
        assert got is not None and got.slots == {"session": session}, text


def test_jsgf_mentions_every_mode_word(grammar) -> None:  # type: ignore[no-untyped-def]
    for mode in grammar.modes:
        jsgf = grammar.to_jsgf(mode)
        assert jsgf.startswith("#JSGF V1.0;") and "public <command>" in jsgf
        # "speaking" (while Attune talks) and "asleep" have no feelings.
        assert jsgf.count("<l_feeling> =") == (0 if mode in ("speaking", "asleep") else 1)
