"""Spanish temporal expressions in the shapes of Mexican news, resolved against the publication date.

Each row: the publication date, a sentence, the words of the expression, its value, its precision and the
rule that resolved it (what the record keeps to say why).
"""

from __future__ import annotations

import pytest

from storyline.pipeline.dates import find_dates

J = "2025-10-16"  # a Thursday
E = "2026-01-08"  # a Thursday, early in the year
M = "2025-03-05"  # a Wednesday

CASES = [
    # weekdays
    (J, "La presidenta Claudia Sheinbaum afirmó este jueves que no habrá intervención.", "este jueves",
     "2025-10-16", "day", "weekday_relative"),
    (J, "El canciller se reunió este martes con el embajador en Palacio Nacional.", "este martes",
     "2025-10-14", "day", "weekday_relative"),
    (J, "La Marina informó el lunes de la captura de tres presuntos integrantes del cártel.", "el lunes",
     "2025-10-13", "day", "weekday_relative"),
    (J, "El martes pasado, un grupo armado atacó a policías estatales en Culiacán.", "El martes pasado",
     "2025-10-14", "day", "weekday_last"),
    (J, "El pasado domingo, el Ejército desplegó 500 elementos en Sinaloa.", "El pasado domingo",
     "2025-10-12", "day", "weekday_last"),
    (J, "El jueves pasado la Fiscalía presentó los cargos.", "El jueves pasado", "2025-10-09", "day",
     "weekday_last"),
    (J, "Ambos gobiernos se reunirán el próximo lunes en Washington.", "el próximo lunes", "2025-10-20", "day",
     "weekday_next"),
    (J, "La delegación viajará el viernes próximo a la capital estadounidense.", "el viernes próximo",
     "2025-10-17", "day", "weekday_next"),
    (J, "La reunión se celebrará el miércoles que viene, según la cancillería.", "el miércoles que viene",
     "2025-10-22", "day", "weekday_next"),
    (J, "La madrugada del sábado, hombres armados incendiaron dos vehículos.", "del sábado", "2025-10-11",
     "day", "weekday_relative"),
    (J, "La presidenta habló el jueves 9 de octubre con su homólogo.", "jueves 9 de octubre", "2025-10-09",
     "day", "day_month_no_year"),
    # relative days
    (J, "La Secretaría de Marina informó ayer que destruyó un narcolaboratorio.", "ayer", "2025-10-15", "day",
     "relative_day"),
    (J, "Anoche, un ataque con drones dejó dos muertos en Michoacán.", "Anoche", "2025-10-15", "day",
     "relative_day"),
    (J, "Hoy la mandataria encabezó la conferencia matutina.", "Hoy", "2025-10-16", "day", "relative_day"),
    (J, "El día de hoy se instaló la mesa de seguridad bilateral.", "hoy", "2025-10-16", "day", "relative_day"),
    (J, "El secretario comparecerá mañana ante el Senado.", "mañana", "2025-10-17", "day", "relative_day"),
    (J, "Pasado mañana vence el plazo que fijó Washington.", "Pasado mañana", "2025-10-18", "day",
     "relative_day"),
    (J, "Esta mañana, la Guardia Nacional reforzó la vigilancia en la frontera.", "Esta mañana", "2025-10-16",
     "day", "relative_day"),
    (J, "Esta noche se espera la llegada de los deportados a Tijuana.", "Esta noche", "2025-10-16", "day",
     "relative_day"),
    (J, "Antier, la Fiscalía General de la República abrió una carpeta de investigación.", "Antier",
     "2025-10-14", "day", "relative_day"),
    (J, "Anteayer fueron detenidos cuatro hombres en Sonora.", "Anteayer", "2025-10-14", "day", "relative_day"),
    # weeks, weekends, months and years relative to publication
    (J, "Esta semana, el Congreso aprobó la reforma de seguridad.", "Esta semana", "2025-10-13", "day",
     "relative_week"),
    (J, "La semana pasada, Estados Unidos atacó una lancha frente a Colombia.", "La semana pasada", "2025-10-06",
     "day", "relative_week"),
    (J, "La próxima semana llegará a México una delegación del Departamento de Estado.", "La próxima semana",
     "2025-10-20", "day", "relative_week"),
    (J, "El fin de semana, la violencia dejó 40 muertos en Sinaloa.", "El fin de semana", "2025-10-11",
     "day", "relative_weekend"),
    (J, "Este fin de semana se registraron enfrentamientos en Culiacán.", "Este fin de semana", "2025-10-11",
     "day", "relative_weekend"),
    (J, "El mes pasado, la Sedena desplegó 2 mil soldados en la frontera norte.", "El mes pasado", "2025-09",
     "month", "relative_month"),
    (J, "Este mes, los aranceles subieron al 30 por ciento.", "Este mes", "2025-10", "month",
     "relative_month"),
    (J, "El próximo mes entrará en vigor el acuerdo.", "El próximo mes", "2025-11", "month", "relative_month"),
    (J, "El año pasado se registraron más de 30 mil homicidios.", "El año pasado", "2024", "year",
     "relative_year"),
    (J, "Este año, las extradiciones a Estados Unidos aumentaron.", "Este año", "2025", "year",
     "relative_year"),
    (J, "El próximo año se revisará el tratado comercial.", "El próximo año", "2026", "year", "relative_year"),
    (J, "El año próximo se celebrará el Mundial en México.", "El año próximo", "2026", "year", "relative_year"),
    # "hace" and "dentro de"
    (J, "Hace dos semanas, un dron estadounidense sobrevoló Sinaloa.", "Hace dos semanas", "2025-10-02", "day",
     "ago_week"),
    (J, "La operación comenzó hace tres días en la sierra de Durango.", "hace tres días", "2025-10-13", "day",
     "ago_day"),
    (J, "El acuerdo se firmó hace un año en Washington.", "hace un año", "2024", "year", "ago_year"),
    (J, "Hace seis meses, Washington designó a los cárteles como terroristas.", "Hace seis meses", "2025-04",
     "month", "ago_month"),
    (J, "El capo fue detenido hace 48 horas en Culiacán.", "hace 48 horas", "2025-10-14", "day", "ago_hour"),
    (J, "La presidenta viajará dentro de dos semanas a Washington.", "dentro de dos semanas", "2025-10-30",
     "day", "ahead_week"),
    (J, "Los aranceles entrarán en vigor dentro de 90 días.", "dentro de 90 días", "2026-01-14", "day",
     "ahead_day"),
    (J, "Hace unos días, la Fiscalía informó de nuevas detenciones.", "Hace unos días", None, None, "ago_day"),
    # days of a month
    (J, "El 15 de octubre de 2025, la Marina abatió a dos presuntos sicarios.", "15 de octubre de 2025",
     "2025-10-15", "day", "day_month_year"),
    (J, "El pasado 3 de octubre, un grupo armado emboscó a militares en Michoacán.", "3 de octubre",
     "2025-10-03", "day", "day_month_past"),
    (J, "El pasado 20 de octubre se cumplió el plazo.", "20 de octubre", "2024-10-20", "day", "day_month_past"),
    (J, "El 3 de enero, Trump firmó la orden ejecutiva.", "3 de enero", "2025-01-03", "day",
     "day_month_no_year"),
    (J, "La cumbre se celebrará el 28 de octubre en la capital.", "28 de octubre", "2025-10-28", "day",
     "day_month_no_year_upcoming"),
    (J, "El próximo 1 de agosto vence la pausa de los aranceles.", "1 de agosto", "2026-08-01", "day",
     "day_month_next"),
    (J, "El 1º de septiembre la presidenta rindió su informe.", "1º de septiembre", "2025-09-01", "day",
     "day_month_no_year"),
    (E, "El 20 de diciembre, la Marina decomisó una tonelada de cocaína.", "20 de diciembre", "2025-12-20", "day",
     "day_month_no_year"),
    (J, "Los hechos ocurrieron el 14 de julio del 2025 en Zapopan.", "14 de julio del 2025", "2025-07-14",
     "day", "day_month_year"),
    (J, "Desde el 1 de agosto, los productos pagan un arancel del 25%.", "Desde el 1 de agosto", "2025-08-01",
     "day", "range_since/day_month_no_year"),
    (J, "Del 10 de octubre al 14 de octubre se reforzaron los retenes.", "Del 10 de octubre al 14 de octubre",
     "2025-10-10", "day", "range_from/day_month_no_year"),
    # months
    (J, "En marzo, Washington impuso aranceles a los productos mexicanos.", "marzo", "2025-03", "month",
     "month_no_year"),
    (J, "A principios de enero, el gobierno anunció el despliegue.", "enero", "2025-01", "month",
     "month_no_year"),
    (J, "A finales de septiembre se reanudaron las negociaciones.", "septiembre", "2025-09", "month",
     "month_no_year"),
    (J, "A mediados de agosto comenzó la operación en Sinaloa.", "agosto", "2025-08", "month", "month_no_year"),
    (J, "En diciembre pasado, el Senado aprobó la ley.", "diciembre pasado", "2024-12", "month", "month_last"),
    (J, "El pasado mes de septiembre, la Semar informó de un decomiso récord.", "El pasado mes de septiembre",
     "2025-09", "month", "month_last"),
    (J, "El próximo mes de noviembre se reunirá la comisión bilateral.", "El próximo mes de noviembre",
     "2025-11", "month", "month_next"),
    (J, "En octubre del año pasado, la DEA detuvo a un operador del cártel.", "octubre del año pasado", "2024-10",
     "month", "month_of_relative_year"),
    (J, "En febrero de este año, la Casa Blanca anunció los aranceles.", "febrero de este año", "2025-02",
     "month", "month_of_relative_year"),
    (J, "El decreto fue publicado en enero de 2025.", "enero de 2025", "2025-01", "month", "month_year"),
    (E, "En noviembre, el Pentágono envió un portaaviones al Caribe.", "noviembre", "2025-11", "month",
     "month_no_year"),
    # years
    (J, "A finales de 2024, la cifra de desaparecidos superó los 100 mil.", "2024", "2024", "year", "year"),
    (J, "Desde 2019 la Guardia Nacional patrulla la frontera.", "Desde 2019", "2019", "year",
     "range_since/year"),
    (J, "En este 2025, las remesas cayeron por primera vez.", "2025", "2025", "year", "year"),
    (J, "Los homicidios bajaron entre 2019 y 2021.", "entre 2019 y 2021", "2019", "year",
     "range_between/year"),
    # numeric, day first on a Spanish page
    (J, "El operativo se realizó el 03/10/2025 en Culiacán.", "03/10/2025", "2025-10-03", "day",
     "numeric_day_first"),
    (J, "Según el informe fechado el 15.10.2025, la Marina destruyó 12 laboratorios.", "15.10.2025",
     "2025-10-15", "day", "numeric_date"),
    # the first of a month in words or as an ordinal
    (J, "El primero de octubre, la Guardia Nacional asumió el control de la aduana.", "primero de octubre",
     "2025-10-01", "day", "day_month_no_year"),
    (J, "El 1o. de septiembre el Congreso abrió su periodo de sesiones.", "1o. de septiembre", "2025-09-01", "day",
     "day_month_no_year"),
    (J, "El 1.º de julio entró en vigor el nuevo arancel.", "1.º de julio", "2025-07-01", "day",
     "day_month_no_year"),
    # a day of the month without its month
    (J, "El gabinete se reunió el lunes 13 en la capital.", "el lunes 13", "2025-10-13", "day", "weekday_day"),
    (J, "Este jueves 2 la Marina informó del decomiso.", "Este jueves 2", "2025-10-02", "day", "weekday_day"),
    (J, "El sábado 27 se registró el enfrentamiento en la sierra.", "El sábado 27", "2025-09-27", "day",
     "weekday_day"),
    (J, "El martes 13 murieron tres policías.", "El martes 13", "2025-10-14", "day", "weekday_day"),
    (J, "El acuerdo se firmó el 14 de este mes en Washington.", "14 de este mes", "2025-10-14", "day",
     "day_of_relative_month"),
    (J, "Los detenidos fueron trasladados el 28 del mes pasado.", "28 del mes pasado", "2025-09-28", "day",
     "day_of_relative_month"),
    (J, "El día 3 la fiscalía abrió una investigación.", "día 3", "2025-10-03", "day", "day_of_month"),
    (J, "La comisión se reunirá el día 24 en la cancillería.", "día 24", "2025-10-24", "day", "day_of_month"),
    (J, "El pasado día 20 el Ejército desplegó tropas.", "pasado día 20", "2025-09-20", "day",
     "day_of_month_past"),
    (J, "El próximo día 5 vence el plazo.", "próximo día 5", "2025-11-05", "day", "day_of_month_next"),
    (J, "Esta madrugada un comando atacó una base policial.", "Esta madrugada", "2025-10-16", "day",
     "relative_day"),
    # publication date of month precision: only what it settles
    ("2025-10", "El 14 de este mes se firmó el convenio.", "14 de este mes", "2025-10-14", "day",
     "day_of_relative_month"),
    ("2025-10", "El día 3 la fiscalía abrió una investigación.", "día 3", "2025-10-03", "day", "day_of_month"),
    ("2025-10", "El pasado día 3 la fiscalía abrió una investigación.", "pasado día 3", None, None,
     "day_of_month_past"),
    ("2025-05", "La tasa, que el ministro presentó en un discurso el 9 de mayo, rige desde hoy.", "9 de mayo",
     "2025-05-09", "day", "day_month_no_year"),
    ("2025-07", "El pasado 2 de julio se firmó el acuerdo.", "2 de julio", None, None, "day_month_past"),
    ("2025-10", "La semana pasada, el Ejército desplegó tropas.", "La semana pasada", None, None, "relative_week"),
]


