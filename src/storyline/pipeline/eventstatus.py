"""Whether an event happened, read off the tree: asserted, planned, hypothetical or negated.

Takes a `tree.Sentence`, the word that carries the event's verb phrase (the trigger verb, or
the light verb of a nominal trigger) and the event lexicon, and gives a `Status` with the cue:

- **negated**: a `neg` child ("did not strike", "never met"), "no" before a nominal trigger
  ("no strikes"), the negation of a verb the trigger is conjoined to, unless the trigger has a subject
  or an auxiliary of its own ("did not meet them but did condemn them"), a subject that names no one
  ("no country", "none of", "nobody", "neither X nor Y", "not X nor Y"), or a verb the trigger is the
  complement of that undoes it ("refused to meet", "failed to stop", "denied launching");
- **hypothetical**: a condition (`advcl` marked if/unless/whether/lest, or with its auxiliary before its
  subject: "should talks fail", "had the army struck"; "in case", "in the event", "provided that", "as long
  as"), a question ("asked whether the army struck",
  "has the army struck?"; not "why has the army struck?", which takes the act as done), a modal of possibility
  (would, could, might, may), a verb of deliberation the trigger hangs on ("was considering
  strikes", "proposed sending"; not a speech act whose author is named, "discussed Ukraine's request",
  which was made), or a modifier ("possible strikes", "the option of strikes");
- **planned**: a future modal (will, 'll, going to, also "is going to" read with `going` as the verb),
  a verb of intent ("plans to", "prepares to", "vowed to") or an adjective of readiness ("ready to",
  "willing to"); "likely to" and "about to" are hypothetical, and so is an act one has to or needs to
  do ("has to sign", not the past "had to"), an act in the clause of a wish or a proposal ("want the
  army to withdraw", "proposed that the army withdraw"), in a supposition ("suppose the army struck")
  or in a participle under a modal ("could cross the border, attacking the camps"); "has yet to" negates;
- **asserted** otherwise, also through verbs that pass the act on ("decided to pause", "began
  to deploy", "ordered strikes"); the purpose of an armed operation takes the status of the verb
  over the operation ("ordered a raid to seize" asserted, "planned a raid to" planned).

The climb stops at a clause of its own (a `ccomp` of a speech verb keeps its inner status:
"said it will strike" is planned, "said it struck" asserted). Lists are `tree_status` in
`lexicon/triggers.yaml`. It does not decide what a planned act becomes (events.py does).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .eventlex import EventLexicon
from .tree import Sentence

# Prepositions of time whose object happened whatever the verb they hang on: "during the call, she
# proposed ..." (the call took place; only the proposal is a proposal).
PRESUPPOSING = frozenset({"during", "after", "following", "since", "amid"})
# Nouns of an armed operation whose purpose clause is the operation's act: "launched an operation to capture
# the rebel leader" tells the capture as the operation, with the status of the verb over the noun.
OPERATION_NOUNS = frozenset({"operation", "raid", "mission", "offensive"})


def operation_purpose(sent: Sentence, v: int) -> int | None:
    """The verb over the operation noun whose purpose clause v is: "ordered" in "ordered an operation to
    capture", the clause hanging on the noun or, as the parser also reads it, on the verb whose object the
    noun is. None otherwise."""
    t = sent.tok(v)
    h = sent.head(v)
    if t.tag != "VB" or h is None or not any(sent.low(k) == "to" for k in sent.children(v, "aux")):
        return None
    if t.dep in ("acl", "relcl"):
        n = sent.tok(h)
        return sent.head(h) if n.lemma in OPERATION_NOUNS and n.dep in ("dobj", "nsubjpass") else None
    if t.dep in ("advcl", "xcomp") and sent.tok(h).pos == "VERB" and any(
            sent.tok(o).lemma in OPERATION_NOUNS for o in sent.children(h, "dobj", "nsubjpass")):
        return h
    return None


@dataclass
class Status:
    value: str  # asserted | planned | hypothetical | negated
    cue: str | None = None
    speech: int | None = None  # the speech verb whose clause holds the event, if any
    condition: bool = False  # under an if/unless clause


SEEING = frozenset({"see", "watch"})
# Verbs of obligation: in the present, an act one has to or needs to do is not done yet ("has to sign a
# deal", "we need to back the army"); in the past it mostly was ("had to withdraw"), and stays asserted.
OBLIGING = frozenset({"have", "need"})


def _to_infinitive(sent: Sentence, v: int) -> bool:
    return any(sent.low(k) == "to" for k in sent.children(v, "aux"))
ENSURING = frozenset({"ensure", "insure", "guarantee"})


# Adjectives over an act that say it is not done: "were unable to reach a deal", "unfit to stand trial".
UNABLE = frozenset({"unable", "unwilling", "powerless", "unfit", "incompetent", "loath", "loth"})
# What a speaker is said to say untruly, and the claims a fact or a party refutes.
UNTRULY = frozenset({"falsely", "wrongly", "wrongfully", "mistakenly", "erroneously", "untruthfully"})
CLAIMS = frozenset({"claim", "assertion", "allegation", "suggestion", "notion", "contention", "story", "account"})
REFUTING = frozenset({"contradict", "refute", "debunk", "disprove", "deny", "dismiss", "reject", "dispute", "belie",
                      "undercut", "undermine"})


# Adjectives over an act that tell it as intended or as likely, not as done: "stands ready to help", "is
# likely to attack" (after UNABLE, whose acts are negated).
READY = frozenset({"ready", "prepared", "willing", "eager", "keen", "poised", "determined", "resolved"})
# Verbs of a wish or a proposal whose clause tells an act, often another party's, as wanted, not done: "want the
# army to withdraw", "proposed that the army withdraw".
WISHING = frozenset({"want", "wish", "hope", "prefer", "propose", "recommend", "intend", "plan"})
LIKELY = frozenset({"likely", "unlikely", "about"})  # "was about to attack when the truce came": not told as done
# Cues of a status that commits its actor to nothing, even when the actor says it: a likelihood, a question,
# what one says one should or can do ("we should be backing them", "maybe I can talk to them"), and the
# purpose of something else one does ("we came together to resist the plan", "we formed a group to help them").
UNCOMMITTED = frozenset({"likely", "unlikely", "whether", "if (asked)", "?", "should", "ought", "can", "ca",
                         "to (purpose)", "looked for"})
# Conditions told by other words than "if": "in case the rebels attack", "in the event (that) they attack", "in
# case of an attack", "lest they attack", "provided that they attack", "as long as they attack".
CONDITION_NOUNS = frozenset({"case", "event"})
CONDITION_MARKS = frozenset({"lest"})
PROVIDED = frozenset({"provided", "providing"})


def _in_case(sent: Sentence, n: int) -> bool:
    """n is the noun of "in case" or "in the event"."""
    h = sent.head(n)
    return sent.tok(n).lemma in CONDITION_NOUNS and sent.tok(n).dep == "pobj" and h is not None \
        and sent.low(h) == "in"


# Imperatives that set up a supposition: "suppose the army struck", "say the rebels attacked".
SUPPOSING = frozenset({"suppose", "imagine", "assume", "say", "pretend"})
# Marks of a clause that asks rather than tells: "examining whether the army struck", "did not say if it had".
ASKING = frozenset({"whether", "if"})
# Subjects that name no one: "nobody attacked", "none of the rebels attacked".
NO_ONE = frozenset({"nobody", "none", "noone", "nothing"})
# Auxiliaries that open a condition when they come before its subject: "should talks fail", "had it struck",
# "were the army to strike".
INVERTED_CONDITION = frozenset({"should", "had", "were"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _negative_subject(sent: Sentence, v: int) -> str | None:
    """The word that makes v's subject name no one: "no" in "no country condemned", "none", "neither" in
    "neither the army nor the police attacked", "not" in "not the army nor the police are attacking"."""
    for s in sent.children(v, "nsubj", "nsubjpass"):
        if sent.low(s) in NO_ONE:
            return sent.low(s)
        for k in sent.children(s, "det", "neg", "preconj"):
            if sent.low(k) in ("no", "neither") or (sent.low(k) == "not" and k < s and any(
                    sent.low(c) == "nor" for c in sent.children(s, "cc"))):
                return sent.low(k)
        if sent.low(s) == "one" and any(sent.low(k) == "no" for k in sent.children(s, "det")):
            return "no"
    return None


def _inverted(sent: Sentence, v: int) -> int | None:
    """The auxiliary of v that comes before v's subject ("has the army struck", "should talks fail"), if any."""
    subj = sent.children(v, "nsubj", "nsubjpass", "expl")
    if not subj:
        return None
    for k in sent.children(v, "aux", "auxpass"):
        if k < subj[0]:
            return k
    return None


