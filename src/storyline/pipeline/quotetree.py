"""Quotation speakers read off the dependency tree, after the quotes stage's own reading.

Takes a `Document` whose quotes were found (quotes.py) and whose sentences were parsed (the
token layer), and settles three things the word-order reading leaves open:

- the speaker of a quotation is the subject of the speech verb that governs it: the verb the
  quotation's words hang from ('"...," Sheinbaum affirmed'), or the reporting verb around a
  partial quote ("Sheinbaum recalled that the framework is based on “mutual trust”" is
  Sheinbaum's, not the framework's; "with Musk suggesting that it “means ...”" is Musk's);
- a speaker named only by a title ("the president said", "the US President said") is the
  nearest person named before with that title (and that country, when the title gives one);
- a quotation that follows another in the same sentence with nothing between them
  ('"...".."..."') has the same speaker.

A pronoun subject counts only when the actor stage resolved it to a person named in the text,
never to a byline. Headings, reference-list entries and terms in mention stay unattributed.
A quotation no speech verb governs but that is the object of a verb whose subject is a named
person ("Trump attacked “...”") is that person's.
Each change is marked in the quote's `rule` (`+tree-speaker`, `+object-of`, `+title-person`, `+run-on`).
"""

from __future__ import annotations

from ..lexicon_data import per_user_files
from ..model import Actor, Document, Quote
from .eventroles import Context, mention_actor
from .quotenames import NameIndex
from .quotenames import lexicon as quote_lexicon
from .tree import Sentence, sentences

NOT_ATTRIBUTED = (":reference", ":heading", ":term")
SUBJECTS = ("nsubj", "nsubjpass")
GENERIC_WORDS = frozenset({"president", "minister", "secretary", "spokesman", "spokeswoman", "official", "officials"})


@per_user_files
def _speech_lemmas() -> frozenset[str]:
    """Lemmas of the speech cues in lexicon/quotes.yaml ("said" -> say, "affirmed" -> affirm)."""
    from .parse import possible_lemmas

    out: set[str] = set()
    for w in quote_lexicon().cue_verbs:
        out.update(possible_lemmas(w))
    out.update({"say", "tell", "add", "write", "suggest", "recall", "affirm", "state", "declare", "insist",
                "warn", "note", "explain", "stress", "argue", "claim", "post", "tweet", "announce"})
    return frozenset(out)


def refine(doc: Document, first: int = 0, names: NameIndex | None = None) -> None:
    """Re-read the speakers of `doc.quotes[first:]` from the tree and the document's people; `names`
    (the quotes stage's reading of the text's names) vouches for people the actor stage did not find."""
    quotes = doc.quotes[first:]
    if not quotes:
        return
    people = Context(doc.mentions, [])
    parsed = sentences(doc.tokens, doc.sentences, doc.mentions) if doc.tokens else []
    prev: Quote | None = None
    for q in quotes:
        if any(k in q.rule for k in NOT_ATTRIBUTED):
            prev = q
            continue
        sent = next((s for s in parsed if s.span.start <= q.span.start < s.span.end), None)
        tree_speaker = _tree_speaker(sent, q, names) if sent is not None else None
        if tree_speaker is not None and (q.speaker is None or _generic(q.speaker) or _cue_aside(sent, q)) \
                and (q.speaker is None or not _same_head(q.speaker, tree_speaker)):
                q.speaker = tree_speaker
                q.rule += "+tree-speaker"
        if q.speaker is None and sent is not None:
            person = _object_of_person(sent, q, names)
            if person is not None:
                q.speaker = person  # 'Trump attacked “the hateful ideology ...”': the words are Trump's
                q.rule += "+object-of"
        if q.speaker is None and prev is not None and prev.speaker is not None \
                and 0 <= q.span.start - prev.span.end <= 6 and doc.text[prev.span.end:q.span.start].strip(" .…") == "":
            q.speaker = prev.speaker
            q.rule += "+run-on"
        if q.speaker is None and q.direct and _opens_paragraph(doc.text, q.span.start):
            before = [s for s in parsed if s.span.end <= q.span.start]
            if before and doc.text[before[-1].span.end:q.span.start].count("\n") >= 1:
                person = _root_subject(before[-1])  # 'He encouraged the attendees ...' then “...”
                if person is not None:
                    q.speaker = person
                    q.rule += "+previous-subject"
        if q.speaker is not None and _generic(q.speaker):
            lo, hi = (sent.span.start, sent.span.end) if sent is not None else (q.span.start, q.span.start)
            person = people.title_person(q.speaker.name, q.span.start, lo, hi, q.speaker.country)
            if person is not None:
                q.speaker = person
                q.rule += "+title-person"
        prev = q


