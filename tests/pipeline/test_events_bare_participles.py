"""A participle with no auxiliary and no object is a passive: the noun before it is the one the act fell
on, and a "by" phrase names who did it. Invented sentences."""

from __future__ import annotations

from english_coder import asserted, first


def test_a_headline_participle_on_the_opening_noun_is_done_to_that_noun() -> None:
    e = first("Two Nigerian police officers charged with taking bribes at a checkpoint", "ACCUSE")
    assert e.actor is None or e.actor.sector != "COP"
    assert e.recipient is not None and e.recipient.country == "NGA" and e.recipient.sector == "COP"
    e = first("Three Kenyan soldiers arrested over the theft of army fuel", "COERCE")
    assert e.actor is None or e.actor.country != "KEN" or e.actor.sector != "MIL"
    assert e.recipient is not None and e.recipient.country == "KEN"


def test_coordinated_bare_participles_are_passives() -> None:
    evs = [e for e in asserted("Two Syrian helicopters shot down and destroyed near Aleppo overnight.")
           if e.type == "ASSAULT"]
    assert evs
    for e in evs:
        assert e.actor is None or e.actor.sector != "MIL" or e.actor.country != "SYR"
        assert e.recipient is not None and e.recipient.country == "SYR" and e.recipient.sector == "MIL"


def test_a_by_phrase_on_the_second_participle_is_the_actor_of_both() -> None:
    e = first("Ahmed was one of at least 300 protesters shot and killed by soldiers this year, a rights group "
              "said.", "ASSAULT")
    assert e.actor is not None and e.actor.sector == "MIL"
    assert e.recipient is not None and e.recipient.sector == "CVL"



def test_a_strike_on_a_states_own_forces_is_not_by_that_state() -> None:
    evs = asserted("American jets bombed a Taliban camp in Helmand on Monday. "
                   "Two American soldiers were killed near Kandahar on Tuesday.")
    struck = [e for e in evs if e.type == "ASSAULT" and e.recipient is not None and e.recipient.country == "USA"]
    assert struck
    assert all(e.actor is None or e.actor.country != "USA" for e in struck)


def test_a_reduced_relative_is_done_to_the_noun_it_follows() -> None:
    e = first("He was one of 12 protesters shot and wounded by Egyptian soldiers in the capital last month.",
              "ASSAULT")
    assert e.actor is not None and e.actor.country == "EGY" and e.actor.sector == "MIL"
    assert e.recipient is not None and e.recipient.sector == "CVL"


def test_the_toll_of_a_side_is_not_one_person_it_shot() -> None:
    text = "An American police officer shot Mayor Karen Holt at a rally on Monday. American police have shot 40 people."
    later = text.index("American police have")
    toll = [e for e in asserted(text) if e.type == "ASSAULT" and e.trigger.start >= later]
    assert toll and all(e.recipient is not None and e.recipient.sector == "CVL" for e in toll)
