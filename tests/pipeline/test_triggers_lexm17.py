"""Material triggers drawn from CAMEO's verb patterns (cooperation, aid, retreat, mobilization, sanctions,
coercion, force), on invented wire sentences: each codes its type, and the words around it keep the
other senses of the same verb out."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    # COOPERATE: arms sold or bought between states, exchange resumed
    ("Belarus sold six attack helicopters to Myanmar last year.", "COOPERATE", "BLR", "MMR"),
    ("Egypt bought two frigates from Italy in March.", "COOPERATE", "EGY", "ITA"),
    ("Qatar and Bahrain resumed trade on Sunday after a long rift.", "COOPERATE", "QAT", "BHR"),
    # AID: aid rushed, teams dispatched, funds disbursed or released, arms shipped or sent to a party
    ("Algeria rushed relief supplies to Libya after the floods.", "AID", "DZA", "LBY"),
    ("Portugal dispatched a rescue team to Mozambique.", "AID", "PRT", "MOZ"),
    ("Norway disbursed 40 million dollars to Malawi.", "AID", "NOR", "MWI"),
    ("Canada released 20 million dollars in aid for Haiti.", "AID", None, "HTI"),
    ("Sweden transferred $300 million to Ukraine on Friday.", "AID", "SWE", "UKR"),
    ("Poland sent howitzers to Ukraine in the spring.", "AID", "POL", "UKR"),
    ("South Korea provided Peru with two patrol vessels.", "AID", "KOR", "PER"),
    ("Turkey shipped armed drones to Azerbaijan.", "AID", "TUR", "AZE"),
    ("The World Bank lent Kenya $750 million.", "AID", None, "KEN"),
    # RETREAT: bodies, captives and seized craft given back; forces that fall back; corridors opened; arms given up
    ("Serbia handed over the bodies of four fishermen to Croatia.", "RETREAT", "SRB", "HRV"),
    ("Thailand returned the detained fishermen to Myanmar.", "RETREAT", "THA", "MMR"),
    ("Yemen released the seized Saudi vessel on Tuesday.", "RETREAT", "YEM", "SAU"),
    ("The rebel fighters fell back from the provincial capital.", "RETREAT", None, None),
    ("Iraq destroyed its remaining stockpile of mustard gas.", "RETREAT", "IRQ", None),
    ("Kazakhstan scrapped its nuclear weapons programme in the 1990s.", "RETREAT", "KAZ", None),
    # MOBILIZE: forces bolstered, reserves activated, ships shadowed, airspace entered, missiles tested at sea
    ("Finland bolstered its forces along the eastern border.", "MOBILIZE", "FIN", None),
    ("A Norwegian frigate shadowed a Russian submarine off the coast.", "MOBILIZE", "NOR", "RUS"),
    ("Turkish jets violated Greek airspace on Monday.", "MOBILIZE", "TUR", "GRC"),
    ("Iran fired two cruise missiles into the sea during the drill.", "MOBILIZE", "IRN", None),
    # SANCTION: firms blacklisted, accords revoked or rescinded, ships banned, arms sales halted, embassies evacuated
    ("Washington added four Iranian shipping firms to its sanctions blacklist.", "SANCTION", "USA", "IRN"),
    ("Niger revoked its military accords with France.", "SANCTION", "NER", "FRA"),
    ("Chad rescinded the oil agreement with China.", "SANCTION", "TCD", "CHN"),
    ("Canada banned Russian vessels from its ports.", "SANCTION", "CAN", "RUS"),
    ("Spain halted arms sales to Israel.", "SANCTION", "ESP", "ISR"),
    ("Britain evacuated its embassy in Sudan.", "SANCTION", "GBR", "SDN"),
    # COERCE: ships boarded, people watched or held for questioning, coups, internet shutdowns
    ("Indian commandos boarded a Chinese trawler in the Bay of Bengal.", "COERCE", "IND", "CHN"),
    ("Kenyan police held three Somali traders for questioning.", "COERCE", "KEN", "SOM"),
    ("The Guinean army staged a coup on Sunday.", "COERCE", "GIN", None),
    ("Ethiopian authorities imposed an internet shutdown in the region.", "COERCE", "ETH", None),
    # ASSAULT: killings and attacks told in other words
    ("Nigerian troops neutralised eight bandits near the border.", "ASSAULT", "NGA", None),
    ("The Malian army said it eliminated twelve jihadists in the raid.", "ASSAULT", "MLI", None),
    ("Syrian forces used chemical weapons against the rebel town.", "ASSAULT", "SYR", None),
    ("Russian artillery battered Ukrainian positions near the river.", "ASSAULT", "RUS", "UKR"),
    ("Militants threw a grenade at a Pakistani police post.", "ASSAULT", None, "PAK"),
    ("Gunmen sprayed the Nigerian convoy with bullets.", "ASSAULT", None, "NGA"),
    ("Mexican soldiers and cartel gunmen exchanged gunfire in Sinaloa.", "ASSAULT", "MEX", None),
])
def test_a_material_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                           recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


@pytest.mark.parametrize(("text", "type_"), [
    ("Argentina sold its stake in the Chilean mine to investors.", "COOPERATE"),  # no arms sold
    ("Uruguay provided the commission with evidence of the fraud.", "AID"),  # evidence given is no aid
    ("Bolivia released a statement on the aid package for Paraguay.", "AID"),  # a statement released
    ("Ecuador transferred $2 million to its own central bank.", "AID"),  # no party receives it
    ("Denmark sent tanks to its base in Estonia.", "AID"),  # forces moved to a base: a move, not aid
    ("Colombia opened a new trade corridor with Panama.", "RETREAT"),  # a corridor of trade, not of access
    ("The Portuguese police fell back on old methods, the report said.", "RETREAT"),  # relied on
    ("The Czech firm scrapped its missile defence contract with Poland.", "RETREAT"),  # a contract dropped
    ("The Kenyan minister added that the blacklist would be published in March.", "SANCTION"),  # said
    ("Passengers from Ghana boarded the ferry in Dover.", "COERCE"),  # travellers, not a state's forces
    ("Voters in Lima hung posters of the candidate across the city.", "ASSAULT"),  # no one hanged
    ("Brazil said the plan would eliminate terrorist financing.", "ASSAULT"),  # a practice, not fighters
    ("A storm battered the coast of Cuba.", "ASSAULT"),  # weather, no shelling
])
def test_other_senses_of_the_same_words_code_no_such_event(text: str, type_: str) -> None:
    assert not [e for e in asserted(text) if e.type == type_]


def test_a_missile_fired_at_a_party_is_still_an_attack() -> None:
    assert first("Houthi rebels fired a missile at a Saudi oil tanker.", "ASSAULT")
    assert not [e for e in asserted("Houthi rebels fired a missile at a Saudi oil tanker.") if e.type == "MOBILIZE"]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    # COOPERATE: a joint investigation opened with another party
    ("Slovenia opened a joint investigation with Croatia into the fraud.", "COOPERATE", "SVN", "HRV"),
    # AID: money granted or loaned, a party's debt restructured
    ("Oman granted $40 million to Jordan.", "AID", "OMN", "JOR"),
    ("The IMF loaned Pakistan $3 billion.", "AID", None, "PAK"),
    ("The Paris Club rescheduled Gabon's debt.", "AID", None, "GAB"),
    # SANCTION: sanctions widened or a party hit with them, a treaty left, accords ended, support suspended
    ("Japan expanded sanctions on North Korea.", "SANCTION", "JPN", "PRK"),
    ("Australia hit Iran with new sanctions on Tuesday.", "SANCTION", "AUS", "IRN"),
    ("Russia pulled out of the grain deal with Ukraine.", "SANCTION", "RUS", "UKR"),
    ("Mexico ended its security agreement with Guatemala.", "SANCTION", "MEX", "GTM"),
    ("Germany suspended budget support to Niger.", "SANCTION", "DEU", "NER"),
    ("Belarus slapped a travel ban on Lithuanian officials.", "SANCTION", "BLR", "LTU"),
    # RETREAT: control handed over, shelling stopped, an operation ended
    ("Armenia handed control of the villages to Azerbaijan.", "RETREAT", "ARM", "AZE"),
    ("Serbia transferred control of the crossing to Kosovo.", "RETREAT", "SRB", "XKX"),
    ("The Turkish army stopped shelling the border villages.", "RETREAT", "TUR", None),
    ("Ethiopia ended its military operation in the northern region.", "RETREAT", "ETH", None),
    # MOBILIZE: a new missile unveiled, posts built, drones flown over another's land
    ("North Korea unveiled a new hypersonic missile.", "MOBILIZE", "PRK", None),
    ("Vietnam built military outposts on the reefs.", "MOBILIZE", "VNM", None),
    ("Belarusian drones flew over Latvian territory.", "MOBILIZE", "BLR", "LVA"),
    # COERCE: a constitution suspended, power taken in a coup, a tanker captured
    ("Gabon's army suspended the constitution.", "COERCE", "GAB", None),
    ("Sudanese officers took power in a coup on Monday.", "COERCE", "SDN", None),
    ("The Venezuelan navy captured a Guyanese trawler.", "COERCE", "VEN", "GUY"),
    # ASSAULT: mortars, barrel bombs, commanders targeted, floggings, fighters driven out
    ("Sudanese jets dropped barrel bombs on the village.", "ASSAULT", "SDN", None),
    ("Israel targeted Hezbollah commanders in southern Lebanon.", "ASSAULT", "ISR", "LBN"),
    ("Somali rebels mortared the Kenyan base.", "ASSAULT", None, "KEN"),
    ("Iranian authorities flogged the student in public.", "ASSAULT", "IRN", None),
    ("Iraqi troops drove the militants out of the town.", "ASSAULT", "IRQ", None),
])
def test_a_second_material_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                                  recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


@pytest.mark.parametrize(("text", "type_"), [
    ("A Danish firm unveiled a new drone for farmers.", "MOBILIZE"),  # a product shown, no weapon
    ("The Peruvian ministry loaned the painting to a museum in Paris.", "AID"),  # no money, no party
    ("The Kenyan storm hit Uganda with heavy rain.", "SANCTION"),  # weather, not sanctions
    ("Honduran fans surrounded the singer outside the hotel.", "MOBILIZE"),  # no troops or police
    ("The Chilean court suspended the hearing until Monday.", "COERCE"),  # a hearing, not the constitution
    ("The Ecuadorean president took power in January after winning the election.", "COERCE"),  # no coup
])
def test_other_senses_of_the_second_words_code_no_such_event(text: str, type_: str) -> None:
    assert not [e for e in asserted(text) if e.type == type_]


def test_water_cut_off_is_withheld_not_a_sanction() -> None:
    text = "The Israeli army cut off water supplies to Gaza."
    assert first(text, "COERCE").mode == "withhold"
    assert not [e for e in asserted(text) if e.type == "SANCTION"]


def test_pulling_out_of_talks_is_a_withdrawal_from_them() -> None:
    # the manual's SANCTION `withdraw` (leaving a mediation activity); a meeting called off stays REJECT
    assert first("Colombia pulled out of the talks with the rebels.", "SANCTION").mode == "withdraw"
    assert first("Colombia called off the talks with the rebels.", "REJECT")


def test_a_suspect_captured_with_drugs_is_arrested_not_seized() -> None:
    assert first("Bolivian police captured the suspect with drugs in his car.", "COERCE").mode == "arrest"


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    # AID: deposits in a central bank, field hospitals, refugee status, arms shipments and aid packages
    ("Kuwait deposited $2 billion in the central bank of Egypt.", "AID", "KWT", "EGY"),
    ("Jordan sent a field hospital to Sudan.", "AID", "JOR", "SDN"),
    ("Brazil granted refugee status to 500 Haitians.", "AID", "BRA", "HTI"),
    ("Canada approved a new arms shipment to Ukraine.", "AID", "CAN", "UKR"),
    ("Japan approved a $500 million aid package for Ethiopia.", "AID", "JPN", "ETH"),
    # SANCTION: recognition withdrawn, tariffs levied, export controls, a travel ban
    ("Nauru withdrew its recognition of Taiwan.", "SANCTION", "NRU", "TWN"),
    ("Tokyo imposed export controls on South Korea.", "SANCTION", "JPN", "KOR"),
    ("Moscow's travel ban on Estonian officials drew a protest.", "SANCTION", "RUS", "EST"),
    # COERCE: a flotilla intercepted, NGOs shut down, candidates disqualified
    ("The Greek navy intercepted a Turkish flotilla.", "COERCE", "GRC", "TUR"),
    ("Nicaraguan authorities shut down 300 NGOs.", "COERCE", "NIC", None),
    ("Iranian authorities disqualified the reformist candidate.", "COERCE", "IRN", None),
    # MOBILIZE: positions taken up, an alert declared, an advance toward a border
    ("Algerian troops took up positions along the Moroccan border.", "MOBILIZE", "DZA", None),
    ("Georgia declared a state of alert on Friday.", "MOBILIZE", "GEO", None),
    # RETREAT: troops removed, a disengagement completed
    ("Britain removed its troops from Afghanistan.", "RETREAT", "GBR", "AFG"),
    # ASSAULT: fighting for control, entering a town, pushing into it, ethnic cleansing, demolitions
    ("Libyan militias fought for control of the airport.", "ASSAULT", "LBY", None),
    ("Turkish forces entered the Syrian town of Afrin.", "ASSAULT", "TUR", None),
    ("Ukrainian troops pushed into the Russian region.", "ASSAULT", "UKR", None),
    ("Rebel fighters advanced on the Congolese city of Goma.", "ASSAULT", None, None),
    ("Myanmar's ethnic cleansing of the Rohingya drew condemnation.", "ASSAULT", "MMR", None),
    ("Israel's demolition of Bedouin homes drew protests.", "ASSAULT", "ISR", None),
])
def test_a_third_material_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                                 recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


@pytest.mark.parametrize(("text", "type_"), [
    ("Dutch passengers boarded the ship in Dover.", "COERCE"),  # travellers, not a state's forces
    ("Italian troops boarded buses to leave the town.", "COERCE"),  # soldiers travelling
    ("Greek students took up positions as interns.", "MOBILIZE"),  # jobs, not military positions
    ("The Cuban minister declared a state of alert for the storm.", "MOBILIZE"),  # a disaster alert
    ("The United States advanced toward a deal with Iran.", "MOBILIZE"),  # no troops
    ("The Peruvian army entered the election race with its own candidate.", "ASSAULT"),  # a race entered
    ("The Bolivian parties fought for control of parliament.", "ASSAULT"),  # politics, not arms
    ("A Kenyan couple deposited $3 million in a Swiss bank.", "AID"),  # a private deposit, not a state's
    ("The Swiss club disqualified the player for doping.", "COERCE"),  # sport, not politics
])
def test_other_senses_of_the_third_words_code_no_such_event(text: str, type_: str) -> None:
    assert not [e for e in asserted(text) if e.type == type_]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    # COERCE withhold: power, water or the internet cut or shut off
    ("Serbia cut electricity supplies to Kosovo.", "COERCE", "SRB", "XKX"),
    ("Iranian authorities shut off the internet in the province.", "COERCE", "IRN", None),
    # MOBILIZE: security tightened, a missile launch
    ("Kenyan police tightened security around the Somali embassy.", "MOBILIZE", "KEN", None),
    ("North Korea carried out a missile launch on Sunday.", "MOBILIZE", "PRK", None),
    # SANCTION: export and import bans
    ("Indonesia imposed an export ban on nickel ore to China.", "SANCTION", "IDN", "CHN"),
    ("Russia's import ban on Georgian wine hurt growers.", "SANCTION", "RUS", "GEO"),
    # COOPERATE, RETREAT: intelligence sharing resumed, a prisoner release
    ("Pakistan resumed intelligence sharing with Afghanistan.", "COOPERATE", "PAK", "AFG"),
    ("Eritrea completed a prisoner release to Ethiopia.", "RETREAT", "ERI", "ETH"),
])
def test_a_fourth_material_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                                  recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


def test_water_cut_is_withheld_and_aid_cut_a_sanction() -> None:
    assert first("The Syrian army cut water supplies to the town.", "COERCE").mode == "withhold"
    assert not [e for e in asserted("The Syrian army cut water supplies to the town.") if e.type == "SANCTION"]
    assert first("Ghana cut aid to Togo.", "SANCTION").recipient.country == "TGO"


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    ("Lithuania froze relations with Belarus.", "SANCTION", "LTU", "BLR"),
    ("Poland revoked the licence of the independent broadcaster.", "COERCE", "POL", None),
    ("Italy reduced its troops in Lebanon.", "RETREAT", "ITA", "LBN"),
    ("Belgium cut its forces in Mali by half.", "RETREAT", "BEL", "MLI"),
    ("Turkey poured troops into the border province.", "MOBILIZE", "TUR", None),
    ("Japan established a military base in Djibouti.", "MOBILIZE", "JPN", "DJI"),
    ("Denmark allocated $300 million to Ukraine.", "AID", "DNK", "UKR"),
    ("North Korea detonated a nuclear device in an underground test.", "MOBILIZE", "PRK", None),
])
def test_a_fifth_material_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                                 recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


def test_a_nuclear_test_is_no_attack_and_a_bomb_set_off_is() -> None:
    assert not [e for e in asserted("North Korea detonated a nuclear device in an underground test.")
                if e.type == "ASSAULT"]
    assert first("Militants detonated a bomb in a Somali market.", "ASSAULT").mode == "explosives"


def test_a_broadcasters_licence_revoked_is_censorship_and_visas_revoked_a_sanction() -> None:
    assert not [e for e in asserted("Poland revoked the licence of the independent broadcaster.")
                if e.type == "SANCTION"]
    assert first("Russia revoked the visas of two British journalists.", "SANCTION").recipient.country == "GBR"


def test_funds_allocated_to_no_party_are_no_aid() -> None:
    assert not [e for e in asserted("The Chilean city allocated funds for the new stadium.") if e.type == "AID"]
