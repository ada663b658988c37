"""The crisis response: what Attune says and prints, with the crisis line of the person's
region (from the settings, ATTUNE_REGION or the locale).
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CrisisLine:
    region: str  # "US", "GB", "IE", "CA" or "" for anywhere else
    spoken: str  # how to reach help, written for the voice
    printed: str  # the same with numbers and addresses
    emergency_spoken: str
    emergency_printed: str


_US_EMERGENCY = ("If you are in danger right now, please call nine one one.",
                 "If you are in danger right now, call 911.")
_LINES = {
    "US": CrisisLine(
        "US", "In the US, you can call or text nine eight eight, any time, day or night.",
        "US: call or text 988 (988 Suicide & Crisis Lifeline), any time. "
        "Chat: https://988lifeline.org", *_US_EMERGENCY),
    "CA": CrisisLine(
        "CA", "In Canada, you can call or text nine eight eight, any time, day or night.",
        "Canada: call or text 988 (9-8-8 Suicide Crisis Helpline), any time. "
        "https://988.ca", *_US_EMERGENCY),
    "GB": CrisisLine(
        "GB", "You can call Samaritans, free, any time, on one one six, one two three.",
        "UK: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call nine nine nine.",
        "If you are in danger right now, call 999."),
    "IE": CrisisLine(
        "IE", "You can call Samaritans, free, any time, on one one six, one two three.",
        "Ireland: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call one one two, or nine nine nine.",
        "If you are in danger right now, call 112 or 999."),
    "": CrisisLine(
        "", "There is a free list of crisis lines for your country at find a helpline dot com.",
        "Find a free, confidential crisis line in your country: https://findahelpline.com",
        "If you are in danger right now, please call your local emergency number.",
        "If you are in danger right now, call your local emergency number."),
}
_ALIASES = {"UK": "GB", "USA": "US", "UNITED STATES": "US", "UNITED KINGDOM": "GB",
            "IRELAND": "IE", "CANADA": "CA", "NI": "GB"}


def resolve_region(region: str | None = None) -> str:
    """A region code from the argument, ``ATTUNE_REGION`` or the locale ("" if unknown)."""
    for candidate in (region, os.environ.get("ATTUNE_REGION"), _locale_region()):
        if candidate:
            code = candidate.strip().upper().replace("-", "_")
            code = _ALIASES.get(code, code)
            return code if code in _LINES else ""
    return ""


def _locale_region() -> str | None:
    # LANG=en_GB.UTF-8 -> GB. "C" and "POSIX" say nothing about where someone lives.
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", value)
            return match.group(1) if match else None
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        return None
    match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", name)
    return match.group(1) if match else None


@dataclass(frozen=True)
class CrisisResponse:
    region: str
    spoken: str  # short, calm sentences for the voice
    printed: str  # the same, with numbers and web addresses
    practice: str = "grounding-54321"  # what "do a grounding practice together" starts


_OPENING = ("I'm really glad you said something. What you're feeling matters, and you matter. "
            "I'm only a small program, and I can't help with this on my own. "
            "Please reach out to someone who can help, right now.")
_OFFER_SPOKEN = ("If you'd like, we can do a grounding practice together while you reach out. "
                 "Just say, start grounding.")
_OFFER_PRINTED = ("If you'd like, we can do a grounding practice together while you reach out: "
                  "attune run grounding-54321")


def crisis_response(region: str | None = None) -> CrisisResponse:
    """What to say and show when someone may be in danger."""
    line = _LINES[resolve_region(region)]
    spoken = " ".join((_OPENING, line.spoken, line.emergency_spoken, _OFFER_SPOKEN))
    printed = "\n".join((_OPENING, "", line.printed, line.emergency_printed, "",
                         _OFFER_PRINTED))
    return CrisisResponse(line.region, spoken, printed)
