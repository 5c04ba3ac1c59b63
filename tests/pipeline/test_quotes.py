"""The quotes stage: quotations found, classified direct or partial, attributed (or not) to speakers."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from storyline.lexicon_data import load_yaml
from storyline.model import Document, Mention, Span
from storyline.pipeline import build

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
QUOTES = build(["quotes"], given=("text",))


def run(text: str, mentions: list[Mention] | None = None) -> Document:
    return QUOTES(Document(source="test", text=text, mentions=list(mentions or [])))


def find(doc: Document, starts: str):
    hits = [q for q in doc.quotes if q.text.startswith(starts)]
    assert hits, f"no quotation starting {starts!r} in {[q.text for q in doc.quotes]}"
    return hits[0]


# text, start of the quotation, speaker name (None: unattributed), direct, cue, venue
CASES = [
    (  # cue after, pronoun back to a person named with a title
        "Mexican President Ana Torres rejected the proposal on Monday.\n\n"
        "“We will not allow any foreign troops on our soil,” she told reporters at the National Palace on Tuesday.",
        "We will not allow", "Ana Torres", True, "told reporters", "at the National Palace",
    ),
    (  # cue before, with a colon; a surname expands to the full name used earlier
        "Prime Minister Mark Ellison arrived in Ottawa on Sunday for two days of talks.\n\n"
        "Ellison told journalists: “We are ready to negotiate, but not at any price.”",
        "We are ready to negotiate", "Mark Ellison", True, "told journalists", None,
    ),
    (  # inverted order, apposition after the name
        "“Nobody in this government wants a war,” said Maria Lopez, a spokeswoman for the ministry.",
        "Nobody in this government", "Maria Lopez", True, "said", None,
    ),
    (  # role prefix in front of the name; the venue is part of the cue
        "“The cartels pose the gravest threat this country has faced,” Border Agency chief Laura Kent "
        "testified to Congress in 2024.",
        "The cartels pose", "Laura Kent", True, "testified to Congress", "to Congress",
    ),
    (  # comma before the quotation, venue at the start of the sentence
        "In an interview with state television, Defence Minister Pavel Novak declared, "
        "“Our forces are ready to respond to any attack.”",
        "Our forces are ready", "Pavel Novak", True, "declared", "In an interview with state television",
    ),
    (  # "according to" an organisation
        "“The crossing will remain closed until further notice,” according to the Interior Ministry.",
        "The crossing will remain", "Interior Ministry", True, "according to", None,
    ),
    (  # straight quotes, an unnamed speaker
        '"We are ready for the talks to resume tomorrow," a senior official said.',
        "We are ready for the talks", "senior official", True, "said", None,
    ),
    (  # participle after a comma: the subject of the sentence speaks
        "Foreign Minister Jonas Berg rejected the plan, saying, “This will never happen while I am in office.”",
        "This will never happen", "Jonas Berg", True, "saying", None,
    ),
    (  # he: the last man named, not the woman speaking earlier
        "Senator Helen Ward criticised Governor Paul Reyes on Friday over the budget.\n\n"
        "“It was a mistake to cut the border patrol,” he said later.",
        "It was a mistake", "Paul Reyes", True, "said", None,
    ),
    (  # partial quote with a speech cue in its sentence: direct false, speaker kept
        "Prime Minister Mark Ellison claimed the meeting with the rebels was “very constructive”.",
        "very constructive", "Mark Ellison", False, "claimed", None,
    ),
    (  # scare quote with no speech cue: no speaker
        "The government has waged a “war” on smugglers for more than a decade without success.",
        "war", None, False, None, None,
    ),
    (  # a gerund is not a cue: "after declaring a war" attributes nothing
        "The army has been deployed in the north since 2006, after declaring a “war” on drug gangs.",
        "war", None, False, None, None,
    ),
    (  # a term in mention is never attributed, even next to a cue
        "Officials said the term “hybrid threats” refers to sabotage, cyberattacks and disinformation.",
        "hybrid threats", None, False, None, None,
    ),
    (  # a title in a reference list
        "Officials said the talks would continue.\n\n[3] Global Policy Forum. “Can Sanctions Stop the Drug Trade?”",
        "Can Sanctions Stop", None, False, None, None,
    ),
    (  # a heading alone on its line
        "Torres Responds: “We Are a Sovereign Nation”\n\nThe president spoke for an hour on Tuesday.",
        "We Are a Sovereign Nation", None, False, None, None,
    ),
    (  # single marks in a headline are a scare quote, apostrophes are not marks
        "Minister’s ‘Red Line’ Warning Rattles Markets\n\nIt’s the president’s call, officials said on Friday.",
        "Red Line", None, False, None, None,
    ),
    (  # a signature line after a dash
        "Readers wrote to us after the debate.\n\n“We need a government that listens to us.” ― Rosa Díaz",
        "We need a government", "Rosa Díaz", True, None, None,
    ),
    (  # the cue ends the paragraph before: 'Moreno continued:'
        "Interior Minister Luis Moreno spoke to the press after the vote.\n\nMoreno continued:\n\n"
        "“The law will be applied to everyone, without exception, from tomorrow.”",
        "The law will be applied", "Luis Moreno", True, "continued", None,
    ),
    (  # a quotation with no cue and nothing attributed before it
        "The statement was posted online.\n\n“Dialogue remains the single path ahead for both of our nations.”",
        "Dialogue remains the single", None, True, None, None,
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "direct", "cue", "venue"), CASES)
def test_quotation_and_speaker(text: str, starts: str, speaker: str | None, direct: bool, cue: str | None,
                               venue: str | None) -> None:
    q = find(run(text), starts)
    assert (q.speaker.name if q.speaker else None) == speaker, q.rule
    assert q.direct is direct, q.rule
    assert q.cue == cue, q.rule
    assert q.venue == venue, q.rule


CONTINUATIONS = [
    # a quote paragraph with no cue keeps the speaker of the attributed one before it
    "“The ceasefire has held for three days,” General Omar Haddad told reporters.\n\n"
    "“We expect the first convoys to cross on Friday.”",
    # and so does a second quotation in the same paragraph
    "“The ceasefire has held for three days,” General Omar Haddad told reporters. "
    "“We expect the first convoys to cross on Friday.”",
]


@pytest.mark.parametrize("text", CONTINUATIONS)
def test_continuation_keeps_speaker(text: str) -> None:
    q = find(run(text), "We expect the first convoys")
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"
    assert q.direct and q.cue is None and "continued" in q.rule


def test_quote_over_paragraphs_is_one_quotation() -> None:
    text = (
        "Foreign Minister Ana Torres read a statement on Monday.\n\n"
        "“Our patience has limits. We have asked for dialogue many times.\n\n"
        "“Today we ask for the last time,” she said."
    )
    doc = run(text)
    q = find(doc, "Our patience has limits")
    assert q.text.endswith("Today we ask for the last time,")
    assert "“" not in q.text and "\n\nToday" in q.text
    assert q.speaker is not None and q.speaker.name == "Ana Torres"
    assert len([x for x in doc.quotes if x.direct]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "It’s the president’s call, and Trump’s aides know it.",
        "The cartels’ leaders met in the ’90s, officials said.",
        "He said it would be a 12\" pipe, not a larger one.",
    ],
)
def test_apostrophes_and_inch_marks_are_not_quotations(text: str) -> None:
    assert run(text).quotes == []


def test_mixed_marks_pair_up() -> None:
    doc = run("“Immunity deals should not be handed out,\" Chairman Jason Moore said in a statement.")
    q = find(doc, "Immunity deals")
    assert q.speaker is not None and q.speaker.name == "Jason Moore"
    assert q.venue == "in a statement"


def test_nested_quotation_stays_inside() -> None:
    doc = run("“He told me ‘go home’ and I did,” the witness said.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text == "He told me ‘go home’ and I did,"


def test_actor_mentions_fill_country_sector_id() -> None:
    text = "Mexican President Ana Torres spoke on Monday.\n\n“We are a sovereign country,” Torres said."
    start = text.index("Ana Torres")
    mention = Mention("actor", Span(start, start + 10, "Ana Torres"),
                      {"name": "Ana Torres", "country": "MEX", "sector": "GOV", "id": "ana-torres"}, "test")
    q = find(run(text, [mention]), "We are a sovereign")
    assert q.speaker is not None
    assert q.speaker.as_record() == {"name": "Ana Torres", "country": "MEX", "sector": "GOV", "id": "ana-torres"}


def test_unnamed_speaker_keeps_its_words_and_takes_country_from_a_mention() -> None:
    text = "“The operation will continue until the cartels are dismantled,” two US officials said on Monday."
    start = text.index("US officials")
    mention = Mention("actor", Span(start, start + 12, "US officials"),
                      {"name": "United States", "country": "USA", "sector": "GOV", "id": "usa", "form": "keyword"},
                      "test")
    q = find(run(text, [mention]), "The operation will continue")
    assert q.speaker is not None
    assert q.speaker.as_record() == {"name": "two US officials", "country": "USA", "sector": "GOV", "id": "usa"}


def test_every_quote_keeps_its_evidence() -> None:
    text = "\n\n".join(c[0] for c in CASES)
    doc = run(text)
    assert doc.quotes
    for q in doc.quotes:
        assert text[q.span.start : q.span.end] == q.span.text
        assert q.rule.startswith("quote:")
        assert q.text.replace("\n\n", "") in q.span.text.replace("\n\n“", "").replace("\n\n", "")


def test_lexicon_entries_are_strings() -> None:
    # YAML reads a bare on/no/yes as a boolean; every word list must stay a list of strings.
    data = load_yaml("quotes.yaml")
    for key, value in data.items():
        words = value if isinstance(value, list) else [w for v in value.values() for w in v]
        assert all(isinstance(w, str) for w in words), key


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


# Rules added for PolNeAR speaker accuracy: sentences written for these tests.
# text, start of the quotation, words the speaker name must be (None: unattributed), rule fragment
SPEAKER_RULES = [
    (  # a document speaks: kept as its words, marked in the rule
        "The committee released its findings on Friday.\n\n"
        "“The agency failed to act on repeated warnings,” the report said.",
        "The agency failed", "report", "+document",
    ),
    (  # a document owned by an organisation keeps the owner in its words
        "“Growth will slow sharply next year,” the World Bank report stated.",
        "Growth will slow", "World Bank report", "+document",
    ),
    (  # inverted, a document after the verb
        "“The statute cannot be read that way,” said the ruling.",
        "The statute cannot", "ruling", "+document",
    ),
    (  # a participle right after a name, no comma in between
        "The new advertisement shows footage of Senator Joan Pike saying last week, “We will win this seat.”",
        "We will win", "Joan Pike", "+before",
    ),
    (  # a sung line is a cue like a spoken one
        "“Nothing can hold us down,” Delia Marsh sings in the closing scene.",
        "Nothing can hold", "Delia Marsh", "+after",
    ),
    (  # present-tense verbs of shouting
        "“Get back from the line!” the officer yells as the crowd surges forward.",
        "Get back from", "officer", "+after",
    ),
    (  # a coordinated verb shares the subject of its sentence
        "Rosa Delgado waves at the marchers and then shouts, “We are not going anywhere.”",
        "We are not going", "Rosa Delgado", "+before",
    ),
    (  # the object of a preposition is no speaker: the sentence subject is
        "Students walking through the campus chanted “No more cuts” until midnight.",
        "No more cuts", "Students", "partial",
    ),
    (  # describing words between the determiner and the speaker noun
        "“It was a fair deal for both sides,” the soft-spoken veteran negotiator told reporters.",
        "It was a fair deal", "veteran negotiator", "+after",
    ),
    (  # a party member as an unnamed source
        "“The margin is simply too wide to close,” said a Georgia Democrat.",
        "The margin is simply", "Georgia Democrat", "+after",
    ),
    (  # a signature with a middle initial
        "“This is the best town in the state to raise a family.” ― Helen R. Ostrowski",
        "This is the best town", "Helen R. Ostrowski", "signature",
    ),
    (  # "affirmed" is a speech cue
        "“The vote will be held on time,” Councilwoman Edna Farr affirmed.",
        "The vote will be held", "Edna Farr", "+after",
    ),
    (  # other cues a reporter writes after a quotation, inverted or not
        "“Nobody reads the fine print,” laughed Oscar Prentiss.",
        "Nobody reads the fine", "Oscar Prentiss", "+after",
    ),
    (
        "“That claim is simply false,” Dana Whitlock shot back on Tuesday.",
        "That claim is simply", "Dana Whitlock", "+after",
    ),
    (
        "“Nobody asked us,” pointed out Ray Colter, who runs the shelter.",
        "Nobody asked us", "Ray Colter", "+after",
    ),
    (  # "they" is the organisation the sentence before opens with, past an adverbial with a comma in it
        "After a hastily called, two-hour session, the Harbor Water Board issued a statement on the leak.\n\n"
        "\"We will test every well in the county,\" they said.",
        "We will test every well", "Harbor Water Board", "+pronoun",
    ),
    (  # "it" is the newspaper that spoke last
        "“The mayor knew about the payments,” the Valley Courier reported.\n\n"
        "“He approved two of them himself,” it added.",
        "He approved two", "Valley Courier", "+pronoun",
    ),
    (  # a plural common noun comes later than the organisation: "they" stays unresolved
        "The Harbor Water Board met on Monday. Its engineers said the leak was small.\n\n"
        "“We found it within hours,” they said.",
        "We found it within", None, "+after",
    ),
    (  # "they" never stands for a person
        "Senator Joan Pike toured the plant on Monday.\n\n"
        "“We were not told about the leak,” they said.",
        "We were not told", None, "+after",
    ),
    (  # a description first, then the name in apposition, then the verb
        "“The count is not over,” the party’s state chairman, Owen Latimer, shouted to the crowd.",
        "The count is not over", "Owen Latimer", "+after",
    ),
    (  # the same with a title and a bracket after the name
        "“We are not done,” her cousin, state Del. Ines Barlow (D-Ashford), told the rally.",
        "We are not done", "Ines Barlow", "+after",
    ),
    (  # a passive's agent: the words are the writer's, not the earlier speaker's
        "“Nothing stops us now,” Dora Quill sang to the crowd.\n\n"
        "“Harbor Lights at Midnight” was written by Felix Ambrose after the flood of 1998.",
        "Harbor Lights", "Felix Ambrose", "+by",
    ),
    (  # a hyphenated noun heads an unnamed speaker
        "“The debate is rigged,” the GOP front-runner told supporters.",
        "The debate is rigged", "GOP front-runner", "+after",
    ),
    (  # the source of a report between a cue and the words is not their speaker
        "Ina Farrow said, according to the Valley Courier, “We will not close the mill.”",
        "We will not close", "Ina Farrow", "+before",
    ),
    (  # a role noun after an inverted verb, then the person it names
        "“We feel very good about where we are,” said campaign manager Rhoda Vance.",
        "We feel very good", "Rhoda Vance", "+after",
    ),
    (
        "“The count is not over,” said party spokesman Tim Abara.",
        "The count is not over", "Tim Abara", "+after",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "rule"), SPEAKER_RULES)
def test_speaker_rules(text: str, starts: str, speaker: str | None, rule: str) -> None:
    q = find(run(text), starts)
    name = q.speaker.name if q.speaker else None
    assert (name is None and speaker is None) or (name is not None and speaker is not None and speaker in name), \
        (name, q.rule)
    assert rule in q.rule


# text, start of the quotation, expected speaker, a speaker it must not be
PRONOUN_CASES = [
    (  # a partial quotation mid-sentence does not make the word after it a sentence subject
        "Governor Paul Brandt is pressing Senator Victor Hale to drop the bill.\n\n"
        "At a rally in Dayton, Brandt said he is issuing “a challenge” to Hale.\n\n"
        "“Will you withdraw it before the vote?” he asked.",
        "Will you withdraw", "Paul Brandt", "Victor Hale",
    ),
    (  # a capitalised run with no title or known given name is no antecedent for "he"
        "Mayor Tom Reyes spoke about the Safe Streets For Everyone plan on Tuesday.\n\n"
        "“We need more officers on patrol,” he said.",
        "We need more officers", "Tom Reyes", "Safe Streets",
    ),
    (  # a long opening adverbial before the subject of the sentence before
        "On The Morning Report with Dan Kessler on Tuesday, Rosa Delgado criticised police officer Ana Vidal "
        "for the arrest.\n\n"
        "“How many times must we watch this happen?” she said.",
        "How many times", "Rosa Delgado", "Ana Vidal",
    ),
    (  # the object of the sentence before, introduced by name, when its subject is no person
        "While the senator drew large crowds, that has not happened for the mayor, which worries Henry Walsh, "
        "chairman of the county party.\n\n"
        "“Nobody is turning out for her,” he said.",
        "Nobody is turning out", "Henry Walsh", "senator",
    ),
    (  # a given name alone tells the gender ("Melanie" is a woman, so "she" is not the reporter)
        "Reporter Stephen Morley spent the evening with the couple.\n\n"
        "“That is my candidate,” Melanie said to the screen.\n\n"
        "The room went quiet after that.\n\n"
        "“Are you winning?” she asked.",
        "Are you winning", "Melanie", "Morley",
    ),
    (  # the subject of the sentence before, a surname with no gender of its own, over the woman before
        "Senator Dan Pike arrived with his wife.\n\n"
        "Laura Pike spoke first, to applause.\n\n"
        "Reporters later asked how Pike could break the pledge.\n\n"
        "“That was the day it became personal,” he said.",
        "That was the day", "Dan Pike", "Laura Pike",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), PRONOUN_CASES)
def test_pronoun_antecedents(text: str, starts: str, speaker: str, not_speaker: str) -> None:
    q = find(run(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name and not_speaker not in q.speaker.name, q.rule


def test_same_surname_different_given_name_is_another_person() -> None:
    """An actor mention for one Clinton must not rename a quote by another Clinton."""
    text = "“I am proud of her,” Bill Clinton said."
    start = text.index("Bill")
    other = Mention("actor", Span(start + 5, start + 12, "Clinton"),
                    {"name": "Hillary Clinton", "country": "USA", "sector": "GOV", "id": "hclinton",
                     "form": "person"}, "lexicon:hclinton")
    q = find(run(text, [other]), "I am proud")
    assert q.speaker is not None and q.speaker.name == "Bill Clinton"


PARSED = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def parsed(text: str) -> Document:
    return PARSED(Document(source="test", text=text, language="en"))


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    (  # the quoted words are the object of the named person's verb
        "Mexican President Claudia Sheinbaum spoke in Oaxaca on Sunday.\n\n"
        "In a long speech, Sheinbaum denounced “the arrogance of those who think they can give us orders.”",
        "the arrogance", "Sheinbaum",
    ),
])
def test_quotation_as_object_of_a_persons_verb(text: str, starts: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name, q.rule
    assert "+object-of" in q.rule


@pytest.mark.parametrize(("text", "starts"), [
    # the verb's subject is no person: a document or an organisation that names something
    ("The ministry published “a plan for the northern border” on Friday, officials confirmed.", "a plan for"),
    # a name for something is no quotation of its namer
    ("President Claudia Sheinbaum called the programme “Sembrando Vida” when she launched it.", "Sembrando"),
])
def test_quotation_as_object_without_a_speaking_person(text: str, starts: str) -> None:
    q = find(parsed(text), starts)
    assert "+object-of" not in q.rule, (q.speaker, q.rule)


# text, start of the quotation, words the speaker name must hold, rule fragment (the parsed pipeline)
PARSED_SPEAKERS = [
    (  # an unnamed speaker keeps the capitalised words in front of its noun, not the bare noun
        "Ruiz says the donations went to the foundation.\n\n"
        "The Texas businessman says of the senator, “If he gets the chance, he will sell the seat.”",
        "If he gets the chance", "Texas businessman", "+before",
    ),
    (  # a noun phrase with an "of" phrase is the speaker, its head before "of"
        "Asked why the plan leaves out fathers, the 41-year-old mother of four replied, "
        "\"It is meant to help the parent who has given birth.\"",
        "It is meant to help", "mother of four", "+before",
    ),
    (  # words a likening verb ties to its object are its subject's, a name in apposition the actor stage lacks
        "One critic, Marcus J. Whitfield, likened the tariffs to \"shooting ourselves in the foot\" at the hearing.",
        "shooting ourselves", "Marcus J. Whitfield", "+object-of",
    ),
    (  # a short sentence a colon introduces is quoted whole and speaks for the subject before the colon
        "With her party worried about turnout, Senator Ana Ruiz is taking a more personal message on the road: "
        "\"It's about us.\"",
        "It's about us", "Ana Ruiz", "+colon",
    ),
    (  # "as X put it" attributes the words after it
        "Her long career has not kept her from being called, as The Valley Courier put it in a recent editorial, "
        "“the gatekeeper.”",
        "the gatekeeper", "Valley Courier", "+before",
    ),
    (  # a signature after the last closing mark, when the quotation quotes words of its own
        "“I would sooner sleep on the street than vote for him. As my aunt used to say ‘Some people collect only "
        "grudges.” And grudges are what he keeps “and nothing else’.” ― Ana Ruiz",
        "I would sooner sleep", "Ana Ruiz", "signature",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "rule"), PARSED_SPEAKERS)
def test_parsed_speaker_rules(text: str, starts: str, speaker: str, rule: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name, (q.speaker, q.rule)
    assert rule in q.rule, q.rule


@pytest.mark.parametrize("text", [
    "He put it in a box marked “fragile” and left the room.",
    "She put it on the table and said nothing, then walked out “for good”.",
])
def test_put_it_without_as_is_no_cue(text: str) -> None:
    assert all(q.cue != "put it" for q in run(text).quotes)


# text, start of the quotation, expected speaker, a speaker it must not be
NEAR_ANTECEDENTS = [
    (  # the full stop of a title ends no sentence: "Mr. Hale's client" is no subject of its own
        "Another critic, Simon Hale, attacked the rules.\n\n"
        "Mr. Okafor waved away the complaint as the work of Mr. Hale's employer, a shipping firm.\n\n"
        "\"You know, I like Simon,\" he said.",
        "You know", "Okafor", "Hale",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), NEAR_ANTECEDENTS)
def test_near_antecedents(text: str, starts: str, speaker: str, not_speaker: str) -> None:
    q = find(run(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name and not_speaker not in q.speaker.name, \
        (q.speaker, q.rule)


EXCERPT = (
    "The reporter spent the evening with the couple. Stephen Morley writes:\n\n"
    "\"Laura watched the speech from the sofa while her husband slept beside her. She had not missed one of "
    "the candidate's rallies since the spring, and she kept a folder of every article written about him. "
    "Her neighbours thought it was a phase, but it had lasted more than a year now.\n\n"
)


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), [
    (  # a third-person excerpt quoted from another article: the woman it names is "she", not its writer
        EXCERPT + "“He is talking to me,” she said, turning up the sound.",
        "He is talking to me", "Laura", "Morley",
    ),
    (  # a long quotation in the first person is a remark: the names in it are no antecedents
        "Senator Joan Pike spoke to the crowd on Monday.\n\n"
        "\"I met Maria Gomez in Dayton last year and I have never forgotten what she told me about the plant, "
        "about the jobs that went and the families that left town after it closed, and about what we owe "
        "people like her who stayed and kept the town alive through it all.\"\n\n"
        "“We will bring those jobs back,” she said.",
        "We will bring", "Joan Pike", "Gomez",
    ),
])
def test_excerpt_names_are_antecedents(text: str, starts: str, speaker: str, not_speaker: str) -> None:
    q = find(run(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name and not_speaker not in q.speaker.name, \
        (q.speaker, q.rule)


@pytest.mark.parametrize(("text", "speaker"), [
    ("“We will not back down,” said Secretary of Energy Ruth Kemp, speaking in Denver.", "Ruth Kemp"),
    ("“The border stays open,” said Secretary of Homeland Security Daniel Ortiz on Friday.", "Daniel Ortiz"),
    ("“The vote is set,” said Representative Laura P. Hendricks of Ohio.", "Laura P. Hendricks"),
])
def test_an_office_of_a_department_before_the_name_is_not_part_of_the_name(text: str, speaker: str) -> None:
    q = find(run(text), text[1:8])
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    # a caller's own words for a thing are the caller's, however short
    ("Senator Ruth Okafor called the ruling a “betrayal of every family on the coast.”", "betrayal", "Ruth Okafor"),
    ("Governor Alan Reyes called the new budget “reckless,” and vowed to veto it.", "reckless", "Alan Reyes"),
])
def test_words_a_person_calls_something_are_theirs(text: str, starts: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name, (q.speaker, q.rule)


def test_a_statement_a_body_issues_speaks_for_it() -> None:
    text = ("The Harbour Authority, which runs the port, sent a memo cautioning that "
            "“ships will face long delays this week.”")
    q = find(parsed(text), "ships will")
    assert q.speaker is not None and "Harbour Authority" in q.speaker.name, (q.speaker, q.rule)


def test_a_document_from_a_body_is_the_bodys() -> None:
    q = find(run("“Demand should pick up by the summer,” said a report from Halden Securities."), "Demand should")
    assert q.speaker is not None and q.speaker.name == "Halden Securities", q.rule


def test_going_on_with_an_action_is_no_speech() -> None:
    text = ("Crews found the fault by noon, Dana Whitfield said, and “rebuilt” the line while the utility "
            "continued to connect new homes.")
    q = find(run(text), "rebuilt")
    assert q.cue != "continued" and (q.speaker is None or "utility" not in q.speaker.name), (q.speaker, q.rule)


def test_continued_to_insist_still_speaks() -> None:
    q = find(run("The plan is “dead on arrival,” the mayor continued to insist on Friday."), "dead on arrival")
    assert q.speaker is not None and "mayor" in q.speaker.name, q.rule


def test_a_new_sentence_reporting_that_is_no_cue_of_the_quotation_before() -> None:
    text = ("“We drove to the coast every summer,” Paul Brandt wrote. “Our mother kept every letter he sent us.” "
            "Sarah Lind added that the family had not seen him in years.")
    q = find(run(text), "Our mother")
    assert q.speaker is not None and q.speaker.name == "Paul Brandt", q.rule
    # the cue still attributes a quotation that ends before it ("... ,” she added that night)
    q = find(run("“We are done here,” Sarah Lind said that night."), "We are done")
    assert q.speaker is not None and q.speaker.name == "Sarah Lind", q.rule


@pytest.mark.parametrize(("text", "starts"), [
    ("According to the owner, the café now goes by ‘Blue Lantern’.", "Blue Lantern"),
    ("According to the company, its new tablet will be sold as the “Nova Slate Pro” from March.", "Nova Slate"),
])
def test_a_name_in_marks_is_no_quotation(text: str, starts: str) -> None:
    q = find(run(text), starts)
    assert q.speaker is None and ":term" in q.rule, (q.speaker, q.rule)


def test_a_cue_word_after_a_determiner_is_a_noun() -> None:
    text = ("Chief negotiator Ada Okonkwo rejected the offer on Monday.\n\n"
            "Okonkwo said the move was merely the newest push by the council to make the tenants drop their claims "
            "to the building.\n\n"
            "\"They want us to kneel. We will not kneel, now or ever.\"")
    q = find(run(text), "They want us")
    assert q.speaker is not None and q.speaker.name == "Ada Okonkwo", q.rule


def test_the_and_a_noun_after_an_inverted_cue_is_the_person_speaking() -> None:
    text = ("The singer Daniel Marsh spoke to the studio audience on Monday.\n\n"
            "“The tour is off,” Marsh said.\n\n"
            "“Nobody can tell you why a year like that happens,” said the singer.")
    q = find(run(text), "Nobody can tell")
    assert q.speaker is not None and "Daniel Marsh" in q.speaker.name, q.rule
    # with nobody named before, the words stay unattributed rather than guessed
    q = find(run("“The road is closed until Friday,” said the engineer."), "The road")
    assert q.speaker is None, q.rule


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    (  # the speech verb governing a partial quote, its subject a name only the quotes stage reads
        "Marta Quill said the call was one step in the talks, and she saw Dorn once, at a dinner where he "
        "“pushed, and I turned down, the idea that the port had been sold.”",
        "pushed, and I turned down", "Marta Quill",
    ),
    (  # a verb in a relative clause before the quote ("the letter Reed wrote") does not govern it
        "Paul Hollis added that by then the two had talked again, and the letter Reed wrote was "
        "“warm and generous.”",
        "warm and generous", "Paul Hollis",
    ),
    (  # a complaint is a speech cue
        "The novelist Ana Farrow spoke at the fair on Sunday.\n\n"
        "To this day Farrow bemoans that her publisher “never knew what to do with the book.”",
        "never knew what", "Ana Farrow",
    ),
])
def test_partial_quotes_in_reported_speech(text: str, starts: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and speaker in q.speaker.name, (q.speaker, q.rule)


def test_a_body_named_with_a_possessive_speaks_whole() -> None:
    text = ("On Friday, the Valley People's Ledger, the paper of the governing bloc, cautioned that the city has "
            "“no patience left for delays”.")
    q = find(parsed(text), "no patience left")
    # the whole name is "Valley People's Ledger"; the name reading keeps the run from the possessive's word
    assert q.speaker is not None and "People's Ledger" in q.speaker.name, (q.speaker, q.rule)


def test_a_speaker_reported_between_two_quotations_speaks_on() -> None:
    text = ("“We have seen no data yet that would settle it,” added Paul Marsh, the deputy director of the program. "
            "On present funding, Director Ana Ruiz said, two launches can fly by spring. "
            "“A third one would need—frankly, I doubt we get there.”")
    q = find(run(text), "A third one")
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz", q.rule
    # with no one else reported between them, the quotation continues the one before
    q = find(run("“We have seen no data yet,” added Paul Marsh. “Adding a third launch is not possible.”"), "Adding")
    assert q.speaker is not None and q.speaker.name == "Paul Marsh", q.rule


def test_according_to_sources_a_partial_quote_anywhere_in_its_sentence() -> None:
    text = ("The ferry, according to the harbour office, was held at the northern pier for most of the morning on "
            "Tuesday so that crews could carry out \"minor repairs to a hatch\" before it sailed.")
    q = find(run(text), "minor repairs")
    assert q.speaker is not None and "harbour office" in q.speaker.name, q.rule


def test_titles_in_a_list_are_names_even_after_according_to() -> None:
    text = ("The setlist, according to the promoter, will draw on the group's early records: “Harbor Lights,” "
            "“Long Road Home,” “Paper Moon” and more.")
    doc = run(text)
    assert all(q.speaker is None and ":term" in q.rule for q in doc.quotes), [(q.text, q.rule) for q in doc.quotes]


@pytest.mark.parametrize(("text", "speaker"), [
    # a country or place right before the name belongs to the office, not to the person
    ("A former envoy to Portugal Harold Brennick changed his story. “We never met,” Brennick said.",
     "Harold Brennick"),
    ("Kenya's ambassador to Norway Achieng Owuor has said that Kenya will not \"bow to pressure\" on it.",
     "Achieng Owuor"),
    # a short capitals code (a team position, an agency) and a role word with a lower-case tail
    ("Falcons QB Derek Malloy spoke after the game. “We lost our heads,” Malloy said.", "Derek Malloy"),
    ("Drummer-vocalists Tom Ashgrove and Leo Marr reunited. “It feels like home,” Ashgrove said.",
     "Tom Ashgrove"),
    # a hyphenated given name after the office "Director of ..."
    ("Director of Public Audits Anna-Lena Brask spoke. Ms Brask said: \"The accounts do not add up.\"",
     "Anna-Lena Brask"),
    # military ranks written without their full stops
    ("Lt Col Simon Abernethy testified on Tuesday. “I was alarmed,” Abernethy said.", "Simon Abernethy"),
    # capitalised particles inside a full name stay in it
    ("On the show the actor Peter Van Der Molen spoke. “We were lucky,” Van Der Molen said.",
     "Peter Van Der Molen"),
])
def test_words_glued_before_a_name_are_not_part_of_it(text: str, speaker: str) -> None:
    q = [q for q in parsed(text).quotes if q.speaker is not None][-1]
    assert q.speaker is not None and q.speaker.name == speaker, (q.speaker, q.rule)


@pytest.mark.parametrize(("text", "starts", "quote", "speaker"), [
    ("Buyers were angry.\n\n“It was a trick to fool buyers,’’ Dana Wirth, head of the watchdog group Fair Trade, "
     "told the radio station. “We also find it unfair on them.”\n\nThe firm denied it.",
     "It was", "It was a trick to fool buyers,", "Dana Wirth"),
    ("The mayor spoke.\n\n\"We will rebuild the bridge,'' Mayor Tom Harlan said on Monday.\n\nWork starts soon.",
     "We will", "We will rebuild the bridge,", "Tom Harlan"),
])
def test_two_single_marks_close_a_double_quotation(text: str, starts: str, quote: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.text == quote
    assert q.speaker is not None and q.speaker.name == speaker, (q.speaker, q.rule)


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    ("Buyers were angry.\n\n“It was a trick to fool buyers,” Will Darrow, head of the watchdog group Fair Trade, "
     "told the radio station.\n\nThe firm denied it.", "It was", "Will Darrow"),
    ("“We are ready,” Will Okonjo said after the vote.", "We are", "Will Okonjo"),
])
def test_a_given_name_that_is_also_a_word_names_the_speaker(text: str, starts: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and q.speaker.name == speaker, (q.speaker, q.rule)



@pytest.mark.parametrize("text", [
    "When his readers asked Tom Ellery for more, he would answer, “I prefer the gaps.”",
    "When readers asked Tom Ellery for more, he’d say: “I prefer the gaps.”",
    "When readers asked Tom Ellery for more, he'd reply, “I prefer the gaps.”",
])
def test_a_cue_after_a_modal_or_contraction_is_read(text: str) -> None:
    q = find(parsed(text), "I prefer")
    assert q.speaker is not None and q.speaker.name == "Tom Ellery", (q.speaker, q.rule, q.cue)


@pytest.mark.parametrize(("text", "starts"), [
    ("Everyone called him Sam. According to his uncle, Peter Lasko, “He could read before he could walk.” "
     "He loved trains.", "He could"),
    ("The club was stunned. According to a former teammate, Marta Oyelaran, “She never missed a morning.”",
     "She never"),
])
def test_a_name_set_off_after_a_description_is_the_speaker(text: str, starts: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and q.speaker.name in ("Peter Lasko", "Marta Oyelaran"), (q.speaker, q.rule, q.cue)


@pytest.mark.parametrize(("text", "starts", "speaker"), [
    ("Sen. Tomas Brenner (R-Neb.) endorsed the governor on Friday.\n\n"
     "Brenner said last spring that the governor had insulted his family. The governor shared a cartoon of "
     "Lucia Brenner, the senator's wife, beside a photo of his own.\n\n"
     "“I do not back people who mock my wife,” Brenner said in May.", "I do not", "Tomas Brenner"),
    ("Rep. Alma Suarez spoke first. Suarez thanked the volunteers.\n\nHer son, Diego Suarez, a teacher, stood "
     "near the stage with a flag.\n\n“We will win this district,” Suarez said.", "We will", "Alma Suarez"),
])
def test_a_surname_alone_stays_with_the_person_introduced_first(text: str, starts: str, speaker: str) -> None:
    q = find(parsed(text), starts)
    assert q.speaker is not None and q.speaker.name == speaker, (q.speaker, q.rule)


def test_a_surname_not_yet_used_alone_goes_to_the_person_named_last() -> None:
    text = ("9:10 a.m.\n\nThe Green candidate, Petra Holm, will skip the forum.\n\n10:40 a.m.\n\n"
            "Transport Secretary Nils Holm says the rail strike will end on Monday.\n\n"
            "Holm tells a radio station that “the trains will run again by noon.”")
    q = find(parsed(text), "the trains")
    assert q.speaker is not None and q.speaker.name == "Nils Holm", (q.speaker, q.rule)



def test_a_person_a_she_was_read_back_to_is_no_antecedent_of_he() -> None:
    text = ("Later in life, Anselm Crewe wrote one strange novel after another. Each is full of riddles that the "
            "reader must solve alone, as the critic Robin Hale explained to me. “You see only the top of the "
            "mountain,” she said. “It is rich, but hard going, because he never spelled things out.” When his "
            "publishers asked him to explain more, he would reply, “I am afraid of being plain.”")
    doc = parsed(text)
    assert find(doc, "You see").speaker.name == "Robin Hale"
    q = find(doc, "I am afraid")
    assert q.speaker is not None and q.speaker.name == "Anselm Crewe", (q.speaker, q.rule)


def test_it_after_a_document_that_spoke_is_the_document() -> None:
    text = ("The paper praised the builder in 1996.\n\n"
            "“Few men have done more for this harbour town,” the editorial read.\n\n"
            "“His towers now define the skyline,” it added.")
    q = find(parsed(text), "His towers")
    assert q.speaker is not None and q.speaker.name.endswith("editorial"), (q.speaker, q.rule)


def test_an_order_shouted_before_its_cue_has_a_speaker() -> None:
    text = "The crew broke down the gate.\n\n\"Drop the bag! Put it on the ground!\" a guard ordered. \"Now.\""
    q = find(parsed(text), "Drop the bag")
    assert q.speaker is not None and q.speaker.name.endswith("guard"), (q.speaker, q.rule)


@pytest.mark.parametrize("text", [
    "Guards checked the cells late.\n\n\"We slipped; I slipped,\" Dorian Keyes allegedly told a warden. "
    "\"We skipped the rounds.\"",
    "\"We slipped; I slipped,\" Dorian Keyes tearfully told a warden. \"We skipped the rounds.\"",
])
def test_a_manner_adverb_between_speaker_and_cue_keeps_the_speaker(text: str) -> None:
    doc = parsed(text)
    for starts in ("We slipped", "We skipped"):
        q = find(doc, starts)
        assert q.speaker is not None and q.speaker.name == "Dorian Keyes", (starts, q.speaker, q.rule)


def test_a_quotation_after_a_sentence_ending_with_its_cue_goes_on_with_that_speaker() -> None:
    text = ("Ana Marlow studies the cells in mice.\n\n"
            "Nobody knows which use came first, or whether they arose together, Marlow says. Just because "
            "people noticed the cells in the nose first, \"that does not mean that is the order in which they arose.\"")
    q = find(parsed(text), "that does not")
    assert q.speaker is not None and q.speaker.name == "Ana Marlow", (q.speaker, q.rule)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Once in my teens, when my mother mentioned ghosts to me, I laughed and said, \"Ghosts are a fairy tale.\"",
     None),
    ("When the coach mentioned the trophy, Dana Kell laughed and said, \"We have not won anything yet.\"",
     "Dana Kell"),
])
def test_two_verbs_after_a_clause_share_the_subject_after_its_comma(text: str, speaker: str | None) -> None:
    q = find(parsed(text), text.split("\"")[1][:10])
    assert (q.speaker.name if q.speaker else None) == speaker, (q.speaker, q.rule)
