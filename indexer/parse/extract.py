"""Turn a bulletin file (a PDF, or the text `pdftotext` made of one) into printed lines.

Both kinds end up in the same shape, so the splitter never asks where a line came from:
one `Line` per printed line, no empty lines, surrounding whitespace stripped,
`blank_before` where there was a gap, and `bold` only where the fonts can tell.
Anything that goes wrong becomes a one-line `BulletinError` naming the file.
"""
from __future__ import annotations

import io
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import Iterator, Literal, NamedTuple

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF, PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from indexer.errors import BulletinError
from indexer.parse.limits import MB, InflateLimit, inflate_budget, limit
from indexer.parse.lines import Line

Kind = Literal["text", "pdf"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """The lines of one file, plus what was guessed on the way (shown to the user, not hidden)."""

    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()
    kind: Kind = "text"


def extract(path: str | Path) -> Extracted:
    """Read a bulletin; PDFs are recognised by their header, whatever the file is called."""
    shown = str(path)
    data = _read_bytes(Path(path), shown)
    named_pdf = Path(path).suffix.lower() == ".pdf"
    # Readers accept junk before the header, but only a .pdf gets that benefit of the
    # doubt: a text file may well mention "%PDF-" in its first lines.
    if data.startswith(_PDF_MAGIC) or (named_pdf and _PDF_MAGIC in data[:1024]):
        try:
            return _extract_pdf(data, shown)
        except BulletinError as exc:
            if named_pdf or not exc.reason.startswith("damaged PDF"):
                raise
            raise BulletinError(shown, "starts with %PDF- but is not a readable PDF (a PDF named as text?)") from None
    if named_pdf:
        raise BulletinError(shown, "not a PDF: no %PDF- header (is this really a .pdf?)")
    _within(len(data), "BULLETINS_MAX_TEXT_MB", shown, "a text file")
    return _extract_text(data, shown)


def _within(size: int, name: str, shown: str, what: str) -> None:
    """BulletinError when `size` bytes pass the limit `name` (in MB)."""
    if size > limit(name) * MB:
        raise BulletinError(shown, f"{what} of {size / MB:,.1f} MB is over the limit of {limit(name)} MB "
                                   f"(set {name} to change it)")


def extract_lines(path: str | Path) -> list[Line]:
    """The lines of a bulletin, dropping the notes; see `extract`."""
    return list(extract(path).lines)


# --- reading the file ----------------------------------------------------------------------

_PDF_MAGIC = b"%PDF-"


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise BulletinError(shown, "is a directory, not a file")
        if not stat.S_ISREG(mode):  # a FIFO or device would block or never end
            raise BulletinError(shown, "not a regular file")
        _within(path.stat().st_size, "BULLETINS_MAX_FILE_MB", shown, "a file")
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise BulletinError(shown, "no such file") from None
    except PermissionError:
        raise BulletinError(shown, "permission denied (cannot read the file)") from None
    except OSError as e:
        raise BulletinError(shown, f"cannot read: {e.strerror or type(e).__name__}") from None
    if not data:
        raise BulletinError(shown, "empty file")
    return data


# --- text ----------------------------------------------------------------------------------

# Control bytes that never appear in real text (TAB, LF, VT, FF and CR do).
_BAD_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.01
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# pdftotext ends each page with \f, usually right after a newline: a page break is a line
# break, not an empty line (the PDF path does not mark page starts either).
_LINE_BREAKS = re.compile(r"\r\n?|\n?\f|[\v\x85\u2028\u2029]")
_SPACE_LIKE = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": None, "\u200b": None}
    | {chr(b): None for b in _BAD_CONTROLS}
)


def _extract_text(data: bytes, shown: str) -> Extracted:
    text, notes = _decode(data, shown)
    lines = _text_lines(text)
    if not lines:
        raise BulletinError(shown, "no text (only whitespace)")
    return Extracted(tuple(lines), tuple(notes), "text")


def _decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """UTF-8 first; the fallbacks are reported because they may have guessed wrong."""
    if data.startswith(_UTF16_BOMS):  # Notepad's "Unicode"; its NUL bytes are not binary
        try:
            return data.decode("utf-16"), ["read as UTF-16 (byte-order mark)"]
        except UnicodeDecodeError:
            raise BulletinError(shown, "damaged UTF-16 text") from None
    _reject_binary(data, shown)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        where = f"first bad byte 0x{data[e.start]:02X} at offset {e.start}"
    try:
        return data.decode("cp1252"), [f"not UTF-8; read as cp1252 ({where})"]
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 takes anything
        return data.decode("latin-1"), [f"not UTF-8 or cp1252; read as latin-1 ({where})"]


