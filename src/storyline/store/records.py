"""Documents and their derived records -> the export contract's records (plain dicts).

One function per kind; each record carries `kind` and a stable `id` (the same
input always gives the same ids, which is what makes re-runs idempotent).
Unknown values are None, never "". Offsets into the clean text and the rule
that produced a record ride along as additive fields (`start`, `end`, `rule`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import (
    Actor,
    CitationIssue,
    Claim,
    DateIssue,
    Document,
    Event,
    IngestError,
    Mention,
    Quote,
    stable_id,
)


def _none_if_empty(value: Any) -> Any:
    return None if value == "" else value


def document_record(doc: Document, doc_id: str) -> dict[str, Any]:
    return {
        "kind": "document",
        "id": doc_id,
        "source": doc.source,
        "url": _none_if_empty(doc.url),
        "title": _none_if_empty(doc.title),
        "published": doc.published,
        "published_precision": doc.published_precision if doc.published else None,
        "publisher": _none_if_empty(doc.publisher),
        "authors": list(doc.authors),
        "language": doc.language,
        "text": doc.text,
        "removed_blocks": doc.removed_blocks,
        "duplicate_of": doc.duplicate_of,
        "published_at": doc.published_at,
        "coded": doc.coded,
        "coded_reason": doc.coded_reason,
        "translation_of": None,  # the link pass sets it (link.neardup): the original in another language
    }


def identity(content_hash: str, source: str, copies: Sequence[tuple[str, str]]) -> tuple[str, str, str | None]:
    """(status, id, duplicate_of) of a document of this text and source, given the copies of its
    text already stored as (id, source), oldest first: the one rule `Store.add_document` and the
    Spark job (`scale.identity`) both decide ids by.

    A copy from a source already there is `unchanged` (the same document); the first copy is `new`
    under the content hash; a copy from another source is a `duplicate` under `stable_id(hash, source)`
    pointing at the original (the copy whose id is the hash, else the oldest)."""
    same_source = next((cid for cid, src in copies if src == source), None)
    if same_source:
        return "unchanged", same_source, None
    if copies:
        canonical = next((cid for cid, _ in copies if cid == content_hash), copies[0][0])
        return "duplicate", stable_id(content_hash, source), canonical
    return "new", content_hash, None


def input_record(doc: Document, doc_id: str) -> dict[str, Any]:
    """The input row of a document: which input (key and raw bytes) became which document."""
    return {"id": doc.input_id, "source": doc.source, "raw_hash": doc.raw_hash, "document_id": doc_id}


def stored_document(doc: Document, doc_id: str) -> dict[str, Any]:
    """The document record as stored: the contract's fields plus its content hash and the removed spans."""
    return {**document_record(doc, doc_id), "content_hash": doc.content_hash, "removed": list(doc.removed)}


def error_record(err: IngestError) -> dict[str, Any]:
    return {"kind": "ingest_error", "id": err.id, "source": err.source, "stage": err.stage, "error": err.error}


def _party(actor: Actor | None) -> dict[str, Any] | None:
    return actor.as_record() if actor else None


def record_id(kind: str, doc_id: str, record: dict[str, Any]) -> str:
    """The stable id of a derived record of `doc_id`, from the record's own fields."""
    r = record
    if kind == "mention":
        return stable_id(doc_id, "mention", r["type"], r["start"], r["end"], r["rule"])
    if kind in ("quote", "claim"):
        return stable_id(doc_id, kind, r["start"], r["end"])
    if kind == "citation_issue":
        return stable_id(doc_id, "citation_issue", r["issue"], r["marker"], r["start"], r["end"], r["detail"])
    if kind == "date_issue":
        return stable_id(doc_id, "date_issue", r["issue"], r["start"], r["end"], r["record_id"], r["detail"])
    if kind == "event":
        return stable_id(doc_id, "event", r["type"], r["trigger"]["start"], r["trigger"]["end"],
                         (r["actor"] or {}).get("name"), (r["recipient"] or {}).get("name"))
    raise ValueError(f"no derived record kind {kind!r}")


def _with_id(record: dict[str, Any]) -> dict[str, Any]:
    record["id"] = record_id(record["kind"], record["document_id"], record)
    return record


