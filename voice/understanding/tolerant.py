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

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import jellyfish
from rapidfuzz import fuzz, process

from voice.feelings.vocabulary import load_vocabulary, parse_intensity
from voice.understanding.grammar import Alt, Grammar, Node, Rule, Seq, Word

Words = tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words that carry no content of their own in a request: they neither make a sentence
# a command nor count against one.
FUNCTION_WORDS = frozenset(_words(
    'a an the to me my it this that these those for some of with and or but can could would '
    "will you we i us just please little bit now do go let's is be on in at so maybe really "
    "am are was there here your our all up if what where when then than like i'm i'd i'll "
    "i've it's that's we're you're let by from too very quite kind sort gonna wanna get got "
    'have has had been being again think guess mean okay ok um uh oh well right yeah hey one '
    'more lot way something thing things bit any make last part about sorry whoa wow ah '
    "hmm mm oops from where rather tell show said actually want wanted need don't know read "
    'remind somewhere around roughly probably'))
# What a control may be said about ("skip the feet", "slow the pace down").
CONTROL_OBJECTS = frozenset(_words(
    'pace speed voice volume sound part section step bit feet toes legs knees hips belly '
    'chest back shoulders arms hands neck face head jaw breath breathing counting count'))
SESSION_WORDS = frozenset(_words(
    'session exercise practice routine technique meditation guided guide thing one minute '
    'minutes breathing breath breathe breaths quick short little short long longer round '
    'again start begin question questions check in feeling feelings emotion emotions'))
# Just before a feeling word, these make it about the speaker ("i'm really tired").
FEEL_LEAD = frozenset({"i'm", "im", "i've", "feel", "feeling", "felt", "am", "been", "getting"})
# Leads that name the speaker themselves; the others need "i" just before ("i feel").
FIRST_PERSON = frozenset({"i'm", "im", "feeling"})
FIRST_PERSON_I = frozenset({"i", "i've", "i'm"})
WHEN = frozenset({"today", "tonight", "now", "moment", "morning", "evening", "lately",
                  "suppose", "reckon", "guess", "think", "out", "ten", "maybe", "about"})
DEGREE = frozenset({"really", "very", "so", "pretty", "quite", "super", "extremely", "totally",
                    "somewhat", "kind", "sort", "of", "a", "bit", "little", "just", "honestly"})
# Small words a recognizer splits off a command word ("fast her", "quiet her").
SMALL_WORDS = frozenset({"her", "er", "a", "the", "is", "as", "us", "it", "done", "in", "on",
                         "to", "down", "up"})
YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "okay", "ok", "alright", "definitely",
                 "absolutely", "please"})
NO = frozenset({"no", "nope", "nah", "not"})
CONTROLS = frozenset({"pause", "resume", "stop", "repeat", "skip", "slower", "faster", "louder",
                      "quieter", "time_left", "extend"})
