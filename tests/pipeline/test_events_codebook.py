"""The CAMEO codebook, one or more invented sentences per event form it lists (CAMEO2PLOVER-2021: "express intent to
mediate", "halt negotiations", "violate ceasefire", "engage in mass expulsion", ...), coded under the PLOVER
manual's conventions where the two differ (international sanctions and convictions are SANCTION, lifting a
curfew or a state of emergency CONCEDE, a resignation RETREAT). A figure over the whole set, with a floor, and
the readings added from the codebook one by one: coordinated countries on one group word are one side each, an
apology is SUPPORT, walking out of talks is a withdrawal from them, a broken truce is force, a population
driven from its homes is assaulted, the detained are released, military equipment sent is aid, and a body with
no country of its own acts on the one country named."""

from __future__ import annotations

import pytest
from english_coder import asserted, first, roles, top

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
    ('AGREE', 'The Kenyan foreign minister said his country would be ready to host peace talks between the two sides.'),
    ('AGREE', 'Norway has offered to send experts to help clear landmines in Angola.'),
    ('AGREE', 'The Indonesian government pledged to continue its support for the peace process in Aceh.'),
    ('AGREE', 'The two leaders agreed to resume direct flights between their capitals.'),
    ('AGREE', 'The rebels said they were willing to lay down their arms if the government guaranteed their safety.'),
    ('AGREE', 'Brazil will provide technical assistance to Haiti, the Brazilian foreign ministry said.'),
    ('AGREE', 'The Nigerian government has promised to release all political detainees by the end of the month.'),
    ('AGREE', 'The Palestinian leader accepted an invitation to visit Cairo next week.'),
    ('AGREE', 'The Chinese premier will travel to Moscow next week for talks with Russian leaders.'),
    ('CONSULT', 'The Egyptian president received the Jordanian king at his palace on Monday.'),
    ('CONSULT', 'Pakistani and Afghan officials held a meeting in Islamabad on border security.'),
    ('CONSULT', 'The French foreign minister arrived in Beirut on Sunday for a two-day visit.'),
    ('CONSULT', 'The Turkish president telephoned his Iranian counterpart to discuss the crisis.'),
    ('CONSULT', 'Delegations from the two Koreas met at the border village of Panmunjom.'),
    ('CONSULT', 'The British envoy held consultations with Kenyan officials in Nairobi.'),
    ('SUPPORT', 'The Arab League expressed its support for the Lebanese government.'),
    ('SUPPORT', 'The Indian prime minister congratulated the new Sri Lankan president on his election victory.'),
    ('SUPPORT', 'The Vatican welcomed the peace agreement signed by the Colombian government and the rebels.'),
    ('SUPPORT', 'The Cuban government voiced solidarity with the people of Venezuela.'),
    ('SUPPORT', 'Russia backed the Serbian position on Kosovo.'),
    ('SUPPORT', 'Several African states recognised the new government in Tripoli.'),
    ('SUPPORT', 'Japan and South Korea signed a treaty normalizing relations.'),
    ('COOPERATE', 'Colombian and Ecuadorian troops launched a joint operation against drug traffickers.'),
    ('COOPERATE', 'The police forces of Spain and France arrested members of the group in a joint raid.'),
    ('COOPERATE', 'Kenya handed over the terrorism suspect to American authorities.'),
    ('SUPPORT', 'The two countries signed an agreement to cooperate in the fight against drug trafficking.'),
    ('COOPERATE', 'The German and French governments have been coordinating their response to the crisis.'),
    ('AID', 'The European Union gave 10 million euros in humanitarian aid to Sudan.'),
    ('AID', 'Saudi Arabia donated $100 million to the Palestinian Authority.'),
    ('AID', 'Chinese engineers built a new hospital in Angola with Chinese funds.'),
    ('AID', 'American helicopters dropped food and water to villagers cut off by the floods in Mozambique.'),
    ('AID', 'The World Food Programme distributed rice to refugees in Chad.'),
    ('AID', 'Russia supplied the Syrian army with fighter jets.'),
    ('AID', 'Ecuador granted political asylum to the former Peruvian president.'),
    ('CONCEDE', 'The Chinese authorities eased the restrictions on foreign reporters.'),
    ('CONCEDE', "The government agreed to the strikers' demands for higher pay."),
    ('CONCEDE', 'The union called off its planned general strike after the government agreed to talks.'),
    ('CONCEDE', 'The military junta lifted the ban on political parties.'),
    ('CONCEDE', 'The court acquitted the opposition leader of all charges.'),
    ('CONCEDE', 'The president pardoned 200 political prisoners.'),
    ('CONCEDE', 'The Iranian parliament repealed the law on press restrictions.'),
    ('RETREAT', 'The rebels freed 30 hostages on Wednesday.'),
    ('RETREAT', 'Israel released 200 Palestinian prisoners on Tuesday.'),
    ('RETREAT', 'Russian troops pulled out of the Georgian port of Poti.'),
    ('RETREAT', 'The rebels handed over their weapons to United Nations peacekeepers.'),
    ('RETREAT', 'The army ended its siege of the rebel stronghold.'),
    ('RETREAT', 'The Iraqi government allowed United Nations weapons inspectors to resume their work.'),
    ('RETREAT', 'The Sudanese government opened the border crossing to allow aid convoys into Darfur.'),
    ('RETREAT', 'Thousands of rebel fighters surrendered their weapons to the army.'),
    ('ACCUSE', "The European Commission opened an inquiry into the bank's dealings with Iran."),
    ('ACCUSE', 'A parliamentary committee is investigating allegations of torture by the police.'),
    ('ACCUSE', 'Human Rights Watch accused the Sri Lankan army of shelling civilians.'),
    ('ACCUSE', 'The Iraqi government blamed Al Qaeda for the bombing.'),
    ('ACCUSE', 'The Israeli foreign ministry denounced the United Nations report as biased.'),
    ('ACCUSE', 'Prosecutors charged the former minister with corruption.'),
    ('ACCUSE', 'The opposition leader criticised the government for its handling of the economy.'),
    ('ACCUSE', 'The United Nations sent investigators to examine reports of mass graves in Congo.'),
    ('REQUEST', 'The Lebanese prime minister appealed to the international community for aid.'),
    ('REQUEST', 'Iraq asked Turkey to withdraw its troops from northern Iraq.'),
    ('REQUEST', 'The United States urged North Korea to return to the negotiating table.'),
    ('REQUEST', 'The Kenyan government called for an immediate ceasefire in Somalia.'),
    ('REQUEST', 'The families of the hostages pleaded with the kidnappers to release them.'),
    ('REQUEST', 'The opposition demanded the resignation of the interior minister.'),
    ('REQUEST', 'The Pope called on world leaders to help the refugees.'),
    ('REQUEST', 'The Mexican government requested the extradition of the drug lord from the United States.'),
    ('REJECT', 'The Serbian government rejected the international peace plan.'),
    ('REJECT', 'Iran refused to suspend uranium enrichment.'),
    ('REJECT', 'The military government turned down the request for a visit by United Nations investigators.'),
    ('REJECT', 'The rebels have ruled out any negotiations with the government.'),
    ('REJECT', 'The Syrian president dismissed the accusations as lies.'),
    ('REJECT', 'Israel said it would not accept any international force in the area.'),
    ('REJECT', 'The Chinese government denied entry to the American congressional delegation.'),
    ('REJECT', 'The president vetoed the bill passed by parliament.'),
    ('THREATEN', 'The Indian army chief warned Pakistan of a crushing response to any attack.'),
    ('THREATEN', 'The militants threatened to kill the hostages unless their demands were met.'),
    ('THREATEN', 'The United States warned Syria that it would face consequences if it used chemical weapons.'),
    ('THREATEN', 'The opposition threatened to boycott the elections unless the electoral commission was reformed.'),
    ('THREATEN', 'Russia threatened to cut off gas supplies to Ukraine.'),
    ('THREATEN', 'The junta warned journalists that they would be arrested if they criticised the government.'),
    ('THREATEN', 'The rebel leader threatened to attack the capital.'),
    ('PROTEST', 'Thousands of workers went on strike in Seoul to protest against the labour law.'),
    ('PROTEST', 'Hundreds of students staged a sit-in outside the parliament building in Dhaka.'),
    ('PROTEST', 'Protesters clashed with police outside the American embassy in Manila.'),
    ('PROTEST', "Tens of thousands of people took to the streets of Belgrade to demand the president's resignation."),
    ('PROTEST', 'Opposition lawmakers walked out of parliament in protest at the budget.'),
    ('PROTEST', 'Inmates at the prison began a hunger strike to protest their conditions.'),
    ('PROTEST', 'Taxi drivers blockaded the roads leading to the airport.'),
    ('MOBILIZE', 'Turkey moved tanks and troops to its border with Syria.'),
    ('MOBILIZE', 'The Chinese navy sent warships to the disputed islands.'),
    ('MOBILIZE', 'The government declared a state of alert and put the army on standby.'),
    ('MOBILIZE', 'The United States deployed two aircraft carriers to the Persian Gulf.'),
    ('MOBILIZE', 'Police were deployed in large numbers around the capital ahead of the protests.'),
    ('MOBILIZE', 'North Korea test-fired two ballistic missiles on Sunday.'),
    ('SANCTION', 'The United States imposed new sanctions on Iranian oil companies.'),
    ('SANCTION', "The African Union suspended Mali's membership after the coup."),
    ('SANCTION', 'Australia froze all military cooperation with Fiji.'),
    ('SANCTION', 'Britain closed its embassy in Damascus and withdrew its diplomats.'),
    ('SANCTION', 'The World Bank halted lending to the country after the coup.'),
    ('SANCTION', 'The Commonwealth expelled Zimbabwe from the organization.'),
    ('COERCE', 'The government cancelled the licence of the independent television station.'),
    ('COERCE', 'Police raided the offices of the opposition newspaper and seized computers.'),
    ('COERCE', 'The authorities shut down the independent radio station.'),
    ('COERCE', 'Security forces rounded up hundreds of suspected militants in the city.'),
    ('COERCE', 'The government imposed a state of emergency in the eastern provinces.'),
    ('COERCE', 'Troops sealed off the town and began house-to-house searches.'),
    ('SANCTION', 'The court sentenced the journalist to five years in prison.'),
    ('COERCE', 'The army confiscated the land of the villagers.'),
    ('COERCE', 'The Chinese authorities blocked access to foreign news websites.'),
    ('ASSAULT', 'Government troops killed 30 rebels in fighting near the border.'),
    ('ASSAULT', 'Gunmen opened fire on a bus carrying pilgrims, killing seven people.'),
    ('ASSAULT', 'Israeli tanks shelled the Palestinian town.'),
    ('ASSAULT', 'Rebels ambushed an army convoy in the north of the country.'),
    ('ASSAULT', 'A bomb exploded in a crowded market in Peshawar, killing 20 people.'),
    ('ASSAULT', 'Militants kidnapped two foreign aid workers in Darfur.'),
    ('ASSAULT', 'NATO aircraft bombed Serbian positions around Sarajevo.'),
    ('ASSAULT', 'The militia burned down dozens of homes in the village.'),
    ('ASSAULT', 'Unidentified gunmen shot dead a local politician in Karachi.'),
    ('ASSAULT', 'Government forces launched an offensive against rebel positions in the east.'),
]

