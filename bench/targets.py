"""Every target the benchmarks are held to, in one place.

Most come word for word from the issues (3: engine, 4: voice, 5: ears,
6: the listening loop). Where an issue asks for a figure but sets no number,
the target here is our own choice, marked "chosen", with the reason beside it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    op: str  # "<=" or ">="
    value: float
    source: str  # which issue, or "chosen: why"

    def met(self, figure: float) -> bool:
        return figure <= self.value if self.op == "<=" else figure >= self.value


TARGETS: dict[str, Target] = {
    # understanding text (issue 16), on the reported half of the dev set
    "understanding.requests": Target(">=", 0.95, "issue 16: right on intent and slots"),
    "understanding.everyday": Target("<=", 0.01, "issue 16: everyday talk taken as a command"),
    "understanding.crisis": Target(">=", 1.0, "issue 16: every crisis phrasing caught"),
    "understanding.distress": Target(">=", 0.95, "issue 16: reach calm-sos in one turn"),
    "understanding.parse_ms": Target("<=", 5.0, "issue 16: per sentence after load"),
    "understanding.load_ms": Target("<=", 300.0, "issue 16: the matcher loads"),
    # ears (issue 17, which supersedes issue 5's ears targets)
    "ears.accuracy.clean": Target(">=", 0.97, "issues 5 and 17"),
    "ears.accuracy.10dB": Target(">=", 0.90, "issues 5 and 17"),
    "ears.accuracy.5dB": Target(">=", 0.80, "issues 5 and 17"),
    "ears.real_people": Target(">=", 0.95, "issue 17: recordings of real people"),
    "ears.false_accept": Target("<=", 0.02, "issue 17 (issue 5 had 3%)"),
    "ears.latency_bare_p95_s": Target("<=", 0.400, "issue 17: a bare stop or pause"),
    "ears.latency_sentences_p95_s": Target("<=", 0.800, "issue 17: sentences, on 2 cores"),
    "ears.startup_s": Target("<=", 1.5, "issues 5 and 17: recognizer ready within 1.5 s"),
    # the naive peer (issue 8): we should beat it
    "peer.accuracy_ratio": Target(">=", 1.0, "chosen: better than the naive peer"),
    "peer.latency_ratio": Target("<=", 1.0, "chosen: no slower than the naive peer"),
    "peer.false_accept_ratio": Target("<=", 1.0, "chosen: no more false accepts than the peer"),
    # the listening loop (issue 6; startup from issue 5)
    "listen.startup_s": Target("<=", 1.5, "issue 5: ready to listen within 1.5 s of start"),
    "listen.idle_cpu_pct": Target("<=", 10.0, "issues 6 and 17: idle CPU <= 10% of one core"),
    "listen.peak_mb": Target("<=", 512.0, "issue 17: attune listen idle, peak memory"),
    "listen.acted_on": Target(">=", 0.97, "chosen: the clean-speech accuracy of issue 5"),
    # No number in issue 6: the ears' p95 (0.4 s) + one engine block (0.05 s) + the live
    # output lead (0.15 s) that keeps the speakers fed between microphone blocks.
    "listen.response_p95_s": Target("<=", 0.60, "chosen: ears 0.4 s + engine block 0.05 s + "
                                               "output lead 0.15 s"),
    # engine (issue 3)
    "engine.control_ms": Target("<=", 100.0, "issue 3: within 100 ms of arriving"),
    # 0 samples is what a sample-accurate player gives; 10 ms is far under what anyone
    # can hear in a 10-16 s breath cycle and under half a 25 ms sound-card block.
    "engine.drift_ms": Target("<=", 10.0, "chosen: inaudible in a breath cycle, under half a "
                                          "sound-card block"),
    # sessions for daily use (issue 18), every session of the library rendered
    "sessions.length": Target(">=", 1.0, "issue 18: within 10% of the minutes asked (2, 5, 10), "
                              "or the session says its shortest and plays that"),
    "sessions.returning_intro_s": Target("<=", 15.0, "issue 18: returning-user intros at most "
                                         "15 s"),
    "sessions.replies": Target("<=", 0.0, "issue 18: no baked replies in renders"),
    "sessions.loudness_lu": Target("<=", 1.0, "issue 18: about -18 LUFS integrated; chosen: "
                                   "within 1 LU, the step a listener starts to notice; "
                                   "renders held under it by the balance (bed and cues at "
                                   "least 6 LU under the voice) are reported apart"),
    "sessions.true_peak_dbtp": Target("<=", -1.5, "issue 18: true peak at most -1.5 dBTP"),
    "sessions.silence_s": Target("<=", 1.0, "issue 18: no digital silence longer than 1 s"),
    "engine.render_x": Target(">=", 10.0, "chosen: a 30-minute session exports in 3 minutes"),
    # voice (issue 4)
    "voice.first_audio_s": Target("<=", 0.5, "issue 4: first phrase ready within 0.5 s"),
    "voice.load_s": Target("<=", 0.5, "chosen: loading must fit in the 0.5 s first-audio "
                                      "budget"),
    "voice.rtf": Target("<=", 0.2, "chosen: phrases render ahead of need, 5x faster than "
                                   "they play"),
    "voice.cache_hit_ms": Target("<=", 10.0, "chosen: 'starts instantly the second time', "
                                             "well under one 50 ms block"),
    "voice.recognized": Target(">=", 1.0, "issue 4: phrases recognized back (round trip)"),
}
