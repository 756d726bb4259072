"""Search-box recall: synonyms from data/synonyms.toml and partner names, applied at query
time, named in the result ("also searched"), switched off by quotes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.enrich.partners import Partner
from indexer.enrich.vocab import VocabularyError
from indexer.search import SearchRequest
from indexer.search.expansion import Expander, load_expander, load_synonyms

ROOT = Path(__file__).resolve().parents[3]
GROUPS = [("prison", "penitentiary", "detention facility", "colony"), ("PWD", "persons with disabilities")]
PARTNERS = [Partner("International Committee of the Red Cross", "international organisation", acronyms=("ICRC",),
                    aliases=("Red Cross Committee",))]


@pytest.fixture(scope="module")
def expander() -> Expander:
    return Expander(GROUPS, PARTNERS)


def test_a_word_of_a_group_also_searches_the_others(expander):
    wide = expander.expand("prison visits")
    assert wide.text == '(prison OR penitentiary OR "detention facility" OR colony) visits'
    assert wide.also == ("penitentiary", "detention facility", "colony")
    assert expander.expand("prisons").text.startswith("(prisons OR penitentiary")  # a plural is the word
    assert expander.expand("persons with disabilities").also == ("PWD",)


@pytest.mark.parametrize("text", ['"prison"', "title:prison", "pris*", "prison~", "visit NOT prison",
                                  "-prison", 'partner:"Red Cross Committee"', ""])
def test_quotes_fields_wildcards_and_negation_are_searched_as_typed(expander, text):
    assert expander.expand(text).text == text and expander.expand(text).also == ()


def test_a_partner_typed_as_words_also_searches_its_label(expander):
    label = 'partner:"international committee of the red cross"'
    assert expander.expand("ICRC seminar").text == f"(ICRC OR {label}) seminar"
    assert expander.expand("red cross committee").text == f"(red cross committee OR {label})"
    assert expander.expand("ICRC").also == ("partner: International Committee of the Red Cross",)
    assert expander.expand("icrc").also == ()  # acronyms in capitals only, as partners.toml matches them


def test_the_office_vocabulary_holds_the_groups_staff_asked_for():
    groups = [{t.casefold() for t in g} for g in load_synonyms(ROOT / "data" / "synonyms.toml")]
    wanted = [{"prison", "penitentiary", "detention facility", "colony"}, {"pwd", "persons with disabilities"},
              {"idp", "internally displaced"}, {"npg", "national preventive group"}]
    for terms in wanted:
        assert any(terms <= g for g in groups), terms


@pytest.mark.parametrize("toml, line, reason", [
    ('[[group]]\nterms = ["prison", "jail"]\n\n[[group]]\nterms = ["colony", "Jail"]\n', 4,
     "term 'Jail' is already in the group at line 1"),
    ('# one word alone\n[[group]]\nterms = ["prison"]\n', 2, "at least two different"),
    ('[[group]]\nterms = ["prison", "jail*"]\n', 1, "holds one of"),
    ('[[group]]\nterm = ["prison", "jail"]\n', 1, "unknown key(s) term"),
    ('[[group]]\nterms = ["prison", 3]\n', 1, "'terms' must be a list of non-empty strings"),
    ('[[group]]\nterms = ["prison" "jail"]\n', 2, "not valid TOML"),
])
def test_a_wrong_synonyms_file_is_named_with_its_line(tmp_path, toml, line, reason):
    path = tmp_path / "synonyms.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_synonyms(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and reason in message


def test_the_command_line_stops_on_a_wrong_synonyms_file_in_one_line(tmp_path, built_index):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("taxonomy.toml", "partners.toml", "places.toml", "people.toml", "corrections.toml"):
        (data / name).write_bytes((ROOT / "data" / name).read_bytes())
    (data / "synonyms.toml").write_text('[[group]]\nterms = ["prison"]\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "search", "prison", "--index", str(built_index)],
                          capture_output=True, text=True, env={**_env(), "BULLETINS_DATA": str(data)})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{data / 'synonyms.toml'}:1: 'terms' needs at least two" in proc.stderr
    assert load_expander(ROOT / "data").expand("prison").also  # the project's own file loads


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


# --------------------------------------------------------------------------- on the sample index


def test_prison_finds_what_the_office_calls_penitentiaries(search_index):
    wide = search_index.search(SearchRequest("prison"))
    alone = search_index.search(SearchRequest('"prison"'))
    assert wide.total > alone.total and wide.total >= search_index.search(SearchRequest("penitentiary")).total > 0
    assert "penitentiary" in wide.also_searched and alone.also_searched == ()
    assert wide.to_json()["also_searched"] == list(wide.also_searched)
    marked = {f.text.casefold() for h in wide.hits for f in (*h.title, *h.snippet) if f.hit}
    assert marked & {"penitentiary", "colony", "detention", "facility", "facilities", "jail"}  # the synonyms are marked


def test_a_partner_acronym_as_text_finds_every_item_labelled_with_the_partner(search_index):
    labelled = {i.id for i in search_index.listed_items(SearchRequest(filters={"partner": ("ICRC",)}))}
    typed = {i.id for i in search_index.listed_items(SearchRequest("ICRC"))}
    assert labelled and labelled <= typed
    result = search_index.search(SearchRequest("ICRC"))
    assert result.total == len(typed) and result.also_searched == ("partner: International Committee of the Red Cross",)


def test_search_json_names_what_was_also_searched(built_index):
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "search", "PWD", "--json", "--index", str(built_index)],
                          capture_output=True, text=True, check=True)
    answer = json.loads(proc.stdout)
    assert answer["also_searched"][0] == "persons with disabilities" and answer["total"] > 0


def test_the_search_command_says_what_it_also_searched(built_index):
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "search", "prison", "--index", str(built_index)],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[1].startswith("also searched: penitentiary, penitentiary institution")
    quoted = subprocess.run([sys.executable, "-m", "indexer.cli", "search", '"prison"', "--index", str(built_index)],
                            capture_output=True, text=True, check=True)
    assert "also searched" not in quoted.stdout


def test_an_alias_added_by_staff_widens_the_searches_of_the_next_generation(data_env):
    """The Review page adds aliases to partners.toml and publishes a new generation; the
    SearchIndex the server opens for it must widen with the new alias, no restart."""
    import os

    from indexer.enrich.aliases import add_alias
    from indexer.search.expansion import default_expander

    unicef = "United Nations Children's Fund"
    assert "partner: " + unicef not in default_expander().expand("Kharkiv Friends Union").also
    add_alias(unicef, "Kharkiv Friends Union", data_env / "partners.toml")
    path = data_env / "partners.toml"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))  # coarse clocks
    assert f"partner: {unicef}" in default_expander().expand("Kharkiv Friends Union").also
