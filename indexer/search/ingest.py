"""Incremental ingest: parse, enrich and index every bulletin under some paths.

A bulletin's identity is its source file (see `sources`): a file already indexed with the
same content is skipped, a changed file replaces its own items, a renamed or copied file
is followed by its content hash. The PDF and the .txt of one bulletin (same folder, same
name) are twins when their items agree; when they differ the text's items are kept and
a warning says so. Two files covering one period are both kept, an item in both counted
once (by id). Nothing leaves the index but the items of files gone (with `prune`) and a
changed file's own replaced items, and the summary counts every removal. All changes
land in a new generation of the index that is published at once (see `index_dir`).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import derived, engine
from ..enrich import Enricher
from ..errors import BulletinError, shown_path
from .facets import FacetTable
from .index_dir import IndexDir, Manifest
from ..parse import Parsed, find_bulletins, parse_file
from .sources import Plan, file_hash, file_key, plan, record_stats, twin_pdfs, twin_text

__all__ = ["IngestReport", "file_hash", "ingest"]

PARALLEL_FROM = 4  # files; below this a process pool costs more than it saves


@dataclass
class IngestReport:
    files: int = 0
    bulletins_added: int = 0  # files whose items were indexed for the first time
    bulletins_replaced: int = 0  # changed files (and files read again to restore their items)
    bulletins_removed: int = 0  # files gone, pruned
    files_renamed: int = 0
    files_copied: int = 0
    twins: int = 0  # PDFs with the same items as their .txt
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
        followed = f"{self.files_renamed} renamed, {self.files_copied} copied, " if self.files_renamed or self.files_copied else ""
        return (
            f"{self.files} file(s): {self.bulletins_added} added, {self.bulletins_replaced} replaced, "
            f"{self.bulletins_removed} removed, {followed}{self.twins} PDF(s) the same as their text, "
            f"{self.files_skipped} unchanged, {self.files_failed} failed; "
            f"items: {self.items_added} added, {self.items_removed} removed, {self.items_total} in the index; "
            f"{self.seconds:.1f} s{rate}"
        )


def period_key(parsed: Parsed) -> str:
    return f"{parsed.period.start}..{parsed.period.end}"


# The enricher of the running ingest, loaded once by the parent before it forks its worker
# processes, which inherit it (loading the vocabularies again would cost each of them).
_ENRICHER: Enricher | None = None


def _init_worker() -> None:
    global _ENRICHER
    if _ENRICHER is None:
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


def _parse_and_enrich(task: tuple[str, bool]) -> Parsed | BulletinError:
    """One file parsed, and enriched unless it is a PDF to compare with its text twin."""
    path, enrich = task
    try:
        parsed = parse_file(path)
        assert _ENRICHER is not None
        return parsed.with_items(tuple(_ENRICHER.enrich(i) for i in parsed.items)) if enrich else parsed
    except BulletinError as exc:
        return exc
    except Exception as exc:  # a defect met on one file must not stop the others: one line, named
        return BulletinError(path, f"could not be processed ({type(exc).__name__}: {str(exc)[:200]}); please report it")


def _process(tasks: Sequence[tuple[str, bool]], workers: int, progress: Callable[[int], None],
             inherited: tuple[int, ...] = ()) -> Iterator[Parsed | BulletinError]:
    """Parsed (and enriched) files in order, as they are ready (the caller indexes meanwhile)."""
    if len(tasks) < PARALLEL_FROM or workers <= 1:
        _init_worker()
        for task in tasks:
            yield _parse_and_enrich(task)
            progress(1)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker, initargs=(os.getpid(), inherited),
                             mp_context=context) as pool:
        for result in pool.map(_parse_and_enrich, tasks, chunksize=2):
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
    """Bring the index at `index_root` up to date with the bulletins under `paths`.
    Raises IndexUnwritable (one line) when the index folder cannot be written."""
    started = time.perf_counter()
    report = IngestReport()
    root = IndexDir(index_root)
    with root.ingest_lock() as lock_fd:
        current = None if rebuild else root.current()
        manifest = Manifest.load(current)
        before = derived.previous(current)
        indexed = before.table.live_ids() if before is not None else _indexed_ids(current)
        files, problems = find_bulletins(paths)
        todo = plan(files, manifest, indexed, prune)
        _count_plan(report, files, problems, todo, manifest)
        if todo.empty() and current is not None:
            root.tidy()
            report.items_total = len(indexed)
        else:
            pool = _Pool(workers or min(2, os.cpu_count() or 1), (lock_fd,), progress, Enricher())
            table = _publish(root, current, before, manifest, indexed, todo, pool, report)
            report.items_total = int(table.live.sum())
    report.seconds = time.perf_counter() - started
    return report


def _publish(root: IndexDir, current: Path | None, before: derived.Previous | None, manifest: Manifest,
             indexed: set[str], todo: Plan, pool: "_Pool", report: IngestReport) -> FacetTable:
    """The plan applied to a new generation (a copy of the current one), then published."""
    global _ENRICHER
    _ENRICHER = pool.enricher  # before the workers fork: they inherit it
    try:
        generation = root.new_generation(copy_of=current)
        with root.discarded_on_failure(generation):
            table = _write(generation, before, manifest, indexed, todo, pool, report)
            root.publish(generation)
    finally:
        _ENRICHER = None
    return table


def _count_plan(report: IngestReport, files, problems, todo: Plan, manifest: Manifest) -> None:
    failed = [str(p) for p in (*problems, *todo.errors)]
    report.errors += failed
    report.files_failed += len(failed)
    report.files = len(files) + len(problems)
    report.files_skipped = todo.unchanged
    if any(f.get("legacy") for f in manifest.files.values()):
        report.notes.append("the index was made by an earlier version: each file is read again once, "
                            "to record its own items (nothing indexed is removed by this)")


def _indexed_ids(current: Path | None) -> set[str]:
    """The ids of the items live in the current generation (from its facet table)."""
    if current is None:
        return set()
    try:
        table = FacetTable.load(current)
    except (OSError, KeyError, ValueError):
        return {record["id"] for _, record in engine.stored_records(engine.open_dir(current))}
    return table.live_ids()


@dataclass
class _Pool:
    workers: int
    inherited: tuple[int, ...]
    progress: Callable[[int, int], None] | None
    enricher: Enricher  # read at the start of each ingest: vocabularies and corrections may have changed


def _write(generation: Path, before: derived.Previous | None, manifest: Manifest, indexed: set[str], todo: Plan,
           pool: _Pool, report: IngestReport) -> FacetTable:
    """Apply the plan to the new generation (a copy of `before`'s, or empty); its facet
    table, words and manifest saved."""
    ix = engine.open_dir(generation) if engine.exists(generation) else engine.create(generation)
    reads = _ordered(todo.read, manifest)
    tasks = [(str(path), twin is None) for path, _, twin in reads]
    results = _process(tasks, pool.workers, _stepper(pool.progress, len(tasks)), pool.inherited)
    with engine.writer(ix) as w:
        changes = _Changes(w, manifest, indexed, report, pool.enricher)
        changes.settle(todo)
        for (path, digest, twin), result in zip(reads, results):
            changes.apply(path, digest, twin, result)
        changes.finish()
    record_stats(manifest, todo.stats)
    table = derived.save(generation, ix, before)
    manifest.save(generation)
    return table


def _stepper(progress: Callable[[int, int], None] | None, total: int) -> Callable[[int], None]:
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    return step


def _ordered(read: list[tuple[Path, str]], manifest: Manifest) -> list[tuple[Path, str, str | None]]:
    """(file, hash, its text twin or None): texts first, so that a PDF is compared with
    what its text gives now. A PDF beside a text is only parsed (not enriched): its items
    are indexed only when it stands alone."""
    keys = {str(path.resolve()) for path, _ in read}
    out = []
    for path, digest in read:
        text = twin_text(path.resolve())
        twin = text if text and (text in keys or text in manifest.files) and Path(text).exists() else None
        out.append((path, digest, twin))
    return sorted(out, key=lambda r: r[2] is not None)


class _Changes:
    """The changes of one ingest to the index and the manifest, with what they count."""

    def __init__(self, w, manifest: Manifest, indexed: set[str], report: IngestReport, enricher: Enricher) -> None:
        self.w, self.manifest, self.indexed, self.report = w, manifest, indexed, report
        self.claims = manifest.claims()
        self.released: set[str] = set()
        self.recorded: list[str] = []  # files whose items were (re)read by this ingest
        self.enricher = enricher
        self.forms = {p.name: (*p.aliases, *p.acronyms) for p in self.enricher.partners.partners}

    # ------------------------------------------------------------------ from the manifest

    def settle(self, todo: Plan) -> None:
        for old, new in todo.moved:
            self.manifest.files[new] = {**self.manifest.files.pop(old), "bulletin": new}
            if not self.manifest.files[new].get("shadowed_by"):
                engine.moved_source(self.w, self.manifest.files[new]["ids"], old, new, self.forms)
            self.report.files_renamed += 1
            self.report.notes.append(f"{shown_path(new)}: the file {shown_path(old)} moved here (same content); nothing re-read")
        for source, new in todo.copied:
            entry = {**self.manifest.files[source], "bulletin": new}
            self.manifest.files[new] = entry
            self._claim(entry["ids"])
            self.report.files_copied += 1
        for path in todo.gone:
            self._release(self.manifest.files.pop(path))
            self.report.bulletins_removed += 1

    # ------------------------------------------------------------------ from parsed files

    def apply(self, path: Path, digest: str, twin: str | None, result: Parsed | BulletinError) -> None:
        if isinstance(result, BulletinError):
            self.report.errors.append(str(result))
            self.report.files_failed += 1
            return  # whatever this file gave before stays indexed
        key = file_key(path)
        self.report.notes += [f"{shown_path(str(path))}: {note}" for note in result.notes if not twin]
        text = self.manifest.files.get(twin) if twin else None
        if text is None or text.get("legacy"):
            self.record(key, digest, self._enriched(result) if twin else result)
        elif set(text["ids"]) == {i.id for i in result.items}:
            self._enter(key, digest, result, None)
            self.report.twins += 1
        else:
            self._enter(key, digest, result, twin)
            self.report.notes.append(_differ(key, twin, [i.id for i in result.items], text["ids"]))

    def record(self, key: str, digest: str, parsed: Parsed) -> None:
        """A file whose own items are indexed: added, or replacing what it gave before."""
        old = self.manifest.files.get(key)
        self._enter(key, digest, parsed, None)
        self.recorded.append(key)
        fresh = [i for i in parsed.items if i.id not in self.indexed]
        self.report.items_added += engine.add_items(self.w, (engine.document(i, period_key(parsed), self.forms) for i in fresh))
        self.indexed.update(i.id for i in fresh)
        if old is None:
            self.report.bulletins_added += 1
        else:
            self.report.bulletins_replaced += 1

    def _enter(self, key: str, digest: str, parsed: Parsed, shadowed_by: str | None) -> None:
        self._release(self.manifest.files.get(key))
        entry = {"sha256": digest, "period": period_key(parsed), "ids": [i.id for i in parsed.items], "bulletin": key}
        if shadowed_by:
            entry["shadowed_by"] = shadowed_by
        else:
            self._claim(entry["ids"])
        self.manifest.files[key] = entry

    def _enriched(self, parsed: Parsed) -> Parsed:
        return parsed.with_items(tuple(self.enricher.enrich(i) for i in parsed.items))

    # ------------------------------------------------------------------ claims

    def _claim(self, ids: Iterable[str]) -> None:
        for i in set(ids):
            self.claims[i] += 1

    def _release(self, entry: dict | None) -> None:
        if entry is None or entry.get("shadowed_by"):
            return
        for i in set(entry.get("ids", ())):
            self.claims[i] -= 1
            self.released.add(i)

    # ------------------------------------------------------------------ the end

    def finish(self) -> None:
        self._recheck_twins()
        self._note_shared_periods()
        for i in sorted(self.released):
            if self.claims[i] <= 0 and i in self.indexed:
                engine.delete_item(self.w, i)
                self.indexed.discard(i)
                self.report.items_removed += 1

    def _recheck_twins(self) -> None:
        """A text read again may now agree or disagree with the PDF beside it (not re-read)."""
        pdfs = twin_pdfs(self.manifest.files)
        for text in self.recorded:
            pdf = pdfs.get(text)
            entry = self.manifest.files.get(pdf) if pdf and pdf not in self.recorded else None
            if entry is None or entry.get("legacy") or not Path(pdf).exists():
                continue
            agree = set(entry["ids"]) == set(self.manifest.files[text]["ids"])
            if agree and entry.get("shadowed_by"):
                del entry["shadowed_by"]
                self._claim(entry["ids"])
            elif not agree and not entry.get("shadowed_by"):
                self._release(entry)
                entry["shadowed_by"] = text
                self.report.notes.append(_differ(pdf, text, entry["ids"], self.manifest.files[text]["ids"]))

    def _note_shared_periods(self) -> None:
        """One line per file read now that covers the same period as another kept file."""
        by_period: dict[str, list[str]] = {}
        for path, entry in self.manifest.active():
            by_period.setdefault(entry.get("period", ""), []).append(path)
        for key in self.recorded:
            entry = self.manifest.files[key]
            others = [p for p in by_period.get(entry["period"], []) if p != key and twin_text(p) != key]
            if others:
                common = set(entry["ids"]).intersection(*(self.manifest.files[p]["ids"] for p in others[:1]))
                more = f" and {len(others) - 1} other file(s)" if len(others) > 1 else ""
                self.report.notes.append(
                    f"{shown_path(key)}: covers the same period ({entry['period']}) as {shown_path(others[0])}{more}; "
                    f"both kept ({len(common)} item(s) in both, counted once)")


def _differ(pdf: str, text: str, pdf_ids: Sequence[str], text_ids: Sequence[str]) -> str:
    only_pdf, only_text = len(set(pdf_ids) - set(text_ids)), len(set(text_ids) - set(pdf_ids))
    return (f"{shown_path(pdf)}: its items differ from those of {shown_path(text)} ({only_pdf} only in the PDF, "
            f"{only_text} only in the text); kept the text's")
