"""Extraction of lines from text and PDF bulletins; every fixture is built in tmp_path."""
from __future__ import annotations

import io
import os
import pathlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from indexer.errors import BulletinError
from indexer.parse.extract import Extracted, extract, extract_lines
from indexer.parse.lines import Line

from ...conftest import SEED  # noqa: E402  (../shared, or $BULLETINS_SHARED)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- text ----------------------------------------------------------------------------------


def test_utf8_text_gives_lines_without_notes(tmp_path):
    path = write(tmp_path, "b.txt", "Ombudsman’s visit to Gəncə  \nŞəki and Ağdam\n".encode())
    assert extract(path) == Extracted(
        (Line("Ombudsman’s visit to Gəncə"), Line("Şəki and Ağdam")), (), "text"
    )


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path, "b.txt", b"\xef\xbb\xbfFirst line\nSecond line\n")
    assert extract_lines(path) == [Line("First line"), Line("Second line")]


def test_cp1252_curly_quotes_decode_and_say_so(tmp_path):
    path = write(tmp_path, "b.txt", b"The \x93Kashalata\x94 cafe\nOmbudsman\x92s office\n")
    result = extract(path)
    assert [line.text for line in result.lines] == ["The “Kashalata” cafe", "Ombudsman’s office"]
    assert len(result.notes) == 1
    assert result.notes[0].startswith("not UTF-8; read as cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    path = write(tmp_path, "b.txt", b"caf\xe9 \x81\n")
    result = extract(path)
    assert result.lines[0].text == "café \x81"
    assert "read as latin-1" in result.notes[0]


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = write(tmp_path, "b.txt", "Ombudsman\r\nBaku\r\n".encode("utf-16"))
    result = extract(path)
    assert [line.text for line in result.lines] == ["Ombudsman", "Baku"]
    assert result.notes == ("read as UTF-16 (byte-order mark)",)


def test_crlf_and_lone_cr_are_line_breaks(tmp_path):
    path = write(tmp_path, "b.txt", b"one\r\ntwo\r\r\nthree\rfour")
    assert extract_lines(path) == [
        Line("one"), Line("two"), Line("three", None, True), Line("four")
    ]


def test_empty_lines_become_blank_before(tmp_path):
    text = "\n \nHeadline\nbody\n\n\n   \t\nnext\n***\n"
    assert extract_lines(write(tmp_path, "b.txt", text.encode())) == [
        Line("Headline", None, True),
        Line("body", None, False),
        Line("next", None, True),
        Line("***", None, False),
    ]


def test_nbsp_and_form_feed(tmp_path):
    # pdftotext ends every page with \f: a line break, not an empty line.
    text = "end of page\n\fTop\u00a0of\u00a0page\n\u00a0\nafter gap\fsame page?"
    assert extract_lines(write(tmp_path, "b.txt", text.encode())) == [
        Line("end of page"),
        Line("Top of page"),
        Line("after gap", None, True),
        Line("same page?"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ’\u00a0\t\r\n\f\v\u2028"), max_size=40))
def test_text_lines_are_never_empty_or_padded(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "b.txt")
        path.write_bytes(text.encode())
        try:
            lines = extract_lines(path)
        except BulletinError as error:
            assert error.reason in ("empty file", "no text (only whitespace)")
            return
    assert lines
    for line in lines:
        assert line.text == line.text.strip() and line.text
        assert not any(c in line.text for c in "\r\n\f\v\u2028\u00a0")


def test_seed_bulletin_text():
    if not SEED.resolve().is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed bulletin missing at {SEED.resolve()}")
        pytest.skip(f"seed bulletin missing at {SEED.resolve()} (../shared next to the repo)")
    result = extract(SEED.resolve())
    texts = [line.text for line in result.lines]
    assert result.kind == "text" and result.notes == ()
    assert texts.count("***") >= 3
    assert all(text and text == text.strip() for text in texts)
    assert all(line.bold is None for line in result.lines)
    assert any(line.blank_before for line in result.lines)
    assert any("’" in text for text in texts)  # UTF-8 curly apostrophes decoded as such


# --- PDF fixtures --------------------------------------------------------------------------

BODY, HEAD = ("Times-Roman", 11), ("Times-Bold", 14)
PITCH, GAP = 15, 36  # GAP is 2.4 pitches: an empty line's worth of space


def pdf_bytes(pages: list[list[tuple[tuple[str, int], str, int]]]) -> bytes:
    """Each page is a list of ((font, size), text, space_above) drawn from the top down."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in pages:
        y = 780
        for (font, size), text, space_above in page:
            y -= space_above
            pdf.setFont(font, size)
            pdf.drawString(72, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


TWO_PAGES = [
    [
        (HEAD, "The Ombudsman visited the Baku detention facility", 0),
        (BODY, "The Commissioner’s staff met “accused persons” and", PITCH),
        (BODY, "explained their rights – in a confidential manner.", PITCH),
        (BODY, "For the further information see the link https://bit.ly/x", PITCH),
        (BODY, "***", GAP),
        (("Helvetica-Bold", 14), "International Day of Persons with Disabilities", GAP),
        (BODY, "Sabina Aliyeva took part in the events.", PITCH),
        (BODY, "The events were held in Baku on 3 December.", PITCH),
    ],
    [
        (BODY, "Continued on the next page, after the break.", 0),
        (BODY, "A second body line.", PITCH),
        (HEAD, "Meeting with the Hong Kong Ombudsman", GAP),
        (BODY, "Aydin Safikhanli participated in the summit.", PITCH),
        (BODY, "Last line of the bulletin.", PITCH),
    ],
]


def expected_lines(pages) -> list[Line]:
    return [
        Line(text, font in ("Times-Bold", "Helvetica-Bold"), space == GAP)
        for page in pages
        for (font, _), text, space in page
    ]


def test_pdf_lines_in_order_with_bold_and_gaps(tmp_path):
    result = extract(write(tmp_path, "b.pdf", pdf_bytes(TWO_PAGES)))
    assert result == Extracted(tuple(expected_lines(TWO_PAGES)), (), "pdf")


def test_pdf_is_recognised_by_content_not_name(tmp_path):
    result = extract(write(tmp_path, "bulletin.txt", pdf_bytes(TWO_PAGES)))
    assert result.kind == "pdf"
    assert list(result.lines) == expected_lines(TWO_PAGES)


def test_pdf_with_one_weight_leaves_bold_unknown(tmp_path):
    page = [(BODY, "Only regular text here.", 0), (BODY, "And a second line.", PITCH)]
    result = extract(write(tmp_path, "b.pdf", pdf_bytes([page])))
    assert result.lines == (Line("Only regular text here."), Line("And a second line."))
    assert result.notes == ("every line has the same font weight; bold left unknown",)


def test_pdf_line_is_bold_when_most_letters_are(tmp_path):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    text = pdf.beginText(72, 700)
    text.setFont("Helvetica", 12)
    text.textOut("On ")
    text.setFont("Helvetica-Bold", 12)
    text.textOut("Human Rights Day")
    pdf.drawText(text)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 685, "Body with one ")
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(72 + pdf.stringWidth("Body with one ", "Helvetica", 12), 685, "bold")
    pdf.showPage()
    pdf.save()
    lines = extract_lines(write(tmp_path, "b.pdf", buffer.getvalue()))
    assert lines == [Line("On Human Rights Day", True), Line("Body with one bold", False)]


def test_pdf_spaces_from_gaps_and_superscripts_stay_on_their_line(tmp_path):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Times-Roman", 12)
    x = 72.0
    # Words placed one by one, with no space character between them, as many producers do.
    for word in ("Baku", "Book", "Center"):
        pdf.drawString(x, 700, word)
        x += pdf.stringWidth(word, "Times-Roman", 12) + 3
    # A word split into two runs that touch must not gain a space.
    pdf.drawString(72, 680, "Cen")
    pdf.drawString(72 + pdf.stringWidth("Cen", "Times-Roman", 12), 680, "ter")
    text = pdf.beginText(72, 660)
    text.setFont("Times-Roman", 12)
    text.textOut("3")
    text.setFont("Times-Roman", 7)
    text.setRise(5)
    text.textOut("rd")
    text.setRise(0)
    text.setFont("Times-Roman", 12)
    text.textOut(" December")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    texts = [line.text for line in extract_lines(write(tmp_path, "b.pdf", buffer.getvalue()))]
    assert texts == ["Baku Book Center", "Center", "3rd December"]


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans-Bold.ttf").is_file(), reason="needs DejaVu fonts")
def test_pdf_embedded_fonts_azerbaijani_letters_and_ligatures(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("DejaVuSans-Bold", 13)  # embedded as a subset: "AAAAAA+DejaVuSans-Bold"
    pdf.drawString(72, 700, "Visit to Gəncə and Şəki")
    pdf.setFont("DejaVuSans", 10)
    pdf.drawString(72, 685, "The \ufb01nal report of the o\ufb03ce")
    pdf.showPage()
    pdf.save()
    lines = extract_lines(write(tmp_path, "b.pdf", buffer.getvalue()))
    assert lines == [Line("Visit to Gəncə and Şəki", True), Line("The final report of the office", False)]


def test_pdf_encrypted_with_empty_password_is_read(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes(TWO_PAGES)))
    writer.encrypt("", "owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    lines = extract_lines(write(tmp_path, "b.pdf", buffer.getvalue()))
    assert lines == expected_lines(TWO_PAGES)


# --- bad input -----------------------------------------------------------------------------


def encrypted_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes(TWO_PAGES)))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 200, 300, fill=1)
    pdf.circle(300, 600, 50, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def assert_bulletin_error(path: Path, reason: str) -> None:
    with pytest.raises(BulletinError) as caught:
        extract(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert caught.value.path == str(path)
    assert caught.value.reason.startswith(reason), caught.value.reason


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.txt", lambda: b"", "empty file"),
        ("blank.txt", lambda: b" \r\n\n\t\n", "no text"),
        ("nul.txt", lambda: b"text\x00with a NUL", "binary data, not text (is this really"),
        ("ctl.txt", lambda: bytes(range(1, 9)) * 20 + b"some text", "binary data, not text"),
        ("half.pdf", lambda: pdf_bytes(TWO_PAGES)[: len(pdf_bytes(TWO_PAGES)) // 2],
         "damaged PDF: "),
        ("junk.pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "damaged PDF: "),
        ("notreally.pdf", lambda: b"just some text", "not a PDF"),
        ("locked.pdf", encrypted_pdf, "encrypted PDF: needs a password"),
        ("scan.pdf", image_only_pdf,
         "no text layer (a scanned/image-only PDF; run OCR first)"),
    ],
)
def test_bad_files_raise_bulletin_error(tmp_path, name, make, reason):
    assert_bulletin_error(write(tmp_path, name, make()), reason)


def test_missing_file(tmp_path):
    assert_bulletin_error(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path):
    assert_bulletin_error(tmp_path, "is a directory, not a file")


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "b.txt", b"text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    assert_bulletin_error(path, "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_for_real(tmp_path):
    path = write(tmp_path, "b.txt", b"text")
    path.chmod(0)
    assert_bulletin_error(path, "permission denied")
