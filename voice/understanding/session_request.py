"""A session asked for: by its name, said word for word or only like it, or by what it does.

Part of the tolerant reading (:mod:`voice.understanding.tolerant`). A session's names
(its triggers, its title and the ``session_keywords`` of intents.yaml) may stand
anywhere in the sentence, matched word for word or by similarity of spelling and sound
(rapidfuzz); a request cue ("can we do", "let's") before it, or a closing one after it
("..., that one"), makes it a request, and every other content word lowers the score.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from voice.understanding.cues import closing_end, time_of_a_chore
from voice.understanding.described import Descriptions, describing, kind_named
from voice.understanding.lexicon import (
    CONNECTORS,
    DETERMINERS,
    FUNCTION_WORDS,
    NUMBERS,
    SESSION_WORDS,
    Words,
    minutes_said,
    sound_of,
)
from voice.understanding.reading import Reading, about_a_device, longest_first, unexplained

# A window of words must be at least this like a session's name (spelling, lifted by sound).
LIKE_AT_LEAST = 0.85
LIKE_WORDS = 4
# How far a window's sound may lift its spelling's likeness to a name.
SOUND_LIFT = 0.15
SPEAKER = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"})
# The last word of a name that is a verb phrase: "calm down", "ground myself", "check in".
PARTICLES = frozenset({"down", "up", "in", "off", "out", "myself", "me", "yourself"})
QUESTION_WORDS = frozenset({"how", "what", "where", "why", "when", "who", "which"})
BREATHING = frozenset({"breathe", "breathing", "breath", "breaths"})
# A session asked for by what it does ("the one where you hold after each breath").
DESCRIBED_SCORE = 0.78


class SessionRequests:
    """Reads a sentence as a request for one of the library's sessions."""

    def __init__(self, tables: dict[str, Any], sessions: Iterable[tuple[str, str]]) -> None:
        self.cues = [tuple(c.split()) for c in tables.get("request_cues", [])]
        self.closing_cues = [tuple(c.split()) for c in tables.get("closing_cues", [])]
        names: dict[str, set[Words]] = {}
        for phrase, sid in sessions:
            names.setdefault(sid, set()).add(tuple(phrase.split()))
        for sid, ks in (tables.get("session_keywords") or {}).items():
            if sid in names:  # only sessions the library has
                names[sid].update(tuple(k.split()) for k in ks)
        self.session_names = {sid: sorted(ks, key=longest_first)
                              for sid, ks in names.items()}
        self._names = [(sid, name) for sid, ks in self.session_names.items() for name in ks]
        self._name_index = {name: k for k, (_, name) in enumerate(self._names)}
        self._name_text = ["".join(name) for _, name in self._names]
        self._name_sounds = [sound_of(" ".join(name)) for _, name in self._names]
        self._longest_name = max((len(n) for _, n in self._names), default=1)
        self.descriptions = Descriptions({sid: ws for sid, ws in
                                          (tables.get("session_words") or {}).items()
                                          if sid in names})

    def read(self, words: Words, grams: dict[Words, int], breaks: frozenset[int]
             ) -> list[Reading]:
        """The best reading by a session's name, then the reading by what a session does."""
        return self._session(words, grams, breaks) + self._described(words, grams)

    def _closing(self, words: Words, after: int) -> set[int]:
        """A request said after the description: "..., can we do that", "..., that one"."""
        for cue in self.closing_cues:
            n = len(cue)
            # A last "please", "now" or "this afternoon" may follow.
            for end in range(len(words), closing_end(words) - 1, -1):
                if end - n >= after and words[end - n:end] == cue:
                    return set(range(end - n, len(words)))
        return set()

    def _cue(self, words: Words, grams: dict[Words, int], before: int) -> set[int]:
        """Where request cues stand before word ``before``, in the clause nearest to it.

        Not a question's "do" ("how do i turn this thing on"), nor someone else letting
        us ("the hotel let us check in early")."""
        starts = [(at, len(cue)) for cue in self.cues
                  if (at := grams.get(cue, -1)) >= 0 and at + len(cue) <= before
                  and not _asked_of_someone_else(words, at, cue)]
        if not starts:
            return set()
        last = max(at for at, _ in starts)
        # Cues run together ("can we maybe do"): keep those touching the last one.
        used: set[int] = set()
        for at, n in sorted(starts, reverse=True):
            if at + n >= last - 1 or at + n >= min(used, default=last) - 1:
                used.update(range(at, at + n))
        return used

    def _session(self, words: Words, grams: dict[Words, int], breaks: frozenset[int]
                 ) -> list[Reading]:
        content = sum(1 for w in words if w not in FUNCTION_WORDS)
        if content > self._longest_name + 1 and not self._cue(words, grams, len(words)):
            return []  # neither a request nor a bare name: no need to look further
        best: Reading | None = None
        exact = self._exact_names(words)
        for candidates in (exact, None):  # word for word first; by likeness if that is weak
            if candidates is None:
                if best is not None and best.score >= 0.9:
                    break
                # A name said word for word outranks one that only looks like another's.
                named = {sid for _, sid, _, _ in exact}
                candidates = [c for c in self._like_names(words) if not named or c[1] in named]
            for quality, sid, at, n in candidates:
                reading = self._request(words, grams, quality, sid, at, n, breaks)
                if reading is not None and (best is None or reading.score > best.score):
                    best = reading
        return [best] if best is not None else []

    def _request(self, words: Words, grams: dict[Words, int], quality: float,
                 sid: str, at: int, n: int, breaks: frozenset[int]) -> Reading | None:
        """The reading of ``words`` as a request for session ``sid`` named at ``at``."""
        if time_of_a_chore(words, at):
            return None
        used = set(range(at, at + n))
        for other in self.session_names[sid]:  # "come back into the room through my senses"
            if (where := grams.get(other, -1)) >= 0:
                used.update(range(where, where + len(other)))
        cue = self._cue(words, grams, at) or self._closing(words, at + n)
        # The request is the clause from its cue (or the name) on; what came before it
        # is the reason ("i can't sleep, help me wind down").
        begins = min(cue, default=at)
        # A length belongs to the request ("box breathing for ten minutes"), not to the
        # reason ("my talk is in twenty minutes, can we...") or the name ("one minute calm").
        # Just before the name, with nothing between, it is the request's ("a five minute
        # grounding exercise").
        minutes, minute_words = minutes_said(words)
        just_before = bool(minute_words) and max(minute_words) not in breaks and all(
            w in DETERMINERS or w == "of" for w in words[max(minute_words) + 1:at])
        if minute_words and ((min(minute_words) < begins and words[min(minute_words)] != "for"
                              and not just_before)
                             or minute_words & set(range(at, at + n))):
            minutes = None
        intro_words = short_intro_said(words)
        used |= cue | minute_words | intro_words
        # "body scan, ten minutes", "the breathing where the out breath is longer": said
        # first, word for word, it asks for the session.
        # Not a name that is a verb and its particle ("calm down", "wind down") said first
        # with more after it, unless with a please or about the speaker ("wind down, i'm
        # exhausted"): that is said to someone else ("calm down, it's only a game").
        imperative = (at == 0 or at - 1 in breaks) and words[at + n - 1] in PARTICLES and (
            words[at + n:at + n + 1] not in ((), ("please",))) and SPEAKER.isdisjoint(
            words[at + n:])
        opening = quality == 1.0 and not imperative and all(
            w in FUNCTION_WORDS or w in SESSION_WORDS or w in NUMBERS for w in words[:at])
        # Words after the name weigh more ("check in my bag at the desk" is not a request),
        # unless they are a reason of their own: after a comma or full stop, or from a
        # word like "before" or "because" ("a body scan before I go to sleep").
        after = at + n
        reason = next((i for i in range(after, len(words))
                       if i - 1 in breaks or words[i] in CONNECTORS), len(words))
        extra = unexplained(words[begins:after], {i - begins for i in used},
                                  SESSION_WORDS) + 1.5 * unexplained(
            words[after:reason], {i - after for i in used}, SESSION_WORDS) + 0.2 * (
            unexplained(words[reason:], {i - reason for i in used}, SESSION_WORDS))
        # "box breathing please", "fox breathing": little else was said. A one-word name
        # ("soothing") or one only like what was said must be all of it.
        outside = sum(1 for i, w in enumerate(words)  # ("Books breathing, 4 minutes.")
                      if not at <= i < at + n and w not in FUNCTION_WORDS
                      and i not in minute_words)
        named_alone = outside <= (1 if n > 1 and quality == 1.0 and not imperative else 0)
        if not (cue or opening or named_alone) or (not cue and about_a_device(words, {})):
            return None  # ("the compassion in that film was something")
        score = quality - 0.15 * extra - (0.0 if cue else 0.05)
        slots: dict[str, Any] = {"session": sid}
        if minutes is not None:
            slots["minutes"] = minutes
        if intro_words:
            slots["intro"] = "short"
        return Reading("start_session", slots, score, "request" if cue else "session")

    def _described(self, words: Words, grams: dict[Words, int]) -> list[Reading]:
        """A session asked for by what it does: "the one with mindfulness, common humanity
        and kindness", "can we do the breathing where you hold for four"."""
        exact = self._exact_names(words)
        asked = bool(self._cue(words, grams, len(words)) or self._closing(words, 0))
        # Asked for, a way of breathing describes a practice too ("let's breathe in a box"),
        # and so does a session's word before "practice" ("walk me through the exhale practice").
        described = describing(grams) or (asked and (not BREATHING.isdisjoint(words)
                                                      or kind_named(words, self.descriptions)))
        if not described and (exact or not asked):
            return []  # a name the session reading weighed already ("check in my bag")
        found = self.descriptions.best(words, described)
        if found is None or any(sid != found[0] for _, sid, _, _ in exact):
            return []  # "one of those wind-down playlists": the name is another session's
        slots: dict[str, Any] = {"session": found[0]}
        minutes, used = minutes_said(words)
        if minutes is not None and words[min(used)] == "for":  # not "i've only got ten minutes"
            slots["minutes"] = minutes
        return [Reading("start_session", slots, DESCRIBED_SCORE, "described")]

    def _likeness(self, joined: str, sound: str, k: int) -> float:
        """How like name ``k`` a window is: its spelling, which its sound may lift by 0.15.

        One-word names must be spelled nearly right: a short word sounds like too much.
        """
        spelled = fuzz.ratio(joined, self._name_text[k]) / 100
        if len(self._names[k][1]) == 1:
            return spelled if spelled >= 0.9 and len(joined) >= 6 else 0.0
        sounded = fuzz.ratio(sound, self._name_sounds[k]) / 100 if len(sound) >= 4 else 0.0
        return max(spelled, min(sounded, spelled + SOUND_LIFT))

    def _exact_names(self, words: Words) -> list[tuple[float, str, int, int]]:
        """Session names said word for word: (1.0, session id, where, how many words)."""
        out = []
        for n in range(min(self._longest_name, len(words)), 0, -1):
            for i in range(len(words) - n, -1, -1):
                k = self._name_index.get(tuple(words[i:i + n]))
                if k is not None:
                    out.append((1.0, self._names[k][0], i, n))
        return out

    def _like_names(self, words: Words) -> list[tuple[float, str, int, int]]:
        """Windows of words like a session name in spelling or sound, 0.85 or better."""
        # Windows of up to four words: a longer name said that far off is not that name.
        # Nor a window with a word that names nothing ("something on" is not "soothing one").
        windows = [(i, n) for n in range(1, min(LIKE_WORDS, len(words)) + 1)
                   for i in range(len(words) - n + 1)
                   if _NAMELESS.isdisjoint(words[i:i + n])]
        joined = ["".join(words[i:i + n]) for i, n in windows]
        # Sound lifts a likeness by at most 0.15, so a name spelled less alike than this
        # cannot reach it: every window against every name at once, in C.
        spelled = process.cdist(joined, self._name_text, scorer=fuzz.ratio, workers=1,
                                score_cutoff=round(100 * (LIKE_AT_LEAST - SOUND_LIFT)))
        out = []
        for row, k in zip(*(axis.tolist() for axis in spelled.nonzero()), strict=True):
            i, n = windows[row]
            q = self._likeness(joined[row], sound_of(" ".join(words[i:i + n])), k)
            if q >= LIKE_AT_LEAST:
                out.append((q, self._names[k][0], i, n))
        return out


_NAMELESS = frozenset({"something", "anything", "nothing", "everything", "someone", "anyone",
                       "somewhere", "anywhere"})


SHORT_INTRO_PHRASES = (("just", "the", "practice"), ("just", "the", "breathing"),
                       ("skip", "the", "intro"), ("skip", "the", "introduction"),
                       ("no", "intro"), ("without", "the", "intro"),
                       ("straight", "to", "the", "practice"), ("short", "intro"))


def short_intro_said(words: Words) -> set[int]:
    """Where a request asks to skip the introduction ("box breathing, just the practice")."""
    found: set[int] = set()
    for phrase in SHORT_INTRO_PHRASES:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == phrase:
                found.update(range(i, i + n))
    return found


def _asked_of_someone_else(words: Words, at: int, cue: Words) -> bool:
    """A cue that is not one: "how do i...", "the hotel let us..."."""
    if at == 0:
        return False
    before = words[at - 1]
    if cue == ("do",):
        return before in QUESTION_WORDS
    return cue[0] == "let" and before not in FUNCTION_WORDS
