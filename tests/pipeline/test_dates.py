"""Temporal expressions on wire-style sentences: what must be found, what it resolves to, and what is not a date."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import to_document
from storyline.model import Document, RawInput
from storyline.pipeline import build
from storyline.pipeline.dates import DateMention, find_dates, parse_date_string

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

TUE = "2025-11-18"  # a Tuesday
MON = "2025-11-17"  # a Monday
SUN = "2025-02-16"  # a Sunday


def E(text: str, value: str | None, precision: str | None, end: str | None = None, rng: bool = False) -> tuple:
    return (text, value, precision, end, rng)


def got(mentions: list[DateMention]) -> list[tuple]:
    return [(m.text, m.value, m.precision, m.end_value, m.is_range) for m in mentions]


# (publication date, its precision, sentence, every mention expected in order)
CASES = [
    # absolute
    (SUN, "day", "On Nov. 27, President-elect Donald Trump held his first phone call with the Mexican president.",
     [E("Nov. 27", "2024-11-27", "day")]),
    (SUN, "day", "Washington agreed to pause the tariffs on Feb. 3 after Mexico pledged to send troops to the border.",
     [E("Feb. 3", "2025-02-03", "day")]),
    (None, None, "The ministry said the agreement was signed on February 16, 2025, in Geneva.",
     [E("February 16, 2025", "2025-02-16", "day")]),
    (None, None, "The decree, dated 16 February 2025, took effect immediately, the gazette said.",
     [E("16 February 2025", "2025-02-16", "day")]),
    (None, None, "According to the court filing (2025-02-16), the company denied the allegations.",
     [E("2025-02-16", "2025-02-16", "day")]),
    (None, None, "The Mérida Initiative, launched in 2007, funded training for police and prosecutors.",
     [E("2007", "2007", "year")]),
    (None, None, "The network said the interview aired in January 2026.",
     [E("January 2026", "2026-01", "month")]),
    (None, None, "Officials met on Sept. 5, 2024, in Washington to discuss fentanyl flows.",
     [E("Sept. 5, 2024", "2024-09-05", "day")]),
    (None, None, "The law took effect on 1 January 2024, the interior ministry said.",
     [E("1 January 2024", "2024-01-01", "day")]),
    (None, None, "The first raid took place on the 3rd of March 2022 near the border.",
     [E("3rd of March 2022", "2022-03-03", "day")]),
    (None, None, "The ruling was issued on 16/02/2025 by the federal court in Monterrey.",
     [E("16/02/2025", "2025-02-16", "day")]),
    (None, None, "Drug Enforcement Administration head Anne Milgram testified to Congress in 2023.",
     [E("2023", "2023", "year")]),
    (None, None, "The 2024 election returned the ruling party to power with a large majority.",
     [E("2024", "2024", "year")]),
    (None, None, "The figures appear in the agency's annual threat assessment (2023).",
     [E("2023", "2023", "year")]),
    (None, None, "Revised figures for 2024's first quarter showed a sharp fall in seizures.",
     [E("2024", "2024", "year")]),
    (TUE, "day", "By mid-2024, the group controlled most of the state's smuggling routes.",
     [E("2024", "2024", "year")]),
    (None, None, "Remittances fell in early 2025, the central bank reported.",
     [E("2025", "2025", "year")]),
    (TUE, "day", "Deportations doubled in 2023 and 2024, according to government data.",
     [E("2023", "2023", "year"), E("2024", "2024", "year")]),
    (TUE, "day", "The pact was signed on Nov. 17, 2025, in Geneva.",
     [E("Nov. 17, 2025", "2025-11-17", "day")]),
    # month or day without a year: the most recent one not after publication
    (SUN, "day", "In July, he threatened U.S. strikes if the Mexican government failed to act.",
     [E("July", "2024-07", "month")]),
    (SUN, "day", "In January, he signed an executive order designating five cartels as terrorist organizations.",
     [E("January", "2025-01", "month")]),
    (TUE, "day", "Since retaking office in January, the president has relied on executive orders.",
     [E("January", "2025-01", "month")]),
    (SUN, "day", "Negotiators met on Dec. 12 and again on Jan. 9 without reaching a deal.",
     [E("Dec. 12", "2024-12-12", "day"), E("Jan. 9", "2025-01-09", "day")]),
    (TUE, "day", "The ministry said the wall along the border was finished by the end of March.",
     [E("March", "2025-03", "month")]),
    (TUE, "day", "Tensions escalated last March, when the envoy was expelled.",
     [E("last March", "2025-03", "month")]),
    ("2025-03-10", "day", "Tensions escalated last March, when the envoy was expelled.",
     [E("last March", "2024-03", "month")]),
    (TUE, "day", "The ceasefire was announced on Sunday, Nov. 16, by both governments.",
     [E("Sunday, Nov. 16", "2025-11-16", "day")]),
    (SUN, "day", "The strikes were carried out on 14 February, the defence ministry said.",
     [E("14 February", "2025-02-14", "day")]),
    ("2016-04-05", "day", "Sanders challenged Clinton to a debate in Brooklyn on April 14.",
     [E("April 14", "2016-04-14", "day")]),
    ("2025-12-20", "day", "The run-off vote is set for Jan. 5, the electoral authority said.",
     [E("Jan. 5", "2026-01-05", "day")]),
    ("2019-06-12", "day", "Exports dropped to $4.1 billion from $6.8 billion as late as April of last year.",
     [E("April of last year", "2018-04", "month")]),
    (TUE, "day", "The mission is expected to run well into 2026, officials said.",
     [E("2026", "2026", "year")]),
    (None, None, "The tournament finals take place from 18 to 24 November.",
     [E("24 November", None, None)]),
    # weekdays
    (TUE, "day", "“It’s OK with me,” he told reporters at the Oval Office on Monday.",
     [E("Monday", "2025-11-17", "day")]),
    (TUE, "day", "The president said Monday that the talks would continue.",
     [E("Monday", "2025-11-17", "day")]),
    (MON, "day", "The foreign minister said on Monday that the ambassador had been recalled.",
     [E("Monday", "2025-11-17", "day")]),
    (TUE, "day", "The talks collapsed on Friday after the delegation walked out.",
     [E("Friday", "2025-11-14", "day")]),
    (TUE, "day", "Sheinbaum spoke with Trump by phone on Thursday, according to a statement.",
     [E("Thursday", "2025-11-13", "day")]),
    (TUE, "day", "Police said the suspect was arrested on Saturday night in Culiacán.",
     [E("Saturday", "2025-11-15", "day")]),
    (TUE, "day", "Troops were deployed to the northern border last Monday.",
     [E("last Monday", "2025-11-17", "day")]),
    (MON, "day", "Troops were deployed to the northern border last Monday.",
     [E("last Monday", "2025-11-10", "day")]),
    (TUE, "day", "The summit will be held next Monday in Mexico City.",
     [E("next Monday", "2025-11-24", "day")]),
    # relative phrases
    (TUE, "day", "Officials confirmed the strike yesterday, hours after the first reports.",
     [E("yesterday", "2025-11-17", "day")]),
    (TUE, "day", "The ministry said today it had summoned the U.S. ambassador.",
     [E("today", "2025-11-18", "day")]),
    (TUE, "day", "Yesterday's attack killed 12 people, the state prosecutor said.",
     [E("Yesterday", "2025-11-17", "day")]),
    (TUE, "day", "The General Assembly votes on the resolution tomorrow.",
     [E("tomorrow", "2025-11-19", "day")]),
    (TUE, "day", "Last week, the navy intercepted two vessels off the Pacific coast.",
     [E("Last week", "2025-11-10", "day", "2025-11-16", True)]),
    (TUE, "day", "Both delegations arrived in Brasília this week for the climate talks.",
     [E("this week", "2025-11-17", "day", "2025-11-23", True)]),
    (TUE, "day", "The two leaders will meet next week, a spokesperson said.",
     [E("next week", "2025-11-24", "day", "2025-11-30", True)]),
    (TUE, "day", "Mexico's central bank intervened in the currency market over the weekend.",
     [E("over the weekend", "2025-11-15", "day", "2025-11-16", True)]),
    (TUE, "day", "Exports fell 4 percent this year, the central bank said.",
     [E("this year", "2025", "year")]),
    (TUE, "day", "Inflation reached a two-decade peak last year.",
     [E("last year", "2024", "year")]),
    (TUE, "day", "The ministry announced earlier this month that it would expel the diplomats.",
     [E("earlier this month", "2025-11", "month")]),
    (TUE, "day", "Last month, lawmakers approved the security bill by a wide margin.",
     [E("Last month", "2025-10", "month")]),
    (TUE, "day", "The report, published two weeks ago, cited two government officials.",
     [E("two weeks ago", "2025-11-04", "day")]),
    (TUE, "day", "The government declared a war on drugs 20 years ago.",
     [E("20 years ago", "2005", "year")]),
    (TUE, "day", "The embassy issued the travel alert three days ago.",
     [E("three days ago", "2025-11-15", "day")]),
    (TUE, "day", "The agreement was reached six months ago after lengthy talks.",
     [E("six months ago", "2025-05", "month")]),
    (TUE, "day", "A year ago, the border crossing was calm.",
     [E("A year ago", "2024", "year")]),
    (TUE, "day", "Cartel violence in the state began in the 1990s.",
     [E("1990s", "1990", "year", "1999", True)]),
    # ranges
    (TUE, "day", "Since September, the military has carried out at least 20 strikes on boats.",
     [E("Since September", "2025-09", "month", None, True)]),
    (None, None, "Sales of the drug have tripled since 2019, the agency said.",
     [E("since 2019", "2019", "year", None, True)]),
    (TUE, "day", "Shipments rose between March and May, customs data showed.",
     [E("between March and May", "2025-03", "month", "2025-05", True)]),
    (None, None, "Homicides fell from 2019 to 2021, according to official figures.",
     [E("from 2019 to 2021", "2019", "year", "2021", True)]),
    (None, None, "The program ran from March 2019 to June 2021 before it was cancelled.",
     [E("from March 2019 to June 2021", "2019-03", "month", "2021-06", True)]),
    (SUN, "day", "The talks ran from November to February without a breakthrough.",
     [E("from November to February", "2024-11", "month", "2025-02", True)]),
    (None, None, "The agreement covered the years between March and May 2025.",
     [E("between March and May 2025", "2025-03", "month", "2025-05", True)]),
    ("2019-10-04", "day", "The exhibition runs from Oct. 4 through Oct. 13 at the museum.",
     [E("from Oct. 4 through Oct. 13", "2019-10-04", "day", "2019-10-13", True)]),
    ("2016-02-05", "day", "The poll was conducted between Monday and Feb. 3 among likely voters.",
     [E("between Monday and Feb. 3", "2016-02-01", "day", "2016-02-03", True)]),
    (SUN, "day", "Fuel prices have climbed since Feb. 20, the energy regulator said.",
     [E("since Feb. 20", "2024-02-20", "day", None, True)]),
    (None, None, "Reported cases rose between 2019 and 2021, the health ministry said.",
     [E("between 2019 and 2021", "2019", "year", "2021", True)]),
    (None, None, "The shooting happened on Friday, Jan. 3, 2020, police said.",
     [E("Friday, Jan. 3, 2020", "2020-01-03", "day")]),
    (None, None, "Murders peaked during the 2010–2012 offensive.",
     [E("2010–2012", "2010", "year", "2012", True)]),
    # publication date of month or year precision: only what it settles
    ("2025-11", "month", "In July, he threatened strikes against the cartels.",
     [E("July", "2025-07", "month")]),
    ("2025-11", "month", "The talks collapsed on Monday.", [E("Monday", None, None)]),
    # Before publication or at most a month after it, a day of the publication's own month is of its year.
    ("2025-11", "month", "Officials met on Nov. 3 in the capital.", [E("Nov. 3", "2025-11-03", "day")]),
    ("2025-11", "month", "Officials met on Oct. 3 in the capital.", [E("Oct. 3", "2025-10-03", "day")]),
    ("2025", "year", "Last year, exports to the United States rose sharply.", [E("Last year", "2024", "year")]),
    ("2025", "year", "In July, he threatened strikes against the cartels.", [E("July", None, None)]),
    # no publication date: relative and year-less stay unresolved, absolute still resolves
    (None, None, "The talks collapsed on Monday, two diplomats said.", [E("Monday", None, None)]),
    (None, None, "On Nov. 27, Trump called Sheinbaum.", [E("Nov. 27", None, None)]),
    (None, None, "In July, he threatened strikes against the cartels.", [E("July", None, None)]),
    (None, None, "The report was published two weeks ago.", [E("two weeks ago", None, None)]),
    (None, None, "Since September, the navy has stopped 20 boats.", [E("Since September", None, None, None, True)]),
    # Spanish
    (TUE, "day", "El presidente habló el lunes con su homólogo estadounidense.",
     [E("el lunes", "2025-11-17", "day")]),
    (TUE, "day", "La reunión se celebró el 16 de febrero de 2025 en la capital.",
     [E("16 de febrero de 2025", "2025-02-16", "day")]),
    (TUE, "day", "El acuerdo se firmó hace dos semanas en Washington.",
     [E("hace dos semanas", "2025-11-04", "day")]),
    (TUE, "day", "La violencia aumentó el año pasado en varios estados.",
     [E("el año pasado", "2024", "year")]),
    (TUE, "day", "Desde septiembre, la marina ha interceptado 20 lanchas.",
     [E("Desde septiembre", "2025-09", "month", None, True)]),
    (TUE, "day", "Los homicidios bajaron de 2019 a 2021, según cifras oficiales.",
     [E("de 2019 a 2021", "2019", "year", "2021", True)]),
    (TUE, "day", "Las detenciones en la frontera subieron entre marzo y mayo.",
     [E("entre marzo y mayo", "2025-03", "month", "2025-05", True)]),
    (TUE, "day", "El canciller viajó el pasado lunes a Washington.",
     [E("el pasado lunes", "2025-11-17", "day")]),
    (TUE, "day", "El decreto fue publicado en enero de 2025.",
     [E("enero de 2025", "2025-01", "month")]),
]


@pytest.mark.parametrize(("published", "precision", "sentence", "expected"), CASES)
def test_find_dates(published: str | None, precision: str | None, sentence: str, expected: list[tuple]) -> None:
    mentions = find_dates(sentence, published, precision)
    assert got(mentions) == expected
    for m in mentions:
        assert sentence[m.start : m.end] == m.text
        assert m.rule


NEGATIVE = [
    "Trump says he may expand his strikes against drug cartels to include Mexico.",
    "May God protect our troops, the governor told the crowd.",
    "Thousands joined a march through the capital to demand answers.",
    "Protesters plan to march on the embassy after the vote.",
    "The March for Our Lives drew large crowds in several cities.",
    "Mexico agreed to dispatch another 10,000 troops to the border.",
    "The cartels have associates in all 50 states and in more than 100 countries.",
    "The Pentagon sent 2,000 troops to the region.",
    "The Pentagon deployed 2000 troops to the region.",
    "The operation involved 1900 agents and 150 vehicles.",
    "The Good Friday Agreement ended decades of violence in Northern Ireland.",
    "USA Today first reported the story, citing two officials.",
    "He spent the last year negotiating with the cartels.",
    "Theresa May met the Mexican ambassador in London.",
    "Investigators released a 2000-page report on the massacre.",
    "Room 1999 of the hotel was searched by federal agents.",
    "The vessel carried 1,500 kilograms of cocaine and 2,025 rounds of ammunition.",
    "The hotline number is 555-2019.",
    "Inflation rose 2.5% in the quarter, the bank said.",
    "The Sunday Times reported that the deal was close.",
    "The April Fools' prank fooled no one at the ministry.",
    "The decision could come within weeks, officials said.",
    "Super Tuesday primaries will shape the race.",
    "The march of folly continued at the border.",
    "Carson defended the remark on ABC’s “This Week” program.",
    "The new 2020 Sentra goes on sale at dealers nationwide.",
    "The bundle includes Farming Simulator 2019 and Football Manager 2020.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_date(sentence: str) -> None:
    assert got(find_dates(sentence, TUE)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 16, 2025", ("2025-02-16", "day")),
        ("2025-02-16T10:00:00Z", ("2025-02-16", "day")),
        ("2025-02-16 10:32", ("2025-02-16", "day")),
        ("Feb 16 2025", ("2025-02-16", "day")),
        ("16 February 2025", ("2025-02-16", "day")),
        ("Sun, 16 Feb 2025 10:00:00 GMT", ("2025-02-16", "day")),
        ("16/02/2025", ("2025-02-16", "day")),
        ("02/16/2025", ("2025-02-16", "day")),
        ("16.02.2025", ("2025-02-16", "day")),
        ("2025/02/16", ("2025-02-16", "day")),
        ("20250216", ("2025-02-16", "day")),
        ("2025-02", ("2025-02", "month")),
        ("February 2025", ("2025-02", "month")),
        ("2025", ("2025", "year")),
        ("By Daniel DePetris | Updated February 16, 2025", ("2025-02-16", "day")),
        ("03/02/2025", None),  # day-first or month-first cannot be told
        ("2025-13-01", None),
        ("February 30, 2025", None),
        ("Updated 3 hours ago", None),
        ("", None),
    ],
)
def test_parse_date_string(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date_string(text) == expected


def test_resolve_appends_date_mentions_with_evidence() -> None:
    text = "On Nov. 27, the two presidents spoke. Since September, strikes have continued."
    doc = build(["dates"], given=("text",))(Document(source="t", text=text, published="2025-02-16",
                                                     published_precision="day"))
    dates = [m for m in doc.mentions if m.kind == "date"]
    assert [(m.span.text, m.value["value"], m.value["is_range"], m.rule) for m in dates] == [
        ("Nov. 27", "2024-11-27", False, "month_day_no_year"),
        ("Since September", "2024-09", True, "range_since/month_no_year"),
    ]
    for m in dates:
        assert text[m.span.start : m.span.end] == m.span.text == m.value["text"]
        assert set(m.value) == {"value", "precision", "end_value", "is_range", "text"}




def test_building_the_dates_stage_compiles_its_lexicon_before_any_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.pipeline import datelex

    calls: list[int] = []
    load = datelex._load_yaml
    monkeypatch.setattr(datelex, "_load_yaml", lambda: calls.append(1) or load())
    datelex.lexicon.cache_clear()  # type: ignore[attr-defined]
    try:
        pipeline = build(["clean", "dates"])
        assert calls == [1]  # compiled by the build, not by the first document
        pipeline(to_document(RawInput(source="brief.txt", content="Colombian troops arrived in the border town on Monday, the army said in a statement.", format="text")))
        assert calls == [1]
    finally:
        datelex.lexicon.cache_clear()  # type: ignore[attr-defined]
