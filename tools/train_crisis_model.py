"""Train the learned crisis backstop (voice/feelings/crisis_model.py) and choose its threshold.

    python tools/train_crisis_model.py [--check]

Data: only what may be tuned on. The tune half of bench/understanding (the four split
files through ``bench_understanding.load("tune")``, which also reads every tune-only file)
and the phrasings of tests/data, less any sentence that is also in the reported half.
Crisis phrasings are positive; near misses, everyday talk, requests and distress are
negative. Blind batches waiting in bench/understanding/incoming are never read here (the
fourth, once /work/fresh4, is now tune-crisis10 and is read).

Model: logistic regression over the hashed features of crisis_model (binary, each sentence
scaled to unit length), full-batch Adam with L2, positives and negatives weighted to equal
total, near misses twice an everyday sentence. Deterministic: no sampling, a fixed order.

Threshold: by cross-validation across writers. Each source file is one group, and every
sentence is scored by a model trained without its file, as a new writer's sentences would
be. The threshold is the lowest score (log-odds) at which at most 0.3% of near misses, no
request and no everyday sentence would be flagged (out of fold), plus a margin; and, if
the final model scores any sentence it was trained on as not crisis at or above that, just
above the highest of them (a near miss the tests name must never be flagged).

``--check`` trains and prints the figures without writing the weights.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_understanding import DATA, EXTRA, SAFETY, _rows, load  # noqa: E402
from voice.feelings.crisis_model import BUCKETS, WEIGHTS, features, ruled_out, save, tokens  # noqa: E402

EPOCHS = 300
RATE = 0.05
L2 = 1e-5
NEAR_WEIGHT = 2.0
NEAR_RATE = 0.003  # at most this share of near misses flagged out of fold
MARGIN = 0.5  # added to the score the folds allow (log-odds)
IN_SAMPLE_GAP = 0.1  # above the highest-scored trained negative, if that is above the folds' line
PRUNE = 0.02  # weights smaller than this are dropped from the kept file
Row = tuple[str, str, int]  # (group, text, label) with label 1 crisis; group names the set


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'")))


def _file_of() -> dict[str, str]:
    """Which tune-only file each sentence came from (its writer)."""
    out: dict[str, str] = {}
    for name in (*SAFETY, *EXTRA):
        if (DATA / name).exists():
            for row in _rows(name):
                text = row[1] if name in SAFETY else (row[2] if len(row) > 2 else "")
                out.setdefault(_key(text), name.removesuffix(".tsv"))
    return out


def dataset() -> list[tuple[str, str, int, str]]:
    """(group, text, label, role) for every sentence that may be trained on; role is
    crisis, near, request, everyday or distress."""
    reported = {_key(c.text) for cases in load("report").values() for c in cases}
    writer = _file_of()
    out: list[tuple[str, str, int, str]] = []
    seen: set[str] = set()

    def add(group: str, text: str, label: int, role: str) -> None:
        key = _key(text)
        if key and key not in seen and key not in reported:
            seen.add(key)
            out.append((writer.get(key, group), text, label, role))

    sets = load("tune")
    for case in sets["crisis"]:
        add("crisis", case.text, case.intent == "crisis",
            "crisis" if case.intent == "crisis" else "near")
    for name, role in (("requests", "request"), ("everyday", "everyday"),
                       ("distress", "distress")):
        for case in sets[name]:
            add(name, case.text, 0, role)
    tests = ROOT / "tests" / "data"
    crisis = yaml.safe_load((tests / "crisis_phrases.yaml").read_text(encoding="utf-8"))
    for case in crisis["crisis"]:
        add("tests-crisis", case["text"], 1, "crisis")
    for text in crisis["not_crisis"]:
        add("tests-crisis", text, 0, "near")
    distress = yaml.safe_load((tests / "distress_phrases.yaml").read_text(encoding="utf-8"))
    for case in distress["distress"]:
        add("tests-distress", case["text"] if isinstance(case, dict) else case, 0, "distress")
    for case in distress["not_distress"]:
        add("tests-distress", case["text"] if isinstance(case, dict) else case, 0, "everyday")
    return out


def labelled() -> tuple[list[tuple[str, str, int, str]], list[str], list[str],
                        npt.NDArray[np.float64]]:
    """The dataset with its groups (writers), roles and labels as a vector."""
    rows = dataset()
    return (rows, [g for g, *_ in rows], [role for *_, role in rows],
            np.array([label for _, _, label, _ in rows], dtype=np.float64))


class Matrix:
    """Rows of binary features, each scaled to unit length (compressed sparse rows)."""

    def __init__(self, rows: list[npt.NDArray[np.int64]]) -> None:
        self.indices = np.concatenate(rows)
        self.lengths = np.array([len(r) for r in rows])
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]])
        self.values = np.repeat(1.0 / np.sqrt(self.lengths), self.lengths)
        self.row_of = np.repeat(np.arange(len(rows)), self.lengths)

    def take(self, keep: npt.NDArray[np.bool_]) -> Matrix:
        rows = [self.indices[s:s + n] for s, n, k in zip(self.starts, self.lengths, keep,
                                                          strict=True) if k]
        return Matrix(rows)

    def dot(self, w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.add.reduceat(w[self.indices] * self.values, self.starts)

    def t_dot(self, r: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(self.indices, weights=r[self.row_of] * self.values,
                           minlength=BUCKETS)


def train(x: Matrix, y: npt.NDArray[np.float64], weight: npt.NDArray[np.float64],
          ) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias of a weighted logistic regression (full-batch Adam, L2)."""
    w = np.zeros(BUCKETS)
    b = 0.0
    m = np.zeros(BUCKETS)
    v = np.zeros(BUCKETS)
    mb = vb = 0.0
    weight = weight / weight.sum()
    for step in range(1, EPOCHS + 1):
        p = 1.0 / (1.0 + np.exp(-(x.dot(w) + b)))
        r = (p - y) * weight
        g = x.t_dot(r) + L2 * w
        gb = float(r.sum())
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        fix1, fix2 = 1 - 0.9 ** step, 1 - 0.999 ** step
        w -= RATE * (m / fix1) / (np.sqrt(v / fix2) + 1e-8)
        b -= RATE * (mb / fix1) / (np.sqrt(vb / fix2) + 1e-8)
    return w, b


