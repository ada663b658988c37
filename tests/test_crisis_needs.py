"""The literal needs that let crisis detection skip patterns: sound, and kept up to date."""

from __future__ import annotations

from pathlib import Path

import yaml

from voice.feelings.crisis import _PATTERNS, pattern_texts
from voice.feelings.crisis_needs import _known, key, needs
from voice.feelings.vocabulary import words

PHRASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "crisis_phrases.yaml").read_text(encoding="utf-8"))


def test_a_pattern_needs_one_of_its_literal_runs() -> None:
    assert needs(r"\bkill(?:ing)? myself\b") in ({"kill"}, {" myself"})
    assert needs(r"\b(?:want|need) to die\b") == {" to die"}
    assert needs(r"\b(?:die|hurt)\b") == {"die", "hurt"}
    # Lookarounds take no room: "i'm" and " done" stay next to each other.
    assert needs(r"\bi'm(?! not) done\b") == {"i'm done"}


def test_nothing_is_needed_where_a_part_may_be_left_out() -> None:
    assert needs(r"(?:kill)?") is None
    assert needs(r"(?:die|)") is None
    assert needs(r"[a-z]+") is None
    assert needs(r"(?i)kill") is None


def test_every_match_holds_one_of_its_patterns_needs() -> None:
    texts = [c["text"] for c in PHRASES["crisis"]] + PHRASES["not_crisis"]
    joined = [" ".join(words(t)) for t in texts]
    for pattern in _PATTERNS:
        for text in joined:
            if pattern.regex.search(text) is not None:
                assert pattern.needs is None or any(n in text for n in pattern.needs), (
                    pattern.regex.pattern[:60], text)


def test_the_kept_needs_are_up_to_date() -> None:
    # Rewrite with `python tools/write_crisis_needs.py`: stale costs time, not safety.
    known = _known()
    for pattern in pattern_texts():
        found = needs(pattern)
        assert known.get(key(pattern), "missing") == (None if found is None else sorted(found))