def _reject_binary(data: bytes, shown: str) -> None:
    controls = len(data) - len(data.translate(None, _BAD_CONTROLS))
    if b"\x00" in data or controls > _MAX_CONTROL_SHARE * len(data):
        raise BulletinError(shown, "binary data, not text (is this really a .txt?)")


def _text_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for raw in _LINE_BREAKS.sub("\n", text).translate(_SPACE_LIKE).split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        lines.append(Line(stripped, None, gap))
        gap = False
    return lines


# --- PDF: from the library to plain glyph records --------------------------------------------


class _Glyph(NamedTuple):
    """One character, in page coordinates that grow downwards (like reading)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # pdfminer's box is exactly one em high, whatever the font's metrics say
    bold: bool


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


def _read_pdf_glyphs(data: bytes, shown: str) -> list[list[_Glyph]]:
    """The one place that calls pdfplumber/pdfminer: every library failure ends here."""
    try:
        with inflate_budget(), pdfplumber.open(io.BytesIO(data)) as pdf:
            _pages_within(len(pdf.pages), shown)
            return [_page_glyphs(page) for page in pdf.pages]
    except BulletinError:
        raise
    except InflateLimit:
        name = "BULLETINS_MAX_INFLATED_MB"
        raise BulletinError(shown, f"its compressed streams inflate past the limit of {limit(name)} MB "
                                   f"(a decompression bomb? set {name} to change it)") from None
    except PdfminerException as e:  # pdfplumber wraps pdfminer's errors at open time
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        raise BulletinError(shown, _pdf_reason(cause)) from e
    except PSException as e:  # pdfminer's own, raised later while reading a page
        raise BulletinError(shown, _pdf_reason(e)) from e
    except Exception as e:  # corrupt streams surface as KeyError, zlib.error, TypeError, ...
        raise BulletinError(shown, f"damaged PDF: {type(e).__name__}") from e


def _pages_within(pages: int, shown: str) -> None:
    if pages > limit("BULLETINS_MAX_PAGES"):
        raise BulletinError(shown, f"{pages} pages is over the limit of {limit('BULLETINS_MAX_PAGES')} "
                                   f"(set BULLETINS_MAX_PAGES to change it)")


def _page_glyphs(page: Page) -> list[_Glyph]:
    # `page.layout` holds pdfminer's LTChar objects; going through `page.chars` would
    # build a dict of twenty attributes per character and take five times as long.
    glyphs = [_glyph(char) for char in _iter_chars(page.layout) if char.upright]
    page.close()
    return glyphs


def _iter_chars(container: LTContainer[LTItem]) -> Iterator[LTChar]:
    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):  # text inside form XObjects (LTFigure)
            yield from _iter_chars(item)


def _glyph(char: LTChar) -> _Glyph:
    text = char.get_text().translate(_LIGATURES)
    bold = _is_bold_font(char.fontname)
    return _Glyph(text, char.x0, char.x1, -char.y1, -char.y0, char.y1 - char.y0, bold)


# "Demi" alone is a bold weight (FranklinGothic-Demi); "DemiLight" is lighter than regular.
_BOLD_WORDS = re.compile(r"bold|black|heavy|demi(?!light)", re.IGNORECASE)


@lru_cache(maxsize=256)
def _is_bold_font(fontname: str) -> bool:
    """Weight from the font's name: it is all pdfminer exposes (e.g. "ABCDEF+Arial-BoldMT")."""
    name = fontname.split("+", 1)[-1]  # drop the subset tag
    return bool(_BOLD_WORDS.search(name)) or name.endswith((",B", "-B", ",BI", "-BI"))


def _pdf_reason(cause: BaseException) -> str:
    if isinstance(cause, PDFPasswordIncorrect):
        return "encrypted PDF: needs a password"
    if isinstance(cause, PDFEncryptionError):
        return f"encrypted PDF: {_short(cause)}"
    if isinstance(cause, PSEOF):
        return "damaged PDF: the file ends too early (truncated?)"
    return f"damaged PDF: {_short(cause)}"


def _short(error: BaseException) -> str:
    if not isinstance(error, PSException):  # a builtin failing deep in pdfminer: text is noise
        return type(error).__name__
    # pdfminer appends the offending raw bytes after a colon; the words before it are the news.
    message = "".join(c for c in str(error).split(": ", 1)[0] if c.isprintable())
    message = " ".join(message.split())[:80]
    return message if any(c.isalpha() for c in message) else type(error).__name__


# --- PDF: from glyphs to lines ----------------------------------------------------------------

_GAP_AS_SPACE = 0.15  # of the font size: wider than kerning, narrower than any word space
_BLANK_PITCH = 1.6  # a line pitch this many times the page's usual one means an empty line


class _Row(NamedTuple):
    text: str
    bold: bool
    baseline: float


