"""Sentence segmentation on Spanish news paragraphs: abbreviations, «» quotes, dialogue dashes, ¿? and ¡!."""

from __future__ import annotations

import pytest

from storyline.pipeline.segment import split_sentences

CASES = [
    ("El Sr. Pérez llegó a la reunión. La Sra. López habló con el Lic. Ramírez y con el Dr. Gómez.",
     ["El Sr. Pérez llegó a la reunión.", "La Sra. López habló con el Lic. Ramírez y con el Dr. Gómez."]),
    ("El Gral. Ricardo Trevilla y el Ing. Luis Ruiz recorrieron la zona. Después volvieron a la capital.",
     ["El Gral. Ricardo Trevilla y el Ing. Luis Ruiz recorrieron la zona.", "Después volvieron a la capital."]),
    ("Las autoridades de EE.UU. informaron del decomiso en la frontera.",
     ["Las autoridades de EE.UU. informaron del decomiso en la frontera."]),
    ("Las aduanas de EE. UU. entregaron el viernes 40 fusiles decomisados en Arizona, dijo.",
     ["Las aduanas de EE. UU. entregaron el viernes 40 fusiles decomisados en Arizona, dijo."]),
    ("El embajador de EE. UU. Ronald Johnson visitó Palacio Nacional.",
     ["El embajador de EE. UU. Ronald Johnson visitó Palacio Nacional."]),
    ("La delegación viajó a EE. UU. La presidenta no la acompañó.",
     ["La delegación viajó a EE. UU.", "La presidenta no la acompañó."]),
    ("La comitiva llegó a EE.UU. El canciller encabezó la reunión.",
     ["La comitiva llegó a EE.UU.", "El canciller encabezó la reunión."]),
    ("Según el art. 89 de la Constitución, fracc. X, y el núm. 12 del Diario Oficial, pág. 4, el Senado decide.",
     ["Según el art. 89 de la Constitución, fracc. X, y el núm. 12 del Diario Oficial, pág. 4, el Senado decide."]),
    ("En la operación participaron aprox. 300 elementos de la Guardia Nacional.",
     ["En la operación participaron aprox. 300 elementos de la Guardia Nacional."]),
    ("«No lo vamos a permitir. Nunca», dijo la presidenta en su conferencia. Luego se retiró.",
     ["«No lo vamos a permitir. Nunca», dijo la presidenta en su conferencia.", "Luego se retiró."]),
    ("«Es una agresión. No hay otra forma de llamarla» —afirmó el canciller.",
     ["«Es una agresión. No hay otra forma de llamarla» —afirmó el canciller."]),
    ("«México es un país soberano.» La mandataria cerró así su mensaje.",
     ["«México es un país soberano.»", "La mandataria cerró así su mensaje."]),
    ("—No lo vamos a permitir. Nunca —dijo la presidenta—. Después habló de aranceles.",
     ["—No lo vamos a permitir. Nunca —dijo la presidenta—.", "Después habló de aranceles."]),
    ("—Es falso. Lo desmentimos —respondió el vocero.",
     ["—Es falso. Lo desmentimos —respondió el vocero."]),
    ("¿Habrá una intervención militar? La presidenta lo descartó.",
     ["¿Habrá una intervención militar?", "La presidenta lo descartó."]),
    ("¿Qué va a pasar con los aranceles? ¡Nada! respondió el secretario.",
     ["¿Qué va a pasar con los aranceles?", "¡Nada! respondió el secretario."]),
    ("La reunión se celebró en la Cd. de México con el Edo. de México.",
     ["La reunión se celebró en la Cd. de México con el Edo. de México."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spanish_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
