"""The candidate rule: what may replace Whisper's free transcript."""

from __future__ import annotations

import pytest

from voice.ears.whisper_candidates import (
    Best,
    best_candidate,
    candidate_floor,
    sayable,
    syllables,
)


@pytest.mark.parametrize(("text", "count"), [
    ("stop", 1), ("pause", 1), ("resume", 2), ("seven", 2), ("a little more", 4),
    ("let's start the body scan", 6), ("I feel overwhelmed, maybe an eight.", 9),
    ("time", 1), ("free", 1), ("", 0)])
def test_syllables_are_counted_as_spoken(text: str, count: int) -> None:
    assert syllables(text) == count


def test_a_long_sentence_cannot_stand_for_a_short_burst() -> None:
    # (fit split: a 0.39 s burst of "a large body of water" at 5 dB was searched as this)
    assert not sayable("let's start the body scan", 0.39)
    assert sayable("let's start the body scan", 1.2)
    # One or two syllables are always sayable: a clipped "seven" is still a seven.
    assert sayable("seven", 0.0) and sayable("stop", 0.1)


def test_the_runner_up_is_the_best_of_another_meaning() -> None:
    phrases = ["stop", "stop it", "pause"]
    best = best_candidate(phrases, [-0.5, -0.6, -1.5], -99.0, lambda p: p.split()[0])
    assert (best.phrase, best.score, best.margin) == ("stop", -0.5, 1.0)
    # Under the floor set by what Whisper wrote freely, a score counts as nothing.
    best = best_candidate(phrases, [-2.5, -2.6, -1.0], -2.0, lambda p: p)
    assert (best.phrase, best.score) == ("pause", -1.0)
    assert best_candidate(["stop"], [-0.5], -99.0, lambda p: p).margin == 9.0


def test_a_candidate_wins_surely_or_far_ahead() -> None:
    assert Best("stop", -1.0, 0.5).wins() and not Best("stop", -1.0, 0.2).wins()
    assert Best("stop", -1.55, 1.6).wins() and not Best("stop", -1.55, 1.0).wins()
    assert candidate_floor("House.", -0.25) == pytest.approx(-1.75)
    assert candidate_floor("Thank you.", -0.2) == -99.0  # (Whisper's words for noise)


def test_syllables_agree_with_the_pronouncing_dictionary() -> None:
    """On every word the grammar's sentences use, against PocketSphinx's CMU dictionary
    (its vowel phones): nearly all exact, and never more than one off."""
    pytest.importorskip("pocketsphinx")
    from voice.ears.spotter_words import dictionary_path
    from voice.ears.whisper_phrases import PROMPTS, mode_sentences

    vowels = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY",
              "UH", "UW"}
    words = {w for mode in PROMPTS for s in mode_sentences(mode) for w in s.split()}
    spoken: dict[str, int] = {}
    with dictionary_path().open(encoding="utf-8") as dictionary:
        for line in dictionary:
            word, *phones = line.split()
            if word in words and word != "sos":  # (an acronym: S-O-S)
                spoken[word] = sum(1 for p in phones if p in vowels)
    assert len(spoken) > 700
    off = {w: (n, syllables(w)) for w, n in spoken.items() if syllables(w) != n}
    assert len(off) <= 0.05 * len(spoken), off
    assert all(abs(n - guess) <= 1 for n, guess in off.values()), off