# Measured on this set when the floor was set (262 of 273). Floors only rise.
CODEBOOK_FLOOR = 0.95


def test_the_codebook_forms_get_their_plover_type() -> None:
    wrong = [(want, text, top(text)) for want, text in CODEBOOK if top(text) != want]
    share = 1 - len(wrong) / len(CODEBOOK)
    assert share >= CODEBOOK_FLOOR, f"{share:.3f} < {CODEBOOK_FLOOR}; wrong: {wrong}"


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
    assert roles("Iranian officials met Iraqi leaders.", "CONSULT") == ("IRN", "IRQ")


def test_an_apology_to_a_party_supports_it() -> None:  # CAMEO 055
    assert roles("Japan apologized to South Korea for its wartime abuses.", "SUPPORT") == ("JPN", "KOR")
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
    assert top(text) == type_


def test_a_population_driven_from_its_homes_is_assaulted() -> None:
    e = first("Soldiers expelled thousands of ethnic Albanians from their villages.", "ASSAULT")
    assert e.actor is not None and e.actor.country is None  # an ethnic group's name is not the soldiers' state
    assert top("Mali expelled the French ambassador.") == "SANCTION"
    assert top("The army forced out hundreds of villagers from their homes near the border.") == "ASSAULT"
    assert first("Police forced out the squatters.", "COERCE").mode == "deport"


