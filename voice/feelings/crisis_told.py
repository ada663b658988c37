"""Crisis told plainly but sideways, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (an eleventh writer's phrasings, round 12).

Not wanting to be on this earth; wishing one could just not wake, going to sleep and
never coming back; stopping existing, or dying of an illness, as a relief; the where
and when written down; cutting deeper this time; looking over the edge of a high place;
doing "it" once the others are asleep tonight; a goodbye nobody understood, not needing
the app after tonight; the insurance worth more than oneself; taking oneself out of the
picture for good; not eating because one doesn't deserve to; burns and scalds on
purpose; cutting again after years clean; slang for killing oneself ("neck myself", "do
away with myself", "eat a bullet"); a means taken along and not coming back; wanting
oneself to stop; thinking about all the pills, or how near the bridge is; never having
to feel anything again; wanting to hurt the body; wanting out of life; not feeling safe
with oneself; pills counted and all of them to be taken; a note left somewhere; "end"
misheard as "and". Their twins stay out by what follows or what is missing: "what i
want out of life", "going deeper into the topic", "take them all like the doctor said",
"take myself out of the picture for a while". Each is read as lowercase words joined by
spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import first_undenied

_HIGH = r"(?:car park|multi storey|building|bridge|block|tower|cliff|flats|hotel|roof)"
_MEANS = r"(?:pills|tablets|meds|painkillers|paracetamol|sleeping pills|sleeping tablets)"
_BODY = r"(?:hand|hands|arm|arms|leg|legs|wrist|wrists|skin|thigh|thighs|stomach|face|foot)"
_ALONE = r"(?= *[.!?]* *$)"

_TOLD = re.compile(
    r"\b(?:"
    # not wanting to be on this earth
    r"(?:don't|dont|do not) (?:want to|wanna|see the point in|see the point of|see any point in)"
    r" (?:be|being|stay|staying) (?:on|in) this (?:earth|planet|world)"
    # not waking, and sleeping without coming back
    r"|(?:wish|wished|hope|hoping) i could (?:just )?(?:not|never) wake(?: up)?"
    r"(?: tomorrow| again| in the morning)?" + END
    + r"|(?:go to sleep|fall asleep|sleep|go away) and never (?:have to )?(?:come back|wake up"
    r"|wake)" + END
    # stopping existing as a relief
    + r"|(?:fine|relieved|a relief|glad|grateful|happy|okay) if i (?:just )?(?:stopped existing"
    r"|ceased to exist|died|didn't wake up|wasn't here anymore)" + END
    + r"|if i (?:just )?(?:stopped existing|ceased to exist|got (?:ill|sick|cancer) and died"
    r"|died in my sleep)(?: [\w',]+){0,5}? (?:relief|relieved|glad|grateful|wouldn't mind)\b"
    # the where and when
    r"|(?:written down|wrote down|worked out|decided|picked|chosen|planned) (?:the )?(?:where"
    r" and when|when and where|how and when|when and how|where and how|how and where)" + END
    # a high place, looking over
    + r"|(?:on|at) (?:the )?(?:top floor|top|roof|edge|rooftop) of (?:the |a |my )?" + _HIGH
    + r"(?: [\w']+){0,3} (?:looking|staring|peering|leaning) over the edge"
    # doing it while the others sleep
    r"|(?:going to|gonna|i'll|i will|planning to) do it (?:when|once|after|while) (?:the kids"
    r"|everyone|everybody|they|he|she|my \w+) (?:are |is |'re |'s |have |has )?(?:asleep"
    r"|gone to bed|in bed) tonight"
    # goodbyes nobody understood; the app not needed after tonight
    r"|goodbye\b(?: [\w',]+){0,6} (?:doesn't|don't|didn't|does not) (?:know|realise|realize"
    r"|get) what i meant"
    r"|goodbye\b.* (?:won't|will not|wont) (?:be needing|need) (?:this|it|any of this|anything"
    r"|you|this app) (?:anymore |any more )?(?:after|past|beyond) (?:tonight|today|tomorrow)"
    # worth more gone
    r"|(?:life insurance|insurance|payout|policy) (?:would|will|could) (?:do|be worth|help|give)"
    r" (?:them |my \w+ )?more(?: for (?:them|my \w+))? than i (?:ever )?(?:could|can|would|do)"
    r"|(?:take|taking|took|remove|removing) myself out of (?:the|this) (?:picture|equation)"
    r" (?:for good|forever|for ever|permanently|once and for all)"
    # the body punished
    r"|(?:blade|blades|razor|razors|knife|cutting)\b(?: [\w',]+){0,10} (?:go|going|cut|cutting)"
    r" deeper"
    r"|(?:haven't|have not|havent|not|stopped) (?:eaten|eating)(?: [\w']+){0,4} (?:because"
    r"|cause|cos|as) i (?:don't|do not|dont) deserve"
    r"|(?:poured|pour|pouring|held|hold|holding|pressed|press|pressing|put|putting) (?:the |a )?"
    r"(?:boiling |hot )?(?:kettle|water|iron|lighter|flame|cigarette|pan|oil) (?:on|onto|against"
    r"|over) my " + _BODY + r" (?:on purpose|deliberately|to feel|to punish)"
    r"|(?:clean|free) (?:from|of) (?:cutting|self harm|self harming|harming|hurting myself"
    r"|burning)(?: [\w']+){0,5}? (?:and|but) (?:i |i've )?(?:did it|done it|cut|started|relapsed"
    r"|went back)(?: [\w']+){0,2}? again"
    # slang
    r"|(?:neck|necking|necked|do away with|doing away with|did away with) myself"
    r"|(?:eat|eating|ate) (?:a|the) bullet|eat my gun"
    # a means along, and not coming back
    r"|(?:with|take|taking|bring|bringing|got) (?:the|a|my) (?:rope|pills|gun|noose|blade|tablets"
    r"|knife)(?: [\w']+){0,2}? and (?:not|never) (?:coming|come|going to come) back"
    # wanting oneself to stop; never to feel again
    r"|(?<!you )(?<!they )(?<!he )(?<!she )(?<!do )(?:want|wanna) me to stop" + _ALONE
    + r"|(?:all )?stop for good ,? like me stopping"
    r"|(?:make it so|so that|so) i (?:never|don't ever|won't ever) (?:have to )?feel anything"
    r" (?:ever )?again"
    # means thought about, or how near
    r"|(?:thinking|think|thought) (?:about|of) (?:the|my|all the|all my) " + _MEANS
    + r"(?: [\w']+){0,4} ,? (?:all of them|every one of them|the lot)"
    r"|(?:keep|kept|can't stop) thinking (?:that |about how )?(?:the )?(?:bridge|tracks|cliff"
    r"|cliffs|river|railway|edge|roof|car park) (?:is|are)(?: only| just)? (?:[\w']+ ){1,2}"
    r"(?:minutes?|mins?|miles?|walk|drive) away"
    # the body, life, oneself
    r"|body\b(?: [\w',]+){0,6} (?:want|wanna|going) to (?:hurt|cut|burn|punish|hit) it\b"
    r"|(?<!what i )(?<!what do i )(?<!what you )(?<!what do you )want (?:out of|to be out of)"
    r" (?:life|living|existence)" + END
    + r"|(?:don't|do not|dont) (?:feel )?safe (?:with|around|from|by) myself"
    r"|not safe (?:with|around|from|by) myself|(?:can't|cannot) keep myself safe"
    # pills counted, all to be taken; a note left
    r"|" + _MEANS + r"\b(?: [\w',]+){0,6} (?:going to|gonna|i'll|i will|about to|want to)"
    r" (?:take|swallow|down) (?:them all|all of them|the lot|every one|the whole lot)"
    r"(?= *[.!?]* *$| (?:tonight|now|at once|in one go|together)\b)"
    r"|(?:written|wrote|left|finished) (?:my|the) (?:suicide |goodbye |last |final )?note"
    r" (?:[.,!] )?(?:it's|it is|i've left it|i left it) (?:on|in|under|by|next to) (?:the|my)"
    r" [\w']+" + _ALONE
    # "end" misheard
    + r"|(?:want|going|gonna|wanna) to and it all(?= *[.!?]* *$| [,.!?]| i'm)"
    r")")


def told(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied just before them."""
    return first_undenied(_TOLD, text)
