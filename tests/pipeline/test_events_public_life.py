"""A page about something other than public life (a film, a product, a match, a firm's news): the acts of
the people and firms it is about are not political events, while an act by or toward a public party on
the same page, the same acts on a page of political news, and a single sentence, are coded. Invented
texts."""

from __future__ import annotations

from english_coder import CODER

from storyline.model import Document, Event


def code(text: str) -> list[Event]:
    return CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day",
                          language="en")).events


FILM_PAGE = (
    "The new musical drama opens in cinemas across the country on Friday. "
    "Its director spent four years looking for the right singer for the lead role. "
    "Marla Quent accused the studio of cutting her best scene from the final edit. "
    "The producer, Tomas Ebberly, agreed to restore the scene for the streaming release. "
    "The soundtrack album will be released next month."
)

SHOP_PAGE = (
    "The winter sale starts early this year at most big retailers. "
    "Zentrix Labs promised a cheaper model of its headset before the holidays. "
    "Reviewers praised the battery life but said the screen is dim. "
    "Orvale Stores reached an agreement with Zentrix Labs to stock the headset in all its shops."
)

POLITICAL_PAGE = (
    "The government of Ruritania faces a confidence vote on Tuesday. "
    "The prime minister met the leaders of the three coalition parties on Monday. "
    "The opposition party accused the interior ministry of hiding what the prison project cost. "
    "The army and the police were put on alert in the capital. "
    "Marla Quent accused the minister of lying about the budget. "
    "Tomas Ebberly agreed to testify before the committee."
)


def test_the_quarrels_and_deals_of_a_film_or_a_shop_page_are_not_political_events() -> None:
    film = code(FILM_PAGE)
    assert not [e for e in film if e.type in ("ACCUSE", "AGREE")], [(e.type, e.trigger.text) for e in film]
    shop = code(SHOP_PAGE)
    assert not [e for e in shop if e.type == "AGREE"], [(e.type, e.trigger.text) for e in shop]


def test_an_act_toward_the_police_on_a_page_about_something_else_stays() -> None:
    page = FILM_PAGE + " Ilse Varnaby, her manager, accused the police of harassing her fans outside the premiere."
    found = [e for e in code(page) if e.type == "ACCUSE"]
    assert [e.recipient.sector for e in found if e.recipient is not None] == ["COP"], [
        (e.trigger.text, e.actor, e.recipient) for e in found]


def test_the_same_acts_of_private_people_on_a_page_of_political_news_stay() -> None:
    events = code(POLITICAL_PAGE)
    agreed = {e.actor.name for e in events if e.type == "AGREE" and e.actor is not None}
    assert "Tomas Ebberly" in agreed, [(e.type, e.actor) for e in events]


def test_a_single_sentence_is_too_short_to_tell_what_a_page_is_about() -> None:
    events = code("Marla Quent accused the studio of cutting her best scene from the final edit.")
    assert [e.type for e in events] == ["ACCUSE"]


MATCH_PAGE = (
    "The club sacked its coach on Tuesday after a run of five defeats. "
    "Its fans had chanted against him at the last home game. "
    "Negotiations between the Paris side and the coach's agents intensified, with talks continuing into "
    "Tuesday night. "
    "The new coach will take charge of training on Thursday."
)


def test_a_capital_on_a_page_about_something_else_is_a_place_or_a_club_not_its_government() -> None:
    page = FILM_PAGE + " Phoning in from Paris, Marla Quent remembered the anxiety of the first day."
    assert not [e for e in code(page) if e.type == "CONSULT"], [(e.type, e.recipient) for e in code(page)]
    assert not [e for e in code(MATCH_PAGE) if e.type == "CONSULT"], [(e.type, e.actor) for e in code(MATCH_PAGE)]


def test_a_capital_standing_for_its_government_on_a_page_of_political_news_stays() -> None:
    events = code(POLITICAL_PAGE + " Paris condemned the arrest of the opposition leader.")
    assert "Paris" in {e.actor.name for e in events if e.type == "ACCUSE" and e.actor is not None}
