"""Noticing words that signal danger, and answering the way a caring person would.

Design: a missed crisis is worse than a needless one, so the patterns are
broad and anything unclear counts. Three things keep ordinary speech from
triggering: idioms never match (the patterns need "myself", "my life", "to
die" and so on, so "this traffic is killing me" or "my phone died" cannot),
a few accident and idiom tails are excluded ("cut myself shaving", "want to
die of embarrassment"), and a plain denial right before the words ("I would
never hurt myself", "I'm not going to kill myself") is respected. A denial
is only believed when nothing else is going on: "no, I want to die", "I
don't know if I want to live", "I won't hurt myself, but part of me wants
to" and "I don't want to hurt myself anymore" all still count.

Indirect signs count too, each written as a kind of statement rather than
as one sentence: means and plans ("I've got pills saved up", "I bought a
rope", "how many pills would it take"), goodbyes and putting things in order
("I've written my goodbye letters", "giving my things away"), being a burden
("they'd be happier if I wasn't around", "if I died nobody would notice"),
picturing death ("I keep picturing myself not being here"), no way out ("I
don't see any way out"), past self-harm ("I self-harmed last night") and
"I'd rather be dead than feel like this". Their idioms and everyday twins
stay out through the same tails ("rather be dead than go to that party",
"a rope for the tent", "no way out of this car park", "the only way out is
through", "giving my old clothes to charity") and two more guards: a way of
dying by car, train or water needs a wish or thought before it ("I keep
thinking about driving into a wall", but not "I drove into a ditch"), and
being away counts only without a time or place after it ("if I wasn't here",
but not "is it okay if I'm not here tomorrow").

More kinds of statement, in the same spirit: ending it now or on a day ("I'm
ending it tonight", "planning to end it this weekend"), wanting out or for
good ("I want out of this life", "I want it all to stop, forever", "stay
asleep forever"), joining the dead ("be with my mum again in heaven"),
death as a relief or the only option ("dying would be a relief", "it would
be easier to die"), wishing something would hit me or that I don't survive,
the world after me ("if I was gone they could finally be happy", "they'd be
better off with the life insurance", "the best thing I can do is
disappear", "I'm a burden, I should just go"), last words ("this is my last
message", "you won't hear from me again", "tell my kids I loved them"), a
means in sight or kept ready ("looking at the tracks and thinking about
it", "a blade in my drawer for when it gets bad", "all my pills lined up"),
marks of self-harm ("scars from cutting", "words carved into my skin") and
more ways of having no future ("I have no future", "I don't think I can keep
living like this", "nothing left to live for").

Two guards keep other people's stories out. Someone else as the subject
("she said she wanted to die", "my neighbour overdosed", "he says he's
suicidal", "the character takes an overdose") does not count, unless the
words name the speaker too ("they'd be better off if I was gone", "part of
me wants to die"); "you" and "we" are not someone else, as they often mean
the speaker. An accident just before the words ("I fell off my bike and hurt
myself") is an accident like one just after. "I haven't hurt myself in
months" is a denial like "I don't", and "it's suicide to drive in this
snow", "suicide prevention" and "a suicide mission" are idioms and topics,
like "a song about suicide", "a book about self-harm for my course" and
"there was a suicide on the line this morning".

How people say it to a device late at night, in few words, counts too:
being done ("I'm so done", "I can't anymore", "I give up." with nothing
after), it all stopping ("I just want it all to stop"; "I just want it to
stop" alone is overwhelm, not danger), no point in tomorrow, means asked
about or at hand ("how many of these would it take", "would 30 paracetamol
be enough", "I've got 30 tablets here", "I'm at the train tracks"), plans and
the night ("I've made my plan", "tonight's the night", "I'm going to do it
tonight"), unsaid goodbyes ("they don't know it's goodbye", "thank you for
trying. goodbye", "who gets my dog when I'm gone"), self-harm said
indirectly ("I did the thing with the razor again", "I relapsed", "I want to
bleed"), being a burden to everyone, and how it is said later in life ("I
pray God takes me in my sleep", "I'm just waiting to die", "I've lived long
enough", "he's gone and I want to go too"). Their everyday twins stay out by
what follows them, a task, a time or a place: "I'm so done with this
homework", "I give up on this puzzle", "a plan for dinner", "tonight's the
night of the concert", "do it tonight after dinner", "the point of
tomorrow's meeting", "28 tablets here for the month", "she's gone to the
shops and I want to go too". Algospeak and mis-hearings count as the words
they stand for ("sewer slide", "kill my shelf", "want too die", "be a
live"); a misheard "myself" only after killing verbs ("cut my shelf" is
woodwork).

A third writer's phrasings added more of the same kinds: a plan said as how
and when ("I've decided how I'm going to do it, and when"), the means in front
of the speaker or looked at for long, or seen "differently", pills saved by not
taking them, stepping off a platform, death as the only way, being gone "fine by
me", fine without me ("everyone would cope fine if I wasn't around"), a pet
rehomed "so she'll be looked after", "tell my sister I'm sorry" with nothing
after, "you won't have to listen to me after tonight", the will "all in order
now", deserving pain, blades hidden, scars opened to bleed, following someone
who died by suicide, unsure about coming down from a roof, gone by next week,
and wishing said as "I keep wishing". Their twins stay out the same way: a
goodbye to a car, a farewell email to the team, "tell my sister I'm sorry I
missed her call", a skipping rope, "I'm on holiday next week", dying of boredom.

The phrasings and near misses are tested in tests/data/crisis_phrases.yaml. The patterns
are tables read in order: crisis_direct, crisis_goodbyes, crisis_no_way, crisis_few_words,
crisis_later, crisis_more, crisis_indirect (word groups they share: crisis_words); then the
backstop's concepts, then the learned backstop (crisis_model) and last the one that reads
the sentence's meaning (crisis_meaning, when the sentence encoder is installed). The
response said and printed is in crisis_lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice.feelings import crisis_meaning, crisis_model
from voice.feelings.crisis_backstop import backstop
from voice.feelings.crisis_context import not_my_danger, outside_cause, recovered
from voice.feelings.crisis_direct import DIRECT
from voice.feelings.crisis_few_words import FEW_WORDS
from voice.feelings.crisis_goodbyes import GOODBYES
from voice.feelings.crisis_indirect import INDIRECT
from voice.feelings.crisis_later import LATER
from voice.feelings.crisis_lines import CrisisLine, CrisisResponse, crisis_response, resolve_region
from voice.feelings.crisis_more import MORE
from voice.feelings.crisis_no_way import NO_WAY
from voice.feelings.crisis_pattern import rule
from voice.feelings.crisis_self import SHORTHAND as _SHORTHAND
from voice.feelings.crisis_self import first_person, untypo
from voice.feelings.crisis_short import short_reply
from voice.feelings.crisis_spoken import CRISIS_PHRASES
from voice.feelings.vocabulary import words

__all__ = ["CRISIS_PHRASES", "KINDS", "CrisisLine", "CrisisMatch", "CrisisResponse",
           "crisis_response", "detect", "is_crisis", "resolve_region"]

# "unclear": no rule named it, the learned backstop (crisis_model) found it likely.
KINDS = ("suicidal", "self_harm", "not_here", "hopeless", "unclear")


@dataclass(frozen=True)
class CrisisMatch:
    phrase: str  # the words that matched, normalized
    kind: str  # one of KINDS


_PATTERNS = (*DIRECT, *GOODBYES, *NO_WAY, *FEW_WORDS, *LATER,
             *(rule(kind, pattern, **options) for kind, pattern, options in (*MORE, *INDIRECT)))
# Every literal some pattern needs: a sentence is searched for these once, and a pattern
# none of whose needs is there is not tried (see crisis_needs).
_ALL_NEEDS = frozenset().union(*(p.needs for p in _PATTERNS if p.needs is not None))


def pattern_texts() -> list[str]:
    """The patterns as compiled, for :mod:`voice.feelings.crisis_needs` to keep."""
    return [p.regex.pattern for p in _PATTERNS]

# Between a denial and the words it denies: "not really going to", "never ever".
# No pronouns: crossing "I" means a new clause ("no I want to die").
_GAP_WORDS = """am is was would will could should do does did be been being going to want
    wanted wanting ever really actually seriously honestly truly feel feeling felt like plan
    planning intend intending try trying think thinking thought about of have had any at all
    even consider considering a an the that again plans plan intention intentions thoughts
    urge urges desire take taking commit committing attempt attempting having anything doing"""
_GAP = frozenset(_GAP_WORDS.split())
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't", "haven't", "hasn't", "hadn't"})
# "no" only denies a noun: "I have no plans to kill myself", "no thoughts of suicide".
_NO_NOUNS = frozenset({"plans", "plan", "intention", "intentions", "thoughts", "thought",
                       "urge", "urges", "desire", "wish", "wishes"})
# After a denial, "but" with one of these means the denial is not the whole story.
_BUT_MORE = frozenset({"tonight", "today", "now", "recently",  # a relapse: "... but tonight"
                       "do", "might", "will", "sometimes", "part", "still", "did", "have",
                       "maybe", "am", "think", "worry", "could", "can't", "lately", "often"})
# Someone else as the subject: "she wanted to die", "my neighbour overdosed", "he says
# he's suicidal". Not "you" or "we", which often mean the speaker.
_THEY_WORDS = """he she they he's she's they're they've he'd she'd they'd he'll she'll
    they'll his her their him them friend friend's mum mom dad mother father brother
    sister son daughter cousin aunt uncle nan gran grandma grandad grandpa grandmother
    grandfather neighbour neighbor colleague partner husband wife boyfriend girlfriend
    teacher student patient client man woman guy girl boy kid teenager teen person
    celebrity singer actor character soldier mum's dad's brother's sister's hero heroine
    villain protagonist detective
    nurse nurses doctor doctors paramedic paramedics pharmacist vet farmer boss manager carer
    dog cat pet horse rabbit hamster puppy kitten budgie parrot plant plants flowers
    someone somebody anyone people"""
_THEY = frozenset(_THEY_WORDS.split())
_ANYONE = frozenset({"someone", "somebody", "anyone", "people"})
_I_AM = frozenset({"i'm", "im", "am", "i", "like", "feel"})
# Between that subject and the words: "she has been", "he says he", "my cousin nearly".
_THEY_GAP_WORDS = """who who's is was has had been be would just really also even always still
    a an takes took tried attempted died by
    apparently probably nearly almost once says said thinks keeps kept come came comes in
    after stopped quit used to"""
_THEY_GAP = frozenset(_THEY_GAP_WORDS.split())
_SPEAKER = frozenset({"i", "i'm", "i'd", "i've", "i'll", "me", "my", "myself", "mine"})


def _denied(toks: list[str], start: int) -> bool:
    i = start - 1
    while i >= 0:
        tok = toks[i]
        if tok in _DENIALS:
            return True
        if tok == "no":
            return toks[i + 1] in _NO_NOUNS
        if tok == "," and toks[i + 1:i + 2] == ["ever"]:
            i -= 1
            continue
        if tok not in _GAP:
            return False
        i -= 1
    return False


def _still_counts(toks: list[str], end: int) -> bool:
    """A denial with more to it: "... anymore", "... but part of me does"."""
    rest = toks[end:]
    if rest[:1] == ["anymore"]:  # "I don't want to hurt myself anymore": it is happening
        return True
    return any(tok == "but" and set(rest[j + 1:j + 4]) & _BUT_MORE
               for j, tok in enumerate(rest))


def _someone_else(toks: list[str], start: int, end: int) -> bool:
    """The words are said of another person: "she wants to die", "my cousin overdosed",
    "he says he's suicidal". Never when they name the speaker ("they'd be better off
    if I was gone", "part of me wants to die")."""
    if _SPEAKER.intersection(toks[start:end]):
        return False
    i = start - 1
    while i >= 0 and toks[i] in _THEY_GAP:
        i -= 1
    if i >= 1 and toks[i] in _ANYONE and toks[i - 1] in _I_AM:
        return False  # "i'm someone who's suicidal" is the speaker
    return i >= 0 and toks[i] in _THEY


def detect(text: str, mode: str | None = None) -> CrisisMatch | None:
    """The first words in ``text`` that signal danger, or None; read as written and, when
    the speaker names themselves in the third person ("your user wants to die"), as "I".
    ``mode`` ("answer" when Attune just asked how the person is) lets a bare "no point"
    count."""
    text = untypo(text)
    mine = first_person(text)
    found = _detect(text)
    if found is None and mine is not None:
        found = _detect(mine)
    if found is None:  # by concept, for the ways of saying it no pattern names yet
        joined = " ".join(t for tok in words(mine or text)
                          for t in _SHORTHAND.get(tok, tok).split())
        said = backstop(joined)
        found = CrisisMatch(*said) if said is not None else None
        short = short_reply(joined, mode) if found is None else None
        found = CrisisMatch(short, "hopeless") if short is not None else found
    if found is None:  # a way no rule names yet, said alone or as one clause of several
        parts = _whole_then_clauses(mine or text)
        if len(parts) > 1 and _ALIVE_ELSEWHERE.search((mine or text).lower()):
            parts = parts[:1]  # "i want to be with my son again, he's at uni": a visit
        part = next((p for p in parts if crisis_model.says_crisis(p)), None)
        # The meaning model reads the whole sentence only: on a clause alone it takes "i want
        # to live" (from "i don't want to die, i want to live") for its opposite.
        if part is None and crisis_meaning.says_crisis(parts[0]):
            part = parts[0]
        if part is not None:
            return CrisisMatch(" ".join(crisis_model.tokens(part)), "unclear")
    return found


# Where a sentence divides into clauses for the learned backstops, which read a sentence as a
# whole: "let's do box breathing, i won't be waking up" is a request and a disclosure, and
# the request's words drown the disclosure's; "..., and that's fine" must not excuse it.
# A clause alone loses the context that made it safe: the one the rules know best is the
# person one wants to be with, alive and somewhere ("..., he's at uni").
_ALIVE_ELSEWHERE = re.compile(r"\b(?:he's|she's|they're|he is|she is|they are) (?:at|in|on|away"
                              r"|home|coming|visiting|staying|living)\b")
_CLAUSE_BREAK = re.compile(r"[,.;:!?]+|\b(?:and|but|so|because|cos|cause)\b")


def _whole_then_clauses(text: str) -> list[str]:
    parts = [p.strip() for p in _CLAUSE_BREAK.split(text)]
    clauses = [p for p in parts if len(p.split()) >= 3]
    return [text, *clauses] if len(clauses) > 1 or (clauses and clauses[0] != text.strip()) \
        else [text]


def _detect(text: str) -> CrisisMatch | None:
    toks = [t for tok in words(text) for t in _SHORTHAND.get(tok, tok).split()]
    joined = " ".join(toks)
    present = {need for need in _ALL_NEEDS if need in joined}
    for pattern in _PATTERNS:
        if pattern.needs is not None and pattern.needs.isdisjoint(present):
            continue  # it cannot match here
        for m in pattern.regex.finditer(joined):
            if pattern.unless and pattern.unless.match(joined[m.end():]):
                continue
            if pattern.after and pattern.after.search(joined[:m.start()]):
                continue
            start = len(joined[:m.start()].split())
            end = start + len(m.group(0).split())
            if pattern.negatable and _denied(toks, start) and not _still_counts(toks, end):
                continue
            if pattern.own and _someone_else(toks, start, end):
                continue
            if recovered(joined[:m.end()], joined[m.end():]):
                continue
            if outside_cause(m.group(0), joined[m.end():]) or not_my_danger(
                    joined[:m.start()], m.group(0), joined[m.end():]):
                continue  # "... with the neighbours' music", "the servers committed suicide"
            return CrisisMatch(m.group(0), pattern.kind)
    return None


def is_crisis(text: str) -> bool:
    return detect(text) is not None
