"""Incremental ingest: parse, enrich and index every bulletin under some paths.

A file whose content hash is already indexed is skipped; a changed file replaces its
bulletin's items; the PDF and the text of one bulletin (same period) are one bulletin;
with `prune`, bulletins whose files are gone leave the index. All changes land in a new
generation of the index that is published at once (see `index_dir`).
"""
from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import engine
from ..enrich import Enricher
from ..errors import BulletinError
from .facets import FacetTable
from .index_dir import IndexDir, Manifest
from ..parse import Parsed, find_bulletins, parse_file
from .spelling import Vocabulary

PARALLEL_FROM = 4  # files; below this a process pool costs more than it saves


@dataclass
class IngestReport:
    files: int = 0
    bulletins_added: int = 0
    bulletins_replaced: int = 0
    bulletins_removed: int = 0
    files_skipped: int = 0
    files_failed: int = 0
    items_added: int = 0
    items_removed: int = 0
    items_total: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        rate = f", {self.items_added / self.seconds:,.0f} items/s" if self.items_added and self.seconds else ""
        return (
            f"{self.files} file(s): {self.bulletins_added} bulletin(s) added, {self.bulletins_replaced} replaced, "
            f"{self.bulletins_removed} removed, {self.files_skipped} file(s) unchanged, {self.files_failed} failed; "
            f"items: {self.items_added} added, {self.items_removed} removed, {self.items_total} in the index; "
            f"{self.seconds:.1f} s{rate}"
        )


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def period_key(parsed: Parsed) -> str:
    return f"{parsed.period.start}..{parsed.period.end}"


def bulletin_key(manifest: Manifest, parsed: Parsed, path: str) -> str:
    """One key per bulletin: the PDF and the text of it share one (same period, mostly the
    same items); another bulletin that happens to cover the same period gets its own."""
    period, ids = period_key(parsed), {i.id for i in parsed.items}
    for key in manifest.keys_for_period(period):
        if len(ids & set(manifest.bulletins[key]["ids"])) * 2 >= max(1, len(ids)):
            return key
    return f"{period}#{Path(path).stem}"


# Worker-process state: one enricher per process, loaded once.
_ENRICHER: Enricher | None = None


def _init_worker() -> None:
    global _ENRICHER
    _ENRICHER = Enricher()


def _init_pool_worker(parent: int, inherited: tuple[int, ...]) -> None:
    for fd in inherited:  # the parent's index lock: a worker must not keep it alive
        try:
            os.close(fd)
        except OSError:
            pass
    _die_with(parent)
    _init_worker()


def _die_with(parent: int) -> None:
    """End this worker when the ingest that started it ends, even by SIGKILL (Linux's
    parent-death signal), instead of lingering as an orphan."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _parse_and_enrich(path: str) -> Parsed | BulletinError:
    try:
        parsed = parse_file(path)
    except BulletinError as exc:
        return exc
    assert _ENRICHER is not None
    return parsed.with_items(tuple(_ENRICHER.enrich(i) for i in parsed.items))


def _process(paths: Sequence[str], workers: int, progress: Callable[[int], None],
             inherited: tuple[int, ...] = ()) -> Iterator[Parsed | BulletinError]:
    """Parsed and enriched files in order, as they are ready (the caller indexes meanwhile)."""
    if len(paths) < PARALLEL_FROM or workers <= 1:
        _init_worker()
        for p in paths:
            yield _parse_and_enrich(p)
            progress(1)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker, initargs=(os.getpid(), inherited),
                             mp_context=context) as pool:
        for result in pool.map(_parse_and_enrich, paths, chunksize=2):
            yield result
            progress(1)


def ingest(
    paths: Iterable[str | Path],
    index_root: Path,
    *,
    rebuild: bool = False,
    prune: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Bring the index at `index_root` up to date with the bulletins under `paths`."""
    started = time.perf_counter()
    report = IngestReport()
    root = IndexDir(index_root)
    with root.ingest_lock() as lock_fd:
        current = None if rebuild else root.current()
        manifest = Manifest.load(current)
        files, problems = find_bulletins(paths)
        report.errors += [str(p) for p in problems]
        report.files_failed += len(problems)
        report.files = len(files) + len(problems)
        changed = _changed_files(files, manifest, report)
        gone = _missing_files(manifest) if prune else []
        if not changed and not gone and current is not None:
            report.items_total = sum(len(b["ids"]) for b in manifest.bulletins.values())
            report.seconds = time.perf_counter() - started
            return report
        generation = root.new_generation(copy_of=current)
        ix = engine.open_dir(generation) if current is not None else engine.create(generation)
        to_parse, twins = _split_twins(changed)
        step = _stepper(progress, len(to_parse))
        workers = workers or min(2, os.cpu_count() or 1)
        results = _process([str(p) for p, _ in to_parse], workers, step, (lock_fd,))
        enricher = Enricher()
        forms = {p.name: (*p.aliases, *p.acronyms) for p in enricher.partners.partners}
        with engine.writer(ix) as w:
            for (path, digest), result in zip(to_parse, results):
                _apply(w, manifest, str(path), digest, result, forms, report)
            orphans = [t for t in twins if not _record_twin(manifest, *t, report)]
            for (path, digest), result in zip(orphans, _process([str(p) for p, _ in orphans], workers, step, (lock_fd,))):
                _apply(w, manifest, str(path), digest, result, forms, report)
            for path in gone:
                _forget(w, manifest, path, report)
        words = Vocabulary()
        table = FacetTable.build(words.counting(engine.stored_records(ix)), engine.doc_count_all(ix))
        table.save(generation)
        words.save(generation)
        manifest.save(generation)
        root.publish(generation)
    report.items_total = int(table.live.sum())
    report.seconds = time.perf_counter() - started
    return report


