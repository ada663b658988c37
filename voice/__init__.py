"""Attune: an offline, voice-driven guided exercise assistant."""

import os

# Attune's matrix products are small (one sentence, one audio block): on a busy 2-core
# machine a multi-threaded BLAS spins its threads against the recognizer's and runs them
# 4-25 times slower (the sentence encoder: 17 ms on one thread, 63-460 ms on two). Set
# before numpy is first imported; a value the user set is kept.
# (CTranslate2 and onnxruntime keep their own thread counts.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
