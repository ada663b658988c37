"""Silero VAD: a small neural speech detector, streamed in 30 ms frames.

faster-whisper ships the model (``faster_whisper/assets/silero_vad_v6.onnx``); it
is found through the package's location without importing faster-whisper, and run
with onnxruntime on one thread. The model takes 512 new samples (32 ms at 16 kHz)
after the last 64 of the previous chunk, carries an LSTM state (``h``, ``c``) from
chunk to chunk and gives the probability that the chunk is speech.

:class:`SileroDetector` buffers whatever it is fed and runs the model once per
512 new samples, one chunk per call, so the probabilities depend only on the
stream, never on how it was cut into blocks. The endpointer's 30 ms frames get
the latest probability (15 chunks span 16 frames).
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voice.errors import MissingDependency

SAMPLE_RATE = 16000
CHUNK = 512  # the only chunk length the model takes at 16 kHz
CONTEXT = 64  # samples of the previous chunk it sees again
STATE_SHAPE = (1, 1, 128)
MODEL_FILE = "silero_vad_v6.onnx"


def model_path() -> Path:
    """The ONNX file faster-whisper installs among its assets."""
    spec = importlib.util.find_spec("faster_whisper")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("the Silero speech detector comes with faster-whisper; "
                                "pip install 'attune[whisper]'")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "assets" / MODEL_FILE
        if path.is_file():
            return path
    raise MissingDependency(f"faster-whisper is installed without its {MODEL_FILE}; "
                            "reinstall it: pip install --force-reinstall faster-whisper")


def available() -> bool:
    """Whether the model file and onnxruntime are both installed (loads nothing)."""
    try:
        model_path()
    except MissingDependency:
        return False
    return importlib.util.find_spec("onnxruntime") is not None


@functools.cache
def _session() -> Any:
    """One session for every detector: ``run`` is thread-safe and the state is ours."""
    try:
        import onnxruntime
    except ImportError as err:
        raise MissingDependency("the Silero speech detector needs onnxruntime; "
                                "pip install onnxruntime") from err
    opts = onnxruntime.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    return onnxruntime.InferenceSession(str(model_path()), sess_options=opts,
                                        providers=["CPUExecutionProvider"])


class SileroDetector:
    """Speech probability of a 16 kHz stream, fed as float samples in any block size."""

    def __init__(self) -> None:
        self._session = _session()
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros(STATE_SHAPE, np.float32)
        self._c = np.zeros(STATE_SHAPE, np.float32)
        self._context = np.zeros(CONTEXT, np.float32)
        self._pending = np.zeros(0, np.float32)
        self.probability = 0.0  # of the last complete chunk (0 before the first)
        self.chunks = 0  # chunks run so far

    def feed(self, samples: npt.NDArray[Any]) -> float:
        """Take float samples in [-1, 1]; returns the latest chunk's probability."""
        data = np.concatenate([self._pending, np.asarray(samples, np.float32)])
        whole = len(data) - len(data) % CHUNK
        for start in range(0, whole, CHUNK):
            self._run(data[start:start + CHUNK])
        self._pending = data[whole:]
        return self.probability

    def _run(self, chunk: npt.NDArray[np.float32]) -> None:
        frame = np.concatenate([self._context, chunk])[np.newaxis, :]
        prob, self._h, self._c = self._session.run(
            None, {"input": frame, "h": self._h, "c": self._c})
        self._context = chunk[-CONTEXT:]
        self.probability = float(prob.reshape(-1)[0])
        self.chunks += 1
