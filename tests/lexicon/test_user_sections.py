"""A user lexicon file ($STORYLINE_LEXICON, `--lexicon FILE`) extends every stage's lexicon, and a
section no stage can use is refused, naming the file, the section and the reason.

Each test runs the real stages on an invented sentence once without the file and once with it; the
file must change what comes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.ingest import to_document
from storyline.lexicon_data import ENV_VAR
from storyline.model import Document, RawInput
from storyline.pipeline import build, check_lexicons

EVENTS = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def _use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


def _doc(text: str, language: str = "en", published: str = "2025-11-18") -> Document:
    return Document(source="test", text=text, language=language, published=published, published_precision="day")


def test_a_new_trigger_verb_codes_an_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Government forces clobbered rebel positions near Kidal on Tuesday."
    assert not [e for e in EVENTS(_doc(text)).events if e.type == "ASSAULT"]
    _use(tmp_path, monkeypatch, "triggers:\n  verbs:\n    - {verb: clobber, type: ASSAULT}\n")
    found = [e for e in EVENTS(_doc(text)).events if e.type == "ASSAULT"]
    assert [e.trigger.text for e in found] == ["clobbered"]
    assert found[0].rule.startswith("mine.yaml:verb:clobber")


def test_a_user_trigger_replaces_the_shipped_readings_of_its_word(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Colombia condemned Venezuela on Monday for the arrest of two journalists."
    before = {e.type for e in EVENTS(_doc(text)).events}
    assert "ACCUSE" in before
    _use(tmp_path, monkeypatch, "triggers:\n  verbs:\n    - {verb: condemn, type: REJECT}\n")
    after = EVENTS(_doc(text)).events
    assert {e.type for e in after if e.trigger.text == "condemned"} == {"REJECT"}


def test_a_spanish_trigger_verb_with_lang_es(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Sicarios balearon a dos policías estatales en Culiacán, informó la fiscalía de Sinaloa."
    assert not [e for e in EVENTS(_doc(text, "es")).events if e.type == "ASSAULT"]
    _use(tmp_path, monkeypatch, "lang: es\ntriggers:\n  verbs:\n    - {verb: balear, type: ASSAULT}\n")
    found = [e for e in EVENTS(_doc(text, "es")).events if e.type == "ASSAULT"]
    assert found and found[0].rule.startswith("mine.yaml:verb:balear")


def test_a_new_person_in_an_actors_group_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["actors"], given=("text",))
    text = "Governor Imelda Castañeda Ruiz ordered the state police onto the highway."

    def people(doc: Document) -> list[object]:
        return [m.value.get("id") for m in doc.mentions if m.kind == "actor"]

    assert "castaneda_ruiz" not in people(stage(_doc(text)))
    _use(tmp_path, monkeypatch, """actors:
  people:
    - id: castaneda_ruiz
      name: Imelda Castañeda Ruiz
      gender: female
      roles: [{title: Governor of Sonora, country: MEX, sector: GOV, start: 2025-09-01}]
