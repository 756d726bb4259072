"""Bad input and a failing disk during ingest: one line each, the other files indexed,
nothing already indexed lost and no half-written generation left behind."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.search import engine
from indexer.search.facets import FacetTable
from indexer.search.index_dir import POINTER, PREFIX, IndexDir, IndexUnwritable, Manifest
from indexer.search.ingest import ingest


@pytest.fixture()
def corpus(sample_txt_dir, tmp_path) -> Path:
    folder = tmp_path / "bulletins"
    folder.mkdir()
    for month in ("2024-01", "2024-02"):
        shutil.copy(sample_txt_dir / f"bulletin-{month}.txt", folder)
    return folder


def _live(root: Path) -> int:
    return int(FacetTable.load(IndexDir(root).require_current()).live.sum())


def test_a_file_name_that_is_not_utf8_fails_alone(corpus, sample_txt_dir, tmp_path):
    bad = os.path.join(os.fsencode(corpus), b"bulletin-2019-02-\xff.txt")
    with open(bad, "wb") as f:
        f.write((sample_txt_dir / "bulletin-2024-03.txt").read_bytes())
    report = ingest([corpus], tmp_path / "index")
    assert report.files_failed == 1 and report.bulletins_added == 2
    (message,) = report.errors
    assert "bulletin-2019-02-\\xff.txt" in message and "not valid UTF-8" in message and "\n" not in message


def test_a_defect_met_on_one_file_fails_that_file_alone(corpus, sample_txt_dir, tmp_path, monkeypatch):
    from indexer.enrich import Enricher

    shutil.copy(sample_txt_dir / "bulletin-2024-03.txt", corpus / "bulletin-2024-03.txt")
    original = Enricher.enrich

    def enrich(self, item):
        if item.period_start.month == 3:
            raise KeyError("a defect")
        return original(self, item)

    monkeypatch.setattr(Enricher, "enrich", enrich)
    report = ingest([corpus], tmp_path / "index", workers=1)
    assert report.files_failed == 1 and report.bulletins_added == 2
    (message,) = report.errors
    assert "bulletin-2024-03.txt" in message and "KeyError" in message and "\n" not in message


def test_names_with_line_breaks_are_quoted_in_their_one_line(corpus, tmp_path):
    (corpus / "bad\nname\r.txt").write_bytes(b"\x00\x01binary")
    report = ingest([corpus], tmp_path / "index")
    (message,) = report.errors
    assert message.startswith('"') and "bad\\nname\\r.txt" in message and "\n" not in message and "\r" not in message
    assert report.bulletins_added == 2


def test_a_50_mb_text_file_is_refused_in_one_line_and_the_rest_indexed(corpus, tmp_path):
    with open(corpus / "huge.txt", "wb") as f:
        for _ in range(50):
            f.write(b"the ombudsman visited the prison and met the detainees. " * 18_725)
    assert (corpus / "huge.txt").stat().st_size >= 50 * 10**6
    report = ingest([corpus], tmp_path / "index")
    (message,) = report.errors
    assert "huge.txt" in message and "BULLETINS_MAX_TEXT_MB" in message
    assert report.bulletins_added == 2 and report.items_total > 0


def test_fifos_and_broken_symbolic_links_are_named(corpus, tmp_path):
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    report = ingest([corpus], tmp_path / "index")
    assert sorted(Path(m.split(":")[0]).name for m in report.errors) == ["dangling.txt", "loop.txt", "pipe.txt"]
    assert report.bulletins_added == 2


def _fail(monkeypatch, where: str, code: int) -> None:
    def boom(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    target = {"copy": (shutil, "copytree"), "items": (engine, "add_items"), "manifest": (Manifest, "save"),
              "pointer": (os, "fsync")}[where]
    monkeypatch.setattr(*target, boom)


@pytest.mark.parametrize("where,code", [("copy", errno.ENOSPC), ("items", errno.ENOSPC),
                                        ("manifest", errno.ENOSPC), ("pointer", errno.EROFS),
                                        ("copy", errno.EROFS)])
def test_a_full_disk_or_read_only_index_gives_one_line_and_leaves_no_partial_generation(
        corpus, sample_txt_dir, tmp_path, monkeypatch, capsys, where, code):
    root = tmp_path / "index"
    ingest([corpus], root)
    before, pointer = _live(root), (root / POINTER).read_text()
    generations = sorted(p.name for p in root.glob(PREFIX + "*"))
    shutil.copy(sample_txt_dir / "bulletin-2024-03.txt", corpus)
    _fail(monkeypatch, where, code)
    with pytest.raises(IndexUnwritable):
        ingest([corpus], root)
    assert main(["ingest", str(corpus), "--index", str(root)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("bulletins: error: ") and os.strerror(code) in err[0]
    assert sorted(p.name for p in root.glob(PREFIX + "*")) == generations
    assert (root / POINTER).read_text() == pointer and _live(root) == before


def test_an_interrupt_while_old_generations_are_removed_keeps_the_published_one(corpus, sample_txt_dir, tmp_path,
                                                                              monkeypatch):
    root = tmp_path / "index"
    ingest([corpus], root)
    shutil.copy(sample_txt_dir / "bulletin-2024-03.txt", corpus)

    def interrupted(self, keep):
        raise KeyboardInterrupt  # Ctrl+C after the pointer moved, during the clean-up

    monkeypatch.setattr(IndexDir, "remove_debris", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], root)
    monkeypatch.undo()
    published = IndexDir(root).require_current()  # raises if the pointed-to generation was removed
    assert published.is_dir() and _live(root) == len(Manifest.load(published).claims())


def test_a_noop_ingest_removes_leftovers_of_a_killed_clean_up(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    current = IndexDir(root).require_current()
    for name in ("gen-20000101T000000-1-1", "gen-20000101T000000-1-2"):  # half-removed by a kill
        (root / name / "half").mkdir(parents=True)
    newest_other = root / "gen-20000102T000000-1-1"
    shutil.copytree(current, newest_other)  # the previous generation readers may hold open
    assert ingest([corpus], root).files_skipped == 2
    assert sorted(p.name for p in root.glob(PREFIX + "*")) == sorted([current.name, newest_other.name])


def test_a_header_period_that_cannot_be_read_is_warned(tmp_path):
    path = tmp_path / "bulletin-2024-05.txt"
    path.write_text("This issue of the Information Bulletin covered the period Smarch 45-99, 2024.\n\n"
                    "Headline one\n\nThe Ombudsman met the press.\n***\nHeadline two\n\nThe Ombudsman visited.\n***\n",
                    encoding="utf-8")
    report = ingest([path], tmp_path / "index")
    assert [n for n in report.notes if "Smarch 45-99, 2024" in n and "2024-05-01 to 2024-05-31" in n]


@pytest.mark.parametrize("damage", [b"{bad", b"\xff\xfe", b"[1, 2]"])
def test_a_damaged_manifest_is_one_line_and_a_rebuild_mends_it(corpus, tmp_path, capsys, damage):
    root = tmp_path / "index"
    assert main(["ingest", str(corpus), "--index", str(root)]) == 0
    manifest = IndexDir(root).require_current() / "manifest.json"
    manifest.write_bytes(damage)
    capsys.readouterr()
    for command in (["ingest", str(corpus)], ["search", "visit"], ["stats", "--by", "year"]):
        assert main([*command, "--index", str(root)]) == 1, command
        err = capsys.readouterr().err
        assert "manifest is damaged" in err and "--rebuild" in err and "Traceback" not in err, command
        assert len(err.strip().splitlines()) == 1, err
    assert main(["ingest", str(corpus), "--index", str(root), "--rebuild"]) == 0
    assert _live(root) > 0 and main(["search", "visit", "--index", str(root)]) == 0
