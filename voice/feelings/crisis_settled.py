"""A plan told with its means or with things put in order, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (a twelfth writer's phrasings, round 13).

Affairs put in order (a pet given to someone, the will sorted, letters written to
everyone) said with leaving ("i'm going tonight", "i'm not going to be here", "the lights
are going out for me"); a euphemism for leaving made permanent ("check out, like
permanently") with a note or the means; the means named as the plan or the way out ("my
exit plan is the pills", "looking at the shotgun ... that's my way out"); a means with not
going through with it yet, or nobody stopping me this time; enough saved up to end it;
drugs put aside with a decision; the spot picked for a high place; working out how to do
it with the means; a death that pays, then "that's what i'm going to do"; driving or
jumping off a high place, almost jumping in front of a train, asking whether jumping
from one would hurt. Their twins stay out by a missing means or what follows: "the nurse
put the morphine aside for the patient", "the farmer keeps a shotgun in the shed for
foxes", "i gave my cat to my neighbour while i'm on holiday", "i've picked the spot for the
picnic". Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied, first_undenied

_PET = (r"(?:dog|cat|pets?|rabbit|budgie|hamster|horse|guinea pig|bird|parrot|tortoise|snake"
        r"|fish|puppy|kitten)")
# Means of dying, named as such ("the pills", "the shotgun", "the bridge").
_MEANS = (r"(?:pills|tablets|meds|medicine|medication|morphine|painkillers|paracetamol"
          r"|sleeping pills|sleeping tablets|insulin|rope|noose|gun|shotgun|rifle|pistol|bridge"
          r"|cliff|tracks|railway|blade|blades|razor|razors|overdose)")
_HIGH = (r"(?:cliff|bridge|edge|roof|rooftop|car park(?: roof)?|multi storey|building|tower"
         r"|ledge|balcony|top floor)")

# Things put in order, and leaving, each a half: both in one sentence count.
_AFFAIRS = re.compile(
    r"\b(?:(?:given|gave|giving|rehomed|rehoming) (?:away )?my " + _PET + r" to"
    r"|(?:sorted|sorting|done|made|written|wrote|finished|updated) (?:out )?(?:the|my) will"
    r"|(?:written|wrote|writing) (?:everyone|everybody|all of them) (?:a )?(?:letters?|notes?)"
    r"(?! (?:for|about|to say thanks|thanking)\b)"
    r"|said (?:my|all my) goodbyes)\b")
_LEAVING = re.compile(
    r"\b(?:(?:i'm|im|i am) (?:not going to|not gonna|never going to) be (?:here|around)" + END
    + r"|(?:i'm|im|i am) going (?:tonight|soon|this week|tomorrow)" + END
    + r"|(?:the )?lights? (?:are|is) going out for me"
    r"|(?:last|final) chapter for me)")

_SETTLED = re.compile(
    r"\b(?:"
    # leaving made permanent, with a note or the means
    r"(?:(?:check|checking|log|logging|bow|bowing|tap|tapping|sign|signing) out|(?:i'm|im|i am)"
    r" out) ,? (?:like |just )?,? ?(?:dead out|permanently|for good|forever|for ever)\b"
    r"(?=.*\b(?:note|notes|letter|letters|"
    + _MEANS[3:-1] + r")\b)"
    # gone already, and making it real
    r"|(?:already|basically|practically|as good as) (?:gone|dead)\b(?: [\w',]+){0,6}"
    r" (?:make|making) it (?:real|permanent|final|official)(?: tonight| soon| today)?" + END
    # the means as the plan or the way out
    + r"|(?:exit|retirement|escape|five day|real|only) plan is (?:literally |just |basically"
    r" |honestly |simply )?(?:the |my |a )?" + _MEANS + r"\b"
    r"|" + _MEANS + r"\b(?: [\w',]+){0,6} (?:that's|that is|is|as) (?:my|the) (?:only )?(?:way"
    r" out|exit|answer|escape)" + END
    # a means, and not yet gone through with it; nobody stopping me this time
    + r"|\b" + _MEANS + r"\b(?: [\w',]+){0,8} (?:i )?(?:just )?(?:couldn't|could not|didn't"
    r"|can't|did not) (?:quite )?go through with it (?:yet|this time)" + END
    + r"|\b" + _MEANS + r"\b(?: [\w',]+){0,10} (?:nobody's|nobody is|no one's|no one is"
    r"|nobody) (?:going to )?(?:stop|stopping) me this time"
    # enough saved up to end it
    r"|enough (?:[\w']+ ){0,3}(?:saved|stashed|put aside|hidden|kept)(?: up)? to (?:end it"
    r"|end things|end my life|finish it|do it|kill myself|not wake up)" + END
    # drugs put aside, with a decision
    + r"|(?:decided|made up my mind|for good)\b(?: [\w',]+){0,12} (?:got|have|kept) (?:the |my )?"
    + _MEANS + r" (?:put|set|squirrelled|tucked) (?:aside|away)" + END
    # the spot picked for a high place; how to do it worked out with the means
    + r"|" + _HIGH + r"\b(?: [\w',]+){0,6} (?:i've|i have|i) (?:picked|chosen|found|scouted)"
    r" (?:out )?the (?:spot|place|exact spot|day|date) (?:to|where i'll|where i will|for)"
    r" (?:jump|do it|end it|go off)"
    + r"|(?:working out|worked out|figuring out|deciding|decided|planning) how (?:i'll|i will"
    r"|i'm going to|i'm gonna|to) do it ,? (?:the |my )?(?:[\w']+ )?" + _MEANS + r"\b"
    # a death that pays, then doing it
    r"|if i (?:was|were|wasn't|weren't) (?:dead|gone|here|around)\b(?: [\w',]+){0,3}"
    r" (?:that's what i'm going to do|that's what i'll do|so i'm going to do it)"
    # off a high place, in front of a train
    r"|(?:i'm going to|i'm gonna|i'll|decided to|want to|planning to|going to) (?:drive|jump"
    r"|walk|step|throw myself) off (?:it|the " + _HIGH + r")" + END
    + r"|i (?:[\w']+ ){0,8}?(?:and )?(?:almost|nearly|very nearly|so nearly) (?:jumped|stepped"
    r"|walked|threw myself) (?:out )?in front of (?:the|a) (?:train|bus|lorry|truck|tram|car)"
    r"|would it hurt (?:if i|to) (?:jumped|jump) (?:from|off) (?:the |a )?" + _HIGH
    + r"\b(?=.*\b(?:thinking of|thinking about|going to|planning to) (?:doing it|do it)\b)"
    r")")

# The last of something before ending it ("they don't know it's the last one before i end
# it"): a denial before it is someone else's not knowing, so only two words back count.
_LAST_BEFORE = re.compile(r"\b(?:last|final) (?:one|message|text|time|thing|goodbye|day|night"
                          r"|call|word|words|hug) (?:[\w']+ ){0,2}before i (?:end it|end it all"
                          r"|end things|end my life|do it|kill myself)" + END)

_TRIGGER_WORDS = """given gave giving rehomed rehoming sorted sorting will written wrote
    writing goodbyes lights light chapter check checking log logging bow bowing tap tapping
    sign signing plan way exit answer escape through stopping stop enough decided mind good
    picked chosen found scouted working worked figuring deciding planning dead gone off
    almost nearly hurt last final already basically practically good out"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def settled(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    found = clause_undenied(_SETTLED, text) or first_undenied(_LAST_BEFORE, text)
    if found is not None:
        return found
    affairs, leaving = _AFFAIRS.search(text), _LEAVING.search(text)
    if affairs is not None and leaving is not None:
        return f"{affairs.group(0)} ... {leaving.group(0)}"
    return None
