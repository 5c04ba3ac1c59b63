"""The actor lexicon: coverage, dated roles, and extension by user files (good and bad)."""

from __future__ import annotations

import pycountry
import pytest

from storyline.errors import ConfigError
from storyline.lexicon import ENV_VAR, SECTORS, load_lexicon, role_on
from storyline.model import Document
from storyline.pipeline import build

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"]
AMERICAS = ["ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CAN", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU", "SLV",
            "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER", "KNA", "LCA", "VCT", "SUR",
            "TTO", "USA", "URY", "VEN"]


def test_every_pycountry_country_has_a_name() -> None:
    lex = load_lexicon()
    missing = [c.alpha_3 for c in pycountry.countries if not lex.countries.get(c.alpha_3, None)]
    assert missing == []
    assert "Korea" not in lex.countries["KOR"].names  # not the catalogue's "Korea, Republic of"
    assert "Falkland Islands" in lex.countries["FLK"].names


@pytest.mark.parametrize("iso3", sorted(set(G20 + AMERICAS) - {"DMA"}))
def test_g20_and_americas_have_demonyms_and_capitals(iso3: str) -> None:
    country = load_lexicon().countries[iso3]
    assert country.demonyms, f"{iso3} has no demonym"
    assert country.capitals, f"{iso3} has no capital"


@pytest.mark.parametrize(("iso3", "form", "kind"), [
    ("USA", "Americans", "people"), ("MEX", "Mexicans", "people"), ("MEX", "Mexican", "demonyms"),
    ("USA", "Washington", "capitals"), ("MEX", "Mexico City", "capitals"), ("GBR", "Britain", "names"),
    ("USA", "U.S.", "names"), ("CHN", "Beijing", "capitals"), ("TUR", "Turkey", "names"),
])
def test_country_forms(iso3: str, form: str, kind: str) -> None:
    assert form in getattr(load_lexicon().countries[iso3], kind)


@pytest.mark.parametrize(("iso3", "surface", "sector"), [
    ("USA", "White House", "GOV"), ("USA", "Pentagon", "MIL"), ("RUS", "Kremlin", "GOV"),
    ("GBR", "Downing Street", "GOV"), ("FRA", "Élysée", "GOV"), ("MEX", "Palacio Nacional", "GOV"),
])
def test_metonyms(iso3: str, surface: str, sector: str) -> None:
    assert (surface, sector) in load_lexicon().countries[iso3].metonyms


@pytest.mark.parametrize(("person", "date", "expected"), [
    ("trump", "2019-06-01", ("USA", "GOV", "President")),
    ("trump", "2024-11-27", ("USA", "GOV", "President-elect")),
    ("trump", "2025-02-16", ("USA", "GOV", "President")),
    ("trump", None, ("USA", "GOV", "President")),
    ("biden", "2022-03-01", ("USA", "GOV", "President")),
    ("sheinbaum", "2024-10-01", ("MEX", "GOV", "President")),
    ("lopez_obrador", "2024-09-30", ("MEX", "GOV", "President")),
    ("hegseth", "2025-06-01", ("USA", "MIL", "Secretary of Defense")),
    ("rubio", "2020-01-01", ("USA", "LEG", "Senator")),
    ("rubio", "2025-03-01", ("USA", "GOV", "Secretary of State")),
    ("putin", "2010-01-01", ("RUS", "GOV", "Prime Minister")),
    ("taliban", "2019-01-01", ("AFG", "REB", "insurgency")),
    ("taliban", "2023-01-01", ("AFG", "GOV", "de facto government")),
    ("sheinbaum", "2025", ("MEX", "GOV", "President")),  # year precision counts from mid-year
])
def test_role_on_follows_the_date(person: str, date: str | None, expected: tuple) -> None:
    assert role_on(person, date) == expected