def rekey(kind: str, record: dict[str, Any], doc_id: str) -> dict[str, Any]:
    """A derived record as the same record of another document (an exact copy stored under its own id)."""
    return _with_id({**record, "document_id": doc_id})


def mention_record(m: Mention, doc_id: str) -> dict[str, Any]:
    return _with_id({
        "kind": "mention",
        "id": "",
        "document_id": doc_id,
        "type": m.kind,
        "text": m.span.text,
        "start": m.span.start,
        "end": m.span.end,
        "value": m.value,
        "rule": m.rule,
    })


def quote_record(q: Quote, doc_id: str) -> dict[str, Any]:
    return _with_id({
        "kind": "quote",
        "id": "",
        "document_id": doc_id,
        "text": q.text,
        "speaker": _party(q.speaker),
        "cue": _none_if_empty(q.cue),
        "direct": q.direct,
        "venue": _none_if_empty(q.venue),
        "start": q.span.start,
        "end": q.span.end,
        "rule": q.rule,
    })


def claim_record(c: Claim, doc_id: str) -> dict[str, Any]:
    return _with_id({
        "kind": "claim",
        "id": "",
        "document_id": doc_id,
        "text": c.text,
        "quantities": [
            {"value": q.value, "qualifier": q.qualifier, "unit": q.unit, "phrase": q.phrase, "upper": q.upper}
            for q in c.quantities
        ],
        "attributed_to": _none_if_empty(c.attributed_to),
        "citations": list(c.citations),
        "start": c.span.start,
        "end": c.span.end,
        "rule": c.rule,
    })


def citation_issue_record(ci: CitationIssue, doc_id: str) -> dict[str, Any]:
    where = (ci.span.start, ci.span.end) if ci.span else (None, None)
    return _with_id({
        "kind": "citation_issue",
        "id": "",
        "document_id": doc_id,
        "issue": ci.issue,
        "marker": ci.marker,
        "detail": ci.detail,
        "start": where[0],
        "end": where[1],
    })


def event_record(e: Event, doc_id: str) -> dict[str, Any]:
    return _with_id({
        "kind": "event",
        "id": "",
        "document_id": doc_id,
        "type": e.type,
        "mode": e.mode,
        "actor": _party(e.actor),
        "recipient": _party(e.recipient),
        "date": e.date,
        "date_precision": e.date_precision if e.date else None,
        "date_text": e.date_text,
        "location": e.location,
        "status": e.status,
        "magnitude": dict(e.magnitude),
        "intensity": e.intensity,
        "evidence": e.evidence.text,
        "reported_by": e.reported_by,
        "confidence": e.confidence,
        "background": e.background,
        "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
        "start": e.evidence.start,
        "end": e.evidence.end,
        "rule": e.rule,
    })


def date_issue_record(di: DateIssue, doc: Document, doc_id: str) -> dict[str, Any]:
    """A date that cannot be right; `record_id` is the id of the event or mention it was found on."""
    record_id = None
    if di.record is not None:
        kind, index = di.record
        if kind == "event":
            record_id = event_record(doc.events[index], doc_id)["id"]
        elif kind == "mention":
            record_id = mention_record(doc.mentions[index], doc_id)["id"]
    return _with_id({
        "kind": "date_issue",
        "id": "",
        "document_id": doc_id,
        "issue": di.issue,
        "detail": di.detail,
        "text": di.span.text if di.span else None,
        "start": di.span.start if di.span else None,
        "end": di.span.end if di.span else None,
        "record_id": record_id,
    })


def derived_records(doc: Document, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every derived record of a document, by kind."""
    return {
        "mention": [mention_record(m, doc_id) for m in doc.mentions],
        "quote": [quote_record(q, doc_id) for q in doc.quotes],
        "claim": [claim_record(c, doc_id) for c in doc.claims],
        "citation_issue": [citation_issue_record(c, doc_id) for c in doc.citation_issues],
        "event": [event_record(e, doc_id) for e in doc.events],
        "date_issue": [date_issue_record(d, doc, doc_id) for d in doc.date_issues],
    }
