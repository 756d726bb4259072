"""An ingest costs what changed: a new generation shares the unchanged segment files of
the previous one (hard links, never written through), carries its facet table and word
counts forward (equal to a build from every record), leaves the previous generation as
it was, and parses with as many processes as --workers says."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.search import SearchIndex, SearchRequest, engine, sources
from indexer.search import ingest as ingest_module
from indexer.search.facets import FacetTable
from indexer.search.index_dir import IndexDir
from indexer.search.ingest import ingest
from tests.indexer.search.built import assert_tables_as_built

FILES = 6


def _sources(sample_txt_dir: Path) -> list[Path]:
    return sorted(sample_txt_dir.glob("*.txt"))[-FILES:]


@pytest.fixture()
def corpus(sample_txt_dir, tmp_path) -> Path:
    """The six newest bulletins of the sample, as "b0.txt" ... "b5.txt"."""
    folder = tmp_path / "bulletins"
    folder.mkdir()
    for n, path in enumerate(_sources(sample_txt_dir)):
        shutil.copy(path, folder / f"b{n}.txt")
    return folder


def _edit(path: Path, old: str = " the ", new: str = " the very ") -> None:
    """A word added to every item that has `old` (those items get new ids)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _files(generation: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in generation.iterdir() if p.is_file()}


def _segment_files(generation: Path) -> set[str]:
    return {p.name for p in generation.iterdir() if p.name.startswith("MAIN_") and "." in p.name}


def _everything(root_or_generation: Path) -> tuple[int, dict[str, int]]:
    result = SearchIndex(root_or_generation).search(SearchRequest("", per_page=1))
    return result.total, result.facets["category"]


def test_an_edit_links_the_unchanged_segment_files_instead_of_copying_them(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    old = IndexDir(root).require_current()
    _edit(corpus / "b2.txt")
    report = ingest([corpus], root)
    new = IndexDir(root).require_current()
    assert new != old and report.bulletins_replaced == 1 and report.items_removed > 0
    shared = _segment_files(old) & _segment_files(new)
    assert shared, "the new generation holds none of the previous one's segments"
    for name in shared:
        a, b = (old / name).stat(), (new / name).stat()
        assert (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev) and b.st_nlink >= 2, name
    assert _segment_files(new) - shared, "the edit's items were written to a segment of their own"


def _held(generation: Path) -> tuple[int, dict[str, int], set[str]]:
    """What one generation shows: its live documents, category counts and stored item ids."""
    table = FacetTable.load(generation)
    ids = {record["id"] for _, record in engine.stored_records(engine.open_dir(generation))}
    return engine.open_dir(generation).doc_count(), table.counts("category", table.live), ids


def test_the_previous_generation_stays_readable_and_unchanged_while_and_after_a_new_one_is_written(
        corpus, tmp_path, monkeypatch):
    root = tmp_path / "index"
    ingest([corpus], root)
    old = IndexDir(root).require_current()
    files, held, seen = _files(old), _held(old), _everything(root)
    during = []
    add_items = engine.add_items

    def checking(w, docs):  # while the new generation is being written
        during.append((IndexDir(root).require_current(), _everything(root), _files(old)))
        return add_items(w, docs)

    monkeypatch.setattr(engine, "add_items", checking)
    _edit(corpus / "b1.txt")
    ingest([corpus], root)
    assert during and all(d == (old, seen, files) for d in during)
    new = IndexDir(root).require_current()
    assert new != old and _held(new)[2] != held[2]
    assert _files(old) == files and _held(old) == held  # kept for readers that hold it open


def test_facet_counts_after_many_edits_equal_those_of_a_full_rebuild(corpus, tmp_path):
    """Enough edits that Whoosh merges the small segments they leave (read again)."""
    root = tmp_path / "index"
    ingest([corpus], root)
    path = corpus / "b4.txt"
    words = [(" the ", " the very "), (" the very ", " the ")]
    segments = []
    for n in range(12):
        _edit(path, *words[n % 2])
        ingest([corpus], root, workers=1)
        segments.append(len(engine.segments(engine.open_dir(IndexDir(root).require_current()))))
        assert_tables_as_built(root)
    assert any(b < a for a, b in zip(segments, segments[1:])), f"no merge happened: {segments}"
    rebuilt = tmp_path / "rebuilt"
    ingest([corpus], rebuilt, workers=1)
    assert _everything(root) == _everything(rebuilt)


def _counting_hashes(monkeypatch) -> list[str]:
    hashed: list[str] = []
    file_hash = sources.file_hash

    def counting(path):
        hashed.append(Path(path).name)
        return file_hash(path)

    monkeypatch.setattr(sources, "file_hash", counting)
    monkeypatch.setattr(sources, "SETTLING_NS", 0)  # the files were just written: trust their stat at once
    return hashed


def test_an_unchanged_file_is_not_hashed_again(corpus, tmp_path, monkeypatch):
    hashed = _counting_hashes(monkeypatch)
    root = tmp_path / "index"
    ingest([corpus], root)
    assert len(hashed) == FILES
    hashed.clear()
    _edit(corpus / "b3.txt")
    report = ingest([corpus], root)
    assert hashed == ["b3.txt"] and report.bulletins_replaced == 1 and report.files_skipped == FILES - 1


def test_a_change_that_keeps_the_size_and_modification_time_is_still_seen(corpus, tmp_path, monkeypatch):
    hashed = _counting_hashes(monkeypatch)
    root = tmp_path / "index"
    ingest([corpus], root)
    path = corpus / "b4.txt"
    before, text = path.stat(), path.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)  # in an item's text (not the header, not a link line)
    path.write_text(f"{text[:at]} tha {text[at + 5:]}", encoding="utf-8")  # the same size, another word
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the time it had
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    hashed.clear()
    report = ingest([corpus], root)
    assert hashed == ["b4.txt"] and report.bulletins_replaced == 1 and report.items_added >= 1


