"""What story linking (`link.stories`) reads and writes: asserted events to cluster, incidents
(`link_clusters`), linked events (`link_events`) and stories.

Every statement is a SQLAlchemy Core expression run on the caller's connection, inside the link
run's one transaction; `link.stories` holds the clustering and threading and no SQL. Reading what
linking wrote, for the timeline and exports, is `linkqueries` and `incidents`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from . import linkschema, schema
from .dupqueries import ROWS_AT_ONCE, chunks

# (event record, document's published_at, published, ingested_at, the event's stored stems or None,
#  document's language)
EventRow = tuple[dict[str, Any], Any, str | None, Any, str | None, str | None]


def _event_rows(conn: Connection, where: Any, linked: bool, cluster: bool = False) -> Iterator[Any]:
    """Event rows (`EventRow`), each followed by its linked cluster's id when `cluster` is set."""
    e, d, le = schema.events, schema.documents, linkschema.link_events
    query = select(e.c.data, d.c.published_at, d.c.published, d.c.ingested_at, le.c.terms, d.c.language,
                   *([le.c.cluster_id] if cluster else []))
    if linked:  # an inner join: the database looks the events up by `link_events`, not reading every event
        query = query.select_from(le).join(e, le.c.event_id == e.c.id)
    else:
        query = query.select_from(e).outerjoin(le, le.c.event_id == e.c.id)
    yield from conn.execute(query.join(d, d.c.id == e.c.document_id)
                            .where(e.c.status == "asserted", where))


def asserted_events(conn: Connection, event_ids: Sequence[str]) -> Iterator[EventRow]:
    """The asserted events among these ids, with what clustering needs of their documents."""
    for part in chunks(event_ids):
        yield from _event_rows(conn, schema.events.c.id.in_(part), linked=False)


def linked_events(conn: Connection, blocks: Sequence[str]) -> Iterator[EventRow]:
    """The asserted events already linked in these blocks (at most `CHUNK`)."""
    return _event_rows(conn, linkschema.link_events.c.unit.in_(blocks), linked=True)


