"""Actor recognition on news sentences: who, which country and sector, and what is not an actor."""

from __future__ import annotations

import pytest

from storyline.model import Document, Mention
from storyline.pipeline import build
from storyline.pipeline.actors import latest_antecedent

ACTORS = build(["actors"], given=("text",))


def actors(text: str, published: str | None = "2025-11-18") -> list[Mention]:
    doc = ACTORS(Document(source="test", text=text, published=published))
    for m in doc.mentions:
        assert doc.text[m.span.start:m.span.end] == m.span.text  # evidence is exact
    return [m for m in doc.mentions if m.kind == "actor"]


def find(mentions: list[Mention], words: str) -> Mention:
    hits = [m for m in mentions if words in m.span.text]
    assert hits, f"no actor mention covering {words!r} in {[m.span.text for m in mentions]}"
    return hits[0]


# (publication date, sentence, words that must be covered, country, sector, id or None to skip)
CASES = [
    ("2025-11-18", "Mexican President Claudia Sheinbaum has previously stated her opposition to any such attacks.",
     "Claudia Sheinbaum", "MEX", "GOV", "sheinbaum"),
    ("2025-02-16", "On Nov. 27, President-elect Donald Trump had his first phone call with the Mexican leader.",
     "Donald Trump", "USA", "GOV", "trump"),
    ("2019-06-07", "Trump said on Friday that the tariffs were suspended after the deal was reached.",
     "Trump", "USA", "GOV", "trump"),
    ("2025-02-16", "Drug Enforcement Administration (DEA) head Anne Milgram testified to Congress in 2023.",
     "Anne Milgram", "USA", "COP", "local:anne-milgram"),
    ("2025-11-18", "NBC reported that the White House was preparing for a ground operation.",
     "White House", "USA", "GOV", None),
    ("2025-11-18", "The decision in Washington surprised allies in Europe.", "Washington", "USA", "GOV", None),
    ("2025-11-18", "It has yet to show their ties to drug cartels like Venezuela’s Tren de Aragua.",
     "Tren de Aragua", "VEN", "CRM", "tren_de_aragua"),
    ("2025-01-10", "U.S. Special Operations Forces have partnered with Guatemalan troops near the border.",
     "U.S. Special Operations Forces", "USA", "MIL", None),
    ("2025-01-10", "U.S. Special Operations Forces have partnered with Guatemalan troops near the border.",
     "Guatemalan troops", "GTM", "MIL", None),
    ("2025-05-01", "Defense Secretary Pete Hegseth ordered more warships to the region.",
     "Pete Hegseth", "USA", "MIL", "hegseth"),
    ("2025-05-01", "Mexican Security Minister Omar García Harfuch said 30 suspects were detained.",
     "Omar García Harfuch", "MEX", "GOV", "garcia_harfuch"),
    ("2025-05-01", "Brazilian Foreign Minister Rafael Couto said the talks would resume.",
     "Rafael Couto", "BRA", "GOV", "local:rafael-couto"),
    ("2025-05-01", "The Mexican government rejected the proposal on Tuesday.", "Mexican government", "MEX", "GOV",
     None),
    ("2025-05-01", "US officials said the strike hit a drug boat.", "US officials", "USA", "GOV", None),
    ("2025-05-01", "Mexico's increasingly powerful drug cartels control the trade.", "drug cartels", "MEX", "CRM",
     None),
    ("2025-05-01", "The Kremlin dismissed the report as fiction.", "Kremlin", "RUS", "GOV", None),
    ("2025-05-01", "Hezbollah fired rockets into northern Israel.", "Hezbollah", "LBN", "REB", "hezbollah"),
    ("2025-05-01", "The Organization of American States called an emergency session.",
     "Organization of American States", None, "IGO", "oas"),
    ("2025-05-01", "The Mexican Senate approved the reform on Thursday.", "Mexican Senate", "MEX", "LEG", "us_senate"),
    ("2025-05-01", "Lopez Obrador criticised the report.", "Lopez Obrador", "MEX", "GOV", "lopez_obrador"),
    ("2021-03-01", "Biden spoke with Lopez Obrador by video link.", "Biden", "USA", "GOV", "biden"),
    ("2023-01-01", "Sheinbaum, then mayor, defended the police.", "Sheinbaum", "MEX", "GOV", "sheinbaum"),
    ("2025-05-01", "Americans overwhelmingly oppose the plan, a poll found.", "Americans", "USA", None, "USA"),
    # a compass word before a country is a region of it, not the first name of a person
    ("2025-05-01", "Turkish troops pushed deeper into Northern Iraq on Monday.", "Iraq", "IRQ", None, "IRQ"),
    ("2025-05-01", "Rebels seized two villages in Western Cambodia.", "Cambodia", "KHM", None, "KHM"),
    ("2025-05-01", "Seoul said South Korea would respond.", "South Korea", "KOR", None, "KOR"),
    # one capitalised word after an office title is the holder's name
    ("2025-05-01", "The crowd cheered when President Kibwana arrived.", "Kibwana", None, "GOV", "local:kibwana"),
    # a country's Assembly is its legislature
    ("2025-05-01", "The Serbian Assembly voted on the reform.", "Serbian Assembly", "SRB", "LEG", None),
]