def _answers(root: Path) -> list:
    index = SearchIndex(root)
    out = []
    for q in ("", "ombudsman", "children OR prison", '"human rights"'):
        result = index.search(SearchRequest(q, per_page=50))
        out.append((result.total, result.facets, [(h.item.id, h.score if h.score is None else round(h.score, 6)) for h in result.hits]))
    return out


def test_a_build_written_in_several_segments_answers_as_one_segment_does(corpus, tmp_path, monkeypatch):
    one = tmp_path / "one"
    ingest([corpus], one, workers=1)
    monkeypatch.setattr(engine, "SEGMENT_DOCS", 25)
    several = tmp_path / "several"
    report = ingest([corpus], several, workers=1)
    assert len(engine.segments(engine.open_dir(IndexDir(several).require_current()))) >= report.items_added // 25 > 1
    assert len(engine.segments(engine.open_dir(IndexDir(one).require_current()))) == 1
    assert _answers(several) == _answers(one)
    assert_tables_as_built(several)


# One step of the property test: edit a bulletin's words, cut it to its first items,
# restore it, copy it under another name (same period: items shared), delete it (then a
# pruning ingest may remove it), or ingest with or without --prune.
_file = st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"])
_op = st.one_of(
    st.tuples(st.just("edit"), _file, st.sampled_from(["the", "and", "of", "in"])),
    st.tuples(st.just("cut"), _file, st.integers(1, 6)),
    st.tuples(st.just("restore"), _file),
    st.tuples(st.just("copy"), _file, _file),
    st.tuples(st.just("delete"), _file),
    st.tuples(st.just("ingest"), st.booleans()),
)


def _apply(folder: Path, sources: Path, op: tuple) -> None:
    kind, name, *args = op
    path = folder / name
    original = _sources(sources)["abcd".index(name[0])]
    if kind == "restore" or (kind in ("edit", "cut") and not path.exists()):
        shutil.copy(original, path)
    elif kind == "edit":
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f" {args[0]} ", f" {args[0]} very ", 3), encoding="utf-8")
    elif kind == "cut":
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        separators = [n for n, line in enumerate(lines) if line.strip() == "***"]
        if len(separators) > args[0]:
            path.write_text("".join(lines[:separators[args[0]]]), encoding="utf-8")
    elif kind == "copy" and path.exists() and name != args[0]:
        shutil.copy(path, folder / args[0])
    elif kind == "delete" and path.exists():
        path.unlink()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_op, min_size=1, max_size=6))
def test_the_carried_tables_equal_a_build_from_every_record_after_any_changes(sample_txt_dir, ops):
    with tempfile.TemporaryDirectory() as d:
        folder, root = Path(d) / "bulletins", Path(d) / "index"
        folder.mkdir()
        for name in ("a.txt", "b.txt"):
            _apply(folder, sample_txt_dir, ("restore", name))
        ingest([folder], root, workers=1)
        for op in [*ops, ("ingest", False)]:
            if op[0] != "ingest":
                _apply(folder, sample_txt_dir, op)
                continue
            report = ingest([folder], root, prune=op[1], workers=1)
            if not any(folder.iterdir()):  # every bulletin deleted: the empty folder is refused, the index kept
                assert report.files_failed == 1 and "no .pdf or .txt bulletins" in report.errors[0], report.errors
            else:
                assert report.files_failed == 0, report.errors
            assert_tables_as_built(root)


_NOTES: dict[str, Path] = {}  # what the worker processes note, and where (set before they fork)


def _note(kind: str) -> None:
    with open(_NOTES[kind], "a") as f:
        f.write(f"{os.getpid()}\n")


def _starting() -> None:  # in each worker process as it starts
    _note("started")
    _NOTES["init_worker"]()


def _parsing(task):  # in the worker process that parses the file (pickled by name)
    _note("worked")
    return _NOTES["parse_and_enrich"](task)


def test_workers_n_parses_in_n_processes(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(_NOTES, "started", tmp_path / "started")
    monkeypatch.setitem(_NOTES, "worked", tmp_path / "worked")
    monkeypatch.setitem(_NOTES, "init_worker", ingest_module._init_worker)
    monkeypatch.setitem(_NOTES, "parse_and_enrich", ingest_module._parse_and_enrich)
    monkeypatch.setattr(ingest_module, "_init_worker", _starting)
    monkeypatch.setattr(ingest_module, "_parse_and_enrich", _parsing)
    report = ingest([corpus], tmp_path / "index", workers=3)
    processes, parsers = (tmp_path / "started").read_text().split(), (tmp_path / "worked").read_text().split()
    assert report.bulletins_added == FILES == len(parsers)
    assert len(processes) == len(set(processes)) == 3 and str(os.getpid()) not in processes
    assert set(parsers) <= set(processes)
