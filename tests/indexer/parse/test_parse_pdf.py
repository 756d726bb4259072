"""A PDF of the real bulletin gives the same items as its text."""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from indexer.parse import parse_file


def _render(lines: list[tuple[str, bool]], path: Path) -> Path:
    """One drawString per printed line, as a typeset bulletin has them."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 60
    for text, bold in lines:
        if y < 60:
            pdf.showPage()
            y = A4[1] - 60
        pdf.setFont("Times-Bold" if bold else "Times-Roman", 12 if bold else 11)
        pdf.drawString(50, y, text)
        y -= 16
    pdf.save()
    return path


def _seed_lines(seed_path: Path, headlines: set[str]) -> list[tuple[str, bool]]:
    """The seed's printed lines; a line is bold when it belongs to a known headline."""
    out = []
    for raw in seed_path.read_text(encoding="utf-8").splitlines():
        text = raw.strip()
        if text:
            out.append((text, any(text in h for h in headlines) and len(text) > 3))
    return out


@pytest.fixture(scope="module")
def from_text(seed_path):
    return parse_file(seed_path)


@pytest.mark.parametrize("with_fonts", [True, False], ids=["bold-headlines", "one-font"])
def test_pdf_of_seed_gives_the_same_items(seed_path, from_text, tmp_path, with_fonts):
    headlines = {i.title for i in from_text.items} if with_fonts else set()
    pdf = _render(_seed_lines(seed_path, headlines), tmp_path / "seed.pdf")
    from_pdf = parse_file(pdf)
    assert [i.title for i in from_pdf.items] == [i.title for i in from_text.items]
    assert [i.links for i in from_pdf.items] == [i.links for i in from_text.items]
    assert [i.id for i in from_pdf.items] == [i.id for i in from_text.items]
    assert (from_pdf.period.start, from_pdf.period.end) == (from_text.period.start, from_text.period.end)
