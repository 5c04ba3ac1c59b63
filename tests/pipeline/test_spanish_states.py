"""Spanish pages name states beyond the ones a story began with: Spanish country names and demonyms of
other states, international bodies by their Spanish names, a demonym after its keyword ("las tropas
rusas", "el gobierno peruano") as one actor, and a person or a policy attacked in words. Invented
sentences in the shapes of wire copy."""

from __future__ import annotations

from storyline.model import Document, Event
from storyline.pipeline import build

AFTER_CLEAN = ["language", "segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]
CODER = build(AFTER_CLEAN, given=["text"])


def _events(text: str) -> list[Event]:
    doc = CODER(Document(source="t", text=text, published="2026-01-06"))
    assert doc.language == "es"
    return [e for e in doc.events if e.status == "asserted"]


def _got(text: str) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.type, e.actor and e.actor.country, e.actor and e.actor.sector, e.recipient and e.recipient.country)
            for e in _events(text)}


def test_a_state_named_in_spanish_is_the_actor() -> None:
    assert ("ASSAULT", "RUS", None, "UKR") in _got(
        "Rusia lanzó un ataque contra Ucrania el lunes por la mañana, según informaron las autoridades locales.")
    assert ("ASSAULT", "RUS", None, "UKR") in _got(
        "El ataque de Rusia contra Ucrania dejó diez muertos el lunes, según informaron las autoridades locales.")
    got = _got("Brasil y Argentina firmaron un acuerdo de cooperación militar el martes en Buenos Aires.")
    assert ("AGREE", "ARG", None, "BRA") in got or ("AGREE", "BRA", None, "ARG") in got


def test_a_demonym_after_its_keyword_gives_the_actor_its_country_and_sector() -> None:
    assert ("ASSAULT", "RUS", "MIL", None) in _got(
        "Las tropas rusas atacaron la ciudad el lunes por la mañana, según informaron las autoridades.")
    assert ("SANCTION", "PER", "GOV", "VEN") in _got(
        "El gobierno peruano expulsó al embajador venezolano tras las declaraciones de Maduro.")


def test_an_international_body_by_its_spanish_name() -> None:
    e = next(e for e in _events("La OTAN condenó el ataque de Rusia contra Ucrania, dijo el secretario general en "
                                "un comunicado.") if e.type == "ACCUSE")
    assert e.actor is not None and e.actor.sector == "IGO" and e.recipient is not None and e.recipient.country == "RUS"


def test_a_person_attacked_in_words_is_criticised() -> None:
    got = _got("El presidente Gustavo Petro atacó duramente a Marco Rubio por sus declaraciones sobre Colombia, según "
               "informó la prensa local.")
    assert ("ACCUSE", "COL", "GOV", "USA") in got and not any(t == "ASSAULT" for t, *_ in got)
    assert ("ACCUSE", "MEX", "GOV", "USA") in _got(
        "Sheinbaum arremetió contra Trump por sus amenazas de aranceles contra México, dijo la presidenta.")


def test_an_armed_attack_stays_an_assault() -> None:
    assert any(t == "ASSAULT" and a == "RUS" for t, a, _, _ in _got(
        "Las fuerzas rusas atacaron la ciudad durante la noche, según las autoridades ucranianas."))


def test_general_verbs_and_nouns_of_the_manuals_categories() -> None:
    assert ("PROTEST", "VEN", "CVL", "USA") in _got(
        "Los manifestantes venezolanos protestaron frente a la embajada de Estados Unidos en Caracas.")
    assert ("AID", "MEX", "GOV", "CUB") in _got(
        "El gobierno de México envió ayuda humanitaria a Cuba tras el paso del huracán.")
    assert ("ACCUSE", "COL", "GOV", "USA") in _got(
        "El presidente Petro repudió el bombardeo de Estados Unidos contra una lancha en el Caribe.")
    assert ("CONCEDE", "USA", None, "VEN") in _got("Estados Unidos levantó las sanciones contra la petrolera venezolana.")
    assert ("CONSULT", "MEX", "GOV", "COL") in _got(
        "El canciller mexicano recibió a su homólogo colombiano en la Ciudad de México.")
    assert any(t == "ASSAULT" for t, *_ in _got(
        "Hombres armados asesinaron a tres policías en una emboscada en Michoacán, informó la fiscalía estatal."))


def test_a_possible_or_feared_act_is_not_told_as_done() -> None:
    assert not any(t == "ASSAULT" for t, *_ in _got(
        "La presidenta de México aseguró este miércoles que no tiene miedo de una posible invasión estadounidense."))
    assert not any(t == "ASSAULT" for t, *_ in _got(
        "Crece el temor a un ataque de Estados Unidos contra Venezuela, dijeron analistas."))
    assert any(t == "ASSAULT" for t, *_ in _got(
        "Estados Unidos lanzó un ataque contra una lancha en el Caribe, informó el Pentágono."))


def test_talking_with_the_press_is_no_consultation_but_a_call_with_a_counterpart_is() -> None:
    assert not any(t == "CONSULT" for t, *_ in _got(
        "El presidente Petro habló con periodistas en Bogotá sobre la economía."))
    assert ("CONSULT", "MEX", "GOV", "USA") in _got(
        "La presidenta Sheinbaum habló por teléfono con el presidente Trump sobre los aranceles.")


def test_spanish_keywords_name_no_one_in_english_text() -> None:
    actors = build(["segment", "parse", "actors"], given=("text", "language"))
    doc = actors(Document(source="t", text="The fiscal deficit widened as civil servants and the papa of the bride "
                          "watched the residents of the town.", language="en"))
    named = {m.span.text.lower() for m in doc.mentions if m.kind == "actor"}
    assert not named & {"fiscal", "civil", "papa"}
