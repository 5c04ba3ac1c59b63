"""Choosing the PLOVER type: the sentence's own act over what its clauses add, and the sense a verb's
argument decides. Invented sentences."""

from __future__ import annotations

from english_coder import asserted


def _top(text: str) -> str:
    evs = asserted(text)
    assert evs, f"no asserted event in {text!r}"
    return max(evs, key=lambda e: e.confidence).type


def test_the_main_clause_act_ranks_above_a_relative_clause_act() -> None:
    text = "The militia, which killed twelve policemen in March, agreed to a ceasefire with the government."
    assert _top(text) == "AGREE"
    assert any(e.type == "ASSAULT" for e in asserted(text))  # the killing is still told, below the ceasefire


def test_the_main_clause_act_ranks_above_an_adverbial_clause_act() -> None:
    assert _top("Hundreds of farmers demonstrated in the capital after soldiers shot a trader.") == "PROTEST"


def test_an_act_told_alone_in_a_relative_clause_keeps_its_rank() -> None:
    evs = asserted("Villagers mourned the teachers whom the militia killed near Gulu.")
    assert [e.type for e in evs] == ["ASSAULT"] and evs[0].confidence >= 0.6
