"""Readings of the tree coder on invented wire sentences: a measure a verb acts on, the target an
"anti-" word names, the visitor of a visit, and other shapes of real reports (one test per rule)."""

from __future__ import annotations

import pytest
from english_coder import CODER, asserted, first

from storyline.model import Document


def types(text: str) -> list[str]:
    return sorted(e.type for e in asserted(text))


# A verb whose reading is keyed on the measure it takes ("lifted the curfew") is the one event:
# the measure named as its object is not also an event of its own.
@pytest.mark.parametrize(("text", "want"), [
    ("The governor lifted the curfew in the northern province on Sunday.", ["CONCEDE"]),
    ("The European Union lifted its sanctions on Belarus last week.", ["CONCEDE"]),
    ("Rioters violated the curfew in the port city overnight.", ["REJECT"]),
    ("The governor imposed a curfew in the northern province on Sunday.", ["COERCE"]),
])
def test_a_measure_acted_on_is_no_event_of_its_own(text: str, want: list[str]) -> None:
    assert types(text) == want


# A protest or a denunciation named "anti-" a country is against that country.
@pytest.mark.parametrize(("text", "recipient"), [
    ("Students staged an anti-American protest in Ankara on Friday.", "USA"),
    ("Farmers held an anti-French demonstration outside the embassy in Rome.", "FRA"),
])
def test_an_anti_modifier_names_the_recipient(text: str, recipient: str) -> None:
    found = [e for e in asserted(text) if e.type == "PROTEST"]
    assert found and found[0].recipient is not None and found[0].recipient.country == recipient


# A visit named in an adjunct is the visitor's, to the host: the one it is "of", or, when it is to the
# subject's own country, the other party of the clause.
@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("On the visit of French Foreign Minister Jean Barrot, Italian Prime Minister Giorgia Meloni said "
     "Italy wants closer ties.", "FRA", "ITA"),
    ("The Kenyan president spoke with the Nigerian president during his visit to Nairobi.", "NGA", "KEN"),
    ("During his visit to Paris, the Brazilian president met the French premier.", "BRA", "FRA"),
])
def test_the_visitor_is_the_actor_of_a_visit(text: str, actor: str, recipient: str) -> None:
    visits = [e for e in asserted(text) if e.type == "CONSULT" and e.trigger.text == "visit"]
    assert visits, [(e.type, e.rule) for e in asserted(text)]
    e = visits[0]
    assert (e.actor and e.actor.country, e.recipient and e.recipient.country) == (actor, recipient)


def test_a_call_named_as_an_adjunct_took_place_with_the_one_thanked() -> None:
    found = [e for e in asserted("The Japanese prime minister thanked his Australian counterpart for a productive "
                                 "call on Friday.") if e.type == "CONSULT"]
    assert found and found[0].actor is not None and found[0].actor.country == "JPN"
    assert found[0].recipient is not None and found[0].recipient.country == "AUS"


def test_a_call_during_which_a_proposal_was_made_is_asserted_with_the_documents_counterpart() -> None:
    text = ("Kenya and Tanzania are at odds over a new tariff. Tanzania imposed the tariff last month, and Tanzania "
            "has refused to lift it. After the call, the Kenyan president announced he would propose talks "
            "on the tariff.")
    found = [e for e in asserted(text) if e.type == "CONSULT" and e.trigger.text == "call"]
    assert found, [(e.type, e.status, e.rule) for e in CODER(Document(
        source="t", text=text, published="2025-11-18", published_precision="day", language="en")).events]
    assert found[0].actor is not None and found[0].actor.country == "KEN"
    assert found[0].recipient is not None and found[0].recipient.country == "TZA"


@pytest.mark.parametrize("text", [
    "The unions issued a call for a general strike on Monday.",
    "After the call, the German chancellor said talks would continue.",  # with no one named: no event
])
def test_a_bare_call_is_no_consultation_otherwise(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "CONSULT"]


