"""The status of an event from the tree, on invented wire sentences: a question asked of an act, a
condition opened by its auxiliary, an adjective of readiness or likelihood over the act, a subject that
names no one. Each frame has a sentence of a similar shape whose act stays told as done."""

from __future__ import annotations

import pytest
from english_coder import CODER

from storyline.model import Document, Event


def code(text: str) -> list[Event]:
    return CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day",
                          language="en")).events


def statuses(text: str, type_: str) -> list[str]:
    found = [e.status for e in code(text) if e.type == type_]
    assert found, f"no {type_} in {text!r}: {[(e.type, e.status) for e in code(text)]}"
    return found


NOT_DONE = [
    # a question: whether it was done is what is asked
    ("Prosecutors are examining whether the colonel ordered the shelling of the market.", "ASSAULT", "hypothetical"),
    ("The ministry would not say if the border guards detained the reporters.", "COERCE", "hypothetical"),
    ("But has the governor ever condemned the raids on the villages?", "ACCUSE", "hypothetical"),
    # a condition with its auxiliary before its subject
    ("Had the rebels shelled the capital, the talks would have collapsed, analysts said.", "ASSAULT", "hypothetical"),
    # likelihood and readiness
    ("Analysts said the militia is likely to attack the port within days.", "ASSAULT", "hypothetical"),
    ("The mayor, who is eager to condemn the cartel, spoke to farmers on Monday, aides said.", "ACCUSE",
     "planned"),
    # no one did it
    ("Neither the army nor the militias attacked the convoy, the monitors said.", "ASSAULT", "negated"),
    ("Not the army nor any of the militias are attacking the convoy, a monitor said.", "ASSAULT", "negated"),
    ("None of the militias attacked the convoy, the monitors said.", "ASSAULT", "negated"),
    ("No country has condemned the junta, diplomats said.", "ACCUSE", "negated"),
    # a wish or a proposal about an act; an act about to be done, or yet to be
    ("The mediators proposed that the army withdraw from the town.", "RETREAT", "hypothetical"),
    ("The rebels want the army to withdraw from the town.", "RETREAT", "hypothetical"),
    ("Will the army attack the town?", "ASSAULT", "hypothetical"),
    ("The army was about to attack the town when the truce was signed.", "ASSAULT", "hypothetical"),
    ("The army has yet to withdraw from the town.", "RETREAT", "negated"),
    # a condition told without "if"
    ("The army is on alert in case the rebels attack the town.", "ASSAULT", "hypothetical"),
    ("In the event that rebels attack the town, the army will respond.", "ASSAULT", "hypothetical"),
    ("The army is on alert in case of an attack by the rebels.", "ASSAULT", "hypothetical"),
    ("The army stayed on alert lest the rebels attack the town.", "ASSAULT", "hypothetical"),
    ("The army will respond, provided that the rebels attack first.", "ASSAULT", "hypothetical"),
    ("As long as the rebels attack the town, the talks are off.", "ASSAULT", "hypothetical"),
    # a supposition; a participle under a modal
    ("Suppose the army shelled the town, the talks would collapse.", "ASSAULT", "hypothetical"),
    ("The army could cross the border within days, attacking the rebel camps.", "ASSAULT", "hypothetical"),
    # the negation of a conjoined verb the act shares
    ("The envoy did not meet the rebels or condemn the attacks on the villages.", "ACCUSE", "negated"),
    ("The envoy has not, and never will, condemn the attacks on the villages.", "ACCUSE", "negated"),
    # an act one has to or needs to do; "is going to" with going as the verb
    ("The senator said the junta has to sign a truce with the rebels.", "AGREE", "hypothetical"),
    ("The senator said the junta is going to need to sign a truce with the rebels.", "AGREE", "hypothetical"),
    ("The envoy said the junta needs to pull its soldiers back from the border.", "RETREAT", "hypothetical"),
    ("The envoy said the junta is going to sign a truce with the rebels.", "AGREE", "planned"),
]


@pytest.mark.parametrize(("text", "type_", "status"), NOT_DONE)
def test_an_act_asked_about_or_not_done_is_not_asserted(text: str, type_: str, status: str) -> None:
    found = statuses(text, type_)
    assert set(found) == {status}, found


DONE = [
    ("Prosecutors said the colonel ordered the shelling of the market.", "ASSAULT"),  # told, not asked
    ("Why has the governor condemned the raids on the villages?", "ACCUSE"),  # a why-question takes it as done
    ("Had the talks collapsed, nobody knew; the rebels shelled the capital on Monday.", "ASSAULT"),
    ("The militia was able to attack the port on Sunday, the monitors said.", "ASSAULT"),  # able: it was done
    ("The army attacked the convoy, and no one was hurt, the monitors said.", "ASSAULT"),  # another clause's subject
    ("Several countries have condemned the junta, diplomats said.", "ACCUSE"),
    ("The mediators said that the army withdrew from the town.", "RETREAT"),
    ("The army withdrew from the town, as the mediators had proposed.", "RETREAT"),
    ("The army has already withdrawn from the town.", "RETREAT"),
    ("It is fair to say the army shelled the town.", "ASSAULT"),
    ("The army did not cross the border, attacking the rebel camps from the air instead.", "ASSAULT"),
    ("In any case, the rebels attacked the town on Monday.", "ASSAULT"),
    ("The rebels attacked the town long before the army arrived.", "ASSAULT"),
    # a conjoined verb with an auxiliary or a subject of its own keeps its own status
    ("The envoy did not meet the rebels, but did condemn the attacks on the villages.", "ACCUSE"),
    ("The rebels will not give up easily, and the army has continued its attacks on the villages.", "ASSAULT"),
    # an act one had to do, in the past, was done
    ("The junta had to sign a truce with the rebels after the siege.", "AGREE"),
    ("The junta needed to withdraw from the valley, and it withdrew on Monday.", "RETREAT"),
]


@pytest.mark.parametrize(("text", "type_"), DONE)
def test_an_act_told_as_done_in_a_similar_shape_stays_asserted(text: str, type_: str) -> None:
    assert "asserted" in statuses(text, type_)


# What an actor says it is likely to do, asks whether to do, should do or can do commits it to nothing: no
# announced act.
@pytest.mark.parametrize("text", [
    "\u201cWe are likely to hold talks with the rebels next month,\u201d the foreign minister said.",
    "\u201cWe are still asking whether we will hold talks with the rebels,\u201d the foreign minister said.",
    "\u201cWe should support the army of Ruritania,\u201d the envoy said.",
    "\u201cWe can send troops to Ruritania,\u201d the minister said.",
])
def test_a_likely_or_asked_act_of_ones_own_is_no_announcement(text: str) -> None:
    assert not [e for e in code(text) if e.status == "asserted"], [(e.type, e.rule) for e in code(text)]


def test_an_act_one_says_one_will_do_is_still_announced() -> None:
    assert [e.type for e in code("The foreign minister said his government will hold talks with the rebels.")
            if e.status == "asserted"] == ["AGREE"]
    assert [e.type for e in code("\u201cWe will support the army of Ruritania,\u201d the envoy said.")
            if e.status == "asserted"] == ["AGREE"]
    assert [e.type for e in code("\u201cWe would support the army of Ruritania if it held elections,\u201d the envoy "
                                 "said.") if e.status == "asserted"] == ["AGREE"]