def _cue_aside(sent: Sentence | None, q: Quote) -> bool:
    """A partial quotation's cue, read before it, that does not govern it: the verb of a clause of its
    own ("X added that the letter Y wrote was “warm”": "wrote" describes the letter; "added" governs)."""
    if sent is None or q.direct or not q.cue or "+before" not in q.rule:
        return False
    first = q.cue.split()[0].lower()
    at = [i for i in sent if sent.tok(i).end <= q.span.start and sent.low(i) == first]
    if not at or sent.tok(at[-1]).dep not in ("relcl", "acl"):
        return False
    return not any(sent.dominates(at[-1], i) for i in _inside(sent, q))


def _inside(sent: Sentence, q: Quote) -> list[int]:
    """The words of the sentence that start inside the quotation."""
    return [i for i in sent if q.span.start <= sent.tok(i).start < q.span.end]


def _generic(a: Actor) -> bool:
    """A speaker named by a title or a body, not a person of the lexicon (whose ids are lower case)."""
    return (a.id is not None and a.id.isupper()) or a.name[:1].islower() or \
        (a.id is None and len(a.name.split()) == 1 and a.name.lower() in GENERIC_WORDS)


def _same_head(ours: Actor, tree: Actor) -> bool:
    """The tree's speaker is ours or its head noun alone ("businessman" for "New York businessman"),
    so the fuller words stay."""
    a, b = ours.name.lower(), tree.name.lower()
    return a == b or (a.endswith(" " + b) and " " not in b)


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos].strip() == ""


def _root_subject(sent: Sentence) -> Actor | None:
    root = sent.root()
    for s in sent.children(root, *SUBJECTS):
        actor = _actor_at(sent, s)
        if actor is not None and not _generic(actor):
            return actor
    return None


def _tree_speaker(sent: Sentence, q: Quote, names: NameIndex | None = None) -> Actor | None:
    inside = _inside(sent, q)
    if not inside:
        return None
    tops = [i for i in inside if not (q.span.start <= sent.tok(sent.tok(i).head).start < q.span.end)
            or sent.tok(i).head == i]
    speech = _speech_lemmas()
    for top in tops[:3]:
        for a in [top, *sent.ancestors(top)]:
            if q.span.start <= sent.tok(a).start < q.span.end:
                continue
            if sent.tok(a).lemma in speech and sent.tok(a).pos in ("VERB", "AUX"):
                for s in sent.children(a, *SUBJECTS):
                    actor = _actor_at(sent, s) or _named_subject(sent, s, names)
                    if actor is not None:
                        return actor
                for s in [] if sent.children(a, *SUBJECTS) else _controller_subjects(sent, a):
                    actor = _actor_at(sent, s) or _named_subject(sent, s, names)
                    if actor is not None:
                        return actor
                break
    return None


def _named_subject(sent: Sentence, s: int, names: NameIndex | None) -> Actor | None:
    """The organisation or person a proper-noun subject names, as the quotes stage reads names."""
    if names is None or sent.tok(s).pos != "PROPN":
        return None
    named = names.named_at(sent.tok(s).start, sent.tok(s).end, ("person", "org"))
    if named is None or named.kind != "person":
        # A body's name with a possessive in it: "People's" in "the People's Ledger".
        parts = [s]
        while kids := [k for k in sent.children(parts[-1], "compound", "poss")
                       if k < parts[-1] and sent.tok(k).pos == "PROPN"]:
            parts.append(min(kids))
        start = min(sent.tok(k).start for k in parts)
        if start < sent.tok(s).start:
            named = names.named_span(start, sent.tok(s).end, ("person", "org")) or named
    return names.actor(named) if named is not None else None


