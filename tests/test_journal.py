"""The private journal: durable, private, honest about deleting, and readable back."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest

from voice.errors import AttuneError, MissingDependency
from voice.journal import migrations
from voice.journal.history import plot, summary
from voice.journal.store import Journal
from voice.paths import journal_path

from .conftest import REPO, run_attune

T0 = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def add_feeling(j: Journal, word: str, at: datetime, intensity: int | None = 5) -> int:
    return j.add_check_in(word, "fear", intensity, "tight chest", "rest", -0.5, 0.7,
                          "extended-exhale", source="text", at=at)


def test_open_makes_a_private_wal_journal(tmp_path: Path) -> None:
    path = tmp_path / "new" / "journal.sqlite3"
    with Journal.open(path) as j:
        add_feeling(j, "anxious", T0)
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        for extra in ("-wal", "-shm"):
            assert mode(Path(f"{path}{extra}")) == 0o600
        conn = j._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert j.integrity_ok()


def test_default_path_is_in_the_data_dir() -> None:
    with Journal.open() as j:
        assert j.path == journal_path()
    assert journal_path().exists()


def test_loose_permissions_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    path.chmod(0o644)
    Journal.open(path).close()
    assert mode(path) == 0o600


def test_reopening_keeps_entries_and_version(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        add_feeling(j, "anxious", T0)
    with Journal.open(path) as j:
        assert [e["feeling"] for e in j.entries()] == ["anxious"]


def test_a_newer_journal_is_refused_calmly(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(AttuneError, match="newer Attune"):
        Journal.open(path)


def test_a_failing_migration_changes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    latest = migrations.LATEST
    broken = [*migrations.MIGRATIONS,
              (latest + 1, ["CREATE TABLE half_done (a)", "NOT SQL AT ALL"])]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "LATEST", latest + 1)
    with pytest.raises(AttuneError):
        Journal.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()


def test_entries_come_back_in_time_order_with_utc_offsets(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite3") as j:
        add_feeling(j, "later", T0 + timedelta(hours=2))
        j.add_session("box-breathing", T0 + timedelta(hours=1), 4.0, True, 6, 3)
        add_feeling(j, "earlier", T0)
        j.add_crisis_event(at=T0 + timedelta(hours=3))
        # A naive time is local time; stored as UTC all the same.
        j.add_crisis_event(at=datetime(2024, 5, 6, 23, 0), transcript="words")
        got = j.entries()
    kinds = [e["kind"] for e in got]
    assert kinds[:4] == ["check_in", "session", "check_in", "crisis"]
    assert got[0]["feeling"] == "earlier" and got[0]["at"] == "2024-05-06T09:30:00.000+00:00"
    expected = {"session_id": "box-breathing", "minutes_practised": 4.0, "completed": True,
                "rating_before": 6, "rating_after": 3}
    assert {k: got[1][k] for k in expected} == expected
    assert got[3]["transcript"] is None
    assert all(e["at"].endswith("+00:00") for e in got)
    assert [e for e in got if e["kind"] == "crisis"][-1]["transcript"] == "words"


def test_entries_since(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite3") as j:
        for day in range(5):
            add_feeling(j, f"day{day}", T0 + timedelta(days=day))
        assert [e["feeling"] for e in j.entries(T0 + timedelta(days=3))] == ["day3", "day4"]


def test_bad_values_are_refused(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite3") as j:
        with pytest.raises(ValueError):
            j.add_check_in("x", None, 11, None, None, None, None, None, "text")
        with pytest.raises(ValueError):
            j.add_check_in("x", None, 3, None, None, None, None, None, "email")
        with pytest.raises(sqlite3.IntegrityError):
            j.add_check_in("x", None, 3, None, None, 5.0, None, None, "text")
        assert j.entries() == []


def test_forget_before_and_all(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite3") as j:
        for day in range(4):
            add_feeling(j, f"day{day}", T0 + timedelta(days=day))
        j.add_session("body-scan", T0, 10, False, None, None)
        assert j.count(T0 + timedelta(days=2)) == 3
        assert j.forget(T0 + timedelta(days=2)) == 3
        assert [e["feeling"] for e in j.entries()] == ["day2", "day3"]
        assert j.forget() == 2
        assert j.entries() == [] and j.integrity_ok()


def test_forgotten_words_are_gone_from_the_files(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    marker = "a-very-private-sentence-4711"
    with Journal.open(path) as j:
        for n in range(50):
            j.add_check_in("sad", "sadness", 4, f"{marker} {n}", marker, None, None, None,
                           "text", at=T0)
        j.forget()
        blobs = b"".join(Path(f"{path}{s}").read_bytes() for s in ("", "-wal")
                         if Path(f"{path}{s}").exists())
        assert marker.encode() not in blobs
        assert Path(f"{path}-wal").stat().st_size == 0


# The child writes check-ins forever and prints each id only after its commit.
CHILD = """
import sys
from pathlib import Path
from voice.journal.store import Journal
j = Journal.open(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    rid = j.add_check_in("steady", "calm", n % 11, "body " * 20, None, 0.4, 0.2, None, "text")
    sys.stdout.write(f"{rid}\\n")
    sys.stdout.flush()
"""


def collect(stream: IO[str], lines: list[str], first: threading.Event) -> None:
    for line in stream:
        lines.append(line)
        first.set()


def test_acknowledged_check_ins_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash" / "journal.sqlite3"
    rng = random.Random(20240506)
    acknowledged: set[int] = set()
    for _ in range(10):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=REPO,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        lines: list[str] = []
        first = threading.Event()
        reader = threading.Thread(target=collect, args=(child.stdout, lines, first),
                                  daemon=True)
        reader.start()
        assert first.wait(30), "the child never wrote a check-in"
        time.sleep(rng.uniform(0.0, 0.4))  # a random moment mid-stream
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        reader.join(10)
        acknowledged |= {int(line) for line in lines if line.endswith("\n")}
    assert len(acknowledged) > 10
    with Journal.open(path) as j:
        stored = {e["id"] for e in j.entries()}
        assert j.integrity_ok()
    assert acknowledged <= stored
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    for extra in ("", "-wal", "-shm"):
        if Path(f"{path}{extra}").exists():
            assert mode(Path(f"{path}{extra}")) == 0o600


# --- attune history and attune forget, as a user runs them -------------------

def fill(now: datetime) -> None:
    with Journal.open() as j:
        add_feeling(j, "anxious", now - timedelta(days=1), 7)
        add_feeling(j, "calm", now - timedelta(days=2), 2)
        add_feeling(j, "anxious", now - timedelta(days=3), 6)
        add_feeling(j, "sad", now - timedelta(days=20), 5)
        j.add_session("extended-exhale", now - timedelta(days=1), 20, True, 7, 4)
        j.add_session("body-scan", now - timedelta(days=2), 18.4, False, None, None)
        j.add_crisis_event(at=now - timedelta(days=2))


def test_history_summary_is_gentle() -> None:
    fill(datetime.now(UTC))
    result = run_attune("history")
    assert result.returncode == 0, result.stderr
    assert "You checked in 3 times this week and practised twice, 38 minutes in all." \
        in result.stdout
    assert "anxious (2)" in result.stdout
    for word in ("streak", "missed", "should", "only"):
        assert word not in result.stdout.lower()


def test_history_on_an_empty_journal_is_kind_and_creates_nothing() -> None:
    result = run_attune("history")
    assert result.returncode == 0
    assert "That's okay" in result.stdout
    assert not journal_path().exists()


def test_summary_wording() -> None:
    session = {"kind": "session", "minutes_practised": 0.5}
    assert summary([session], 7) == "You practised once this week, under a minute in all."
    check = {"kind": "check_in", "feeling": None}
    assert summary([check], 30) == "You checked in once in the last 30 days."
    assert summary([check, check], None) == "You checked in twice so far."


def test_history_json_and_csv() -> None:
    fill(datetime.now(UTC))
    rows = json.loads(run_attune("history", "--json").stdout)
    assert [r["kind"] for r in rows].count("check_in") == 3
    assert {"kind", "at"} <= set(rows[0]) and "id" not in rows[0]
    everything = json.loads(run_attune("history", "--all", "--json").stdout)
    assert len(everything) == len(rows) + 1
    csv_out = run_attune("history", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("kind,at,feeling,family,intensity")
    assert len(csv_out) == 1 + len(rows)


def test_history_plot_writes_a_png(tmp_path: Path) -> None:
    fill(datetime.now(UTC))
    out = tmp_path / "chart.png"
    result = run_attune("history", "--days", "30", "--plot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_without_matplotlib_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependency, match=r"attune\[plot\]"):
        plot([{"kind": "check_in"}], tmp_path / "x.png", 7)


def test_plot_with_nothing_to_show_is_a_calm_error() -> None:
    result = run_attune("history", "--plot", "never.png")
    assert result.returncode == 1
    assert result.stderr.startswith("attune: nothing to plot")


def test_forget_needs_the_typed_word() -> None:
    fill(datetime.now(UTC))
    kept = run_attune("forget", "--all", input="yes\n")
    assert kept.returncode == 1 and "Nothing was deleted" in kept.stdout
    gone = run_attune("forget", "--all", input="forget\n")
    assert gone.returncode == 0, gone.stderr
    assert "Deleted 7 entries" in gone.stdout
    with Journal.open() as j:
        assert j.entries() == []


def test_forget_before_a_date_with_yes() -> None:
    now = datetime.now(UTC)
    fill(now)
    cutoff = (now - timedelta(days=10)).date().isoformat()
    result = run_attune("forget", "--before", cutoff, "--yes")
    assert result.returncode == 0, result.stderr
    assert "Deleted 1 entry" in result.stdout
    with Journal.open() as j:
        assert "sad" not in [e.get("feeling") for e in j.entries()]


def test_forget_refuses_a_bad_date_in_one_line() -> None:
    result = run_attune("forget", "--before", "last tuesday", "--yes")
    assert result.returncode == 1
    assert result.stderr.strip() == \
        "attune: --before wants a date like 2024-05-01, not 'last tuesday'"


def test_a_version_1_journal_gains_the_pace_and_keeps_its_sessions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    with monkeypatch.context() as m:  # a journal written before paces were kept
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        m.setattr(migrations, "LATEST", 1)
        Journal.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO sessions (session_id, started_at, minutes_practised, "
                     "completed, rating_before, rating_after) VALUES (?, ?, 4.0, 1, 6, 3)",
                     ("box-breathing", T0.isoformat()))
    conn.close()
    with Journal.open(path) as j:
        (old,) = [e for e in j.entries() if e["kind"] == "session"]
        assert old["session_id"] == "box-breathing" and old["pace"] is None
        assert j.last_pace("box-breathing") is None
        j.add_session("box-breathing", T0 + timedelta(days=1), 4.0, True, None, None, pace=1.44)
        j.add_session("calm-sos", T0 + timedelta(days=2), 1.0, True, None, None, pace=0.83)
        j.add_session("box-breathing", T0 + timedelta(days=3), 1.0, False, None, None)
        assert j.last_pace("box-breathing") == pytest.approx(1.44)
        assert j.last_pace("calm-sos") == pytest.approx(0.83)


# --- the chart: only what was said, axes that read well -----------------------

def entry_check(at: datetime, word: str | None, intensity: int | None) -> dict[str, object]:
    return {"kind": "check_in", "at": at.astimezone(UTC).isoformat(), "feeling": word,
            "intensity": intensity, "valence": -0.5, "arousal": 0.7}


def entry_session(at: datetime, sid: str, before: int | None,
                  after: int | None) -> dict[str, object]:
    return {"kind": "session", "at": at.astimezone(UTC).isoformat(), "session_id": sid,
            "minutes_practised": 1.0, "completed": True, "rating_before": before,
            "rating_after": after}


def drawn(entries: list[dict[str, object]], days: int | None = 7) -> tuple[Any, list[str]]:
    import io

    from voice.journal.chart import figure

    fig = figure(entries, days)
    fig.savefig(io.BytesIO(), format="png")  # lays the ticks out
    (ax,) = fig.axes  # one axis: the strength as rated, nothing guessed beside it
    return ax, [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


LOCAL_NOON = datetime(2024, 5, 6, 12, 0).astimezone()


def test_with_only_practice_and_no_ratings_there_is_no_chart_but_words(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    only_practice = [entry_session(LOCAL_NOON, "box-breathing", None, None)]
    with pytest.raises(AttuneError, match="nothing to plot this week: No check-ins"):
        plot(only_practice, out, 7)
    assert not out.exists()


def test_one_day_reads_in_hours() -> None:
    entries = [entry_check(LOCAL_NOON.replace(hour=h, minute=m), w, n) for h, m, w, n in
               ((9, 5, "anxious", 6), (12, 28, "calm", 3), (15, 40, "tired", 5))]
    ax, labels = drawn(entries)
    assert labels and all(re.fullmatch(r"\d\d:00", t) for t in labels), labels
    assert len(labels) <= 9 and ax.get_xlabel() == "Monday 06 May 2024"
    assert ax.get_title(loc="left") == "Your check-ins this week"
    assert {t.get_text() for t in ax.texts} >= {"anxious", "calm", "tired"}


def test_a_week_reads_in_days() -> None:
    entries = [entry_check(LOCAL_NOON + timedelta(days=d), "sad", d) for d in range(7)]
    _, labels = drawn(entries)
    assert all(re.fullmatch(r"[A-Z][a-z]{2} \d\d [A-Z][a-z]{2}", t) for t in labels), labels
    assert labels[0] == "Mon 06 May" and 7 <= len(labels) <= 8


def test_a_month_reads_in_weeks() -> None:
    entries = [entry_check(LOCAL_NOON + timedelta(days=d), "sad", 5) for d in range(0, 30, 3)]
    _, labels = drawn(entries, 30)
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2}", t) for t in labels), labels
    assert 3 <= len(labels) <= 6


def test_pleasantness_guessed_from_the_word_is_not_drawn() -> None:
    ax, _ = drawn([entry_check(LOCAL_NOON, "anxious", 6)])
    labels = [line.get_label() for line in ax.get_lines()]
    assert not any("pleasant" in str(label) for label in labels)
    assert ax.get_ylabel() == "strength, 0 to 10, as you rated it"


def test_before_and_after_ratings_are_drawn_with_the_practice_title() -> None:
    entries = [entry_check(LOCAL_NOON, "scared", 9),
               entry_session(LOCAL_NOON + timedelta(minutes=5), "calm-sos", 8, 5)]
    ax, _ = drawn(entries, 1)
    assert ax.get_title(loc="left") == "Your check-ins and practice today"
    texts = {t.get_text() for t in ax.texts}
    assert "One minute calm" in texts and "calm-sos" not in texts
    ys = {tuple(line.get_ydata()) for line in ax.get_lines()}
    assert (8,) in ys and (5,) in ys
    only_rated, _ = drawn([entry_session(LOCAL_NOON, "box-breathing", 6, 3)])
    assert only_rated.get_title(loc="left") == "Your practice, before and after this week"


def test_history_names_practices_by_their_titles_and_marks_derived_values() -> None:
    now = datetime.now(UTC)
    with Journal.open() as j:
        j.add_session("calm-sos", now - timedelta(hours=1), 1.0, True, 8, 5)
        add_feeling(j, "anxious", now, 6)
    table = run_attune("history", env={"COLUMNS": "160"}).stdout
    assert "One minute calm" in table and "calm-sos" not in table
    assert "8 → 5" in table
    (check,) = [r for r in json.loads(run_attune("history", "--json").stdout)
                if r["kind"] == "check_in"]
    assert check["valence_from_word"] == -0.5 and "valence" not in check
    header = run_attune("history", "--csv").stdout.splitlines()[0]
    assert "valence_from_word" in header and ",valence," not in header
