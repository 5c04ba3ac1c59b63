"""The CAMEO codebook, one invented sentence per event form it lists (CAMEO2PLOVER-2021: "express intent to
mediate", "halt negotiations", "violate ceasefire", "engage in mass expulsion", ...), coded under the PLOVER
manual's conventions where the two differ (international sanctions and convictions are SANCTION, lifting a
curfew or a state of emergency CONCEDE, a resignation RETREAT). A figure over the whole set, with a floor, and
the readings added from the codebook one by one: coordinated countries on one group word are one side each, an
apology is SUPPORT, walking out of talks is a withdrawal from them, a broken truce is force, a population
driven from its homes is assaulted, the detained are released, military equipment sent is aid, and a body with
no country of its own acts on the one country named."""

from __future__ import annotations

import pytest
from english_coder import asserted, first

CODEBOOK = [
    ('AGREE', 'The Kenyan government said it was ready to cooperate with Somalia on border security.'),
    ('AGREE', 'Brazil pledged to work with Argentina to expand trade in farm goods.'),
    ('AGREE', 'The Polish defence minister offered to train Ukrainian soldiers next year.'),
    ('AGREE', 'Norway promised to share intelligence with Sweden on organized crime.'),
    ('AGREE', 'Japan pledged $200 million in reconstruction aid to the Philippines.'),
    ('AGREE', 'The Ghanaian president vowed to hold free elections next year.'),
    ('AGREE', 'The junta in Mali promised to hand power to a civilian government.'),
    ('AGREE', 'Chile said it would release the detained Bolivian truck drivers.'),
    ('AGREE', 'Pakistan agreed to allow United Nations observers into the disputed region.'),
    ('AGREE', 'Ethiopia said it was willing to pull its troops back from the border.'),
    ('AGREE', 'The rebel leaders agreed to meet government negotiators in Nairobi next week.'),
    ('AGREE', 'Colombia offered to mediate between Venezuela and Guyana.'),
    ('AGREE', "Serbia accepted the European Union's offer to mediate the dispute with Kosovo."),
    ('AGREE', 'Egypt and Sudan agreed to settle their border dispute through arbitration.'),
    ('CONSULT', 'The Indian prime minister spoke by telephone with the Japanese prime minister on Monday.'),
    ('CONSULT', 'The Turkish foreign minister visited Baghdad on Tuesday.'),
    ('CONSULT', 'The Kenyan president hosted the Ugandan president in Nairobi.'),
    ('CONSULT', 'Officials from Armenia and Azerbaijan met in Geneva to discuss a peace treaty.'),
    ('CONSULT', 'Qatar mediated talks between the Sudanese army and the rebels.'),
    ('CONSULT', 'Negotiators from Peru and Ecuador held talks on the border dispute.'),
    ('SUPPORT', 'The French president praised Senegal for its peaceful elections.'),
    ('SUPPORT', 'Moscow endorsed the Chinese peace plan for the region.'),
    ('SUPPORT', 'The Iranian foreign minister defended Syria against Western criticism.'),
    ('SUPPORT', 'Saudi Arabia rallied Arab states behind the Palestinian bid for membership.'),
    ('SUPPORT', 'Mexico recognized the new government of Bolivia on Friday.'),
    ('SUPPORT', 'Japan apologized to South Korea for its wartime abuses.'),
    ('SUPPORT', 'The Rwandan president said he forgave the rebels who killed his family.'),
    ('SUPPORT', 'Peru and Ecuador signed a peace agreement on Monday.'),
    ('COOPERATE', 'China and Pakistan signed a trade deal and began joint work on a new port.'),
    ('COOPERATE', 'Indian and French warships held joint naval exercises in the Indian Ocean.'),
    ('COOPERATE', 'Spanish police extradited a suspected drug trafficker to Colombia.'),
    ('COOPERATE', 'Germany shared intelligence on the bombing suspects with Belgian investigators.'),
    ('AID', 'The World Bank provided a $50 million loan to Kenya.'),
    ('AID', 'The United States sent military equipment to the Lebanese army.'),
    ('AID', 'The Red Cross delivered food and medicine to flood victims in Bangladesh.'),
    ('AID', 'The African Union deployed peacekeepers to protect civilians in Somalia.'),
    ('AID', 'Sweden granted asylum to a Russian journalist.'),
    ('CONCEDE', 'The Egyptian government eased restrictions on foreign journalists.'),
    ('CONCEDE', 'The Burmese junta lifted its ban on opposition parties.'),
    ('CONCEDE', 'The Thai government dropped charges against the protest leaders.'),
    ('CONCEDE', "The Bolivian president agreed to the protesters' demand for a referendum."),
    ('RETREAT', 'The Tunisian president resigned after weeks of protests.'),
    ('CONCEDE', 'The government yielded to demands to scrap the fuel tax.'),
    ('CONCEDE', 'The Algerian authorities granted the Berber language official status after years of demands.'),
    ('RETREAT', 'Iran released the two detained British sailors on Sunday.'),
    ('RETREAT', 'Russia returned the seized fishing boats to Japan.'),
    ('CONCEDE', 'The European Union lifted economic sanctions on Uzbekistan.'),
    ('RETREAT', 'North Korea allowed international inspectors into its nuclear site.'),
    ('RETREAT', 'Sudan allowed aid convoys to enter Darfur.'),
    ('AGREE', 'Burundi agreed to receive African Union peacekeepers.'),
    ('RETREAT', 'The Turkish army lifted its blockade of the Kurdish town.'),
    ('RETREAT', 'The rebels declared a ceasefire on Saturday.'),
    ('RETREAT', 'The government demobilized 5,000 militia fighters.'),
    ('RETREAT', 'Israeli forces withdrew from the southern Lebanese village.'),
    ('RETREAT', 'The rebel commander surrendered to government troops.'),
    ('CONCEDE', 'The authorities lifted the curfew in Kathmandu.'),
    ('CONCEDE', 'The Thai government lifted the state of emergency in Bangkok.'),
    ('ACCUSE', 'Prosecutors in Brazil opened an investigation into corruption at the state oil company.'),
    ('ACCUSE', 'The United Nations launched an inquiry into human rights abuses in Myanmar.'),
    ('ACCUSE', 'The International Criminal Court is investigating war crimes in Darfur.'),
    ('ACCUSE', 'The Mexican government condemned the attack on the consulate.'),
    ('ACCUSE', "The Chinese foreign ministry criticized Japan's defence policy."),
    ('ACCUSE', 'Pakistan accused India of sponsoring terrorism.'),
    ('ACCUSE', 'Amnesty International accused the Ethiopian army of torturing prisoners.'),
    ('ACCUSE', 'Ukraine accused Russia of aggression in the Black Sea.'),
    ('ACCUSE', 'Iran accused the British diplomat of espionage.'),
    ('ACCUSE', 'Greece lodged a formal complaint with Turkey over the airspace violations.'),
    ('ACCUSE', 'Argentina filed a lawsuit against the American hedge funds.'),
    ('SANCTION', 'A Dutch court found the Serbian commander guilty of genocide.'),
    ('ACCUSE', "The opposition leader denounced the government's handling of the crisis."),
    ('REQUEST', 'The Afghan president asked Pakistan for help in fighting the Taliban.'),
    ('REQUEST', 'Kenya appealed for international food aid for drought victims.'),
    ('REQUEST', 'Ukraine asked the United States for more air defence systems.'),
    ('REQUEST', 'The opposition demanded that the prime minister resign.'),
    ('REQUEST', 'The European Union urged Hungary to change its media law.'),
    ('REQUEST', 'Human rights groups called on Egypt to free political prisoners.'),
    ('REQUEST', 'The United Nations urged both sides to stop the fighting.'),
    ('REQUEST', 'Russia demanded that NATO lift restrictions on its diplomats.'),
    ('REQUEST', 'The Arab League called for talks between the two Yemeni factions.'),
    ('REQUEST', 'Pakistan asked the United Nations to mediate the Kashmir dispute.'),
    ('REQUEST', 'The Irish government requested the extradition of the suspect from Spain.'),
    ('REJECT', 'North Korea rejected the South Korean proposal for talks.'),
    ('REJECT', 'The Israeli government refused to release the Palestinian prisoners.'),
    ('REJECT', 'Venezuela rejected the demand for new elections.'),
    ('REJECT', 'The president refused to step down despite the protests.'),
    ('REJECT', 'The Syrian government refused to allow UN inspectors into the site.'),
    ('REJECT', 'Russia vetoed the Security Council resolution on Syria.'),
    ('REJECT', 'The Hungarian government defied the European court ruling.'),
    ('REJECT', 'Turkey rejected the mediation offer from France.'),
    ('REJECT', 'The rebels rejected the peace plan drawn up by the African Union.'),
    ('REJECT', 'The Cuban government refused to ease its restrictions on dissidents.'),
    ('THREATEN', 'The United States threatened to cut aid to Egypt.'),
    ('THREATEN', 'The European Union threatened to impose sanctions on Belarus.'),
    ('THREATEN', 'Ankara threatened to break off diplomatic relations with Vienna.'),
    ('THREATEN', 'The junta threatened to ban the opposition party.'),
    ('THREATEN', 'The union threatened to strike if wages were not raised.'),
    ('THREATEN', 'The rebels threatened to pull out of the peace talks.'),
    ('THREATEN', 'The government threatened to expel the UN mission.'),
    ('THREATEN', 'The general warned that troops would crush any further protests.'),
    ('THREATEN', 'China warned it would use force against Taiwan.'),
    ('THREATEN', 'Iran threatened to close the Strait of Hormuz.'),
    ('THREATEN', 'North Korea threatened a nuclear strike on the United States.'),
    ('THREATEN', 'The Kenyan government gave the rebels an ultimatum to disarm within a week.'),
    ('PROTEST', 'Thousands of people demonstrated in Caracas against the government.'),
    ('PROTEST', "Opposition supporters rallied in Kampala to demand the president's resignation."),
    ('PROTEST', 'Political prisoners in Turkey went on hunger strike.'),
    ('PROTEST', 'Teachers in Nigeria went on strike over unpaid salaries.'),
    ('PROTEST', 'The opposition boycotted the parliamentary elections.'),
    ('PROTEST', 'Farmers blocked the main highway into Paris with tractors.'),
    ('PROTEST', 'Rioters torched cars and looted shops in the capital.'),
    ('PROTEST', 'Students marched through Santiago to demand free education.'),
    ('MOBILIZE', 'Police in Lagos were put on high alert ahead of the election.'),
    ('MOBILIZE', 'The Pakistani army raised its alert level along the border.'),
    ('MOBILIZE', 'India deployed thousands of extra troops to Kashmir.'),
    ('MOBILIZE', 'The Russian army called up 300,000 reservists.'),
    ('MOBILIZE', 'China massed troops along the border with Vietnam.'),
    ('SANCTION', 'Canada cut diplomatic ties with Iran.'),
    ('SANCTION', 'The United States suspended military aid to Egypt.'),
    ('SANCTION', 'Germany halted development aid to Burundi.'),
    ('SANCTION', 'The rebels walked out of the peace talks in Geneva.'),
    ('SANCTION', 'Mali expelled the French ambassador.'),
    ('SANCTION', 'The government expelled the UN human rights monitors.'),
    ('SANCTION', 'Eritrea ordered the aid agencies to leave the country.'),
    ('SANCTION', 'Britain recalled its ambassador from Moscow.'),
    ('SANCTION', 'The European Union imposed sanctions on Russian banks.'),
    ('COERCE', "The army seized the opposition leader's property."),
    ('COERCE', "The authorities confiscated the newspaper's printing presses."),
    ('COERCE', 'The government banned the main opposition party.'),
    ('COERCE', 'The authorities imposed a curfew in the city.'),
    ('COERCE', 'The president declared martial law in the province.'),
    ('COERCE', 'Police arrested the opposition leader in Minsk.'),
    ('SANCTION', 'Russia deported three Estonian diplomats.'),
    ('COERCE', 'The Israeli navy imposed a blockade on the Gaza Strip.'),
    ('COERCE', 'Turkish troops occupied the northern part of the island.'),
    ('COERCE', 'The government blocked access to social media sites.'),
    ('COERCE', 'Police detained dozens of journalists in Istanbul.'),
    ('ASSAULT', 'Rebels abducted 20 schoolchildren in northern Nigeria.'),
    ('ASSAULT', 'Gunmen hijacked a bus carrying pilgrims.'),
    ('ASSAULT', 'Soldiers beat the protesters with batons.'),
    ('ASSAULT', 'The militia tortured the captured soldiers.'),
    ('ASSAULT', 'A suicide bomber blew himself up at a checkpoint in Baghdad.'),
    ('ASSAULT', 'A car bomb exploded outside the police station in Kabul, killing ten people.'),
    ('ASSAULT', 'A roadside bomb killed three soldiers in Helmand.'),
    ('ASSAULT', 'Gunmen tried to assassinate the governor of the province.'),
    ('ASSAULT', 'The opposition leader was assassinated in Beirut.'),
    ('ASSAULT', 'Security forces opened fire on protesters in Khartoum, killing 12.'),
    ('ASSAULT', 'Troops exchanged fire with rebels near the border.'),
    ('ASSAULT', 'The army shelled rebel positions with artillery.'),
    ('ASSAULT', 'Russian warplanes bombed targets in Idlib.'),
    ('ASSAULT', 'Both sides violated the ceasefire on Sunday.'),
    ('ASSAULT', 'Militias massacred dozens of villagers in Ituri.'),
    ('ASSAULT', 'Government forces used chemical weapons against the rebel-held town.'),
    ('ASSAULT', "The militia destroyed the village's water supply."),
    ('ASSAULT', 'Soldiers expelled thousands of ethnic Albanians from their villages.'),
    ('ASSAULT', 'Israeli warplanes struck targets in Gaza.'),
]

