"""Crisis language as people say it, for the speech grammar (kept apart from
:mod:`voice.feelings.crisis`, whose patterns take about 0.4 s to compile: the grammar
is built without them)."""

from __future__ import annotations

# Spoken phrasings for the speech grammar, so crisis language is heard rather
# than rejected as out of grammar. Every one is detected (tests check).
CRISIS_PHRASES: list[str] = [
    "i want to die", "i want to kill myself", "i'm going to kill myself",
    "i'm thinking about killing myself", "i've been thinking about suicide", "i feel suicidal",
    "i'm having suicidal thoughts", "i want to end my life", "i want to end it all",
    "i'm going to end it", "i want to hurt myself", "i've been hurting myself",
    "i cut myself", "i want to cut myself", "i've been cutting again",
    "i don't want to be here anymore",
    "i don't want to be alive", "i don't want to live anymore", "i don't want to wake up",
    "i'm not sure i want to live", "i wish i was dead", "i wish i wasn't alive",
    "i wish i'd never been born", "i'd be better off dead",
    "everyone would be better off without me",
    "there's no reason to live", "i have nothing to live for", "life isn't worth living",
    "i can't go on", "i can't do this anymore", "i can't take it anymore",
    "i want to disappear forever", "nobody would miss me", "i'm done with life",
    "i'm tired of living", "i'm going to take all my pills", "i want to overdose",
    "i'm thinking of ending things", "i have pills saved up", "i bought a rope",
    "i've written my goodbye letters", "i'm giving my things away",
    "nobody would notice if i died", "everyone would be happier if i wasn't here",
    "they'd be better off without me", "i don't see any way out", "i'd rather be dead",
    "i self harmed", "what's the point of living", "i keep thinking about not being here",
    "i just want to disappear", "i've lost the will to live",
]
