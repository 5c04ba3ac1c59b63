"""Story threading across a unit: threads whose matters each name the other's are one, and a report
naming no matter takes its article's thread."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.link import link_new, relink_all, story_records
from storyline.link.evidence import terms
from storyline.link.merge import ThreadRow, matters_named, rethread
from storyline.model import Actor, Document, Event, Span
from storyline.store.db import Store


def _named(sentence: str) -> frozenset[str]:
    return matters_named(terms(sentence, "en"))


VOTE_ON_STRIKES = "A bid by lawmakers to halt the strikes on smuggling boats near Venezuela failed in a vote"
VOTE_ON_RESOLUTION = "Legislators voted down a measure to curb more military action against Venezuela"


def test_the_words_name_both_matters() -> None:
    assert {"military_strikes", "war_powers"} <= _named(VOTE_ON_STRIKES)
    assert {"military_strikes", "war_powers"} <= _named(VOTE_ON_RESOLUTION)


def test_two_matters_each_naming_the_other_are_one_thread() -> None:
    rows = [ThreadRow("=VEN|military_strikes", _named(VOTE_ON_STRIKES)),
            ThreadRow("=VEN|military_strikes", frozenset({"military_strikes"})),
            ThreadRow("=VEN|war_powers", _named(VOTE_ON_RESOLUTION))]
    assert rethread(rows) == ["=VEN|military_strikes"] * 3  # the larger part's matter
    assert rethread(rows[::-1]) == ["=VEN|military_strikes"] * 3  # whatever the order


def test_a_matter_named_one_way_only_stays_its_own_thread() -> None:
    tariffs = _named("The president threatened tariffs on Mexican imports over migrants crossing the border")
    border = _named("The president threatened Mexico over the migrants crossing its border by the thousands")
    assert "border" in tariffs and "tariffs" not in border
    assert rethread([ThreadRow("=MEX|tariffs", tariffs), ThreadRow("=MEX|border", border)]) == [
        "=MEX|tariffs", "=MEX|border"]


def test_threads_of_two_recipients_are_never_joined() -> None:
    rows = [ThreadRow("=VEN|military_strikes", _named(VOTE_ON_STRIKES)),
            ThreadRow("=MEX|war_powers", _named(VOTE_ON_RESOLUTION)),
            ThreadRow("~LEG|war_powers", _named(VOTE_ON_RESOLUTION))]
    assert rethread(rows) == [row.key for row in rows]


def test_a_report_naming_no_matter_takes_its_articles_one_thread() -> None:
    rows = [ThreadRow("=VEN|military_strikes", frozenset({"military_strikes"}), "VEN", frozenset({"d1"})),
            ThreadRow("#e2", frozenset(), "VEN", frozenset({"d1"})),
            ThreadRow("#e3", frozenset(), None, frozenset({"d1", "d2"})),
            ThreadRow("#e4", frozenset(), "COL", frozenset({"d1"})),  # a recipient that disagrees
            ThreadRow("#e5", frozenset(), "VEN", frozenset({"d9"}))]  # an article naming no matter
    assert rethread(rows) == ["=VEN|military_strikes", "=VEN|military_strikes", "=VEN|military_strikes",
                              "#e4", "#e5"]


def test_an_article_naming_two_threads_lends_none() -> None:
    rows = [ThreadRow("=VEN|military_strikes", frozenset({"military_strikes"}), "VEN", frozenset({"d1"})),
            ThreadRow("=VEN|sanctions", frozenset({"sanctions"}), "VEN", frozenset({"d1"})),
            ThreadRow("#e3", frozenset(), "VEN", frozenset({"d1"}))]
    assert rethread(rows)[2] == "#e3"


# --- in the store, across months ----------------------------------------------------------------------

USA_LEG = {"name": "lawmakers", "country": "USA", "sector": "LEG"}
VEN = {"name": "Venezuela", "country": "VEN", "sector": None}


def _doc(source: str, published: str, sentences: list[tuple[str, str | None]]) -> Document:
    text = " ".join(s for s, _ in sentences) + f" Filed from {source}."
    doc = Document(source=source, text=text, publisher=source.split(".")[0], published=published,
                   published_precision="day", language="en")
    for sentence, date in sentences:
        start = text.index(sentence)
        doc.events.append(Event(
            type="REJECT", mode=None, actor=Actor(**USA_LEG), recipient=Actor(**VEN), status="asserted",
            evidence=Span(start, start + len(sentence), sentence), trigger=Span(start, start + 1, sentence[0]),
            rule="test", date=date, date_precision="day" if date else None))
    return doc


OCTOBER = ("october.html", "2025-10-09", [(VOTE_ON_STRIKES, "2025-10-08"),
                                          ("The measure fell short once more, officials said", None)])
JANUARY = ("january.html", "2026-01-15", [(VOTE_ON_RESOLUTION, "2026-01-14")])


@pytest.mark.parametrize("order", ["october-first", "january-first"])
def test_threads_are_joined_across_months_and_match_a_rebuild(tmp_path: Any, order: str) -> None:
    with Store.open(str(tmp_path / "threads.db")) as store:
        for source, published, sentences in [OCTOBER, JANUARY] if order == "october-first" else [JANUARY, OCTOBER]:
            store.add_document(_doc(source, published, sentences))
            link_new(store)
        incremental = sorted((s["id"], tuple(sorted(s["event_ids"]))) for s in story_records(store))
        relink_all(store)
        rebuilt = sorted((s["id"], tuple(sorted(s["event_ids"]))) for s in story_records(store))
    assert incremental == rebuilt
    (story,) = rebuilt  # both votes, and the sentence that names no matter told with them
    assert len(story[1]) == 3


def test_a_thread_naming_another_matter_now_and_then_keeps_its_own() -> None:
    tariffs = [ThreadRow("=MEX|tariffs", frozenset({"tariffs"})) for _ in range(3)]
    tariffs.append(ThreadRow("=MEX|tariffs", frozenset({"tariffs", "military_strikes"})))
    strikes = [ThreadRow("=MEX|military_strikes", frozenset({"military_strikes", "tariffs"}))]
    assert rethread(tariffs + strikes) == [row.key for row in tariffs + strikes]
    assert rethread(tariffs[2:] + strikes) == ["=MEX|tariffs"] * 3  # half of two name the strikes


# An agreement to make a concession (the coder marks it "content=CONCEDE") is linked as the concession:
# "agreed to pause the tariffs" in one month and "paused the tariffs again" in another are one story.
CAN_GOV = {"name": "Canadian government", "country": "CAN", "sector": "GOV"}
CHN = {"name": "China", "country": "CHN", "sector": None}


def _concession(source: str, published: str, sentence: str, type_: str, rule: str) -> Document:
    doc = Document(source=source, text=sentence, publisher=source.split(".")[0], published=published,
                   published_precision="day", language="en")
    doc.events.append(Event(
        type=type_, mode=None, actor=Actor(**CAN_GOV), recipient=Actor(**CHN), status="asserted",
        evidence=Span(0, len(sentence), sentence), trigger=Span(0, 1, sentence[0]), rule=rule,
        date=published, date_precision="day"))
    return doc


@pytest.mark.parametrize("rule, together", [("triggers.yaml:verb:agree; content=CONCEDE", True),
                                            ("triggers.yaml:verb:agree", False)])
def test_an_agreement_to_concede_threads_with_the_concessions(tmp_path: Any, rule: str, together: bool) -> None:
    with Store.open(str(tmp_path / "concede.db")) as store:
        store.add_document(_concession("wire.html", "2025-03-03", "Ottawa agreed to pause the new tariffs on "
                                       "Chinese steel for a month.", "AGREE", rule))
        store.add_document(_concession("paper.html", "2025-07-20", "Ottawa paused the steel tariffs on Chinese "
                                       "imports for another ninety days.", "CONCEDE", "triggers.yaml:verb:pause"))
        link_new(store)
        stories = list(story_records(store))
    concede = [s for s in stories if s["type"] == "CONCEDE"]
    assert len(concede) == 1 and len(concede[0]["event_ids"]) == (2 if together else 1)
