"""Spanish event rules on invented, real-shaped sentences: infinitive triggers, first person inside
quotations, the personal "a", the counterpart of a reply, boats carrying drugs, cartels' side."""

from __future__ import annotations

from storyline.model import Actor, Document, Event
from storyline.pipeline import build

AFTER_CLEAN = ["segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]


def run(text: str) -> Document:
    doc = Document(source="t", text=text, published="2026-01-06", language="es")
    return build(AFTER_CLEAN, given=["text", "language"])(doc)


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None, str]]:
    def side(a: Actor | None) -> str | None:
        return None if a is None else (a.country or a.sector)
    return {(e.type, side(e.actor), side(e.recipient), e.status) for e in events}


def test_an_infinitive_after_a_verb_that_makes_it_happen_is_asserted() -> None:
    d = run("La presidenta Claudia Sheinbaum habló con Donald Trump y lo convenció de pausar los aranceles "
            "contra México durante tres meses.")
    pausar = [e for e in d.events if e.trigger.text == "pausar"]
    assert pausar and pausar[0].type == "CONCEDE" and pausar[0].status == "asserted"
    assert pausar[0].recipient is not None and pausar[0].recipient.country == "MEX"


def test_an_infinitive_of_purpose_is_only_aimed_at() -> None:
    d = run("Aviones de Estados Unidos sobrevolaron la costa de Sinaloa para atacar laboratorios del cártel.")
    atacar = [e for e in d.events if e.trigger.text == "atacar"]
    assert atacar and atacar[0].status == "hypothetical"


def test_first_person_inside_a_quotation_is_not_coded_from_the_sentence() -> None:
    d = run("“Atacamos una lancha cargada de drogas en el Pacífico”, dijo el presidente Donald Trump.")
    assert not [e for e in d.events if e.trigger.text == "Atacamos"]


def test_an_object_after_the_personal_a_is_no_subject_and_a_cartel_is_not_its_state() -> None:
    d = run("El Ejército de Colombia informó que mientras los soldados intentaban capturar al capo, "
            "abatieron a dos miembros del Clan del Golfo en Antioquia.")
    abatir = [e for e in d.events if e.trigger.text == "abatieron"]
    assert abatir and abatir[0].actor is not None and abatir[0].actor.country == "COL"
    assert abatir[0].actor.sector == "MIL"
    assert abatir[0].recipient is not None and abatir[0].recipient.sector == "CRM"


def test_the_counterpart_of_a_condemnation_is_the_agent_it_answers() -> None:
    d = run("Ante el arresto del general Arturo Salcedo por fuerzas estadounidenses, el presidente colombiano "
            "Gustavo Petro condenó la intervención armada en Panamá.")
    assert ("ACCUSE", "COL", "USA", "asserted") in triples(d.events)


def test_a_boat_described_as_carrying_drugs_is_a_criminal_target() -> None:
    d = run("El comandante estadounidense ordenó un nuevo ataque aéreo contra una supuesta narcolancha en el Pacífico.")
    assert ("ASSAULT", "USA", "CRM", "asserted") in triples(d.events)
    d = run("Fuerzas de Estados Unidos atacaron una lancha en el Caribe frente a la costa de Colombia.")
    assert not any(e.recipient is not None and e.recipient.sector == "CRM" for e in d.events)


def test_a_bare_body_is_the_one_named_before_and_a_place_is_no_subject() -> None:
    d = run("La Embajada de EU publicó un mensaje sobre el traslado de los reos.\n\n"
            "La embajada en México felicitó al gobierno mexicano por su cooperación.")
    felicitar = [e for e in d.events if e.trigger.text == "felicitó"]
    assert felicitar and felicitar[0].actor is not None and felicitar[0].actor.country == "USA"
    assert felicitar[0].recipient is not None and felicitar[0].recipient.country == "MEX"


def test_the_subject_of_a_passive_in_a_relative_clause_follows_the_verb() -> None:
    d = run("La Fiscalía de Colombia elogió la redada en la que fue abatido "
            "un jefe del Clan del Golfo en Antioquia.")
    abatir = [e for e in d.events if e.trigger.text == "abatido"]
    assert abatir and abatir[0].recipient is not None and abatir[0].recipient.sector == "CRM"


