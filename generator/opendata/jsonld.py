"""schema.org JSON-LD for a case page: the case as an Article about its municipalities, with contacts.

Only facts from the record go in: names, roles, organisations, telephone numbers, sources and dates.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.records.model import Case, Municipality, phone_uri
from generator.records.vocabulary import VOCABULARY


def _place(m: Municipality) -> dict:
    place = {"@type": "AdministrativeArea", "name": m.name}
    if m.region:
        place["containedInPlace"] = {"@type": "AdministrativeArea", "name": VOCABULARY["regions"][m.region]}
    return place


def _contact(contact) -> dict:
    phones = [phone_uri(number).removeprefix("tel:") for number in (*contact.phones, contact.mobile) if number]
    points = [{"@type": "ContactPoint", "telephone": phone, "contactType": contact.role} for phone in phones]
    if contact.email:
        points.append({"@type": "ContactPoint", "email": contact.email, "contactType": contact.role})
    if not contact.name:  # a function: the organisation, reached through the role
        return {"@type": "Organization", "name": contact.organisation, "contactPoint": points}
    person = {
        "@type": "Person",
        "name": contact.name,
        "jobTitle": contact.role,
        "worksFor": {"@type": "Organization", "name": contact.organisation},
    }
    if phones:
        person["telephone"] = phones[0] if len(phones) == 1 else phones
    if contact.email:
        person["email"] = contact.email
    if points:
        person["contactPoint"] = points
    return person


def _source(source) -> dict:
    work = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        work["datePublished"] = source.published.isoformat()
    elif source.published_year:
        work["datePublished"] = str(source.published_year)
    return work


def case_data(case: Case, page_url: str, site_name: str, site_url: str) -> dict:
    places = [_place(m) for m in case.municipalities]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case.title,
        "name": case.title,
        "description": case.summary,
        "inLanguage": case.language,
        "dateModified": case.updated.isoformat(),
        "about": places,
        "spatialCoverage": places,
        "keywords": [VOCABULARY["themes"][t] for t in case.themes],
        "audience": [
            {"@type": "Audience", "audienceType": VOCABULARY["target_groups"][g]} for g in case.target_groups
        ],
        "citation": [_source(s) for s in case.sources],
        "license": "CC BY 4.0",
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if page_url:
        data["url"] = page_url
        data["mainEntityOfPage"] = page_url
    if site_url:
        data["isPartOf"]["url"] = site_url
    if case.contacts:
        data["mentions"] = [_contact(c) for c in case.contacts]
    return data


def script(data: dict) -> Markup:
    """A <script type="application/ld+json"> element; no record text can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&":  # JSON allows \u escapes anywhere in strings, so the parsed data is unchanged
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(f'<script type="application/ld+json">{text}</script>')
