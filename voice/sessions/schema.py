"""The session schema: checks a YAML tree and builds :mod:`voice.sessions.model` objects.

Every check appends a :class:`~voice.sessions.yamlsrc.Problem` at the offending node and
carries on, so one run reports everything wrong with a file. The rules are the
ones documented in ``scripts/README.md``; keep the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voice import paths
from voice.errors import did_you_mean
from voice.sessions.model import (
    BREATH_TONES,
    CATEGORIES,
    DEFAULT_BED_FADE_OUT,
    DEFAULT_PAUSE_RANGE,
    EXPECTS,
    FEELING_FAMILIES,
    NO_ANSWER,
    OTHER_ANSWER,
    Ask,
    Background,
    Breathe,
    Chime,
    Pause,
    Repeat,
    Say,
    Session,
    Step,
    template_fields,
)
from voice.sessions.yamlsrc import Pos, Problem, Y, from_plain

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRIGGER_RE = re.compile(r"^[a-z](?:[a-z' -]*[a-z])?$")
VAR_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
RANGE_RE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
# An intensity branch may be keyed by the feeling said before it (voice.engine.answers).
INTENSITY_QUALIFIERS = ("pleasant", "unpleasant", *FEELING_FAMILIES)

TOP_KEYS = ("id", "title", "category", "summary", "minutes", "triggers", "background",
            "rate_before_after", "short_intro", "length", "steps")
REQUIRED_TOP = ("id", "title", "category", "summary", "minutes", "triggers", "steps")
TAG_KEYS = ("optional", "intro")  # any step may carry these (model.Tags)
STEP_EXTRA = {
    "say": ("after", "otherwise", *TAG_KEYS),
    "pause": ("fill", *TAG_KEYS),
    "breathe": TAG_KEYS,
    "chime": TAG_KEYS,
    "ask": ("expect", "timeout", "save_as", "default", "reprompt", "choices", "branches",
            *TAG_KEYS),
    "repeat": TAG_KEYS,
}
LENGTH_KEYS = ("pauses",)
PAUSE_SHRINK_MIN, PAUSE_GROW_MAX = 0.2, 5.0
BREATHE_KEYS = ("inhale", "hold", "exhale", "hold_after", "cycles", "minutes", "count_aloud",
                "guide", "cues", "tone")
REPEAT_KEYS = ("times", "minutes", "steps")
BACKGROUND_KEYS = ("bed", "volume", "fade_out")


def sound_names(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.wav")) if folder.is_dir() else []


def _key(key: Any) -> str:
    return key if isinstance(key, str) else _show(key)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


class Checker:
    """Checks one session tree; ``problems`` collects every finding."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.cues = sound_names(paths.cues_dir())
        self.beds = sound_names(paths.beds_dir())
        self.feeling_asked = False  # an intensity may branch on a feeling asked before it
        self.fill_steps: list[Pos] = []

    def err(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.path, pos, message))

    # -- scalars -----------------------------------------------------------
    def text(self, y: Y, what: str) -> str | None:
        v = y.value
        if y.kind != "scalar":
            self.err(y.pos, f"{what} must be text, not a {'list' if y.is_seq else 'mapping'}")
        elif isinstance(v, bool):
            self.err(y.pos, f"{what} must be text, but YAML read {_show(v)} (unquoted yes/no/"
                     "on/off/true/false become true or false); put the text in quotes")
        elif v is None:
            self.err(y.pos, f"{what} is empty; write the text after the colon")
        elif not isinstance(v, str):
            self.err(y.pos, f"{what} must be text, not {type(v).__name__} {_show(v)}; "
                     "put it in quotes")
        elif not v.strip():
            self.err(y.pos, f"{what} is empty; write the text after the colon")
        else:
            return " ".join(v.split())
        return None

    def number(self, y: Y, what: str, lo: float, hi: float, unit: str = "",
               integer: bool = False, zero_ok: bool = False) -> float | None:
        v = y.value
        kind = "a whole number" if integer else "a number"
        if y.kind != "scalar" or isinstance(v, bool) or not isinstance(v, int | float):
            self.err(y.pos, f"{what} must be {kind}{' of ' + unit if unit else ''}, "
                     f"not {_show(v) if y.kind == 'scalar' else 'a ' + y.kind}")
            return None
        if integer and not float(v).is_integer():
            self.err(y.pos, f"{what} must be a whole number, not {v}")
            return None
        if zero_ok and v == 0:
            return 0.0
        if not lo <= v <= hi:
            also = "0 or " if zero_ok else ""
            self.err(y.pos, f"{what} must be {also}between {lo:g} and {hi:g}"
                     f"{' ' + unit if unit else ''} (got {v:g})")
            return None
        return float(v)

    def boolean(self, y: Y, what: str) -> bool | None:
        if y.kind != "scalar" or not isinstance(y.value, bool):
            self.err(y.pos, f"{what} must be true or false, not {_show(y.value)}")
            return None
        return bool(y.value)

    def word(self, y: Y, what: str, allowed: tuple[str, ...]) -> str | None:
        if y.kind != "scalar" or y.value not in allowed:
            self.err(y.pos, f"{what} must be one of {', '.join(allowed)}, not {_show(y.value)}")
            return None
        return str(y.value)

    def mapping(self, y: Y, what: str, allowed: tuple[str, ...],
                required: tuple[str, ...] = ()) -> dict[str, Y] | None:
        if not y.is_map:
            self.err(y.pos, f"{what} must be a mapping of {', '.join(allowed)}")
            return None
        out: dict[str, Y] = {}
        for key, key_pos, value in y.items():
            if key not in allowed:
                self.err(key_pos, f"unknown key '{_key(key)}' in {what}"
                         f"{did_you_mean(key, allowed)}")
                continue
            out[key] = value
        for key in required:
            if key not in out:
                self.err(y.pos, f"{what} is missing required key '{key}'")
        return out

    def opt(self, body: dict[str, Y], key: str, fn: Callable[[Y], Any], default: Any) -> Any:
        if key not in body:
            return default
        value = fn(body[key])
        return default if value is None else value

    # -- session -----------------------------------------------------------
    def session(self, root: Y) -> Session | None:
        top = self.mapping(root, "the session", TOP_KEYS, REQUIRED_TOP)
        if top is None:
            return None
        sid = self.opt(top, "id", lambda y: self.text(y, "id"), None)
        if sid is not None and not ID_RE.match(sid):
            self.err(top["id"].pos, f"id '{sid}' must be kebab-case: lowercase letters, digits "
                     "and single hyphens (e.g. 'box-breathing')")
            sid = None
        title = self.opt(top, "title", lambda y: self.text(y, "title"), None)
        if title is not None and len(title) > 80:
            self.err(top["title"].pos, f"title is {len(title)} characters; keep it to 80")
        category = self.opt(top, "category", lambda y: self.text(y, "category"), None)
        if category is not None and category not in CATEGORIES:
            self.err(top["category"].pos, f"unknown category '{category}'"
                     f"{did_you_mean(category, CATEGORIES)}")
            category = None
        summary = self.opt(top, "summary", lambda y: self.text(y, "summary"), None)
        minutes = self.opt(top, "minutes",
                           lambda y: self.number(y, "minutes", 0.5, 120, "minutes"), None)
        triggers = self.triggers(top["triggers"]) if "triggers" in top else []
        background = self.background(top["background"]) if "background" in top else None
        rate = self.opt(top, "rate_before_after",
                        lambda y: self.boolean(y, "rate_before_after"), False)
        short_intro = self.opt(top, "short_intro",
                               lambda y: self.spoken(y, "short_intro", set()), None)
        pause_range = self.length(top["length"]) if "length" in top else DEFAULT_PAUSE_RANGE
        steps = self.steps(top["steps"], "steps", set(), top_level=True) if "steps" in top else []
        for pos in self.fill_steps[1:]:
            self.err(pos, "only one step may fill the session's minutes; give this one "
                     "'cycles', 'times' or 'minutes'")
        self.intro_rules(top, steps, short_intro)
        if self.problems or None in (sid, title, category, summary, minutes):
            return None
        return Session(id=sid, title=title, category=category, summary=summary,
                       minutes=minutes, triggers=triggers, steps=steps,
                       background=background, rate_before_after=rate,
                       short_intro=short_intro, pause_range=pause_range, source=self.path)

    def length(self, y: Y) -> tuple[float, float]:
        body = self.mapping(y, "length", LENGTH_KEYS)
        if not body or "pauses" not in body:
            return DEFAULT_PAUSE_RANGE
        v = body["pauses"]
        hint = ("length: pauses must be [shortest, longest]: how far the quiet may shrink "
                f"and grow, e.g. [0.5, 2] ({PAUSE_SHRINK_MIN:g} to 1, then 1 to "
                f"{PAUSE_GROW_MAX:g})")
        if not v.is_seq or len(v.value) != 2:
            self.err(v.pos, hint)
            return DEFAULT_PAUSE_RANGE
        lo = self.number(v.value[0], "the shortest pause factor", PAUSE_SHRINK_MIN, 1.0)
        hi = self.number(v.value[1], "the longest pause factor", 1.0, PAUSE_GROW_MAX)
        return (lo, hi) if lo is not None and hi is not None else DEFAULT_PAUSE_RANGE

    def intro_rules(self, top: dict[str, Y], steps: list[Step], short: str | None) -> None:
        """Intro steps and a short intro come together: a returning person hears the one
        sentence in place of the steps."""
        intro = [s for s in steps if s.intro]
        if intro and short is None:
            self.err(top["steps"].pos, "steps marked 'intro: true' need a 'short_intro': "
                     "one sentence said in their place once the session is familiar")
        if short is not None and not intro:
            self.err(top["short_intro"].pos, "'short_intro' replaces the steps marked "
                     "'intro: true', and no step is")
        for step in steps:
            if step.optional and getattr(step, "fills", False):
                self.err(top["steps"].pos, f"the step on line {step.line} fills the session's "
                         "minutes, so it cannot also be optional")

    def triggers(self, y: Y) -> list[str]:
        if not y.is_seq or not y.value:
            self.err(y.pos, "triggers must be a list of at least one phrase, e.g. "
                     "['box breathing', 'square breathing']")
            return []
        out: list[str] = []
        for item in y.value:
            phrase = self.text(item, "a trigger")
            if phrase is None:
                continue
            phrase = phrase.lower()
            if not TRIGGER_RE.match(phrase):
                self.err(item.pos, f"trigger '{phrase}' must be plain words (letters, spaces, "
                         "apostrophes, hyphens); write numbers as words")
            elif phrase in out:
                self.err(item.pos, f"trigger '{phrase}' is listed twice")
            else:
                out.append(phrase)
        return out

    def background(self, y: Y) -> Background | None:
        body = self.mapping(y, "background", BACKGROUND_KEYS, ("bed",))
        if body is None or "bed" not in body:
            return None
        bed = self.text(body["bed"], "bed")
        if bed is not None and bed not in self.beds:
            self.err(body["bed"].pos, f"unknown bed '{bed}'{did_you_mean(bed, self.beds)}")
            bed = None
        volume = self.opt(body, "volume", lambda v: self.number(v, "volume", 0, 1), 0.3)
        fade_out = self.opt(body, "fade_out", lambda v: self.number(v, "fade_out", 1, 120),
                            DEFAULT_BED_FADE_OUT)
        return Background(bed, volume, fade_out) if bed else None

    # -- steps -------------------------------------------------------------
    def steps(self, y: Y, what: str, known: set[str], top_level: bool = False) -> list[Step]:
        if not y.is_seq:
            self.err(y.pos, f"{what} must be a list of steps (each line starting with '- ')")
            return []
        if not y.value:
            self.err(y.pos, f"{what} must list at least one step")
        out: list[Step] = []
        for item in y.value:
            step = self.step(item, known, top_level)
            if step is not None:
                out.append(step)
        return out

    def step(self, y: Y, known: set[str], top_level: bool) -> Step | None:
        if not y.is_map or not y.value:
            self.err(y.pos, "a step must be a mapping like 'say: ...', 'pause: 5' or "
                     "'breathe: {...}'")
            return None
        kinds = [(k, p) for k, p, _ in y.items() if k in STEP_EXTRA]
        if not kinds:
            key, key_pos, _ = y.value[0]
            self.err(key_pos, f"unknown step kind '{_key(key)}'"
                     f"{did_you_mean(key, STEP_EXTRA)}")
            return None
        if len(kinds) > 1:
            self.err(kinds[1][1], f"a step has one kind, but this one has '{kinds[0][0]}' and "
                     f"'{kinds[1][0]}'; put them in separate steps")
            return None
        kind = kinds[0][0]
        body = self.mapping(y, f"a {kind} step", (kind, *STEP_EXTRA[kind]))
        if body is None or kind not in body:
            return None
        step = self.step_kind(kind, body, y, known, top_level)
        if step is not None:
            step.optional = int(self.opt(body, "optional", lambda v: self.number(
                v, "optional", 1, 9, integer=True), 0))
            step.intro = bool(self.opt(body, "intro", lambda v: self.boolean(v, "intro"), False))
            if step.intro and not top_level:
                self.err(body["intro"].pos, "only top-level steps can be part of the intro")
        return step

    def step_kind(self, kind: str, body: dict[str, Y], y: Y, known: set[str],
                  top_level: bool) -> Step | None:
        main, line = body[kind], y.pos.line
        if kind == "say":
            text = self.spoken(main, "say", known)
            after = self.opt(body, "after",
                             lambda v: self.number(v, "after", 0, 600, "seconds"), 0.8)
            otherwise = self.opt(body, "otherwise",
                                 lambda v: self.spoken(v, "otherwise", known), None)
            if "otherwise" in body and text is not None and not template_fields(text):
                self.err(body["otherwise"].pos, "'otherwise' is said instead when a "
                         "{variable} in the say got no answer, but this say uses none")
            return Say(text, after, line, otherwise) if text is not None else None
        if kind == "pause":
            secs = self.number(main, "pause", 0.5, 600, "seconds")
            fill = bool(self.opt(body, "fill", lambda v: self.boolean(v, "fill"), False))
            if fill:
                self.fill(y.pos, top_level)
            return Pause(secs, line, fill) if secs is not None else None
        if kind == "chime":
            sound = self.text(main, "chime")
            if sound is not None and sound not in self.cues:
                self.err(main.pos, f"unknown sound '{sound}'{did_you_mean(sound, self.cues)}")
                return None
            return Chime(sound, line) if sound is not None else None
        if kind == "breathe":
            return self.breathe(main, line, top_level)
        if kind == "repeat":
            return self.repeat(main, line, known, top_level)
        return self.ask(main, body, line, known)

    def spoken(self, y: Y, what: str, known: set[str]) -> str | None:
        text = self.text(y, what)
        if text is None:
            return None
        try:
            names = template_fields(text)
        except ValueError as err:
            self.err(y.pos, f"{what}: {err}; write '{{{{' or '}}}}' for a literal brace")
            return None
        for name in names:
            if name not in known:
                self.err(y.pos, f"'{{{name}}}' is used before any ask saves it; add "
                         f"'save_as: {name}' to an ask step earlier in the session")
        return text

    def breathe(self, y: Y, line: int, top_level: bool) -> Breathe | None:
        body = self.mapping(y, "breathe", BREATHE_KEYS, ("inhale", "exhale"))
        if body is None:
            return None

        def phase(key: str, zero_ok: bool) -> float | None:
            value: float | None = self.opt(body, key, lambda v: self.number(
                v, key, 0.5, 30, "seconds", zero_ok=zero_ok), None if not zero_ok else 0.0)
            return value

        inhale, exhale = phase("inhale", False), phase("exhale", False)
        hold, hold_after = phase("hold", True), phase("hold_after", True)
        cycles = self.opt(body, "cycles", lambda v: self.number(v, "cycles", 1, 1000,
                                                                integer=True), None)
        minutes = self.opt(body, "minutes",
                           lambda v: self.number(v, "minutes", 0.1, 120, "minutes"), None)
        if "cycles" in body and "minutes" in body:
            self.err(body["minutes"].pos, "give 'cycles' or 'minutes', not both")
        count = self.opt(body, "count_aloud", lambda v: self.number(
            v, "count_aloud", 0, 1000, "cycles", integer=True), 0)
        guide = self.opt(body, "guide", lambda v: self.number(
            v, "guide", 0, 1000, "cycles", integer=True), 2)
        cues = self.opt(body, "cues", lambda v: self.boolean(v, "cues"), True)
        tone = self.opt(body, "tone", lambda v: self.word(v, "tone", BREATH_TONES), "short")
        if "cycles" not in body and "minutes" not in body:
            self.fill(y.pos, top_level)
        if inhale is None or exhale is None:
            return None
        return Breathe(inhale=inhale, exhale=exhale, hold=hold or 0.0,
                       hold_after=hold_after or 0.0,
                       cycles=int(cycles) if cycles is not None else None, minutes=minutes,
                       count_aloud=int(count), guide=int(guide), cues=cues,
                       tone=tone or "short", line=line)

    def fill(self, pos: Pos, top_level: bool) -> None:
        if top_level:
            self.fill_steps.append(pos)
        else:
            self.err(pos, "a step inside a repeat or a branch cannot fill the session; "
                     "give it 'cycles', 'times' or 'minutes'")

    def repeat(self, y: Y, line: int, known: set[str], top_level: bool) -> Repeat | None:
        body = self.mapping(y, "repeat", REPEAT_KEYS, ("steps",))
        if body is None:
            return None
        times = self.opt(body, "times", lambda v: self.number(v, "times", 1, 100,
                                                              integer=True), None)
        minutes = self.opt(body, "minutes",
                           lambda v: self.number(v, "minutes", 0.1, 120, "minutes"), None)
        if "times" in body and "minutes" in body:
            self.err(body["minutes"].pos, "give 'times' or 'minutes', not both")
        if "times" not in body and "minutes" not in body:
            self.fill(y.pos, top_level)
        # Variables saved inside the block are known after it: the block runs at least once.
        steps = self.steps(body["steps"], "repeat steps", known) if "steps" in body else []
        return Repeat(steps, int(times) if times is not None else None, minutes, line)

    def ask(self, main: Y, body: dict[str, Y], line: int, known: set[str]) -> Ask | None:
        question = self.spoken(main, "ask", known)
        expect = None
        if "expect" not in body:
            self.err(main.pos, "an ask step needs 'expect: " + " | ".join(EXPECTS) + "'")
        else:
            expect = self.text(body["expect"], "expect")
            if expect is not None and expect not in EXPECTS:
                self.err(body["expect"].pos, f"unknown expect '{expect}'"
                         f"{did_you_mean(expect, EXPECTS)}")
                expect = None
        timeout = self.opt(body, "timeout",
                           lambda v: self.number(v, "timeout", 3, 120, "seconds"), 15.0)
        save_as = self.opt(body, "save_as", lambda v: self.text(v, "save_as"), None)
        if save_as is not None and not VAR_RE.match(save_as):
            self.err(body["save_as"].pos, f"save_as '{save_as}' must be a simple name: "
                     "lowercase letters, digits and _")
            save_as = None
        default = self.opt(body, "default", lambda v: self.text(v, "default"), "that")
        reprompt = self.opt(body, "reprompt", lambda v: self.spoken(v, "reprompt", known), None)
        choices = self.choices(body, expect)
        after = known | ({save_as} if save_as else set())
        if expect == "feeling":
            self.feeling_asked = True
        branches: dict[str, list[Step]] = {}
        if "branches" in body:
            branches = self.branches(body["branches"], expect, choices, after)
        known.update(after)
        if question is None or expect is None:
            return None
        return Ask(question, expect, timeout, save_as, default, reprompt, choices, branches,
                   line)

    def choices(self, body: dict[str, Y], expect: str | None) -> list[str]:
        if expect != "choice":
            if "choices" in body:
                self.err(body["choices"].pos, "'choices' goes only with 'expect: choice'")
            return []
        y = body.get("choices")
        if y is None:
            self.err(body["expect"].pos, "'expect: choice' needs a 'choices' list")
            return []
        if not y.is_seq or len(y.value) < 2:
            self.err(y.pos, "choices must be a list of at least two phrases")
            return []
        out = []
        for item in y.value:
            phrase = self.text(item, "a choice")
            if phrase is None:
                continue
            phrase = phrase.lower()
            if phrase in out:
                self.err(item.pos, f"choice '{phrase}' is listed twice")
            out.append(phrase)
        return out

    def branch_key(self, key: Any, pos: Pos, expect: str, choices: list[str]) -> str | None:
        if expect == "yes_no" and isinstance(key, bool):
            return "yes" if key else "no"  # unquoted yes/no read as booleans
        if isinstance(key, int) and not isinstance(key, bool) and expect == "intensity":
            key = str(key)
        if not isinstance(key, str):
            self.err(pos, f"branch '{_key(key)}' must be an answer written as text"
                     " (quote it)")
            return None
        name: str = key.strip().lower()
        if name in (NO_ANSWER, OTHER_ANSWER):
            return name
        valid: tuple[str, ...] = {
            "yes_no": ("yes", "no"),
            "feeling": FEELING_FAMILIES,
            "choice": tuple(choices),
            "text": (),
        }.get(expect, ())
        if expect == "intensity":
            return self.intensity_key(name, pos)
        if name not in valid:
            options = (*valid, NO_ANSWER, OTHER_ANSWER)
            self.err(pos, f"branch '{name}' is not an answer to expect: {expect}"
                     f"{did_you_mean(name, options)}")
            return None
        return name

    def intensity_key(self, name: str, pos: Pos) -> str | None:
        """A range ("7-10"), a number, or either keyed by the feeling asked before:
        its family or tone ("numb", "pleasant", "unpleasant 7-10")."""
        head, _, rest = name.partition(" ")
        qualifier = head if head in INTENSITY_QUALIFIERS else None
        if qualifier is not None:
            if not self.feeling_asked:
                self.err(pos, f"branch '{name}' depends on the feeling said before it, but "
                         "no 'expect: feeling' ask comes earlier in the session")
                return None
            if not rest.strip():
                return qualifier
            name = rest.strip()
        m = RANGE_RE.match(name)
        lo, hi = (int(m[1]), int(m[2])) if m else (int(name), int(name)) if name.isdigit() \
            else (-1, -1)
        if 0 <= lo <= hi <= 10:
            key = f"{lo}-{hi}" if m else name
            return f"{qualifier} {key}" if qualifier else key
        self.err(pos, f"branch '{name}' for an intensity must be a number or a range within "
                 "0-10, like \"0-3\" or \"7-10\", after a feeling's family or tone if you "
                 "like (\"pleasant\", \"unpleasant 7-10\", \"numb\")"
                 f"{did_you_mean(head, INTENSITY_QUALIFIERS) if not head[:1].isdigit() else ''}")
        return None

    def branches(self, y: Y, expect: str | None, choices: list[str],
                 known: set[str]) -> dict[str, list[Step]]:
        if not y.is_map:
            self.err(y.pos, "branches must be a mapping from an answer to a list of steps")
            return {}
        out: dict[str, list[Step]] = {}
        for key, key_pos, value in y.items():
            name = self.branch_key(key, key_pos, expect, choices) if expect else None
            if name is not None and name in out:
                self.err(key_pos, f"branch '{name}' is given twice")
            steps = self.steps(value, f"branch '{_key(key)}'", set(known))
            if name is not None:
                out[name] = steps
        return out


def check_tree(root: Y | None, path: str) -> tuple[Session | None, list[Problem]]:
    checker = Checker(path)
    if root is None:
        checker.err(Pos(), "the file is empty; a session needs " + ", ".join(REQUIRED_TOP))
        return None, checker.problems
    session = checker.session(root)
    return session, checker.problems


def session_from_plain(data: Any, source: str = "<dict>") -> Session:
    from voice.errors import InvalidSession

    session, problems = check_tree(from_plain(data), source)
    if session is None:
        raise InvalidSession(str(problems[0]) if problems else f"{source}: invalid session",
                             [str(p) for p in problems])
    return session
