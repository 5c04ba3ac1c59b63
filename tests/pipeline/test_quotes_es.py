"""Spanish quotation speakers on invented, real-shaped sentences: tail cues with inverted or dropped
subjects, head cues, titles and bodies resolved to the document's names, names in marks left alone."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

AFTER_CLEAN = ["language", "segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]


def run(text: str) -> Document:
    doc = Document(source="t", text=text, published="2026-01-06", language="es")
    return build([s for s in AFTER_CLEAN if s != "language"], given=["text", "language"])(doc)


def speaker_of(doc: Document, starts: str) -> str | None:
    q = next(q for q in doc.quotes if q.text.startswith(starts))
    return q.speaker.name if q.speaker else None


def test_dialogue_dash_and_inverted_title_resolve_to_the_named_president() -> None:
    d = run("La presidenta Claudia Sheinbaum habló este martes en Palacio Nacional sobre la frontera.\n\n"
            "«No lo vamos a permitir nunca, porque México es un país libre y soberano», dijo la presidenta.")
    assert speaker_of(d, "No lo vamos") == "Claudia Sheinbaum"


def test_dropped_subject_takes_the_subject_of_the_sentence_before_not_a_name_in_a_quote() -> None:
    d = run("La presidenta de México, Claudia Sheinbaum, se refirió el martes al proceso en Nueva York.\n\n"
            "“Lo único que pedimos para Nicolás Maduro es un proceso con todas las garantías”, afirmó.\n\n"
            "La mandataria mexicana insistió también en su oposición a cualquier operación extranjera.\n\n"
            "“Eso no lo vamos a aceptar jamás, ni hoy ni mañana”, recalcó.")
    assert speaker_of(d, "Eso no lo vamos") == "Claudia Sheinbaum"


def test_a_bare_body_takes_the_full_name_the_document_gave_it() -> None:
    d = run("La Embajada de EE.UU. difundió un comunicado este sábado sobre los rumores de un ataque en Sonora.\n\n"
            "“Los mensajes que se comparten en internet no son ciertos”, puntualizó la Embajada.\n\n"
            "“Por ahora las autoridades estatales mantienen la vigilancia en la zona”, aseveraron.")
    assert speaker_of(d, "Los mensajes") == "Embajada de EE.UU."
    assert speaker_of(d, "Por ahora") == "Embajada de EE.UU."


def test_head_cue_subject_is_the_body_before_the_verb() -> None:
    d = run("El martes, el Ministerio de Defensa de Colombia informó en un comunicado que “la embarcación llevaba "
            "cocaína hacia las costas de Panamá”. “Dos tripulantes fueron detenidos”, añadió.")
    assert speaker_of(d, "la embarcación") == "Ministerio de Defensa de Colombia"
    assert speaker_of(d, "Dos tripulantes") == "Ministerio de Defensa de Colombia"


def test_a_paragraph_of_quotation_after_a_sentence_takes_its_subject() -> None:
    d = run("Por su parte, la Oficina de Asuntos Antinarcóticos de EU felicitó a la Guardia Nacional por el decomiso.\n\n"
            "“Agradecemos el trabajo constante de los agentes mexicanos en los puertos del Pacífico”.")
    assert speaker_of(d, "Agradecemos") == "Oficina de Asuntos Antinarcóticos de EU"


def test_a_capitalised_name_after_a_noun_is_nobody_s_quotation() -> None:
    d = run("Aunque Chile no acudió a la cumbre “Puentes del Sur”, el canciller habló después sobre la "
            "reunión que Argentina anunció que organizaría.")
    assert speaker_of(d, "Puentes") is None


def test_eu_is_the_united_states_in_a_spanish_text() -> None:
    d = run("La Embajada de EU en México felicitó al gobierno mexicano por el traslado de los detenidos.")
    actors = [m.value for m in d.mentions if m.kind == "actor"]
    assert any(v.get("country") == "USA" and v.get("sector") == "GOV" for v in actors)
    assert not any(v.get("sector") == "IGO" for v in actors)


def test_dialogue_dash_paragraphs_are_quotations_cut_at_the_narrators_aside() -> None:
    d = run("La presidenta Claudia Sheinbaum habló este martes en Palacio Nacional sobre la frontera norte.\n\n"
            "—No lo vamos a permitir —dijo la presidenta—. México es un país libre y soberano, y así seguirá.\n\n"
            "—Nuestra postura es la misma de siempre —añadió.")
    got = [(q.text, q.speaker.name if q.speaker else None) for q in d.quotes]
    assert got == [("No lo vamos a permitir", "Claudia Sheinbaum"),
                   ("México es un país libre y soberano, y así seguirá.", "Claudia Sheinbaum"),
                   ("Nuestra postura es la misma de siempre", "Claudia Sheinbaum")]
    assert all(q.rule.startswith("quote:direct:dash") for q in d.quotes)


def test_a_list_dash_with_a_space_is_no_dialogue() -> None:
    d = run("La Secretaría de Marina informó los resultados del operativo en Sinaloa.\n\n"
            "— Cinco detenidos en Culiacán por posesión de armas.\n\n— Dos laboratorios desmantelados.")
    assert not [q for q in d.quotes if ":dash" in q.rule]


def test_an_unnamed_speaker_stays_unnamed_and_an_unread_subject_takes_nobody() -> None:
    d = run("La presidenta Claudia Sheinbaum visitó Culiacán este lunes.\n\n"
            "“Escuchamos las explosiones toda la noche”, dijo un vecino de la colonia.\n\n"
            "La hoja parroquial publicó que la operación fue “un desastre para la ciudad entera”.")
    assert speaker_of(d, "Escuchamos") == "vecino de la colonia"
    assert speaker_of(d, "un desastre") is None


def test_a_newspaper_that_publishes_a_phrase_is_its_source() -> None:
    d = run("La presidenta Claudia Sheinbaum visitó Culiacán este lunes.\n\n"
            "El periódico local publicó que la operación fue “un desastre para la ciudad entera”.")
    assert speaker_of(d, "un desastre") == "periódico local"


def test_a_nickname_in_marks_is_nobody_s_quotation() -> None:
    d = run("La Secretaría de Marina informó que detuvo a José Pérez, alias ‘El Flaco’, en una operación en "
            "Sinaloa, según dijo el almirante a la prensa.")
    assert speaker_of(d, "El Flaco") is None


def test_a_head_cue_subject_ends_at_its_first_verb() -> None:
    # "rechazó las acusaciones y calificó ...": the speaker is the subject, not the clause up to the cue
    d = run('El canciller venezolano rechazó las acusaciones y calificó la expulsión como "un acto hostil".')
    assert speaker_of(d, "un acto hostil") == "canciller venezolano"
