"""What the commands say on stderr: the generated-sample notice for an index built from
the sample, and 'no unknown partners' when that is what --unknown found."""
from __future__ import annotations

import shutil

import pytest

from indexer.cli import main
from indexer.sample.marker import MARKER_NAME
from indexer.search.ingest import ingest


@pytest.fixture(scope="module")
def indexes(sample_dir, tmp_path_factory):
    """An index of two sample bulletins kept with the sample's marker, and one of the same
    files without it."""
    out = {}
    for kind in ("sample", "plain"):
        folder = tmp_path_factory.mktemp(kind)
        for name in ("bulletin-2024-01.txt", "bulletin-2024-02.txt", *((MARKER_NAME,) if kind == "sample" else ())):
            shutil.copy(sample_dir / name, folder / name)
        ingest([folder], folder / "index")
        out[kind] = folder
    return out


@pytest.mark.parametrize("command", [["search", "ombudsman"], ["stats", "--by", "year"], ["export", "--out", "{out}"]])
def test_search_stats_and_export_on_a_sample_index_say_it_is_generated(indexes, command, capsys, tmp_path):
    for kind, expected in (("sample", 1), ("plain", 0)):
        argv = [a.format(out=tmp_path / f"{kind}.csv") for a in command] + ["--index", str(indexes[kind] / "index")]
        assert main(argv) == 0
        err = capsys.readouterr().err
        assert err.count("GENERATED SAMPLE DATA") == expected, (kind, err)


def test_partners_unknown_says_no_unknown_partners(tmp_path, capsys):
    path = tmp_path / "bulletin-2024-05.txt"
    path.write_text("This issue of the Information Bulletin covered the period May 01-31, 2024.\n\n"
                    "Meeting with UNICEF\n\nThe Ombudsman met representatives of UNICEF in Baku.\n***\n",
                    encoding="utf-8")
    assert main(["partners", str(path)]) == 0
    assert "1 partner(s)" in capsys.readouterr().out  # found, and known
    assert main(["partners", str(path), "--unknown"]) == 0
    assert capsys.readouterr().out.strip() == "no unknown partners (every partner found is in data/partners.toml)"
