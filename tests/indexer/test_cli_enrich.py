"""`bulletins explain`, `parse --explain` and `partners --unknown` end to end."""
from __future__ import annotations

import json
import re

from indexer.enrich.partners import PARTNER_TYPES

from .conftest import run_cli


def test_explain_prints_the_rules_and_the_winner(seed_path):
    records = [json.loads(x) for x in run_cli("parse", str(seed_path), "--jsonl").stdout.splitlines()]
    icrc = next(r for r in records if "ICRC" in r["title"])
    proc = run_cli("explain", str(seed_path), icrc["id"][:12])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith(f"{icrc['id']}  {icrc['title']}")
    assert f"category: {icrc['category']}  (highest score" in out
    assert '"seminar"' in out and "rules that fired:" in out
    assert "International Committee of the Red Cross  [international organisation]  via list: ICRC" in out


def test_explain_with_an_unknown_id_lists_the_ids(seed_path):
    proc = run_cli("explain", str(seed_path), "nope")
    assert proc.returncode == 1 and "no item with id 'nope'" in proc.stderr and "202412-" in proc.stderr


def test_parse_explain_and_raw(seed_path):
    explained = run_cli("parse", str(seed_path), "--explain").stdout
    assert explained.count("rules that fired:") == 19
    raw = [json.loads(x) for x in run_cli("parse", str(seed_path), "--jsonl", "--raw").stdout.splitlines()]
    assert all(r["category"] == "" and r["date_precision"] == "month" for r in raw)


def test_partners_unknown_lists_pattern_finds_with_examples(sample_dir):
    proc = run_cli("partners", str(sample_dir), "--unknown", "--top", "5")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    counts = [line for line in lines if line[:5].strip().isdigit()]
    # not in partners.toml: each says so, with the type its name's shape gives ("University":
    # academic) or "unknown"
    types = [re.search(r"\[(.+), not listed\]$", line) for line in counts]
    assert 1 <= len(counts) <= 5 and all(types), counts
    assert {t.group(1) for t in types} <= {*PARTNER_TYPES, "unknown"}
    assert any(line.strip().startswith("e.g. ") for line in lines)
    assert "GENERATED SAMPLE DATA" in proc.stderr
