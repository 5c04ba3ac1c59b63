"""Citation integrity: marker shapes, reference lists, and the findings a broken page should produce."""

from __future__ import annotations

import pytest

from storyline.model import CitationIssue, Document
from storyline.pipeline import build
from storyline.pipeline.citations import cited_numbers, find_markers, reference_entries

CITATIONS = build(["citations"], given=("text",))


def _issues(text: str, language: str | None = "en") -> list[CitationIssue]:
    return CITATIONS(Document(source="test", text=text, language=language)).citation_issues


def _markers(issues: list[CitationIssue], kind: str) -> list[int | None]:
    return sorted({i.marker for i in issues if i.issue == kind}, key=lambda m: -1 if m is None else m)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Mexico rejected the plan [1].", [1]),
        ("Mexico rejected the plan [[1], [4]].", [1, 4]),
        ("Mexico rejected the plan [[5], [8], [20]].", [5, 8, 20]),
        ("Mexico rejected the plan [1, 4].", [1, 4]),
        ("Mexico rejected the plan [2; 7].", [2, 7]),
        ("Mexico rejected the plan [1-3].", [1, 2, 3]),
        ("Mexico rejected the plan [4–6].", [4, 5, 6]),
        ("Mexico rejected the plan.[12]", [12]),
        ("Mexico rejected the plan¹.", [1]),
        ("Mexico rejected the plan.²³", [23]),
        ("Mexico rejected the plan¹,⁴ and said so.", [1, 4]),
        ("The camp covers 40 km² of desert.", []),
        ("The camp covers 40 km² of desert [2].", [2]),
        ("Mexico rejected the plan (Reuters, 2024).", []),
        ("No markers at all in this sentence.", []),
    ],
)
def test_marker_shapes(text: str, numbers: list[int]) -> None:
    assert cited_numbers(text) == numbers
    for marker in find_markers(text):
        assert text[marker.span.start : marker.span.end] == marker.span.text


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Body.\n\nSources\n\n[1] Reuters. “A title.”\n\n[2] AP. “Another.”", [1, 2]),
        ("Body.\n\nReferences:\n1. Reuters. “A title.” 2024.\n2. AP. “Another.” 2025.", [1, 2]),
        ("Body.\n\nNotes\n\n1) Smith, J. (2020). Cartels. Oxford.\n2) Lee, K. (2021). Borders.", [1, 2]),
        ("Body.\n\n[3] Reuters. “A title.”\n[5] AP. “Another.”", [3, 5]),
        ("Body.\n\nBibliography\n\nSmith, J. (2020). Cartels and the State. Oxford.\nLee, K. 2021. “Borders.”",
         [None, None]),
        ("Body.\n\nWorks cited\n\n[1] Reuters. “A title\nthat wraps.”\n\n[2] AP.", [1, 2]),
        ("1. First point of the argument.\n2. Second point of the argument.", []),
        ("Body with one bracket [1] and no list.", []),
    ],
)
def test_reference_list_shapes(text: str, listed: list[int | None]) -> None:
    entries = reference_entries(text)
    assert [e.number for e in entries] == listed
    for e in entries:
        assert text[e.span.start : e.span.end] == e.span.text


# A page written for this test in the shape of an SEO article that lost some citations: grouped
# markers, markers with no entry, entries never cited, spaces where markers were stripped, a
# template link and a cut URL in the list.
BROKEN_PAGE = """\
Washington has warned that it could act alone against the cartels, a shift analysts call dangerous [[2], [5]].

The threat comes after months of pressure on Mexico's government . Officials in Mexico City answered within hours [3].

Critics say the plan ignores the law , and that it would hurt trade [[5], [11]].
Read more in [LINK_TO: trade-guide].

  • Border security: a priority for both governments .
  • Trade: worth billions a year [9].

Sources

[2] Reuters. “US weighs unilateral action against cartels.” https://www.reuters.com/world/americas/…

[3] El Universal. “Mexico responds to US threat.”

[4] Council on Foreign Relations. “Cartels and the state.”

[5] Associated Press. “Analysts warn of escalation.” https://apnews.com/article/cartels-123

[7] Official statement, 2025.

[8] Source.
"""


