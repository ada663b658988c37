"""No input can freeze the ears (issue 17).

Every mode hears what once hung or might: a real person's "eight" (which kept
``attune hear --mode answer`` busy for minutes), a minute of babble, clipped
speech, speech on a DC offset and a minute of silence. Each must finish within a
generous bound: this is a hang guard, not a speed test. The heavy part runs in a
child process, one input at a time; one that does not finish in time fails the
test (and the child is killed) instead of freezing the run.

Run as ``python -m tests.test_no_hangs JOBS.json`` it is that child.
"""

from __future__ import annotations

import importlib.util
import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import REPO
from voice.audio.io import write_wav
from voice.audio.mic import ArrayMic
from voice.ears import endpoint
from voice.ears.base import FREE, Heard
from voice.ears.choice import load_recognizer
from voice.ears.deadline import Deadline
from voice.ears.recognizer import Listener, StreamingRecognizer

pytest.importorskip("pocketsphinx")

RATE = 16000
MODES = ("idle", "session", "speaking", "answer", "asleep", FREE)
RECOGNIZERS = ("pocketsphinx", *(("whisper",) if importlib.util.find_spec("ctranslate2") else ()))
EIGHT = REPO / "tests" / "data" / "audio" / "eight-hangs.wav"
LOAD_S = 120.0  # loading a recognizer, or a mode's search, on a busy machine
TALK = ["we went to the market and bought fresh bread and some cheese",
        "the committee will announce its decision early next month",
        "i told him the package would arrive on thursday",
        "there is a small cafe near the station that opens at seven",
        "start a body scan please", "i feel anxious maybe a six", "stop", "pause"]


def limit_s(audio_s: float) -> float:
    return 3.0 * audio_s + 5.0