def unlinked_events(conn: Connection) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(id, record, document's published) of every asserted event not linked yet, streamed."""
    e, d, le = schema.events, schema.documents, linkschema.link_events
    query = (select(e.c.id, e.c.data, d.c.published).join(d, d.c.id == e.c.document_id)
             .where(e.c.status == "asserted", e.c.id.not_in(select(le.c.event_id))))
    yield from conn.execute(query.execution_options(yield_per=2000))


def blocks_of_documents(conn: Connection, doc_ids: Sequence[str]) -> Iterator[str]:
    """The blocks holding a linked event of these documents (a block may come twice)."""
    le = linkschema.link_events
    for part in chunks(doc_ids):
        yield from conn.execute(select(le.c.unit).where(le.c.document_id.in_(part)).distinct()).scalars()


def outlet_rows(conn: Connection, doc_ids: Sequence[str]) -> Iterator[Any]:
    """Rows (id, publisher, url, source) of these documents: what tells their outlets."""
    d = schema.documents
    for part in chunks(doc_ids):
        yield from conn.execute(select(d.c.id, d.c.publisher, d.c.url, d.c.source).where(d.c.id.in_(part)))


def cluster_times(conn: Connection, blocks: Sequence[str]) -> Iterator[Any]:
    """Rows (id, thread_id, created_at, updated_at, digest) of the incidents of these blocks (at most `CHUNK`)."""
    lc = linkschema.link_clusters
    yield from conn.execute(select(lc.c.id, lc.c.thread_id, lc.c.created_at, lc.c.updated_at, lc.c.digest)
                            .where(lc.c.block.in_(blocks)))


def forget_blocks(conn: Connection, blocks: Sequence[str]) -> None:
    """Delete the incidents and linked events of these blocks (at most `CHUNK`)."""
    le, lc = linkschema.link_events, linkschema.link_clusters
    conn.execute(delete(lc).where(lc.c.block.in_(blocks)))
    conn.execute(delete(le).where(le.c.unit.in_(blocks)))


def write_clusters(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `link_clusters` rows, `CHUNK` a statement."""
    for part in chunks(rows):
        conn.execute(insert(linkschema.link_clusters), list(part))


def write_linked_events(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `link_events` rows."""
    for part in chunks(rows, ROWS_AT_ONCE):
        conn.execute(insert(linkschema.link_events), list(part))


def unit_clusters(conn: Connection, units: Sequence[str]) -> list[dict[str, Any]]:
    """{id, unit, thread, first_thread, loose, sectors, named, recipient, thread_id} of every incident
    of these units (at most `CHUNK`)."""
    lc = linkschema.link_clusters
    return [r._asdict() for r in conn.execute(
        select(lc.c.id, lc.c.unit, lc.c.thread, lc.c.first_thread, lc.c.loose, lc.c.sectors, lc.c.named,
               lc.c.recipient, lc.c.thread_id).where(lc.c.unit.in_(units)))]


def cluster_documents(conn: Connection, cluster_ids: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(document id, incident id) of the reports of these incidents."""
    le = linkschema.link_events
    for part in chunks(cluster_ids):
        yield from conn.execute(select(le.c.document_id, le.c.cluster_id).where(le.c.cluster_id.in_(part)).distinct())


def document_clusters(conn: Connection, doc_ids: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(document id, incident id) of every incident reported by these documents."""
    le = linkschema.link_events
    for part in chunks(doc_ids):
        yield from conn.execute(select(le.c.document_id, le.c.cluster_id).where(le.c.document_id.in_(part)).distinct())


def move_clusters(conn: Connection, moved: Sequence[dict[str, Any]]) -> None:
    """Give each incident {cid} its thread {t} and thread id {tid}, in one statement."""
    lc = linkschema.link_clusters
    conn.execute(update(lc).where(lc.c.id == bindparam("cid")).values(thread=bindparam("t"),
                                                                     thread_id=bindparam("tid")), moved)


def actorless_clusters(conn: Connection, units: Sequence[str]) -> list[Any]:
    """Rows (id, unit, block, thread_id, sectors, data) of the incidents of these units (units whose
    actor's country is unknown: few, and their data is read)."""
    lc = linkschema.link_clusters
    return [row for part in chunks(units) for row in conn.execute(
        select(lc.c.id, lc.c.unit, lc.c.block, lc.c.thread_id, lc.c.sectors, lc.c.data).where(lc.c.unit.in_(part)))]


def type_threads(conn: Connection, event_type: str, actorless_unit: str) -> Iterator[Any]:
    """Rows (unit, block, thread, sectors) of the threaded incidents of one event type whose actor's
    country is known (every unit of the type but `actorless_unit`)."""
    lc = linkschema.link_clusters
    yield from conn.execute(select(lc.c.unit, lc.c.block, lc.c.thread, lc.c.sectors)
                            .where(lc.c.unit.startswith(event_type + ":", autoescape=True),
                                   lc.c.unit != actorless_unit, lc.c.thread.is_not(None)))


def thread_sizes(conn: Connection, thread_ids: Sequence[str]) -> Counter[str]:
    """thread id -> how many reports (linked events) its incidents hold."""
    le, lc = linkschema.link_events, linkschema.link_clusters
    size: Counter[str] = Counter()
    for part in chunks(thread_ids):
        size.update(dict(conn.execute(select(lc.c.thread_id, func.count()).select_from(lc)
                                      .join(le, le.c.cluster_id == lc.c.id).where(lc.c.thread_id.in_(part))
                                      .group_by(lc.c.thread_id)).all()))
    return size


def thread_clusters(conn: Connection, thread_ids: Sequence[str]) -> Iterator[tuple[str, str, str, str | None,
                                                                                  dict[str, Any]]]:
    """(thread id, incident id, unit, story id, data) of the incidents of these threads (at most
    `CHUNK`), by incident id."""
    lc = linkschema.link_clusters
    yield from conn.execute(select(lc.c.thread_id, lc.c.id, lc.c.unit, lc.c.story_id, lc.c.data)
                            .where(lc.c.thread_id.in_(thread_ids)).order_by(lc.c.id))


def forget_stories(conn: Connection, thread_ids: Sequence[str]) -> None:
    """Delete the stories of these threads."""
    st = linkschema.stories
    for part in chunks(thread_ids):
        conn.execute(delete(st).where(st.c.thread_id.in_(part)))


def set_story_ids(conn: Connection, stale: Sequence[dict[str, str]]) -> None:
    """Give each incident {cid}, and its linked events, the story id {sid}: one statement per table."""
    le, lc = linkschema.link_events, linkschema.link_clusters
    conn.execute(update(lc).where(lc.c.id == bindparam("cid")).values(story_id=bindparam("sid")), stale)
    conn.execute(update(le).where(le.c.cluster_id == bindparam("cid")).values(story_id=bindparam("sid")), stale)


def write_stories(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `stories` rows in one statement."""
    conn.execute(insert(linkschema.stories), list(rows))


def forget_links(conn: Connection) -> None:
    """Delete every link: the copy and translation pointers the link pass set (see `link.neardup`)
    and every row of the link tables."""
    d, ld = schema.documents, linkschema.link_documents
    conn.execute(update(d).where(d.c.id.in_(select(ld.c.document_id)), d.c.duplicate_of.is_not(None))
                 .values(duplicate_of=None, translation_of=None))
    for table in linkschema.LINK_TABLES:
        conn.execute(delete(table))


def timeless_hosts(conn: Connection, timeless_blocks: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(block "-" of a unit, block of the incident its reports joined or None) for these blocks."""
    le, lc = linkschema.link_events, linkschema.link_clusters
    for part in chunks(timeless_blocks):
        query = (select(le.c.unit, lc.c.block).select_from(le).join(lc, lc.c.id == le.c.cluster_id, isouter=True)
                 .where(le.c.unit.in_(part)).distinct())
        yield from conn.execute(query)


def block_clusters(conn: Connection, blocks: Sequence[str]) -> Iterator[Any]:
    """(id, unit, thread_id) of the clusters of these blocks."""
    lc = linkschema.link_clusters
    for part in chunks(blocks):
        yield from conn.execute(select(lc.c.id, lc.c.unit, lc.c.thread_id).where(lc.c.block.in_(part)))


def _of_unit(unit: str) -> Any:
    return linkschema.link_events.c.unit.startswith(unit + ":", autoescape=True)


def document_event_data(conn: Connection, doc_ids: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(document id, record) of every asserted event of these documents."""
    e = schema.events
    for part in chunks(doc_ids):
        yield from conn.execute(select(e.c.document_id, e.c.data)
                                .where(e.c.status == "asserted", e.c.document_id.in_(part)))


def unit_events(conn: Connection, unit: str) -> Iterator[tuple[str, EventRow]]:
    """(cluster id, event row) of the asserted events linked in any block of one unit."""
    for row in _event_rows(conn, _of_unit(unit), linked=True, cluster=True):
        yield row[-1], tuple(row[:-1])


def clusters_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    """id -> (id, thread_id, story_id, data) row of these clusters."""
    lc = linkschema.link_clusters
    return {row.id: row for part in chunks(ids)
            for row in conn.execute(select(lc.c.id, lc.c.thread_id, lc.c.story_id, lc.c.data).where(lc.c.id.in_(part)))}


def rewrite_cluster(conn: Connection, cluster_id: str, data: dict[str, Any], digest: str) -> None:
    lc = linkschema.link_clusters
    conn.execute(update(lc).where(lc.c.id == cluster_id).values(data=data, digest=digest))


def forget_clusters(conn: Connection, ids: Sequence[str]) -> None:
    lc = linkschema.link_clusters
    for part in chunks(ids):
        conn.execute(delete(lc).where(lc.c.id.in_(part)))


def move_events(conn: Connection, moved: Sequence[dict[str, Any]]) -> None:
    """Point events at another cluster and story: rows of {eid, cid, sid}."""
    if not moved:
        return
    le = linkschema.link_events
    conn.execute(update(le).where(le.c.event_id == bindparam("eid"))
                 .values(cluster_id=bindparam("cid"), story_id=bindparam("sid")), list(moved))
