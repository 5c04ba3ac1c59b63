"""The event coder on the PLOVER manual's category definitions: one invented wire sentence per trigger or
sense rule, the type its most confident asserted event must have, and what must not be coded."""

from __future__ import annotations

import pytest

from storyline.model import Document, Event
from storyline.pipeline import build

CODER = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def top(text: str) -> Event | None:
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    asserted = [e for e in doc.events if e.status == "asserted"]
    return max(asserted, key=lambda e: e.confidence) if asserted else None


# (sentence, type of the most confident asserted event)
CATEGORIES = [
    # AGREE: intent to cooperate, future cooperation
    ("Egypt said it would host an international conference on the Middle East.", "AGREE"),
    ("The Philippines said it would hold talks with Muslim rebels next week.", "AGREE"),
    ("The Soviet Union expressed its intention to improve relations with China.", "AGREE"),
    ("Jordan expressed its desire to cooperate with Syria in the economic field.", "AGREE"),
    ("South Korea said it would provide 50,000 tons of rice to North Korea.", "AGREE"),
    ("The Burmese junta said it would free the opposition leader next month.", "AGREE"),
    ("Iraq told the United Nations it would let weapons inspectors back into the country.", "AGREE"),
    ("Saudi Arabia said on Wednesday it would increase its aid to Syria.", "AGREE"),
    ("Sudanese rebel leaders said they would meet African Union mediator Tomas Lindgren.", "AGREE"),
    # CONSULT
    ("The Kenyan president greeted the visiting Ugandan leader at the airport.", "CONSULT"),
    ("The Chinese premier toured Pakistan last week.", "CONSULT"),
    ("Algeria brokered a ceasefire between Mali and the Tuareg rebels.", "CONSULT"),
    ("Syria took part in the peace conference with Israel.", "CONSULT"),
    # SUPPORT
    ("The Pope forgave the man who shot him.", "SUPPORT"),
    ("Moscow and Beijing finalized an agreement on their border.", "SUPPORT"),
    ("Britain extended diplomatic recognition to the new Baltic states.", "SUPPORT"),
    # CONCEDE
    ("The ruling party agreed to the opposition's demand for electoral reform.", "CONCEDE"),
    ("The Turkish government agreed to the Kurdish demand for broadcasts in their language.", "CONCEDE"),
    ("The Chilean junta eased press censorship on Tuesday.", "CONCEDE"),
    ("Libya complied with the Security Council resolution.", "CONCEDE"),
    ("Japan regretted the sinking of the Korean fishing boat.", "CONCEDE"),
    # RETREAT
    ("The army lifted its blockade of the rebel-held town.", "RETREAT"),
    ("The Indonesian government allowed foreign journalists into East Timor.", "RETREAT"),
    ("Both armies respected the ceasefire on Tuesday, Russia said.", "RETREAT"),
    ("The interior minister announced his resignation on Friday.", "RETREAT"),
    # AID
    ("Japan gave $100 million in aid to the Philippines.", "AID"),
    ("The World Bank approved a $50 million loan to Ghana.", "AID"),
    ("Ecuador granted asylum to three Bolivian navy officers.", "AID"),
    ("NATO provided protection to the Bosnian government.", "AID"),
    # PROTEST
    ("Students burned American flags outside the embassy in Tehran.", "PROTEST"),
    ("Teachers walked out of classes to demand higher pay.", "PROTEST"),
    # REJECT
    ("The rebels breached the ceasefire agreement with Colombia.", "REJECT"),
    # MOBILIZE
    ("The Indian army was put on full alert.", "MOBILIZE"),
    ("North Korea put its army on a war footing.", "MOBILIZE"),
    ("The Israeli government called up 20,000 reservists on Sunday.", "MOBILIZE"),
    ("Russia test-fired a new intercontinental ballistic missile.", "MOBILIZE"),
    # COERCE
    ("Iraqi troops occupied the Kuwaiti border town.", "COERCE"),
    ("Russia annexed Crimea in 2014.", "COERCE"),
    ("The Nigerian military government banned all political activity.", "COERCE"),
    # ASSAULT
    ("Militiamen burned homes in three Congolese villages.", "ASSAULT"),
    ("Israel retaliated against Hezbollah with air strikes.", "ASSAULT"),
    ("Iraqi jets strafed Kurdish villages.", "ASSAULT"),
    ("Soldiers set ablaze dozens of homes in the Chechen village.", "ASSAULT"),
    ("The Moroccan army mistreated the Sahrawi prisoners.", "ASSAULT"),
    # more CONCEDE, RETREAT, AID, MOBILIZE, COERCE, ACCUSE, CONSULT
    ("The Kenyan government legalized the main opposition party on Monday.", "CONCEDE"),
    ("The junta restored civil liberties in Chile.", "CONCEDE"),
    ("Iraq received U.N. weapons inspectors on Tuesday.", "RETREAT"),
    ("Serb forces halted their offensive against the Bosnian town.", "RETREAT"),
    ("The rebels ceased hostilities on Friday.", "RETREAT"),
    ("The United Nations deployed peacekeepers to Cyprus.", "AID"),
    ("Canada sent 500 peacekeepers to Bosnia.", "AID"),
    ("India positioned troops along the border with China.", "MOBILIZE"),
    ("The Egyptian government suspended the opposition newspaper.", "COERCE"),
    ("The army dissolved parliament and banned political parties.", "COERCE"),
    ("Police interrogated the opposition leader for six hours.", "ACCUSE"),
    ("Zambia will host the next summit of southern African leaders.", "AGREE"),
    ("Egypt attended the summit in Algiers.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "type_"), CATEGORIES)
def test_category_triggers(text: str, type_: str) -> None:
    e = top(text)
    assert e is not None, f"no asserted event in {text!r}"
    assert e.type == type_, e.rule


# (sentence, type that must not be the most confident asserted event)
NOT_THIS = [
    ("Ethiopia and Eritrea renewed negotiations on an Ethiopian troop pullback from the border.", "RETREAT"),  # a topic
    ("The Israeli government called up 20,000 reservists on Sunday.", "REQUEST"),  # no "call on"
    ("Japan gave $100 million in aid to the Philippines.", "CONCEDE"),  # no "give in"
    ("Teachers walked out of classes to demand higher pay.", "REJECT"),  # a strike, not leaving talks
    ("The World Bank approved a $50 million loan to Ghana.", "SUPPORT"),  # the loan is the act
]


@pytest.mark.parametrize(("text", "type_"), NOT_THIS)
def test_not_this_reading(text: str, type_: str) -> None:
    e = top(text)
    assert e is None or e.type != type_, e.rule if e else None


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("The Philippines said it would hold talks with Muslim rebels next week.", "PHL", "PHL"),
    ("Sudanese rebel leaders said they would meet African Union mediator Tomas Lindgren.", "SDN", None),
])
def test_recipient_on_the_phrase_noun_and_a_titled_name(text: str, actor: str, recipient: str | None) -> None:
    e = top(text)
    assert e is not None and e.actor is not None and e.recipient is not None, text
    assert e.actor.country == actor
    assert e.recipient.country == recipient


