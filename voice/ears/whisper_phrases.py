"""What each mode can mean to the Whisper ears: the prompt that biases the decoder, the
short phrases scored against a short utterance, the template sentences nearest a
transcript are drawn from, and Whisper's words for noise."""

from __future__ import annotations

import functools

from voice.ears.whisper_completions import NUMBERS
from voice.understanding.grammar import sample
from voice.understanding.understand import understand, understanding_grammar

# What each mode can mean, said as if just before the utterance: Whisper leans to
# these words ("pause" was "Class", "Plus", "Boss" or "Paws" without it).
PROMPTS = {
    "idle": "Hey Attune. Box breathing. Start a body scan. Grounding. Check in. Wind down for bed. "
            "Self-compassion break. Stop. Pause. Resume. Slower. Skip. Repeat that.",
    "session": "Pause. Resume. Stop. Slower. Faster. Louder. Quieter. Repeat that. Skip.",
    "speaking": "Pause. Resume. Stop. Slower. Faster. Louder. Quieter. Repeat that. Skip.",
    "answer": "Zero, one, two, three, four, five, six, seven, eight, nine, ten. Yes. No. "
              "Anxious, calm, sad, tired, happy, okay. Stop. Pause.",
    "asleep": "Wake up. Hey Attune. Good morning.",
}
CONTROLS = ["stop", "pause", "resume", "slower", "faster", "louder", "quieter", "repeat",
            "skip"]
# The short phrases scored against a short utterance, by mode.
CANDIDATES = {
    "idle": ["stop", "pause", "resume", "help"],
    "session": CONTROLS,
    "speaking": CONTROLS,
    "answer": [*NUMBERS, "yes", "no", "stop", "pause", "skip", "repeat", "happy", "sad",
               "calm", "anxious", "tired", "okay"],
    "asleep": ["wake up"],
}
# Whisper's words for silence and noise, never a request.
NOISE_TEXTS = frozenset({"", "you", "thank you", "thanks", "thank you for watching", "bye",
                         "thanks for watching", "i'm sorry", "so", "oh", "uh", "um", "hmm"})


@functools.cache
def mode_sentences(mode: str) -> list[str]:
    """Every template of the mode as sentences: each alternative and slot value once."""
    grammar = understanding_grammar()  # (the understanding's own: loaded once)
    return sorted({" ".join(words) for t in grammar.for_mode(mode)
                   for words, _ in sample(grammar, t.node, limit=40)})


@functools.lru_cache(maxsize=4096)
def meaning_of(sentence: str, mode: str) -> tuple[str, tuple[tuple[str, object], ...]]:
    """Intent and slots: "maybe a six" and "maybe a seven" mean different things."""
    read = understand(sentence, mode)
    if read is None:
        return "", ()
    return read.name, tuple(sorted((k, str(v)) for k, v in read.slots.items()))


def build_modes() -> None:
    for mode in ("idle", "session", "speaking", "answer", "asleep"):
        understand("", mode)
        mode_sentences(mode)