# Measured on this set when the floor was set (148 of 155). Floors only rise.
CODEBOOK_FLOOR = 0.95


def _top(text: str) -> str | None:
    evs = sorted(asserted(text), key=lambda e: -e.confidence)
    return evs[0].type if evs else None


def test_the_codebook_forms_get_their_plover_type() -> None:
    wrong = [(want, text, _top(text)) for want, text in CODEBOOK if _top(text) != want]
    share = 1 - len(wrong) / len(CODEBOOK)
    assert share >= CODEBOOK_FLOOR, f"{share:.3f} < {CODEBOOK_FLOOR}; wrong: {wrong}"


def _roles(text: str, type_: str) -> tuple[str | None, str | None]:
    e = first(text, type_)
    return (e.actor.country if e.actor else None), (e.recipient.country if e.recipient else None)


@pytest.mark.parametrize("text, type_, pair", [
    ("Armenian and Azerbaijani officials met in Geneva.", "CONSULT", {"ARM", "AZE"}),
    ("Officials from Armenia and Azerbaijan met in Geneva to discuss a peace treaty.", "CONSULT", {"ARM", "AZE"}),
    ("U.S. and Russian negotiators held talks in Geneva.", "CONSULT", {"USA", "RUS"}),
    ("Indian and Pakistani troops clashed along the border.", "ASSAULT", {"IND", "PAK"}),
])
def test_a_group_word_with_two_countries_is_two_sides(text: str, type_: str, pair: set[str]) -> None:
    e = first(text, type_)
    assert e.actor is not None and e.recipient is not None
    assert {e.actor.country, e.recipient.country} == pair
    assert "one-per-country" in e.rule


