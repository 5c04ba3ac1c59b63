"""Sentence segmentation on news-style paragraphs: abbreviations, initials, quotes, lists."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.pipeline import build
from storyline.pipeline.segment import split_sentences

SEGMENT = build(["segment"], given=("text",))

CASES = [
    # (text, expected sentences)
    ("The U.S. Navy struck a vessel. Officials said four people died.",
     ["The U.S. Navy struck a vessel.", "Officials said four people died."]),
    ("The envoy flew back to the U.S. The embassy gave no reason.",
     ["The envoy flew back to the U.S.", "The embassy gave no reason."]),
    ("Gen. Mark Milley met Mr. Ebrard and Dr. Ruiz in Washington.",
     ["Gen. Mark Milley met Mr. Ebrard and Dr. Ruiz in Washington."]),
    ("The talks began on Feb. 3 and ended on Nov. 27 in Mexico City.",
     ["The talks began on Feb. 3 and ended on Nov. 27 in Mexico City."]),
    ("Resolution No. 2 passed. It was the first of its kind.",
     ["Resolution No. 2 passed.", "It was the first of its kind."]),
    ("President George W. Bush declared a war on terror.", ["President George W. Bush declared a war on terror."]),
    ("Inflation reached 4.5 percent in March. Prices rose 0.3% a month.",
     ["Inflation reached 4.5 percent in March.", "Prices rose 0.3% a month."]),
    ("“We will not accept it.” The minister left the room.",
     ["“We will not accept it.”", "The minister left the room."]),
    ('"Is this an invasion?" she asked reporters.', ['"Is this an invasion?" she asked reporters.']),
    ("“Why now?” The question hung over the summit.", ["“Why now?”", "The question hung over the summit."]),
    ("He paused... and then he answered the question.", ["He paused... and then he answered the question."]),
    ("The meeting ended at 5 p.m. on Tuesday.", ["The meeting ended at 5 p.m. on Tuesday."]),
    ("The U.N. Security Council met. Russia vetoed the draft.",
     ["The U.N. Security Council met.", "Russia vetoed the draft."]),
    ("Sen. Warren and Rep. Ocasio-Cortez objected. They wrote a letter.",
     ["Sen. Warren and Rep. Ocasio-Cortez objected.", "They wrote a letter."]),
    ("The vote was held in St. Louis. Turnout was low.", ["The vote was held in St. Louis.", "Turnout was low."]),
    ("The ministry confirmed the strike.[3] It gave no toll.",
     ["The ministry confirmed the strike.[3]", "It gave no toll."]),
    ("Mexico rejected the plan [[1], [4]]. Talks continue.",
     ["Mexico rejected the plan [[1], [4]].", "Talks continue."]),
    ("Officials denied it . The statement came late.", ["Officials denied it .", "The statement came late."]),
    ("Acme Inc. said it would comply. The firm cut jobs.", ["Acme Inc. said it would comply.", "The firm cut jobs."]),
    ("Key points:\n  • Tariffs rise to 25%\n  • Talks resume Monday",
     ["Key points:", "Tariffs rise to 25%", "Talks resume Monday"]),
    ("The report was\nwritten by two analysts.", ["The report was\nwritten by two analysts."]),
    ("Stop! The convoy halted at the border.", ["Stop!", "The convoy halted at the border."]),
    ("First paragraph ends here\n\nSecond paragraph starts here.",
     ["First paragraph ends here", "Second paragraph starts here."]),
    ("Three steps:\n1. Secure the border. 2. Stop the flow.",
     ["Three steps:", "1. Secure the border.", "2. Stop the flow."]),
    ("The vote was 52 to 48. The bill passed.", ["The vote was 52 to 48.", "The bill passed."]),
    ("He said: “U.S. forces will stay.” Nobody objected.", ["He said: “U.S. forces will stay.”", "Nobody objected."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [s.text for s in spans] == expected
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_segment_fills_document_with_offsets() -> None:
    text = "Headline without a stop\n\nThe strike hit a boat. Two people died.\n\n[1] Reuters. “Title.”"
    doc = SEGMENT(Document(source="t", text=text))
    assert [s.text for s in doc.sentences] == [
        "Headline without a stop", "The strike hit a boat.", "Two people died.", "[1] Reuters.", "“Title.”",
    ]
    assert all(text[s.start : s.end] == s.text for s in doc.sentences)


def test_empty_text_has_no_sentences() -> None:
    assert SEGMENT(Document(source="t", text="")).sentences == []