def test_broken_page_findings() -> None:
    issues = _issues(BROKEN_PAGE)
    assert _markers(issues, "cited_not_listed") == [9, 11]
    assert _markers(issues, "listed_not_cited") == [4, 7, 8]
    assert sum(i.issue == "stripped_citation" for i in issues) == 3
    assert _markers(issues, "dangling_reference") == [7, 8]  # "Official statement, 2025." names no issuer
    assert [i.span.text for i in issues if i.issue == "placeholder" and i.span] == ["[LINK_TO: trade-guide]"]
    truncated = [i for i in issues if i.issue == "truncated_url"]
    assert [(i.marker, i.span.text if i.span else None) for i in truncated] == [
        (2, "https://www.reuters.com/world/americas/…")
    ]
    for issue in issues:
        assert issue.span is not None and BROKEN_PAGE[issue.span.start : issue.span.end] == issue.span.text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The army withdrew from the town . Residents returned.", 1),
        ("The army withdrew , officials said, and residents returned .", 2),
        ("He hesitated ... then he signed.", 0),
        ("“We will see . . . what happens,” he said.", 0),
        ("The army withdrew from the town. Residents returned.", 0),
        ("Costs rose to 3 .5 percent.", 0),
        # A writer who spaces before commas and colons throughout has a habit, not stripped markers.
        ("The Senate , led by its President , met on Tuesday , and the Speaker , too. See tweets :", 0),
    ],
)
def test_stripped_citations(text: str, count: int) -> None:
    assert sum(i.issue == "stripped_citation" for i in _issues(text)) == count


def test_stripped_citations_only_for_english() -> None:
    text = "Le gouvernement a réagi . Les troupes sont parties ."
    assert not [i for i in _issues(text, language="fr") if i.issue == "stripped_citation"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("For more, see our analysis on [INTERNAL_LINK:us-mexico-border-policy].", True),
        ("Contact {{author_name}} for comment.", True),
        ("The deal was worth [insert figure] to both sides.", True),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", True),
        ("Read %%related_story%% next.", True),
        ("The minister [of defence] said the troops would stay.", False),
        ("The claim needs a source [citation needed].", False),
        ("“We trust [Tkachenko] fully,” the minister said.", False),
        ("The aid package was worth [TK] million.", True),
    ],
)
def test_placeholders(text: str, found: bool) -> None:
    assert any(i.issue == "placeholder" for i in _issues(text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("See https://timesofindia.indiatimes.com/world/us/… for more.", True),
        ("See https://www.example.com/news/2025/... for more.", True),
        ("See https://timesofind for more.", True),
        ("See https://www.reuters.com/world/americas/story-2025-11-18/.", False),
        ("See www.gob.mx for the statement.", False),
    ],
)
def test_truncated_urls(text: str, found: bool) -> None:
    assert any(i.issue == "truncated_url" for i in _issues(text)) is found


def test_page_without_markers_or_list_has_no_cited_listed_issues() -> None:
    text = "Mexico rejected the plan on Monday.\n\nThe talks resume in March, officials said."
    assert _issues(text) == []


def test_markers_without_a_list_are_all_cited_not_listed() -> None:
    issues = _issues("Mexico rejected the plan [1]. Officials agreed [2].")
    assert _markers(issues, "cited_not_listed") == [1, 2]


def test_lone_bracketed_number_without_list_is_not_a_citation() -> None:
    assert _issues("Polls compiled by [538] show a narrow race.") == []


def test_author_year_with_no_matching_entry_is_dangling() -> None:
    text = ("Cartels adapt quickly (Smith et al., 2021). Others disagree (Lee, 2019; Ortiz 2020).\n\n"
            "References\n\nSmith, J., Ruiz, A. (2021). Cartel adaptation. Journal of Crime.\n"
            "Lee, K. (2019). Borders and drugs. Oxford.")
    dangling = [i for i in _issues(text) if i.issue == "dangling_reference"]
    assert [i.span.text for i in dangling if i.span] == ["Ortiz 2020"]
    assert all(i.marker is None for i in dangling)


def test_author_year_needs_an_author() -> None:
    text = "Talks began (May 2024) and ended (Updated 2025).\n\nReferences\n\n[1] Reuters. “Talks.”"
    assert not [i for i in _issues(text) if i.issue == "dangling_reference"]
