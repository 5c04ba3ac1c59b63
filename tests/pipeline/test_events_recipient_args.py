"""Recipients the English coder reads off the trigger's own arguments, and the mode of an offer whose
content is talks about a war, on invented wire sentences (one test per rule, with a sentence where the
rule must not apply)."""

from __future__ import annotations

from english_coder import asserted, first


# "offered to hold talks with X on the war": the war is what the talks are about, not what is offered.
def test_an_offer_of_talks_about_a_war_is_no_threat() -> None:
    events = asserted("Egypt offered to hold talks with Turkey on the war in Libya.")
    assert not [e for e in events if e.type == "THREATEN"]
    e = first("Egypt offered to hold talks with Turkey on the war in Libya.", "AGREE")
    assert e.recipient is not None and e.recipient.country == "TUR"


def test_a_vow_to_launch_strikes_on_a_party_is_still_a_threat() -> None:
    e = first("Egypt vowed to launch strikes on the rebels in Libya.", "THREATEN")
    assert e.mode == "violence"


# "shot and killed X": the object of the second verb is the first verb's too.
def test_coordinated_verbs_share_their_object() -> None:
    e = first("Sergeant Lena Ortiz shot and wounded Marco Bell outside a bar in Denver.", "ASSAULT")
    assert e.recipient is not None and e.recipient.name == "Marco Bell"


def test_a_verb_with_its_own_subject_takes_no_shared_object() -> None:
    e = first("The police struck first and the rebels seized the boats near the harbor.", "ASSAULT")
    assert e.recipient is None or "boat" not in e.recipient.name


# "called on X to apologize to Y": a person no lexicon knows in the object place is whom the call is made
# of, not the one the act asked for is toward.
def test_a_person_called_on_is_the_recipient_even_when_unknown() -> None:
    e = first("Senator Bill Ames called on Henry Lake to apologize to Emmanuel Macron for the remarks.", "REQUEST")
    assert e.recipient is not None and e.recipient.name == "Henry Lake"


def test_a_known_party_called_on_stays_the_recipient() -> None:
    e = first("Senator Bill Ames called on Emmanuel Macron to apologize to Henry Lake for the remarks.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "FRA"


# "accusing her of ...": the person the sentence names before the pronoun, other than the accuser.
def test_an_object_pronoun_is_the_person_named_before_it() -> None:
    e = first("Senator Dunn aired a radio spot about Governor Alma Reyes, accusing her of neglecting the flood "
              "victims.", "ACCUSE")
    assert e.recipient is not None and e.recipient.name == "Alma Reyes"


def test_an_object_pronoun_is_never_the_actor_itself() -> None:
    e = first("Senator Ella Marsh said she blasted him for the tax plan.", "ACCUSE")
    assert e.recipient is None or e.recipient.name != "Ella Marsh"


# A name with an article is a thing (a law, a ship), not a person no lexicon knows.
def test_a_law_named_with_an_article_is_no_unknown_person() -> None:
    e = first("Former governor Tom Rask criticized the Clean Water Act as a costly mistake.", "ACCUSE")
    assert e.recipient is None or "Act" not in e.recipient.name


def test_a_ship_named_with_an_article_is_no_unknown_person() -> None:
    e = first("In 1998, the rebels attacked the USS Harbor, killing nine sailors.", "ASSAULT")
    assert e.recipient is None or "Harbor" not in e.recipient.name


# "demanded that X act": a body of the demander's own state that is not its own branch is the one asked.
def test_a_demand_of_another_branch_of_ones_state_has_that_body_as_recipient() -> None:
    e = first("American lawyers are demanding that the FBI question the prince.", "REQUEST")
    assert e.recipient is not None and e.recipient.sector == "COP"


def test_a_government_demanding_its_own_army_act_names_no_recipient_from_it() -> None:
    e = first("The Kenyan government demanded that the Kenyan army leave the town.", "REQUEST")
    assert e.recipient is None or e.recipient.sector != "MIL"


# "released detainees and flew them to X": where the second act goes is no party to the release.
def test_the_destination_of_a_coordinated_act_is_no_recipient() -> None:
    e = first("The Malian junta released four detainees and flew them to Algeria.", "RETREAT")
    assert e.recipient is None or e.recipient.country != "DZA"


def test_a_country_thanked_in_a_coordinated_act_is_still_named() -> None:
    e = first("The Malian junta released four detainees and thanked Algeria for its mediation.", "SUPPORT")
    assert e.recipient is not None and e.recipient.country == "DZA"


# A country named as where words were said or a deal was signed is the venue, not the counterpart.
def test_the_country_a_summit_is_held_in_is_no_recipient() -> None:
    e = first("Leaders of the African Union convened a summit in Ghana on Friday.", "CONSULT")
    assert e.recipient is None or e.recipient.country != "GHA"


def test_the_country_of_a_signing_ceremony_is_no_recipient() -> None:
    e = first("Egypt signed the deal at a ceremony in Turkey.", "SUPPORT")
    assert e.recipient is None or e.recipient.country != "TUR"


def test_a_country_inside_what_is_condemned_is_still_the_recipient() -> None:
    e = first("Egypt condemned the crackdown in Turkey on Monday.", "ACCUSE")
    assert e.recipient is not None and e.recipient.country == "TUR"


# "audited her accounts": the person named just before the possessive, when that is not the actor.
def test_the_owner_of_the_object_is_the_person_named_before_the_possessive() -> None:
    e = first("Ann Vick stood by Senator Ella Marsh as prosecutors probed her accounts in the fraud case.",
              "ACCUSE")
    assert e.recipient is not None and e.recipient.name == "Ella Marsh"


def test_a_possessive_nearest_to_the_actor_is_the_actors_own() -> None:
    e = first("After meeting Governor Tom Rask, Senator Ella Marsh criticized his rivals.", "ACCUSE")
    assert e.recipient is None or e.recipient.name != "Tom Rask"