def babble(clips: list[np.ndarray], seconds: float, talkers: int = 4) -> np.ndarray:
    """Several people talking at once (as bench/evalset.py makes it), from our own voice."""
    rng = np.random.default_rng(17)
    n = int(seconds * RATE)
    out = np.zeros(n, np.float32)
    for _ in range(talkers):
        x = np.concatenate([clips[i] for i in rng.permutation(len(clips))])
        x = np.tile(x, n // len(x) + 2)
        start = int(rng.integers(0, len(x) - n))
        out += x[start:start + n] / (np.std(x) + 1e-9)
    return (out * 0.1 / np.std(out)).astype(np.float32)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.speechkit import speak

    folder = tmp_path_factory.mktemp("hang-inputs")
    clips = [speak(text) for text in TALK]
    quiet = np.zeros(RATE, np.float32)
    said = np.concatenate([quiet, clips[5], quiet, clips[6], quiet])
    full = 32767 / 32768
    audio = {
        "babble": babble(clips, 60.0),
        "clipped": np.clip(said * 20, -1.0, full),
        "dc-offset": np.clip(said + 8000 / 32768, -1.0, full),
        "silence": np.zeros(60 * RATE, np.float32),
    }
    paths = {"eight": EIGHT}
    for name, x in audio.items():
        paths[name] = folder / f"{name}.wav"
        write_wav(paths[name], x, RATE)
    return paths


def run_jobs(jobs: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    """Run ``jobs`` in a child process; fail as soon as one overruns its bound."""
    spec = tmp_path / "jobs.json"
    spec.write_text(json.dumps(jobs))
    errors = (tmp_path / "child.err").open("w+")
    child = subprocess.Popen([sys.executable, "-m", "tests.test_no_hangs", str(spec)],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=errors, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    done: list[dict[str, Any]] = []
    doing, wait = "loading", LOAD_S
    try:
        while (line := _next(lines, wait, doing)) is not None:
            report = json.loads(line)
            if "heard" in report:
                done.append(report)
                doing, wait = "loading", LOAD_S
            else:
                doing = f"{report['mode']} / {report['input']} ({report['audio_s']:.1f} s)"
                wait = limit_s(report["audio_s"])
        child.wait(timeout=LOAD_S)
    finally:
        child.kill()
        child.wait()
        errors.seek(0)
        log = errors.read()
        errors.close()
    assert child.returncode == 0, log[-2000:]
    return done


def _next(lines: queue.Queue[str | None], wait: float, doing: str) -> str | None:
    try:
        return lines.get(timeout=wait)
    except queue.Empty:
        pytest.fail(f"the ears froze: {doing} did not finish within {wait:.0f} s")


@pytest.mark.parametrize("recognizer", RECOGNIZERS)
@pytest.mark.parametrize("mode", MODES)
def test_no_input_freezes_the_ears(mode: str, recognizer: str, inputs: dict[str, Path],
                                   tmp_path: Path) -> None:
    jobs = [{"mode": mode, "input": name, "path": str(path), "recognizer": recognizer}
            for name, path in inputs.items()]
    done = run_jobs(jobs, tmp_path)
    assert [(d["mode"], d["input"]) for d in done] == [(j["mode"], j["input"]) for j in jobs]
    for d in done:
        assert d["wall_s"] <= limit_s(d["audio_s"]), d
        # Nothing here is slow enough to be given up: the deadline is a safety net only.
        assert "deadline" not in d["reasons"], d
        if d["input"] == "silence":
            assert d["heard"] == [], d


def test_an_early_decision_in_the_middle_of_a_block_ends_the_utterance(
        tmp_path: Path) -> None:
    # The hang itself: a block of audio holds more frames after the recognizer decides
    # early (a stable "eight"); once they went on to PocketSphinx after its utterance
    # had ended, it looped forever. Every block size a microphone might deliver.
    jobs = [{"mode": "answer", "input": f"eight in blocks of {block}", "path": str(EIGHT),
             "block": block, "fresh": True} for block in (480, 1024, 1600, 4096, 16000)]
    done = run_jobs(jobs, tmp_path)
    assert all(d["heard"] == ["answer"] for d in done), done


def test_attune_hear_answers_eight_in_answer_mode() -> None:
    out = subprocess.run([sys.executable, "-m", "voice.cli", "hear", "--json", "--recognizer",
                          "pocketsphinx", "--mode", "answer", str(EIGHT)],
                         cwd=REPO, capture_output=True, text=True, timeout=LOAD_S)
    assert out.returncode == 0, out.stderr
    heard = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(h["intent"], h["slots"]) for h in heard] == [("answer", {"intensity": 8})]


def test_listen_runs_through_words_said_over_the_greeting(tmp_path: Path) -> None:
    # Issue 17: "let's do some box breathing" said 2 s in, over Attune's own greeting
    # with the speakers leaking into the microphone, once left `attune listen` silent
    # for 400 s.
    from tests.speechkit import script_wav

    mic = script_wav(tmp_path / "mic.wav", [(2.0, "let's do some box breathing")],
                     tail_s=8.0)
    events = tmp_path / "events.jsonl"
    out = subprocess.run([sys.executable, "-m", "voice.cli", "listen", "--mic-file", str(mic),
                          "--speaker-file", str(tmp_path / "out.wav"), "--clock", "virtual",
                          "--echo", "0.3", "--recognizer", "pocketsphinx",
                          "--events", str(events)],
                         cwd=REPO, capture_output=True, text=True, timeout=LOAD_S)
    assert out.returncode == 0, out.stderr
    names = [json.loads(line)["event"] for line in events.read_text().splitlines()]
    assert "heard" in names and names[-1] == "exit", names


def test_pocketsphinx_fed_after_its_utterance_ended_returns(tmp_path: Path) -> None:
    # Without its guard, the backend spins in process_raw for these frame counts.
    out = subprocess.run([sys.executable, "-m", "tests.test_no_hangs", "--after-end"],
                         cwd=REPO, capture_output=True, text=True, timeout=LOAD_S)
    assert out.returncode == 0, out.stderr


def test_endpointer_cut_applies_to_the_next_frame_of_the_same_block() -> None:
    from tests.speechkit import speak

    x = np.concatenate([np.zeros(RATE, np.float32), speak("start a body scan"),
                        np.zeros(RATE, np.float32)])
    pcm = ArrayMic(x, block_samples=x.size).read()
    assert pcm is not None
    ep = endpoint.Endpointer()
    events: list[endpoint.Event] = []
    for event in ep.events(pcm):
        events.append(event)
        if isinstance(event, endpoint.Audio) and len(events) == 4:
            cut = ep.cut()
            assert cut is not None
            events.append(cut)
    kinds = [type(e).__name__ for e in events]
    # Started, its pre-roll, two frames, the cut; nothing after it (the rest is held).
    assert kinds == ["Started", "Audio", "Audio", "Audio", "Ended"], kinds


class SlowClock:
    """A decoder far slower than real time: every look at the clock finds a second gone."""

    def __init__(self) -> None:
        self.now, self.step = 0.0, 1.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_an_utterance_past_its_deadline_is_given_up_and_the_next_is_heard() -> None:
    from tests.speechkit import speak

    rec = load_recognizer("pocketsphinx", mode="session")
    clock = SlowClock()
    rec.deadline = Deadline(clock=clock)
    quiet = np.zeros(RATE, np.float32)
    first = np.concatenate([quiet, speak("please stop"), quiet])
    second = np.concatenate([speak("please stop"), quiet])
    rec.start()
    given_up = hear(rec, first)
    assert [h.reason for h in given_up] == ["deadline"]
    assert given_up[0].decided_at_s < 1.0 + 0.5  # given up within the word, not after it
    clock.step = 0.0
    heard = hear(rec, second) + rec.finish()
    assert [h.intent for h in heard] == ["stop"]


def test_deadline_counts_work_against_the_audio() -> None:
    now = [0.0]
    d = Deadline(slack_s=2.0, clock=lambda: now[0])
    d.start()
    d.heard(RATE)  # a second of audio, decoded in 2.5 s: 1.5 s behind, within the slack
    now[0] = 2.5
    assert not d.passed() and d.behind_s() == pytest.approx(1.5)
    now[0] = 3.5
    assert d.passed()
    d.heard(10 * RATE)  # once given up, the utterance stays given up
    assert d.passed()
    d.start()
    assert not d.passed()


def test_only_work_inside_the_recognizers_calls_counts() -> None:
    """The process's other work between the calls (Attune's voice synthesized while the
    person speaks) is not the ears': with --clock virtual it runs on the same thread."""
    now = [0.0]
    d = Deadline(slack_s=2.0, clock=lambda: now[0])
    with d.working():
        d.start()
        d.heard(RATE)
        now[0] = 1.5  # the call took 1.5 s for a second of audio
    now[0] = 9.0  # 7.5 s of synthesis between the calls
    assert d.behind_s() == pytest.approx(0.5)
    with d.working():
        now[0] = 10.0  # and this call another second, for no more audio
        assert d.behind_s() == pytest.approx(1.5) and not d.passed()
        now[0] = 11.0
        assert d.passed()


def hear(rec: StreamingRecognizer, x: np.ndarray, block: int = 1600) -> list[Heard]:
    mic = ArrayMic(x, block_samples=block)
    out: list[Heard] = []
    while (pcm := mic.read()) is not None:
        out.extend(rec.accept(pcm))
    return out


# ------------------------------------------------------------------ the child


def _child(jobs: list[dict[str, Any]]) -> None:
    from voice.audio.mic import FileMic

    rec, mode = None, ""
    for job in jobs:
        if rec is None or job["mode"] != mode or job.get("fresh"):
            mode = job["mode"]
            rec = load_recognizer(job.get("recognizer", "pocketsphinx"), mode=mode)
        mic = FileMic(job["path"], block_samples=job.get("block", 1600))
        print(json.dumps({**job, "audio_s": mic.duration_s}), flush=True)
        started = time.monotonic()
        heard = list(Listener(mic, rec))
        print(json.dumps({**job, "audio_s": mic.duration_s,
                          "wall_s": time.monotonic() - started,
                          "heard": [h.intent for h in heard if h.intent],
                          "reasons": [h.reason for h in heard]}), flush=True)


def _after_end() -> None:
    from voice.audio.io import read_wav
    from voice.ears.pocketsphinx_backend import PocketSphinxBackend
    from voice.understanding.intents import load_grammar

    x, _ = read_wav(EIGHT)
    pcm = (x * 32768).astype("<i2").tobytes()
    frames = [pcm[i:i + endpoint.FRAME_BYTES] for i in range(0, len(pcm), endpoint.FRAME_BYTES)]
    backend = PocketSphinxBackend(load_grammar())
    for n in (5, 12, 14, 17):
        backend.begin("answer")
        for frame in frames[:n]:
            backend.feed(frame)
        backend.end()
        for frame in frames[n:n + 20]:
            backend.feed(frame)


if __name__ == "__main__":
    if sys.argv[1:] == ["--after-end"]:
        _after_end()
    else:
        _child(json.loads(Path(sys.argv[1]).read_text()))
