"""The tolerant reading: paraphrases and misheard words, for when no template matches.

Three steps, each scored from 0 to 1:

1. **Repair words** (:mod:`voice.understanding.repair`). A word the mode's templates
   never use is replaced by one they do when the two are close in spelling or in sound
   (Metaphone), alone or with its neighbour ("paws" -> "pause", "re zoom" -> "resume",
   "bodies can" -> "body scan"). If the repaired sentence matches a template, that is
   the reading.
2. **Keywords anywhere.** A session's names (its triggers, its title and the
   ``session_keywords`` of intents.yaml; :mod:`voice.understanding.session_request`),
   a feeling word (:mod:`voice.understanding.feeling_answer`), or a short command's
   phrase (:mod:`voice.understanding.command_keywords`) may stand anywhere in the
   sentence, matched word for word or, for session names, by similarity of spelling and
   sound (rapidfuzz).
3. **What else was said counts against it.** Every content word that is neither
   part of the keyword nor a request cue, a filler or a number for a slot lowers
   the score. "stop by the store later" has "stop" but three words that are not
   about Attune; "could you maybe stop" has none.

Crisis and distress never come from here: their detectors run first, on the text as said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from voice.understanding.command_keywords import CommandKeywords
from voice.understanding.feeling_answer import read_answer, read_check_in
from voice.understanding.grammar import Grammar
from voice.understanding.lexicon import Words, ngrams
from voice.understanding.reading import Reading
from voice.understanding.repair import Repairer
from voice.understanding.session_request import SessionRequests

__all__ = ["Reading", "Tolerant"]


class Tolerant:
    """The tolerant reader of one mode."""

    def __init__(self, grammar: Grammar, mode: str, tables: dict[str, Any],
                 sessions: Iterable[tuple[str, str]]) -> None:
        self.mode = mode
        self.intents = set(grammar.modes[mode])
        self.repairer = Repairer(grammar, mode, tables, self.intents)
        self.vocab = self.repairer.vocab
        self.commands = CommandKeywords(tables, mode, self.intents)
        self.sessions = SessionRequests(tables, sessions)

    def repair(self, words: Sequence[str]) -> Words:
        """Replace misheard words with the command words they sound or are spelled like."""
        return self.repairer.repair(words)

    def read(self, words: Words, breaks: frozenset[int] = frozenset()) -> list[Reading]:
        """Every tolerant reading: sessions and feelings from the words as said, commands
        from the words as said and with misheard command words repaired. ``breaks``: the
        words after which the text had a comma or a full stop."""
        if unfinished(words):
            return []
        out: list[Reading] = []
        grams = ngrams(words)
        if "start_session" in self.intents:
            out += self.sessions.read(words, grams, breaks)
        if "check_in" in self.intents:
            out += read_check_in(words, self.mode)
        # "how long's left": a noun's "'s" is "is" (or a possessive), not part of the word.
        plain = tuple(w[:-2] if w.endswith("'s") and w not in self.vocab else w for w in words)
        out += self.commands.read(plain, grams if plain == words else ngrams(plain),
                                  breaks=breaks)
        repaired = self.repair(plain)  # "lauder" -> "louder"; but "pace" is not "pause"
        if repaired != plain:  # a guess, so a little less sure than the words as said
            out += self.commands.read(repaired, ngrams(repaired), cost=0.05,
                                      breaks=breaks if len(repaired) == len(words) else frozenset())
        if "answer" in self.intents:
            out += read_answer(words)
        return out


# "I'm feeling kind of..." cut off by a pause: the start of a check-in, not a request for
# the session about naming feelings (its "what i'm feeling" is like it).
_OPENINGS = frozenset({("i'm", "feeling"), ("im", "feeling"), ("i", "am", "feeling"),
                       ("i", "feel"), ("i", "feel", "like"), ("feeling",), ("i'm",),
                       ("i", "am"), ("i'm", "feeling", "like")})
_TRAILING = frozenset({"kind", "sort", "of", "a", "bit", "little", "really", "so", "pretty",
                       "quite", "very", "just", "um", "uh", "erm", "like", "somewhat"})


def unfinished(words: Sequence[str]) -> bool:
    """Only the opening of a sentence about a feeling, with nothing felt yet."""
    end = len(words)
    while end and words[end - 1] in _TRAILING:
        end -= 1
    return tuple(words[:end]) in _OPENINGS