@pytest.mark.parametrize("text", [
    "Chile released the detained Bolivian truck drivers.",
    "The rebels freed the kidnapped aid workers on Sunday.",
])
def test_people_held_are_released(text: str) -> None:
    assert first(text, "RETREAT").mode == "release"


def test_military_equipment_sent_is_aid() -> None:
    assert roles("The United States sent military equipment to the Lebanese army.", "AID") == ("USA", "LBN")


def test_an_international_body_acts_on_the_one_country_named() -> None:
    assert roles("The United Nations sent peacekeepers to protect civilians in Haiti.", "AID")[1] == "HTI"
    assert roles("The European Union praised the elections in Ghana.", "SUPPORT")[1] == "GHA"


@pytest.mark.parametrize("text, type_, mode, recipient", [
    ("The Kenyan government called for an immediate ceasefire in Somalia.", "REQUEST", "yield", "SOM"),  # CAMEO 1056
    ("The Egyptian president received the Jordanian king at his palace on Monday.", "CONSULT", "visit", "JOR"),
    ("The army ended its siege of the rebel stronghold.", "RETREAT", "withdraw", None),
    ("American helicopters dropped food and water to villagers in Mozambique.", "AID", None, None),
    ("The World Food Programme distributed rice to refugees in Chad.", "AID", None, None),
    ("The government cancelled the licence of the independent television station.", "COERCE", "censor", None),
    ("The World Bank halted lending to Kenya after the coup.", "SANCTION", "discontinue", "KEN"),
    ("Opposition lawmakers walked out of parliament in protest at the budget.", "PROTEST", None, None),
])
def test_more_codebook_readings(text: str, type_: str, mode: str | None, recipient: str | None) -> None:
    assert top(text) == type_
    e = first(text, type_)
    if mode:
        assert e.mode == mode
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


def test_bombs_dropped_stay_force() -> None:
    assert top("Warplanes dropped bombs on the rebel positions near Idlib.") == "ASSAULT"