_NUMBERS = {w: i for i, w in enumerate(_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"))}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


@dataclass(frozen=True)
class Reading:
    """One tolerant reading of a sentence."""

    intent: str
    slots: dict[str, Any]
    score: float
    how: str  # "request" (a cue, then a session), "session", "check_in", "keyword", ...


@functools.lru_cache(maxsize=65536)
def _sound(text: str) -> str:
    """Metaphone of each word, run together: how the words sound, roughly."""
    return "".join(jellyfish.metaphone(w) for w in text.split())


DETERMINERS = frozenset(_words("the a an this that these those my your his her our their all"))


def _about_self(words: Words, after: int) -> bool:
    """False for "happy with the blue one", "tired of this show": an opinion of a thing."""
    if after < len(words) and words[after] in ("with", "of", "at"):
        rest = [w for w in words[after + 1:after + 3] if w not in DETERMINERS]
        return not rest or rest[0] in ("myself", "everything", "life", "things", "it")
    return True


def ngrams(words: Words, longest: int = 6) -> dict[Words, int]:
    """Every run of up to ``longest`` words, and where it first starts."""
    out: dict[Words, int] = {}
    for n in range(1, longest + 1):
        for i in range(len(words) - n + 1):
            out.setdefault(words[i:i + n], i)
    return out


def _minutes(words: Words) -> tuple[int | None, set[int]]:
    """A length in minutes said anywhere ("for five minutes", "ten minute"), and its words."""
    for i, w in enumerate(words):
        if w not in ("minute", "minutes", "min", "mins"):
            continue
        j, value = i - 1, None
        if j >= 0 and words[j] in _NUMBERS:
            value = _NUMBERS[words[j]]
            if j >= 1 and words[j - 1] in _TENS:
                value, j = value + _TENS[words[j - 1]], j - 1
        elif j >= 0 and words[j] in _TENS:
            value = _TENS[words[j]]
        elif j >= 0 and words[j] in ("a", "one"):
            value = 1
        if value is not None and 1 <= value <= 60:
            used = set(range(j, i + 1))
            if j >= 1 and words[j - 1] == "for":
                used.add(j - 1)
            return value, used
    return None, set()


class Tolerant:
    """The tolerant reader of one mode."""

    def __init__(self, grammar: Grammar, mode: str, tables: dict[str, Any],
                 sessions: Iterable[tuple[str, str]]) -> None:
        self.mode = mode
        self.intents = set(grammar.modes[mode])
        self.vocab = frozenset(grammar.words(mode)) | FUNCTION_WORDS
        # A repaired word becomes one of the templates' own words (the commands), never a
        # word of a slot list: feelings and session names have readings of their own.
        singles = {w: (w,) for w in command_words(grammar, mode) if len(w) >= 3}
        pairs = {"".join(k.split()): tuple(k.split())  # "slow done" -> "slow down"
                 for intent, ks in (tables.get("keywords") or {}).items()
                 if intent in self.intents for k in ks if len(k.split()) == 2}
        self._as = {**pairs, **singles}
        self._spelled = sorted(self._as)
        self._sounds: dict[str, str] = {}
        for form in self._spelled:
            self._sounds.setdefault(_sound(" ".join(self._as[form])), form)
        self.cues = [tuple(c.split()) for c in tables.get("request_cues", [])]
        self.closing_cues = [tuple(c.split()) for c in tables.get("closing_cues", [])]
        self.keywords: dict[str, list[Words]] = {
            intent: sorted({tuple(k.split()) for k in ks}, key=len, reverse=True)
            for intent, ks in (tables.get("keywords") or {}).items()
            if intent in self.intents}
        names: dict[str, set[Words]] = {}
        for phrase, sid in sessions:
            names.setdefault(sid, set()).add(tuple(phrase.split()))
        for sid, ks in (tables.get("session_keywords") or {}).items():
            if sid in names:  # only sessions the library has
                names[sid].update(tuple(k.split()) for k in ks)
        self.session_names = {sid: sorted(ks, key=len, reverse=True)
                              for sid, ks in names.items()}
        self._names = [(sid, name) for sid, ks in self.session_names.items() for name in ks]
        self._name_index = {name: k for k, (_, name) in enumerate(self._names)}
        self._name_text = ["".join(name) for _, name in self._names]
        self._name_sound = [_sound(" ".join(name)) for _, name in self._names]
        self._longest_name = max((len(n) for _, n in self._names), default=1)

    # ------------------------------------------------------------ repair

    def repair(self, words: Sequence[str]) -> Words:
        """Replace misheard words with the command words they sound or are spelled like.

        A word the mode never uses may become a close command word ("paws" ->
        "pause"); two neighbours may merge into one when one of them is unknown or
        a small word ("fast her" -> "faster", "slow done" -> "slow down" is already
        two known words and is left alone, "re zoom" -> "resume").
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
                    if best is not None:
                        out.append(best)
                        i += 2
                        continue
            best = self._closest(w, 86, 2) if unknown and len(w) >= 3 else None
            out.append(best or w)
            i += 1
        return tuple(out)

    def _closest(self, joined: str, spelled_at_least: int, sound_at_least: int) -> str | None:
        """The command word spelled like ``joined`` (same first sound), or sounding alike."""
        code = _sound(joined)
        hit = process.extractOne(joined, self._spelled, scorer=fuzz.ratio,
                                 score_cutoff=spelled_at_least)
        if hit is not None:
            form = str(hit[0])
            if form[0] == joined[0] or _sound(form)[:1] == code[:1]:
                return form
        return self._sounds.get(code) if len(code) >= sound_at_least else None

    # ------------------------------------------------------------ readings

    def read(self, words: Words) -> list[Reading]:
        """Every tolerant reading: sessions and feelings from the words as said, commands
        from the words as said and with misheard command words repaired."""
        out: list[Reading] = []
        grams = ngrams(words)
        if "start_session" in self.intents:
            out += self._session(words, grams)
        if "check_in" in self.intents:
            out += self._check_in(words)
        out += self._keyword(words, grams)
        repaired = self.repair(words)  # "lauder" -> "louder"; but "pace" is not "pause"
        if repaired != words:
            out += self._keyword(repaired, ngrams(repaired))
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
            for end in (len(words), len(words) - 1):  # allow a last "please" or "now"
                if end - n >= after and words[end - n:end] == cue and (
                        end == len(words) or words[-1] in ("please", "now", "thanks")):
                    return set(range(end - n, len(words)))
        return set()

    def _cue(self, grams: dict[Words, int], before: int) -> set[int]:
        """Where request cues stand before word ``before``, in the clause nearest to it."""
        starts = [(at, len(cue)) for cue in self.cues
                  if (at := grams.get(cue, -1)) >= 0 and at + len(cue) <= before]
        if not starts:
            return set()
        last = max(at for at, _ in starts)
        # Cues run together ("can we maybe do"): keep those touching the last one.
        used: set[int] = set()
        for at, n in sorted(starts, reverse=True):
            if at + n >= last - 1 or at + n >= min(used, default=last) - 1:
                used.update(range(at, at + n))
        return used

    def _session(self, words: Words, grams: dict[Words, int]) -> list[Reading]:
        content = sum(1 for w in words if w not in FUNCTION_WORDS)
        if content > self._longest_name + 1 and not self._cue(grams, len(words)):
            return []  # neither a request nor a bare name: no need to look further
        best: Reading | None = None
        exact = self._exact_names(words)
        for candidates in (exact, None):  # word for word first; by likeness if that is weak
            if candidates is None:
                if best is not None and best.score >= 0.9:
                    break
                candidates = self._like_names(words)
            for quality, sid, at, n in candidates:
                reading = self._request(words, grams, quality, sid, at, n)
                if reading is not None and (best is None or reading.score > best.score):
                    best = reading
        return [best] if best is not None else []

    def _request(self, words: Words, grams: dict[Words, int], quality: float,
                 sid: str, at: int, n: int) -> Reading | None:
        """The reading of ``words`` as a request for session ``sid`` named at ``at``."""
        used = set(range(at, at + n))
        for other in self.session_names[sid]:  # "come back into the room through my senses"
            if (where := grams.get(other, -1)) >= 0:
                used.update(range(where, where + len(other)))
        cue = self._cue(grams, at) or self._closing(words, at + n)
        # The request is the clause from its cue (or the name) on; what came before it
        # is the reason ("i can't sleep, help me wind down").
        begins = min(cue, default=at)
        # A length belongs to the request ("box breathing for ten minutes"), not to the
        # reason ("my talk is in twenty minutes, can we...") or the name ("one minute calm").
        minutes, minute_words = _minutes(words)
        if minute_words and ((min(minute_words) < begins and words[min(minute_words)] != "for")
                             or minute_words & set(range(at, at + n))):
            minutes = None
        used |= cue | minute_words
        # "body scan, ten minutes", "the breathing where the out breath is longer": said
        # first, word for word, it asks for the session.
        opening = quality == 1.0 and all(w in FUNCTION_WORDS or w in SESSION_WORDS
                                         or w in _NUMBERS for w in words[:at])
        # Words after the name weigh more: "check in my bag at the desk" is not a request.
        extra = self._unexplained(words[begins:at + n], {i - begins for i in used},
                                  SESSION_WORDS) + 1.5 * self._unexplained(
            words[at + n:], {i - at - n for i in used}, SESSION_WORDS)
        # "box breathing please", "fox breathing": little else was said. A one-word name
        # ("soothing") or one only like what was said must be all of it.
        outside = sum(1 for i, w in enumerate(words)
                      if not at <= i < at + n and w not in FUNCTION_WORDS)
        named_alone = outside <= (1 if n > 1 and quality == 1.0 else 0)
        if not (cue or opening or named_alone):
            return None
        score = quality - 0.15 * extra - (0.0 if cue else 0.05)
        slots: dict[str, Any] = {"session": sid}
        if minutes is not None:
            slots["minutes"] = minutes
        return Reading("start_session", slots, score, "request" if cue else "session")

    def _likeness(self, joined: str, sound: str, k: int) -> float:
        """How like name ``k`` a window is: its spelling, which its sound may lift by 0.15.

        One-word names must be spelled nearly right: a short word sounds like too much.
        """
        spelled = fuzz.ratio(joined, self._name_text[k]) / 100
        if len(self._names[k][1]) == 1:
            return spelled if spelled >= 0.9 and len(joined) >= 6 else 0.0
        sounded = fuzz.ratio(sound, self._name_sound[k]) / 100 if len(sound) >= 4 else 0.0
        return max(spelled, min(sounded, spelled + 0.15))

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
        """Windows of words like a session name in spelling or sound, 0.8 or better."""
        out = []
        for n in range(1, min(self._longest_name + 1, len(words)) + 1):
            for i in range(len(words) - n + 1):
                window = words[i:i + n]
                joined, sound = "".join(window), _sound(" ".join(window))
                found = {int(k) for _, _, k in process.extract(
                    joined, self._name_text, scorer=fuzz.ratio, score_cutoff=60, limit=3)}
                found |= {int(k) for _, _, k in process.extract(
                    sound, self._name_sound, scorer=fuzz.ratio, score_cutoff=80, limit=3)}
                for k in found:
                    q = self._likeness(joined, sound, k)
                    if q >= 0.8:
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
        lead = back > 0 and words[back - 1] in FEEL_LEAD and (
            words[back - 1] in FIRST_PERSON or (back > 1 and words[back - 2] in FIRST_PERSON_I))
        if not _about_self(words, at + length) or ("how", "are", "you") in ngrams(words, 3):
            return []  # "happy with the blue one", "i'm good thanks, how are you?"
        first = all(w in FUNCTION_WORDS or w in DEGREE for w in words[:at])
        after = [w for w in words[at + length:] if w not in FUNCTION_WORDS
                 and w not in DEGREE and w not in _NUMBERS and w not in WHEN]
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

    def _keyword(self, words: Words, grams: dict[Words, int]) -> list[Reading]:
        out: list[Reading] = []
        for intent, phrases in self.keywords.items():
            if intent in CONTROLS and self.mode in ("idle", "asleep"):
                continue  # nothing is playing: a control word is someone else's talk
            if intent == "wake" and self.mode != "asleep":
                continue  # awake, only the wake phrase itself gets Attune's attention
            for phrase in phrases:
                at = grams.get(phrase, -1)
                if at < 0:
                    continue
                used = set(range(at, at + len(phrase)))
                for other in phrases:  # "wait wait, hold on": every pause word is the pause
                    if (where := grams.get(other, -1)) >= 0:
                        used.update(range(where, where + len(other)))
                extra = self._unexplained(words, used, SESSION_WORDS | CONTROL_OBJECTS)
                opening = len(phrase) > 1 and all(w in FUNCTION_WORDS for w in words[:at])
                # A command said first may come with its reason ("hang on, someone's at
                # the door"); a word in the middle of other talk needs the talk to be short.
                # A wrong pause costs a "resume"; other controls are held to more.
                each = (0.1 if intent == "pause" else 0.15) if opening else 0.2
                score = 0.9 - each * extra - (0.05 if len(phrase) == 1 else 0.0) + 0.01 * len(
                    phrase)  # of two readings, the one that explains more words
                out.append(Reading(intent, {}, score, "keyword"))
                break
        return out

    def _answer(self, words: Words) -> list[Reading]:
        content = [w for w in words if w not in FUNCTION_WORDS]
        text = " ".join(words)
        number = parse_intensity(text)
        if number is not None and len(content) <= 2:
            return [Reading("answer", {"intensity": number}, 0.75, "number")]
        said = [w for w in words if w not in ("mm", "hmm", "um", "uh", "oh", "well", "so")]
        for value, ways in (("yes", YES), ("no", NO)):
            if said and said[0] in ways and len(content) <= 4:
                # An answer to the question just asked outranks a command's keyword.
                return [Reading("answer", {"answer": value}, 0.92, "yes_no")]
        return []


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