def _stepper(progress: Callable[[int, int], None] | None, total: int) -> Callable[[int], None]:
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    return step


def _changed_files(files: Sequence[Path], manifest: Manifest, report: IngestReport) -> list[tuple[Path, str]]:
    changed = []
    for path in files:
        key = str(path.resolve())
        try:
            digest = file_hash(path)
        except OSError:
            changed.append((path, ""))  # let the parser name the problem
            continue
        if manifest.files.get(key, {}).get("sha256") == digest:
            report.files_skipped += 1
        else:
            changed.append((path, digest))
    return changed


def _split_twins(changed: list[tuple[Path, str]]) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """A PDF next to a text file of the same name is the same bulletin: read only the text
    (faster, and what pdftotext made of that very PDF) and record the PDF as its twin."""
    texts = {p.with_suffix("") for p, _ in changed if p.suffix.lower() == ".txt"}
    twins = [(p, d) for p, d in changed if p.suffix.lower() == ".pdf" and p.with_suffix("") in texts]
    return [c for c in changed if c not in twins], twins


def _record_twin(manifest: Manifest, path: Path, digest: str, report: IngestReport) -> bool:
    """Attach a PDF to the bulletin its text twin gave; False if the twin gave none."""
    twin = manifest.files.get(str(path.with_suffix(".txt").resolve()))
    if not twin or twin["bulletin"] not in manifest.bulletins:
        return False
    manifest.files[str(path.resolve())] = {"sha256": digest, "bulletin": twin["bulletin"]}
    report.files_skipped += 1
    return True


def _missing_files(manifest: Manifest) -> list[str]:
    return [path for path in manifest.files if not Path(path).exists()]


def _apply(w, manifest: Manifest, path: str, digest: str, result, forms, report: IngestReport) -> None:
    """Index one parsed file: a new bulletin, a replacement, or the other format of one."""
    if isinstance(result, BulletinError):
        report.errors.append(str(result))
        report.files_failed += 1
        return  # whatever this file gave before stays indexed
    key, absolute = bulletin_key(manifest, result, path), str(Path(path).resolve())
    ids = [i.id for i in result.items]
    old_key = manifest.files.get(absolute, {}).get("bulletin")
    if old_key and old_key != key:
        _detach(w, manifest, absolute, old_key, report)
    existing = manifest.bulletins.get(key)
    manifest.files[absolute] = {"sha256": digest, "bulletin": key}
    if existing and existing["ids"] == ids:
        report.files_skipped += 1  # the same bulletin in another format: nothing to change
        return
    if existing:
        engine.delete_bulletin(w, key)
        report.items_removed += len(existing["ids"])
        report.bulletins_replaced += 1
        if existing["source"] != absolute and Path(existing["source"]).exists():
            report.notes.append(f"{path}: holds the bulletin for {key} as {existing['source']} does, "
                                f"with different items; indexed this file's")
    else:
        report.bulletins_added += 1
    report.items_added += engine.add_items(w, (engine.document(i, key, forms) for i in result.items))
    manifest.put_bulletin(key, {"ids": ids, "source": absolute, "period": period_key(result)})


def _detach(w, manifest: Manifest, path: str, key: str, report: IngestReport) -> None:
    """The file no longer holds bulletin `key`: drop the bulletin if no other file does."""
    others = [p for p, f in manifest.files.items() if f.get("bulletin") == key and p != path]
    if not others and key in manifest.bulletins:
        engine.delete_bulletin(w, key)
        report.items_removed += len(manifest.bulletins.pop(key)["ids"])
        report.bulletins_removed += 1


def _forget(w, manifest: Manifest, path: str, report: IngestReport) -> None:
    key = manifest.files.pop(path)["bulletin"]
    _detach(w, manifest, path, key, report)
