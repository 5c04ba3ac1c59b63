"""Recipients the English coder reads off a phrasal verb's preposition and off a person's name no lexicon
knows, on invented wire sentences (one test per rule, with a sentence where the rule must not apply)."""

from __future__ import annotations

from english_coder import first


# "called on X to act against Y": whom the request is made of is X, not the target of the act asked for.
def test_the_object_of_call_on_is_the_recipient() -> None:
    e = first("Senator Mark Dunn called on President Macron to punish Russia over the hacking.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "FRA"


def test_lashing_out_at_someone_makes_them_the_recipient() -> None:
    e = first("The campaign manager said the candidate lashed out at the nation's generals.", "ACCUSE")
    assert e.recipient is not None and "generals" in e.recipient.name


# A person arrested or attacked whom no lexicon knows is still the recipient, not the place of the arrest.
def test_an_unlisted_person_arrested_is_the_recipient() -> None:
    e = first("Police in Ohio arrested John Webb in the hallway of the motel.", "COERCE")
    assert e.recipient is not None and e.recipient.name == "John Webb"


def test_a_person_arrested_by_police_is_of_the_police_country() -> None:
    e = first("Nigerian police arrested Musa Bello outside the court in Lagos on Sunday.", "COERCE")
    assert e.recipient is not None and e.recipient.name == "Musa Bello" and e.recipient.country == "NGA"


# "accuses him of ...": the recipient is a person the text does not name here, not the state the
# document otherwise deals with.
def test_a_pronoun_object_takes_no_counterpart_state() -> None:
    text = ("Sweden reopened the case against the activist on Monday. American prosecutors accuse him of leaking "
            "classified cables. Sweden and the United States have discussed the case.")
    e = first(text, "ACCUSE")
    assert e.recipient is None or e.recipient.country != "SWE"
