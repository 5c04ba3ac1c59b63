"""What the near-duplicate pass (`link.neardup`) reads and writes: documents not yet seen, the LSH
band index, near-duplicate groups, copy and translation pointers.

Every statement is a SQLAlchemy Core expression run on the caller's connection, inside the link
run's one transaction; `link.neardup` holds the decisions and no SQL. Look-ups by many ids go
`CHUNK` ids per `IN (...)`, under every database's parameter limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from . import linkschema, schema

CHUNK = 500  # ids per IN (...) query, under every database's parameter limit
ROWS_AT_ONCE = 5000  # rows per multi-row insert


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def unlinked_document_ids(conn: Connection) -> list[str]:
    """Ids of the documents the near-duplicate pass has not seen, in arrival order."""
    d, ld = schema.documents, linkschema.link_documents
    return list(conn.execute(select(d.c.id).where(d.c.id.not_in(select(ld.c.document_id)))
                             .order_by(d.c.ingested_at, d.c.id)).scalars().all())


def has_unlinked_document(conn: Connection) -> bool:
    d, ld = schema.documents, linkschema.link_documents
    return conn.execute(select(d.c.id).where(d.c.id.not_in(select(ld.c.document_id))).limit(1)).first() is not None


def documents_to_link(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    """id -> row (id, text, duplicate_of, content_hash, ingested_at, language, published); at most `CHUNK` ids."""
    d = schema.documents
    return {r.id: r for r in conn.execute(select(d.c.id, d.c.text, d.c.duplicate_of, d.c.content_hash,
                                                 d.c.ingested_at, d.c.language, d.c.published)
                                          .where(d.c.id.in_(ids)))}


def documents_by_hash(conn: Connection, hashes: Sequence[str]) -> Iterator[tuple[str, str, Any]]:
    """(content hash, id, ingested_at) of every stored document with one of these hashes."""
    d = schema.documents
    for part in chunks(hashes):
        yield from conn.execute(select(d.c.content_hash, d.c.id, d.c.ingested_at).where(d.c.content_hash.in_(part)))


def texts(conn: Connection, ids: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(id, text) of these documents."""
    d = schema.documents
    for part in chunks(ids):
        yield from conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(part)))


def canonical_rows(conn: Connection, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """{id, published, published_at, ingested_at} of these documents: what picks a group's original."""
    d = schema.documents
    for part in chunks(ids):
        for r in conn.execute(select(d.c.id, d.c.published, d.c.published_at, d.c.ingested_at)
                              .where(d.c.id.in_(part))):
            yield r._asdict()


def bucket_sizes(conn: Connection, buckets: Sequence[str]) -> Iterator[tuple[str, int]]:
    """(bucket, documents stored in it) of these band buckets, those holding any."""
    mb = linkschema.minhash_bands
    for part in chunks(buckets):
        yield from conn.execute(select(mb.c.band, func.count()).where(mb.c.band.in_(part))
                                .group_by(mb.c.band))


def bucket_members(conn: Connection, buckets: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(bucket, document id) of every document stored in these band buckets."""
    mb = linkschema.minhash_bands
    for part in chunks(buckets):
        yield from conn.execute(select(mb.c.band, mb.c.document_id).where(mb.c.band.in_(part)))


def write_bands(conn: Connection, rows: Sequence[dict[str, str]]) -> None:
    """Insert `minhash_bands` rows ({band, document_id}) in the order given."""
    for part in chunks(rows, ROWS_AT_ONCE):
        conn.execute(insert(linkschema.minhash_bands), list(part))


def group_of(conn: Connection, doc: str) -> str | None:
    """The canonical of a linked document's group, or None when the pass has not seen it."""
    ld = linkschema.link_documents
    found: str | None = conn.execute(select(ld.c.group_id).where(ld.c.document_id == doc)).scalar_one_or_none()
    return found


def groups_of(conn: Connection, docs: Sequence[str]) -> dict[str, str]:
    """`group_of` for many documents in a few queries: those the pass has seen, with their canonical."""
    ld = linkschema.link_documents
    found: dict[str, str] = {}
    for part in chunks(docs):
        found.update((r.document_id, r.group_id)
                     for r in conn.execute(select(ld.c.document_id, ld.c.group_id).where(ld.c.document_id.in_(part))))
    return found


def write_groups(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `link_documents` rows ({document_id, group_id, exact, similarity})."""
    for part in chunks(rows, ROWS_AT_ONCE):
        conn.execute(insert(linkschema.link_documents), list(part))


def set_duplicate_of(conn: Connection, pointers: Sequence[dict[str, Any]]) -> None:
    """`documents.duplicate_of` = target for each {node, target}, in one statement."""
    d = schema.documents
    conn.execute(update(d).where(d.c.id == bindparam("node")).values(duplicate_of=bindparam("target")), pointers)


def move_group(conn: Connection, old: str, canonical: str) -> list[str]:
    """Give the group whose canonical was `old` the canonical `canonical`: each member's
    `duplicate_of` (none for the canonical itself) and group; returns the members."""
    d, ld = schema.documents, linkschema.link_documents
    members = list(conn.execute(select(ld.c.document_id).where(ld.c.group_id == old)).scalars().all())
    for member in members:
        conn.execute(update(d).where(d.c.id == member).values(duplicate_of=None if member == canonical
                                                                else canonical))
    conn.execute(update(ld).where(ld.c.group_id == old).values(group_id=canonical))
    return members


def any_translation(conn: Connection) -> bool:
    """Whether any stored document is marked a translation."""
    d = schema.documents
    return conn.execute(select(d.c.id).where(d.c.translation_of.is_not(None)).limit(1)).first() is not None


def stored_languages(conn: Connection, languages: Iterable[str]) -> set[str]:
    """Those of these languages the store holds a document in."""
    d = schema.documents
    return {lang for lang in languages if conn.execute(select(d.c.id).where(d.c.language == lang).limit(1)).first()}


def translation_candidates(conn: Connection, languages: Sequence[str], first_day: str, last_day: str,
                           exclude: str, limit: int) -> Iterable[tuple[str, str]]:
    """(id, text) of up to `limit` originals (no `duplicate_of`) in these languages published in
    [first_day, last_day], other than `exclude`, earliest first; read as the caller iterates."""
    d = schema.documents
    return conn.execute(select(d.c.id, d.c.text).where(d.c.language.in_(languages), d.c.published >= first_day,
                                                       d.c.published <= last_day, d.c.id != exclude,
                                                       d.c.duplicate_of.is_(None))
                        .order_by(d.c.published, d.c.id).limit(limit))


def translation_state(conn: Connection, ids: Sequence[str]) -> list[Any]:
    """Rows (id, language, duplicate_of, translation_of) of these documents; at most `CHUNK` ids."""
    d = schema.documents
    return list(conn.execute(select(d.c.id, d.c.language, d.c.duplicate_of, d.c.translation_of)
                             .where(d.c.id.in_(ids))).all())


def languages(conn: Connection, ids: Sequence[str]) -> dict[str, str | None]:
    """id -> language of these documents; at most `CHUNK` ids."""
    d = schema.documents
    return dict(conn.execute(select(d.c.id, d.c.language).where(d.c.id.in_(ids))).all())


def set_translation_of(conn: Connection, doc: str, original: str | None) -> None:
    d = schema.documents
    conn.execute(update(d).where(d.c.id == doc).values(translation_of=original))


def duplicate_pointers(conn: Connection, ids: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(id, duplicate_of) of these documents."""
    d = schema.documents
    for part in chunks(ids):
        yield from conn.execute(select(d.c.id, d.c.duplicate_of).where(d.c.id.in_(part)))
