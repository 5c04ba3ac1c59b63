"""Verbal triggers from the CAMEO code descriptions and verb patterns of AGREE, CONSULT, SUPPORT, CONCEDE,
REQUEST, ACCUSE, REJECT, THREATEN and PROTEST, each with the country roles it gives, and the other sense of
the same words coding nothing of the type. Invented sentences."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


def _types(text: str) -> set[str]:
    return {e.type for e in asserted(text)}


# (sentence, type, actor country, recipient country or None when the recipient is no country)
CODED = [
    # AGREE: willingness indicated, an olive branch, overtures, a peace plan; a treaty acceded to
    ("The Bolivian foreign minister indicated willingness to resume talks with Chile.", "AGREE", "BOL", "CHL"),
    ("The Ecuadorean president extended an olive branch to Peru on Monday.", "AGREE", "ECU", "PER"),
    ("Peru acceded to the fisheries convention on Monday.", "AGREE", "PER", None),
    ("The Colombian president unveiled a peace plan for the border region.", "AGREE", "COL", None),
    # CONSULT: talks by phone, talks entered, a visit embarked on, a courtesy call, a host
    ("The Kenyan president spoke by phone with the Tanzanian leader on Sunday.", "CONSULT", "KEN", "TZA"),
    ("The Mexican foreign minister talked by telephone with his Canadian counterpart.", "CONSULT", "MEX", "CAN"),
    ("The Japanese prime minister embarked on a two-day trip to Hanoi.", "CONSULT", "JPN", "VNM"),
    ("The Uruguayan president played host to the Paraguayan leader at the weekend.", "CONSULT", "URY", "PRY"),
    ("Chile and Peru exchanged messages on the anniversary of the treaty.", "CONSULT", "CHL", "PER"),
    ("Peru held a consultation with Bolivia on the water treaty.", "CONSULT", "PER", "BOL"),
    # SUPPORT: praise and endorsement, condolences conveyed, a vote in favour, an agreement initialled
    ("Spain voted in favour of the Mexican resolution at the assembly.", "SUPPORT", "ESP", None),
    ("The Brazilian president conveyed condolences to the Chilean people after the earthquake.", "SUPPORT", "BRA",
     "CHL"),
    ("The Spanish prime minister extended his condolences to Morocco.", "SUPPORT", "ESP", "MAR"),
    ("Peru and Bolivia initialled the border agreement in La Paz.", "SUPPORT", "PER", "BOL"),
    ("Egyptians showed solidarity with the Palestinians.", "SUPPORT", "EGY", "PSE"),
    # CONCEDE: demands acceded to, pressure given way to, calls heeded, a stance softened, remorse
    ("Borduria acceded to the demands of the Ruritanian government.", "CONCEDE", None, None),
    ("The Ecuadorean government gave way to pressure from Washington.", "CONCEDE", "ECU", "USA"),
    ("The Malian junta heeded calls from the African Union to hold elections.", "CONCEDE", "MLI", None),
    ("Venezuela softened its stance on the disputed islands.", "CONCEDE", "VEN", None),
    ("The Guatemalan general expressed remorse for the killings.", "CONCEDE", "GTM", None),
    # REQUEST: a resignation sought, membership applied for, advice to leave, a campaign for a release
    ("The Peruvian opposition sought the resignation of the interior minister.", "REQUEST", "PER", None),
    ("Georgia applied for membership of the European Union.", "REQUEST", "GEO", None),
    ("The United States advised its citizens to leave Haiti immediately.", "REQUEST", "USA", None),
    ("Sweden's application to join the alliance was approved.", "REQUEST", "SWE", None),
    # ACCUSE: rapped, smeared, taken to task, called out; legal action, suits, inquiries set up, formal protests
    ("The Argentine president rapped Britain for its fishing licences.", "ACCUSE", "ARG", "GBR"),
    ("The United States called out China for its treatment of minorities.", "ACCUSE", "USA", "CHN"),
    ("The Kenyan senator took the minister to task over the failed contracts.", "ACCUSE", "KEN", None),
    ("Bolivia took legal action against Chile at the world court.", "ACCUSE", "BOL", "CHL"),
    ("Peruvian farmers filed suit against the Canadian mining company.", "ACCUSE", "PER", None),
    ("The Mexican government set up a commission of inquiry into the killings.", "ACCUSE", "MEX", None),
    ("The Kenyan opposition lodged a formal protest with the electoral commission.", "ACCUSE", "KEN", None),
    ("The UN sent a fact-finding mission to Myanmar.", "ACCUSE", None, "MMR"),
    ("Lawmakers in Lima questioned the legality of the air strikes.", "ACCUSE", "PER", None),
    # REJECT: deals backed out of, talks walked away from, proposals shot down, a veto overridden, ships turned away
    ("Ruritania backed out of the gas deal with Borduria.", "REJECT", None, None),
    ("The Colombian rebels walked away from the peace talks.", "REJECT", "COL", None),
    ("The Kenyan parliament overrode the president's veto.", "REJECT", "KEN", None),
    ("Italy turned away the migrant ship on Sunday.", "REJECT", "ITA", None),
    ("The Nicaraguan government broke its promise to hold free elections.", "REJECT", "NIC", None),
    # THREATEN: retaliation promised, sabres rattled
    ("The Ecuadorean president promised swift retaliation against the Colombian rebels.", "THREATEN", "ECU", None),
    ("The Venezuelan army rattled sabres at the Guyanese border.", "THREATEN", "VEN", None),
    # PROTEST: industrial action, an assembly to protest, protesters chained to a gate, a protest taken part in
    ("Argentine railway workers took industrial action against the new contracts.", "PROTEST", "ARG", None),
    ("Thousands of Chileans assembled in Santiago to protest the new water tax.", "PROTEST", "CHL", None),
    ("Kenyan activists chained themselves to the gates of the parliament.", "PROTEST", "KEN", None),
    ("Hundreds of Colombian students took part in the protest against the fee rise.", "PROTEST", "COL", None),
    # AGREE: differences ironed out, a peace plan embraced
    ("Peru and Ecuador ironed out their differences over the fishing grounds.", "AGREE", "PER", "ECU"),
    ("The Sudanese army embraced the African Union proposal.", "AGREE", "SDN", None),
    # CONSULT: an envoy sent
    ("Brazil sent an envoy to Caracas to press for new elections.", "CONSULT", "BRA", "VEN"),
    ("The Vatican dispatched a special envoy to Kyiv on Tuesday.", "CONSULT", "VAT", "UKR"),
    # SUPPORT: ties repaired, mended, strengthened; an ambassador appointed, credentials presented, a blessing
    ("Turkey and Armenia moved to repair ties after decades of hostility.", "SUPPORT", "TUR", "ARM"),
    ("Japan and South Korea mended ties at the summit.", "SUPPORT", "JPN", "KOR"),
    ("Mexico strengthened ties with Cuba during the visit.", "SUPPORT", "MEX", "CUB"),
    ("Washington appointed a new ambassador to Havana.", "SUPPORT", "USA", "CUB"),
    ("The new Chilean ambassador presented her credentials to the Peruvian president.", "SUPPORT", "CHL", "PER"),
    ("The Colombian opposition gave its blessing to the peace plan.", "SUPPORT", "COL", None),
    # CONCEDE: demands fulfilled, a sentence reduced, forgiveness asked
    ("The Bolivian government fulfilled the demands of the coca growers.", "CONCEDE", "BOL", None),
    ("A Kenyan court reduced the sentence of the opposition leader.", "CONCEDE", "KEN", None),
    ("The Mexican president asked Spain for forgiveness for the conquest.", "CONCEDE", "MEX", "ESP"),
    # REJECT: bail denied, a conviction upheld, recognition withheld, talks stayed away from
    ("A Lima court denied bail to the former Peruvian president.", "REJECT", "PER", None),
    ("The appeals court upheld the conviction of the Guatemalan journalist.", "REJECT", None, "GTM"),
    ("Washington withheld recognition from the new junta in Niger.", "REJECT", "USA", None),
    ("The Venezuelan opposition stayed away from the talks in Caracas.", "REJECT", "VEN", None),
    # THREATEN: a deadline given; ACCUSE: a case opened
    ("The United Nations gave the Sudanese rebels a deadline to leave the city.", "THREATEN", None, None),
    ("The Bolivian government opened a case against the former minister.", "ACCUSE", "BOL", None),
    # CONSULT: a letter sent, a message delivered, a government briefed, shuttle diplomacy
    ("The Egyptian president sent a letter to the Israeli prime minister on Sunday.", "CONSULT", "EGY", "ISR"),
    ("The Qatari envoy delivered a message from the emir to the Iranian president.", "CONSULT", "QAT", "IRN"),
    ("The Norwegian foreign minister briefed the Colombian government on the border plan.", "CONSULT", "NOR", "COL"),
    ("Kissinger's shuttle diplomacy between Egypt and Israel ended the war.", "CONSULT", None, "EGY"),
    # SUPPORT: respects paid, a green light given
    ("The Indian prime minister paid his respects to the late Nepalese king.", "SUPPORT", "IND", "NPL"),
    ("The Chilean parliament gave the green light to the trade deal with China.", "SUPPORT", "CHL", None),
    # CONCEDE: a threat backed off from, a bill watered down, a U-turn
    ("Russia backed off its threat to cut gas supplies to Moldova.", "CONCEDE", "RUS", None),
    ("The Senate watered down the sanctions bill against Russia.", "CONCEDE", "USA", "RUS"),
    ("The Peruvian government made a U-turn on the fuel tax.", "CONCEDE", "PER", None),
    # REQUEST: persuaded, prodded
    ("Qatar persuaded Hamas to release the hostages.", "REQUEST", "QAT", None),
    ("Washington prodded Seoul to raise its defence spending.", "REQUEST", "USA", "KOR"),
    # ACCUSE: accusations traded, insults exchanged, a result challenged in court
    ("India and Pakistan traded accusations over the border clashes.", "ACCUSE", "IND", None),
    ("North and South Korea exchanged insults at the United Nations.", "ACCUSE", None, None),
    ("The Peruvian candidate challenged the election results in court.", "ACCUSE", "PER", None),
    # REJECT: talks torpedoed, a deal scuttled
    ("Hardliners in Tehran torpedoed the peace talks with Washington.", "REJECT", "IRN", "USA"),
    ("The Senate scuttled the trade deal with Colombia.", "REJECT", "USA", "COL"),
    # THREATEN: military action hinted at, sanctions considered or weighed
    ("The United States hinted at military action against Iran.", "THREATEN", "USA", "IRN"),
    ("The European Union is considering sanctions against Belarus.", "THREATEN", None, "BLR"),
    ("Washington weighed sanctions against the Venezuelan oil sector.", "THREATEN", "USA", "VEN"),
    ("The Colombian rebel commander vowed resistance against the new government.", "THREATEN", "COL", None),
    # ACCUSE: disappointment expressed, reservations voiced, an angry reaction, bitter words, a scathing attack,
    # a vote regarded as illegitimate
    ("The Mexican government expressed disappointment over the ruling.", "ACCUSE", "MEX", None),
    ("Brazil voiced reservations about the trade deal.", "ACCUSE", "BRA", None),
    ("China reacted angrily to the Japanese minister's visit to the shrine.", "ACCUSE", "CHN", "JPN"),
    ("India and Pakistan traded bitter words at the assembly.", "ACCUSE", "IND", "PAK"),
    ("The Kenyan opposition leader launched a scathing attack on the president's economic policy.", "ACCUSE",
     "KEN", None),
    ("Washington regards the vote in Caracas as illegitimate.", "ACCUSE", "USA", None),
    # SUPPORT: ties forged; AGREE: talks scheduled, a date set for talks
    ("Vietnam and the United States forged ties after the war.", "SUPPORT", "VNM", "USA"),
    ("Peru and Chile scheduled talks on the maritime border for next month.", "AGREE", "PER", None),
    ("North and South Korea set a date for talks on family reunions.", "AGREE", None, None),
    # AGREE: commitment, interest expressed; SUPPORT: a resolution sponsored
    ("Colombia remains committed to the peace process with the rebels.", "AGREE", "COL", None),
    ("Ukraine expressed interest in joining the trade bloc.", "AGREE", "UKR", None),
    ("France sponsored the resolution on Syria at the Security Council.", "SUPPORT", "FRA", None),
    # CONCEDE: mistakes admitted or acknowledged, amends made
    ("The Peruvian government admitted mistakes in its handling of the protests.", "CONCEDE", "PER", None),
    ("The Japanese government acknowledged errors in the response to the earthquake.", "CONCEDE", "JPN", None),
    ("The Australian government made amends to the indigenous families.", "CONCEDE", "AUS", None),
    # REQUEST: nudged, coaxed
    ("Washington nudged Seoul to raise its defence spending.", "REQUEST", "USA", "KOR"),
    ("Beijing coaxed Pyongyang into returning to the talks.", "REQUEST", "CHN", "PRK"),
    # REJECT: cold water poured on a plan, heels dug in, standing firm against demands
    ("The German chancellor poured cold water on the French plan.", "REJECT", "DEU", None),
    ("The Greek government dug in its heels over the debt deal.", "REJECT", "GRC", None),
    ("The Hungarian government stood firm against the demands of the European Commission.", "REJECT", "HUN", None),
    # PROTEST: a statue defaced, a stayaway, civil disobedience
    ("Protesters defaced the statue of the former dictator in Santiago.", "PROTEST", "CHL", None),
    ("South African unions called a stayaway against the new labour law.", "PROTEST", "ZAF", None),
    ("The Venezuelan opposition launched a campaign of civil disobedience against the government.", "PROTEST", "VEN",
     None),    ("Thousands of Chileans hit the streets against the pension reform.", "PROTEST", "CHL", None),
    # THREATEN: a pledge to crush, notice served
    ("The Nigerian president pledged to crush the insurgents in the northeast.", "THREATEN", "NGA", None),
    ("Turkey served notice that it would block the enlargement of the alliance.", "THREATEN", "TUR", None),
    # SUPPORT: a plan signed off on, a purchase greenlighted
    ("The Brazilian president signed off on the trade plan with Argentina.", "SUPPORT", "BRA", None),
    ("The Indian cabinet greenlighted the purchase of French jets.", "SUPPORT", "IND", None),
    # CONCEDE: a claim relinquished or renounced, violence renounced
    ("Argentina relinquished its claim to the disputed islands.", "CONCEDE", "ARG", None),
    ("Peru renounced its claim to the border strip.", "CONCEDE", "PER", None),
    ("The Colombian rebels renounced violence in a statement on Sunday.", "CONCEDE", "COL", None),
    # REJECT: a possibility excluded, criticism waved aside, a bill filibustered
    ("The Japanese government excluded the possibility of talks with the rebels.", "REJECT", "JPN", None),
    ("The Mexican minister waved aside the criticism from the opposition.", "REJECT", "MEX", None),
    ("Senate Republicans filibustered the voting rights bill.", "REJECT", "USA", None),
]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), CODED)
def test_a_verbal_trigger_codes_its_type_and_roles(text: str, type_: str, actor: str | None,
                                                   recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor, (e.actor, e.rule)
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient, (e.recipient, e.rule)


def test_a_promise_of_retaliation_is_a_threat_and_a_promise_of_aid_an_agreement() -> None:
    assert _types("The Ecuadorean president promised swift retaliation against the Colombian rebels.") == {"THREATEN"}
    assert "THREATEN" not in _types("Ecuador promised to send food to the flooded provinces of Peru.")


def test_a_treaty_acceded_to_is_an_agreement_and_demands_acceded_to_a_concession() -> None:
    assert _types("Peru acceded to the fisheries convention on Monday.") == {"AGREE"}
    assert "CONCEDE" in _types("The Peruvian government acceded to the demands of the miners.")


def test_calling_someone_out_is_blame_and_calling_for_a_vote_a_request() -> None:
    assert "ACCUSE" in _types("Canada called out Russia for the cyber attacks.")
    assert "ACCUSE" not in _types("Canada called for a vote on the resolution.")


# The political sense codes its type, the other sense of the same word nothing of it.
SENSES = [
    ("The Ecuadorean government gave way to pressure from Washington.",
     "The old bridge over the Guayas river gave way under the weight of the trucks.", "CONCEDE"),
    ("The Ecuadorean government set up a commission of inquiry into the prison riot.",
     "The Ecuadorean government set up a commission to plan the new airport.", "ACCUSE"),
    ("The Venezuelan army rattled sabres at the Guyanese border.",
     "Venezuelan markets were rattled by the new tariffs.", "THREATEN"),
    ("Georgia applied for membership of the European Union.",
     "Georgia applied new tariffs to Turkish steel.", "REQUEST"),
    ("Italy turned away the migrant ship on Sunday.",
     "The Italian navy ship turned back to port after the storm.", "REJECT"),
    ("Thousands of Chileans assembled in Santiago to protest the new water tax.",
     "Thousands of Chileans assembled in Santiago to watch the final.", "PROTEST"),
    ("A Kenyan court reduced the sentence of the opposition leader.",
     "The Kenyan central bank reduced the interest rate on Monday.", "CONCEDE"),
    ("The Senate scuttled the trade deal with Colombia.",
     "The Colombian navy scuttled the damaged patrol boat off the coast.", "REJECT"),
    ("The German chancellor poured cold water on the French plan.",
     "The German firefighters poured water on the burning warehouse.", "REJECT"),
    ("The Hungarian government stood firm against the demands of the European Commission.",
     "The Hungarian painter stood firm on the ladder in Budapest.", "REJECT"),
    ("The Norwegian foreign minister briefed the Colombian government on the border plan.",
     "The Norwegian foreign minister briefed reporters on the new budget in Oslo.", "CONSULT"),
]


@pytest.mark.parametrize(("political", "other", "type_"), SENSES)
def test_the_other_sense_codes_nothing_of_the_type(political: str, other: str, type_: str) -> None:
    first(political, type_)
    assert type_ not in _types(other)


def test_talks_by_phone_or_video_are_in_the_phone_mode() -> None:
    assert first("The Kenyan president spoke by phone with the Tanzanian leader on Sunday.", "CONSULT").mode == "phone"
    assert first("The Chilean minister talked by video with her Argentine counterpart.", "CONSULT").mode == "phone"


def test_security_ties_strengthened_are_cooperation_and_ties_strengthened_support() -> None:
    assert "SUPPORT" not in _types("Japan and Australia strengthened security ties on Friday.")
    assert "COOPERATE" in _types("Japan and Australia strengthened security ties on Friday.")
    assert "SUPPORT" in _types("Japan and Australia strengthened ties on Friday.")


def test_forgiveness_asked_is_an_apology_and_help_asked_a_request() -> None:
    assert _types("The Mexican president asked Spain for forgiveness for the conquest.") == {"CONCEDE"}
    assert _types("The Mexican president asked Spain for help after the floods.") == {"REQUEST"}


def test_sanctions_considered_are_a_threat_not_sanctions_imposed() -> None:
    assert _types("The European Union is considering sanctions against Belarus.") == {"THREATEN"}


def test_a_scathing_attack_launched_is_criticism_and_an_attack_launched_an_assault() -> None:
    assert _types("The Kenyan opposition leader launched a scathing attack on the president's economic policy.") \
        == {"ACCUSE"}
    assert "ASSAULT" in _types("Somali militants launched an attack on a Kenyan army base.")


def test_talks_scheduled_are_an_agreement_to_meet_not_talks_held() -> None:
    assert "CONSULT" not in _types("Peru and Chile scheduled talks on the maritime border for next month.")


def test_a_claim_renounced_is_a_concession_and_a_treaty_renounced_a_rejection() -> None:
    assert _types("Peru renounced its claim to the border strip.") == {"CONCEDE"}
    assert "REJECT" in _types("The United States renounced the arms treaty with Russia.")


def test_a_visitor_welcomed_on_arrival_is_hosted_and_a_proposal_welcomed_supported() -> None:
    assert _types("The Kenyan president welcomed the visiting Ugandan leader at the airport.") == {"CONSULT"}
    assert _types("The Kenyan president welcomed the Ugandan proposal for a border commission.") == {"SUPPORT"}


def test_calls_heeded_are_a_concession_and_storm_warnings_heeded_code_none() -> None:
    assert "CONCEDE" in _types("The Malian junta heeded calls from the African Union to hold elections.")
    assert "CONCEDE" not in _types("Cuban officials said residents heeded warnings to leave the coast before the storm.")