def _extract_pdf(data: bytes, shown: str) -> Extracted:
    pages = _read_pdf_glyphs(data, shown)
    if not pages:
        raise BulletinError(shown, "damaged PDF: no pages")
    undecodable = sum(g.text.startswith("(cid:") for page in pages for g in page)
    rows = [_rows(page) for page in pages]
    if not any(rows):
        reason = "no text layer (a scanned/image-only PDF; run OCR first)"
        if undecodable:
            reason = "text cannot be decoded (fonts lack a Unicode map; run OCR first)"
        raise BulletinError(shown, reason)
    pitches = [pitch for page_rows in rows for pitch in _pitches(page_rows)]
    usual = median(pitches) if pitches else 0.0
    lines = [line for page_rows in rows for line in _page_lines(page_rows, usual)]
    lines, notes = _weight_if_informative(lines)
    notes += _page_notes(rows, undecodable)
    return Extracted(tuple(lines), tuple(notes), "pdf")


def _rows(glyphs: list[_Glyph]) -> list[_Row]:
    rows = (_row(band) for band in _bands(glyphs))
    return [row for row in rows if row.text]


def _bands(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Group glyphs into printed lines by vertical overlap, not by equal `top`, so a
    superscript or a larger initial stays on its line."""
    bands: list[list[_Glyph]] = []
    top = bottom = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        overlap = min(bottom, glyph.bottom) - max(top, glyph.top)
        if bands and overlap >= 0.5 * min(bottom - top, glyph.size):
            bands[-1].append(glyph)
            top, bottom = min(top, glyph.top), max(bottom, glyph.bottom)
        else:
            bands.append([glyph])
            top, bottom = glyph.top, glyph.bottom
    return bands


def _row(band: list[_Glyph]) -> _Row:
    inked = [g for g in _dedupe(sorted(band, key=lambda g: g.x0)) if _is_decoded(g)]
    return _Row(_row_text(inked), _mostly_bold(inked), median(g.bottom for g in band))


def _dedupe(glyphs: list[_Glyph]) -> list[_Glyph]:
    # Some producers fake bold by printing each glyph twice, a hair apart.
    kept: list[_Glyph] = []
    for glyph in glyphs:
        last = kept[-1] if kept else None
        if last and last.text == glyph.text and abs(last.x0 - glyph.x0) < 0.1 * glyph.size:
            continue
        kept.append(glyph)
    return kept


def _is_decoded(glyph: _Glyph) -> bool:
    return not glyph.text.startswith("(cid:")


def _row_text(glyphs: list[_Glyph]) -> str:
    """Spaces come from the PDF's space glyphs or from gaps: many PDFs position words
    without any space character between them."""
    parts: list[str] = []
    previous: _Glyph | None = None
    pending_space = False
    for glyph in glyphs:
        if not glyph.text.strip():
            pending_space = previous is not None
            continue
        gap = glyph.x0 - previous.x1 if previous else 0.0
        if previous and (pending_space or gap > _GAP_AS_SPACE * glyph.size):
            parts.append(" ")
        parts.append(glyph.text.replace("\u00a0", " "))
        previous, pending_space = glyph, False
    return " ".join("".join(parts).split())


def _mostly_bold(glyphs: list[_Glyph]) -> bool:
    # Letters decide; a line of digits or asterisks falls back to all its glyphs.
    letters = [g for g in glyphs if g.text.isalpha()] or [g for g in glyphs if g.text.strip()]
    return 2 * sum(g.bold for g in letters) > len(letters)


def _pitches(rows: list[_Row]) -> list[float]:
    return [b.baseline - a.baseline for a, b in zip(rows, rows[1:])]


def _page_lines(rows: list[_Row], document_pitch: float) -> list[Line]:
    """`blank_before` from the gap above each line, never at a page start."""
    pitches = _pitches(rows)
    # A page of under four lines has no usual pitch of its own: borrow the document's.
    usual = median(pitches) if len(pitches) >= 3 else document_pitch
    lines = [Line(rows[0].text, rows[0].bold, False)] if rows else []
    for row, pitch in zip(rows[1:], pitches):
        lines.append(Line(row.text, row.bold, pitch > _BLANK_PITCH * usual))
    return lines


def _weight_if_informative(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """A weight that never changes says nothing about headlines (and a PDF whose fonts
    carry no weight in their names reads as all regular): leave it to the text rules."""
    if len({line.bold for line in lines}) > 1:
        return lines, []
    unknown = [Line(line.text, None, line.blank_before) for line in lines]
    return unknown, ["every line has the same font weight; bold left unknown"]


def _page_notes(rows: list[list[_Row]], undecodable: int) -> list[str]:
    notes = []
    empty = [str(number) for number, page_rows in enumerate(rows, 1) if not page_rows]
    if empty:
        notes.append(f"no text on page(s) {', '.join(empty)} (images only?)")
    if undecodable:
        notes.append(f"{undecodable} character(s) without a Unicode map were dropped")
    return notes
