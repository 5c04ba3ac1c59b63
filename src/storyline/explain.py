"""Why an event was coded so: `explain_event(record)` renders a stored event record as prose.

Takes an export `event` record (a dict as `store.records.event_record` makes it: type, mode,
actor, recipient, status, date, trigger, evidence, rule, ...) and gives a few lines of text: the
trigger words and their offsets, the lexicon entry that matched (with its conditions, read back
from lexicon/triggers.yaml), how the actor and recipient were found, the words that set the
status, where the date came from, the manual's intensity, magnitude and the credited source.

It reads only the record and the packaged lexicon; it does not re-run the coder, so it explains
the record as it was stored (the `rule` field lists each decision, `; `-separated).
"""

from __future__ import annotations

from typing import Any

from .pipeline.eventlex import Trigger, lexicon

ACTOR_RULES = {
    "subject": "the subject (nsubj) of the trigger verb in the parse",
    "subject-of": "the group named inside the subject ('tens of thousands of students', 'leaders of the party')",
    "subject-inner": "a named actor inside the subject phrase ('officials in Washington')",
    "subject-modifier-country": "the country word on a subject the lexicon does not name ('Iraqi Kurds')",
    "subject+speaker": "a pronoun subject inside a speech clause: the speaker ('Nigeria said it will ...')",
    "passive-by": "the agent ('by' phrase) of a passive verb",
    "stative-subject": "the subject of a participle of stance ('is opposed to', 'is committed to')",
    "undergoer-subject": "the forces that stood down (subject of a passive withdrawal or demobilisation)",
    "controller": "the subject of the verb whose complement the trigger is ('threatened to strike')",
    "object-control": "the one told or ordered to act ('urged Mexico to stop')",
    "coordinated-subject": "the subject shared by coordinated verbs ('condemned A and urged B')",
    "adjunct-subject": "the subject of the clause a participle or 'by ...ing' phrase hangs on",
    "relative-head": "the noun a relative clause describes ('Maduro, who has pledged')",
    "instrument-subject": "the one who signed or issued the instrument doing it ('signed an order that designated')",
    "copula-subject": "the subject of 'be' before a predicate adjective ('Norway is willing to')",
    "misparsed-subject": "the noun the parser took for the whole sentence, before a finite verb",
    "previous-sentence-subject": "the main subject of the sentence before ('They include designating ...')",
    "nominal-possessive": "the possessor of the noun ('Trump's threat')",
    "nominal-modifier": "the country or group word on the noun ('U.S. strikes', 'military drills')",
    "nominal-by": "the 'by' phrase after the noun",
    "nominal-forces": "the forces moved ('a buildup of maritime forces')",
    "light-verb-subject": "the subject of the verb carrying the noun ('held talks', 'launched strikes')",
    "adjunct-subject+meeting": "the subject of the clause a meeting is named in ('during the call, she ...')",
    "between": "the parties named after 'between' (a reciprocal event)",
    "operation-agent": "the country of the operation named with the act ('killed during a Peruvian operation')",
    "directive-subject": "the one who ordered its own side to act ('ordered the navy to strike')",
    "document-same-type": "open in the sentence; the side the document's other events of this type are by",
    "reciprocal": "each other: coordinated parties of a joint act ('X and Y agreed')",
    "sentence-only-other-country": "the only other country the sentence names (no recipient in the clause)",
    "document-counterpart": "open in the sentence; the state the document is mostly about besides the actor's",
    "recipient:clause-subject": "the subject of the clause demanded or threatened ('demanded that the US cancel')",
    "recipient:casualty-object": "whom the casualty verb under the attack names ('attacks have killed X')",
    "recipient:targeting": "the object of a 'targeting' phrase on the trigger",
    "territory": "the country of the territory the act took place on ('on Honduran soil'), nothing else targeted",
    "place-country": "the country of the place the act hit or entered",
}
VIA = {"quote-speaker": "the speaker of the quotation (I/we)", "coref": "the actor stage's coreference (he/she)",
       "pronoun": "a pronoun resolved to the last group or state named before it",
       "mention": "the actor lexicon", "context": "the document: the nearest or most named actor of that sector",
       "title-person": "the document's person with that title", "crm-vessel": "a vessel described as smuggling",
       "crm-people": "people named by what they traffic", "crm-aboard": "people aboard a smuggling vessel",
       "actor-noun": "a group word (triggers.yaml actor_nouns)", "modifier-country": "the country word on it",
       "modifier-country-of-thing": "the country of the goods or assets targeted ('Chinese steel')",
       "phrase-country": "a country named in its phrase ('students throughout Indonesia')",
       "possessor": "its possessor ('her government')", "compound-group": "the group word before it"}