def test_a_participle_describing_a_noun_is_no_event_unless_it_has_an_agent() -> None:
    d = run("En un discurso ofrecido en Lima, el canciller de Chile habló de Bolivia.")
    assert not [e for e in d.events if e.trigger.text == "ofrecido"]
    d = run("La lancha atacada por fuerzas de Estados Unidos en el Caribe transportaba cocaína.")
    atacada = [e for e in d.events if e.trigger.text == "atacada"]
    assert atacada and atacada[0].actor is not None and atacada[0].actor.country == "USA"


def test_a_passive_subject_after_the_verb_is_not_read_across_another_clause() -> None:
    d = run("Los soldados del Ejército de Colombia fueron atacados y al responder el fuego "
            "abatieron a dos miembros del Clan del Golfo en Antioquia.")
    atacados = [e for e in d.events if e.trigger.text == "atacados"]
    assert atacados and not (atacados[0].recipient and atacados[0].recipient.sector == "CRM")


def test_roles_of_a_trigger_inside_a_quotation_are_not_read_from_outside_it() -> None:
    d = run("Tras hablar con Nicolás Maduro, la presidenta Claudia Sheinbaum dijo: “lo que uno pide es un juicio "
            "justo, siempre”, ante la prensa de Estados Unidos.")
    pide = [e for e in d.events if e.trigger.text == "pide"]
    assert pide and pide[0].actor is None and pide[0].recipient is None


def test_a_group_after_sobre_is_a_target_not_a_place() -> None:
    d = run("La enviada estadounidense advirtió que Washington podría actuar militarmente "
            "sobre los sicarios en cualquier momento.")
    advertir = [e for e in d.events if e.trigger.text == "advirtió"]
    assert advertir and advertir[0].recipient is not None and advertir[0].recipient.sector == "CRM"
    d = run("La enviada estadounidense advirtió que Washington podría actuar militarmente "
            "sobre Nicaragua en cualquier momento.")
    advertir = [e for e in d.events if e.trigger.text == "advirtió"]
    assert advertir and advertir[0].recipient is None


def test_the_words_of_a_rejected_claim_are_not_its_target() -> None:
    d = run("El canciller de Venezuela negó que en Venezuela operen los cárteles, en respuesta al "
            "presidente Donald Trump.")
    assert ("REJECT", "VEN", "USA", "asserted") in triples(d.events)
    assert not any(m.kind == "actor" and "operen" in m.span.text for m in d.mentions)
    d = run("El canciller de Venezuela rechazó que Estados Unidos envíe tropas al Caribe.")
    assert ("REJECT", "VEN", "USA", "asserted") in triples(d.events)


def test_a_boat_struck_in_a_report_of_drug_boats_is_a_criminal_target() -> None:
    d = run("Fuerzas de Estados Unidos hundieron una narcolancha en el Pacífico.\n\n"
            "Días después, militares estadounidenses atacaron otra embarcación frente a la costa de Colombia.")
    atacar = [e for e in d.events if e.trigger.text == "atacaron"]
    assert atacar and atacar[0].recipient is not None and atacar[0].recipient.sector == "CRM"
    d = run("Fuerzas de Estados Unidos hundieron una narcolancha en el Pacífico.\n\n"
            "Días después, militares estadounidenses atacaron un puerto desde un buque frente a Colombia.")
    atacar = [e for e in d.events if e.trigger.text == "atacaron"]
    assert atacar and not (atacar[0].recipient and atacar[0].recipient.sector == "CRM")


def test_a_coordinated_verb_or_a_gerund_shares_the_subject_and_target_before_it() -> None:
    d = run("La Marina de México abatió a dos integrantes del Cártel de Sinaloa e hirió a otros tres en Culiacán.")
    herir = [e for e in d.events if e.trigger.text == "hirió"]
    assert herir and herir[0].actor is not None and herir[0].actor.country == "MEX"
    assert herir[0].actor.sector == "MIL"
    assert herir[0].recipient is not None and herir[0].recipient.sector == "CRM"
    d = run("Militares colombianos bombardearon una narcolancha en el Pacífico, hiriendo a tres tripulantes.")
    matar = [e for e in d.events if e.trigger.text == "hiriendo"]
    assert matar and matar[0].recipient is not None and matar[0].recipient.sector == "CRM"


def test_who_announces_a_strike_or_capture_with_no_agent_carried_it_out() -> None:
    d = run("El Pentágono confirmó el domingo que una narcolancha fue atacada en el Pacífico.")
    assert ("ASSAULT", "USA", "CRM", "asserted") in triples(d.events)
    d = run("La presidenta de México condenó que el canciller de Venezuela fue arrestado en Bogotá.")
    capturado = [e for e in d.events if e.trigger.text == "arrestado"]
    assert capturado and capturado[0].actor is None