def test_a_mobilized_passive_subject_is_the_actor_not_the_recipient() -> None:
    e = top("Pakistani troops were deployed along the border with India.")
    assert e is not None and e.type == "MOBILIZE"
    assert e.actor is not None and e.actor.country == "PAK"
    assert e.recipient is None or e.recipient.country != "PAK"


# Passives: the act's actor from a "by" phrase the parser hung low, from whom one is expelled, or the
# killing by its agent though an attack noun follows.
@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("The former minister has been charged with corruption by the Kenyan authorities.", "ACCUSE", "KEN"),
    ("Three Iranian diplomats were expelled from Britain on Tuesday.", "SANCTION", "GBR"),
    ("Five Malian soldiers were killed by Tuareg rebels in an ambush.", "ASSAULT", None),
    ("The talks were hosted by Norway.", "CONSULT", "NOR"),
    ("The ceasefire was violated by Serbian forces on Sunday.", "ASSAULT", "SRB"),  # CAMEO 196
    ("The ban was violated by Serbian forces on Sunday.", "REJECT", "SRB"),
])
def test_passive_actors(text: str, type_: str, actor: str | None) -> None:
    e = top(text)
    assert e is not None and e.type == type_, e.rule if e else text
    assert e.actor is not None
    if actor:
        assert e.actor.country == actor


@pytest.mark.parametrize("text", [
    "The cabinet met on Sunday.",  # a meeting with no one named and no meeting word
    "The government will not let foreign journalists into the region.",  # a refusal, no access granted
])
def test_no_consultation_or_access(text: str) -> None:
    e = top(text)
    assert e is None or e.type not in ("CONSULT", "RETREAT"), e.rule