def test_two_countries_on_one_group_word_act_each_on_the_target() -> None:
    evs = [e for e in asserted("American and British warplanes struck targets in Iraq.") if e.type == "ASSAULT"]
    assert {(e.actor.country if e.actor else None) for e in evs} == {"USA", "GBR"}
    assert {(e.recipient.country if e.recipient else None) for e in evs} == {"IRQ"}


def test_one_country_on_a_group_word_stays_one_side() -> None:
    assert _roles("Iranian officials met Iraqi leaders.", "CONSULT") == ("IRN", "IRQ")


def test_an_apology_to_a_party_supports_it() -> None:  # CAMEO 055
    assert _roles("Japan apologized to South Korea for its wartime abuses.", "SUPPORT") == ("JPN", "KOR")
    assert "CONCEDE" not in {e.type for e in asserted("Japan apologized to South Korea for its wartime abuses.")}


@pytest.mark.parametrize("text, recipient", [
    ("Colombia pulled out of the talks with the rebels.", "COL"),
    ("Iran pulled out of the talks with the United States.", "USA"),
    ("The rebels walked out of the peace talks in Geneva.", None),
])
def test_leaving_talks_under_way_is_a_withdrawal(text: str, recipient: str | None) -> None:
    e = first(text, "SANCTION")
    assert e.mode == "withdraw"
    assert (e.recipient.country if e.recipient else None) == recipient or recipient is None


