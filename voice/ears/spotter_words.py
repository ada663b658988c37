"""The control spotter's few dictionary lines, found once and kept in the cache.

The spotter (:mod:`voice.ears.control_spotter`) decodes with a dictionary of its ten
words only, taken from PocketSphinx's own (``cmudict-en-us.dict``: 3.3 MB, 135,000
lines). Reading all of it took 40-60 ms of every start, so the lines found are kept in
``cache_dir()/control-spotter/``, named by the dictionary (path, size, modification
time) and the words: another dictionary or word list is read again, and a cache that
cannot be written only costs the reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from pathlib import Path

from voice import paths

log = logging.getLogger("voice.ears")


def dictionary_path() -> Path:
    from pocketsphinx import get_model_path

    return Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"


def read_pronunciations(dictionary: Path, words: list[str]) -> str:
    """The lines of ``words`` (and their alternates) in ``dictionary``."""
    wanted = set(words)
    lines = []
    with dictionary.open(encoding="utf-8") as dic:
        for line in dic:
            word = line.split(" ", 1)[0]
            if word.split("(", 1)[0] in wanted and word != "resume(3)":  # (not "résumé")
                lines.append(line)
    return "".join(lines)


def kept_file(dictionary: Path, words: list[str]) -> Path:
    """Where the lines of ``words`` from this ``dictionary`` are kept."""
    st = dictionary.stat()
    key = json.dumps([str(dictionary), st.st_size, st.st_mtime_ns, sorted(set(words))])
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    return paths.cache_dir() / "control-spotter" / f"{name}.dict"


def pronunciations(words: list[str]) -> str:
    """The dictionary lines of ``words`` (and their alternates), from PocketSphinx's own
    dictionary: a small dictionary keeps the decoder at a few megabytes."""
    dictionary = dictionary_path()
    kept = kept_file(dictionary, words)
    try:
        return kept.read_text(encoding="utf-8")
    except OSError:
        pass
    lines = read_pronunciations(dictionary, words)
    staging = kept.with_name(f".{kept.name}.{os.getpid()}")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging.write_text(lines, encoding="utf-8")
        staging.replace(kept)  # whole or not at all: never half a file to read
    except OSError as err:
        log.info("the spotter's words are not kept in %s (%s): read again next start",
                 kept.parent, err.strerror or err)
        with contextlib.suppress(OSError):
            staging.unlink()
    return lines
