"""Bounded work per file: paragraph joining is linear, and size, pages and inflated
streams have limits (set by environment variables) that a bulletin never reaches."""
from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from indexer.errors import BulletinError
from indexer.parse import paragraphs, parse_file

WORDS = "the ombudsman visited detention centre children rights monitoring organi- zation human seminar women".split()


def _long_item(path: Path, chars: int) -> Path:
    """A bulletin whose first item is one paragraph of `chars` characters."""
    rng = random.Random(1)
    lines = ["This issue of the Information Bulletin covered the period March 01-31, 2024.", "", "A long item", ""]
    while sum(map(len, lines)) < chars:
        lines.append(" ".join(rng.choice(WORDS) for _ in range(12)))
    lines += ["***", "", "A short item", "", "The Ombudsman met the press.", "***"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_joining_lines_looks_only_at_the_end_of_the_paragraph(monkeypatch):
    seen = []
    glue = paragraphs._glue
    monkeypatch.setattr(paragraphs, "_glue", lambda left, *rest: (seen.append(len(left)), glue(left, *rest))[1])
    lines = ["the ombudsman visited the organi-", "zation of human rights defenders"] * 1500
    joined = paragraphs.join_lines(lines, frozenset({"organization"}), frozenset())
    assert len(seen) == 2999 and max(seen) <= 200  # the old joining passed the whole paragraph
    assert joined.count("organization") == 1500 and "organi-" not in joined


def test_a_half_megabyte_paragraph_parses_quickly(tmp_path):
    path = _long_item(tmp_path / "bulletin-2024-03.txt", 500_000)
    code = f"from indexer.parse import parse_file; print(len(parse_file({str(path)!r}).items[0].body))"
    # A generous bound for a busy machine: the quadratic joining took minutes.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 490_000


def bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated_mb` MB of spaces."""
    comp, chunk = zlib.compressobj(9), b" " * 2**20
    stream = b"".join(comp.compress(chunk) for _ in range(inflated_mb)) + comp.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


# Run in a fresh process, so that the peak memory measured is this parse's alone.
BOMB = textwrap.dedent('''
    import resource, sys
    from pathlib import Path
    from tests.indexer.parse.test_limits import bomb_pdf
    from indexer.errors import BulletinError
    from indexer.parse import parse_file
    path = bomb_pdf(Path(sys.argv[1]), 1024)  # 1 GB inflated
    try:
        parse_file(path)
        print("parsed")
    except BulletinError as exc:
        print(exc)
    # VmHWM is this process's own peak: ru_maxrss would also count the parent's memory that
    # Linux carries over when the parent forks (or vforks) and the child execs
    status = Path("/proc/self/status")
    hwm = [l.split()[1] for l in status.read_text().splitlines() if l.startswith("VmHWM:")] if status.exists() else []
    print(int(hwm[0]) // 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
''')


def test_a_flate_bomb_is_refused_with_bounded_memory(tmp_path):
    path = tmp_path / "bomb.pdf"
    done = subprocess.run([sys.executable, "-c", BOMB, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    message, peak_mb = done.stdout.splitlines()
    assert path.stat().st_size < 2 * 2**20
    assert message.startswith(f"{path}: ") and "BULLETINS_MAX_INFLATED_MB" in message
    assert int(peak_mb) <= 300, f"peak {peak_mb} MB"


def test_limits_are_set_by_environment_variables_and_named_in_the_refusal(sample_dir, tmp_path, monkeypatch):
    pdf, text = sample_dir / "bulletin-2024-03.pdf", sample_dir / "bulletin-2024-03.txt"
    assert parse_file(pdf).items and parse_file(text).items  # a bulletin meets no default limit
    for name, path in (("BULLETINS_MAX_PAGES", pdf), ("BULLETINS_MAX_INFLATED_MB", bomb_pdf(tmp_path / "a.pdf", 2)),
                       ("BULLETINS_MAX_TEXT_MB", _long_item(tmp_path / "b.txt", 1_100_000)),
                       ("BULLETINS_MAX_FILE_MB", _long_item(tmp_path / "c.txt", 1_100_000))):
        monkeypatch.setenv(name, "1")
        with pytest.raises(BulletinError) as raised:
            parse_file(path)
        assert name in str(raised.value) and "\n" not in str(raised.value)
        monkeypatch.delenv(name)


def test_a_text_file_that_starts_like_a_pdf_is_not_called_a_damaged_pdf(tmp_path):
    path = tmp_path / "bulletin-2024-03.txt"
    path.write_text("%PDF- is how a PDF starts; this is only text.\n***\nItem\n\nBody.\n***\n", encoding="utf-8")
    with pytest.raises(BulletinError) as raised:
        parse_file(path)
    assert "damaged PDF" not in str(raised.value) and "starts with %PDF-" in str(raised.value)