@pytest.mark.parametrize("text, type_", [
    ("Both sides violated the ceasefire on Sunday.", "ASSAULT"),
    ("Rebel fighters breached the truce near the airport.", "ASSAULT"),
    ("The rebels breached the ceasefire agreement with Colombia.", "REJECT"),
    ("A newspaper violated the ban on reporting the trial.", "REJECT"),
])
def test_a_broken_truce_is_force_other_rules_broken_are_rejected(text: str, type_: str) -> None:
    assert _top(text) == type_


def test_a_population_driven_from_its_homes_is_assaulted() -> None:
    e = first("Soldiers expelled thousands of ethnic Albanians from their villages.", "ASSAULT")
    assert e.actor is not None and e.actor.country is None  # an ethnic group's name is not the soldiers' state
    assert _top("Mali expelled the French ambassador.") == "SANCTION"


@pytest.mark.parametrize("text", [
    "Chile released the detained Bolivian truck drivers.",
    "The rebels freed the kidnapped aid workers on Sunday.",
])
def test_people_held_are_released(text: str) -> None:
    assert first(text, "RETREAT").mode == "release"


def test_military_equipment_sent_is_aid() -> None:
    assert _roles("The United States sent military equipment to the Lebanese army.", "AID") == ("USA", "LBN")


def test_an_international_body_acts_on_the_one_country_named() -> None:
    assert _roles("The United Nations sent peacekeepers to protect civilians in Haiti.", "AID")[1] == "HTI"
    assert _roles("The European Union praised the elections in Ghana.", "SUPPORT")[1] == "GHA"
