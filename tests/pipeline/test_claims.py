"""Numeric claims: quantities, qualifiers, units, attribution and citations on wire-style sentences."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.pipeline import build
from storyline.pipeline.claims import attribution

CLAIMS = build(["segment", "claims"], given=("text",))

# (sentence, [(value, qualifier, text the unit must contain)]) — every quantity, in order.
QUANTITIES = [
    ("Israeli airstrikes killed at least 45 people in the southern city overnight, the health ministry said.",
     [(45, "at least", "people killed")]),
    ("The Pentagon said more than 2,500 troops would be deployed to the border by the end of the month.",
     [(2500, "more than", "troops")]),
    ("Officials estimated the cost of the operation at $1.5 billion.", [(1.5e9, None, "usd")]),
    ("Inflation rose to 4.2% in October, according to the national statistics agency.", [(4.2, None, "%")]),
    ("Nearly 3 million Venezuelans have left the country since 2015, the United Nations refugee agency reported.",
     [(3e6, "nearly", "venezuelans")]),
    ("The coast guard seized 1,200 kilograms of cocaine from two vessels off the coast of Colombia.",
     [(1200, None, "kilograms"), (2, None, "vessels")]),
    ("Between 80 and 83 people were killed in the attack, local officials said.", [(80, None, "people killed")]),
    ("Some 10,000 National Guard troops have been sent to the region.", [(10000, "some", "troops")]),
    ("Dozens of migrants were detained at the crossing on Tuesday.", [(12, "more than", "migrants")]),
    ("The ministry said 14 soldiers were wounded in the ambush.", [(14, None, "soldiers wounded")]),
    ("About 60 percent of respondents said they opposed military action.", [(60, "about", "%")]),
    ("Authorities have arrested 37 suspects in connection with the killings since January.",
     [(37, None, "suspects")]),
    ("The agency reported fewer than 300 overdose deaths in the state last year.", [(300, "fewer than", "deaths")]),
    ("The United States has deployed eight warships and a nuclear-powered submarine to the Caribbean.",
     [(8, None, "warships")]),
    ("Washington will provide up to $400 million in security assistance, the State Department said.",
     [(4e8, "up to", "usd")]),
    ("A dozen boats were struck in international waters, according to a Defense Department statement.",
     [(12, None, "boats")]),
    ("The strike killed three people and wounded two others, police said.",
     [(3, None, "people killed"), (2, None, "wounded")]),
    ("Tariffs of 25% on Mexican imports took effect on Feb. 4.", [(25, None, "%")]),
    ("The bill allocates $2.1bn for border security over five years.", [(2.1e9, None, "usd")]),
    ("More than 1,000 people marched through the capital on Sunday, organisers said.",
     [(1000, "more than", "people")]),
    ("Roughly 40% of the fentanyl seized at the border last year was found in passenger vehicles.",
     [(40, "roughly", "%")]),
    ("The navy said it had intercepted 17 semi-submersible vessels carrying 30 tons of cocaine.",
     [(17, None, "vessels"), (30, None, "tons")]),
    ("Mexico's security cabinet said 4,500 National Guard members had been sent to Sinaloa state.",
     [(4500, None, "members")]),
    ("At least 120 people were killed and 300 injured when the dam collapsed.",
     [(120, "at least", "people killed"), (300, None, "injured")]),
    ("Hundreds of thousands of people have fled the fighting, the UN said.", [(100000, "more than", "people")]),
    ("The government says some 2.7 million barrels of oil a day are exported.", [(2.7e6, "some", "barrels")]),
    ("Troops fired nearly 200 rounds during the two-hour clash, the report said.", [(200, "nearly", "rounds")]),
    ("Officials confirmed the deaths of 11 migrants whose boat capsized off Lampedusa.", [(11, None, "migrants")]),
    ("The cartel is believed to control as many as 40 clandestine airstrips in the region.",
     [(40, "as many as", "airstrips")]),
    ("Police seized 3.5 tonnes of methamphetamine and arrested 12 people in a raid on Tuesday.",
     [(3.5, None, "tonnes"), (12, None, "people arrested")]),
    ("The White House said the president would host leaders from 35 countries at the summit.",
     [(35, None, "countries")]),
    ("The fund's assets fell by 12 per cent to €3.2 billion.", [(12, None, "%"), (3.2e9, None, "eur")]),
    ("Unemployment stood at 3.9 percent in March, the Labor Department reported.", [(3.9, None, "%")]),
    ("An estimated 70,000 Americans died of drug overdoses involving synthetic opioids in 2023.",
     [(70000, "an estimated", "americans")]),
    ("Two Marines were injured in the training accident, the Corps said.", [(2, None, "marines")]),
    ("The European Union pledged €500 million in humanitarian aid.", [(5e8, None, "eur")]),
    ("Nearly half of the 4,000 detainees had not been charged, lawyers said.", [(4000, None, "detainees")]),
    ("The earthquake, which struck at 3:42 a.m., killed 250 people.", [(250, None, "people killed")]),
    ("Japan's defense ministry said China sent 71 aircraft and nine ships near Taiwan in 24 hours.",
     [(71, None, "aircraft"), (9, None, "ships")]),
    ("The company cut 1,500 jobs, or about 8% of its workforce.", [(1500, None, "jobs"), (8, "about", "%")]),
    ("Protesters blocked 14 highways across four states on Monday.", [(14, None, "highways"), (4, None, "states")]),
    ("In 2019, 12 people were killed in a similar attack.", [(12, None, "people killed")]),
    ("The U.S. has offered a reward of up to $15 million for information leading to his arrest.",
     [(1.5e7, "up to", "usd")]),
    ("Washington designated eight groups as foreign terrorist organizations in February.", [(8, None, "groups")]),
    ("Tens of thousands of troops massed near the frontier, satellite images showed.",
     [(10000, "more than", "troops")]),
    ("President Trump said 300,000 Americans died from fentanyl every year.", [(300000, None, "americans")]),
    ("Prosecutors charged 28 members of the gang with trafficking, the attorney general's office said.",
     [(28, None, "members")]),
    ("The company said the attack affected roughly 1.2m customers.", [(1.2e6, "roughly", "customers")]),
    ("Over 5,000 people were evacuated from coastal towns ahead of the storm.", [(5000, "over", "people")]),
    ("Officials said 2000 troops were on standby.", [(2000, None, "troops")]),
    ("Roughly 13,000 US troops remain in the country, officials said.", [(13000, "roughly", "troops")]),
    ("The measure passed with 52 votes in the 100-seat chamber.", [(52, None, "votes"), (100, None, "seat")]),
    ("Rescuers pulled two dozen survivors from the rubble.", [(24, None, "survivors")]),
    ("Nearly half a million people lost power after the strikes.", [(500000, "nearly", "people")]),
]

NOT_QUANTITIES = [
    "The president will travel to Mexico City on Nov. 27 for talks.",
    "The agreement was first signed in 1994 and renegotiated in 2018.",
    "He served a second term from 2017 to 2021.",
    "Table 1 lists the main cartels operating in the region.",
    "See section 2 of the report for details.",
    "One of the officers later resigned.",
    "The F-35 squadron returned to base after 20 years of service.",
    "The 19th-century war still shapes relations between the neighbours.",
    "The COVID-19 pandemic disrupted supply chains.",
    "He was born on 14 July 1965 in Monterrey.",
    "The meeting is scheduled for 10:30 a.m. on Tuesday.",
    "The 45-year-old suspect was detained at the airport.",
    "The G7 leaders met in Italy.",
    "Would 20 strikes change anything?",
    "The Five Eyes alliance shares intelligence on the cartels.",
    "Executive Order 14157 took effect in January.",
    "No one was hurt, the fire department said.",
    "The law was passed two decades ago.",
    "The 9/11 attacks reshaped U.S. security policy.",
    "The government declared a war on drugs 20 years ago.",
]


def _claims(text: str) -> Document:
    return CLAIMS(Document(source="test", text=text, language="en"))


@pytest.mark.parametrize(("sentence", "expected"), QUANTITIES)
def test_quantities(sentence: str, expected: list[tuple[float, str | None, str]]) -> None:
    doc = _claims(sentence)
    got = [q for claim in doc.claims for q in claim.quantities]
    assert len(got) == len(expected), got
    for q, (value, qualifier, unit) in zip(got, expected, strict=True):
        assert q.value == pytest.approx(value)
        assert q.qualifier == qualifier
        assert unit in f"{q.unit} {q.phrase}".lower()
        assert q.phrase in sentence


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(sentence: str) -> None:
    assert _claims(sentence).claims == []


def test_range_sets_upper() -> None:
    (q,) = _claims("Between 80 and 83 people were killed in the attack.").claims[0].quantities
    assert (q.value, q.upper, q.phrase) == (80, 83, "Between 80 and 83 people were killed")
    (q,) = _claims("The blast wounded 30-40 soldiers at the base.").claims[0].quantities
    assert (q.value, q.upper) == (30, 40)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Inflation rose to 4.2% in October, according to the national statistics agency.",
         "national statistics agency"),
        ("The Pentagon said more than 2,500 troops would be deployed.", "Pentagon"),
        ("At least 12 people died, Mexican officials said.", "Mexican officials"),
        ("The strike killed 11 people, said Defense Secretary Pete Hegseth.", "Defense Secretary Pete Hegseth"),
        ("But Trump told reporters that 25 boats had been destroyed.", "Trump"),
        ("Some 400 troops were deployed, according to Reuters.", "Reuters"),
        ("Jeff Smith, a professor at the university, estimated that 3,000 people had fled.", "Jeff Smith"),
        ("He said 40 people were killed.", None),
        ("The report said 40 people were killed.", None),
        ("Forty people were killed in the attack.", None),
    ],
)
def test_attribution(sentence: str, who: str | None) -> None:
    doc = _claims(sentence)
    assert len(doc.claims) == 1
    assert doc.claims[0].attributed_to == who
    assert attribution(sentence)[0] == who


@pytest.mark.parametrize(
    ("sentence", "markers"),
    [
        ("Trump threatened land strikes against the cartels, killing 80 people [[1], [4]].", [1, 4]),
        ("The navy sank 14 boats [6].", [6]),
        ("The navy sank 14 boats [2, 5].", [2, 5]),
        ("The navy sank 14 boats [2-4].", [2, 3, 4]),
        ("The navy sank 14 boats.¹²", [12]),
        ("The navy sank 14 boats.", []),
    ],
)
def test_claim_citations(sentence: str, markers: list[int]) -> None:
    (claim,) = _claims(sentence).claims
    assert claim.citations == markers
    assert [q.value for q in claim.quantities] == ([80] if "80" in sentence else [14])


def test_reference_list_numbers_are_not_claims() -> None:
    text = ("The strikes killed at least 80 people [1].\n\nReferences\n\n"
            "[1] Council on Foreign Relations. “Ten things to know about 50 cartels.” 2024.\n\n"
            "[2] Reuters. “Mexico deploys 10,000 troops.”")
    doc = _claims(text)
    assert [c.text for c in doc.claims] == ["The strikes killed at least 80 people [1]."]
    claim = doc.claims[0]
    assert doc.text[claim.span.start : claim.span.end] == claim.text
    assert claim.rule.startswith("claims:quantity")


# A whole article body, paragraph by paragraph: every number it states is found with its unit and qualifier.
ARTICLE = "\n\n".join([
    "Gunmen killed at least 14 people in an attack on a bar in Culiacán on Saturday, state prosecutors said.",
    "More than 10,000 National Guard troops have been sent to the northern border since February.",
    "The United States has offered a reward of up to $15 million for information leading to his arrest.",
    "Homicides in the state fell by nearly 40 percent last year, according to government figures.",
    "The navy seized about 3.5 tons of cocaine from a semi-submersible off the Pacific coast.",
])


def test_every_number_of_an_article_body() -> None:
    found = [(q.value, q.qualifier, q.unit) for c in CLAIMS(Document(source="t", text=ARTICLE)).claims
             for q in c.quantities]
    assert found == [(14, "at least", "people killed"), (10000, "more than", "troops"), (15e6, "up to", "USD"),
                     (40, "nearly", "%"), (3.5, "about", "tons")]
