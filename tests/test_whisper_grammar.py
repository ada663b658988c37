"""Whisper's decoder walking a mode's grammar (real model, real speech, real noise)."""

from __future__ import annotations

from typing import Any

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
        theirs = ctranslate2_scores(engine, encoded, [sentence])[0][0]
        assert abs(ours - theirs) < 0.1 + 0.05 * abs(theirs), (sentence, ours, theirs)


def ctranslate2_scores(engine: Any, encoded: Any, sentences: list[str]
                       ) -> list[tuple[float, float]]:
    """``score_parts`` by CTranslate2 itself, whether or not the numpy decoder is in use."""
    decoder, engine.decoder = engine.decoder, None
    try:
        parts: list[tuple[float, float]] = engine.score_parts(encoded, sentences,
                                                              PROMPTS["idle"])
        return parts
    finally:
        engine.decoder = decoder


def test_a_tree_of_candidates_scores_as_ctranslate2_does(backend: WhisperBackend) -> None:
    """The backend scores its candidates in numpy, all at once as a tree of their
    prefixes (voice.ears.whisper_decoder.WhisperDecoder.score): the same scores as
    CTranslate2 gives each alone, to the int8 model's precision, and the same winner."""
    engine = backend.engine
    assert engine.folder is not None
    decoder = WhisperDecoder.load(engine.folder / "model.bin")
    x, _ = clip("i feel anxious maybe a six", 0.3, 0.3)
    encoded = engine.encode(x)
    sentences = [f"i feel anxious maybe a {n}" for n in ("five", "six", "seven", "ten")]
    sentences += ["i feel anxious", "i feel calm maybe a six", "start a body scan", "stop"]
    context = decoder.context(engine.frames(encoded), engine.prompt_ids(PROMPTS["idle"]))
    ids = [engine.tokens(" " + s[:1].upper() + s[1:]) for s in sentences]
    ours = decoder.score(context, ids, engine.ends)
    theirs = ctranslate2_scores(engine, encoded, sentences)
    for sentence, (mean, end), (their_mean, their_end) in zip(sentences, ours, theirs,
                                                              strict=True):
        assert abs(mean - their_mean) < 0.15 + 0.05 * abs(their_mean), (sentence, mean,
                                                                        their_mean)
        assert abs(end - their_end) < 0.3 + 0.1 * abs(their_end), (sentence, end, their_end)
    best = max(range(len(sentences)), key=lambda i: ours[i][0])
    assert sentences[best] == "i feel anxious maybe a six"
    assert best == max(range(len(sentences)), key=lambda i: theirs[i][0])
    # "i feel anxious" ends where more words follow: its end is unlikely.
    assert ours[4][1] < -2.0


def test_the_automaton_says_exactly_what_the_templates_say() -> None:
    grammar = Grammar(
        templates=[Template("go", "", parse_template("[let's] do <breath> [for {n} minutes]"))],
        rules={"breath": parse_template("(box | square) breathing")},
        lists={"n": SlotList("n", [SlotValue(("five",), 5), SlotValue(("ten",), 10)])},
        modes={"idle": ("go",)}, lead=("okay",), tail=("thank you",))
    automaton = Automaton(grammar, "idle")

    def sentences(states: tuple[int, ...], words: tuple[str, ...]) -> set[str]:
        nexts, may_end = automaton.moves(states)
        out = {" ".join(words).replace(" ,", ",")} if may_end and words else set()
        for word, targets in nexts.items():
            out |= sentences(targets, (*words, word))
        return out

    # The grammar's lead and tail words before and after any template, as Whisper
    # writes them ("Okay, do box breathing, thank you.").
    assert sentences((0,), ()) == {
        f"{first}{lets}do {kind} breathing{span}{last}"
        for first in ("", "okay ", "okay, ") for lets in ("", "let's ")
        for kind in ("box", "square") for span in ("", " for five minutes", " for ten minutes")
        for last in ("", " thank you", ", thank you")}


@pytest.mark.parametrize(("text", "snr"), [
    ("i'm feeling kind of lonely maybe a six", None),
    ("let's do box breathing for five minutes", 5.0),
    ("i need a quick calm", 5.0),
    ("could you speak more slowly", 5.0),
    ("okay that's enough", 10.0),  # (a lead word: the templates start at "that's")
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
        # (each template's end, and each tail phrase's, with and without a comma)
        assert len(search.automaton.accepting) == (len(grammar.for_mode(mode))
                                                   + 2 * len(grammar.tail))
