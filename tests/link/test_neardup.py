"""Near-duplicate documents: a wire story, its lightly edited repost, and a different story on the same news."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from storyline.link import link_new, relink_all, story_records
from storyline.link.neardup import ShingleCache, fingerprints, near_duplicate, resemblance, shingles
from storyline.model import Actor, Document, Event, Span
from storyline.store import schema

WIRE = """MEXICO CITY (Wire) - Mexico's government on Tuesday rejected any unilateral U.S. military action against drug cartels on its territory, hours after Washington said it was weighing options including drone strikes on drug laboratories in the northern state of Sinaloa.

"Mexico will not accept any intervention in its territory, by land, air or sea," the foreign ministry said in a statement, adding that cooperation on security had to be based on mutual respect and shared responsibility.

The statement followed remarks by a senior U.S. defense official who told reporters that planners had drawn up a list of targets linked to the Sinaloa and Jalisco cartels, which the State Department designated as foreign terrorist organizations earlier this year.

Security analysts said a strike without Mexico's consent would be the most serious breach of its sovereignty in decades and could end cooperation on migration and extraditions that Washington has long depended on.

Mexico has sent thousands of National Guard troops to its northern border this year and extradited dozens of cartel figures to the United States, steps officials in both capitals credited with a fall in fentanyl seizures at the border."""

REPOST = """Mexico rejects unilateral US military action against cartels

MEXICO CITY - Mexico's government on Tuesday rejected any unilateral US military action against drug cartels on its territory, hours after Washington said it was considering options including drone strikes on drug laboratories in the northern state of Sinaloa.

"Mexico will not accept any intervention in its territory, by land, air or sea," the foreign ministry said in a statement, adding that cooperation on security had to be based on mutual respect and shared responsibility.

The statement followed remarks by a senior US defense official who told reporters that planners had drawn up a list of targets linked to the Sinaloa and Jalisco cartels, which the State Department designated as foreign terrorist organizations earlier this year.

Security analysts said a strike without Mexico's consent would be the most serious breach of its sovereignty in decades and could end cooperation on migration and extraditions that Washington has long relied on.

Mexico has sent thousands of National Guard troops to its northern border this year and extradited dozens of cartel figures to the United States, steps officials in both capitals credited with a drop in fentanyl seizures at the border.

Copyright 2025 Regional Daily. All rights reserved."""

HALF_MIRROR = WIRE.split("\n\n", 2)[0] + "\n\n" + WIRE.split("\n\n", 2)[1]

OTHER = """WASHINGTON - The Pentagon has drawn up plans for possible strikes on cartel laboratories in Mexico, two U.S. officials said on Tuesday, as the administration steps up pressure on Mexico's government over fentanyl trafficking.

The officials, who spoke on condition of anonymity, said no decision had been taken and that any operation would require approval from the president. Mexico's foreign ministry said it had not been consulted and repeated that it would not accept foreign troops on its soil.

Lawmakers from both parties asked the Defense Department to brief Congress before any action, and several warned that strikes could endanger the cooperation that has led to record extraditions this year.

