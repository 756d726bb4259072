"""The generated sample corpus: reproducible, shaped like the real bulletins, truthful."""
from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from indexer.item import ITEM_FIELDS, make_item_id
from indexer.sample.marker import MARKER_NAME, sample_notice
from indexer.parse.words import rejoin_broken_word
from indexer.sample import README_FILE, TRUTH_FILE, generate_corpus, layout_for
from indexer.sample.compose import compose_bulletin
from indexer.sample.hyphenation import COMPOUNDS, SYLLABLE_BREAKS
from indexer.sample.layout import Layout
from indexer.enrich.orgs import is_venue
from indexer.sample import invented
from indexer.sample.mentions import all_vocabulary_mentions, blank_names
from indexer.sample.vocab import ORGS
from indexer.sample.period import Period, period_phrase, plan_periods

CATEGORIES = {"monitoring_visit", "event", "awareness", "cooperation", "agreement", "meeting",
              "case", "statement", "publication", "humanitarian", "institutional", "other"}
THEMES = {"detention", "children", "disability", "women", "elderly", "mental_health", "health",
          "migrants_refugees", "missing_persons_ihl", "business_human_rights", "education",
          "media", "military", "minorities", "equality", "other"}
LINK = re.compile(r"^https://bit\.ly/[A-Za-z0-9]{7}$")