@pytest.mark.parametrize(("published", "sentence", "words", "value", "precision", "rule"), CASES)
def test_spanish_dates(published: str, sentence: str, words: str, value: str | None, precision: str | None,
                       rule: str) -> None:
    precision_of_published = "month" if len(published) == 7 else "day"
    found = {m.text: m for m in find_dates(sentence, published, precision_of_published, day_first=True)}
    assert words in found, f"{words!r} not found in {sentence!r}; found {list(found)}"
    m = found[words]
    assert (m.value, m.precision, m.rule) == (value, precision, rule)


def test_there_are_sixty_or_more() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("sentence", [
    "La presidenta habló por la mañana con los gobernadores.",
    "Cada mañana, la mandataria encabeza la conferencia en Palacio Nacional.",
    "En la mañana de hoy se reunió el gabinete de seguridad.",
    "Julio César Chávez habló con la prensa.",
    "Más de 2000 elementos fueron enviados a la frontera.",
])
def test_not_a_date(sentence: str) -> None:
    texts = [m.text for m in find_dates(sentence, J, "day", day_first=True)]
    assert "mañana" not in texts and "Julio" not in texts and "2000" not in texts


@pytest.mark.parametrize(("sentence", "words"), [
    ("El lunes 13 personas resultaron heridas en el ataque.", "El lunes"),  # 13 counts people: the day is Monday
    ("El día 3 de la huelga los mineros bloquearon la carretera.", None),
    ("El jueves 9:30 horas comenzó la audiencia.", "El jueves"),
])
def test_a_number_after_a_weekday_or_day_is_not_always_a_day(sentence: str, words: str | None) -> None:
    found = find_dates(sentence, J, "day", day_first=True)
    assert [m.text for m in found if m.rule.startswith(("weekday_day", "day_of"))] == []
    if words:
        assert words in [m.text for m in found]
