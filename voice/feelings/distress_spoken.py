"""The hard moment as people say it, for the speech grammar (kept apart from
:mod:`voice.feelings.distress`, whose patterns take about 0.1 s to compile: the grammar
is built without them)."""

from __future__ import annotations

# Spoken phrasings for the speech grammar, so distress is heard rather than
# rejected as out of grammar. Every one is detected (tests check), and every
# word is in the pocketsphinx dictionary ("hyperventilating" is not, so it is
# left to the open-vocabulary recognizers).
DISTRESS_PHRASES: tuple[str, ...] = (
    "i'm panicking", "panicking", "i'm having a panic attack", "i think i'm having a panic attack",
    "i'm having an anxiety attack", "i can't calm down", "i'm freaking out", "i'm losing it",
    "i'm so scared", "i can't stop panicking",
    "i can't breathe", "i can't catch my breath", "i can't get enough air",
    "i can't slow my breathing down",
    "i'm shaking", "i can't stop shaking", "my hands are shaking", "i'm trembling",
    "my heart is racing", "my heart is pounding", "my chest is so tight",
    "everything is spinning", "the room is spinning", "i feel like i'm going to pass out",
    "it's too much", "it's too much right now", "it's all too much", "everything is too loud",
    "i can't cope", "i can't stop crying", "i'm spiralling", "i'm spiraling",
    "i'm falling apart", "i'm having a meltdown", "make it stop", "please make it stop",
    "the walls are closing in",
    "nothing feels real", "everything feels unreal", "i don't feel real",
    "i feel like i'm not in my body", "i don't know where i am",
    "help me", "please help me", "help me please", "somebody help me", "help help",
)