def _yes_no_question(sent: Sentence, v: int) -> bool:
    """v heads a question that asks whether it was done: its auxiliary before its subject, a question mark
    closing its clause, no wh-word before it ("has the army struck?", not "why has the army struck?")."""
    aux = _inverted(sent, v)
    if aux is None:
        return False
    span = sent.subtree(v)
    if not any(sent.low(k) == "?" for k in span if k > v) and not (
            span[-1] + 1 < sent.end and sent.low(span[-1] + 1) == "?"):
        return False
    return not any(sent.tok(k).tag in WH_TAGS for k in range(sent.first, aux))


def _falsely(sent: Sentence, v: int) -> bool:
    mods = [k for a in sent.children(v, "advmod") for k in sent.conjuncts(a)]
    return any(sent.low(k) in UNTRULY for k in mods)


def _governing_verb(sent: Sentence, v: int, negating: Collection[str], hyp_verbs: Collection[str],
                    planned_verbs: Collection[str]) -> Status | None:
    """The status a verb over an act gives it ("rejected strikes", "was considering strikes", "planned a
    raid to seize"), or None when the verb leaves it as told."""
    lemma = sent.tok(v).lemma
    if lemma in negating:
        return Status("negated", lemma)
    if lemma in hyp_verbs:
        return Status("hypothetical", lemma)
    if lemma in planned_verbs:
        return Status("planned", lemma)
    return None


