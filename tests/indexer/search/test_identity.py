"""A bulletin is its source file: nothing indexed is lost to a file of the same name or
period, an excerpt, a rename or a copy; only --prune of a gone file, or a changed file's
own replaced items, leave the index."""
from __future__ import annotations

import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.parse import parse_file
from indexer.search import SearchIndex, SearchRequest
from indexer.search.facets import FacetTable
from indexer.search.index_dir import MANIFEST, IndexDir
from indexer.search.ingest import ingest
from indexer.search.sources import file_hash
from tests.indexer.search.built import assert_tables_as_built

MONTHS = ("2024-01", "2024-02", "2024-03", "2024-04")


def _indexed(root: Path) -> set[str]:
    table = FacetTable.load(IndexDir(root).require_current())
    return {i for i, live in zip(table.ids, table.live.tolist()) if live}


def _ids(path: Path) -> set[str]:
    return {i.id for i in parse_file(path).items}


def _excerpt(full: Path, out: Path, items: int) -> Path:
    """The header and the first `items` items of a bulletin, as another file."""
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    separators = [n for n, line in enumerate(lines) if line.strip() == "***"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines[:separators[items - 1]]), encoding="utf-8")
    return out


@pytest.fixture()
def corpus(sample_txt_dir, tmp_path) -> Path:
    folder = tmp_path / "bulletins"
    folder.mkdir()
    for month in MONTHS:
        shutil.copy(sample_txt_dir / f"bulletin-{month}.txt", folder)
    return folder


