"""The layout's import rules, read from every module's imports with `ast`, so the stages
cannot quietly grow into each other (README: Layout)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the pipeline's stages, in order: a stage may import the ones before it, never one after
STAGES = ("indexer.parse", "indexer.enrich", "indexer.search", "indexer.analytics")
WHOOSH_MODULES = {"indexer.search.engine", "indexer.search.postings"}
PANDAS_PACKAGE = "indexer.analytics"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """(absolute module, imported names, line) for every import in the file, nested ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(a.name, (), node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = _package(path).split(".")
                pkg = pkg[: len(pkg) - node.level + 1]
                base = ".".join(pkg + ([node.module] if node.module else []))
            found.append((base, tuple(a.name for a in node.names), node.lineno))
    return found


def _modules(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _targets(module: str, names: tuple[str, ...]) -> list[str]:
    """What an import reaches: `from indexer import search` reaches indexer.search."""
    return [f"{module}.{n}" for n in names] + [module] if names else [module]


@pytest.mark.parametrize("path", _modules("indexer"), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_stage_imports_only_the_stages_before_it(path):
    here = _module_name(path)
    own = next((i for i, s in enumerate(STAGES) if _within(here, s)), None)
    later = STAGES[own + 1:] if own is not None else ()
    if own is None and here in ("indexer", "indexer.item", "indexer.errors"):
        later = STAGES  # the record and the error type sit under every stage
    for module, names, line in _imports(path):
        for target in _targets(module, names):
            bad = [s for s in later if _within(target, s)]
            assert not bad, f"{path.relative_to(ROOT)}:{line} imports {target}, a later stage than {here}"
            assert not _within(target, "dashboard") or _within(here, "indexer.commands"), \
                f"{path.relative_to(ROOT)}:{line}: only the serve command may import the dashboard"


@pytest.mark.parametrize("path", _modules("indexer", "dashboard", "bench", "tests"), ids=lambda p: str(p.relative_to(ROOT)))
def test_whoosh_and_pandas_stay_in_their_modules(path):
    here = _module_name(path)
    tested = here.startswith(("tests.", "bench."))  # tests and benchmarks may look inside
    for module, _, line in _imports(path):
        if module.split(".")[0] == "whoosh" and not tested:
            assert here in WHOOSH_MODULES, f"{path.relative_to(ROOT)}:{line} imports whoosh"
        if module.split(".")[0] == "pandas" and not tested:
            assert _within(here, PANDAS_PACKAGE), f"{path.relative_to(ROOT)}:{line} imports pandas"


@pytest.mark.parametrize("path", _modules("dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_dashboard_uses_public_names_of_the_stages(path):
    for module, names, line in _imports(path):
        if not _within(module, "indexer"):
            continue
        where = f"{path.relative_to(ROOT)}:{line}"
        assert not _within(module, "indexer.commands"), f"{where} imports the command line ({module})"
        assert not any(part.startswith("_") for part in module.split(".")), f"{where} imports private module {module}"
        private = [n for n in names if n.startswith("_")]
        assert not private, f"{where} imports private names {private} from {module}"


@pytest.mark.parametrize("path", _modules("indexer"), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_name_crosses_a_package(path):
    here = _package(path)
    for module, names, line in _imports(path):
        if _within(module, "indexer") and module != here:
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            assert not private, f"{path.relative_to(ROOT)}:{line} imports {private} from another package ({module})"


def test_the_stages_import_on_their_own():
    import importlib

    for stage in STAGES:
        assert importlib.import_module(stage).__doc__, f"{stage} has no docstring saying what it owns"


def test_tests_mirror_the_packages():
    for stage in STAGES:
        folder = ROOT / "tests" / Path(*stage.split("."))
        assert list(folder.glob("test_*.py")), f"no tests for {stage} in {folder.relative_to(ROOT)}"


# --------------------------------------------------------------------------- the dashboard, by concern

# each package of the dashboard and the packages it may import (README: Layout)
DASHBOARD = {
    "dashboard.common": (),  # below both: page skeleton, labels, URL state, caching, heavy work
    "dashboard.views": ("dashboard.common",),  # what a user sees; never the office
    "dashboard.office": ("dashboard.common",),  # accounts and their work; never a view
    "dashboard.web": ("dashboard.common", "dashboard.views", "dashboard.office"),  # the factory wires them
}


def _dashboard_package(module: str) -> str | None:
    return next((p for p in DASHBOARD if _within(module, p)), None)


@pytest.mark.parametrize("path", _modules("dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_dashboard_package_imports_only_the_packages_below_it(path):
    here = _module_name(path)
    own = _dashboard_package(here)
    assert own or here == "dashboard", f"{path.relative_to(ROOT)} lies outside the dashboard's packages {sorted(DASHBOARD)}"
    allowed = (own, *DASHBOARD[own]) if own else ()
    for module, names, line in _imports(path):
        for target in _targets(module, names):
            if _within(target, "dashboard") and target != "dashboard":
                theirs = _dashboard_package(target)
                assert theirs in allowed, f"{path.relative_to(ROOT)}:{line} imports {target}: {own} may import only {allowed}"


@pytest.mark.parametrize("path", _modules("indexer", "dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_command_line_reaches_the_web_package(path):
    here = _module_name(path)
    for module, names, line in _imports(path):
        reaches = [t for t in _targets(module, names) if _within(t, "dashboard.web")]
        assert not reaches or _within(here, "dashboard.web") or _within(here, "indexer.commands"), \
            f"{path.relative_to(ROOT)}:{line} imports {reaches[0]}: only the app factory's package wires the app"


def test_the_dashboard_has_no_import_cycle():
    known = {_module_name(p) for p in _modules("dashboard")}
    graph = {_module_name(p): {t for m, n, _ in _imports(p) for t in _targets(m, n) if t in known}
             for p in _modules("dashboard")}
    for start in graph:  # a module's own package __init__ is not an edge back to it
        graph[start].discard(start.rpartition(".")[0])
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import cycle: " + " -> ".join((*path[path.index(module):], module))
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_each_dashboard_package_says_what_it_owns():
    import importlib

    for package in ("dashboard", *DASHBOARD):
        doc = importlib.import_module(package).__doc__
        assert doc and len(doc.split()) >= 10, f"{package} has no docstring saying what it owns"


def test_the_server_drawn_pages_share_one_skeleton():
    """The sign-in, saved-searches and review pages get their head, header and navigation from
    dashboard.common.page; no other module writes a document of its own (but Dash's own
    index template, which the dashboard page fills)."""
    writers = [str(p.relative_to(ROOT)) for p in _modules("dashboard") if "<!doctype html" in p.read_text().lower()]
    assert writers == [str(Path("dashboard", "common", "page.py")), str(Path("dashboard", "views", "layout.py"))], writers


def test_tests_mirror_the_dashboard_packages_and_share_their_helpers():
    copies = [f"{p.relative_to(ROOT)}:{line}" for p in _modules("tests") for module, names, line in _imports(p)
              if any(t.rpartition(".")[2].startswith("test_") for t in _targets(module, names)) and _within(module, "tests")]
    assert not copies, f"test modules importing another test module (helpers belong in conftest.py): {copies}"
