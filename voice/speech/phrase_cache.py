"""Rendered phrases, ready to mix: synthesized once, then served from disk.

:class:`PhraseRenderer` turns text into float32 at ``OUTPUT_RATE`` with the
same finish for every engine (silence trimmed to a fixed margin, identical
sentence pauses, speech at one loudness, soft ends, true peak under a ceiling)
and keeps the result under ``cache_dir()/phrases`` keyed by engine, voice,
rate and text. A session's phrases are pre-rendered in a background thread in
script order, so the first one is ready almost at once and later ones are
usually done long before they are needed.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import queue
import struct
import sys
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice import paths
from voice.audio.io import OUTPUT_RATE, Samples, read_wav, resample, to_int16, write_wav
from voice.audio.limiter import TruePeakLimiter
from voice.audio.loudness import normalize_lufs
from voice.audio.mixer import fade_in, fade_out, trim_silence
from voice.speech.text import normalize_text
from voice.speech.tts import TTS

FORMAT = "phrase-v2"  # bump when the finish below changes: old files stop matching
# Every phrase's loudness (BS.1770, voice.audio.loudness), whatever the engine. Gated
# over the speech alone (the quiet kept around it is left out: for a word shorter than
# a 400 ms block the measure is ungated, and that quiet would pull it down). It is the
# level the session mix plays speech at (voice.engine.mixdown.SPEECH_LUFS is the same
# number): 1 LU over the output's -18 LUFS, because the gaps between counted words and
# sentences inside the meter's 400 ms blocks pull a session's integrated loudness about
# that much under its phrases' own (bench/bench_sessions.py measures it).
SPEECH_LUFS = -17.0
# A little under the mix's own ceiling (limiter.CEILING_DBTP, -2): speech over the quiet
# room tone never reaches it, so the mix's limiter acts only where sounds add up.
PHRASE_CEILING_DBTP = -2.3
SENTENCE_PAUSE_S = 1.0  # at rate 1.0; scaled by 1/rate
LEAD_S, TAIL_S = 0.03, 0.12  # silence kept before and after the speech
FADE_S = 0.01
MEMORY_BYTES = 64 * 2**20


_live: weakref.WeakSet[PhraseRenderer] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    # A daemon thread still inside onnxruntime when the interpreter exits
    # aborts the process ("terminate called without an active exception"):
    # let each worker finish its current phrase first.
    for renderer in list(_live):
        renderer.close()


@dataclass
class CacheStats:
    hits: int = 0  # served from memory or disk
    misses: int = 0  # synthesized


class _Job:
    __slots__ = ("done", "error", "state", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.state = "pending"  # -> "running" -> "done"
        self.done = threading.Event()
        self.error: BaseException | None = None


def limit_phrase(x: Samples) -> Samples:
    """Speech peaks run up to 20 dB over its loudness: at SPEECH_LUFS the loudest would
    pass the output's true-peak ceiling, so they are brought under it here, once, by the
    same look-ahead limiter that ends the session mix."""
    limiter = TruePeakLimiter(OUTPUT_RATE, PHRASE_CEILING_DBTP)
    return limiter.process(np.concatenate([x, np.zeros(limiter.ahead, np.float32)]), 0)


class PhraseRenderer:
    """Text -> finished phrase audio, cached on disk (LRU, size-bounded). Thread-safe."""

    def __init__(self, tts: TTS, cache_dir: Path | None = None, max_bytes: int = 200 * 2**20):
        self.tts = tts
        self.dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir() / "phrases"
        self.max_bytes = int(max_bytes)
        self.stats = CacheStats()
        self._lock = threading.Lock()
        # One synthesis at a time: the engine already uses every core, and a
        # phrase someone is waiting for must not share them with a prefetch.
        self._synth_lock = threading.Lock()
        self._memory: OrderedDict[str, Samples] = OrderedDict()
        self._memory_bytes = 0
        self._index: dict[str, int] | None = None  # file name -> size, scanned lazily
        self._jobs: dict[str, _Job] = {}
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        _live.add(self)

    # ------------------------------------------------------------ keys, disk

    def key(self, text: str) -> str:
        t = self.tts
        parts = (FORMAT, t.engine, t.voice_id, f"{t.rate:.3f}", normalize_text(text))
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]

    def _path(self, key: str) -> Path:
        return self.dir / f"{self.tts.engine}-{key}.wav"

    def cached(self, text: str) -> bool:
        key = self.key(text)
        with self._lock:
            if key in self._memory:
                return True
        return self._path(key).is_file()

    def _remember(self, key: str, x: Samples) -> None:
        with self._lock:
            if key not in self._memory:
                self._memory[key] = x
                self._memory_bytes += x.nbytes
            self._memory.move_to_end(key)
            while self._memory_bytes > MEMORY_BYTES and len(self._memory) > 1:
                _, old = self._memory.popitem(last=False)
                self._memory_bytes -= old.nbytes

    def _store(self, key: str, x: Samples) -> None:
        """Atomic write (temp file + rename), then evict least recently used files."""
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        write_wav(tmp, x, OUTPUT_RATE)
        os.replace(tmp, path)
        with self._lock:
            if self._index is None:
                self._index = {p.name: p.stat().st_size for p in self.dir.glob("*.wav")}
            self._index[path.name] = path.stat().st_size
            if sum(self._index.values()) > self.max_bytes:
                self._evict(keep=path.name)

    def _evict(self, keep: str) -> None:
        assert self._index is not None
        by_age = sorted(
            (p.stat().st_mtime, p.name) for p in self.dir.glob("*.wav") if p.name != keep
        )
        total = sum(self._index.values())
        for _, name in by_age:
            if total <= self.max_bytes * 0.9:  # some headroom so we do not evict on every write
                break
            (self.dir / name).unlink(missing_ok=True)
            total -= self._index.pop(name, 0)

    def _load(self, key: str) -> Samples | None:
        with self._lock:
            hit = self._memory.get(key)
        if hit is not None:
            return hit
        path = self._path(key)
        try:
            x, _ = read_wav(path)
        except OSError:  # not there (or unreadable): render it
            return None
        except (ValueError, struct.error):  # damaged, e.g. by a full disk: render it again
            path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # the file's mtime is its "last used" time for eviction
        x.flags.writeable = False
        self._remember(key, x)
        return x

    # --------------------------------------------------------------- render

    def _synthesize(self, text: str) -> Samples:
        rate = self.tts.sample_rate
        sentences = []
        for chunk in self.tts.synthesize(text):
            x = chunk if rate == OUTPUT_RATE else resample(chunk, rate, OUTPUT_RATE)
            x = trim_silence(x, OUTPUT_RATE)
            if x.size:
                sentences.append(
                    fade_out(fade_in(x, int(FADE_S * OUTPUT_RATE)), int(FADE_S * OUTPUT_RATE))
                )
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        pause = np.zeros(int(SENTENCE_PAUSE_S / self.tts.rate * OUTPUT_RATE), dtype=np.float32)
        spoken = []
        for i, s in enumerate(sentences):
            spoken += [pause, s] if i else [s]
        lead = np.zeros(int(LEAD_S * OUTPUT_RATE), dtype=np.float32)
        tail = np.zeros(int(TAIL_S * OUTPUT_RATE), dtype=np.float32)
        speech = np.concatenate(spoken)
        x = np.concatenate([lead, speech, tail])
        said = slice(lead.size, lead.size + speech.size)
        for _ in range(2):  # (the limiter takes some loudness off: once more makes it up)
            x = limit_phrase(normalize_lufs(x, SPEECH_LUFS, OUTPUT_RATE, measured=x[said]))
        return x

    def render(self, text: str) -> Samples:
        """The finished phrase (read-only float32 at OUTPUT_RATE), from cache if possible."""
        key = self.key(text)
        x = self._load(key)
        if x is not None:
            with self._lock:
                self.stats.hits += 1
            return x
        if not normalize_text(text).strip(" .,;:!?\"'"):
            return np.zeros(0, dtype=np.float32)
        with self._synth_lock:
            x = self._load(key)  # another thread may have just rendered it
            fresh = x is None
            if x is None:
                # Quantized exactly as the file stores it, so a fresh render
                # and a later cache hit are bit-identical.
                x = to_int16(self._synthesize(text)).astype(np.float32) / np.float32(32768.0)
                x.flags.writeable = False
                # A full or read-only disk costs speed next time, not this phrase.
                with contextlib.suppress(OSError):
                    self._store(key, x)
                self._remember(key, x)
        with self._lock:
            if fresh:
                self.stats.misses += 1
            else:
                self.stats.hits += 1
        return x

    # ----------------------------------------------------------- background

    def prerender(self, texts: list[str], progress: bool = False) -> None:
        """Queue ``texts`` for rendering in a background thread, in this order."""
        new: list[_Job] = []
        with self._lock:
            for text in texts:
                key = self.key(text)
                old = self._jobs.get(key)
                if old is None or old.error is not None:  # new, or failed before: try again
                    self._jobs[key] = job = _Job(text)
                    new.append(job)
                    self._queue.put(job)
            # Queued and started under the lock that the idle worker checks
            # before it exits, so no job is ever left without a worker.
            if new and self._worker is None:
                self._worker = threading.Thread(
                    target=self._work, name="attune-prerender", daemon=True
                )
                self._worker.start()
        if progress and new and sys.stderr.isatty():
            threading.Thread(target=self._show_progress, args=(new,), daemon=True).start()

    def _work(self) -> None:
        while True:
            try:
                job = self._queue.get(timeout=1.0)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():  # idle: end, so an unused renderer can be freed
                        self._worker = None
                        return
                continue
            if job is None:
                return
            with self._lock:
                if job.state != "pending":  # a caller of get() took it over
                    continue
                job.state = "running"
            self._run(job)

    def _run(self, job: _Job) -> None:
        try:
            if not self.cached(job.text):
                self.render(job.text)
        except BaseException as err:  # handed to whoever waits in get()
            job.error = err
        finally:
            with self._lock:
                job.state = "done"
            job.done.set()

    def _show_progress(self, jobs: list[_Job]) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (TextColumn("preparing voice"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("render", total=len(jobs))
            while True:
                finished = sum(j.done.is_set() for j in jobs)
                bar.update(task, completed=finished)
                if finished == len(jobs):
                    return
                time.sleep(0.1)

    def get(self, text: str, timeout: float | None = None) -> Samples:
        """The phrase, waiting for the background render if it is under way.

        A phrase not yet started (or never queued) is rendered right here in
        the calling thread. Raises ``TimeoutError`` if a running background
        render does not finish within ``timeout`` seconds.
        """
        key = self.key(text)
        with self._lock:
            job = self._jobs.get(key)
            claimed = job is not None and job.state == "pending"
            if job is not None and claimed:
                job.state = "running"
        if job is not None and claimed:
            self._run(job)
        elif job is not None and not job.done.wait(timeout):
            raise TimeoutError(f"phrase not ready within {timeout} s: {text[:40]!r}")
        if job is not None and job.error is not None:
            raise job.error
        return self.render(text)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued phrase is done; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not job.done.wait(left):
                return False
        return True

    def close(self) -> None:
        """Stop the background thread after the phrase it is on."""
        with self._lock:
            for key, job in list(self._jobs.items()):
                if job.state == "pending":  # forget it; a later get() renders it itself
                    job.state = "done"
                    del self._jobs[key]
                    job.done.set()
            worker = self._worker
            if worker is not None:
                self._queue.put(None)
        if worker is not None:
            worker.join()
        with self._lock:
            if self._worker is worker:
                self._worker = None
