"""The session library: the built-in ``scripts/`` plus the user's own sessions.

User sessions (``<config>/scripts/*.yaml``) add to the library, or replace a
built-in session with the same id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from voice import paths
from voice.errors import InvalidSession, SessionNotFound, did_you_mean
from voice.sessions.model import Session
from voice.sessions.schema import check_tree
from voice.sessions.yamlsrc import Pos, Problem, Y, load_file

SUFFIXES = (".yaml", ".yml")


@dataclass
class Library:
    sessions: dict[str, Session] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def get(self, session_id: str) -> Session:
        if session_id in self.sessions:
            return self.sessions[session_id]
        raise SessionNotFound(
            f"no session called '{session_id}'{did_you_mean(session_id, sorted(self.sessions))}"
            " (see 'attune list')"
        )

    def by_category(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: (s.category, s.id))


def display_path(path: Path) -> str:
    """A path as a person would type it: relative to here when that is shorter."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if len(rel) < len(str(path)) else str(path)


def session_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def expand_paths(targets: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for target in targets:
        if target.is_dir():
            files.extend(session_files(target))
        elif target.is_file():
            files.append(target)
        else:
            problems.append(Problem(display_path(target), Pos(), "no such file or folder"))
    return files, problems


def load_group(files: Iterable[Path], library: Library) -> dict[str, Session]:
    """Load files that must not share ids with each other (one folder, or a CLI list)."""
    group: dict[str, Session] = {}
    for path in files:
        shown = display_path(path)
        loaded = load_file(path, shown)
        library.files += 1
        library.problems.extend(loaded.problems)
        if loaded.problems:
            continue
        session, problems = check_tree(loaded.root, shown)
        library.problems.extend(problems)
        if session is None:
            continue
        if session.id in group:
            first = group[session.id].source
            id_line = _id_line(loaded.root)
            library.problems.append(
                Problem(shown, id_line, f"id '{session.id}' is already used by {first}")
            )
            continue
        group[session.id] = session
    return group


def _id_line(root: Y | None) -> Pos:
    found = root.get("id") if root is not None else None
    return found.pos if found else Pos()


def check_triggers(library: Library) -> None:
    """A phrase that starts two sessions would make the ears guess."""
    owner: dict[str, Session] = {}
    for session in library.by_category():
        for trigger in session.triggers:
            if trigger in owner and owner[trigger].id != session.id:
                library.problems.append(Problem(
                    session.source, Pos(),
                    f"trigger '{trigger}' also starts '{owner[trigger].id}' "
                    f"({owner[trigger].source}); each trigger may start one session only"))
            else:
                owner[trigger] = session


def load_library(extra: Iterable[Path] = (), include_user: bool = True) -> Library:
    library = Library()
    library.sessions.update(load_group(session_files(paths.builtin_scripts_dir()), library))
    if include_user:
        library.sessions.update(load_group(session_files(paths.user_scripts_dir()), library))
    extra = list(extra)
    if extra:
        files, problems = expand_paths(extra)
        library.problems.extend(problems)
        library.sessions.update(load_group(files, library))
    check_triggers(library)
    return library


def load_paths(targets: Iterable[Path]) -> Library:
    """Only the named files and folders (for ``attune validate PATH...``)."""
    library = Library()
    files, problems = expand_paths(targets)
    library.problems.extend(problems)
    library.sessions.update(load_group(files, library))
    check_triggers(library)
    return library


def find_session(ref: str) -> Session:
    """A session by id, or by path to a YAML file."""
    path = Path(ref)
    if path.suffix in SUFFIXES or os.sep in ref:
        if not path.is_file():
            raise SessionNotFound(f"no session file at {ref}")
        lib = load_paths([path])
        if lib.problems:
            raise InvalidSession(
                f"{lib.problems[0]} ({len(lib.problems)} problem(s); run 'attune validate "
                f"{ref}' for all)", [str(p) for p in lib.problems])
        return next(iter(lib.sessions.values()))
    lib = load_library()
    try:
        return lib.get(ref)
    except SessionNotFound:
        bad = lib.problems
        if bad:
            raise SessionNotFound(
                f"no session called '{ref}' could be loaded; 'attune validate' reports "
                f"{len(bad)} problem(s) in the library") from None
        raise