def test_a_passive_takes_no_target_from_a_later_clause() -> None:
    d = run("Dos soldados fueron atacados en Sinaloa mientras patrullaban cerca de un campamento de "
            "narcotraficantes.")
    assert not [e for e in d.events if e.trigger.text == "atacados" and e.recipient is not None]
    d = run("Dos soldados de la Marina de México fueron atacados en Sinaloa mientras patrullaban cerca de un "
            "campamento de narcotraficantes.")
    atacados = [e for e in d.events if e.trigger.text == "atacados"]
    assert atacados and atacados[0].recipient is not None and atacados[0].recipient.country == "MEX"


def test_the_one_before_an_object_relative_is_the_target_not_the_subject() -> None:
    d = run("Colombia es una de las naciones a las que el gobierno de Estados Unidos impuso cuotas y aranceles en marzo.")
    assert ("SANCTION", "USA", "COL", "asserted") in triples(d.events)
    assert not any(e.actor is not None and e.actor.country == "COL" for e in d.events)


def test_an_act_with_no_one_named_on_either_side_is_not_coded() -> None:
    d = run("Un hombre fue abatido anoche en la sierra tras un enfrentamiento.")
    assert not [e for e in d.events if e.trigger.text == "abatido"]


def test_an_office_after_a_possessive_is_the_latest_person_s() -> None:
    d = run("El gobierno de Estados Unidos envió una carta a México.\n\n"
            "La presidenta Claudia Sheinbaum dijo que su gobierno rechaza cualquier intervención extranjera.")
    rechazo = [e for e in d.events if e.trigger.text == "rechaza"]
    assert rechazo and rechazo[0].actor is not None and rechazo[0].actor.country == "MEX"


def test_the_subject_after_a_phrase_that_opens_with_a_meeting_is_one_of_its_parties() -> None:
    d = run("Según fuentes oficiales, en una reunión privada el canciller de Colombia expresó al gobierno de "
            "Venezuela su preocupación por la frontera.")
    reunion = [e for e in d.events if e.trigger.text == "reunión"]
    assert reunion and reunion[0].actor is not None and reunion[0].actor.country == "COL"
    assert reunion[0].recipient is not None and reunion[0].recipient.country == "VEN"
    d = run("Según fuentes oficiales, tras el ataque el canciller de Colombia expresó al gobierno de "
            "Venezuela su preocupación por la frontera.")
    assert not [e for e in d.events if e.trigger.text == "ataque"]


def test_an_act_with_no_target_takes_the_one_the_same_side_s_acts_have_in_the_report() -> None:
    d = run("Fuerzas de Estados Unidos atacaron a integrantes del CJNG en Sonora.\n\n"
            "Un nuevo bombardeo estadounidense dejó tres muertos en la sierra.")
    ataque = [e for e in d.events if e.trigger.text == "bombardeo"]
    assert ataque and ataque[0].recipient is not None and ataque[0].recipient.sector == "CRM"
    assert "document-same-type" in ataque[0].rule
    d = run("Fuerzas de Venezuela atacaron a integrantes del CJNG en Sonora.\n\n"
            "Un nuevo bombardeo estadounidense dejó tres muertos en la sierra.")
    ataque = [e for e in d.events if e.trigger.text == "bombardeo"]
    assert ataque and ataque[0].recipient is None


def test_a_rejection_with_no_one_named_is_addressed_to_the_report_s_other_state() -> None:
    d = run("El gobierno de Estados Unidos envió tropas a la frontera. El presidente Donald Trump habló de "
            "aranceles.\n\nLa canciller de México rechazó cualquier intervención extranjera.")
    rechazo = [e for e in d.events if e.trigger.text == "rechazó"]
    assert rechazo and rechazo[0].recipient is not None and rechazo[0].recipient.country == "USA"
    assert "document-counterpart" in rechazo[0].rule
    d = run("El gobierno de Estados Unidos envió tropas a la frontera.\n\n"
            "La canciller de México rechazó cualquier intervención extranjera.")
    rechazo = [e for e in d.events if e.trigger.text == "rechazó"]
    assert rechazo and rechazo[0].recipient is None


def test_a_gerund_opening_the_sentence_has_the_main_clause_s_subject() -> None:
    d = run("El presidente Donald Trump habló en Florida.\n\n"
            "Criticando los aranceles contra su país, el canciller de Colombia acusó al gobierno de Estados Unidos "
            "de mentir.")
    critica = [e for e in d.events if e.trigger.text == "Criticando"]
    assert critica and critica[0].actor is not None and critica[0].actor.country == "COL"


