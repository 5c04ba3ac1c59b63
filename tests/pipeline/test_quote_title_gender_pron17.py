"""A gendered title written before a person's surname anywhere in the text ("Ms. Lind") tells the gender
of the person named in full elsewhere ("Tal Lind"), so he/she does not read back to them across it."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

PIPELINE = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def speaker_of(text: str, starts: str) -> str | None:
    doc = PIPELINE(Document(source="test", text=text, language="en"))
    hits = [q for q in doc.quotes if q.text.startswith(starts)]
    assert hits, [q.text for q in doc.quotes]
    return hits[0].speaker.name if hits[0].speaker else None


def test_a_title_on_a_later_mention_of_the_surname_tells_the_gender() -> None:
    text = ("Tobi Okafor and Tal Lind met on Monday. Okafor said the deal was close. Tal Lind said it was not.\n\n"
            "“We are nearly there,” he said.\n\nMs. Lind left before the vote.")
    assert speaker_of(text, "We are nearly") == "Tobi Okafor"


def test_titles_of_both_genders_on_one_surname_tell_nothing() -> None:
    # Mr. and Ms. Lind are two people: the surname gives no gender, and the nearest subject stays
    text = ("Tobi Okafor and Tal Lind met on Monday. Okafor said the deal was close. Tal Lind said it was not.\n\n"
            "“We are nearly there,” he said.\n\nMs. Lind and Mr. Lind left before the vote.")
    assert speaker_of(text, "We are nearly") == "Tal Lind"
