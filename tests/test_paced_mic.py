"""``attune listen --clock real --mic-file``: the recording is handed out as a live mic would."""

from __future__ import annotations

import numpy as np

from voice.audio.mic import BLOCK_SAMPLES, ArrayMic
from voice.commands.listen import PacedMic


def test_paced_mic_hands_out_the_same_blocks_then_ends() -> None:
    x = np.linspace(-0.5, 0.5, 3 * BLOCK_SAMPLES, dtype=np.float32)
    plain, paced = ArrayMic(x), PacedMic(ArrayMic(x))
    expected = [plain.read() for _ in range(3)]
    assert [paced.read() for _ in range(3)] == expected
    assert paced.read() is None
    assert paced.sample_rate == plain.sample_rate
