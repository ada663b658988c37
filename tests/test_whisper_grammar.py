"""Whisper's decoder walking a mode's grammar (real model, real speech, real noise)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.test_asr_audio import clip, noisy
from voice.ears.whisper_backend import WhisperBackend
from voice.ears.whisper_decoder import WhisperDecoder
from voice.ears.whisper_grammar import Automaton
from voice.ears.whisper_phrases import PROMPTS, meaning_of
from voice.understanding.grammar import Grammar, Template
from voice.understanding.slot_lists import SlotList, SlotValue
from voice.understanding.template_syntax import parse_template
from voice.understanding.understand import understanding_grammar

pytest.importorskip("ctranslate2")


@pytest.fixture(scope="module")
def backend() -> WhisperBackend:
    from voice.ears.whisper_models import whisper_model_dir

    loaded = WhisperBackend.load(whisper_model_dir("whisper"), spotter=None)
    loaded.ready()
    return loaded


def test_the_numpy_decoder_scores_as_ctranslate2_does(backend: WhisperBackend) -> None:
    engine = backend.engine
    assert engine.folder is not None
    decoder = WhisperDecoder.load(engine.folder / "model.bin")
    x, _ = clip("start a body scan", 0.3, 0.3)
    encoded = engine.encode(x)
    prompt = engine.prompt_ids(PROMPTS["idle"])
    context = decoder.context(engine.frames(encoded), prompt)
    for sentence in ("start a body scan", "start box breathing", "stop"):
        ids = engine.tokens(" " + sentence[:1].upper() + sentence[1:])
        # Token by token through the search's own step, against the whole vocabulary.
        hidden, total = context.hidden[None], 0.0
        empty = np.zeros((1, decoder.heads, 0, decoder.d // decoder.heads), np.float32)
        own = [(empty, empty)] * decoder.layers
        for k, token in enumerate(ids):
            logits = hidden @ decoder.rows(np.arange(decoder.embedding.shape[0])).T
            total += float(logits[0, token] - np.logaddexp.reduce(logits[0]))
            hidden, own = decoder.step(np.array([[token]]), context.position + k,
                                       context.prompt, context.cross, own)
        logits = hidden @ decoder.rows(np.arange(decoder.embedding.shape[0])).T
        end = float(np.logaddexp.reduce(logits[0, engine.ends]) - np.logaddexp.reduce(logits[0]))
        ours = (total + end) / (len(ids) + 1)
        theirs = engine.score(encoded, [sentence], PROMPTS["idle"])[0]
        assert abs(ours - theirs) < 0.1 + 0.05 * abs(theirs), (sentence, ours, theirs)


def test_the_automaton_says_exactly_what_the_templates_say() -> None:
    grammar = Grammar(
        templates=[Template("go", "", parse_template("[let's] do <breath> [for {n} minutes]"))],
        rules={"breath": parse_template("(box | square) breathing")},
        lists={"n": SlotList("n", [SlotValue(("five",), 5), SlotValue(("ten",), 10)])},
        modes={"idle": ("go",)})
    automaton = Automaton(grammar, "idle")

    def sentences(states: tuple[int, ...], words: tuple[str, ...]) -> set[str]:
        nexts, may_end = automaton.moves(states)
        out = {" ".join(words)} if may_end and words else set()
        for word, targets in nexts.items():
            out |= sentences(targets, (*words, word))
        return out

    assert sentences((0,), ()) == {
        f"{lead}do {kind} breathing{tail}" for lead in ("", "let's ")
        for kind in ("box", "square") for tail in ("", " for five minutes", " for ten minutes")}


@pytest.mark.parametrize(("text", "snr"), [
    ("i'm feeling kind of lonely maybe a six", None),
    ("let's do box breathing for five minutes", 5.0),
    ("i need a quick calm", 5.0),
    ("could you speak more slowly", 5.0),
])
def test_the_sentence_said_is_found_in_noise(backend: WhisperBackend, text: str,
                                            snr: float | None) -> None:
    """Sentences the grammar allows but its sample of sentences does not hold, and
    requests in loud noise that free decoding misheard."""
    x, _ = clip(text, 0.3, 0.3)
    if snr is not None:
        x = noisy(x, snr)
    search = backend._search("idle")
    assert search is not None
    found = search.search(backend._decoder_context(backend.engine.encode(x)))
    assert meaning_of(text, "idle") in [meaning_of(t, "idle") for t, _ in found], found


def test_every_mode_has_a_search(backend: WhisperBackend) -> None:
    grammar = understanding_grammar()
    for mode in PROMPTS:
        search = backend._search(mode)
        assert search is not None
        assert len(search.automaton.accepting) == len(grammar.for_mode(mode))
