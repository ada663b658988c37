"""The understanding side, made ready while listening starts.

What the first utterance is read with and listening does not need, the safety checks
(:mod:`voice.understanding.safety_checks`: crisis patterns, the crisis model, the hard
moment) and a transcribing backend's understanding of every mode (Whisper:
``build_understanding``), is built on a thread of its own as soon as the recognizer is
ready, rather than before (imports alone were 0.55 s of a 1.5 s start). The endpointer
hears 0.45 s of room before an utterance can start, so it is usually done first; a
sentence that comes sooner takes the same module imports and caches, so it waits for
what is under way and never for more than it would have built itself.
"""

from __future__ import annotations

import threading
from typing import Any

from voice.understanding import safety_checks


def understand_ahead(backend: Any) -> threading.Thread:
    """Start the thread (a daemon: it only fills caches) and return it."""
    build = getattr(backend, "build_understanding", None)

    def work() -> None:
        safety_checks.warm()
        if build is not None:
            build()

    thread = threading.Thread(target=work, name="attune-understanding", daemon=True)
    thread.start()
    return thread
