"""`bulletins parse` end to end: output formats, bad input, exit status, help."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.cli import build_parser, main
from indexer.item import ITEM_FIELDS

from .conftest import run_cli


def test_jsonl_has_every_contract_field(seed_path):
    proc = run_cli("parse", str(seed_path), "--jsonl")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 19
    assert all(list(r) == list(ITEM_FIELDS) for r in records)
    assert records[0]["period_start"] == "2024-12-01" and records[0]["date_precision"] == "month"


def test_table_names_the_file_and_counts(seed_path):
    proc = run_cli("parse", str(seed_path))
    assert proc.returncode == 0
    assert f"{seed_path}  (2024-12-01..2024-12-31, 19 items)" in proc.stdout
    assert "1 file(s) parsed, 19 item(s), 0 failed" in proc.stdout


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "prose.txt").write_text("Just a note.\nNothing like a bulletin here.\n")
    (tmp / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (tmp / "folder.txt").mkdir()
    return {
        "empty.txt": tmp / "empty.txt",
        "binary.txt": tmp / "binary.txt",
        "prose.txt": tmp / "prose.txt",
        "truncated.pdf": tmp / "truncated.pdf",
        "missing.txt": tmp / "missing.txt",
        "folder.txt": tmp / "folder.txt",
    }


def test_bad_files_are_named_one_line_each_and_the_rest_parsed(seed_path, tmp_path):
    bad = _bad_inputs(tmp_path)
    proc = run_cli("parse", *map(str, bad.values()), str(seed_path), "--jsonl")
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 19  # the good file still parsed
    errors = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    for name, path in bad.items():
        lines = [e for e in errors if str(path) in e]
        assert len(lines) == 1, (name, proc.stderr)
        assert lines[0].startswith("bulletins: error: ")


def test_a_folder_is_searched_for_bulletins(seed_path, tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "december.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "notes.md").write_text("not a bulletin")
    proc = run_cli("parse", str(tmp_path), "--summary")
    assert proc.returncode == 0, proc.stderr
    assert "1 file(s) parsed, 19 item(s), 0 failed" in proc.stdout


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["parse"])
    assert exc.value.code == 2


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= {"parse", "sample"}
    for name, command in sub.choices.items():
        text = command.format_help()
        assert "example:" in text and f"bulletins {name}" in text, name
        for action in command._actions:
            assert action.help, (name, action.dest)
