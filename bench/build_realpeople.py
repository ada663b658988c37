"""Build the real-people set (bench/realpeople/) from clones of its public source repositories.

    python bench/build_realpeople.py --fsdd DIR --armkit DIR --librosa-data DIR --sctest DIR

Each DIR is a git clone (or bare git directory) of, in turn,
Jakobovski/free-spoken-digit-dataset, alifsemi/alif_ml-embedded-evaluation-kit,
librosa/data and thegtagamer/PICO-tinyML-benchmark (a copy of the Speech Commands v0.02
test set); files are read at the pinned commits below, so every build is the same.
Writes ``bench/realpeople/audio/*.wav`` (16 kHz mono 16-bit, unpadded: the loader in
bench/evalset.py adds the silence and the noise floor) and ``bench/realpeople/labels.tsv``.
Licenses and attribution: bench/realpeople/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice.audio.io import resample, write_wav  # noqa: E402

OUT = ROOT / "bench" / "realpeople"
RATE = 16000
COMMITS = {
    "fsdd": "26eb9aaf76e81b692f806f9140c2d2777410d7a1",
    "armkit": "b1b93fc01d915da47a4f6ea8475c193aef56e871",
    "librosa-data": "450cdd8a002c98e7bdbfebb309fc1ed024001f77",
    "sctest": "c66f6b0d78fe9218f6de9d07189691cfae077bee",
}
HANG_SPEAKER = "439c84f4"  # its "eight" is the hang fixture in ../shared/fixtures: kept apart
DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FSDD_SPEAKERS = ["george", "jackson", "lucas", "nicolas", "theo", "yweweler"]
FSDD_TAKES = (0, 1, 2)  # FSDD's own test takes are 0-4
KWS = "resources/kws/samples/"
ASR = "resources/asr/samples/"
NOISY = "resources/noise_reduction/samples/"
SCTEST = "MLTK_keyworkSpotting/dataset/"
KIT_SPEAKERS = {"0b40aa8e", "0a2b400e", "0c2ca723", "0a196374", "0d82fd99", "0a9f9af7"}
# Speech Commands test-set words and how many people say each (one take per person per
# word); the words of answer mode first, then out-of-domain words that must be rejected.
SCTEST_WORDS = {**{d: 7 for d in DIGITS}, "yes": 8, "no": 8, "stop": 8, "down": 8,
                "happy": 8, "go": 2, "up": 2, "left": 2, "right": 2, "on": 2, "off": 2,
                "bed": 1, "bird": 1, "cat": 1, "dog": 1, "house": 1, "tree": 1, "wow": 1,
                "forward": 1}
SCTEST_MEANING = {**{d: ("answer", f"intensity={i}") for i, d in enumerate(DIGITS)},
                  "yes": ("answer", "answer=yes"), "no": ("answer", "answer=no"),
                  "stop": ("stop", ""), "down": ("check_in", "feeling=down"),
                  "happy": ("check_in", "feeling=happy")}


@dataclass(frozen=True)
class Item:
    name: str  # file name under audio/
    text: str  # what is said (the long LibriSpeech readings: a machine transcript)
    intent: str  # expected intent in answer mode, "-" for none
    slots: str  # k=v;k=v (a value may have spaces: "not bad")
    speaker: str  # source-prefixed: one person, one id
    source: str  # key of COMMITS
    path: str  # file in that repository
    second: int | None = None  # Speech Commands words the kit joined one per second


def items() -> list[Item]:
    out = [Item(f"fsdd-{who}-{d}-{take}.wav", DIGITS[d], "answer", f"intensity={d}",
                f"fsdd:{who}", "fsdd", f"recordings/{d}_{who}_{take}.wav")
           for who in FSDD_SPEAKERS for d in range(10) for take in FSDD_TAKES]
    # Speech Commands v0.02 words; speaker ids from the kit's files.md.
    for i, (word, spk) in enumerate([("yes", "0b40aa8e"), ("no", "0a2b400e"),
                                     ("go", "0c2ca723"), ("stop", "0a196374")]):
        intent, slots = {"yes": ("answer", "answer=yes"), "no": ("answer", "answer=no"),
                         "stop": ("stop", "")}.get(word, ("-", ""))
        out.append(Item(f"sc-{spk}-{word}.wav", word, intent, slots, f"sc:{spk}", "armkit",
                        KWS + "yes_no_go_stop.wav", i))
    for i, (word, spk) in enumerate([("right", "0d82fd99"), ("left", "0d82fd99"),
                                     ("up", "0a2b400e")]):
        out.append(Item(f"sc-{spk}-{word}.wav", word, "-", "", f"sc:{spk}", "armkit",
                        KWS + "right_left_up.wav", i))
    out.append(Item("sc-0a9f9af7-down.wav", "down", "check_in", "feeling=down", "sc:0a9f9af7",
                    "armkit", KWS + "down.wav"))
    sentences = [  # (file, text, intent, slots, speaker, source, path)
        ("libri-251-testing-routine.wav", "this isn't part of your testing routine is it",
         "-", "", "libri:251", "armkit", ASR + "testing_routine.wav"),
        ("libri-251-another-engineer.wav",
         "another engineer rushed toward the door to see what was happening outside",
         "-", "", "libri:251", "armkit", ASR + "another_engineer.wav"),
        ("libri-251-i-tell-you.wav", "i tell you it is not poison she cried",
         "-", "", "libri:251", "armkit", ASR + "i_tell_you.wav"),
        ("libri-3536-another-door.wav",
         "and he walked immediately out of the apartment by another door",
         "-", "", "libri:3536", "armkit", ASR + "another_door.wav"),
        ("vctk-p232-113.wav", "it's not bad", "check_in", "feeling=not bad", "vctk:p232",
         "armkit", NOISY + "p232_113.wav"),
        ("vctk-p232-208.wav", "now it's alright", "check_in", "feeling=alright", "vctk:p232",
         "armkit", NOISY + "p232_208.wav"),
        ("vctk-p257-031.wav", "it was clear", "-", "", "vctk:p257", "armkit",
         NOISY + "p257_031.wav"),
        ("libri-198-sense-and-sensibility.wav",
         "mrs allen said catherine the next morning will there be any harm in my calling on "
         "miss tilney today i shall not be easy till i've explained everything girl by all "
         "means my dear only put on a white gown miss tilney always wears white",
         "-", "", "libri:198", "librosa-data", "audio/198-209-0000.hq.ogg"),
        ("libri-3436-age-of-chivalry.wav",
         "the adventure of the cart it befell in the month of may queen guinevera called to "
         "her nights of a table round and gave them warning that early upon the morrow she "
         "would ride a maying into the woods and fields beside westminster",
         "-", "", "libri:3436", "librosa-data", "audio/3436-172162-0000.hq.ogg"),
        ("libri-5703-ashiel-mystery.wav",
         "with her white paint and her scarlet smoke stack the inverish seal one of the two "
         "small steamers that during the summer months plied up and down the lock and "
         "incidentally carried on communication between inverish seal and crayonon",
         "-", "", "libri:5703", "librosa-data", "audio/5703-47212-0000.hq.ogg"),
    ]
    out += [Item(*s) for s in sentences]
    return out


def sctest_items(files: list[str]) -> list[Item]:
    """Speech Commands test-set takes: per word, the first people by SHA-1 of word/path.

    ``files`` are the repository's paths under SCTEST (the twelve keyword folders, and
    ``_unknown_/{word}_{speaker}_nohash_{take}.wav.wav`` for the other words).
    """
    out = []
    for word, count in SCTEST_WORDS.items():
        takes: dict[str, str] = {}  # path -> speaker
        for path in files:
            folder, name = path[len(SCTEST):].split("/", 1)
            if folder == word:
                takes[path] = name.split("_")[0]
            elif folder == "_unknown_" and name.startswith(word + "_"):
                takes[path] = name[len(word) + 1:].split("_")[0]
        seen: set[str] = set()
        for path in sorted(takes, key=lambda p: hashlib.sha1(p.encode()).hexdigest()):
            spk = takes[path]
            if spk in seen or spk == HANG_SPEAKER or spk in KIT_SPEAKERS:
                continue
            seen.add(spk)
            intent, slots = SCTEST_MEANING.get(word, ("-", ""))
            out.append(Item(f"sct-{spk}-{word}.wav", word, intent, slots, f"sct:{spk}",
                            "sctest", path))
            if len(seen) == count:
                break
    return out


def splits(speakers: set[str]) -> dict[str, str]:
    """Per source, speakers ranked by the hash of their id alternate fit, eval: two halves."""
    out: dict[str, str] = {}
    for source in sorted({s.split(":")[0] for s in speakers}):
        ranked = sorted((s for s in speakers if s.startswith(source + ":")),
                        key=lambda s: hashlib.sha1(s.encode()).hexdigest())
        out.update({s: ("fit", "eval")[i % 2] for i, s in enumerate(ranked)})
    return out


def list_tree(repo: Path, commit: str, folder: str) -> list[str]:
    git_dir = repo / ".git" if (repo / ".git").exists() else repo
    proc = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only",
                           commit, folder], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build_realpeople: {folder} at {commit[:10]} not in {repo}")
    return [p for p in proc.stdout.splitlines() if p.endswith(".wav")]


def read_blob(repo: Path, commit: str, path: str) -> bytes:
    git_dir = repo / ".git" if (repo / ".git").exists() else repo
    proc = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                          capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"build_realpeople: {path} at {commit[:10]} not found in {repo} "
                         f"({proc.stderr.decode().strip()})")
    return proc.stdout


def decode(data: bytes) -> tuple[np.ndarray, int]:
    try:
        import soundfile
    except ImportError:
        raise SystemExit("build_realpeople: needs soundfile (pip install soundfile)") from None
    x, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return x.mean(axis=1), int(rate)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for key in COMMITS:
        ap.add_argument(f"--{key}", type=Path, required=True, help=f"clone holding {key}")
    args = ap.parse_args(argv)
    repos = {key: getattr(args, key.replace("-", "_")) for key in COMMITS}
    chosen = items() + sctest_items(list_tree(repos["sctest"], COMMITS["sctest"], SCTEST))
    assert not any(HANG_SPEAKER in i.speaker for i in chosen)
    split_of = splits({i.speaker for i in chosen})
    (OUT / "audio").mkdir(parents=True, exist_ok=True)
    rows = ["file\ttext\tintent\tslots\tspeaker\tsplit\tsource\tpath"]
    for item in chosen:
        x, rate = decode(read_blob(repos[item.source], COMMITS[item.source], item.path))
        if item.second is not None:
            x = x[item.second * rate:(item.second + 1) * rate]
        write_wav(OUT / "audio" / item.name, resample(x, rate, RATE), RATE)
        rows.append("\t".join([item.name, item.text, item.intent, item.slots, item.speaker,
                               split_of[item.speaker], item.source, item.path]))
    (OUT / "labels.tsv").write_text("\n".join(rows) + "\n")
    size = sum(p.stat().st_size for p in (OUT / "audio").glob("*.wav"))
    print(f"{len(chosen)} clips, {len(split_of)} speakers, {size / 1e6:.1f} MB in {OUT}/audio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