def _truth(directory: Path) -> list[dict]:
    lines = (directory / TRUTH_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _by_file(records: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[record["file"]].append(record)
    return grouped


def _layout(record: dict, seed: int = 1) -> Layout:
    period = Period(date.fromisoformat(record["period_start"]),
                    date.fromisoformat(record["period_end"]))
    return layout_for(compose_bulletin(period, seed), seed)


# -- reproducibility -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    runs = {"a": 5, "b": 5, "other_seed": 6}
    out = {}
    for name, seed in runs.items():
        out[name] = tmp_path_factory.mktemp(name)
        generate_corpus(out[name], months=4, seed=seed)
    return out


def test_same_seed_writes_the_same_bytes(small_corpora: dict[str, Path]) -> None:
    a, b = small_corpora["a"], small_corpora["b"]
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert {n.rsplit(".", 1)[-1] for n in names} == {"pdf", "txt", "jsonl", "json", "md"}  # json: the marker, md: the README
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_another_seed_writes_other_bulletins(small_corpora: dict[str, Path]) -> None:
    a, other = small_corpora["a"], small_corpora["other_seed"]
    assert (a / TRUTH_FILE).read_bytes() != (other / TRUTH_FILE).read_bytes()
    shared = {p.name for p in a.glob("*.txt")} & {p.name for p in other.glob("*.txt")}
    assert shared
    for name in shared:
        assert (a / name).read_bytes() != (other / name).read_bytes()


def test_a_month_reads_the_same_however_many_months_are_generated() -> None:
    short = {p.stem: p for p in plan_periods(3, 3, 2024, 12)}
    long = {p.stem: p for p in plan_periods(3, 30, 2024, 12)}
    common = [stem for stem in short if short[stem] == long.get(stem)]
    assert common
    for stem in common:
        assert compose_bulletin(short[stem], 3) == compose_bulletin(long[stem], 3)


# -- months, files and items ----------------------------------------------------------------

def test_months_are_counted_and_named(sample_dir: Path) -> None:
    periods = plan_periods(1, 72, 2024, 12)
    assert sum(p.months for p in periods) == 72
    assert periods[0].start == date(2019, 1, 1) and periods[-1].end == date(2024, 12, 31)
    for before, after in zip(periods, periods[1:]):
        assert (after.start - before.end).days == 1
    two_month = [p for p in periods if p.months == 2]
    assert two_month, "the default corpus should hold a two-month bulletin"
    expected = {f"{p.stem}.{ext}" for p in periods for ext in ("pdf", "txt")}
    assert {p.name for p in sample_dir.iterdir()} == expected | {TRUTH_FILE, README_FILE, MARKER_NAME}
    assert {r["file"] for r in _truth(sample_dir)} == {p.stem for p in periods}


def test_readme_says_generated(sample_dir: Path) -> None:
    readme = (sample_dir / README_FILE).read_text(encoding="utf-8")
    assert readme.startswith("GENERATED SAMPLE DATA")
    assert "--seed 1" in readme and "--months 72" in readme


def test_every_bulletin_has_12_to_25_items(sample_dir: Path) -> None:
    counts = Counter(r["file"] for r in _truth(sample_dir))
    assert all(12 <= n <= 25 for n in counts.values()), counts


def test_two_month_period_forms() -> None:
    period = Period(date(2024, 1, 1), date(2024, 2, 29))
    forms = {period_phrase(period, random.Random(n)) for n in range(200)}
    assert forms == {"January 01 - February 29, 2024", "1 January - 29 February 2024",
                     "January-February 2024"}
    single = Period(date(2023, 2, 1), date(2023, 2, 28))
    assert "February 01-28, 2023" in {period_phrase(single, random.Random(n)) for n in range(50)}


# -- truth records ------------------------------------------------------------------------

def test_truth_records_have_every_field(sample_dir: Path) -> None:
    records = _truth(sample_dir)
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert list(r) == [*ITEM_FIELDS, "file"]
        assert r["source"] == r["file"] + ".txt"
        start, end = date.fromisoformat(r["period_start"]), date.fromisoformat(r["period_end"])
        assert r["id"] == make_item_id(start, r["title"], r["body"])
        assert r["category"] in CATEGORIES and set(r["themes"]) <= THEMES
        assert r["title"] and not r["title"].endswith(".") and "\n" not in r["title"]
        paragraphs = r["body"].split("\n\n")
        assert 1 <= len(paragraphs) <= 3
        assert all(p.endswith((".", ".”", '."')) and p == " ".join(p.split()) for p in paragraphs)
        assert all(LINK.match(link) for link in r["links"]) and len(r["links"]) <= 1
        day = date.fromisoformat(r["date"])
        if r["date_precision"] == "day":
            assert start <= day <= end
        else:
            assert r["date_precision"] == "month" and day == start


def test_truth_shares_look_like_the_real_series(sample_dir: Path) -> None:
    records = _truth(sample_dir)
    stated = sum(r["date_precision"] == "day" for r in records) / len(records)
    linkless = sum(not r["links"] for r in records) / len(records)
    categories = Counter(r["category"] for r in records)
    assert 0.3 <= stated <= 0.5
    assert 0.01 <= linkless <= 0.06
    assert set(categories) == CATEGORIES and categories["other"] < 0.03 * len(records)
    links = [link for r in records for link in r["links"]]
    assert len(set(links)) == len(links)


def test_truth_names_exactly_what_the_text_mentions(sample_dir: Path) -> None:
    for r in _truth(sample_dir):
        partners, places, people = all_vocabulary_mentions(f"{r['title']}\n{r['body']}")
        assert (r["partners"], r["places"], r["people"]) == (partners, places, people), r["id"]


def test_some_names_are_invented_and_listed_in_the_truth(sample_dir: Path) -> None:
    names = invented.names_for(1)
    records = _truth(sample_dir)
    for kind, pool in (("partners", names.all_orgs), ("places", names.all_towns),
                       ("people", names.all_people)):
        used = {n for r in records for n in r[kind]} & set(pool)
        assert len(used) >= 0.5 * len(pool), (kind, sorted(set(pool) - used)[:5])
    assert "Sabina Aliyeva" in {p for r in records for p in r["people"]}


def test_no_venue_is_a_partner() -> None:
    # README: a place where something is held (a book centre, a hall) is never a partner.
    assert not [o.name for o in ORGS if is_venue(o.name.split()[-1])]


# Runs of this many words shared with a real text mean a template was copied from it.
RUN = 8
_WORD = re.compile(r"[a-z0-9]+|\0+")


# The office's own titles read the same in every text ("the Commissioner for Human Rights
# (Ombudsman) of the Republic of Azerbaijan"), as do the names of commemorated days.
_TITLES = re.compile(
    r"(?:Office of the )?(?:Human Rights )?(?:Commissioner|Ombudsman)(?: for Human Rights)?"
    r"(?: \(Ombudsman\))?(?: of (?:the Republic of )?Azerbaijan)?|International Day of [A-Z]\w+"
    r"(?: (?:with|of|in) [A-Z]?\w+)*", re.IGNORECASE)


def _runs(text: str) -> set[str]:
    """Word runs of a text that hold no name and no title of the office."""
    words = _WORD.findall(_TITLES.sub("\0", text).lower())
    runs = (words[i:i + RUN] for i in range(len(words) - RUN + 1))
    return {" ".join(r) for r in runs
            if not any(w.startswith("\0") for w in r)}


def test_the_templates_are_not_written_from_real_items(sample_dir: Path, seed_path: Path) -> None:
    real_dev = seed_path.parents[1] / "corpus" / "real-dev" / "bulletins"
    real = {run for path in [seed_path, *sorted(real_dev.glob("*.txt"))]
            for run in _runs(path.read_text(encoding="utf-8"))}
    sentences = [s for r in _truth(sample_dir)
                 for s in re.split(r"(?<=[.!?])\s+|\n", r["title"] + "\n" + r["body"])]
    copied = [s for s in sentences if _runs(blank_names(s)) & real]
    assert len(copied) <= 0.01 * len(sentences), copied[:5]


# -- the printed lines, in the text and in the PDF --------------------------------------------

def _text_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_text_holds_the_laid_out_lines(sample_dir: Path) -> None:
    for file, records in list(_by_file(_truth(sample_dir)).items())[::7]:
        layout = _layout(records[0])
        assert _text_lines(sample_dir / f"{file}.txt") == [line.text for line in layout.lines]


def _join(lines: list[str]) -> str:
    """Undo line wrapping the way a parser should: rejoin words broken at a line end."""
    text = ""
    for line in lines:
        if text.endswith("-") and not text.endswith(" -"):
            head = text.rsplit(" ", 1)[-1] + line.split(" ", 1)[0]
            keep = head.strip("“\"(),.’'s").lower() in COMPOUNDS
            text = (text if keep else text[:-1]) + line
        else:
            text = f"{text} {line}" if text else line
    return text


def test_printed_lines_rebuild_the_truth(sample_dir: Path) -> None:
    for file, records in list(_by_file(_truth(sample_dir)).items())[::5]:
        layout = _layout(records[0])
        for index, record in enumerate(records):
            lines = [line for line in layout.lines if line.item == index]
            headline = [line.text for line in lines if line.kind == "headline"]
            body = [line.text for line in lines if line.kind == "body"]
            assert 1 <= len(headline) <= 3
            assert _join(headline) == record["title"]
            assert _join(body) == record["body"].replace("\n\n", " ")
            assert sum(line.para_end for line in lines) == record["body"].count("\n\n") + 1


def test_text_file_mimics_pdftotext(sample_dir: Path, seed_path: Path) -> None:
    def shape(text: str) -> dict[str, float]:
        lines = text.split("\n")
        filled = [line for line in lines if line.strip()]
        return {
            "trailing_space": sum(line.endswith(" ") for line in filled) / len(filled),
            "separators": sum(bool(re.fullmatch(r" {1,2}\*\*\* ", line)) for line in lines),
            "blank_after": sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and b == "")
            / len(filled),
        }
    real = shape(seed_path.read_text(encoding="utf-8"))
    generated = shape((sample_dir / "bulletin-2024-12.txt").read_text(encoding="utf-8"))
    assert abs(real["trailing_space"] - generated["trailing_space"]) < 0.15
    assert abs(real["blank_after"] - generated["blank_after"]) < 0.15
    assert generated["separators"] == len(_by_file(_truth(sample_dir))["bulletin-2024-12"])
    header = _text_lines(sample_dir / "bulletin-2024-12.txt")[:2]
    assert header[0].startswith("This issue of the Information Bulletin")
    assert "covered the period" in header[1] and header[1].endswith("2024.")


def test_hyphenated_line_ends_occur(sample_dir: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sample_dir.glob("*.txt"))
    broken = re.findall(r"[a-z]-[ ]*\n\n[a-z]", text)
    assert len(broken) > 0.25 * len(_truth(sample_dir))


def test_the_parser_undoes_every_break_the_generator_makes() -> None:
    """Each syllable break is rejoined, each compound keeps its hyphen, by the parser's
    own rule (word frequencies), with no help from the bulletin's other words."""
    none: frozenset[str] = frozenset()
    wrong = [
        f"{word[:cut]}-{word[cut:]}"
        for word, cuts in SYLLABLE_BREAKS.items() for cut in cuts if 3 <= cut <= len(word) - 3
        if not rejoin_broken_word(word[:cut], word[cut:], none, none)
    ]
    assert not wrong
    assert not any(rejoin_broken_word(*c.split("-", 1), none, none) for c in COMPOUNDS)


def test_page_break_links_repeat_earlier_links(sample_dir: Path) -> None:
    records = _by_file(_truth(sample_dir))
    places = Counter()
    for path in sorted(sample_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        links = [link for r in records[path.stem] for link in r["links"]]
        for block in re.finditer(r"(?:^https://\S+\n){2,}", text, flags=re.M):
            urls = block.group().split()
            assert 2 <= len(urls) <= 4
            assert set(urls) <= set(links)
            assert text[block.end():block.end() + 2] == "\n\n"
            before = text[:block.start()].rstrip(" \n").rsplit("\n", 1)[-1]
            places["after ***" if before.strip() == "***" else "inside an item"] += 1
    assert places["after ***"] > 10 and places["inside an item"] > 3


def test_pdf_prints_the_same_lines_with_bold_headlines(sample_dir: Path) -> None:
    record = _by_file(_truth(sample_dir))["bulletin-2024-12"][0]
    layout = _layout(record)
    with pdfplumber.open(sample_dir / "bulletin-2024-12.pdf") as pdf:
        assert len(pdf.pages) == layout.pages
        extracted = [(line["text"], {c["fontname"] for c in line["chars"]})
                     for page in pdf.pages for line in page.extract_text_lines(return_chars=True)]
    assert [text for text, _ in extracted] == [line.text for line in layout.lines]
    for (_, fonts), line in zip(extracted, layout.lines):
        assert fonts == ({"Times-Bold"} if line.kind == "headline" else {"Times-Roman"}), line
    assert any(line.kind == "headline" for line in layout.lines)


def test_every_pdf_opens(sample_dir: Path) -> None:
    for path in sorted(sample_dir.glob("*.pdf"))[::6]:
        with pdfplumber.open(path) as pdf:
            assert pdf.pages and "Information Bulletin" in pdf.pages[0].extract_text()


def test_the_corpus_is_marked_as_generated(sample_dir: Path) -> None:
    notice = sample_notice(sample_dir / "bulletin-2024-12.txt")
    assert notice and "GENERATED SAMPLE DATA" in notice
    assert sample_notice(sample_dir.parent) is None