The Sinaloa and Jalisco cartels were designated as foreign terrorist organizations in February, a step that critics said opened the door to military options against them."""

@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    """Linking runs on SQLite and on PostgreSQL."""
    return any_backend_db_url



@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (WIRE, REPOST, True),  # new headline, a few words edited, a footer added
        (WIRE, HALF_MIRROR, True),  # a mirror that kept only the opening paragraphs
        (WIRE, OTHER, False),  # the same news in another outlet's own words
        (REPOST, OTHER, False),
        ("Mexico rejects strikes.", "Mexico rejects strikes.", False),  # too short to call a copy
    ],
)
def test_near_duplicate_decisions(a: str, b: str, expected: bool) -> None:
    assert (near_duplicate(shingles(a), shingles(b)) is not None) is expected
    assert (near_duplicate(fingerprints(shingles(a)), fingerprints(shingles(b))) is not None) is expected


@pytest.mark.parametrize(("a", "b"), [(WIRE, REPOST), (WIRE, HALF_MIRROR), (WIRE, OTHER), (REPOST, OTHER)])
def test_fingerprints_keep_the_resemblance_of_the_shingles(a: str, b: str) -> None:
    """Compared as fingerprints, two texts have the Jaccard and containment of their shingle strings."""
    grams_a, grams_b = shingles(a), shingles(b)
    assert len(fingerprints(grams_a)) == len(grams_a)
    assert resemblance(fingerprints(grams_a), fingerprints(grams_b)) == resemblance(grams_a, grams_b)


def test_shingle_cache_gives_back_what_it_kept_within_its_budget() -> None:
    sets = {name: fingerprints(shingles(text)) for name, text in (("wire", WIRE), ("repost", REPOST),
                                                                  ("other", OTHER))}
    cache = ShingleCache(budget=len(sets["wire"]) + len(sets["repost"]))
    for name, grams in sets.items():
        assert cache.put(name, grams) is grams
    assert "wire" not in cache  # the oldest went when the third set passed the budget
    assert cache["repost"] == sets["repost"] and cache["other"] == sets["other"]
    assert cache.size == len(sets["repost"]) + len(sets["other"]) <= cache.budget


def _event(text: str, sentence: str) -> Event:
    start = text.index(sentence)
    return Event(type="REJECT", mode=None, actor=Actor("Mexico", "MEX", "GOV"),
                 recipient=Actor("the United States", "USA", "GOV"), status="asserted",
                 evidence=Span(start, start + len(sentence), sentence), trigger=Span(start, start + 8, sentence[:8]),
                 rule="test", date="2025-03-04", date_precision="day", intensity=-4.0)


SENTENCE_WIRE = "Mexico's government on Tuesday rejected any unilateral U.S. military action against drug cartels"
SENTENCE_REPOST = "Mexico's government on Tuesday rejected any unilateral US military action against drug cartels"
SENTENCE_OTHER = "Mexico's foreign ministry said it had not been consulted and repeated that it would not accept foreign troops"


def _doc(source: str, text: str, publisher: str, published: str, sentence: str) -> Document:
    return Document(source=source, text=text, publisher=publisher, published=published, published_precision="day",
                    language="en", events=[_event(text, sentence)])


def _duplicate_of(store: Any) -> dict[str, str | None]:
    d = schema.documents
    with store.engine.connect() as conn:
        return {row.source: row.duplicate_of for row in conn.execute(select(d.c.source, d.c.duplicate_of))}


def test_repost_is_linked_and_not_counted_as_corroboration(store: Any) -> None:
    _, wire_id = store.add_document(_doc("wire.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    store.add_document(_doc("repost.html", REPOST, "Regional Daily", "2025-03-05", SENTENCE_REPOST))
    store.add_document(_doc("other.html", OTHER, "Capital Post", "2025-03-04", SENTENCE_OTHER))
    summary = link_new(store)
    assert (summary.documents, summary.near_duplicates) == (3, 1)
    dups = _duplicate_of(store)
    assert dups == {"wire.html": None, "repost.html": wire_id, "other.html": None}
    stories = list(story_records(store))
    assert len(stories) == 1
    story = stories[0]
    assert story["sources"] == ["Capital Post", "Regional Daily", "Wire"]
    assert story["corroboration"] == 2  # the repost is the wire story again
    assert story["independent_sources"] == ["Capital Post", "Wire"]


def test_earlier_publication_becomes_canonical_when_it_arrives_later(store: Any) -> None:
    store.add_document(_doc("repost.html", REPOST, "Regional Daily", "2025-03-05", SENTENCE_REPOST))
    link_new(store)
    assert _duplicate_of(store)["repost.html"] is None
    _, wire_id = store.add_document(_doc("wire.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    summary = link_new(store)
    assert summary.documents == 1
    dups = _duplicate_of(store)
    assert dups == {"repost.html": wire_id, "wire.html": None}
    before = _duplicate_of(store)
    relink_all(store)
    assert _duplicate_of(store) == before


def test_a_whole_earlier_group_moves_to_an_earlier_publication(store: Any) -> None:
    """Two reposts linked in one run form a group; the wire story they copy arrives in a later run,
    published first: every member now points to it, as a rebuild decides."""
    from sqlalchemy import select

    from storyline.store import linkschema

    second = REPOST.replace("Regional Daily", "Coastal Herald") + " The ministry gave no further details."
    store.add_document(_doc("repost.html", REPOST, "Regional Daily", "2025-03-05", SENTENCE_REPOST))
    store.add_document(_doc("repost2.html", second, "Coastal Herald", "2025-03-06", SENTENCE_REPOST))
    link_new(store)
    assert sum(v is not None for v in _duplicate_of(store).values()) == 1
    _, wire_id = store.add_document(_doc("wire.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    summary = link_new(store)
    assert summary.documents == 1
    assert _duplicate_of(store) == {"repost.html": wire_id, "repost2.html": wire_id, "wire.html": None}

    def groups() -> list[tuple[Any, ...]]:
        with store.engine.connect() as conn:
            return sorted(map(tuple, conn.execute(select(linkschema.link_documents)).all()))

    incremental = groups()
    relink_all(store)
    assert groups() == incremental


def test_exact_copy_keeps_the_store_link(store: Any) -> None:
    _, first = store.add_document(_doc("a.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    status, _ = store.add_document(_doc("b.html", WIRE, "Mirror", "2025-03-04", SENTENCE_WIRE))
    assert status == "duplicate"
    link_new(store)
    assert _duplicate_of(store) == {"a.html": None, "b.html": first}
    relink_all(store)
    assert _duplicate_of(store) == {"a.html": None, "b.html": first}
    (story,) = story_records(store)
    assert story["corroboration"] == 1


def test_a_templated_corpus_links_in_bounded_work(store: Any) -> None:
    """Hundreds of briefs built on one template share every band bucket; linking compares each with a
    bounded number of others, and still groups the exact reposts."""
    from storyline.link import neardup

    template = ("{n} suspected members of a drug cartel were arrested on Monday in the northern city, the "
                "Defense Ministry said in a statement, adding that rifles, ammunition and vehicles had been "
                "seized during the operation, which involved soldiers, marines and federal police officers.")
    docs = [Document(source=f"brief-{n}.txt", text=template.format(n=n + 3), raw_hash=f"h{n}",
                     publisher=f"Outlet {n % 7}", published="2025-11-18") for n in range(neardup.MAX_BUCKET + 60)]
    for doc in docs:
        store.add_document(doc)
    summary = link_new(store)
    assert summary.documents == len(docs)
    near = [d for d in store.records(["document"]) if d["duplicate_of"]]
    assert near  # the template's copies are still found


def test_signature_agreement_follows_jaccard() -> None:
    """The share of equal MinHash values estimates the Jaccard resemblance; equal sets agree fully,
    in whatever order their shingles come."""
    from storyline.link.neardup import NUM_PERM, signature

    base = [f"word{i} word{i + 1} word{i + 2}" for i in range(300)]
    half = base[:200] + [f"other{i} other{i + 1} other{i + 2}" for i in range(100)]  # J = 200/400
    disjoint = [f"else{i} else{i + 1} else{i + 2}" for i in range(300)]
    assert (signature(base) == signature(list(reversed(base)))).all()
    assert abs((signature(base) == signature(half)).mean() - 0.5) < 0.15
    assert (signature(base) == signature(disjoint)).sum() <= 3
    assert len(signature([])) == NUM_PERM and len(signature(base * 20)) == NUM_PERM


def test_a_store_indexed_with_earlier_signatures_is_indexed_anew(store: Any) -> None:
    """Band keys of the earlier signatures (a `bucket` column) can never match new ones: such a store
    has its linking tables remade, so a later copy still finds a document linked before."""
    from sqlalchemy import text

    from storyline.store import linkschema

    _, wire_id = store.add_document(_doc("wire.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    link_new(store)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE minhash_bands"))
        conn.execute(text("CREATE TABLE minhash_bands (bucket VARCHAR(16), document_id VARCHAR(64))"))
        conn.execute(text("INSERT INTO minhash_bands VALUES ('0123456789abcdef', 'x')"))
    linkschema.ensure(store.engine)
    store.add_document(_doc("repost.html", REPOST, "Regional Daily", "2025-03-05", SENTENCE_REPOST))
    summary = link_new(store)
    assert summary.documents == 2
    assert _duplicate_of(store) == {"wire.html": None, "repost.html": wire_id}


def test_a_document_dated_at_the_calendars_edge_is_linked_without_failing(store: Any) -> None:
    # A store may hold a day of year 1 (a page's placeholder kept by an older version): the search for the
    # original of a translation looks days around it, which must not fail the whole link run.
    store.add_document(_doc("wire.html", WIRE, "Wire", "2025-03-04", SENTENCE_WIRE))
    edge = _doc("edge.html", OTHER, "Capital Post", "0001-01-01", SENTENCE_OTHER)
    edge.language = "es"
    store.add_document(edge)
    late = _doc("late.html", REPOST, "Regional Daily", "9999-12-31", SENTENCE_REPOST)
    late.language = "es"
    store.add_document(late)
    summary = link_new(store)
    assert summary.documents == 3