def test_a_counted_strike_with_no_side_named_is_by_the_side_of_the_report_s_other_strikes() -> None:
    d = run("Fuerzas de Estados Unidos atacaron una narcolancha en el Caribe.\n\n"
            "Hasta ahora, los ataques han dejado cuarenta muertos.")
    ataques = [e for e in d.events if e.trigger.text == "ataques"]
    assert ataques and ataques[0].actor is not None and ataques[0].actor.country == "USA"
    assert ataques[0].recipient is not None and ataques[0].recipient.sector == "CRM"
    d = run("El gobierno de Colombia habló de la violencia.\n\nHasta ahora, los ataques han dejado cuarenta muertos.")
    assert not [e for e in d.events if e.trigger.text == "ataques"]


def test_a_nominal_strike_that_a_relative_says_was_threatened_is_not_asserted() -> None:
    d = run("Fuerzas de Estados Unidos atacaron una narcolancha en el Caribe.\n\n"
            "La presidenta Claudia Sheinbaum habló sobre el ataque terrestre que Estados Unidos amenazó con lanzar.")
    ataque = [e for e in d.events if e.trigger.text == "ataque"]
    assert ataque and all(e.status == "hypothetical" for e in ataque)


def test_sharing_intelligence_is_cooperation_and_cooperation_needs_a_recipient() -> None:
    d = run("Las autoridades de Estados Unidos compartieron información con el gobierno de Colombia.")
    assert ("COOPERATE", "USA", "COL", "asserted") in triples(d.events)
    d = run("Según el informe, los militares colaboraron durante toda la semana en la sierra.")
    assert not [e for e in d.events if e.type == "COOPERATE"]


def test_a_participle_the_lemma_table_reads_as_an_adjective_is_a_verb_after_ser_or_haber() -> None:
    d = run("La policía de Colombia informó que el canciller de Venezuela fue detenido en Bogotá.")
    assert ("COERCE", "COL", "VEN", "asserted") in triples(d.events)
    d = run("Las tropas de Colombia han herido a dos integrantes del CJNG en la frontera.")
    herido = [e for e in d.events if e.trigger.text == "herido"]
    assert herido and herido[0].actor is not None and herido[0].actor.country == "COL"
    assert herido[0].recipient is not None and herido[0].recipient.sector == "CRM"


def test_a_verb_that_opens_a_relative_clause_has_no_subject_from_the_sentence_before() -> None:
    d = run("El gobierno de Estados Unidos habló de la frontera.\n\n"
            "Los legisladores, que han prometido una investigación, se reunieron ayer.")
    assert not [e for e in d.events if e.trigger.text == "prometido" and e.actor is not None]


def test_a_nominal_capture_told_as_happening_takes_the_operations_side_and_the_place_state() -> None:
    d = run("La captura se produjo el martes durante un operativo militar colombiano en Quito.")
    assert ("ASSAULT", "COL", "ECU", "asserted") in triples(d.events)
    captura = next(e for e in d.events if e.trigger.text == "captura")
    assert "actor=operation" in captura.rule and "recipient=place-of-act" in captura.rule
    # Not told as happening: a mention of the capture with no one named is no event of its own.
    d = run("La captura, durante una operación militar colombiana en Quito, fue polémica.")
    assert not [e for e in d.events if e.trigger.text == "captura"]


def test_a_passive_inside_an_operation_takes_the_operations_own_side() -> None:
    d = run("El operativo del Ejército de Colombia en el que fue detenido Juan Pérez, líder del Cártel de "
            "Sinaloa, duró horas.")
    detenido = next(e for e in d.events if e.trigger.text == "detenido")
    assert detenido.actor is not None and detenido.actor.country == "COL" and detenido.actor.sector == "MIL"
    assert "actor=operation" in detenido.rule
    # The operation told after the passive, in its clause.
    d = run("Juan Pérez, líder del Cártel de Sinaloa, fue detenido durante un operativo del Ejército de Colombia.")
    detenido = next(e for e in d.events if e.trigger.text == "detenido")
    assert detenido.actor is not None and detenido.actor.country == "COL"