# The armed forces of one state taking another state's leader is an abduction; police arresting someone,
# or troops capturing rebels, stays coercion.
@pytest.mark.parametrize(("text", "type_"), [
    ("German forces captured the Libyan president in a nighttime raid last week.", "ASSAULT"),
    ("German police arrested the Libyan president in Berlin.", "COERCE"),
    ("Israeli troops captured three Hamas commanders in Gaza.", "COERCE"),
])
def test_foreign_forces_taking_a_leader_is_an_abduction(text: str, type_: str) -> None:
    assert [e.type for e in asserted(text)][:1] == [type_]


# A party's members named with their chamber are lawmakers (LEG); the party named alone stays a party.
@pytest.mark.parametrize(("text", "sector"), [
    ("Senate Democrats voted on Thursday to block a bill on Iran.", "LEG"),
    ("House Republicans rejected the bill on Iran.", "LEG"),
    ("Republicans voted on Tuesday to block a resolution on Iran.", "PTY"),
])
def test_party_members_of_a_chamber_are_lawmakers(text: str, sector: str) -> None:
    found = [e for e in asserted(text) if e.type == "REJECT"]
    assert found and found[0].actor is not None and found[0].actor.sector == sector


@pytest.mark.parametrize("text", [
    "The Taiwanese leader vowed to defend the island by force.",
    "The Brazilian president, who has pledged to guard the river border by force, met generals on Monday.",
])
def test_a_pledge_to_act_by_force_is_a_threat(text: str) -> None:
    assert "THREATEN" in types(text)


def test_strikes_that_took_lives_are_an_attack_on_those_killed() -> None:
    found = [e for e in asserted("The shelling of the market took the lives of nine villagers.") if e.type == "ASSAULT"]
    assert found and found[0].recipient is not None and found[0].recipient.sector == "CVL"
    assert found[0].magnitude["killed"] == 9


# "Responded with X", "retaliated with X": X is the subject's act; the forces a deployment is "of" are the
# mover's own, not its target.
def test_a_response_with_a_deployment_is_the_responders() -> None:
    found = [e for e in asserted("The Turkish president answered the threat by ordering a large deployment of the army's own units.")
             if e.type == "MOBILIZE"]
    assert found and found[0].actor is not None and found[0].actor.country == "TUR"
    assert found[0].recipient is None


def test_a_retaliation_with_strikes_is_the_retaliators() -> None:
    found = [e for e in asserted("Iran retaliated with missile strikes on Israeli bases.")
             if e.type == "ASSAULT" and e.trigger.text.startswith("missile")]
    assert found and found[0].actor is not None and found[0].actor.country == "IRN"
    assert "light-verb-subject" in found[0].rule


# "build-up" reaches the coder as three words; a country's build-up near a coast needs no other target.
@pytest.mark.parametrize(("text", "actor"), [
    ("Britain announced a large naval build-up near the Yemeni coast.", "GBR"),
    ("The destroyer has reached the Gulf, joining a growing British naval build-up off the Yemeni coast.", "GBR"),
])
def test_a_hyphened_build_up_is_a_mobilization(text: str, actor: str) -> None:
    found = [e for e in asserted(text) if e.type == "MOBILIZE"]
    assert found and found[0].actor is not None and found[0].actor.country == actor


# Strikes named with their country and told by their toll happened, though no target is named; named
# with their country alone ("Israeli air strikes are a risk") they are no event.
@pytest.mark.parametrize(("text", "want"), [
    ("Hospitals counted 40 deaths from Israeli air strikes over the weekend.", ["ASSAULT"]),
    ("Israeli air strikes are a risk.", []),
])
def test_strikes_told_by_their_toll(text: str, want: list[str]) -> None:
    assert types(text) == want


# What is agreed decides: a fact told in the past or present is a shared view, an act to come an agreement.
@pytest.mark.parametrize(("text", "agreement"), [
    ("The ministers agreed that the harvest had been poor, the Kenyan president said.", False),
    ("The two leaders agreed that relations are good.", False),
    ("Kenya and Uganda agreed that the talks will resume in May.", True),
    ("Kenya and Uganda agreed that the troops withdraw by May.", True),
])
def test_agreeing_on_a_view_is_no_agreement(text: str, agreement: bool) -> None:
    assert ("AGREE" in types(text)) is agreement


