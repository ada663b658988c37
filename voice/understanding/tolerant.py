"""The tolerant reading: paraphrases and misheard words, for when no template matches.

Three steps, each scored from 0 to 1:

1. **Repair words.** A word the mode's templates never use is replaced by one
   they do when the two are close in spelling or in sound (Metaphone), alone or
   with its neighbour ("paws" -> "pause", "re zoom" -> "resume", "bodies can" ->
   "body scan"). If the repaired sentence matches a template, that is the reading.
2. **Keywords anywhere.** A session's names (its triggers, its title and the
   ``session_keywords`` of intents.yaml), a feeling word, or a short command's
   phrase may stand anywhere in the sentence, matched word for word or, for
   session names, by similarity of spelling and sound (rapidfuzz).
3. **What else was said counts against it.** Every content word that is neither
   part of the keyword nor a request cue, a filler or a number for a slot lowers
   the score. "stop by the store later" has "stop" but three words that are not
   about Attune; "could you maybe stop" has none.

Crisis and distress never come from here: their detectors run first, on the text as said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process

from voice.feelings.vocabulary import load_vocabulary, parse_intensity
from voice.understanding.cues import (
    about_someone_else,
    closing_end,
    colour_or_thing,
    for_a_while,
    hedged,
    rating_said,
    time_of_a_chore,
)
from voice.understanding.described import Descriptions, describing, kind_named
from voice.understanding.grammar import Alt, Grammar, Node, Rule, Seq, Word
from voice.understanding.lexicon import (
    CONNECTORS,
    CONTROL_OBJECTS,
    CONTROLS,
    DEGREE,
    DETERMINERS,
    DEVICE_PHRASES,
    DEVICE_WORDS,
    FEEL_LEAD,
    FIRST_PERSON,
    FIRST_PERSON_I,
    FUNCTION_WORDS,
    INTENT_WORDS,
    NO,
    NO_PHRASES,
    NUMBERS,
    PLACE_WORDS,
    RETURNING,
    SESSION_WORDS,
    SMALL_WORDS,
    TIME_SPANS,
    VOCATIVES,
    WHEN,
    YES,
    YES_PHRASES,
    Words,
    about_self,
    minutes_said,
    ngrams,
    sound_of,
)


def _longest_first(phrase: Words) -> tuple[int, Words]:
    """Longest first, then in word order: the same order in every process (a set's is not)."""
    return -len(phrase), phrase


# A window of words must be at least this like a session's name (spelling, lifted by sound).
LIKE_AT_LEAST = 0.85
LIKE_WORDS = 4
# How far a window's sound may lift its spelling's likeness to a name.
SOUND_LIFT = 0.15
# Before "to" and a verb, these say one is willing: "i'm happy to drive".
WILLING = frozenset({"happy", "glad", "okay", "good", "fine", "alright"})
# Just before a control's word, these make it a noun: "the repeat of that show", "a pause".
NOUN_BEFORE = frozenset({"the", "a", "an", "that", "this", "his", "her", "their", "your"})
SPEAKER = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"})
# The last word of a name that is a verb phrase: "calm down", "ground myself", "check in".
PARTICLES = frozenset({"down", "up", "in", "off", "out", "myself", "me", "yourself"})
QUESTION_WORDS = frozenset({"how", "what", "where", "why", "when", "who", "which"})
BREATHING = frozenset({"breathe", "breathing", "breath", "breaths"})
# Said right after a command, these end it ("pause please, i need to blow my nose").
POLITE = frozenset({"please", "thanks"})
# A session asked for by what it does ("the one where you hold after each breath").
DESCRIBED_SCORE = 0.78
# A word repaired by its sound must be spelled at least this like the command word.
SOUND_SPELLED = 50


@dataclass(frozen=True)
class Reading:
    """One tolerant reading of a sentence."""

    intent: str
    slots: dict[str, Any]
    score: float
    how: str  # "request" (a cue, then a session), "session", "check_in", "keyword", ...



class Tolerant:
    """The tolerant reader of one mode."""

    def __init__(self, grammar: Grammar, mode: str, tables: dict[str, Any],
                 sessions: Iterable[tuple[str, str]]) -> None:
        self.mode = mode
        self.intents = set(grammar.modes[mode])
        self.vocab = frozenset(grammar.words(mode)) | FUNCTION_WORDS
        # A repaired word becomes one of the templates' own words (the commands), never a
        # word of a slot list: feelings and session names have readings of their own.
        # Nor a small word: "skip the ads" must not become "skip the that's", nor "hold on
        # to the rail" "... the really", which leaves the command with nothing after it.
        singles = {w: (w,) for w in command_words(grammar, mode)
                   if len(w) >= 3 and w not in FUNCTION_WORDS and w not in DEGREE}
        pairs = {"".join(k.split()): tuple(k.split())  # "slow done" -> "slow down"
                 for intent, ks in (tables.get("keywords") or {}).items()
                 if intent in self.intents for k in ks if len(k.split()) == 2}
        self._as = {**pairs, **singles}
        self._spelled = sorted(self._as)
        self.sounds: dict[str, str] = {}
        for form in self._spelled:
            self.sounds.setdefault(sound_of(" ".join(self._as[form])), form)
        self.cues = [tuple(c.split()) for c in tables.get("request_cues", [])]
        self.closing_cues = [tuple(c.split()) for c in tables.get("closing_cues", [])]
        self.keywords: dict[str, list[Words]] = {
            intent: sorted({tuple(k.split()) for k in ks}, key=_longest_first)
            for intent, ks in (tables.get("keywords") or {}).items()
            if intent in self.intents}
        names: dict[str, set[Words]] = {}
        for phrase, sid in sessions:
            names.setdefault(sid, set()).add(tuple(phrase.split()))
        for sid, ks in (tables.get("session_keywords") or {}).items():
            if sid in names:  # only sessions the library has
                names[sid].update(tuple(k.split()) for k in ks)
        self.session_names = {sid: sorted(ks, key=_longest_first)
                              for sid, ks in names.items()}
        self._names = [(sid, name) for sid, ks in self.session_names.items() for name in ks]
        self._name_index = {name: k for k, (_, name) in enumerate(self._names)}
        self._name_text = ["".join(name) for _, name in self._names]
        self._name_sounds = [sound_of(" ".join(name)) for _, name in self._names]
        self._longest_name = max((len(n) for _, n in self._names), default=1)
        self.descriptions = Descriptions({sid: ws for sid, ws in
                                          (tables.get("session_words") or {}).items()
                                          if sid in names})

    # ------------------------------------------------------------ repair

    def repair(self, words: Sequence[str]) -> Words:
        """Replace misheard words with the command words they sound or are spelled like.

        A word the mode never uses may become a close command word ("paws" ->
        "pause"); two neighbours may become one command word or two-word command
        when one of them is unknown or a small word ("fast her" -> "faster",
        "slow done" -> "slow down", "re zoom" -> "resume").
        """
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            unknown = w not in self.vocab and w.replace("'", "").isalpha()
            if i + 1 < len(words):
                nxt = words[i + 1]
                if unknown or nxt not in self.vocab or nxt in SMALL_WORDS:
                    best = self._closest(w + nxt, 88, 3)
                    if best is not None and self._as[best] != (w, nxt):
                        out.extend(self._as[best])
                        i += 2
                        continue
            best = self._closest(w, 86, 2) if unknown and len(w) >= 3 else None
            out.extend(self._as[best] if best else (w,))
            i += 1
        return tuple(out)

    def _closest(self, joined: str, spelled_at_least: int, sound_at_least: int) -> str | None:
        """The command word spelled like ``joined`` (same first sound), or sounding alike."""
        code = sound_of(joined)
        hit = process.extractOne(joined, self._spelled, scorer=fuzz.ratio,
                                 score_cutoff=spelled_at_least)
        if hit is not None:
            form = str(hit[0])
            if form[0] == joined[0] or sound_of(form)[:1] == code[:1]:
                return form
        # Sounding alike is not enough when the spelling is far off: Metaphone hears
        # "pizza" as "pause" and "film i" as "volume".
        alike = self.sounds.get(code) if len(code) >= sound_at_least else None
        return alike if alike is not None and fuzz.ratio(joined, alike) >= SOUND_SPELLED else None

    # ------------------------------------------------------------ readings

    def read(self, words: Words, breaks: frozenset[int] = frozenset()) -> list[Reading]:
        """Every tolerant reading: sessions and feelings from the words as said, commands
        from the words as said and with misheard command words repaired. ``breaks``: the
        words after which the text had a comma or a full stop."""
        out: list[Reading] = []
        grams = ngrams(words)
        if "start_session" in self.intents:
            out += self._session(words, grams, breaks)
            out += self._described(words, grams)
        if "check_in" in self.intents:
            out += self._check_in(words)
        # "how long's left": a noun's "'s" is "is" (or a possessive), not part of the word.
        plain = tuple(w[:-2] if w.endswith("'s") and w not in self.vocab else w for w in words)
        out += self._keyword(plain, grams if plain == words else ngrams(plain), breaks=breaks)
        repaired = self.repair(plain)  # "lauder" -> "louder"; but "pace" is not "pause"
        if repaired != plain:  # a guess, so a little less sure than the words as said
            out += self._keyword(repaired, ngrams(repaired), cost=0.05,
                                 breaks=breaks if len(repaired) == len(words) else frozenset())
        if "answer" in self.intents:
            out += self._answer(words)
        return out

    def _unexplained(self, words: Words, used: set[int], extra: frozenset[str]) -> int:
        """Content words outside ``used`` that are neither function words nor ``extra``."""
        return sum(1 for i, w in enumerate(words)
                   if i not in used and w not in FUNCTION_WORDS and w not in extra)

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
        used |= cue | minute_words
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
        extra = self._unexplained(words[begins:after], {i - begins for i in used},
                                  SESSION_WORDS) + 1.5 * self._unexplained(
            words[after:reason], {i - after for i in used}, SESSION_WORDS) + 0.2 * (
            self._unexplained(words[reason:], {i - reason for i in used}, SESSION_WORDS))
        # "box breathing please", "fox breathing": little else was said. A one-word name
        # ("soothing") or one only like what was said must be all of it.
        outside = sum(1 for i, w in enumerate(words)  # ("Books breathing, 4 minutes.")
                      if not at <= i < at + n and w not in FUNCTION_WORDS
                      and i not in minute_words)
        named_alone = outside <= (1 if n > 1 and quality == 1.0 and not imperative else 0)
        if not (cue or opening or named_alone) or (not cue and _about_a_device(words, {})):
            return None  # ("the compassion in that film was something")
        score = quality - 0.15 * extra - (0.0 if cue else 0.05)
        slots: dict[str, Any] = {"session": sid}
        if minutes is not None:
            slots["minutes"] = minutes
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
        windows = [(i, n) for n in range(1, min(LIKE_WORDS, len(words)) + 1)
                   for i in range(len(words) - n + 1)]
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

    def _check_in(self, words: Words) -> list[Reading]:
        """A feeling said about oneself: "honestly i'm really stressed out", "calm, a two"."""
        text = " ".join(words)
        found = load_vocabulary().locate(text)
        if found is None:
            return []
        feeling, at, length = found
        back = at  # over "a bit more", "really so" to the word that makes it the speaker's
        while back > 0 and at - back < 5 and (words[back - 1] in DEGREE
                                              or words[back - 1] in FUNCTION_WORDS) and (
                words[back - 1] not in FEEL_LEAD):
            back -= 1
        # "i'm really tired", "i feel so much more at ease", "this is making me feel sad",
        # "i'm starting to feel settled": a lead, and the speaker just before it.
        lead = back > 0 and words[back - 1] in FEEL_LEAD and (
            words[back - 1] in FIRST_PERSON
            or any(w in FIRST_PERSON_I for w in words[max(0, back - 4):back - 1]))
        if not about_self(words, at + length) or ("how", "are", "you") in ngrams(words, 3) or (
                colour_or_thing(words, at)):
            return []  # "happy with the blue one", "i'm good thanks, how are you?"
        if feeling.word in WILLING and words[at + length:at + length + 1] == ("to",) and (
                words[at + length + 1:at + length + 2] not in ((), ("be",))):
            return []  # willing, not feeling: "i'm happy to drive", "i'm fine to walk"
        first = all(w in FUNCTION_WORDS or w in DEGREE for w in words[:at])
        after = [w for w in words[at + length:] if w not in FUNCTION_WORDS
                 and w not in DEGREE and w not in NUMBERS and w not in WHEN]
        alone = first and (len(after) <= 3 if self.mode == "answer" else not after)
        # Owned, the feeling may come with its reason, but not with a whole other topic
        # ("i'm fine, mum, honestly, i'll call you tomorrow").
        if not ((lead and len(after) <= 2) or alone):
            return []
        slots: dict[str, Any] = {"feeling": feeling.word}
        intensity = parse_intensity(text)
        if intensity is not None:
            slots["intensity"] = intensity
        return [Reading("check_in", slots, 0.8 if lead else 0.75, "check_in")]

    @staticmethod
    def _for_attune(words: Words, after: int, breaks: frozenset[int], used: set[int]) -> bool:
        """False when the command is about another thing said right after it ("skip the
        ads", "stop barking", "one more episode") with no pause between (a comma, a full
        stop) to part them. A command that ends with its length ("stop for a sec") or
        goes on with more of itself ("all good now, continue") is complete."""
        if after >= len(words) or after - 1 in breaks or after in used or (
                words[after - 1] in TIME_SPANS):
            return True
        if (words[after] == "for" or words[after] in PLACE_WORDS) and after + 1 < len(words):
            # "pause for a moment" is for Attune; "wait for me", "stop for petrol", "stop by
            # the chemist" and "keep going down this road" are not.
            span = words[after + 1]
            if span in DETERMINERS and after + 2 < len(words):
                span = words[after + 2]
            return span in TIME_SPANS or span in NUMBERS or (words[after] != "for" and (
                span in CONTROL_OBJECTS or span in FUNCTION_WORDS or span in ("end", "next")))
        if words[after] == "to" and after + 2 < len(words) and words[after + 1] in DETERMINERS:
            # "hold on to the rail", "go back to the start of the match": a thing, not a time.
            return words[after + 2] in TIME_SPANS or words[after + 2] in CONTROL_OBJECTS
        if words[after] == "and" and after + 1 < len(words) and words[after + 1] in THREAT_SUBJECTS:
            return False  # "say that again and you're grounded": a warning to a child
        nxt = words[after]
        if nxt in DETERMINERS and after + 1 < len(words) and after not in breaks:
            nxt = words[after + 1]  # ("pause that, someone's calling": "that" is the object)
        allowed = FUNCTION_WORDS | SESSION_WORDS | CONTROL_OBJECTS
        return nxt in allowed or nxt in DETERMINERS or nxt in NUMBERS

    def _keyword(self, words: Words, grams: dict[Words, int], cost: float = 0.0,
                 breaks: frozenset[int] = frozenset()) -> list[Reading]:
        out: list[Reading] = []
        spans: list[tuple[int, int]] = []
        all_breaks = breaks
        for intent, phrases in self.keywords.items():
            if intent in CONTROLS and self.mode in ("idle", "asleep"):
                continue  # nothing is playing: a control word is someone else's talk
            if intent == "wake" and self.mode != "asleep":
                continue  # awake, only the wake phrase itself gets Attune's attention
            for phrase in phrases:
                at = grams.get(phrase, -1)
                if at < 0:
                    continue
                # "pause please i need to blow my nose": a please ends the command.
                end = at + len(phrase)
                breaks = all_breaks | ({end} if end < len(words) - 1 and words[end] in POLITE
                                       else frozenset())
                # "wait, wait, hold on": every word of this command is the command.
                used = {i + k for other in phrases for i in range(len(words) - len(other) + 1)
                        if words[i:i + len(other)] == other for k in range(len(other))}
                explained = SESSION_WORDS | CONTROL_OBJECTS | INTENT_WORDS.get(intent, frozenset())
                # Words in another clause ("pause, someone's at the door") are its reason.
                first = max((b + 1 for b in breaks if b < at), default=0)
                last = min((b for b in breaks if b >= at + len(phrase) - 1), default=len(words) - 1)
                extra = self._unexplained(words[first:last + 1], {i - first for i in used},
                                          explained)
                aside = self._unexplained(words, used | set(range(first, last + 1)), explained)
                takes_object = intent in ("pause", "resume", "stop", "skip", "extend", "louder",
                                          "quieter", "repeat")  # "turn up the radio" is not for us
                if intent in ("louder", "quieter") and words[end:end + 2] == ("for", "me"):
                    takes_object = False  # "that's a bit loud for me", not "wait for me"
                if (takes_object and not self._for_attune(words, end, breaks, used)) or (
                        intent in CONTROLS and len(phrase) == 1 and at > 0
                        and words[at - 1] in NOUN_BEFORE) or (
                        any(w in VOCATIVES for w in words)) or (
                        intent in CONTROLS and about_someone_else(words)) or (
                        intent in CONTROLS and _about_a_device(  # not "lost track"
                            tuple(w for i, w in enumerate(words) if i not in used), grams)) or (
                        extra and intent in ("help", "list_sessions") and self.mode == "idle"):
                    break  # "skip the ads", "the repeat of it", "options for dinner"
                opening = all(w in FUNCTION_WORDS for w in words[:at])
                # A command said first may come with its reason ("pause, someone's at the
                # door"); a word in the middle of other talk needs the talk to be short.
                # A wrong pause costs a "resume"; other controls are held to more.
                each = (0.1 if intent == "pause" else 0.15) if opening else 0.2
                # A reason in another clause costs little for a pause (a wrong one costs a
                # "resume"); other controls said with other talk are more likely not for us.
                per_aside = 0.05 if intent == "pause" else 0.15
                score = 0.9 - cost - each * extra - per_aside * aside - (
                    0.05 if len(phrase) == 1 else 0.0) + (
                    0.01 * len(phrase))  # of two readings, the one that explains more words
                if intent == "wake" and "attune" in phrase:
                    score = max(score, 0.9 - cost)  # called by name: "attune, i can't sleep"
                if intent == "stop" and "pause" in self.intents and for_a_while(words, end):
                    intent = "pause"  # "you can stop it a moment"
                out.append(Reading(intent, {}, score, "keyword"))
                spans.append((at, end))
                break
        # A command inside a longer one is part of it: "slow" in "that's a bit slow".
        kept = [r for r, (a, e) in zip(out, spans, strict=True)
                if not any(a2 <= a and e <= e2 and e2 - a2 > e - a for a2, e2 in spans)]
        return _returning(kept, grams)

    def _answer(self, words: Words) -> list[Reading]:
        content = [w for w in words if w not in FUNCTION_WORDS]
        text = " ".join(words)
        feeling = load_vocabulary().locate(text)
        number = parse_intensity(text)
        if feeling is not None and (feeling[1] == 0 or number is not None):
            return []  # "not okay, not really", "calm, a two maybe": a feeling, not a reply
        if number is not None and rating_said(words) and (  # "a solid seven", "maybe around six"
                len(content) <= 2 or hedged(words)):
            return [Reading("answer", {"intensity": number}, 0.85, "number")]
        said = words  # "uh huh" as said; "uh, no" without the "uh"
        while len(said) > 1 and said[0] in ("mm", "hmm", "um", "uh", "er", "oh", "well", "so") \
                and not any(said[:len(p)] == p for p in YES_PHRASES):
            said = said[1:]
        for value, ways, phrases in (("yes", YES, YES_PHRASES), ("no", NO, NO_PHRASES)):
            opens = (bool(said) and said[0] in ways) or any(said[:len(p)] == p for p in phrases)
            if opens and len(content) <= 4:
                # An answer to the question just asked outranks a command's keyword.
                return [Reading("answer", {"answer": value}, 0.95, "yes_no")]
        return []


# After a command and "and", these begin what will follow if it is done: a warning.
THREAT_SUBJECTS = frozenset({"you're", "you'll", "there's", "there'll", "you", "there"})


def _returning(readings: list[Reading], grams: dict[Words, int]) -> list[Reading]:
    """"Okay I'm back, you can keep going": more of the session after a pause is resuming it,
    as sure as the surer of the two readings."""
    extend = [r for r in readings if r.intent == "extend"]
    resume = [r for r in readings if r.intent == "resume"]
    if not extend or not resume or not any(p in grams for p in RETURNING):
        return readings
    best = max(r.score for r in extend + resume)
    return [replace(r, score=best) if r.intent == "resume" else r
            for r in readings if r.intent != "extend"]


def _about_a_device(words: Words, grams: dict[Words, int]) -> bool:
    """The television, the radio or a phone call is named: "skip the ads", "you're breaking
    up"."""
    return any(w in DEVICE_WORDS for w in words) or any(p in grams for p in DEVICE_PHRASES)


def _asked_of_someone_else(words: Words, at: int, cue: Words) -> bool:
    """A cue that is not one: "how do i...", "the hotel let us..."."""
    if at == 0:
        return False
    before = words[at - 1]
    if cue == ("do",):
        return before in QUESTION_WORDS
    return cue[0] == "let" and before not in FUNCTION_WORDS


def command_words(grammar: Grammar, mode: str) -> set[str]:
    """The words the mode's templates and rules spell out (slot lists left out)."""
    out: set[str] = set()

    def walk(node: Node) -> None:
        if isinstance(node, Word):
            out.add(node.text)
        elif isinstance(node, Rule):
            if node.name not in seen:
                seen.add(node.name)
                walk(grammar.rules[node.name])
        elif isinstance(node, Seq):
            for item in node.items:
                walk(item)
        elif isinstance(node, Alt):
            for option in node.options:
                walk(option)

    seen: set[str] = set()
    for template in grammar.for_mode(mode):
        if template.intent not in ("crisis", "distress"):
            walk(template.node)
    return out