@pytest.mark.parametrize(("published", "text", "words", "country", "sector", "ident"), CASES)
def test_actor(published: str, text: str, words: str, country: str | None, sector: str | None,
               ident: str | None) -> None:
    m = find(actors(text, published), words)
    assert (m.value["country"], m.value["sector"]) == (country, sector)
    if ident is not None:
        assert m.value["id"] == ident
    assert m.rule


def test_and_distributes_the_head() -> None:
    found = actors("U.S. and Mexican officials are launching a bilateral dialogue.")
    got = {(m.value["country"], m.value["sector"]) for m in found if "officials" in m.span.text}
    assert got == {("USA", "GOV"), ("MEX", "GOV")}


@pytest.mark.parametrize("text", [
    "Cartels are expanding across Latin America and the Caribbean.",
    "She is an associate professor of Latin American studies.",
    "Trade between South America and Asia grew.",
    "The Native American tribes sued.",
])
def test_regions_are_not_the_united_states(text: str) -> None:
    assert not [m for m in actors(text) if m.value.get("country") == "USA"]


@pytest.mark.parametrize(("text", "not_country"), [
    ("Rep. Jim Jordan questioned the witnesses.", "JOR"),
    ("Chad Wolf led the department in 2020.", "TCD"),
    ("Her visit to New Mexico drew protests.", "MEX"),
    ("The Washington Post reported the leak.", "USA"),
])
def test_names_that_contain_a_country_are_not_it(text: str, not_country: str) -> None:
    found = actors(text)
    assert not [m for m in found if m.value.get("country") == not_country and m.value.get("form") != "org"]


def test_washington_post_is_media() -> None:
    m = find(actors("The Washington Post reported the leak."), "Washington Post")
    assert (m.value["sector"], m.value["id"]) == ("MED", "wapo")


def test_us_mexico_compound_gives_both_countries() -> None:
    found = actors("Tensions over the U.S.-Mexico water treaty have grown.")
    assert {m.value["country"] for m in found} >= {"USA", "MEX"}


def test_appositive_unknown_person_and_surname_coreference() -> None:
    text = ("Jane Okafor, an associate professor of international relations at Columbia University, said the "
            "strikes were illegal. Okafor told reporters that talks had failed, and she said more would follow.")
    found = actors(text)
    first = find(found, "Jane Okafor")
    assert first.value["sector"] == "EDU"
    assert first.value["id"] == "local:jane-okafor"
    later = [m for m in found if m.span.text == "Okafor"]
    assert later and later[0].rule == "coref:surname" and later[0].value["ref"] == "Jane Okafor"
    she = [m for m in found if m.span.text == "she"]
    assert she and she[0].rule == "coref:pronoun" and she[0].value["ref"] == "Jane Okafor"


def test_appositive_spokesman_takes_the_organisation() -> None:
    found = actors("The talks will continue, said John Smith, a spokesman for the State Department.")
    m = find(found, "John Smith")
    assert (m.value["country"], m.value["sector"]) == ("USA", "GOV")
    assert m.value["title"] == "spokesman"


