"""Dates that cannot be right: events after publication, and "newly elected" leaders long in office."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.pipeline import build
from storyline.pipeline.datechecks import (
    NEWCOMER_MAX_DAYS,
    cited_no_earlier_than,
    events_after_publication,
    is_after,
    stale_newcomers,
)
from storyline.store.records import mention_record

# (event date, publication date, after?) — compared at the coarser precision.
DATES_ACTORS = build(["dates", "actors"], given=("text",))

AFTER = [
    ("2026-02-03", "2026-01-15", True),
    ("2026-01-16", "2026-01-15", True),
    ("2026-01-15", "2026-01-15", False),
    ("2026-01-14", "2026-01-15", False),
    ("2026-01", "2026-01-15", False),  # same month: could be any day of it
    ("2026-02", "2026-01-15", True),
    ("2026", "2026-01-15", False),
    ("2027", "2026-01-15", True),
    ("2025-12-30", "2026", False),
    ("2027-01-02", "2026", True),
    ("2026-03-01", None, False),  # no publication date: nothing to compare
    (None, "2026-01-15", False),
    ("next week", "2026-01-15", False),  # not a date
]


@pytest.mark.parametrize(("date", "published", "expected"), AFTER)
def test_is_after_compares_at_the_coarser_precision(date: str | None, published: str | None, expected: bool) -> None:
    assert is_after(date, published) is expected


@pytest.mark.parametrize(("status", "flagged"), [("asserted", True), ("planned", False), ("hypothetical", False),
                                                 ("negated", False)])
def test_only_asserted_events_must_precede_publication(status: str, flagged: bool) -> None:
    event = {"id": "e1", "type": "ASSAULT", "date": "2026-02-03", "date_text": "Feb. 3", "status": status,
             "evidence": "US forces struck a vessel on Feb. 3.", "start": 10, "end": 46}
    found = events_after_publication([event], "2026-01-15")
    assert [f.issue for f in found] == (["event_after_publication"] if flagged else [])
    if flagged:
        assert found[0].record_id == "e1" and "2026-02-03" in found[0].detail and "Feb. 3" in found[0].detail


# (sentence, publication date, the cue phrase flagged or None). Sheinbaum: President of Mexico since
# 2024-10-01; Trump: president-elect 2024-11-06, President since 2025-01-20; Rubio: Secretary of State since
# 2025-01-21; Vance: Vice President since 2025-01-20 (people.yaml).
NEWCOMERS = [
    ("Mexico's newly elected president, Claudia Sheinbaum, rejected the plan on Wednesday.", "2026-01-15",
     "newly elected president"),
    ("Mexico's newly elected president, Claudia Sheinbaum, rejected the plan on Wednesday.", "2024-10-20", None),
    ("Claudia Sheinbaum, Mexico's new president, said the talks with Washington would continue.", "2025-11-02",
     "new president"),
    ("Newly elected Mexican President Claudia Sheinbaum met business leaders in Monterrey.", "2025-03-01", None),
    ("Newly elected Mexican President Claudia Sheinbaum met business leaders in Monterrey.", "2025-12-01",
     "Newly elected Mexican President"),
    ("The incoming US president, Donald Trump, promised sweeping tariffs on Mexican goods.", "2025-12-01",
     "incoming US president"),
    ("The incoming US president, Donald Trump, promised sweeping tariffs on Mexican goods.", "2024-12-01", None),
    ("President-elect Donald Trump said he would impose tariffs on his first day.", "2024-12-10", None),
    ("President-elect Donald Trump said he would impose tariffs on his first day.", "2026-01-10",
     "President-elect"),
    ("The newly appointed Secretary of State, Marco Rubio, arrived in Mexico City on Tuesday.", "2026-03-02",
     "newly appointed Secretary of State"),
    ("Sheinbaum, the new leader of Mexico, spoke to reporters on Monday.", "2026-01-10", "new leader"),
    ("JD Vance, the new vice president, arrived in Mexico City on Thursday.", "2026-01-10", "new vice president"),
    # Not the person's office, or not describing the person at all.
    ("Sheinbaum announced a new plan to fight the cartels on Monday.", "2026-01-15", None),
    ("Secretary of State Marco Rubio met the new president of Ecuador in Quito.", "2026-01-15", None),
    ("Trump congratulated the newly elected president of Honduras on Monday.", "2026-01-15", None),
    ("Trump, who met new Honduran president Nasry Asfura, said the talks went well.", "2026-01-10", None),
    ("Voters in Mexico will elect a new president in June, Sheinbaum said.", "2026-01-10", None),
    ("Mexico's president Claudia Sheinbaum, who was newly elected in 2024, spoke on Monday.", "2026-01-10", None),
    ("Claudia Sheinbaum, the new vice president of the party, spoke on Monday.", "2026-01-10", None),
    # History told later is judged at the sentence's own date.
    ("In October 2024, Mexico's newly elected president, Claudia Sheinbaum, named her cabinet.", "2026-01-15", None),
    ("On Nov. 27, 2024, President-elect Donald Trump had his first phone call with Sheinbaum.", "2026-02-16", None),
    ("Since October 2024, Mexico's newly elected president, Claudia Sheinbaum, has met Trump twice.", "2026-01-15",
     None),
]


def _mentions(text: str, published: str | None) -> list[dict[str, object]]:
    """Date and actor mention records, from the real stages, as the store keeps them."""
    doc = DATES_ACTORS(Document(source="test", text=text, published=published))
    return [mention_record(m, "doc") for m in doc.mentions]


@pytest.mark.parametrize(("sentence", "published", "cue"), NEWCOMERS)
def test_newcomer_long_in_office(sentence: str, published: str, cue: str | None) -> None:
    found = stale_newcomers(sentence, _mentions(sentence, published), published)
    assert [f.text for f in found] == ([cue] if cue else [])
    for f in found:
        assert f.issue == "stale_newcomer"
        assert f.start is not None and sentence[f.start:f.end] == f.text
        assert f"more than {NEWCOMER_MAX_DAYS}" in f.detail


def test_newcomer_needs_a_publication_date() -> None:
    sentence = "Mexico's newly elected president, Claudia Sheinbaum, rejected the plan on Wednesday."
    assert stale_newcomers(sentence, _mentions(sentence, None), None) == []


def test_month_precision_counts_from_the_first_day() -> None:
    # 2025-06 may be 2025-06-01: 243 days after 2024-10-01, within the threshold, so no flag.
    sentence = "Mexico's newly elected president, Claudia Sheinbaum, rejected the plan on Wednesday."
    assert stale_newcomers(sentence, _mentions(sentence, "2025-06"), "2025-06") == []
    assert stale_newcomers(sentence, _mentions(sentence, "2025-08"), "2025-08") != []


UNDATED = """Mexico's newly elected president, Claudia Sheinbaum, rejected any foreign strikes [1].

The cartels control large parts of the country, officials said [2].

Sources
[1] Reuters. Sheinbaum rejects strikes, January 2026. https://www.reuters.com/world/americas/sheinbaum-2026
[2] Fox News. Interview with the defense secretary, December 2025.
"""


def test_undated_page_is_no_older_than_what_it_cites() -> None:
    mentions = _mentions(UNDATED, None)
    assert cited_no_earlier_than(UNDATED, mentions) == "2026-01"
    found = stale_newcomers(UNDATED, mentions, None)
    assert [f.text for f in found] == ["newly elected president"]
    assert "no stated date; it cites sources dated 2026-01" in found[0].detail


def test_dates_outside_the_reference_list_do_not_date_the_page() -> None:
    text = UNDATED.replace("January 2026", "May 2024").replace("December 2025", "March 2024")
    text += "\nElections are due in June 2030.\n"
    mentions = _mentions(text, None)
    assert cited_no_earlier_than(text, mentions) == "2024-05"
    assert stale_newcomers(text, mentions, None) == []  # in May 2024 she was a candidate, not the president