def test_a_campaigns_toll_told_with_no_side_takes_the_side_and_targets_of_its_strikes() -> None:
    doc = CODER(Document(source="t", text="The Colombian navy on Monday struck three boats carrying drugs in the "
                         "Caribbean. The raids have killed 20 people so far.", published="2025-11-18",
                         published_precision="day", language="en"))
    toll = [e for e in doc.events if e.trigger.text == "killed"]
    assert toll and toll[0].actor is not None and toll[0].actor.country == "COL"
    assert toll[0].recipient is not None and toll[0].recipient.sector == "CRM"


def test_a_failed_motion_is_rejected_by_its_chamber() -> None:
    doc = CODER(Document(source="t", text="The Senate debated the budget for the war with Iran. A bill to cut the "
                         "funds failed on Thursday in the U.S. Senate. The senator's earlier motion "
                         "failed by two votes. The plan failed.", published="2025-11-18",
                         published_precision="day", language="en"))
    found = [e for e in doc.events if e.type == "REJECT" and "failed-measure" in e.rule]
    assert len(found) == 2  # a plan that fails is no vote
    assert all(e.actor is not None and e.actor.sector == "LEG" and e.actor.country == "USA" for e in found)
    assert found[0].date == "2025-11-13"


def test_a_verbal_act_coordinated_inside_a_reported_clause_is_the_speakers() -> None:
    found = [e for e in asserted("The Canadian prime minister admitted that the flights were happening "
                                 "but criticized their frequency.") if e.type == "ACCUSE"]
    assert found and found[0].actor is not None and found[0].actor.country == "CAN"


@pytest.mark.parametrize(("text", "type_"), [
    ("The Italian premier spoke out on Monday, warning that Italy would never accept foreign bases.", "REJECT"),
    ("The Italian premier warned that Italy will strike back.", "THREATEN"),
])
def test_a_warning_of_a_refusal_is_a_refusal(text: str, type_: str) -> None:
    assert [e.type for e in asserted(text) if e.trigger.text.startswith("warn")] == [type_]


def test_a_call_told_by_what_one_did_in_it_is_that_ones_with_whom_it_was_done() -> None:
    found = [e for e in asserted("The report told of a long phone call in which the French "
                                 "president urged the Italian premier to join a naval mission.") if e.type == "CONSULT"]
    assert found and found[0].actor is not None and found[0].actor.country == "FRA"
    assert found[0].recipient is not None and found[0].recipient.country == "ITA"


def test_a_proposal_to_send_ones_own_troops_to_help_is_an_offer() -> None:
    found = asserted("The Dutch minister proposed sending Dutch troops into Ghana to help its army secure the north.")
    offers = [e for e in found if e.trigger.text == "sending"]
    assert offers and offers[0].type == "AGREE"
    assert offers[0].actor is not None and offers[0].actor.country == "NLD"
    assert offers[0].recipient is not None and offers[0].recipient.country == "GHA"


def test_a_threat_of_force_with_no_target_is_against_whom_the_sides_strikes_hit() -> None:
    doc = CODER(Document(source="t", text='The Colombian navy struck two boats carrying drugs in the Caribbean on '
                         'Monday. "We will keep bombing these targets," the Colombian defense minister vowed.',
                         published="2025-11-18", published_precision="day", language="en"))
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert threats and threats[0].recipient is not None and threats[0].recipient.sector == "CRM"
    assert "document-struck" in threats[0].rule


def test_a_meeting_named_in_quotes_is_the_object_of_its_light_verb() -> None:
    found = [e for e in asserted("The Japanese prime minister hosted a \u201cVoice of the Coast\u201d "
                                 "summit with island states in Osaka.") if e.type == "CONSULT"]
    assert found and found[0].actor is not None and found[0].actor.country == "JPN"


def test_the_end_of_the_span_an_act_lasts_to_does_not_date_it() -> None:
    # "until 2047" says how long a ban holds, not when it was imposed: the act is dated as the report is
    e = first("The government banned the party until 2047, officials said on Monday.", "COERCE")
    assert e.date == "2025-11-17", (e.date, e.rule)
    e = first("The council imposed a ban on rallies until 2047.", "COERCE")
    assert e.date != "2047", (e.date, e.rule)
    e = first("Police arrested the mayor in March 2024.", "COERCE")
    assert e.date == "2024-03", (e.date, e.rule)