STATUS_WORDS = {
    "asserted": "reported as having happened",
    "planned": "planned or announced, not yet done",
    "hypothetical": "conditional, asked or speculated",
    "negated": "reported as not having happened",
}


def _party(p: dict[str, Any] | None) -> str:
    if not p:
        return "none found"
    bits = [x for x in (p.get("country"), p.get("sector")) if x]
    return f"{p.get('name')} ({', '.join(bits)})" if bits else str(p.get("name"))


def _parts(rule: str) -> tuple[str, dict[str, str], list[str]]:
    head, *rest = [x.strip() for x in (rule or "").split(";") if x.strip()] or [""]
    fields: dict[str, str] = {}
    for r in rest:
        key, sep, value = r.partition("=")
        if sep:
            fields.setdefault(key, value)
    return head, fields, rest


def _entry(head: str) -> Trigger | None:
    """The lexicon reading named by a rule head like 'triggers.yaml:verb:threaten#1'."""
    return next((t for t in lexicon().triggers if t.rule == head), None)


def _role(value: str | None) -> str:
    if not value or value == "none":
        return "not found"
    value, *via = value.split("+")
    if via:
        return _role(value) + "; resolved through " + ", ".join(VIA.get(v.split(":")[0], v) for v in via)
    if value in ACTOR_RULES:
        return ACTOR_RULES[value]
    if value.startswith(("light-verb-", "statement-")) and value.split("-", 2)[-1] in ACTOR_RULES:
        return ACTOR_RULES[value.split("-", 2)[-1]]
    if value.startswith("fallback:") and value not in ACTOR_RULES:
        prep = value.split(":", 1)[1].removesuffix("-nested")
        where = "its direct object" if prep == "object" else f"the object of '{prep}'"
        return f"{where}, the best recipient left when the trigger's own recipient places named no one " \
               "(triggers.yaml fallback_recipient_prepositions)"
    if value.startswith("recipient:"):
        prep = value.split(":", 1)[1]
        nested = prep.endswith("-nested")
        prep = prep.removesuffix("-nested")
        where = "the verb's direct object" if prep == "object" else f"the object of '{prep}' after the trigger"
        return where + (" (further along the same phrase)" if nested else "")
    return ACTOR_RULES.get(value, value)


