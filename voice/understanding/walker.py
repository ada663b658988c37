"""Matching one template against a sentence's words, the way a backtracking regex would.

Used by :class:`voice.understanding.intents.Matcher`, which decides which templates to try.
"""

from __future__ import annotations

from typing import Any

from voice.understanding.grammar import Alt, Grammar, Node, Rule, Seq, Slot, Word

Step = tuple[int, tuple[tuple[str, Any], ...]]  # (where a match ends, the slots it filled)


def _unique(steps: list[Step]) -> list[Step]:
    """The same end with the same slots twice is one way, kept where it came first."""
    seen: set[Step] = set()
    out = []
    for step in steps:
        if step not in seen:
            seen.add(step)
            out.append(step)
    return out


class Walker:
    """Matches one template against words, the way a backtracking regex would.

    Alternatives are tried in order, slot phrases longest first, and filler
    (``skip``) before any word is taken greedily, as many as possible first. The
    first complete path wins, so the slots are those of the first reading. No
    regular expressions are compiled: building every mode's matcher is quick.
    """

    def __init__(self, grammar: Grammar, skip: frozenset[str]) -> None:
        self.grammar = grammar
        self.skip = skip
        self._tables: dict[str, tuple[dict[str, Any], dict[str, list[tuple[str, ...]]]]] = {}
        self._longest: dict[int, int] = {}

    def table(self, name: str) -> tuple[dict[str, Any], dict[str, list[tuple[str, ...]]]]:
        """A slot list's phrase -> value, and its phrases by first word, longest first."""
        if name not in self._tables:
            values = {" ".join(v.words): v.value for v in self.grammar.lists[name].values}
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for phrase in sorted(values, key=len, reverse=True):
                words = tuple(phrase.split())
                by_first.setdefault(words[0], []).append(words)
            self._tables[name] = (values, by_first)
        return self._tables[name]

    def skips(self, words: tuple[str, ...], i: int) -> range:
        """Where a word may start after filler at ``i``: the most filler first."""
        j = i
        if self.skip:
            while j < len(words) and words[j] in self.skip:
                j += 1
        return range(j, i - 1, -1)

    def paths(self, node: Node, words: tuple[str, ...], i: int,
              memo: dict[tuple[int, int], list[Step]]) -> list[Step]:
        """Every way ``node`` can match from word ``i``: (end, slots it fills), first first.

        Kept per sentence in ``memo``, so a rule shared by many templates, or met
        again after other filler, is walked once.
        """
        key = (id(node), i)
        found = memo.get(key)
        if found is not None:
            return found
        out: list[Step] = []
        if isinstance(node, Word):
            out = [(k + 1, ()) for k in self.skips(words, i)
                   if k < len(words) and words[k] == node.text]
        elif isinstance(node, Slot):
            values, by_first = self.table(node.name)
            for k in self.skips(words, i):
                for phrase in by_first.get(words[k], ()) if k < len(words) else ():
                    if words[k:k + len(phrase)] == phrase:
                        out.append((k + len(phrase),
                                    ((node.slot_name, values[" ".join(phrase)]),)))
        elif isinstance(node, Rule):
            out = self.paths(self.grammar.rules[node.name], words, i, memo)
        elif isinstance(node, Seq):
            out = [(i, ())]
            for item in node.items:
                out = _unique([(end, slots + more) for start, slots in out
                               for end, more in self.paths(item, words, start, memo)])
                if not out:
                    break
        else:
            assert isinstance(node, Alt)
            out = _unique([step for option in node.options
                           for step in self.paths(option, words, i, memo)])
        memo[key] = out
        return out

    def first_words(self, node: Node) -> frozenset[str] | None:
        """Words a match of ``node`` can begin with; None when it can match nothing at all."""
        if isinstance(node, Word):
            return frozenset((node.text,))
        if isinstance(node, Slot):
            return frozenset(self.table(node.name)[1])
        if isinstance(node, Rule):
            return self.first_words(self.grammar.rules[node.name])
        if isinstance(node, Alt):
            out: set[str] = set()
            for option in node.options:
                first = self.first_words(option)
                if first is None:
                    return None
                out |= first
            return frozenset(out)
        assert isinstance(node, Seq)
        seen: set[str] = set()
        for item in node.items:
            first = self.first_words(item)
            if first is not None:
                return frozenset(seen | first)
            seen |= self._optional_first(item)
        return None

    def _optional_first(self, node: Node) -> set[str]:
        """The first words of an item that may also match nothing."""
        if isinstance(node, Rule):
            return self._optional_first(self.grammar.rules[node.name])
        if isinstance(node, Alt):
            return set().union(*(self.first_words(o) or self._optional_first(o)
                                 for o in node.options))
        if isinstance(node, Seq):
            out: set[str] = set()
            for item in node.items:
                first = self.first_words(item)
                if first is not None:
                    return out | first
                out |= self._optional_first(item)
            return out
        return set()

    def required(self, node: Node) -> list[frozenset[str]]:
        """Word sets a sentence must touch for ``node`` to match: each needs one of its words.

        A quick test that rules out most templates before any walking.
        """
        if isinstance(node, Word | Slot):
            first = self.first_words(node)
            return [first] if first else []
        if isinstance(node, Rule):
            return self.required(self.grammar.rules[node.name])
        if isinstance(node, Seq):
            return [need for item in node.items for need in self.required(item)]
        assert isinstance(node, Alt)
        firsts = [self.first_words(option) for option in node.options]
        if any(first is None for first in firsts):
            return []  # optional
        return [frozenset().union(*(f for f in firsts if f is not None))]

    def longest(self, node: Node) -> int:
        """The most words a match of ``node`` can take, filler aside."""
        key = id(node)  # the grammar's nodes live as long as this walker
        found = self._longest.get(key)
        if found is not None:
            return found
        if isinstance(node, Word):
            found = 1
        elif isinstance(node, Slot):
            found = max((len(v.words) for v in self.grammar.lists[node.name].values), default=0)
        elif isinstance(node, Rule):
            found = self.longest(self.grammar.rules[node.name])
        elif isinstance(node, Seq):
            found = sum(self.longest(item) for item in node.items)
        else:
            assert isinstance(node, Alt)
            found = max((self.longest(option) for option in node.options), default=0)
        self._longest[key] = found
        return found

    def fullmatch(self, node: Node, words: tuple[str, ...],
                  memo: dict[tuple[int, int], list[Step]]) -> dict[str, Any] | None:
        for end, slots in self.paths(node, words, 0, memo):
            if all(w in self.skip for w in words[end:]) if self.skip else end == len(words):
                return dict(slots)
        return None
