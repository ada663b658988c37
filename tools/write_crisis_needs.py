"""Rewrite voice/data/crisis-needs.json after the crisis patterns changed.

    python tools/write_crisis_needs.py

Each pattern's literal needs (see voice/feelings/crisis_needs.py) are kept under a hash of
the pattern, so that loading does not read 331 long regular expressions again.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from voice.feelings.crisis import pattern_texts
from voice.feelings.crisis_needs import NEEDS_FILE, write

if __name__ == "__main__":
    print(f"{write(pattern_texts())} patterns' needs written to {NEEDS_FILE}")