def test_pronoun_skips_people_inside_quotes_and_of_the_other_gender() -> None:
    text = ("Claudia Sheinbaum spoke on Monday. “Trump will not decide for Mexico,” she said. "
            "Trump, asked about it, said he would wait.")
    found = actors(text, "2025-03-01")
    pronouns = {m.span.text: m.value["ref"] for m in found if m.rule == "coref:pronoun"}
    assert pronouns == {"she": "Claudia Sheinbaum", "he": "Donald Trump"}


@pytest.mark.parametrize(
    ("people", "pos", "wanted", "expected"),
    [
        # (name, end, gender, usable): the latest that ends within reach, fits the gender and is usable
        ([("Ana", 10, "f", True), ("Ben", 40, "m", True)], 50, "f", "Ana"),
        ([("Ana", 10, "f", True), ("Kim", 40, None, True)], 50, "f", "Kim"),  # an unknown gender fits
        ([("Ana", 10, "f", True), ("Eva", 40, "f", False)], 50, "f", "Ana"),  # not usable: passed over
        ([("Ana", 10, "f", True)], 200, "f", None),  # ends beyond the reach
        ([("Ana", 60, "f", True)], 50, "f", None),  # ends after the pronoun
    ],
)
def test_latest_antecedent_is_the_latest_fitting_person_within_reach(
        people: list[tuple[str, int, str | None, bool]], pos: int, wanted: str, expected: str | None) -> None:
    found = latest_antecedent(people, pos, 100, wanted, lambda p: p[1], lambda p: p[2], lambda p: p[3])
    assert (found[0] if found else None) == expected


def test_common_words_are_not_actors() -> None:
    found = actors("She stated her opposition to the plan. The executive order was signed in a third party venue.")
    assert not [m for m in found if m.value.get("sector") in ("OPP", "PTY", "BUS")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("India deployed troops to the border with China on Monday.",
         [("India", "IND", None), ("troops", None, "MIL"), ("China", "CHN", None)]),
        ("The State Department designated six drug cartels as terrorist organizations.",
         [("State Department", "USA", "GOV"), ("drug cartels", None, "CRM")]),
        ("Colombia sent 200 police officers to the border town.",
         [("Colombia", "COL", None), ("police officers", None, "COP")]),
    ],
)
def test_a_verb_or_a_number_between_a_country_and_a_keyword_starts_a_new_actor(
    sentence: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    doc = ACTORS(Document(source="t", text=sentence))
    got = [(m.span.text, m.value["country"], m.value["sector"]) for m in doc.mentions if m.kind == "actor"]
    assert got[: len(expected)] == expected


# A group noun followed by "in/of/from <country>" is one actor of that country.
@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("Security forces in Gabon beat detained students, Amnesty International said.", "Security forces in Gabon",
     "GAB", "COP"),
    ("Rebels in the Ivory Coast attacked an army post on Sunday.", "Rebels in the Ivory Coast", "CIV", "REB"),
    ("The government of Sudan expelled two aid agencies.", "government of Sudan", "SDN", "GOV"),
    ("Police in Kenya arrested 12 protesters.", "Police in Kenya", "KEN", "COP"),
])
def test_group_in_country(text: str, words: str, country: str, sector: str) -> None:
    m = find(actors(text), words)
    assert (m.value["country"], m.value["sector"]) == (country, sector)


def test_group_with_its_own_country_keeps_it() -> None:
    found = actors("Kenyan police in Somalia arrested two suspects.")
    assert any(m.value["country"] == "KEN" and m.value["sector"] == "COP" for m in found)


@pytest.mark.parametrize("text", [
    "The president Monday signed the order.",
    "President Bush spoke to reporters.",  # a lexicon person's surname it leaves ambiguous
    "Secretary OK'd the plan.",
])
def test_a_word_after_a_title_that_is_no_new_name(text: str) -> None:
    assert not [m for m in actors(text) if m.value.get("form") == "unknown_person"]


@pytest.mark.parametrize("text, name", [
    ("The army's commander, General Abdel Fattah al-Burhan, said his forces would respect a ceasefire.",
     "Abdel Fattah al-Burhan"),
    ("Foreign Minister Asaad Hassan al-Shaibani arrived in Ankara.", "Asaad Hassan al-Shaibani"),
])
def test_a_family_name_with_a_hyphenated_article_belongs_to_the_name(text: str, name: str) -> None:
    assert name in {m.value.get("name") for m in actors(text)}
