"""Speech cues and their speakers, for the quotes stage.

Takes what `quotenames.NameIndex` takes (the clean text, the quotation spans, any
actor mentions). Gives a `SpeakerIndex`: every speech cue outside quotations ("he
told reporters", "said Smith", "according to the ministry", ", saying") with its
speaker —

- the subject next to the verb, or after it in inverted order ('"...," said
  Smith'), across an apposition ("Smith, a spokesman for the ministry, said") or
  a bracket ("Sen. Dana Whitfield (R-Ore.) said");
- "he"/"she" resolved to the most recent compatible speaker or sentence subject,
  else the most recent named person of that gender (names inside quotations are
  never antecedents); "it"/"they" to an organisation named as the subject or a
  cue's speaker in the sentence before ("The water board published a
  notice ... they said"), unless a common noun of the pronoun's number comes
  later there, and "it" to a document that spoke in the sentence before ('"...," the report
  said. "...," it added');
- unnamed sources kept as their noun phrase ("a senior official"), documents
  too ("the report said" → "the report", kind "document", which the quote's rule
  marks) —

plus the cue words with any addressee ("told reporters") and a venue phrase
("at the Oval Office", "in a statement").

It does not parse or tag: it reads the tokens next to a cue verb. "we" and "I",
and "it"/"they" with no organisation just before, are left unresolved.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass

from .actors import latest_antecedent
from .quotenames import POSSESSIVE, Named, NameIndex

NEWLINES = re.compile(r"\n+")
# An apposition right after a name: ", a/the ... noun" up to the next comma, full stop or bracket;
# its head is the last word before a preposition or "who" ("a spokeswoman for the board" → spokeswoman).
APPOSITION_AFTER = re.compile(r",\s+(?:a|an|the|his|her|their)\s+([^,.;:()\n\"“”]{1,60})")
APPOSITION_STOP = re.compile(r"\b(?:of|for|at|from|in|with|to|on|who|whose|and|or)\b.*", re.S)
# ... or one just before it, ending in its head: "her husband, " / "the victim's mother, ".
APPOSITION_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[\w'’-]+\s+){0,3}?[a-z]+),\s+$")
# How far back (in characters) a pronoun may look for its antecedent; about four news paragraphs.
NEAR_WINDOW = 1200
FAR_WINDOW = 4000
# How far back "said the singer" looks for the speaker it names again: about two short paragraphs.
DESCRIPTION_WINDOW = 600
DETERMINERS = ("the", "a", "an", "another", "one")
# Pronouns that may stand for an organisation speaking ("“...,” they said in a statement").
GROUP_PRONOUNS = frozenset({"it", "they"})
CONTRACTED = re.compile(r"[’'](?:d|ll)$")
AS_ONLY = frozenset({"put", "puts"})  # first words of the cue phrases that attribute only after "as"
NOUN_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
                              "those", "such", "no", "every", "each"})
# Cue verbs that also mean going on with an action ("continued to expand"), and the infinitives after
# them that still report speech ("continued to insist").
# Words that count the people of a group opening a sentence ("Thousands of workers", "Several residents").
QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "tens", "some", "many", "several",
                        "most", "both", "few", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
ASPECTUAL = frozenset({"continued", "continues", "continue"})
SPEECH_INFINITIVES = frozenset({"say", "tell", "insist", "argue", "claim", "warn", "stress", "maintain", "deny",
                                "call", "ask", "urge", "complain"})


@dataclass
class Cue:
    start: int  # the cue words ("told reporters"), by character offsets
    end: int
    verb: str
    speaker: Named | None
    inverted: bool
    first: int  # where the attribution begins: the speaker's first token, or the verb when inverted
    venue: str | None = None



@dataclass
class SpeakerIndex(NameIndex):
    def __post_init__(self) -> None:
        super().__post_init__()
        self.cues: list[Cue] = []
        self.speakers: list[Named] = []  # named cue speakers so far, in cue order, for pronouns
        self._subjects: dict[int, Named | None] = {}  # person opening the sentence at a token, found on demand
        self._starts_cache: list[int] | None = None
        self._cue_starts: list[int] | None = None
        # Gender a he/she told of a person whose name does not give it ("Jo Lark ... she said"), by name.
        self._told: dict[str, str] = {}
        self._role_gender: dict[str, str | None] = {}  # gender a role noun in apposition tells, by name
        self._index_cues()
        self.cue_starts = [c.start for c in self.cues]

    def _cue_at(self, k: int) -> int | None:
        """Index of the last token of a cue starting at token k, or None."""
        if self.inq[k]:
            return None
        low = self.tokens[k].text.lower()
        if low not in self.lex.cue_first_words:
            return None
        # "their claims", "the reports", "his promises": after a determiner the word is a noun.
        if k > 0 and self.tokens[k - 1].text.lower() in NOUN_DETERMINERS and self._joined(k - 1, k):
            return None
        for phrase in self.lex.cue_phrases:
            m = len(phrase)
            if phrase[0] != low or k + m > len(self.tokens):
                continue
            if all(self.tokens[k + x].text.lower() == phrase[x] for x in range(1, m)):
                if phrase[0] in AS_ONLY and not self._after_as(k):
                    continue
                return k + m - 1
        if low in self.lex.cue_verbs and self.tokens[k].text[0].islower():
            return None if self._goes_on_doing(k) else k
        # "Said Ellis: ..." opens its sentence with the verb.
        if low in self.lex.invertible and self._sentence_initial(k):
            return k
        if low in self.lex.participles and k > 0 and not self.inq[k - 1] and (
            self.tokens[k - 1].text == "," or self._is_name_token(k - 1)
        ):
            return k
        return None

    def _goes_on_doing(self, k: int) -> bool:
        """The verb at token k goes on with another action, not speech ("as the firm continued to
        hire"); "continued to say" still speaks."""
        toks = self.tokens
        if toks[k].text.lower() not in ASPECTUAL or k + 2 >= len(toks) or toks[k + 1].text.lower() != "to":
            return False
        return toks[k + 2].text.lower() not in SPEECH_INFINITIVES

    def _after_as(self, k: int) -> bool:
        """ "as" opens the clause of the verb at token k, within a few words ("as one columnist put it")."""
        for j in range(k - 1, max(k - 7, -1), -1):
            if self.inq[j] or self.tokens[j].text in ".;:!?" or not self._joined(j, j + 1):
                return False
            if self.tokens[j].text.lower() == "as":
                return True
        return False

    def _sentence_starts(self) -> list[int]:
        """Every token for which `_sentence_initial` holds, found without a call per token."""
        toks, inq = self.tokens, self.inq
        out = {0} if toks else set()
        # The full stop of "Mr." or "H." ends no sentence ("Mr. Tribe's client" opens none).
        out.update(i + 1 for i, t in enumerate(toks) if t.text in "!?:" or inq[i] or (t.text == "." and self._stop(i)))
        for m in NEWLINES.finditer(self.text):
            out.add(self.tok_at(m.end()))
        return sorted(i for i in out if i < len(toks))

    def _sentence_initial(self, k: int) -> bool:
        return k == 0 or self.tokens[k - 1].text in ".!?:" or not self._joined(k - 1, k) or self.inq[k - 1]

    def _mid_sentence_quote_before(self, k: int) -> bool:
        """Token k follows a quotation that does not end its sentence ('making “a demand” of Obama')."""
        if k == 0 or not self.inq[k - 1] or not self._joined(k - 1, k):
            return False
        close = self.tokens[k - 1].end
        inner_end = self.text[max(0, close - 3) : close].rstrip("”\"’' ")
        return not inner_end.endswith((".", "!", "?", ","))

    def _index_cues(self) -> None:
        first_words = self.lex.cue_first_words
        # Only tokens a cue can start with are looked at; a page has thousands of tokens and few cues.
        after = 0
        lowered = map(str.lower, map(operator.itemgetter(2), self.tokens))  # Token.text, at C speed
        for k in itertools.compress(itertools.count(), map(first_words.__contains__, lowered)):
            if k < after:
                continue
            e = self._cue_at(k)
            if e is not None:
                self.cues.append(self._read_cue(k, e))
                after = e + 1
        # Resolve pronoun subjects in text order so later pronouns can use earlier speakers.
        for cue in self.cues:
            if cue.speaker is not None and cue.speaker.kind == "pronoun":
                cue.speaker = self.resolve_pronoun(cue.speaker)
            if cue.speaker is not None and cue.speaker.kind in ("person", "other") and cue.speaker.name:
                self.speakers.append(cue.speaker)

    def _sentence_opener(self, i: int) -> Named | None:
        """The person opening the sentence that starts at token i ("Ohio Party Chairman David Pepper
        called ..."), a likely antecedent; memoised, as pronouns nearby ask again."""
        if i in self._subjects:
            return self._subjects[i]
        subject = None
        if not self.inq[i] and not self._mid_sentence_quote_before(i):
            # An opening adverbial may run a dozen words ("On the morning show on Tuesday, Clinton said").
            subject, _ = self.sentence_subject(min(i + 16, len(self.tokens)), start=i)
            if subject is not None and subject.kind != "person":
                subject = None
        self._subjects[i] = subject
        return subject

    def _read_cue(self, k: int, e: int) -> Cue:
        verb = " ".join(t.text.lower() for t in self.tokens[k : e + 1])
        end = self._complement(k, e)
        if verb == "according to" or (self.tokens[k].text[0].isupper() and self._sentence_initial(k)):
            sp = self.np_right(e + 1)
            return Cue(self.tokens[k].start, self.tokens[e].end, verb, sp, True, k, self.venue_after(end + 1))
        if verb in self.lex.participles and self.tokens[k - 1].text != ",":
            # "footage of Hillary Clinton asking, “...”": the person right before the participle.
            sp, first = self.np_left(k)
            if sp is not None and sp.kind != "person":
                sp, first = None, k
            return Cue(self.tokens[k].start, self.tokens[end].end, verb, sp, False, first, self.venue_after(e + 1))
        if verb in self.lex.participles:
            sp, first = self.sentence_subject(k)
            return Cue(self.tokens[k].start, self.tokens[end].end, verb, sp, False, first, self.venue_after(e + 1))
        sp, first = self.np_left(k)
        inverted = False
        invertible = verb in self.lex.invertible or verb.split()[0] in self.lex.invertible  # "went on" whole
        if sp is None and invertible and (self._after_quote(k) or self._after_comma(k)):
            sp = self.np_right(e + 1)
            inverted, first = sp is not None, k
            if sp is not None:
                end = max(end, self.tok_at(sp.end) - 1)
        venue = self.venue_after(e + 1)
        return Cue(self.tokens[k].start, self.tokens[end].end if not inverted else self.tokens[e].end, verb, sp,
                   inverted, first, venue)

    def _after_comma(self, k: int) -> bool:
        """', noted NBC’s Dante Chinni.' — a comma, the verb, a name, then the clause ends."""
        if k == 0 or self.tokens[k - 1].text != ",":
            return False
        j = self.run_right(k + 1, len(self.tokens)) if k + 1 < len(self.tokens) else None
        while j is not None and j + 1 < len(self.tokens) and self._is_name_token(j + 1):
            j = self.run_right(j + 1, len(self.tokens))
        return j is not None and j + 1 < len(self.tokens) and self.tokens[j + 1].text in ".,;"

    def _after_quote(self, k: int) -> bool:
        """The cue follows a quotation (skipping a comma), the place where '"...," said Smith' inverts."""
        i = k - 1
        while i >= 0 and self.tokens[i].text == "," and not self.inq[i]:
            i -= 1
        return i >= 0 and self.inq[i]

    def _complement(self, k: int, e: int) -> int:
        """Last token of the cue proper: the verb plus its addressee ("told reporters", "testified to Congress")."""
        n = len(self.tokens)
        verb = self.tokens[k].text.lower()
        j = e + 1
        if j < n and not self.inq[j] and self._joined(e, j):
            if verb in self.lex.takes_recipient:
                r = self.run_right(j, n)
                if r is not None:
                    return r
                m = j
                while m < n and m < j + 3 and self.tokens[m].text.lower() in self.lex.np_modifiers:
                    m += 1
                if m < n and self.tokens[m].text.lower() in self.lex.recipient_nouns:
                    return m
            if self.tokens[j].text.lower() in ("to", "before") and j + 1 < n:
                m = j + 1
                if self.tokens[m].text.lower() == "the":
                    m += 1
                r = self.run_right(m, n) if m < n else None
                if r is not None:
                    return r
        return e

    def _pronoun(self, k: int, others: bool = False) -> Named | None:
        """Token k as a pronoun speaker: "he"/"she" with its gender, with `others` "they", "it", "we" ...
        without one; None for any other word."""
        t = self.tokens[k]
        low = CONTRACTED.sub("", t.text.lower())  # "he’d answer", "she'll say": the pronoun before the modal
        end = t.start + len(low)
        if others and low in self.lex.other_pronouns:
            return Named(t.text[: len(low)], "pronoun", t.start, end)
        if low in self.lex.male or low in self.lex.female:
            return Named(t.text[: len(low)], "pronoun", t.start, end, "m" if low in self.lex.male else "f")
        return None

    def np_left(self, k: int) -> tuple[Named | None, int]:
        """The subject right before the cue verb at token k, and its first token."""
        j = k - 1
        while j >= 0 and not self.inq[j] and self.tokens[j].text.lower() in self.lex.between_words:
            j -= 1
        j = self._skip_bracket(j)
        if j < 0 or self.inq[j] or not self._joined(j, j + 1):
            return None, k
        low = self.tokens[j].text.lower()
        if self.tokens[j].text == ",":
            return self._apposition(j, k)
        if low in ("and", "but"):
            # "He then asks the board ... and again says": the verbs share the sentence's subject,
            # or the pronoun that opens the clause after the last comma ("When her aunt called, I laughed
            # and said").
            comma = self._clause_comma(j)
            if comma is not None and (pronoun := self._pronoun(comma + 1, others=True)) is not None:
                return pronoun, comma + 1
            named, first = self.sentence_subject(j)
            return (named, first) if named is not None else (None, k)
        if (pronoun := self._pronoun(j, others=True)) is not None:
            return pronoun, j
        i = self.run_left(j)
        if i is not None:
            # "Ms. Adeyemi of the Coastal Trust said": the speaker is the person before "of".
            m = i - 1
            if m > 0 and self.tokens[m].text.lower() == "the":
                m -= 1
            if m > 0 and self.tokens[m].text == "of":
                h = self.run_left(m - 1)
                if h is not None:
                    person = self._person(h, m - 1)
                    if person is not None:
                        return person, h
            return self.classify(i, j), i
        if low in self.lex.source_nouns:
            return self._nominal_left(j)
        if j >= 2 and self.tokens[j - 1].text == "of" and self.tokens[j].text.isalpha() and low == self.tokens[j].text \
                and self.tokens[j - 2].text.isalpha() and self.tokens[j - 2].text.islower():
            # "the 61-year-old father of two replied": the noun phrase's head comes before "of".
            named, first = self._described_left(j - 2)
            if named is not None and first < j - 2 and self.tokens[first].text.lower() in DETERMINERS:
                before = self.tokens[first - 1].text.lower() if first > 0 else ""
                if before not in self.lex.object_prepositions:
                    return self._nominal(first, j), first
        if self.tokens[j].text.replace("-", "").isalpha() and self.tokens[j].text.islower():  # "the GOP front-runner"
            # Any noun after a determiner: "the announcer said", "the gambling tycoon told".
            named, first = self._described_left(j)
            determiner = self.tokens[first].text.lower() in DETERMINERS
            if named is not None and first < j and determiner:
                before = self.tokens[first - 1].text.lower() if first > 0 else ""
                if before in self.lex.object_prepositions:
                    # "Students walking across the square shouted": the noun is no subject.
                    subject, at = self.sentence_subject(first)
                    return (subject, at) if subject is not None else (None, k)
                return named, first
        return None, k

    def _clause_comma(self, j: int) -> int | None:
        """The last comma before token j in its sentence, outside quotations, or None."""
        m = j - 1
        while m > 0 and not self._sentence_initial(m + 1) and not self.inq[m]:
            if self.tokens[m].text == ",":
                return m
            m -= 1
        return None

    def _apposition(self, comma: int, k: int) -> tuple[Named | None, int]:
        """'Smith, a spokesman for the ministry, said' — the name before the first of the commas; or, the
        other way round, 'Clinton’s campaign chairman, John Podesta, said' — the name before the last."""
        end = self._skip_bracket(comma - 1)
        i = self.run_left(end) if end >= 0 else None
        c = i - 1 if i is not None else -1
        while c >= 0 and i is not None and i - c <= 4 and self._joined(c, c + 1) and not self.inq[c] and (
                (self.tokens[c].text.isalpha() and self.tokens[c].text.islower())
                or self.tokens[c].text in self.lex.titles or self._is_abbrev_dot(c)):
            c -= 1  # "his niece, state Del. Ana Ruiz": a lower-case role word or a title before the name
        if i is not None and c > 0 and self.tokens[c].text == "," and not self.inq[c] and self._described(c):
            named = self.classify(i, end)
            if named.kind == "person":
                return named, self._description_start(c)
        j, commas = comma - 1, 0
        while j >= 0 and comma - j < 40 and not self.inq[j] and not self._stop(j):
            if self.tokens[j].text == ",":
                commas += 1
                end = self._skip_bracket(j - 1)
                i = self.run_left(end)
                if i is not None and self._opens_clause(i):
                    return self.classify(i, end), i
                if commas >= 3:
                    break
            j -= 1
        return None, k

    def _description_start(self, comma: int) -> int:
        """First token of the noun phrase that ends at the comma before token `comma` ("Clinton’s campaign
        chairman", "his niece, state Del."): back over lower-case words, possessives and titles, at most
        six tokens, to the clause's start."""
        i = comma
        while i - 1 >= 0 and comma - i < 6 and not self.inq[i - 1] and self._joined(i - 1, i):
            t = self.tokens[i - 1].text
            if t in ".,;:!?—–(" or t.lower() in ("and", "but", "that"):
                break
            i -= 1
        return i

    def _described(self, comma: int) -> bool:
        """The words before the comma at token `comma` are a description whose head is a lower-case noun
        ("Clinton’s campaign chairman,", "the county’s top prosecutor,"), not a name of its own."""
        first = self._description_start(comma)
        if first >= comma:
            return False
        head = self.tokens[comma - 1].text
        return head.isalpha() and head.islower() and head not in self.lex.between_words

    def _opens_clause(self, i: int) -> bool:
        """The name at token i starts its clause, so it can be a subject ("..., Smith, a spokesman, said")."""
        if i == 0 or self.inq[i - 1] or not self._joined(i - 1, i):
            return True
        before = self.tokens[i - 1].text
        low = before.lower()
        return before in ".,;:—–-(" or low in ("the", "and", "but") or low in self.lex.source_nouns or (
            low in self.lex.np_modifiers
        )

    def sentence_subject(self, k: int, start: int | None = None) -> tuple[Named | None, int]:
        """The subject of the sentence holding token k: its first pronoun, name or unnamed source.

        An opening adverbial ("During a speech on Monday, ...") is skipped up to its comma.
        """
        i = k - 1 if start is None else start
        while start is None and i > 0 and not self._sentence_initial(i):
            i -= 1
        if (self.tokens[i].text in self.lex.non_name_words and self.tokens[i].text.lower() not in (
            self.lex.male | self.lex.female | {"the"}
        )) or self._opening_participle(i):
            m = i
            while m < k and self.tokens[m].text != ",":
                m += 1
            if m < k - 1:
                i = m + 1
        for m in range(i, min(k, i + 8)):
            if self.inq[m]:
                return None, k
            if (pronoun := self._pronoun(m)) is not None:
                return pronoun, m
            low = self.tokens[m].text.lower()
            if self._is_name_token(m):
                e = self.run_right(m, k)
                if e is not None:
                    return self.classify(m, e), m
            if low in self.lex.source_nouns:
                named, first = self._nominal_left(m)
                return named, first
        return None, k

    def _opening_name(self, i: int) -> Named | None:
        """The name the sentence starting at token i opens with, after an adverbial up to its comma
        ("Following a meeting on Friday, the Security Council ...") and "the"; None when the sentence
        opens otherwise or starts after a quotation inside a sentence."""
        n = len(self.tokens)
        if self.inq[i] or self._mid_sentence_quote_before(i):
            return None
        t = self.tokens[i].text
        if (t in self.lex.non_name_words and t.lower() not in self.lex.male | self.lex.female | {"the"}) \
                or self._opening_participle(i):
            m = i
            while m < n and m < i + 16 and not self._stop(m) and not (
                    self.tokens[m].text == "," and m + 1 < n
                    and (not self.tokens[m + 1].text.islower() or self.tokens[m + 1].text == "the")):
                m += 1  # "After an hour-long, closed-door hearing, the ...": to the comma before the subject
            if m >= n or self.tokens[m].text != ",":
                return None
            i = m + 1
        if i < n and self.tokens[i].text.lower() == "the":
            i += 1
        if i >= n or self.inq[i]:
            return None
        e = self.run_right(i, n)
        return self.classify(i, e) if e is not None else None

    def _opening_participle(self, i: int) -> bool:
        """Token i opens an adverbial with a participle ("Following a meeting, ...", "Citing the report,
        ..."): a capitalised word in -ing that is no given name, then a lower-case word."""
        t = self.tokens[i].text
        return (t.endswith("ing") and t[0].isupper() and t[1:].islower() and t not in self.lex.male_names
                and t not in self.lex.female_names and i + 1 < len(self.tokens)
                and self.tokens[i + 1].text[:1].islower())

    def name_before(self, pos: int) -> Named | None:
        """A person named right before pos, the way 'Pollster Carl Bialik: "..."' introduces a quotation."""
        j = self.tok_at(pos) - 1
        i = self.run_left(j) if j >= 0 else None
        if i is None or not self._opens_clause(i):
            return None
        return self._person(i, j)

    def subject_of(self, lo: int, pos: int) -> Named | None:
        """The person or unnamed source opening the sentence [lo, pos): 'Clinton released this statement:'."""
        i, k = self.tok_at(lo), self.tok_at(pos)
        if i >= k:
            return None
        named, _ = self.sentence_subject(k, start=i)
        if named is not None and named.kind == "pronoun":
            named = self.resolve_pronoun(named)
        if named is None or named.kind not in ("person", "nominal", "document"):
            return None
        return named

    def _nominal_left(self, j: int) -> tuple[Named | None, int]:
        i = j
        while i - 1 >= 0 and not self.inq[i - 1] and self._joined(i - 1, i) and j - i < 6:
            t = self.tokens[i - 1].text
            low = t.lower()
            possessor = bool(POSSESSIVE.search(t)) and t[0].isupper()
            if not (low in self.lex.np_modifiers or low in self.lex.source_nouns or self._is_name_token(i - 1)
                    or possessor):
                break
            i -= 1
        return self._nominal(i, j), i

    def _described_left(self, j: int) -> tuple[Named | None, int]:
        """A noun phrase ending at token j that opens with a determiner, with up to three describing
        words between ("the soft-spoken, 64-year-old envoy"); else what `_nominal_left` finds."""
        i = j - 1
        while i >= 0 and j - i <= 4 and not self.inq[i] and self._joined(i, i + 1):
            t = self.tokens[i].text
            if t.lower() in ("the", "a", "an", "another", "one"):
                return self._nominal(i, j), i
            describing = (t.islower() and t.replace("-", "").isalnum() and t not in self.lex.between_words
                          and t not in self.lex.object_prepositions) or t == ","
            if not describing:
                break
            i -= 1
        return self._nominal_left(j)

    def _nominal(self, i: int, j: int) -> Named | None:
        head = self.tokens[j].text.lower()
        while i < j and self.tokens[i].text.lower() in ("the", "a", "an"):
            i += 1
        start, end = self.tokens[i].start, self.tokens[j].end
        # "the report said", "the IMF report stated": the document speaks (kept as its words, marked).
        kind = "document" if head in self.lex.document_nouns else "nominal"
        return Named(self.text[start:end], kind, start, end)

    def _person_from(self, i: int, n: int) -> Named | None:
        """The person named by the capitalised run starting at token i (and ending before token n), if any."""
        e = self.run_right(i, n)
        return self._person(i, e) if e is not None else None

    def np_right(self, i: int) -> Named | None:
        """The speaker right after an inverted cue or "according to"."""
        n = len(self.tokens)
        if i >= n or self.inq[i] or not self._joined(i - 1, i):
            return None
        if (pronoun := self._pronoun(i)) is not None:
            return pronoun
        low = self.tokens[i].text.lower()
        if low == "the" and i + 1 < n and self._is_name_token(i + 1):
            i += 1
        j = self.run_right(i, n)
        if j is not None:
            named = self.classify(i, j)
            # "said MSNBC host Chris Matthews": a role word, then the person.
            m = j + 1
            while m < n and m <= j + 2 and self.tokens[m].text.isalpha() and self.tokens[m].text.islower():
                if self.tokens[m].text in self.lex.venue_prepositions | {"for", "of", "with", "from", "and", "by"}:
                    break
                m += 1
            # "noted NBC’s Dante Chinni": the person after the possessive.
            if POSSESSIVE.search(self.tokens[j].text) and self._is_name_token(j + 1) \
                    and (person := self._person_from(j + 1, n)) is not None:
                return person
            if named.kind != "person" and m > j + 1 and m < n and self._is_name_token(m) \
                    and (person := self._person_from(m, n)) is not None:
                return person
            return named
        m = i
        while m < n and m < i + 5 and not self.inq[m]:
            word = self.tokens[m].text
            # "said flood survivor Marta Lindqvist": a role, then the person.
            if m > i and self._is_name_token(m) and (person := self._person_from(m, n)) is not None:
                return person
            if word.lower() in self.lex.source_nouns or word.lower() in self.lex.document_nouns:
                while m + 1 < n and self.tokens[m + 1].text.lower() in self.lex.source_nouns:
                    m += 1
                # "said campaign manager Robby Nole": the role, then the person it names.
                if m + 1 < n and self._joined(m, m + 1) and self._is_name_token(m + 1) \
                        and (person := self._person_from(m + 1, n)) is not None:
                    return person
                # "said a report from Halden Securities": the body whose document it is speaks.
                if word.lower() in self.lex.document_nouns and (source := self._document_source(m)) is not None:
                    return source
                return self._nominal(i, m)
            if word.lower() in self.lex.np_modifiers or self._is_name_token(m) or POSSESSIVE.search(word):
                m += 1
                continue
            lower_word = word.isalpha() and word.islower() and word not in self.lex.venue_prepositions
            if word.isdigit() or word in "/-" or lower_word:
                m += 1
                continue
            break
        # "according to his aunt, Ruth Lasko, “...”": the name set off after the description is the speaker
        if m > i and m + 1 < n and self.tokens[m].text == "," and self._joined(m, m + 1) \
                and self._is_name_token(m + 1) and (person := self._person_from(m + 1, n)) is not None:
            after = self.tok_at(person.end)
            if after >= n or self.tokens[after].text in ",:" or self.inq[after]:
                return person
        return self._description(i, m)

    def _description(self, i: int, m: int) -> Named | None:
        """'"...," said the singer.': "the" and one or two lower-case words that end the clause at token m
        name someone already speaking, as "he" would; kept as a pronoun to resolve once the cues are read."""
        toks = self.tokens
        if m >= len(toks) or toks[m].text not in ".,;" or toks[i].text.lower() != "the" or not 2 <= m - i <= 3:
            return None
        words = [t.text for t in toks[i + 1 : m]]
        if not all(w.isalpha() and w.islower() and w not in self.lex.between_words for w in words):
            return None
        return Named(self.text[toks[i].start : toks[m - 1].end], "pronoun", toks[i].start, toks[m - 1].end)

    def _document_source(self, m: int) -> Named | None:
        """The organisation or person a document at token m comes from ("a report from Halden Securities",
        "a letter by Ana Ruiz"), when a name follows "from" or "by" right after it."""
        n = len(self.tokens)
        if m + 2 >= n or self.tokens[m + 1].text.lower() not in ("from", "by") or not self._joined(m + 1, m + 2):
            return None
        i = m + 2 + (self.tokens[m + 2].text.lower() == "the" and m + 3 < n)
        j = self.run_right(i, n) if self._is_name_token(i) else None
        if j is None:
            return None
        named = self.classify(i, j)
        return named if named.kind in ("org", "person") else None

    def venue_after(self, i: int) -> str | None:
        """The first place-like prepositional phrase in the dozen tokens after the cue."""
        n = len(self.tokens)
        for m in range(i, min(i + 12, n)):
            t = self.tokens[m].text
            if self.inq[m] or t in ".;!?" or (m > i and not self._joined(m - 1, m)):
                return None
            if t.lower() in self.lex.venue_prepositions:
                v = self._venue_np(m)
                if v:
                    return v
        return None

    def venue_before(self, i: int, j: int) -> str | None:
        """A venue in the adverbial that opens the sentence at token i and ends with a comma right
        before the speaker at token j ("In an interview with Radio Tirana, she declared")."""
        if j - 1 <= i or self.tokens[j - 1].text != "," or "," in (t.text for t in self.tokens[i : j - 1]):
            return None
        if self.tokens[i].text.lower() not in self.lex.venue_prepositions:
            return None
        return self._venue_np(i, j - 1)

    def _venue_np(self, p: int, hi: int | None = None) -> str | None:
        n = len(self.tokens) if hi is None else hi
        m, ok = p + 1, False
        while m < n and m < p + 9 and not self.inq[m] and self._joined(m - 1, m):
            t = self.tokens[m].text
            low = t.lower()
            if low in self.lex.time_words or t.isdigit():
                break
            if t in ",.;:!?()" or low in ("that", "and", "but", "who", "which"):
                break
            if low in self.lex.venue_prepositions and m > p + 1 and low not in ("on",):
                break
            if low == "on" and not ok:
                break
            if low in self.lex.venue_nouns or (t[0].isupper() and low not in self.lex.time_words):
                ok = True
            m += 1
        while m - 1 > p and self.tokens[m - 1].text.lower() in self.lex.venue_prepositions | {"the", "a", "an"}:
            m -= 1
        if not ok or m - 1 <= p:
            return None
        return self.text[self.tokens[p].start : self.tokens[m - 1].end]

    def resolve_pronoun(self, pro: Named) -> Named | None:
        """he/she → a compatible person of the sentence before the pronoun's own (its subject or a
        speaker there); else the latest compatible speaker nearby, else the latest compatible named
        person."""
        if pro.gender is None and pro.name.lower().startswith("the "):
            # "said the singer": the speaker of the cue just before, if it is near.
            earlier = [x for x in self.speakers if x.end <= pro.start]
            best = earlier[-1] if earlier and pro.start - earlier[-1].end <= DESCRIPTION_WINDOW else None
            if best is None:
                return None
            return Named(best.name, "person", pro.start, pro.end, best.gender, "pronoun", (best.start, best.end))
        if pro.gender is None:
            if pro.name.lower() not in GROUP_PRONOUNS:
                return None
            org = self._body_before(pro.start, pro.name.lower())
            if org is None:
                return None
            at = org.antecedent if org.resolved_from == "pronoun" and org.antecedent else (org.start, org.end)
            return Named(org.name, org.kind, pro.start, pro.end, None, "pronoun", at)
        other = "f" if pro.gender == "m" else "m"
        best = self._in_previous_sentence(pro.start, other)
        for pool, window in (("events", NEAR_WINDOW), ("people", NEAR_WINDOW), ("events", FAR_WINDOW),
                             ("people", FAR_WINDOW)):
            if best is not None:
                break
            best = self._last_event(pro.start, window, other) if pool == "events" else (
                self._last_person(pro.start, window, other))
        if best is None:
            return None
        # The pronoun tells the person's gender: a later pronoun of the other gender is someone else.
        self._told.setdefault(best.name, pro.gender)
        return Named(best.name, "person", pro.start, pro.end, best.gender or pro.gender, "pronoun",
                     (best.start, best.end))

    def _gender(self, x: Named) -> str | None:
        """The gender of a person: from the name, else from a he/she read back to them earlier, else from
        a gendered role noun in apposition to one of their mentions ("Jo Lark, a spokeswoman for ...")."""
        got = x.gender or self._told.get(x.name)
        if got is not None:
            return got
        if x.name not in self._role_gender:
            spans = [(x.start, x.end)] + ([x.antecedent] if x.antecedent else [])
            self._role_gender[x.name] = next(
                (g for a, b in spans if (g := self._apposition_gender(a, b)) is not None), None) or (
                self._titled_surname_gender(x.name))
        return self._role_gender[x.name]

    def _titled_surname_gender(self, name: str) -> str | None:
        """"m"/"f" when the text writes the person's surname after a gendered title somewhere ("Sam Lind"
        and later "Ms. Lind"), and only ever after titles of that one gender; None otherwise."""
        words = name.split()
        if len(words) < 2 or not words[-1][:1].isupper():
            return None
        found: set[str] = set()
        for m in re.finditer(rf"\b([A-Z][a-z]+\.?)\s+{re.escape(words[-1])}\b", self.text):
            title = m.group(1)
            if title in self.lex.male_titles:
                found.add("m")
            elif title in self.lex.female_titles:
                found.add("f")
        return found.pop() if len(found) == 1 else None

    def _apposition_gender(self, start: int, end: int) -> str | None:
        """"m"/"f" when the name over [start, end) has a gendered role noun as the head of an apposition
        after it (", the father of two,") or before it ("her husband, Kim Arlo")."""
        after = APPOSITION_AFTER.match(self.text, end)
        before = APPOSITION_BEFORE.search(self.text, max(0, start - 60), start)
        for word in ((after.group(1) if after else None), (before.group(1) if before else None)):
            if word is None:
                continue
            head = next((w for w in APPOSITION_STOP.split(word.lower()) if w), "").split()
            noun = head[-1] if head else ""
            if noun in self.lex.male_role_nouns:
                return "m"
            if noun in self.lex.female_role_nouns:
                return "f"
        return None

    def _previous_sentence(self, k: int) -> tuple[int, int] | None:
        """Characters of the sentence before the one holding token k (quoted words do not end
        sentences; a line break does), or None at the start of the text."""
        def back_to_boundary(j: int) -> int:
            # the first token of the sentence that holds token j
            while j > 0:
                if not self._joined(j - 1, j):
                    return j
                t = self.tokens[j - 1].text
                if t in ".!?" and not self.inq[j - 1] and (t != "." or self._stop(j - 1)):
                    return j
                j -= 1
            return 0

        own = back_to_boundary(k)
        if own == 0:
            return None
        first = back_to_boundary(own - 1)
        return self.tokens[first].start, self.tokens[own - 1].end

    def _in_previous_sentence(self, pos: int, other: str) -> Named | None:
        """The antecedent the sentence before the pronoun's offers (with its own words before it): an
        opening subject or a cue's speaker there, the latest; `other` is the excluded gender."""
        span = self._previous_sentence(self.tok_at(pos))
        if span is None:
            return None
        lo, hi = span[0], pos  # the words of the pronoun's own sentence before it count too
        found = self._last_event(hi, hi - lo, other, lo)
        # A single unknown name that speaks ("Crowley said ...") is a person for the pronoun after it.
        k = bisect.bisect_left(self.cue_starts_so_far(), lo)
        speaking = [c.speaker for c in self.cues[k:] if c.start < hi and c.speaker is not None
                    and c.speaker.kind == "other" and c.speaker.start >= lo and self._lone_name(c.speaker.name)
                    and self._told.get(c.speaker.name) != other]
        if speaking and (found is None or speaking[-1].start > found.start):
            return speaking[-1]
        return found

    def _body_before(self, pos: int, word: str, depth: int = 0) -> Named | None:
        """For "it"/"they": the organisation named as the subject of the sentence before the pronoun's
        (or of its own, before it) or as a cue's speaker there ("The water board published a
        notice ... “...,” they said"), the latest, or for "it" a document that spoke there ("“...,” the
        report said. “...,” it added"); for "they" also a group of people opening that sentence
        ("Lawyers for the family filed ... “...,” they said"), through one "They" opening it in turn.
        A body named only by a common noun ("the campaign") is left alone."""
        span = self._previous_sentence(self.tok_at(pos))
        if span is None:
            return None
        lo = span[0]
        found: list[Named] = []
        k = bisect.bisect_left(self.cue_starts_so_far(), lo)
        found += [c.speaker for c in self.cues[k:] if c.start < pos and c.speaker is not None
                  and c.speaker.start >= lo and c.speaker.end <= pos]
        starts = self._sentence_starts_cached()
        for n in range(bisect.bisect_left(starts, self.tok_at(lo)), bisect.bisect_left(starts, self.tok_at(pos))):
            subject = self._opening_group(starts[n], depth) if word == "they" else None
            subject = subject or self._opening_name(starts[n])
            if subject is not None and lo <= subject.start and subject.end <= pos:
                found.append(subject)
        # A common noun of the pronoun's number ("her lawyers" for "they", "the statement" for "it") is the
        # likelier antecedent when it comes later, and is left unresolved.
        plural = word == "they"
        fits = [x for x in found if x.kind == "org" or (
            x.kind in ("nominal", "document") and self._plural(x.name.split()[-1]) == plural)]
        best = max(fits, key=lambda x: x.start, default=None)
        if best is not None and plural and best.kind == "nominal" and self._group_noun(best.name.split()[-1]):
            return best
        return best if best is not None and (best.kind == "org" or (best.kind == "document" and not plural)) else None

    def _group_noun(self, word: str) -> bool:
        """A plural noun for people who can speak ("officials", "lawyers", "critics", "people", "workers"),
        or a group of several ("the family")."""
        low = word.lower()
        return (low in self.lex.source_nouns and (low.endswith("s") or low in ("people", "police"))) or (
            low in self.lex.group_nouns)

    def _plural(self, word: str) -> bool:
        """The noun takes "they": a plural, or a group of several people ("family")."""
        low = word.lower()
        return low.endswith("s") or low in self.lex.group_nouns or low in ("people", "police")

    def _opening_group(self, i: int, depth: int) -> Named | None:
        """The group of people the sentence starting at token i opens with, for "they": a plural source
        noun ("Lawyers for the family filed ..."; the body after "at"/"of"/"for"/"from" when it is
        named, "Officials at the Harbour Ministry" as the ministry, as a cue reads it), or an opening
        "They" that reads back to such a group or a body in the sentence before (once)."""
        n = len(self.tokens)
        if self.inq[i] or self._mid_sentence_quote_before(i):
            return None
        first = i
        if self.tokens[i].text.lower() == "the" and i + 1 < n:
            i += 1
        # "Thousands of workers", "Several residents", "Some of the parents": a number of the group.
        if self.tokens[i].text.lower() in QUANTITIES and i + 1 < n and self._joined(i, i + 1):
            i += 1
            if self.tokens[i].text == "of" and i + 1 < n:
                i += 1 + (i + 2 < n and self.tokens[i + 1].text.lower() == "the")
        t = self.tokens[i].text
        if t == "They" and depth == 0:
            body = self._body_before(self.tokens[i].start, "they", depth + 1)
            if body is None:
                return None
            at = body.antecedent if body.resolved_from == "pronoun" and body.antecedent else (body.start, body.end)
            return Named(body.name, body.kind, self.tokens[i].start, self.tokens[i].end, None, "pronoun", at)
        if not self._group_noun(t) or (i + 1 < n and self.tokens[i + 1].text in ("'s", "’s")):
            return None
        m = i + 1
        if m + 1 < n and self.tokens[m].text in ("at", "of", "for", "from") and self._joined(i, m):
            m += 1
            if m + 1 < n and self.tokens[m].text == "the":
                m += 1
            if self._is_name_token(m) and (e := self.run_right(m, n)) is not None:
                body = self.classify(m, e)
                if body.kind == "org":
                    return body
        return self._nominal(first if first < i and self.tokens[first].text.lower() != "the" else i, i)

    def cue_starts_so_far(self) -> list[int]:
        """Starts of the cues (all are indexed before any pronoun is resolved)."""
        if self._cue_starts is None or len(self._cue_starts) != len(self.cues):
            self._cue_starts = [c.start for c in self.cues]
        return self._cue_starts

    def _lone_name(self, word: str) -> bool:
        """One capitalised word that names someone: no role or party word, and written capitalised
        after a lower-case word somewhere in the text (so no sentence-opening adjective, "Chastened")."""
        if " " in word or not word.isalpha() or word in self.lex.role_adjectives or word in self.lex.org_words \
                or word in self.lex.non_name_words:
            return False
        return re.search(rf"\b[a-z]+[,]? {re.escape(word)}\b", self.text) is not None

    def _last_event(self, pos: int, window: int, other: str, lo: int | None = None) -> Named | None:
        """The last person (by start; sentence openers before speakers at one start) among the sentence
        openers and cue speakers ending in [pos - window, pos] whose gender is not `other`."""
        best: tuple[int, int, int] | None = None
        found: Named | None = None
        starts = self._sentence_starts_cached()
        first = bisect.bisect_left(starts, self.tok_at(pos - window) - 8)  # an opener lies in its first 8 tokens
        last = bisect.bisect_left(starts, self.tok_at(pos))
        openers = ((starts[n], 0) for n in range(first, last))
        for rank, group in itertools.chain(openers, ((n, 1) for n in range(len(self.speakers)))):
            x = self._sentence_opener(rank) if group == 0 else self.speakers[rank]
            if (x is not None and x.end <= pos and pos - x.end <= window and self._gender(x) != other
                    and x.kind == "person" and (lo is None or x.start >= lo)):
                key = (x.start, group, rank)
                if best is None or key > best:
                    best, found = key, x
        return found

    def _last_person(self, pos: int, window: int, other: str) -> Named | None:
        """The last named person ending in [pos - window, pos] whose gender is not `other`, vouched for: the
        rule the actor stage resolves he/she by (`actors.latest_antecedent` says why the two differ)."""
        # A capitalised run that merely looks like a name ("No Child Left Behind") is no antecedent
        # unless something vouches for it: a title, a known given name, or the actor stage.
        return latest_antecedent(
            self.persons_in(pos - window, pos), pos, window, "f" if other == "m" else "m", lambda x: x.end,
            self._gender, lambda x: x.gender or x.resolved_from or self.actor_person(x.start, x.end)[0])

    def _sentence_starts_cached(self) -> list[int]:
        if self._starts_cache is None:
            self._starts_cache = self._sentence_starts()
        return self._starts_cache