def test_a_passive_inside_an_unnamed_operation_is_by_the_one_state_force_the_document_names() -> None:
    text = ("La cancillería de Chile elogió a Perú tras la operación naval en la que fue abatido Juan Pérez, "
            "jefe del Cártel del Golfo. La embajada destacó el trabajo de la Secretaría de Marina")
    d = run(text + ".")
    abatido = next(e for e in d.events if e.trigger.text == "abatido")
    assert abatido.actor is not None and abatido.actor.country == "MEX" and abatido.actor.sector == "MIL"
    assert "actor=document-forces" in abatido.rule
    # Forces of two countries: nothing tells whose operation it was.
    d = run(text + " y del Ejército de Colombia.")
    abatido = next(e for e in d.events if e.trigger.text == "abatido")
    assert abatido.actor is None


# A measure named by a noun with a relative clause whose light verb has a subject ("los aranceles ..., que el
# mandatario X anunció"): that subject is its actor, and with no one named after it, the other side named
# before it is whom it falls on. A relative whose "que" is its own subject names no actor.
def test_the_subject_of_a_light_verb_in_a_relative_clause_is_the_nouns_actor() -> None:
    d = run("El gobierno de Venezuela aceptó suspender el cobro de los aranceles del 15 por ciento, que la "
            "presidenta mexicana impuso por decreto el 9 de abril.")
    assert ("SANCTION", "MEX", "VEN", "asserted") in triples(d.events)


def test_a_relative_clause_with_no_subject_of_its_own_names_no_actor() -> None:
    d = run("Los aranceles que afectan a Canadá fueron criticados en Pekín.")
    assert not [e for e in d.events if e.type == "SANCTION"]


# Willingness to help or cooperate told by a light verb ("expresó su interés de colaborar") is an offer: AGREE
# by the light verb's subject; interest of any other kind is no event.
def test_an_expressed_interest_in_helping_is_an_offer() -> None:
    d = run("Durante la cumbre, el mandatario cubano expresó su interés de colaborar con patrullas conjuntas, "
            "algo que el gobierno colombiano rechazó de inmediato.")
    assert ("AGREE", "CUB", "COL", "asserted") in triples(d.events)


def test_interest_of_another_kind_is_no_event() -> None:
    assert not run("El interés de los inversionistas chinos en el puerto mexicano creció.").events


# A reciprocal act with no partner named ("con funcionarios canadienses aportando información") is done with
# the other country the document is about; with none to go by it is no event (cooperation needs a recipient).
def test_a_reciprocal_act_with_no_partner_named_takes_the_documents_counterpart() -> None:
    d = run("El gobierno colombiano informó de la redada en Cali. La Policía colombiana capturó al jefe de la banda. "
            "El vocero indicó que la misión se realizó con funcionarios canadienses aportando información.")
    assert ("COOPERATE", "CAN", "COL", "asserted") in triples(d.events)


def test_a_reciprocal_act_with_no_counterpart_in_the_document_is_no_event() -> None:
    d = run("El vocero indicó que la misión se realizó con funcionarios canadienses aportando información.")
    assert not [e for e in d.events if e.type == "COOPERATE"]


# A party named as the author of a text ("la Convención de la ONU") is the text, not whom the act is
# aimed at; named for itself ("la mediación de la ONU") it is the party.
def test_the_author_of_a_violated_charter_is_not_the_accused() -> None:
    d = run("Denunciando una infracción a la Convención de la ONU sobre el mar, el canciller colombiano "
            "solicitó la mediación de la ONU.")
    accuse = [e for e in d.events if e.type == "ACCUSE"]
    assert accuse and all(e.recipient is None or e.recipient.sector != "IGO" for e in accuse)
    assert ("REQUEST", "COL", "IGO", "asserted") in triples(d.events)


# The subject of a demand's "que" clause whose verb is one of receiving is who the demand is for, not whom it
# is made to; the subject of a clause of acting is whom it is made to.
def test_who_a_demand_is_for_is_not_whom_it_is_made_to() -> None:
    d = run("La canciller colombiana exigió que el exgobernador venezolano reciba un proceso imparcial en México.")
    request = [e for e in d.events if e.type == "REQUEST"]
    assert request and all(e.recipient is None or e.recipient.country != "VEN" for e in request)


def test_who_is_asked_to_act_is_whom_the_demand_is_made_to() -> None:
    d = run("El canciller canadiense pidió que Estados Unidos retire sus tropas de Venezuela.")
    assert ("REQUEST", "CAN", "USA", "asserted") in triples(d.events)


# An act of force named by a noun whose verb is in the future ("la ofensiva llegará hasta la costa") is yet to come;
# told by its own side it is the manual's THREATEN by that side, told by another it stays planned.
STRIKES = "Las fuerzas estadounidenses bombardearon a los cárteles el lunes. "