def test_obrador_was_not_president_after_his_term() -> None:
    # After the last role ends, the latest earlier role still gives the country.
    assert role_on("lopez_obrador", "2025-05-01") == ("MEX", "GOV", "President")
    assert role_on("nobody-here", "2025-05-01") is None


def test_lexicon_values_are_valid() -> None:
    lex = load_lexicon()
    for ent in [*lex.people.values(), *lex.organisations.values()]:
        for role in ent.roles:
            assert role.sector is None or role.sector in SECTORS, ent.id
            assert role.country is None or len(role.country) == 3, ent.id
    for sector, _kind in lex.keywords.values():
        assert sector in SECTORS


USER_FILE = """
people:
  - id: rosa_perez
    name: Rosa Pérez Ortega
    roles:
      - {title: Governor of Sinaloa, country: MEX, sector: GOV, start: 2027-01-01, end: null}
organisations:
  - id: los_halcones
    names: [Los Halcones del Norte]
    country: MEX
    sector: CRM
countries:
  MEX:
    metonyms: {Los Pinos: GOV}
"""


def test_user_file_extends_the_lexicon(tmp_path, monkeypatch) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    lex = load_lexicon()
    assert lex.role_on("rosa_perez", "2027-05-01") == ("MEX", "GOV", "Governor of Sinaloa")
    assert lex.organisations["los_halcones"].sector == "CRM"
    assert "sheinbaum" in lex.people  # the shipped entries are still there
    # and the stage uses it
    doc = build(["actors"], given=("text",))(Document(source="t", text="Gunmen from Los Halcones del Norte attacked the town.",
                             published="2027-05-01"))
    values = [m.value for m in doc.mentions if m.kind == "actor"]
    assert {"name": "Los Halcones del Norte", "country": "MEX", "sector": "CRM", "id": "los_halcones",
            "form": "org"} in values


def test_extra_files_argument(tmp_path) -> None:
    path = tmp_path / "more.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    assert "rosa_perez" in load_lexicon([str(path)]).people
    assert "rosa_perez" not in load_lexicon().people


@pytest.mark.parametrize(("content", "problem"), [
    ("people: [{id: x, name: X Y, roles: [{title: P, country: MEX, sector: BOSS, start: 2020-01-01}]}]",
     "unknown sector 'BOSS'"),
    ("people: [{id: x, name: X Y, roles: [{title: P, country: Mexico, sector: GOV}]}]", "'Mexico'"),
    ("people: [{id: x, name: X Y, roles: [{title: P, country: MEX, sector: GOV, start: 2020-13-45}]}]",
     "not a date"),
    ("people: [{id: x, name: X Y}]", "needs at least one role"),
    ("countries: {Mexico: {names: [Mejico]}}", "not an ISO 3166-1 alpha-3"),
    ("organisations: [{id: y, names: []}]", "non-empty 'names'"),
    ("peoples: []", "unknown section 'peoples'"),
    ("people: [{id: x, name: [unclosed", "not valid YAML"),
    ("- just a list", "top level must be a mapping"),
])
def test_bad_user_file_names_file_and_problem(tmp_path, content: str, problem: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_lexicon([str(path)])
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_missing_user_file(tmp_path) -> None:
    with pytest.raises(ConfigError, match=r"nowhere\.yaml"):
        load_lexicon([str(tmp_path / "nowhere.yaml")])


def test_lexicon_yaml_reads_on_off_yes_and_no_as_words_and_only_true_false_as_booleans() -> None:
    from storyline.lexicon_data import load_yaml, read_yaml

    assert read_yaml("words: [on, off, yes, no, y, n]\nflag: true\nother: False\n", "test") == {
        "words": ["on", "off", "yes", "no", "y", "n"], "flag": True, "other": False}
    stop = load_yaml("stopwords.yaml")
    assert "on" in stop["en"] and "no" in stop["en"] and "no" in stop["es"]
    assert "no" in load_yaml("es/quotes.yaml")["not_subject"]
