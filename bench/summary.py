"""The one summary table: every benchmark figure beside its target (bench/targets.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from bench.targets import TARGETS

Fmt = Callable[[float], str]
SHORT = "✗ SHORT"
OK = "✓"


def pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def sec(x: float) -> str:
    return f"{x:.3f} s"


def ms(x: float) -> str:
    return f"{x:.1f} ms"


def times(x: float) -> str:
    return f"{x:.2f}x"


def plain(x: float) -> str:
    return f"{x:.3g}"


@dataclass
class Row:
    area: str
    metric: str
    figure: str
    target: str
    mark: str
    note: str = ""


def row(area: str, metric: str, value: float | None, key: str | None, fmt: Fmt,
        note: str = "", shown: str | None = None) -> Row:
    """``shown``: the figure as printed when it is more than ``value`` (e.g. "p50 / p95")."""
    target = TARGETS[key] if key else None
    if value is None:
        return Row(area, metric, "not measured", _target(target, fmt), "", note)
    mark = "" if target is None else OK if target.met(value) else SHORT
    return Row(area, metric, shown or fmt(value), _target(target, fmt), mark, note)


def _target(target: Any, fmt: Fmt) -> str:
    if target is None:
        return "-"
    return f"{'≤' if target.op == '<=' else '≥'} {fmt(target.value)}"


def get(data: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(data, dict) or k not in data:
            return None
        data = data[k]
    return data


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


# ------------------------------------------------------------------ per area


def _recognizer_rows(area: str, run: dict[str, Any]) -> Iterator[Row]:
    ours = get(run, "ours")
    for cond in ("clean", "10dB", "5dB"):
        n = get(ours, cond, "n_in")
        yield row(area, f"intent accuracy, {cond}", get(ours, cond, "accuracy"),
                  f"ears.accuracy.{cond}", pct, f"{n} spoken commands" if n else "")
    real = get(run, "real_people")
    yield row(area, "intent accuracy, real people", get(real, "accuracy"), "ears.real_people",
              pct, f"{get(real, 'n_in')} recordings, answer mode" if real else
              "recordings not built (bench/build_realpeople.py)")
    yield row(area, "false accepts (out-of-domain speech)", get(ours, "all", "false_accept"),
              "ears.false_accept", pct,
              f"noise alone: {get(ours, 'all', 'noise_only_false_accepts')} accepted")
    yield row(area, "latency after end of speech p95, bare stop/pause",
              get(ours, "all", "latency_bare_p95"), "ears.latency_bare_p95_s", sec,
              f"{get(ours, 'all', 'n_bare')} decided right")
    yield row(area, "latency after end of speech p95, all controls",
              get(ours, "all", "latency_controls_p95"), None, sec,
              "every phrasing of a control; reported")
    yield row(area, "latency after end of speech p95, sentences",
              get(ours, "all", "latency_sentences_p95"), "ears.latency_sentences_p95_s", sec)
    yield row(area, "real-time factor (one core)", get(ours, "all", "rtf"), None, plain,
              "issue 17: reported")
    yield row(area, "recognizer ready after start", get(run, "startup", "startup_s"),
              "ears.startup_s", sec, "fresh process, recognizer alone")
    yield row(area, "peak memory of the recognizer", get(run, "startup", "peak_mb"), None,
              lambda x: f"{x:.0f} MB")


def ears_rows(e: dict[str, Any] | None) -> Iterator[Row]:
    ours, peer = get(e, "ours"), get(e, "peer")
    runs = get(e, "recognizers") or {}
    primary = get(e, "primary") or "ears"
    for name, run in runs.items():
        area = f"ears: {name}" + (" (default)" if name == primary else "")
        yield from _recognizer_rows(area, run)
    if not runs:
        yield from _recognizer_rows("ears", {"ours": ours, "startup": get(e, "startup")})
    if peer is None:
        yield Row("peer", "naive peer ratios", "not run", "-", "", "make bench only (not --quick)")
        return
    note = "peer: free-form PocketSphinx + keyword search, quick subset"
    for cond in ("clean", "10dB", "5dB"):
        r = ratio(get(ours, cond, "accuracy"), get(peer, cond, "accuracy"))
        yield row("peer", f"accuracy ours / peer, {cond}", r, "peer.accuracy_ratio", times,
                  note if cond == "clean" else "")
    yield row("peer", "latency p95 ours / peer",
              ratio(get(ours, "all", "latency_p95"), get(peer, "all", "latency_p95")),
              "peer.latency_ratio", times)
    yield row("peer", "latency p50 ours / peer",
              ratio(get(ours, "all", "latency_p50"), get(peer, "all", "latency_p50")),
              "peer.latency_ratio", times)
    yield row("peer", "false accepts ours / peer",
              ratio(get(ours, "all", "false_accept"), get(peer, "all", "false_accept")),
              "peer.false_accept_ratio", times)


def listen_rows(li: dict[str, Any] | None) -> Iterator[Row]:
    s, idle = get(li, "summary"), get(li, "idle")
    yield row("listen", "`attune listen` ready to listen after launch", get(idle, "startup_s"),
              "listen.startup_s", sec,
              "launch to its 'listening' event, live pace, median of 3 launches")
    yield row("listen", "peak memory of `attune listen` idle", get(idle, "peak_mb"),
              "listen.peak_mb", lambda x: f"{x:.0f} MB",
              f"during a session: {get(s, 'session_peak_mb')} MB")
    yield row("listen", "idle CPU of the listening loop (% of one core)",
              get(idle, "idle_cpu_pct"), "listen.idle_cpu_pct", lambda x: f"{x:.1f}%",
              f"quiet room, {get(idle, 'window_s')} s after the greeting")
    acted, n = get(s, "acted_on"), get(s, "commands")
    missed = get(s, "missed") or []
    yield row("listen", "spoken commands acted on", ratio(acted, n), "listen.acted_on", pct,
              ("missed: " + "; ".join(missed)) if missed else "",
              shown=f"{acted}/{n}" if n else None)
    p50, p95 = get(s, "live_p50_s"), get(s, "live_p95_s")
    yield row("listen", "end of command to response, live, p50 / p95", p95,
              "listen.response_p95_s", sec, "virtual-time stream positions + 0.15 s output lead",
              shown=f"{sec(p50)} / {sec(p95)}" if p95 is not None else None)
    a50, a95 = get(s, "audible_p50_s"), get(s, "audible_p95_s")
    yield row("listen", "end of command to audible change (virtual), p50 / p95", a95, None, sec,
              "full run only; later than the response when a command lands in a quiet moment",
              shown=f"{sec(a50)} / {sec(a95)}" if a95 is not None else None)


def engine_rows(en: dict[str, Any] | None) -> Iterator[Row]:
    lat = get(en, "latency_summary_ms")
    yield row("engine", "control latency, pause/stop/skip/louder/quieter (virtual, max)",
              get(lat, "immediate_max"), "engine.control_ms", ms,
              "arrival to first changed sample, at every kind of step")
    yield row("engine", "control latency, spoken replies in a quiet moment (virtual, max)",
              get(lat, "spoken_reply_max"), "engine.control_ms", ms,
              "slower, faster, repeat, time_left")
    # Not held to the 100 ms: Attune never talks over itself, so "slowing down" or a
    # repeat waits for the sentence in progress to end (the pace change itself applies
    # at once, to the next phase).
    yield row("engine", "spoken reply to a control given mid-sentence (virtual, max)",
              get(lat, "spoken_reply_during_speech_max"), None, ms,
              "by design: the words wait for the sentence to end; the change applies at once")
    yield row("engine", "control latency, sound-card path (real time, max)",
              get(en, "latency_real_ms", "max"), "engine.control_ms", ms,
              f"median {get(en, 'latency_real_ms', 'median') or 0:.1f} ms, software device")
    d = get(en, "drift")
    yield row("engine", "timing drift over a 30-minute session", get(d, "drift_ms"),
              "engine.drift_ms", ms,
              f"{get(d, 'inhales')} inhales vs an ideal metronome; length error "
              f"{get(d, 'length_error_samples')} samples" if d else "")
    r = get(en, "render")
    yield row("engine", "render speed, whole library (cold cache)", get(r, "x_realtime_cold"),
              "engine.render_x", lambda x: f"{x:.0f}x",
              f"{get(r, 'audio_s')} s of audio; warm {get(r, 'x_realtime_warm')}x" if r else
              "full run only")


def sessions_rows(se: dict[str, Any] | None) -> Iterator[Row]:
    sm = get(se, "summary")
    area = "sessions"
    within, asked, honest = get(sm, "within_10pct"), get(sm, "asked"), get(sm, "honest")
    yield row(area, "renders within 10% of the minutes asked, or saying their shortest",
              ratio(honest, asked), "sessions.length", pct,
              f"minutes asked: {get(sm, 'minutes_asked')}; within 10%: {within}; "
              f"said their shortest: {get(sm, 'says_shortest')}",
              shown=f"{honest}/{asked}" if asked else None)
    yield row(area, "returning-user introduction, longest", get(sm, "returning_intro_max_s"),
              "sessions.returning_intro_s", lambda x: f"{x:.1f} s",
              "the one-sentence intro: seconds until the practice")
    yield row(area, "replies baked into renders", get(sm, "replies"), "sessions.replies",
              lambda x: f"{x:.0f}", f"listening windows: {get(sm, 'listening_s')} s")
    lo, hi = get(sm, "lufs_min"), get(sm, "lufs_max")
    yield row(area, "loudness, furthest from -18 LUFS (speech-led renders)",
              get(sm, "loudness_off_lu"), "sessions.loudness_lu", lambda x: f"{x:.1f} LU",
              f"integrated loudness {lo} to {hi} LUFS" if lo is not None else "")
    yield row(area, "renders held under -18 by the balance (bed 6 LU under the voice)",
              get(sm, "held_by_balance"), None, lambda x: f"{x:.0f}",
              f"quietest {get(sm, 'held_lufs_min')} LUFS: {get(sm, 'held_renders')}")
    yield row(area, "true peak, loudest render", get(sm, "true_peak_max_dbtp"),
              "sessions.true_peak_dbtp", lambda x: f"{x:.2f} dBTP")
    yield row(area, "longest digital silence in a render", get(sm, "longest_silence_s"),
              "sessions.silence_s", sec)
    yield row(area, "first breath or practice pause, latest", get(sm, "first_practice_max_s"),
              None, lambda x: f"{x:.0f} s", "how long an introduction holds a person back")


def voice_rows(tts: list[dict[str, Any]] | None) -> Iterator[Row]:
    for t in tts or []:
        area = f"voice: {t['engine']}"
        yield row(area, "load time", t["load_s"], "voice.load_s", sec)
        yield row(area, "first audio, cold (process start to first phrase)",
                  t["first_audio_cold_s"], "voice.first_audio_s", sec)
        yield row(area, "first audio, warm (voice loaded)", t["first_chunk_warm_s"],
                  "voice.first_audio_s", sec)
        yield row(area, "real-time factor", t["rtf"], "voice.rtf", plain)
        yield row(area, "cache hit", t["cache_hit_ms"], "voice.cache_hit_ms", ms)
        yield row(area, "commands recognized back", t["recognized"] / t["recognized_of"],
                  "voice.recognized", pct, "PocketSphinx with a grammar of the commands",
                  shown=f"{t['recognized']}/{t['recognized_of']}")
        yield row(area, "peak memory", t["peak_rss_mb"], None, lambda x: f"{x:.0f} MB")


def understanding_rows(u: dict[str, Any] | None) -> Iterator[Row]:
    q, e, c, d = get(u, "requests"), get(u, "everyday"), get(u, "crisis"), get(u, "distress")
    area = "understanding"
    yield row(area, "requests right on intent and slots (reported half)", get(q, "accuracy"),
              "understanding.requests", pct, f"by source {get(q, 'by_source')}",
              shown=f"{get(q, 'right')}/{get(q, 'n')} = {pct(get(q, 'accuracy'))}" if q else None)
    yield row(area, "everyday talk taken as a command", get(e, "false_accept"),
              "understanding.everyday", pct,
              shown=f"{get(e, 'commands')}/{get(e, 'n')}" if e else None)
    caught = ratio(get(c, "caught"), get(c, "n"))
    yield row(area, "crisis phrasings caught, before anything else", caught,
              "understanding.crisis", pct,
              f"negations and idioms kept out: {get(c, 'negations_kept')}/"
              f"{get(c, 'negations')}" if c else "",
              shown=f"{get(c, 'caught')}/{get(c, 'n')}" if c else None)
    yield row(area, "distress phrasings reaching calm-sos in one turn", get(d, "rate"),
              "understanding.distress", pct,
              shown=f"{get(d, 'to_sos')}/{get(d, 'n')}" if d else None)
    yield row(area, "parse time per sentence, p95", get(u, "parse_ms", "p95"),
              "understanding.parse_ms", ms, f"p50 {get(u, 'parse_ms', 'p50') or 0:.2f} ms")
    yield row(area, "matcher load, fresh process", get(u, "load_ms"), "understanding.load_ms",
              ms, "every mode's templates, tolerant tables, library and vocabulary")


def rows(results: dict[str, Any]) -> list[Row]:
    return [*understanding_rows(results.get("bench_understanding")),
            *ears_rows(results.get("bench_ears")), *listen_rows(results.get("bench_listen")),
            *engine_rows(results.get("bench_engine")),
            *sessions_rows(results.get("bench_sessions")), *voice_rows(results.get("bench_tts"))]


# ------------------------------------------------------------------ output


HEAD = ("area", "metric", "figure", "target", "mark")


def text_table(table: list[Row]) -> str:
    cells = [HEAD] + [(r.area, r.metric, r.figure, r.target, r.mark) for r in table]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEAD))]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(len(HEAD))).rstrip() for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(table: list[Row]) -> str:
    lines = ["| area | metric | figure | target | mark | note |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in table:
        lines.append(f"| {r.area} | {r.metric} | {r.figure} | {r.target} | {r.mark} | "
                     f"{r.note} |")
    return "\n".join(lines)


def as_dicts(table: list[Row]) -> list[dict[str, str]]:
    return [asdict(r) for r in table]
