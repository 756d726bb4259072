"""The .pdf of a bulletin: the laid-out lines drawn with reportlab's standard Times fonts.

Each printed line is one `drawString` call, so extraction sees one line per printed line, and
`invariant=1` keeps timestamps and ids out of the file: the same layout gives the same bytes.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from indexer.sample.layout import LEFT, MASTHEAD, PAGE_WIDTH, TOP, Layout

_PHOTO_GREY, _BANNER_GREY = 0.85, 0.75


def write_pdf(layout: Layout, path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle("Information Bulletin (generated sample data)")
    for page in range(layout.pages):
        if page == 0:
            _banner(pdf)
        for photo in (p for p in layout.photos if p.page == page):
            pdf.setFillGray(_PHOTO_GREY)
            pdf.rect(photo.x, photo.y, photo.width, photo.height, stroke=0, fill=1)
        pdf.setFillGray(0)
        for line in (line for line in layout.lines if line.page == page):
            pdf.setFont(*line.font)
            pdf.drawString(line.x, line.y, line.text)
        pdf.showPage()
    pdf.save()


def _banner(pdf: canvas.Canvas) -> None:
    # The real bulletins open with a picture banner; pdftotext finds no text in it.
    pdf.setFillGray(_BANNER_GREY)
    pdf.rect(LEFT, TOP - MASTHEAD + 20.0, PAGE_WIDTH - 2 * LEFT, MASTHEAD - 10.0, stroke=0, fill=1)