def _controller_subjects(sent: Sentence, a: int) -> list[int]:
    """The subjects of the verb whose document or clause a subjectless speech verb at a belongs to:
    "The board sent a memo cautioning that “...”" (cautioning describes the memo the board sent),
    "The board met on Monday, warning that “...”"."""
    head = sent.head(a)
    if head is None:
        return []
    dep = sent.tok(a).dep
    if dep == "acl" and sent.tok(head).pos == "NOUN" and sent.tok(head).dep in ("dobj", "obj"):
        verb = sent.head(head)
    elif dep in ("advcl", "xcomp"):
        verb = head
    else:
        return []
    if verb is None or sent.tok(verb).pos != "VERB" or _aside_closes_between(sent, verb, a):
        return []
    return list(sent.children(verb, "nsubj"))


ASIDE_DASHES = frozenset({"-", "–", "—", "--"})


def _aside_closes_between(sent: Sentence, verb: int, a: int) -> bool:
    """The verb at `verb` sits in an aside between dashes or brackets that closes before the word at `a`
    ("Marchers walked past the arena - where the Hawks played - while chanting, “...”"): the clause in
    the aside is no controller of what follows it, whatever the parse attaches."""
    if a < verb:
        return False
    words = [sent.tok(i).text for i in sent]
    v, w = verb - sent.first, a - sent.first
    if not (0 <= v < w <= len(words)):
        return False
    dashes_before = sum(1 for t in words[:v] if t in ASIDE_DASHES)
    if dashes_before % 2 == 1 and any(t in ASIDE_DASHES for t in words[v:w]):
        return True
    opened = words[:v].count("(") - words[:v].count(")")
    return opened > 0 and ")" in words[v:w]


# How quoted words hang from a verb that is no speech verb yet makes them its subject's words:
# its object ('attacked “...”'), what it likens or compares them to ('likened the rules to “...”'),
# or its clausal complement.
OBJECT_DEPS = ("dobj", "obj", "ccomp", "xcomp", "oprd")
LINKING_PREPOSITIONS = frozenset({"to", "as"})


def _object_of_person(sent: Sentence, q: Quote, names: NameIndex | None = None) -> Actor | None:
    """The named person subject of the verb whose object the quotation is ("Trump attacked “...”",
    "Another critic, Laurence Tribe, likened the rules to “...”"); only a person the actor stage
    knows or `names` reads as one (a title, a known given name, two name words), and never under a
    verb that only names ("named it “...”", "called the plan “Bright Future”")."""
    inside = [i for i in _inside(sent, q) if sent.tok(i).pos != "PUNCT"]
    tops = [i for i in inside
            if sent.head(i) is None or not q.span.start <= sent.tok(sent.tok(i).head).start < q.span.end]
    if len(tops) != 1:
        return None
    top = tops[0]
    head = sent.head(top)
    if head is None:
        return None
    dep = sent.tok(top).dep
    if dep in ("pobj", "pcomp") and sent.low(head) in LINKING_PREPOSITIONS:
        verb = sent.head(head)
    elif dep in OBJECT_DEPS:
        verb = head
    else:
        return None
    if verb is None or sent.tok(verb).pos != "VERB" or sent.tok(verb).lemma in ("be", "have", "name", "dub"):
        return None
    # "called the plan “Bright Future”" names it; "called the plan “reckless”" gives the caller's word for it.
    if sent.tok(verb).lemma == "call" and not any(w[:1].islower() for w in q.text.split()):
        return None
    for s in sent.children(verb, "nsubj"):
        actor = _actor_at(sent, s)
        m = next((sent.mention(k) for k in [s, *sent.children(s, "appos")] if sent.mention(k) is not None), None)
        if actor is not None and m is not None and m.value.get("form") in ("person", "unknown_person"):
            return actor
        if names is not None:
            for k in [s, *sent.children(s, "appos")]:
                person = names.person_at(sent.tok(k).start, sent.tok(k).end) if sent.tok(k).pos == "PROPN" else None
                if person is not None:
                    return names.actor(person)
    return None


def _actor_at(sent: Sentence, s: int) -> Actor | None:
    if sent.tok(s).pos == "PRON":
        return None  # the quotes stage resolves pronouns with its own, better reading
    for k in [s, *sent.children(s, "appos")]:  # the subject's own head, never a modifier ("a US official")
        m = sent.mention(k)
        if m is None:
            continue
        v = m.value
        if m.rule.startswith("coref:") and v.get("form") != "person":
            continue
        return mention_actor(v, m.span.text)
    return None