def explain_event(record: dict[str, Any]) -> str:
    """A few lines saying why this event record has its type, roles, status, date and score."""
    head, fields, rest = _parts(record.get("rule") or "")
    trig = record.get("trigger") or {}
    mode = f" ({record['mode']})" if record.get("mode") else ""
    lines = [f"Event {record.get('id')}: {record.get('type')}{mode}, {record.get('status')} — "
             f"{STATUS_WORDS.get(record.get('status') or '', '')}",
             f"  evidence: “{record.get('evidence')}”",
             f"  trigger: “{trig.get('text')}” at characters {trig.get('start')}–{trig.get('end')}"
             + (f" (parsed as {fields['parse'].replace('/', ', ')})" if fields.get("parse") else "")]
    entry = _entry(head)
    if entry is not None:
        conds = []
        if entry.needs:
            conds.append(f"needs one of {', '.join(entry.needs)} within {entry.within} words")
        if entry.unless:
            conds.append(f"unless followed by {', '.join(entry.unless)}")
        if entry.governs:
            conds.append("its clause is its content (triggers inside only give the mode)")
        lines.append(f"  lexicon: {head} -> {entry.type}{' / ' + entry.mode if entry.mode else ''}"
                     + (f"; {'; '.join(conds)}" if conds else ""))
    else:
        lines.append(f"  lexicon: {head or 'unknown rule'}")
    for note in rest:
        key, _, value = note.partition("=")
        if key == "future-as":
            lines.append(f"  recoded: {value} — PLOVER codes an action its actor announces or floats as the "
                         "manual's single category (plover.yaml future_as)"
                         + ("; announced on a condition ('unless ...'), it is a threat (plover.yaml unless_as)"
                            if value.endswith(",unless)") else ""))
        elif key in ("threat-of", "promise-of", "content"):
            lines.append(f"  mode from the content: a {value} inside the trigger's clause")
        elif key == "protest-as-attribution":
            lines.append("  recoded: PROTEST->ACCUSE — the protest verb closes the sentence as its attribution "
                         "(', a rights group protested'): a verbal protest, not a demonstration")
        elif key == "negated-as":
            lines.append(f"  recoded: said with a negation, the reading is {value} (triggers.yaml negated_as)")
        elif key == "refusal-of":
            lines.append(f"  recoded: a refusal of {value} — a negated act of one's own side stated with a modal")
        elif key == "would-as":
            lines.append("  status: 'would' after a speech verb in the past, with no condition, is the future of "
                         "what was said ('said it would send troops'): planned, not hypothetical")
        elif key == "background":
            lines.append("  background: the sentence recaps an earlier event; it joins no new incident")
        elif key == "mode-cue":
            lines.append(f"  mode from a cue word in the clause: {value} (triggers.yaml mode_cues)")
    lines.append(f"  actor: {_party(record.get('actor'))} — {_role(fields.get('actor'))}")
    lines.append(f"  recipient: {_party(record.get('recipient'))} — {_role(fields.get('recipient'))}")
    status = fields.get("status", "")
    if "future-as" in fields or "would-as" in fields:
        lines.append(f"  status: read as {status}, then recoded as {record.get('status')} with the type above")
    elif "(" in status:
        lines.append(f"  status: {record.get('status')}, set by “{status[status.index('(') + 1:-1]}”")
    else:
        lines.append(f"  status: {record.get('status')} (no modal, negation, condition or question around it)")
    date_rule = fields.get("date", "none")
    if record.get("date"):
        where = {"date:clause": "in the event's own clause", "date:sentence": "elsewhere in its sentence",
                 "date:quote-attribution": "in the sentence attributing the quotation",
                 "date:episode-year": "the year the text gives the episode"}.get(date_rule, date_rule)
        lines.append(f"  date: {record['date']} ({record.get('date_precision')}) from “{record.get('date_text')}”, "
                     f"{where}")
    else:
        lines.append("  date: none — no temporal expression of its own (the publication date is never used)")
    if record.get("intensity") is not None:
        lines.append(f"  intensity: {record['intensity']} (PLOVER manual score for {record.get('type')}"
                     f"{': ' + record['mode'] if record.get('mode') else ''})")
    mag = {k: v for k, v in (record.get("magnitude") or {}).items() if v is not None}
    if mag:
        lines.append("  magnitude: " + ", ".join(f"{k} {v}" for k, v in mag.items()))
    loc = record.get("location")
    if loc:
        lines.append(f"  place: {loc.get('name')} ({loc.get('precision')})")
    if record.get("reported_by"):
        lines.append(f"  reported by: {record['reported_by']} ({fields.get('reported_by', '')})")
    lines.append(f"  confidence: {record.get('confidence')}")
    return "\n".join(lines)
