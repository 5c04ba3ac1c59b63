"""The subject of a sentence opening with a phrase set off by a comma ("During the visit of the envoy, the
president said ..."): the parser may hang the noun phrase after the comma on the phrase as an apposition;
the parse stage gives it back to the main verb as its subject, and the coder reads both acts off it."""

from __future__ import annotations

from english_coder import CODER, asserted

from storyline.model import Document

VISIT = ("During the visit of French Defence Minister Sébastien Lecornu, Brazilian President Lula stressed that "
         "his country will never permit foreign soldiers on its land.")


def test_the_noun_phrase_after_the_comma_is_the_subject_of_the_main_verb() -> None:
    doc = CODER(Document(source="test", text=VISIT, language="en"))
    by_text = {t.text: t for t in doc.tokens}
    stressed = next(i for i, t in enumerate(doc.tokens) if t.text == "stressed")
    assert by_text["Lula"].dep == "nsubj" and by_text["Lula"].head == stressed


def test_the_visit_is_a_consultation_by_the_visitor_with_the_host() -> None:
    e = next(e for e in asserted(VISIT) if e.type == "CONSULT")
    assert e.actor is not None and e.actor.country == "FRA"
    assert e.recipient is not None and e.recipient.country == "BRA"


def test_the_refusal_is_the_hosts_own() -> None:
    e = next(e for e in asserted(VISIT) if e.type == "REJECT")
    assert e.actor is not None and e.actor.country == "BRA"


def test_an_apposition_inside_the_opening_phrase_stays_one() -> None:
    text = ("During the visit of José Albares, the Spanish foreign minister, the Moroccan prime minister "
            "said his government would keep its ports open.")
    doc = CODER(Document(source="test", text=text, language="en"))
    said = next(i for i, t in enumerate(doc.tokens) if t.text == "said")
    subjects = [t for t in doc.tokens if t.head == said and t.dep == "nsubj"]
    assert len(subjects) == 1 and subjects[0].start > text.index("the Moroccan")


# A visit goes from the visitor to the host: a meeting of the same two countries the same sentence (or a
# later one) tells with no direction of its own is oriented as the visit; with no visit told, it keeps its own.
def test_a_dialogue_during_a_visit_is_oriented_from_the_visitor() -> None:
    coded = asserted("Moroccan Prime Minister Aziz Akhannouch said he had the same dialogue with Spanish Foreign "
                     "Minister José Albares during his visit to Morocco last month.")
    consults = [e for e in coded if e.type == "CONSULT"]
    assert len(consults) == 2
    assert all(e.actor is not None and e.actor.country == "ESP" for e in consults)
    assert all(e.recipient is not None and e.recipient.country == "MAR" for e in consults)


def test_a_dialogue_with_no_visit_keeps_its_subject_as_actor() -> None:
    e = next(e for e in asserted("Brazilian President Lula said he had the same dialogue with French Defence "
                                 "Minister Sébastien Lecornu last month.") if e.type == "CONSULT")
    assert e.actor is not None and e.actor.country == "BRA"


# A verb coordinated under one passive subject ("was prepared and executed by") reads its conditions off that
# subject too: an operation executed is an operation carried out, not a person put to death.
def test_an_operation_planned_and_executed_is_carried_out_not_an_execution() -> None:
    coded = asserted("The assault on the jungle camp was prepared and executed by Peruvian marines.")
    assert coded and all(e.mode != "targeted" for e in coded), [e.rule for e in coded]


def test_a_prisoner_captured_and_executed_is_an_execution() -> None:
    coded = asserted("The rebel commander was captured and executed by the army.")
    assert [e for e in coded if e.type == "ASSAULT" and e.mode == "targeted"]


# Surveillance or reconnaissance flights conducted over another country are a MOBILIZE by those who fly them;
# conducting anything else (a survey) is no event.
def test_surveillance_flights_over_another_country_are_a_mobilization() -> None:
    e = next(e for e in asserted("The Ecuadorian air force has been conducting reconnaissance flights with "
                                 "aircraft over Colombia jointly with the Colombian authorities.")
             if e.type == "MOBILIZE")
    assert e.actor is not None and e.actor.country == "ECU"
    assert e.recipient is not None and e.recipient.country == "COL"


def test_conducting_a_survey_is_no_event() -> None:
    assert not asserted("The Chilean ministry conducted a survey of fishermen in Peru.")