def test_a_same_named_file_in_another_folder_replaces_nothing(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    before = _indexed(root)
    other = _excerpt(corpus / "bulletin-2024-03.txt", tmp_path / "other" / "bulletin-2024-03.txt", 1)
    report = ingest([corpus, other.parent], root)
    assert _indexed(root) == before  # its one item is one of the bulletin's: counted once
    assert report.items_removed == 0
    assert any("same period" in n and "both kept" in n for n in report.notes), report.notes


def test_an_excerpt_of_five_items_leaves_the_full_bulletin(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    full = _ids(corpus / "bulletin-2024-03.txt")
    excerpt = _excerpt(corpus / "bulletin-2024-03.txt", tmp_path / "excerpts" / "december-highlights.txt", 5)
    report = ingest([corpus, excerpt], root)
    assert full <= _indexed(root) and len(_ids(excerpt)) == 5
    assert report.items_removed == 0 and report.bulletins_added == 1


def test_reingesting_a_file_whose_items_are_missing_restores_them(corpus, tmp_path):
    """An index left by the old rules, where an excerpt had replaced the full bulletin of
    its period: re-ingesting the unchanged full file brings its items back."""
    root = tmp_path / "index"
    full = corpus / "bulletin-2024-03.txt"
    excerpt = _excerpt(full, tmp_path / "excerpts" / "bulletin-2024-03.txt", 5)
    ingest([excerpt], root)
    generation = IndexDir(root).require_current()
    key, ids = "2024-03-01..2024-03-31#bulletin-2024-03", sorted(_ids(excerpt))
    old = {"files": {str(full.resolve()): {"sha256": file_hash(full), "bulletin": key},
                     str(excerpt.resolve()): {"sha256": file_hash(excerpt), "bulletin": key}},
           "bulletins": {key: {"ids": ids, "source": str(excerpt.resolve()), "period": "2024-03-01..2024-03-31"}}}
    (generation / MANIFEST).write_text(json.dumps(old), encoding="utf-8")
    assert not _ids(full) <= _indexed(root)
    report = ingest([full], root)
    assert _ids(full) <= _indexed(root) and report.items_removed == 0
    assert any("earlier version" in n for n in report.notes)
    assert ingest([full, excerpt], root).items_added == 0  # recorded now: the next run has nothing to do


def test_a_renamed_file_is_followed_not_read_again(corpus, tmp_path):
    root = tmp_path / "index"
    ingest([corpus], root)
    before = _indexed(root)
    (corpus / "bulletin-2024-02.txt").rename(corpus / "february.txt")
    report = ingest([corpus], root, prune=True)
    assert (report.files_renamed, report.items_added, report.items_removed) == (1, 0, 0)
    assert _indexed(root) == before
    sources = {h.item.source for h in SearchIndex(root).search(SearchRequest("", per_page=100)).hits}
    assert str((corpus / "february.txt").resolve()) in sources  # the items name the file where it is now
    assert not any(s.endswith("bulletin-2024-02.txt") for s in sources)


def test_a_pdf_that_differs_from_its_text_is_named_and_the_text_kept(sample_dir, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    shutil.copy(sample_dir / "bulletin-2024-05.pdf", folder)
    _excerpt(sample_dir / "bulletin-2024-05.txt", folder / "bulletin-2024-05.txt", 3)
    report = ingest([folder], tmp_path / "index")
    assert _indexed(tmp_path / "index") == _ids(folder / "bulletin-2024-05.txt")
    assert [n for n in report.notes if "bulletin-2024-05.pdf" in n and "kept the text's" in n]


# --------------------------------------------------------------------------- property

NAMES = ("a.txt", "b.txt", "sub/a.txt", "sub/c.txt")
PDFS = ("a.pdf", "sub/a.pdf", "sub/b.pdf")  # twins of a.txt and sub/a.txt when those are there
_op = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(NAMES), st.integers(0, len(MONTHS) - 1), st.sampled_from([0, 1, 5])),
    st.tuples(st.just("move"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("copy"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("delete"), st.sampled_from(NAMES)),
    st.tuples(st.just("ingest"), st.booleans()),
    st.tuples(st.just("pdf"), st.sampled_from(PDFS), st.integers(0, len(MONTHS) - 1)),
    st.tuples(st.just("move"), st.sampled_from(PDFS), st.sampled_from(PDFS)),
    st.tuples(st.just("delete"), st.sampled_from(PDFS)),
)


@lru_cache(maxsize=None)
def _parsed_ids(text: str) -> frozenset[str]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.txt"
        path.write_text(text, encoding="utf-8")
        return frozenset(_ids(path))


@lru_cache(maxsize=None)
def _pdf_ids(month_pdf: bytes) -> frozenset[str]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.pdf"
        path.write_bytes(month_pdf)
        return frozenset(_ids(path))


def _present_ids(path: Path) -> frozenset[str]:
    """The ids a present file should have in the index: a PDF's own unless its .txt twin
    is there with other items (then the text's are kept)."""
    if path.suffix == ".txt":
        return _parsed_ids(path.read_text(encoding="utf-8"))
    ids, text = _pdf_ids(path.read_bytes()), path.with_suffix(".txt")
    return ids if not text.exists() or _parsed_ids(text.read_text(encoding="utf-8")) == ids else frozenset()


def _apply(folder: Path, op: tuple, sources: Path) -> None:
    kind, *args = op
    if kind == "pdf":  # the PDF of a whole bulletin, maybe beside a text of another or an excerpt
        (folder / args[0]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sources / f"bulletin-{MONTHS[args[1]]}.pdf", folder / args[0])
    elif kind == "write":  # a whole bulletin (0) or an excerpt of it
        name, month, items = args
        full = sources / f"bulletin-{MONTHS[month]}.txt"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if items:
            _excerpt(full, folder / name, items)
        else:
            shutil.copy(full, folder / name)
    elif kind in ("move", "copy") and (folder / args[0]).exists() and args[0] != args[1]:
        (folder / args[1]).parent.mkdir(parents=True, exist_ok=True)
        (shutil.move if kind == "move" else shutil.copy)(folder / args[0], folder / args[1])
    elif kind == "delete" and (folder / args[0]).exists():
        (folder / args[0]).unlink()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_op, min_size=1, max_size=7))
def test_ingests_never_lose_an_item_whose_file_is_present(sample_dir, ops):
    with tempfile.TemporaryDirectory() as d:
        folder, root = Path(d) / "bulletins", Path(d) / "index"
        folder.mkdir()
        _apply(folder, ("write", "a.txt", 0, 0), sample_dir)
        _apply(folder, ("write", "kept/d.txt", 3, 0), sample_dir)  # never touched: the folder is never empty
        for op in [*ops, ("ingest", False)]:
            if op[0] != "ingest":
                _apply(folder, op, sample_dir)
                continue
            report = ingest([folder], root, prune=op[1], workers=1)
            assert report.files_failed == 0, report.errors
            present = set().union(*(_present_ids(p) for p in folder.rglob("*.*")))
            indexed = _indexed(root)
            assert indexed == present if op[1] else indexed >= present, op
            assert_tables_as_built(root)  # carried forward: as a build from every record would give