def sample_weights(labels: npt.NDArray[np.float64], roles: list[str]) -> npt.NDArray[np.float64]:
    raw = np.array([NEAR_WEIGHT if role == "near" else 1.0 for role in roles])
    pos = labels == 1
    raw[pos] /= raw[pos].sum()
    raw[~pos] /= raw[~pos].sum()
    return raw


def predict(x: Matrix, w: npt.NDArray[np.float64], b: float) -> npt.NDArray[np.float64]:
    """Scores (log-odds), not probabilities: far from zero they keep their order."""
    return x.dot(w) + b


def choose_threshold(score: npt.NDArray[np.float64], roles: list[str]) -> float:
    """The lowest score meeting the false-alarm aims out of fold, plus the margin."""
    by = {role: np.sort(score[[r == role for r in roles]])[::-1]
          for role in ("near", "request", "everyday", "distress")}
    allowed = int(NEAR_RATE * len(by["near"]))  # this many near misses may be above
    floor = max(by["near"][allowed], by["request"][0], by["everyday"][0])
    return float(floor) + MARGIN


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print figures, write nothing")
    args = ap.parse_args()
    rows, groups, roles, y = labelled()
    x = Matrix([features(text) for _, text, _, _ in rows])
    weight = sample_weights(y, roles)
    print(f"{len(rows)} sentences: " + ", ".join(
        f"{role} {roles.count(role)}" for role in sorted(set(roles))))
    out_of_fold = np.zeros(len(rows))
    for group in sorted(set(groups)):
        held = np.array([g == group for g in groups])
        w, b = train(x.take(~held), y[~held], sample_weights(y[~held], [
            r for r, h in zip(roles, held, strict=True) if not h]))
        out_of_fold[held] = predict(x.take(held), w, b)
    guarded = np.array([ruled_out(tokens(text)) for _, text, _, _ in rows])
    out_of_fold[guarded] = -np.inf  # the guards say no before the model is asked
    threshold = choose_threshold(out_of_fold, roles)
    flagged = out_of_fold >= threshold
    print(f"threshold {threshold:.3f} log-odds (out of fold, one writer's file held out at a time)")
    for role in ("crisis", "near", "request", "everyday", "distress"):
        mask = np.array([r == role for r in roles])
        print(f"  {role:9} flagged {int(flagged[mask].sum())}/{int(mask.sum())}")
    w, b = train(x, y, weight)
    w[np.abs(w) < PRUNE] = 0.0
    inside = predict(x, w, b)
    negatives = inside[(y == 0) & ~guarded]
    if negatives.size and negatives.max() >= threshold:  # never flag a sentence it learned
        threshold = float(negatives.max()) + IN_SAMPLE_GAP  # is not crisis
        print(f"threshold raised to {threshold:.3f} above every negative it was trained on")
    seen = (inside >= threshold) & ~guarded
    print(f"all data, pruned: crisis {int(seen[y == 1].sum())}/{int((y == 1).sum())}, "
          f"negatives flagged {int(seen[y == 0].sum())}/{int((y == 0).sum())}, "
          f"{np.count_nonzero(w)} weights kept")
    if not args.check:
        save(WEIGHTS, w, b, threshold)
        digest = zlib.crc32(WEIGHTS.read_bytes())
        print(f"written {WEIGHTS} ({WEIGHTS.stat().st_size} bytes, crc32 {digest:08x})")


if __name__ == "__main__":
    main()
