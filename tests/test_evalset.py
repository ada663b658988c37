"""The benchmark's evaluation set is labelled right: every in-domain phrasing types
to exactly its intent and slots, and no out-of-domain sentence parses at all. A
wrong label would count a right answer as a miss (or the reverse) in bench_ears."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from voice.understanding.intents import default_matcher

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import evalset

INSIDE, OUTSIDE = evalset.phrases()


@pytest.mark.parametrize("phrase", INSIDE, ids=lambda p: p.text)
def test_in_domain_phrase_types_to_its_label(phrase: evalset.Phrase) -> None:
    got = default_matcher("idle").match(phrase.text)
    assert got is not None and (got.name, dict(got.slots)) == (phrase.intent, phrase.slots)


@pytest.mark.parametrize("phrase", OUTSIDE, ids=lambda p: p.text)
def test_out_of_domain_sentence_does_not_parse(phrase: evalset.Phrase) -> None:
    assert default_matcher("idle").match(phrase.text) is None
