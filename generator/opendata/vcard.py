"""A vCard 4.0 (RFC 6350) per contact person, written and read with vobject."""

from __future__ import annotations

import vobject

from generator.formatting import date
from generator.records.model import Case, Contact, phone_uri
from generator.text import slugify


def card_names(case: Case) -> list[str]:
    """File names in contact order: «narges-pourzia.vcf»; a second contact with the same name gets «-2»."""
    names: list[str] = []
    for contact in case.contacts:
        stem = slugify(contact.name or contact.role) or "kontakt"
        candidate, number = stem, 1
        while f"{candidate}.vcf" in names:
            number += 1
            candidate = f"{stem}-{number}"
        names.append(f"{candidate}.vcf")
    return names


def _split_name(name: str) -> tuple[str, str]:
    """(given, family): Norwegian names put the family name last."""
    given, _, family = name.rpartition(" ")
    return given, family


def card(contact: Contact, case: Case) -> str:
    vcard = vobject.vCard()
    vcard.add("version").value = "4.0"
    # A function («Lokal prosjektleder») is no named person: the card is the organisation's, its name the role there.
    vcard.add("kind").value = "individual" if contact.name else "org"
    vcard.add("fn").value = contact.label
    given, family = _split_name(contact.name) if contact.name else ("", "")
    vcard.add("n").value = vobject.vcard.Name(family=family, given=given)
    vcard.add("org").value = [contact.organisation]
    vcard.add("title").value = contact.role
    numbers = [(number, ["work", "voice"]) for number in contact.phones]
    numbers += [(contact.mobile, ["work", "cell"])] if contact.mobile else []
    for number, kinds in numbers:
        tel = vcard.add("tel")
        tel.value = phone_uri(number)
        tel.params["VALUE"] = ["uri"]
        tel.params["TYPE"] = kinds
    if contact.email:
        email = vcard.add("email")
        email.value = contact.email
        email.params["TYPE"] = ["work"]
    verified = (
        f"Sist bekreftet: {date(contact.last_verified)}." if contact.last_verified
        else "Ikke bekreftet med personen, bare hentet fra kilden."
    )
    vcard.add("note").value = f"Fra eksemplet «{case.title}». Kilde: {case.source(contact.source).title}. {verified}"
    return vcard.serialize()


def card_files(case: Case) -> list[tuple[str, str]]:
    """(file name, vCard text) for each contact, in the order the page lists them."""
    return [(name, card(contact, case)) for name, contact in zip(card_names(case), case.contacts)]