""")
    assert "castaneda_ruiz" in people(stage(_doc(text)))


def test_a_new_region_in_a_places_group_is_geocoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["actors", "places"], given=("text",))
    text = "Troops were sent to the Valle del Yaqui after the ambush."

    def places(doc: Document) -> list[object]:
        return [m.value.get("name") for m in doc.mentions if m.kind == "place"]

    assert "Valle del Yaqui" not in places(stage(_doc(text)))
    _use(tmp_path, monkeypatch, "places:\n  regions:\n    - {name: Valle del Yaqui, lat: 27.4, lon: -109.9, "
                                "country: MEX}\n")
    assert "Valle del Yaqui" in places(stage(_doc(text)))


def test_a_new_date_word_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["dates"], given=("text",))
    text = "The delegations will meet again overmorrow in Geneva, the ministry said."

    def dates(doc: Document) -> list[tuple[str, object]]:
        return [(m.span.text, m.value.get("value")) for m in doc.mentions if m.kind == "date"]

    assert dates(stage(_doc(text))) == []
    _use(tmp_path, monkeypatch, "dates:\n  relative:\n    overmorrow: [day, 2]\n")
    assert dates(stage(_doc(text))) == [("overmorrow", "2025-11-20")]


def test_a_new_quote_cue_attributes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))
    text = "“We will not be intimidated by anyone,” the governor remonstrated on Friday."

    def cues(doc: Document) -> list[tuple[str | None, str | None]]:
        return [(q.speaker.name if q.speaker else None, q.cue) for q in doc.quotes]

    assert cues(stage(_doc(text))) == [(None, None)]
    _use(tmp_path, monkeypatch, "quotes:\n  cue_verbs: [remonstrated]\n")
    assert cues(stage(_doc(text))) == [("governor", "remonstrated")]


def test_a_spanish_speech_verb_with_lang_es(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))
    text = "“No vamos a ceder ante nadie”, refunfuñó el gobernador de Sinaloa el viernes."

    def speakers(doc: Document) -> list[str | None]:
        return [q.speaker.name if q.speaker else None for q in doc.quotes]

    assert speakers(stage(_doc(text, "es"))) == [None]
    _use(tmp_path, monkeypatch, "lang: es\nquotes:\n  speech_lemmas: [refunfuñar]\n")
    found = speakers(stage(_doc(text, "es")))
    assert len(found) == 1 and found[0] is not None and found[0].startswith("gobernador de Sinaloa")


def test_a_new_attribution_verb_credits_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["segment", "claims"], given=("text",))
    text = "Sinaloa's security ministry documented 14 murders in Culiacán over the weekend."

    def credited(doc: Document) -> list[str | None]:
        return [c.attributed_to for c in doc.claims]

    assert credited(stage(_doc(text))) == [None]
    _use(tmp_path, monkeypatch, "claims:\n  attribution_verbs: [documented]\n")
    assert credited(stage(_doc(text))) == ["Sinaloa's security ministry"]


def test_a_new_reference_list_heading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = build(["citations"], given=("text",))
    text = ("Officials reported 212 arrests in the first week [1] and 40 more by Sunday [2].\n\n"
            "Documents consulted\n\n"
            "1. Ministry of Security. “Weekly operations bulletin.” 2025.\n"
            "2. National Guard. “Deployment report, November.” 2025.")

    def not_listed(doc: Document) -> list[int | None]:
        return [i.marker for i in doc.citation_issues if i.issue == "cited_not_listed"]

    assert not_listed(stage(_doc(text))) == [1, 2]
    _use(tmp_path, monkeypatch, "citations:\n  list_headings: [documents consulted]\n")
    assert not_listed(stage(_doc(text))) == []


def test_a_new_boilerplate_barrier_ends_the_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = build(["clean"])

    def clean_text(text: str) -> Document:
        return clean(to_document(RawInput(source="dump.txt", content=text, format="text")))

    text = ("Mexico and the United States agreed on Tuesday to share radar data along the border, officials "
            "in both capitals said.\n"
            "The agreement takes effect in January and will be reviewed after six months, the foreign ministry "
            "said in a statement.\n"
            "Elsewhere in the region\n"
            "Guatemala's congress approved a budget on Monday that doubles spending on the national police over "
            "the next two years.")
    assert "Guatemala's congress" in clean_text(text).text
    _use(tmp_path, monkeypatch, "boilerplate:\n  barrier: [elsewhere in the region]\n")
    cleaned = clean_text(text).text
    assert "Guatemala's congress" not in cleaned
    assert cleaned.startswith("Mexico and the United States agreed") and "six months" in cleaned


@pytest.mark.parametrize(("content", "said"), [
    ("dates:\n  months: [Brumaire]\n", "dates.months must be a mapping (as in lexicon/dates.yaml), got a list"),
    ("dates:\n  moons: {}\n", "section 'dates' has no key 'moons'"),
    ("triggers:\n  verbz: []\n", "section 'triggers' has no key 'verbz'"),
    ("triggers:\n  verbs: {verb: pummel}\n", "triggers.verbs must be a list of entries"),
    ("triggers:\n  verbs:\n    - {verb: pummel, type: HIT}\n", "trigger 'pummel' has type 'HIT'"),
    ("quotes: [remonstrated]\n", "section 'quotes' must be a mapping"),
    ("verbs:\n  - {verb: pummel, type: ASSAULT}\n", "'verbs' is a key of the 'triggers' section"),
    ("months: {}\n", "write it under 'dates:'"),
    ("plover:\n  types: {}\n", "section 'plover' cannot be extended: the PLOVER types"),
    ("matters:\n  tariffs: []\n", "section 'matters' cannot be extended"),
    ("gazetteer: []\n", "unknown section 'gazetteer'"),
    ("actors:\n  seas: []\n", "section 'actors' has no key 'seas'"),
    ("lang: fr\n", "lang 'fr' has no lexicon"),
])
def test_a_section_no_stage_can_use_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str,
                                               said: str) -> None:
    path = _use(tmp_path, monkeypatch, content, name="refused.yaml")
    with pytest.raises(ConfigError) as err:
        check_lexicons()
    assert str(path) in str(err.value)
    assert said in str(err.value)