# Nouns of a speech act: said by the one who owns it, it was made, whatever others weigh about it.
SPEECH_ACT_NOUNS = frozenset({"request", "demand", "offer", "proposal", "call", "appeal", "plea", "warning",
                              "threat", "accusation", "ultimatum", "invitation", "pledge", "promise", "refusal"})


def _made(sent: Sentence, noun: int) -> bool:
    """A speech-act noun with its author attached (a possessor, or "by X"): "Ukraine's request", "an offer by
    Turkey"; not "a request for weapons", which may be only an idea under discussion."""
    return sent.tok(noun).lemma in SPEECH_ACT_NOUNS and (
        bool(sent.children(noun, "poss")) or any(sent.low(p) == "by" for p in sent.children(noun, "prep", "agent")))


def status(sent: Sentence, v: int, lex: EventLexicon, noun: int | None = None) -> Status:
    rules = lex.tree_rules.get("tree_status") or {}
    planned_modals = set(rules.get("planned_modals") or ())
    hyp_modals = set(rules.get("hypothetical_modals") or ())
    planned_verbs = set(rules.get("planned") or ())
    hyp_verbs = set(rules.get("hypothetical") or ())
    negating = set(rules.get("negating") or ())
    conditions = set(rules.get("conditions") or ())
    speech = set(lex.tree_rules.get("speech_verbs") or ())
    hyp_mods = set(rules.get("hypothetical_modifiers") or ())
    hyp_nouns = set(rules.get("hypothetical_nouns") or ())

    if noun is not None:
        for k in sent.children(noun, "det", "neg"):
            if sent.low(k) in ("no", "never"):
                return Status("negated", sent.low(k))
        for k in sent.children(noun, "amod", "compound"):
            if sent.tok(k).lemma in hyp_mods or sent.low(k) in hyp_mods:
                return Status("hypothetical", sent.low(k))
        h = sent.head(noun)
        if h is not None and sent.tok(noun).dep == "pobj":  # "the option of strikes", "threat of strikes"
            hh = sent.head(h)
            if hh is not None and sent.tok(hh).lemma in hyp_nouns:
                return Status("hypothetical", sent.tok(hh).lemma)
            if hh is not None and _in_case(sent, hh):  # "in case of an attack"
                return Status("hypothetical", "in " + sent.low(hh), condition=True)

    found: Status | None = None
    if noun is not None and sent.tok(noun).dep == "nsubj":  # "military action is becoming a policy option"
        for k in sent.children(v, "attr", "oprd", "xcomp", "acomp"):
            if sent.tok(k).lemma in hyp_nouns or any(sent.tok(j).lemma in hyp_nouns for j in sent.children(k, "attr")):
                return Status("hypothetical", sent.tok(k).lemma)
    if noun is None:
        for o in sent.children(v, "dobj", "obj"):  # "provided no evidence"
            if any(sent.low(k) == "no" for k in sent.children(o, "det")):
                return Status("negated", "no")
    if noun is not None and v != noun:  # "was considering strikes", "rejected strikes": the verb over the noun
        over_noun = _governing_verb(sent, v, negating, hyp_verbs, planned_verbs)
        if over_noun is not None and over_noun.value == "negated":
            return over_noun
        if over_noun is not None and over_noun.value == "hypothetical" and _made(sent, noun):
            over_noun = None  # "Ukraine's request for weapons was discussed": the request was made, its answer weighed
        found = over_noun or found
    cur = v
    steps = 0
    subject_seen = False
    own_clause_of: int | None = None
    while cur is not None and steps < 6:
        steps += 1
        t = sent.tok(cur)
        h0 = sent.head(cur)
        for k in sent.children(cur, "neg") if cur != own_clause_of else ():
            return Status("negated", sent.low(k))
        for k in (n for a in sent.children(cur, "aux") for n in sent.children(a, "neg")):
            return Status("negated", sent.low(k))  # "never will accept": the negation read on the auxiliary
        if not subject_seen and sent.children(cur, "nsubj", "nsubjpass"):
            subject_seen = True  # the act's own subject: "no country condemned", not a later clause's
            nobody = _negative_subject(sent, cur)
            if nobody is not None:
                return Status("negated", nobody)
        marks = [sent.low(k) for k in sent.children(cur, "mark")]
        if (t.dep in ("ccomp", "csubj", "pcomp", "xcomp", "acl") and "whether" in marks) \
                or (t.dep in ("ccomp", "csubj") and "if" in marks):
            return Status("hypothetical", "whether" if "whether" in marks else "if (asked)")  # "asked if it struck"
        inverted = _inverted(sent, cur) if not marks and t.dep in ("advcl", "ccomp", "ROOT") else None
        if inverted is not None and sent.low(inverted) in INVERTED_CONDITION and not _yes_no_question(sent, cur):
            return Status("hypothetical", sent.low(inverted), condition=True)  # "should talks fail", "had it struck"
        for k in sent.children(cur, "aux", "auxpass") if cur != own_clause_of else ():
            low = sent.low(k).replace("\u2019", "'")  # "we’ll" as "we'll"
            lemma = sent.tok(k).lemma
            if found is None and (low in planned_modals or lemma in planned_modals):
                found = Status("planned", low)
            elif found is None and (low in hyp_modals or lemma in hyp_modals):
                found = Status("hypothetical", low)
        if (found is None or found.value == "planned") and t.dep in ("ROOT", "ccomp", "parataxis") \
                and _yes_no_question(sent, cur):
            found = Status("hypothetical", "?")  # "has the army struck the border posts?", "will it strike?"
        if t.dep == "advcl" and any(m in conditions or m in CONDITION_MARKS for m in marks):
            return Status("hypothetical", marks[0], condition=True)
        if t.dep == "advcl" and "as" in marks and h0 is not None and sent.low(h0) == "long":
            return Status("hypothetical", "as long as", condition=True)
        if t.dep in ("acl", "relcl") and h0 is not None and _in_case(sent, h0):
            return Status("hypothetical", "in " + sent.low(h0), condition=True)  # "in case they attack"
        if t.dep == "pcomp" and h0 is not None and sent.low(h0) in PROVIDED:
            return Status("hypothetical", sent.low(h0), condition=True)  # "provided that they attack"
        if t.dep == "advcl" and t.tag == "VBG" and found is None and not marks \
                and not sent.children(cur, "nsubj", "nsubjpass") and h0 is not None:
            for k in sent.children(h0, "aux"):  # "could cross the border, attacking the camps": the verb's modal
                low = sent.low(k).replace("\u2019", "'")
                if low in planned_modals or low in hyp_modals:
                    found = Status("planned" if low in planned_modals else "hypothetical", low)
                    break
        over = operation_purpose(sent, cur) if found is None else None
        if over is not None:  # "ordered a raid to seize": the verb over the operation decides
            found = _governing_verb(sent, over, negating, hyp_verbs, planned_verbs)
            if found is not None and found.value == "negated":
                return found
            cur = over
            continue
        if t.dep in ("advcl", "acl", "relcl") and found is None and t.tag == "VB" \
                and any(sent.low(k) == "to" for k in sent.children(cur, "aux")) \
                and sent.tok(sent.tok(cur).head).lemma not in ("order", "decree", "directive", "memorandum",
                                                                "proclamation") \
                and not _decision_taken(sent, sent.tok(cur).head):
            # an order, or a decision to act that was taken, is the act decided (its own verb may still hedge it)
            found = Status("hypothetical", "to (purpose)")  # "a group set up to coordinate an offensive"
        h = sent.head(cur)
        if h is None:
            break
        ht = sent.tok(h)
        if t.dep in ("xcomp", "pcomp") or (t.dep in ("dobj", "pobj") and cur != v):
            if ht.lemma in negating or (t.dep == "xcomp" and ht.pos == "ADJ" and sent.low(h) in UNABLE):
                return Status("negated", sent.low(h) if ht.pos == "ADJ" else ht.lemma)  # "were unable to agree"
            if t.dep == "xcomp" and ht.lemma in ("have", "be") and any(
                    sent.low(k) == "yet" for k in sent.children(h, "advmod")):
                return Status("negated", "yet to")  # "has yet to withdraw"
            if found is None and t.dep == "xcomp" and ht.pos == "ADJ" and sent.low(h) in READY | LIKELY:
                found = Status("planned" if sent.low(h) in READY else "hypothetical", sent.low(h))  # "ready to help"
            if found is None and t.dep == "xcomp" and _to_infinitive(sent, cur):
                if ht.lemma == "go" and ht.tag == "VBG" and any(
                        sent.tok(k).lemma == "be" for k in sent.children(h, "aux")):
                    found = Status("planned", "going to")  # "is going to sign a deal"
                elif ht.lemma in OBLIGING and ht.tag in ("VB", "VBP", "VBZ"):
                    found = Status("hypothetical", ht.lemma)  # "has to sign", "we need to back them": not yet done
            if found is None and ht.lemma in hyp_verbs:
                found = Status("hypothetical", ht.lemma)
            elif found is None and ht.lemma in planned_verbs:
                found = Status("planned", ht.lemma)
            cur = h
            continue
        if t.dep == "prep" and sent.low(cur) == "of" and ht.pos == "NOUN" and ht.lemma in hyp_nouns and found is None \
                and noun is None:
            return Status("hypothetical", ht.lemma)  # "his fear of being extradited", "the prospect of losing power"
        if t.dep == "prep" or (t.dep == "pobj" and ht.pos == "ADP"):
            if t.dep == "prep" and ht.pos == "VERB" and found is None \
                    and sent.low(cur) not in PRESUPPOSING:  # "inquired about bombing"
                if ht.lemma in negating and sent.low(cur) not in ("after", "since", "following"):
                    return Status("negated", ht.lemma)
                if ht.lemma in hyp_verbs:
                    found = Status("hypothetical", ht.lemma)
                elif ht.lemma in planned_verbs:
                    found = Status("planned", ht.lemma)
            cur = h
            continue
        if t.dep == "dobj" and cur == v and noun is None:
            break
        if t.dep == "ccomp" and found is None and ht.lemma in WISHING and ht.lemma not in speech \
                and not any(sent.tok(k).tag in WH_TAGS for k in sent.children(cur)):
            found = Status("hypothetical", ht.lemma)  # "want the army to withdraw", "proposed that it withdraw"
        if t.dep == "ccomp" and found is None and ht.lemma in planned_verbs and ht.lemma not in speech \
                and any(sent.low(k) == "to" for k in sent.children(cur, "aux")):
            # "expects the moderator to call him out": an act another looks for, which commits its actor to nothing
            found = Status("planned", "looked for")
        if t.dep == "ccomp" and ht.lemma in negating:  # "denied that it had attacked"
            return Status("negated", ht.lemma)
        if t.dep == "ccomp" and ht.lemma in speech and _falsely(sent, h):  # "falsely suggests that the army backs it"
            return Status("negated", "falsely")
        refuter = sent.head(h) if ht.dep in ("dobj", "obj") else None
        if t.dep in ("acl", "ccomp") and ht.lemma in CLAIMS and refuter is not None \
                and sent.tok(refuter).lemma in REFUTING:
            return Status("negated", sent.tok(refuter).lemma)  # "contradicting the claim that he had refused"
        if t.dep == "ccomp" and ((ht.lemma in SEEING and sent.tok(h).dep == "xcomp") or ht.lemma in ENSURING):
            cur = h  # "would like to see Ruritania agree", "must ensure that the police receive": the verb over decides
            continue
        if t.dep in ("acl", "ccomp") and ht.pos == "NOUN" and found is None \
                and any(sent.low(m) == "that" for m in sent.children(cur, "mark")):
            if ht.lemma in hyp_nouns:  # "the idea that the army withdraws"
                return Status("hypothetical", ht.lemma)
            if ht.lemma in planned_verbs:  # "the mediators' hope that the sides settle"
                return Status("planned", ht.lemma)
        if t.dep == "ccomp" and ht.lemma in SUPPOSING and ht.tag == "VB" \
                and not sent.children(h, "nsubj", "aux"):  # "suppose the army struck the town"
            return Status("hypothetical", ht.lemma)
        if t.dep in ("ccomp", "parataxis") and ht.lemma in speech:
            st = found or Status("asserted")
            st.speech = h
            return st
        if t.dep == "conj":
            if sent.children(cur, "nsubj", "nsubjpass", "aux", "auxpass"):
                own_clause_of = h  # "did not stop it but did condemn it": the first verb's modal and negation stay
            cur = h  # "will track them and kill them": the first conjunct's modal holds for the second
            continue
        if t.dep in ("acomp", "attr") and ht.pos in ("AUX", "VERB"):
            cur = h  # "if the government was unwilling to": the copula's clause
            continue
        break
    return found or Status("asserted")


DECISION_NOUNS = frozenset({"decision", "move", "vote", "ruling", "step"})


def _decision_taken(sent: Sentence, n: int) -> bool:
    """ "China's decision to ban imports", "the move by Russia to expel": a decision someone took, not "any
    move to bypass the framework" or "a step to ease tensions" (a kind of act, hedged)."""
    if sent.tok(n).lemma not in DECISION_NOUNS:
        return False
    dets = [sent.low(k) for k in sent.children(n, "det")]
    return bool(sent.children(n, "poss")) or (bool(dets) and all(d in ("the", "this", "that") for d in dets))
