"""Speakers that Spanish leaves unsaid: `unnamed_speakers(doc, first)` fills the quotes from `first` on
whose speaker the surface rules did not find.

Spanish drops the subject ("—dijo." , "”, añadió.") and names a speaker by a demonym or a title
("publicó el estadunidense", "puntualizó la Embajada"). A quote with no speaker, or whose speaker
takes the person named last before it within `REACH`
characters (in the text before the quote), else the previous quote's speaker. The rule says so
("+es:previous-person", "+es:previous-speaker").
"""

from __future__ import annotations

from ..model import Actor, Document

REACH = 600  # characters before the quote where the person it continues from may be named


def unnamed_speakers(doc: Document, first: int) -> None:
    people = sorted((m for m in doc.mentions if m.kind == "actor" and m.value.get("form") == "person"),
                    key=lambda m: m.span.start)
    previous: Actor | None = None
    for q in doc.quotes[first:]:
        if q.speaker is not None:
            previous = q.speaker
            continue
        before = [m for m in people if q.span.start - REACH <= m.span.start < q.span.start]
        if before:
            v = before[-1].value
            q.speaker = Actor(name=str(v.get("name") or before[-1].span.text), country=v.get("country"),
                              sector=v.get("sector"), id=v.get("id"))
            q.rule += "+es:previous-person"
        elif previous is not None and q.cue:
            q.speaker = previous
            q.rule += "+es:previous-speaker"
        if q.speaker is not None:
            previous = q.speaker
