"""Which recognizer listens, and loading it: ``choose`` (what "auto" means here, and why),
``load_recognizer`` (the backend behind :class:`voice.ears.recognizer.StreamingRecognizer`,
ready to listen), and what ``attune doctor`` and ``attune models`` say about it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from voice.ears import endpoint
from voice.ears.base import Backend
from voice.ears.recognizer import StreamingRecognizer
from voice.ears.understanding_ahead import understand_ahead
from voice.errors import AttuneError, MissingDependency
from voice.understanding.grammar import Grammar
from voice.understanding.intents import load_grammar

log = logging.getLogger("voice.ears")

WHISPER = ("whisper", "whisper-base")  # Whisper tiny.en and base (voice/ears/whisper_models.py)
RECOGNIZERS = (*WHISPER, "pocketsphinx", "vosk")


def vosk_model_installed() -> str | None:
    """The folder of an installed Vosk model under ``models_dir()``, if any."""
    from voice.ears.models import installed_vosk_model

    path = installed_vosk_model()
    return str(path) if path else None


def choose(name: str | None = None) -> tuple[str, str]:
    """Which recognizer ``name`` ("auto" or None: the config) means here, and why.

    "auto" prefers Whisper tiny.en when it is installed, then Vosk when a Vosk model
    is installed, then the built-in PocketSphinx."""
    from voice import config
    from voice.ears.whisper_models import whisper_missing

    wanted = (name or str(config.get("recognizer"))).strip().lower()
    if wanted not in (*RECOGNIZERS, "auto"):
        raise AttuneError(f"unknown recognizer '{wanted}'; choose one of: auto, "
                          + ", ".join(RECOGNIZERS))
    if wanted != "auto":
        return wanted, "chosen in the settings or on the command line"
    missing = whisper_missing("whisper")
    if not missing:
        return "whisper", "auto: Whisper tiny.en is installed"
    no_whisper = f"no Whisper ({', '.join(missing)} not installed)"
    model = vosk_model_installed()
    if model:
        return "vosk", f"auto: {no_whisper}; a Vosk model is installed ({model})"
    return "pocketsphinx", f"auto: {no_whisper} and no Vosk model, so the built-in PocketSphinx"


def recognizer_status() -> dict[str, Any]:
    """For ``attune doctor`` and ``attune models``: what would listen, and why (loads
    nothing heavy, hashes nothing)."""
    from voice.ears.whisper_models import whisper_installed

    name, why = choose(None)
    return {"recognizer": name, "why": why, "vosk_model": vosk_model_installed(),
            "whisper": {w: whisper_installed(w) for w in WHISPER}}


def describe_recognizer() -> tuple[bool, str, str]:
    """For ``attune doctor``: (ready?, what would listen and why, how to fix)."""
    from voice.ears.whisper_models import whisper_check, whisper_tip

    name, why = choose(None)
    if name in WHISPER:
        ok, found, fix = whisper_check(name)
        return ok, f"{found} ({why})", fix
    # "auto" settled for less than Whisper: say how to get it
    tip = whisper_tip() if why.startswith("auto") else ""
    if name == "vosk":
        model = vosk_model_installed()
        try:
            import vosk  # noqa: F401
        except ImportError:
            return False, f"Vosk ({why}) is not installed", "pip install vosk"
        if not model:
            return (False, f"Vosk ({why}) but no Vosk model is installed",
                    "attune models download vosk-small-en-us, or set recognizer = \"auto\"")
        return True, f"Vosk with the model in {model} ({why})", tip
    try:
        import pocketsphinx
    except ImportError:
        return False, f"PocketSphinx ({why}) is not installed", "pip install pocketsphinx"
    return True, (f"PocketSphinx with its US English model in {pocketsphinx.get_model_path()} "
                  f"({why})"), tip


def load_recognizer(name: str | None = "auto", mode: str = "idle",
                    grammar: Grammar | None = None, model_path: str | None = None,
                    denoise: bool | None = None,
                    endpoint_config: endpoint.EndpointConfig | None = None,
                    **options: Any) -> StreamingRecognizer:
    """The recognizer ``name`` (see :data:`RECOGNIZERS`, or "auto"), ready to listen.

    ``endpoint_config`` replaces the recognizer's own endpointing settings."""
    chosen, _ = choose(name)
    backend: Backend
    if chosen.startswith("whisper"):
        backend = _whisper_backend(chosen, model_path, **options)
    else:
        grammar = grammar or load_grammar()
        backend = _grammar_backend(chosen, grammar, model_path, **options)
    if denoise is None:
        # RNNoise helps the grammar decoders but costs Whisper, which was trained on
        # noisy audio: quick eval at 10 dB, 40 clips, 17 right without it, 12 with.
        denoise = not chosen.startswith("whisper")
    if endpoint_config is None and chosen.startswith("whisper"):
        endpoint_config = whisper_endpointing()
    recognizer = StreamingRecognizer(backend, grammar, mode, denoise=denoise,
                                     endpoint_config=endpoint_config)
    # Ready to listen: the understanding side is built meanwhile.
    recognizer.understanding = understand_ahead(backend)
    return recognizer


def whisper_endpointing() -> endpoint.EndpointConfig:
    """Silero and the band score together (docs/ears-endpointing.md: on the fit split,
    5 dB accuracy 46% -> 58%, false accepts 11.3% -> 9.7%, end-of-speech wait p95
    0.96 -> 0.32 s); the band score alone when Silero's model is not installed."""
    from voice.ears import silero

    if silero.available():
        # Silero answers 100-200 ms after the onset; a longer pre-roll keeps the first
        # phone ("resume" was heard as "Bresem." with the band score's 0.27 s).
        return endpoint.EndpointConfig(vad="silero+bands", preroll_s=0.45)
    log.warning("Silero's speech detector (faster-whisper's assets, onnxruntime) is not "
                "installed; finding utterances with the band score alone")
    return endpoint.EndpointConfig()


def _grammar_backend(name: str, grammar: Grammar, model_path: str | None,
                     **options: Any) -> Backend:
    if name == "pocketsphinx":
        try:
            from voice.ears.pocketsphinx_backend import PocketSphinxBackend
        except ImportError as err:
            raise MissingDependency("PocketSphinx is not installed; pip install pocketsphinx"
                                    ) from err
        return PocketSphinxBackend(grammar, **options)
    from voice.ears.vosk_backend import VoskBackend

    return VoskBackend(grammar, model_path=model_path or vosk_model_installed(), **options)


def _whisper_backend(name: str, model_path: str | None, **options: Any) -> Backend:
    try:
        from voice.ears.whisper_backend import WhisperBackend
    except ImportError as err:
        raise MissingDependency("the Whisper recognizer is not installed; "
                                "pip install 'attune[whisper]' (make setup does)") from err
    from voice.ears.whisper_models import whisper_info, whisper_model_dir

    folder = Path(model_path) if model_path else whisper_model_dir(name)
    return WhisperBackend.load(folder, name, english_only=whisper_info(name).english_only,
                               **options)
