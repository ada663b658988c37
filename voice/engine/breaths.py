"""One breath: its cues, the words that guide or count it, and its phase marks.

A breath is one timeline segment whose phases last exactly their seconds at the current
pace (``slower``/``faster``). Each phase starts with its tone (rising in, falling out, a
quiet tick for holds; or, with ``tone: whole``, one tone lasting the phase) and the
words come after the tone: the guide word for the first ``guide`` breaths, the count for
the first ``count_aloud``. Words that do not fit their slot fall back to a shorter word,
then to silence: the breath never stretches to fit speech.
"""

from __future__ import annotations

from voice.audio import sounds
from voice.audio.mixer import db_to_gain
from voice.engine.controls import PHASE_MAX_S, PHASE_MIN_S
from voice.engine.lines import COUNT_WORDS, GUIDE_WORDS, Speech, count_words
from voice.engine.timeline import Clip, Mark, Samples, Segment, samples
from voice.sessions.model import Breathe

CUE_FOR_PHASE = {"inhale": "inhale", "exhale": "exhale", "hold": "hold", "hold_after": "hold"}
# Cue gains: each cue's loudness on disk (voice.audio.loudness: inhale and exhale -12.2
# LUFS, bell -22.0, closing chime -18.5, hold tick -32.6) brought to at least 7 LU under
# the speech's (phrase_cache.SPEECH_LUFS, -17): breath cues at -25, 8 LU under (issue
# 18: they had been as loud as the voice), the bell and chime at -24, the tick far
# below. tests/test_sounds.py holds them to it.
# Whole-phase tones (sounds.phase_tone, -10.9 LUFS as made) sound under the words all
# through the phase: at -30, 13 LU under the speech.
CUE_GAIN_DB = {"inhale": -13.0, "exhale": -13.0, "hold": 0.0, "bell": -2.0, "closing-chime": -5.5,
               "rising-tone": -19.0, "falling-tone": -19.0}
WHOLE_TONES = {"inhale": "rising-tone", "exhale": "falling-tone"}  # (holds keep their tick)
WORD_AFTER_CUE_S = 0.05  # a breath of quiet between a short tone and the word after it
WHOLE_TONE_LEAD_S = 0.6  # a whole-phase tone has swelled in by then
WORD_GAP_S = 0.08  # breath words must leave this much quiet before the next one


def phase_seconds(base: float, pace: float) -> float:
    return min(PHASE_MAX_S, max(PHASE_MIN_S, base * pace))


def cycle_samples(b: Breathe, pace: float) -> int:
    return sum(samples(phase_seconds(s, pace)) for _, s in b.phases())


def breath(b: Breathe, index: int, pace: float, speech: Speech,
           cues: dict[str, Samples]) -> Segment:
    """One breath at the current pace: cues, guide words or counting, phase marks.

    The words come after the phase's tone (issue 18: "in" had started on the tone's
    first sample, each masking the other): after a short tone has sounded, or once
    a whole-phase tone has risen in."""
    clips: list[Clip] = []
    marks: list[Mark] = []
    phases: list[tuple[str, int]] = []
    offset = 0
    for name, base in b.phases():
        secs = phase_seconds(base, pace)
        n = samples(secs)
        marks.append(Mark(offset, "phase", {"phase": name, "seconds": round(secs, 3),
                                            "cycle": index + 1}))
        lead = 0  # where words may start: after the tone
        if b.cues:
            cue_name = CUE_FOR_PHASE[name]
            if b.tone == "whole" and name in WHOLE_TONES:
                cue_name, cue = WHOLE_TONES[name], sounds.phase_tone(name, n)
                lead = samples(WHOLE_TONE_LEAD_S)
            else:
                cue = cues[cue_name]
                lead = cue.size + samples(WORD_AFTER_CUE_S)
            clips.append(Clip("cue", offset, cue.size, cue, db_to_gain(CUE_GAIN_DB[cue_name]),
                              phase=name, sound=cue_name))
        clips.extend(phase_words(speech, b, index, name, base, offset, n, lead))
        phases.append((name, n))
        offset += n
    total = f" of {b.cycles}" if b.cycles else ""
    return Segment("cycle", offset, clips, marks, label=f"breath {index + 1}{total}",
                   phases=phases)


def phase_words(speech: Speech, b: Breathe, index: int, name: str, base: float,
                offset: int, n: int, lead: int = 0) -> list[Clip]:
    """The phase's words, from ``lead`` (the end of its tone) on. A count is evenly
    spaced over the rest of the phase. Words that need more room may start earlier,
    but never before the middle of the tone (past its loudest)."""
    gap = samples(WORD_GAP_S)
    if index < b.count_aloud:
        count = max(1, round(base))
        words = [COUNT_WORDS[name], *count_words(count)]
        audios = [speech.audio(w) for w in words]
        start = min(lead, n - count * (max(a.size for a in audios) + gap))
        slot = (n - start) // count
        if start >= lead // 2:
            return [Clip("speech", offset + start + k * slot, a.size, a, text=w, phase=name)
                    for k, (w, a) in enumerate(zip(words, audios, strict=True))]
    if index < max(b.guide, b.count_aloud):
        for word in (GUIDE_WORDS[name], COUNT_WORDS[name]):  # shorter if it must be
            a = speech.audio(word)
            start = min(lead, n - a.size - gap)
            if start >= lead // 2:
                return [Clip("speech", offset + start, a.size, a, text=word, phase=name)]
    return []