def test_an_offensive_yet_to_come_told_by_its_own_side_is_a_threat() -> None:
    d = run(STRIKES + "El Pentágono ha afirmado que en breve la ofensiva llegará hasta la costa.")
    assert ("THREATEN", "USA", "CRM", "asserted") in triples(d.events)


def test_an_offensive_yet_to_come_told_by_another_side_stays_planned() -> None:
    d = run(STRIKES + "El gobierno mexicano ha señalado que en breve la ofensiva llegará hasta la costa.")
    assert not [e for e in d.events if e.type == "THREATEN"]
    assert [e for e in d.events if e.trigger.text == "ofensiva" and e.status == "planned"]


def test_an_offensive_that_went_on_is_told_as_done() -> None:
    d = run(STRIKES + "La ofensiva continuó el martes.")
    assert [e for e in d.events if e.trigger.text == "ofensiva" and e.status == "asserted" and e.type == "ASSAULT"]


# The one named right after a participle opening its clause ("Ya detenido el presidente X, ...") is the
# participle's patient, not the subject of the verb after it.
def test_the_patient_of_an_opening_participle_is_no_subject() -> None:
    d = run("El canciller colombiano habló con los periodistas. “Ya arrestado el exgobernador venezolano, lo que uno "
            "exige es un proceso limpio, nada más”, dijo el canciller colombiano.")
    request = [e for e in d.events if e.type == "REQUEST"]
    assert request and all(e.actor is None or e.actor.country != "VEN" for e in request)


def _detained_by(text: str) -> Actor | None:
    found = [e for e in run(text).events
             if e.type == "COERCE" and e.trigger.text.lower().startswith(("detuv", "detien"))]
    assert found, text
    return found[0].actor


def test_a_plural_verb_with_no_subject_is_no_single_party_named_before() -> None:
    # "Detienen a ...": an impersonal "they", not the embassy of the sentence before
    assert _detained_by("La embajada de Estados Unidos elogió a México. Detienen a 27 presuntos integrantes "
                        "del cártel en Aguascalientes.") is None
    # the subject dropped keeps the party before when the verb agrees with it
    singular = _detained_by("El gobierno de México anunció un plan. Detuvo a 27 presuntos integrantes del cártel.")
    assert singular is not None and singular.country == "MEX"
    plural = _detained_by("Las autoridades mexicanas anunciaron un plan. Detuvieron a 27 presuntos integrantes "
                          "del cártel.")
    assert plural is not None and plural.country == "MEX"


def test_diplomats_expelled_are_a_sanction_not_an_arrest() -> None:
    got = triples(run("Colombia expulsó a tres diplomáticos venezolanos.").events)
    assert ("SANCTION", "COL", "VEN", "asserted") in got
    assert not any(t[0] == "COERCE" for t in got)


def test_relations_broken_by_two_coordinated_states_go_both_ways() -> None:
    got = triples(run("Colombia y Venezuela rompieron relaciones diplomáticas.").events)
    assert {("SANCTION", "COL", "VEN", "asserted"), ("SANCTION", "VEN", "COL", "asserted")} <= got


def test_two_coordinated_subjects_each_ask() -> None:
    got = triples(run("Brasil y México pidieron a Colombia que retome el diálogo.").events)
    assert {("REQUEST", "BRA", "COL", "asserted"), ("REQUEST", "MEX", "COL", "asserted")} <= got


def test_prisoners_freed_are_released_and_concern_expressed_is_disapproval() -> None:
    assert ("RETREAT", "VEN", None, "asserted") in {
        (t[0], t[1], None, t[3]) for t in triples(run("Venezuela liberó a diez presos políticos el lunes.").events)}
    d = run("La ONU expresó su preocupación por la escalada en la frontera.")
    assert any(e.type == "ACCUSE" for e in d.events)


def test_a_relative_clause_takes_its_noun_as_subject_not_a_party_named_earlier() -> None:
    d = run("El gobierno de Colombia acusó a Caracas de apoyar a grupos armados que atacaron un puesto militar.")
    attacks = [e for e in d.events if e.type == "ASSAULT"]
    assert attacks and all(e.actor is None for e in attacks)  # armed groups no lexicon names, not Colombia
    d = run("Los militares venezolanos, que atacaron un puesto colombiano, se retiraron.")
    assert ("ASSAULT", "VEN", "COL", "asserted") in triples(d.events)
