"""Why two reports are, or are not, one incident: each merge criterion with its values and verdict.

`explain_merge(store, event_a, event_b)` reads the two events and their documents from the store,
compares them with the linker's own rules (`merge`), and says for each criterion — block (type,
actor country, month), time (no date and no publication date), actor and recipient, place,
figures, dates, the undated report's publication date, evidence similarity, the same-day rule,
the one-person, exchange and vote-count rules, the link score — what each report gives, whether it passes
and the rule's threshold; then whether the store holds them in one incident. `merge_text` renders
that for `storyline explain A --with B`.

Two reports can be one incident without a direct link between them (each linked to a third); the
answer then says so. It decides nothing and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import UsageError
from ..store import linkqueries
from ..store.db import Store
from . import merge


def _report(store: Store, event_id: str) -> merge.Report:
    record = store.record("event", event_id)
    if record is None:
        raise UsageError(f"no event with id {event_id!r} in this store; list them with `storyline export --kind event`")
    row = linkqueries.document_times(store, record["document_id"])
    return merge.report_from_record(record, row.published_at, published=row.published, seen=str(row.ingested_at or ""),
                                    language=row.language)


def explain_merge(store: Store, event_a: str, event_b: str) -> dict[str, Any]:
    """The criteria, values and verdicts for two events (see the module docstring)."""
    a, b = _report(store, event_a), _report(store, event_b)
    if a.type in merge.SYMMETRIC_TYPES and a.actor.get("country") != b.actor.get("country"):
        b.actor, b.recipient = b.recipient, b.actor  # "A met B" meets "B met A"
    criteria: list[dict[str, Any]] = []

    def add(name: str, va: Any, vb: Any, ok: bool, rule: str) -> None:
        criteria.append({"criterion": name, "a": va, "b": vb, "passes": ok, "rule": rule})

    attach = a.unit == b.unit and merge.timeless(a) != merge.timeless(b)  # `merge.attach_hosts` decides
    add("block (type, actor country, month)", a.block, b.block, a.block == b.block or attach,
        "reports are compared only within one block, but a report with no date and no publication date may join "
        "the only incident of its unit (any month) it fits")
    add("news, not a background recap", a.background, b.background, not (a.background or b.background),
        "a recap of an earlier event never joins another report's incident")
    add("time known", a.date or ("published" if a.published_day else "no date"),
        b.date or ("published" if b.published_day else "no date"), True,
        "a report with no date and no publication date to the month meets another such report paying "
        f"{merge.UNDATED_PENALTY + merge.TIMELESS_PENALTY:.1f} of its score, and one placed in time only as the "
        f"only incident of its unit it fits, paying {merge.UNDATED_PENALTY:.1f}")
    inferred = a.recipient_inferred or b.recipient_inferred
    for name, key, side in (("actor sector", "sector", "actor"), ("recipient country", "country", "recipient"),
                            ("recipient sector", "sector", "recipient")):
        va, vb = getattr(a, side).get(key), getattr(b, side).get(key)
        either = ", or on one side not named in the sentence but filled from its document" \
            if side == "recipient" else ""
        free = inferred and side == "recipient"
        if key == "sector":
            country = getattr(a, side).get("country") or getattr(b, side).get("country")
            add(name, va, vb, free or merge.sectors_agree(va, vb, country),
                "equal, unknown on one side, or two arms of one known state's executive (GOV, MIL, COP, SPY)" + either)
        else:
            add(name, va, vb, free or va is None or vb is None or va == vb, "equal, or unknown on one side" + either)
    add("place country", a.place_country, b.place_country,
        a.place_country is None or b.place_country is None or a.place_country == b.place_country,
        "equal, or unknown on one side")
    far = merge.far_figures(a, b)
    add("figures", a.magnitude, b.magnitude, far is None,
        f"none further apart than {merge.FIGURE_SLACK:.0%} and 2, else the score pays {merge.FAR_FIGURE_PENALTY} "
        "(close figures are a conflict of one event)")
    if a.span and b.span:
        gap = max(a.span[0], b.span[0]) - min(a.span[1], b.span[1])
        add("dates", f"{a.date} ({a.precision})", f"{b.date} ({b.precision})",
            gap <= merge.DATE_TOLERANCE_DAYS, f"ranges within {merge.DATE_TOLERANCE_DAYS} day, widened to precision")
    elif a.span or b.span:
        undated, dated = (b, a) if a.span else (a, b)
        published = dt.date.fromordinal(undated.published_day).isoformat() if undated.published_day else None
        add("publication date of the undated report", f"{dated.date}", f"published {published}",
            merge._publication_allows(undated, dated),
            f"the event at most {merge.DATE_TOLERANCE_DAYS} day after, {merge.UNDATED_REACH_DAYS} days before")
    sim = merge.evidence_similarity(a, b)
    one_person = merge.one_person_act(a, b)
    same_parties = merge.same_parties_days(a, b)
    ra = merge.replies(a, linkqueries.document_events(store, a.document_id))
    rb = merge.replies(b, linkqueries.document_events(store, b.document_id))
    told_as_exchange = attach and merge.exchange(ra, rb)
    add("evidence similarity", sorted(a.terms), sorted(b.terms),
        sim >= merge.MIN_EVIDENCE or merge.same_day_dyad(a, b) or one_person or same_parties or told_as_exchange,
        f"{sim:.3f} against {merge.MIN_EVIDENCE} (mean of Jaccard and containment of content stems; of their "
        "first letters, accents folded, for two languages)")
    add("same day, dyad and matter", sorted(a.matters), sorted(b.matters), merge.same_day_dyad(a, b),
        "one event per type, dyad and day lets reports without shared words meet")
    add("one act on one person", f"{a.mode} of {a.recipient.get('id')}", f"{b.mode} of {b.recipient.get('id')}",
        one_person, f"an act done once to one person ({', '.join(sorted(merge.ONE_OFF_MODES))}), of one mode, "
        f"to the same person the lexicon knows, with no figures far apart, scores at least {merge.LINK_SCORE}")
    add("one organisation's act on another, a day apart", f"{a.actor.get('id')} on {a.recipient.get('id')}",
        f"{b.actor.get('id')} on {b.recipient.get('id')}", same_parties,
        f"the same two organisations the lexicon knows, both dated to the day at most {merge.DATE_TOLERANCE_DAYS} "
        f"day apart, a matter in common, no figures far apart and no two towns over {merge.FAR_PLACE_KM:.0f} km "
        f"apart, score at least {merge.LINK_SCORE}")
    add("one exchange", sorted(ra), sorted(rb), told_as_exchange,
        "a report with no time at all and one placed in time, each told in one sentence with a reply of the same "
        "type between the same two states (the other way), link however few words they share; the one with no "
        "time still joins only the one incident of its unit it fits")
    ta, tb = merge.tally(a.evidence), merge.tally(b.evidence)
    add("same vote count", sorted(ta) if ta else None, sorted(tb) if tb else None, merge.same_tally(a, b),
        f"two votes of a legislature giving one count (either side first), evidence at least {merge.MIN_EVIDENCE}, "
        f"score at least {merge.LINK_SCORE}")
    score = merge.link_score(a, b)
    compatible = ((a.block == b.block and merge.compatible(a, b))
                  or (attach and merge.incompatibility(a, b, attach=True) is None))
    add("link score", None, None, score >= merge.LINK_SCORE,
        f"{score:.3f} against {merge.LINK_SCORE} (evidence plus same day/month, same figure, same actor; "
        "at least the floor of the same-day, one-person and vote-count rules)")
    where = linkqueries.clusters_of(store, [event_a, event_b])
    same = where.get(event_a) is not None and where.get(event_a) == where.get(event_b)
    linkable = compatible and (score >= merge.LINK_SCORE or told_as_exchange)
    if same and linkable:
        verdict = "one incident: the two reports link directly"
    elif same:
        verdict = "one incident, through other reports: they do not link directly"
    elif linkable and attach:
        verdict = ("not one incident although they could link: the report with no time at all joins only the one "
                   "incident of its unit it fits, and another incident fits it too, or a report of either "
                   "incident conflicts with the other")
    elif linkable:
        verdict = ("not one incident although they could link: a stronger link of one of them, or a constraint of "
                   "the incident it joined (dates, countries), kept them apart")
    else:
        failed = [c["criterion"] for c in criteria if not c["passes"]]
        verdict = "not one incident: " + ", ".join(failed)
    return {"a": event_a, "b": event_b, "same_incident": same, "incident_a": where.get(event_a),
            "incident_b": where.get(event_b), "similarity": round(sim, 3), "score": round(score, 3),
            "criteria": criteria, "verdict": verdict}


def merge_text(result: dict[str, Any]) -> str:
    lines = [f"events {result['a']} and {result['b']}: {result['verdict']}"]
    for c in result["criteria"]:
        mark = "ok " if c["passes"] else "NO "
        values = "" if c["a"] is None and c["b"] is None else f"  [{_short(c['a'])} | {_short(c['b'])}]"
        lines.append(f"  {mark} {c['criterion']}: {c['rule']}{values}")
    return "\n".join(lines)


def _short(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 70 else text[:67] + "..."
