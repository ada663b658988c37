"""Crisis said as something done to the body, read by the backstop of
:mod:`voice.feelings.crisis_backstop`.

Stopping a medicine one lives by, or any, so as to die ("i'm going to stop taking my
insulin", "i skipped dialysis on purpose", "i've stopped my meds so it ends sooner");
substances taken so as not to wake ("vodka with my sleeping pills tonight", "enough heroin
to go out for good", "drinking bleach"), pills already taken, letting oneself die; self-harm
in everyday words ("scratched my legs with a razor", "punch the wall until my knuckles
split", "picking the cuts open", "a hot iron on my wrist"); a gun or a sealed garage at hand.
Their twins stay out: "remind me to take my insulin", "i stopped the antibiotics because the
course finished", "i burnt my arm on the oven", "i cut my finger chopping onions".
Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

_DRUG = (r"(?:pills|tablets|meds|medication|medicine|painkillers|sleeping pills|sleepers"
         r"|morphine|heroin|fentanyl|oxy\w*|codeine|tramadol|opioids|paracetamol|insulin"
         r"|antidepressants|gear|smack)")
_LIFELINE = (r"(?:insulin|dialysis|heart (?:pills|tablets|medication|meds)|blood thinners"
             r"|chemo|anti rejection (?:drugs|meds|pills)|transplant (?:drugs|meds|pills))")
_BODY = (r"(?:legs?|arms?|wrists?|thighs?|skin|stomach|belly|hips?|ankles?|hands?|chest"
         r"|forearms?|shoulders?)")

_ACTS = re.compile(
    r"\b(?:"
    # so as to die, or to hurry the end
    r"so (?:that )?(?:i'll|i will|i|i can|i'd|i might|i would) (?:die|not wake up|never wake"
    r" up|waste away|fade away|(?:go|be gone|die) (?:quicker|sooner|faster|quickly))" + END
    + r"|so (?:that )?(?:it|this|everything|it all|the end) (?:ends|will end|comes|will come"
    r"|finishes|is over|'s over) (?:sooner|quicker|faster|soon|quickly)" + END
    # a medicine one lives by, stopped
    + r"|(?:stop|stopped|stopping|quit|quitting|skip|skipped|skipping|refuse|refusing"
    r"|refused|not taking|no longer taking|won't take) (?:taking |having |going to )?(?:my )?"
    + _LIFELINE + r"(?= *$| (?:on purpose|so|and|anymore|now|for good)\b| [,.!?])"
    + r"|(?:stopped|stopping|stop|skipped|skipping|skip|quit|not taking) (?:taking )?(?:my |all"
    r" my |the )?" + _DRUG + r"(?: [\w']+){0,3} (?:on purpose|so (?:i|it) (?:die|dies|ends|'ll"
    r"|will|can)|to (?:die|end it|make it stop|go quicker|hurry))"
    # kept back for the end
    r"|(?:hoarding|hoarded|stockpiling|stockpiled|stashing|stashed|squirrelling away) (?:my |the"
    r" |all my |some |up )?(?:[\w']+ )?" + _DRUG
    + r"|for when i (?:decide|choose|want|need|'m ready|am ready) to (?:go|die|do it|end it)" + END
    # substances so as not to wake
    + r"|(?:vodka|whisky|whiskey|wine|gin|alcohol|booze|rum|drink) (?:with|and) (?:my |the |all"
    r" my |some |all the )?(?:sleeping )?(?:pills|tablets|meds|sleepers)(?: [\w']+){0,2}"
    r" (?:tonight|so|to (?:not|never) wake|for good)"
    r"|enough (?:[\w']+ )?" + _DRUG + r" to (?:go out|die|not wake up|never wake up|end it|do it"
    r"|kill (?:me|myself)|finish (?:me|it)|stop my heart)"
    r"|(?<!like )(?:drink|drinking|drank|drunk|swallow|swallowed|swallowing|sipping|sip)"
    r" (?:some |the |a bit of |a little |more )?(?:bleach|antifreeze|weedkiller|drain cleaner"
    r"|rat poison)"
    r"|(?:taken|took|swallowed|necked|downed) (?:them |it )?,? ?(?:the|a) whole (?:packet"
    r"|bottle|box|strip|pot|tub)" + END
    + r"|(?:let|letting|allow|allowing) myself (?:to )?(?:die|waste away|starve|fade away"
    r"|slip away)" + END
    # self-harm in everyday words
    + r"|(?:scratched|scratch|scratching|cut|cutting|sliced|slicing|slashed|slashing|carved"
    r"|carving|dug|digging|dig) (?:into )?my " + _BODY + r" (?:with|using) (?:a|the|my|some)"
    r" (?:razor|blade|knife|scissors|compass|glass|pin|needle|sharpener|broken \w+)"
    r"|(?:punch|punched|punching|hit|hitting|smash|smashed|smashing) (?:the |a )?walls?"
    r"(?: [\w']+){0,2} (?:on purpose|until|till|to feel|to punish|so hard (?:that|it))"
    r"|until my (?:knuckles|hands|skin|fists?) (?:split|bleed|bled|crack|cracked|bruise)"
    r"|(?:picking|pick|picked|reopening|reopen|reopened|opening|open|opened|tearing|tear"
    r"|ripping|rip) (?:at )?(?:the |my )?(?:cuts|scars|wounds|stitches|scabs) (?:open|back"
    r" open|so they (?:don't|won't|can't|never) heal)"
    r"|(?:pressed|press|pressing|held|hold|holding|put|putting|stubbed|stub) (?:a |the |my )?"
    r"(?:hot |lit )?(?:iron|lighter|cigarette|match|spoon|knife|curling iron|straighteners)"
    r" (?:on|to|against|into|out on) my " + _BODY
    + r"|(?:on|to|against|into) my " + _BODY + r" to punish myself"
    # given away and written to everyone
    r"|(?:given|giving|gave|give) (?:away )?my (?:dog|cat|pets?|rabbit|budgie|hamster|horse"
    r"|guinea pig|bird|parrot|tortoise|snake)(?: away)?" + END
    + r"|(?:rehomed|rehoming|rehome) my (?:dog|cat|pets?|rabbit|budgie|hamster|horse)" + END
    + r"|(?:written|wrote|writing) (?:letters|notes|a letter|a note) to (?:everyone|everybody"
    r"|all of them|each of them|my whole family)" + END
    # a means at home
    + r"|(?:gun|gun's|pistol|pistol's|rifle|rifle's|shotgun|shotgun's|revolver)(?: [\w']+){0,3}"
    r" (?:loaded|in my lap|in my mouth|to my head|against my head)"
    r"|(?:gun|pistol|rifle|shotgun|revolver)(?: [\w']+){0,8} (?:can't stop|keep|been|kept)"
    r" (?:looking|staring) at it"
    r"|(?:sealed|sealing|taped|taping|blocked) (?:up )?(?:the )?(?:garage|gaps|doors?|windows?"
    r"|vents?)(?: door)?(?: [\w']+){0,4} (?:car's|car is|engine's|engine is) running"
    r"|(?:car|engine)(?:'s| is)? running in the (?:closed |shut |locked )?garage"
    r"|hose (?:from|on|to|into) the exhaust"
    r")")
# A sentence with none of these words cannot match: the patterns are not tried.
_TRIGGER_WORDS = """
    so stop stopped stopping quit quitting skip skipped skipping refuse refusing refused
    taking hoarding hoarded stockpiling stockpiled stashing stashed squirrelling when
    vodka whisky whiskey wine gin alcohol booze rum drink enough drink drinking drank
    drunk swallow swallowed swallowing sipping sip taken took necked downed let letting
    allow allowing scratched scratch scratching cut cutting sliced slicing slashed
    slashing carved carving dug digging dig punch punched punching hit hitting smash
    smashed smashing until picking pick picked reopening reopen reopened opening open
    opened tearing tear ripping rip pressed press pressing held hold holding put putting
    stubbed stub punish gun gun's pistol pistol's rifle rifle's shotgun shotgun's
    revolver sealed sealing taped taping blocked running hose given giving gave give
    rehomed rehoming rehome written wrote writing take"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def acts(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied just before them."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    return clause_undenied(_ACTS, text)
