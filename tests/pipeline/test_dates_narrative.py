"""Events whose own sentence names no time take the time the text around them names: the paragraph's
last date, else the day the report is about as the article names it; never the publication date alone."""

from __future__ import annotations

from storyline.model import Document, Event
from storyline.pipeline import build

AFTER_CLEAN = ["segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]
PIPELINE = build(AFTER_CLEAN, given=["text", "language"])


def run(text: str, published: str | None, language: str = "es", precision: str = "day") -> Document:
    doc = Document(source="t", text=text, published=published, language=language,
                   published_precision=precision if published else None)  # type: ignore[arg-type]
    return PIPELINE(doc)


def one(doc: Document, trigger: str) -> Event:
    found = [e for e in doc.events if e.trigger.text.lower().startswith(trigger)]
    assert found, f"no event on {trigger!r}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_an_undated_sentence_keeps_the_day_of_the_sentence_before_it_in_its_paragraph() -> None:
    # 2026-02-11 is a Wednesday: "el lunes" is the 9th, and so is the accusation told next.
    d = run("La exministra declaró el lunes ante una comisión del Senado en Lima. La exfuncionaria denunció a las "
            "autoridades de Chile por espiar sus llamadas.", "2026-02-11")
    e = one(d, "denunció")
    assert (e.date, e.date_precision, e.date_text) == ("2026-02-09", "day", "el lunes")
    assert "date=date:previous-sentence" in e.rule


def test_a_paragraph_without_a_date_takes_the_day_the_article_reports_on() -> None:
    text = ("La presidenta de Honduras afirmó este miércoles que su país no aceptará tropas extranjeras.\n"
            "Durante su mensaje, la mandataria rechazó la propuesta de Estados Unidos.")
    d = run(text, "2026-02-11")
    e = one(d, "rechazó")
    assert (e.date, e.date_precision, e.date_text) == ("2026-02-11", "day", "este miércoles")
    assert "date=date:news-day" in e.rule


def test_the_day_reported_on_may_be_named_after_the_undated_lead() -> None:
    text = ("Tras el bombardeo, el gobierno de Colombia condenó a Estados Unidos.\n"
            "Subtítulo\n"
            "El Pentágono confirmó ayer que sus aviones atacaron el campamento.")
    d = run(text, "2026-02-11")
    e = one(d, "condenó")
    assert (e.date, e.date_text) == ("2026-02-10", "ayer")


def test_a_paragraph_keeps_its_own_earlier_time_over_the_news_day() -> None:
    text = ("El canciller de Perú habló este miércoles con la prensa.\n"
            "En marzo de 2024 Ecuador expulsó al embajador de México. Después, Ecuador acusó a México de "
            "interferir en sus asuntos.")
    d = run(text, "2026-02-11")
    e = one(d, "acusó")
    assert (e.date, e.date_precision) == ("2024-03", "month")  # a month stays a month


def test_no_date_in_the_text_leaves_the_event_undated_whatever_the_publication_date() -> None:
    d = run("El gobierno de Panamá rechazó la propuesta de Estados Unidos.", "2026-02-11")
    assert one(d, "rechazó").date is None


def test_a_day_long_before_publication_is_not_the_day_reported_on() -> None:
    text = ("El gobierno de Panamá rechazó la propuesta de Estados Unidos.\n"
            "La propuesta se presentó el 3 de enero.")
    d = run(text, "2026-02-11")
    assert one(d, "rechazó").date is None


def test_a_later_date_after_publication_is_never_inherited() -> None:
    d = run("Los cancilleres se reunirán el próximo lunes en Lima. El gobierno de Chile rechazó la propuesta "
            "de Bolivia.", "2026-02-11")
    assert one(d, "rechazó").date is None


def test_planned_events_stay_undated() -> None:
    d = run("La presidenta habló este miércoles. Venezuela podría atacar a Colombia.", "2026-02-11")
    assert all(e.date is None for e in d.events if e.status != "asserted")


def test_english_events_take_the_narrative_time_too() -> None:
    # 2025-11-19 is a Wednesday.
    text = ("Peru's president said on Tuesday that the country would not accept foreign troops.\n"
            "In his address, the president rejected the U.S. proposal.")
    d = run(text, "2025-11-19", language="en")
    e = one(d, "rejected")
    assert (e.date, e.date_text) == ("2025-11-18", "Tuesday")
    assert "date=date:news-day" in e.rule


def test_a_month_precise_publication_gives_no_news_day() -> None:
    text = ("El canciller de Perú habló este miércoles con la prensa.\n"
            "El gobierno de Panamá rechazó la propuesta de Estados Unidos.")
    d = run(text, "2026-02", precision="month")
    assert one(d, "rechazó").date is None


def test_an_event_two_weeks_before_the_remarks_it_is_told_after() -> None:
    # 2025-11-19 is a Wednesday; the remarks were on Tuesday the 18th, the report two weeks before.
    text = ("Peru's president said on Tuesday that the country would not accept foreign troops.\n"
            "His remarks came two weeks after a newspaper reported that Chile threatened to close the border.")
    d = run(text, "2025-11-19", language="en")
    e = one(d, "threatened")
    assert (e.date, e.date_precision) == ("2025-11-04", "day")
    assert "date=date:news-day+offset" in e.rule and e.date_text == "Tuesday; two weeks after"


def test_an_event_told_n_days_later_is_moved_forward() -> None:
    text = ("El ejército de Colombia atacó el lunes un campamento en la frontera. Tres días después, Venezuela "
            "condenó a Colombia por el ataque.")
    d = run(text, "2026-02-13")  # a Friday: "el lunes" is the 9th
    e = one(d, "condenó")
    assert (e.date, e.date_precision) == ("2026-02-12", "day")


def test_an_offset_opening_the_sentence_counts_from_an_unknown_date() -> None:
    text = ("El canciller de Perú habló este miércoles con la prensa.\n"
            "Dos semanas después de las elecciones, el gobierno de Bolivia rechazó la propuesta de Chile.")
    d = run(text, "2026-02-11")
    assert one(d, "rechazó").date is None


def test_offsets_are_found_but_not_resolved_against_publication() -> None:
    from storyline.pipeline.dates import find_dates
    found = {m.text: m for m in find_dates("Dos días más tarde y two weeks after the vote, a few days later.",
                                           "2026-02-11")}
    assert (found["Dos días más tarde"].value, found["Dos días más tarde"].offset) == (None, ("day", 2))
    assert found["two weeks after"].offset == ("week", -2)
    assert "a few days later" not in found


def test_a_habit_or_a_stretch_of_time_takes_no_narrative_date() -> None:
    text = ("Peru's president said on Tuesday that the country would not accept foreign troops.\n"
            "Chile has repeatedly rejected Bolivia's proposals. Ecuador's navy has seized dozens of boats in "
            "recent weeks.")
    d = run(text, "2025-11-19", language="en")
    assert one(d, "rejected").date is None
    es = run("La presidenta habló este miércoles con la prensa.\nVenezuela ha rechazado reiteradamente la "
             "propuesta de Colombia.", "2026-02-11")
    assert one(es, "rechazado").date is None


def test_a_habit_in_another_clause_does_not_stop_the_event() -> None:
    text = ("El canciller de Perú habló este miércoles con la prensa.\n"
            "El canciller dijo que su país siempre defenderá la paz, rechazando la propuesta de Chile.")
    d = run(text, "2026-02-11")
    assert one(d, "rechazando").date == "2026-02-11"


def test_the_pluperfect_lies_before_the_narrative_time() -> None:
    text = ("Peru's president said on Tuesday that the country would not accept foreign troops.\n"
            "He added that Chile had rejected the proposal.")
    d = run(text, "2025-11-19", language="en")
    assert one(d, "rejected").date is None
    es = run("La presidenta habló este miércoles con la prensa. Dijo que Venezuela había rechazado la propuesta "
             "de Colombia.", "2026-02-11")
    assert one(es, "rechazado").date is None


def test_the_next_day_moves_the_narrative_time_by_one() -> None:
    text = ("El ejército de Colombia atacó el lunes un campamento en la frontera. Al día siguiente, Venezuela "
            "condenó a Colombia por el ataque.")
    d = run(text, "2026-02-13")  # "el lunes" is the 9th
    assert one(d, "condenó").date == "2026-02-10"
    en = run("Colombia's army struck a camp on the border on Monday. The next day, Venezuela condemned Colombia.",
             "2026-02-13", language="en")
    assert one(en, "condemned").date == "2026-02-10"


def test_a_second_mention_set_off_as_an_aside_dates_the_event_told_before() -> None:
    # 2026-02-15 is a Sunday: the strike was reported on Sunday, carried out on Friday the 13th.
    text = ("Estados Unidos atacó otra lancha frente a las costas de Colombia, informó este domingo el "
            "Comando Sur.\nEl ataque, realizado el viernes, dejó tres muertos.")
    d = run(text, "2026-02-15")
    e = next(e for e in d.events if e.trigger.text == "atacó")
    assert (e.date, e.date_text) == ("2026-02-13", "el viernes")
    assert "date=date:re-mention" in e.rule


def test_a_restrictive_second_mention_may_be_another_event() -> None:
    text = ("Estados Unidos atacó otra lancha frente a las costas de Colombia este domingo.\n"
            "El ataque del viernes dejó tres muertos.")
    d = run(text, "2026-02-15")
    assert next(e for e in d.events if e.trigger.text == "atacó").date == "2026-02-15"


def test_a_second_mention_much_earlier_than_the_first_is_another_event() -> None:
    text = ("Estados Unidos atacó otra lancha frente a las costas de Colombia este domingo.\n"
            "El ataque, realizado el 3 de enero, dejó tres muertos.")
    d = run(text, "2026-02-15")
    assert next(e for e in d.events if e.trigger.text == "atacó").date == "2026-02-15"


def test_an_offset_never_moves_an_event_past_publication() -> None:
    text = ("El ejército de Colombia atacó el lunes un campamento en la frontera. Tres días después, Venezuela "
            "condenó a Colombia por el ataque.")
    d = run(text, "2026-02-11")  # a Wednesday: Monday the 9th and three days make the 12th, after publication
    assert one(d, "condenó").date is None


def test_a_bare_year_in_the_sentence_before_does_not_date_the_event() -> None:
    # The year qualifies a figure; the rejection told next is the paragraph's present, not 2021.
    text = ("Seizures of synthetic opioids at the border doubled in 2021 alone. While the Peruvian president "
            "firmly rejects the plan, the Chilean government insists on sending troops.")
    d = run(text, None, language="en")
    e = one(d, "rejects")
    assert e.date is None
    assert "date:previous-sentence" not in e.rule


def test_a_month_in_the_sentence_before_still_dates_the_event() -> None:
    text = ("The Peruvian foreign minister testified before a Senate committee on 3 March 2021. "
            "The minister rejected the plan of the Chilean government.")
    d = run(text, None, language="en")
    e = one(d, "rejected")
    assert (e.date, e.date_precision) == ("2021-03-03", "day")
