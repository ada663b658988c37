"""What the player says: a session's lines and the replies to controls ("Slowing down."),
rendered ahead of time, by sentence.

:class:`Speech` wraps a :class:`~voice.speech.phrase_cache.PhraseRenderer`. A say
step is spoken sentence by sentence (so "resume" can restart the sentence
that was interrupted, not the whole paragraph), with the renderer's own
sentence pause between them. Everything a session can say without knowing
an answer is queued for background rendering before playback starts;
variable text is rendered once the variable is known.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from voice.engine.timeline import RATE, Samples, samples
from voice.sessions.model import Session, template_fields
from voice.speech.phrase_cache import LEAD_S, SENTENCE_PAUSE_S, TAIL_S, PhraseRenderer
from voice.speech.text import number_to_words, split_sentences

# Words of the breath guide: said at a phase start for the first `guide` cycles.
GUIDE_WORDS = {"inhale": "breathe in", "hold": "hold", "exhale": "and out", "hold_after": "hold"}
# Counting aloud: the first count is the phase word, then "two, three, ...".
COUNT_WORDS = {"inhale": "in", "hold": "hold", "exhale": "out", "hold_after": "hold"}
MAX_COUNT = 30

SLOWER = "Slowing down."
FASTER = "A little faster."
# Said once a day, after the welcome, in the first session of the day (not in files).
REMINDER = "You can say pause or stop at any time. Stopping is always okay."
# Spoken length guess for a phrase not rendered yet (seconds = a + b x characters at
# rate 1; fitted on the built-in sessions' sentences: Piper and espeak-ng agree within 2%).
GUESS_LEAD_S, GUESS_S_PER_CHAR = 0.2, 0.075
STOP_PHRASES = (
    "Okay, we'll stop here. Be gentle with yourself.",
    "Okay, we'll stop here.",
    "Okay, stopping here.",
    "Okay.",
)
# Worded so the numbers cannot be read backwards ("how are you feeling" is heard with ten
# as good), both anchors every time.
RATING_BEFORE = ("Before we begin: how tense or stirred up do you feel right now, from zero, "
                 "not at all, to ten, the most?")
RATING_AFTER = ("And now, how tense or stirred up do you feel, from zero, not at all, to ten, "
                "the most?")
# (No thanks here: the sessions' own last words thank the person.)
RATING_LOWER = "That's a little lower than when we started."
RATING_SAME = "About the same as when we started, and that's okay too."
RATING_HIGHER = ("That's a bit higher than when we started. That's okay; some moments are "
                 "like that. Please go gently with yourself.")
FIXED_PHRASES = (SLOWER, FASTER, REMINDER, *STOP_PHRASES, RATING_BEFORE, RATING_AFTER,
                 RATING_LOWER, RATING_SAME, RATING_HIGHER)


def count_words(n: int) -> list[str]:
    return [number_to_words(i) for i in range(2, n + 1)]


def minutes_left_phrase(seconds_left: float) -> str:
    minutes = round(seconds_left / 60.0)
    if seconds_left < 45:
        return "Less than a minute left."
    if minutes <= 1:
        return "About one minute left."
    return f"About {number_to_words(minutes)} minutes left."


def guess_length(text: str, rate: float = 1.0, gap: int | None = None) -> int:
    """Samples ``text`` is expected to take when spoken by sentence, before it is."""
    parts = split_sentences(text) or [text]
    guess = sum(GUESS_LEAD_S + GUESS_S_PER_CHAR * len(p) for p in parts) / rate
    return samples(guess) + (sentence_gap(rate) if gap is None else gap) * (len(parts) - 1)


def sentence_gap(rate: float) -> int:
    """Quiet between two sentence clips, matching the renderer's own pause."""
    return samples(max(0.2, SENTENCE_PAUSE_S / rate - LEAD_S - TAIL_S))


class Speech:
    """Text to audio for the engine (float32 at the output rate, read-only)."""

    def __init__(self, renderer: PhraseRenderer) -> None:
        self.renderer = renderer
        self.rate = float(getattr(renderer.tts, "rate", 1.0))
        self.gap = sentence_gap(self.rate)

    def audio(self, text: str) -> Samples:
        x = self.renderer.get(text)
        return x if x.size else np.zeros(1, dtype=np.float32)

    def sentences(self, text: str) -> list[str]:
        return split_sentences(text) or [text]

    def length(self, text: str) -> int:
        """Samples ``text`` takes when spoken by sentence, gaps included."""
        parts = self.sentences(text)
        if template_fields(text):  # not known yet: estimate at ~2.5 words a second
            return samples(len(text.split()) / 2.5) + self.gap * (len(parts) - 1)
        return sum(self.audio(s).size for s in parts) + self.gap * (len(parts) - 1)

    def quick_length(self, text: str) -> int:
        """Like :meth:`length`, without waiting for synthesis: guessed from the characters
        (a live session is planned before its phrases are ready; always the guess, so the
        same session plans the same whatever is cached)."""
        return guess_length(text, self.rate, self.gap)

    def prepare(self, session: Session, extra: Iterable[str] = ()) -> list[str]:
        """Queue every phrase the session may say for background rendering."""
        texts: list[str] = []
        for text in session.spoken_texts():
            if not template_fields(text):
                texts.extend(self.sentences(text))
        texts += list(GUIDE_WORDS.values()) + list(COUNT_WORDS.values())
        texts += count_words(MAX_COUNT) + list(FIXED_PHRASES) + list(extra)
        texts = list(dict.fromkeys(texts))
        self.renderer.prerender(texts)
        return texts

    def seconds(self, text: str) -> float:
        return self.length(text) / RATE
