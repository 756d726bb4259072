"""Incremental, atomic ingest."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.search.index_dir import POINTER, IndexDir
from indexer.search.ingest import ingest
from indexer.search import SearchIndex, SearchRequest


@pytest.fixture()
def corpus(sample_dir, tmp_path) -> Path:
    """Twelve months of the sample as PDF and text, in a folder the test may change."""
    folder = tmp_path / "bulletins"
    folder.mkdir()
    for path in sorted(sample_dir.glob("bulletin-2024-*")):
        shutil.copy(path, folder / path.name)
    return folder


def _ids(root: Path) -> list[str]:
    index, ids, page = SearchIndex(root), [], 1
    while True:
        result = index.search(SearchRequest("", sort="oldest", page=page, per_page=100))
        ids += [h.item.id for h in result.hits]
        if not result.hits:
            assert len(ids) == result.total
            return ids
        page += 1


def _bulletins(folder: Path) -> int:
    return len(list(folder.glob("*.txt")))


def test_ingest_twice_adds_nothing_the_second_time(corpus, tmp_path):
    root = tmp_path / "index"
    first = ingest([corpus], root)
    assert first.bulletins_added == _bulletins(corpus) and first.files_failed == 0
    second = ingest([corpus], root)
    assert (second.items_added, second.items_removed, second.files_skipped) == (0, 0, 2 * _bulletins(corpus))
    ids = _ids(root)
    assert len(ids) == len(set(ids)) == first.items_added


def test_the_pdf_and_the_text_of_a_bulletin_count_once(corpus, tmp_path):
    root = tmp_path / "index"
    for path in corpus.glob("*.txt"):
        path.unlink()
    from_pdf = ingest([corpus], root)
    shutil.copy(next(iter(sorted(corpus.glob("*.pdf")))), tmp_path / "copy.pdf")
    report = ingest([corpus, tmp_path / "copy.pdf"], root)
    assert report.items_added == 0 and _ids(root) and len(_ids(root)) == from_pdf.items_added


def test_a_changed_file_replaces_only_its_items(corpus, tmp_path):
    root = tmp_path / "index"
    first = ingest([corpus], root)
    before = set(_ids(root))
    # A bulletin whose PDF and text were read alike (twins), so the change below parts them.
    target = next(p for p in sorted(corpus.glob("*.txt"))
                  if not any(p.with_suffix(".pdf").name in n for n in first.notes))
    header, items = target.read_text(encoding="utf-8").split("***", 1)
    target.write_text(header + "***" + items.replace("Ombudsman", "Ombudswoman", 1), encoding="utf-8")
    report = ingest([corpus], root)
    assert report.bulletins_replaced == 1
    # The PDF beside it still holds the old text: no longer a twin, and the text's items are kept.
    pdf = target.with_suffix(".pdf").name
    assert any(pdf in n and "kept the text's" in n for n in report.notes), report.notes
    after = set(_ids(root))
    changed = before - after
    assert len(changed) == 1 and len(after - before) == 1
    month = target.stem.removeprefix("bulletin-").replace("-", "")
    assert all(i.startswith(f"{month}-") for i in changed)


def test_prune_removes_the_items_of_deleted_files(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    for path in corpus.glob("bulletin-2024-05.*"):
        path.unlink()
    kept = ingest([corpus], root)
    assert kept.bulletins_removed == 0
    pruned = ingest([corpus], root, prune=True)
    assert pruned.bulletins_removed == 2 and pruned.items_removed > 0  # the PDF and the text
    assert not any(i.startswith("202405-") for i in _ids(root))


def test_a_bad_file_is_reported_and_the_rest_indexed(corpus, tmp_path):
    expected = _bulletins(corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    report = ingest([corpus], tmp_path / "index")
    assert report.files_failed == 1 and "broken.txt" in report.errors[0]
    assert report.bulletins_added == expected


def test_rebuild_swaps_in_a_new_generation(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    first = IndexDir(root).current()
    rebuilt = ingest([corpus], root, rebuild=True)
    assert IndexDir(root).current() != first and rebuilt.items_total == len(_ids(root))


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:  # the field after the state: the parent's pid
            found.append(int(stat.parent.name))
    return found


def test_a_killed_ingest_leaves_the_old_index_searchable(corpus, sample_dir, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    old_ids = set(_ids(root))
    pointer = (root / POINTER).read_text()
    # A big second ingest, killed while it works.
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "indexer.cli", "ingest", str(sample_dir), "--index", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.name != Path(pointer.strip()).name for p in root.glob("gen-*")):
        time.sleep(0.05)  # wait until it has started a new generation
    time.sleep(0.5)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert workers, "the ingest had started its parse workers"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived the killed ingest"
    assert (root / POINTER).read_text() == pointer
    assert set(_ids(root)) == old_ids
    # The next run completes and cleans up the debris.
    report = ingest([sample_dir], root)
    assert report.files_failed == 0 and report.items_total > len(old_ids)
    assert len(list(root.glob("gen-*"))) <= 2


def test_an_open_index_follows_a_new_generation(corpus, sample_dir, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    index = SearchIndex(root)
    before = index.search(SearchRequest("")).total
    assert index.refresh() is False
    shutil.copy(sample_dir / "bulletin-2023-01.txt", corpus / "bulletin-2023-01.txt")
    ingest([corpus], root)
    assert index.search(SearchRequest("")).total == before  # still the generation it opened
    assert index.refresh() is True
    assert index.search(SearchRequest("")).total > before
