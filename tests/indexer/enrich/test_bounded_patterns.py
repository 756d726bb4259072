"""The name patterns read any text in bounded time: a long run of capitals after a found
organisation once made one item take minutes (a regex that could split the run in
exponentially many ways)."""
from __future__ import annotations

import json
import subprocess
import sys

CAPITALS = " ".join(["PUPILS", "AND", "PARENTS", "FROM", "THE", "NORTHERN", "DISTRICT", "VILLAGE", "SCHOOLS"] * 4)


def test_a_long_run_of_capitals_after_an_organisation_is_read_at_once(tmp_path):
    path = tmp_path / "bulletin-2023-05.txt"
    path.write_text(
        "The Information Bulletin covered the period May 01-31, 2023.\n***\n"
        "Lecture held for students\n\n"
        f"On May 12, staff of the Ombudsman Office met representatives of the Ganja Institute of Law "
        f"with {CAPITALS}.\n***\n", encoding="utf-8")
    # a bound, not a timing: the old pattern needed far more than this for 36 capitals
    done = subprocess.run([sys.executable, "-m", "indexer.cli", "parse", str(path), "--jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    item = json.loads(done.stdout.splitlines()[0])
    assert item["title"] == "Lecture held for students" and "NORTHERN DISTRICT" in item["body"]
