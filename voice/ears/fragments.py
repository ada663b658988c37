"""Utterances the endpointer cut in two, heard again as one.

In loud noise a pause inside a request ("I need a ... quick calm") can pass for its
end, and each piece alone means nothing ("I.", "Keep."). When an utterance is
rejected, and the one before it was rejected too and ended at most
:data:`JOIN_GAP_S` before this one began, the stream from the first one's start to
this one's end is decoded once more as a whole. Only a transcribing backend does
this (Whisper reads the whole sentence; a grammar decoder's pieces are already
forced into phrases), and only after two rejections, so it costs nothing when
requests are heard.
"""

from __future__ import annotations

from dataclasses import dataclass

JOIN_GAP_S = 1.0  # a pause longer than this is between two things said
KEEP_S = 12.0  # how much of the stream is kept for a second hearing
REJOINABLE = frozenset({"no-match", "low-confidence", "too-short"})


@dataclass(frozen=True)
class Piece:
    """A rejected utterance that a next one may complete (stream samples)."""

    start: int
    end: int
    speech_s: float


class RecentAudio:
    """The last :data:`KEEP_S` seconds of int16 PCM, addressed by stream sample."""

    def __init__(self, rate: int = 16000, keep_s: float = KEEP_S) -> None:
        self._keep = int(rate * keep_s)
        self._pcm = bytearray()
        self._first = 0  # stream sample of self._pcm[0]

    def add(self, pcm: bytes) -> None:
        self._pcm += pcm
        extra = len(self._pcm) // 2 - self._keep
        if extra > 0:
            del self._pcm[:2 * extra]
            self._first += extra

    def between(self, start: int, end: int) -> bytes:
        """Samples ``start`` to ``end`` (what is still kept of them)."""
        lo = max(start, self._first) - self._first
        hi = max(lo, end - self._first)
        return bytes(self._pcm[2 * lo:2 * hi])
