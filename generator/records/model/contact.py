"""A contact on a case page: a named person, or a function when the source names nobody."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.records.model.fields import CasePart, Email, PastDate, Phone, ShortText, Slug


class Contact(CasePart):
    """Whom to call: a named person, or a function («Lokal prosjektleder») when the source names nobody."""

    # The rule of _reachable, for editors and the form that read the JSON Schema: a number or an address.
    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["phones"]},
        {"required": ["mobile"], "properties": {"mobile": {"type": "string"}}},
        {"required": ["email"], "properties": {"email": {"type": "string"}}},
    ]})

    name: ShortText | None = Field(
        None,
        description=(
            "Fullt navn. Bare personer som har sagt ja til å stå oppført, eller som kilden selv oppgir som kontakt. "
            "Utelat navnet når kilden bare oppgir en funksjon; da vises rollen og arbeidsstedet som kontakt."
        ),
    )
    role: ShortText = Field(description="Stilling eller rolle, f.eks. «Leder» eller «Lokal prosjektleder».")
    organisation: ShortText = Field(description="Arbeidsstedet, f.eks. «Rælingen kommune».")
    phones: list[Phone] = Field(
        default_factory=list, min_length=1, max_length=5, description="Jobbnummer, aldri private numre."
    )
    mobile: Phone | None = Field(None, description="Jobbmobilen, når kilden sier at nummeret er en mobil («Mobil»).")
    email: Email | None = Field(None, description="Bare når kilden oppgir en ekte e-postadresse.")
    last_verified: PastDate | None = Field(
        description="Dato kontaktinformasjonen sist ble bekreftet. null betyr: bare hentet fra kilden, ikke bekreftet med personen.",
    )
    source: Slug = Field(description="id til kilden kontaktopplysningene kommer fra.")

    @property
    def label(self) -> str:
        """The name, or for a function the role at its workplace: «Lokal prosjektleder, Nordkapp kommune»."""
        return self.name or f"{self.role}, {self.organisation}"

    @model_validator(mode="after")
    def _reachable(self):
        # Left out, `phones` is not checked at all: this is where a contact without any way to reach it is caught.
        if not (self.phones or self.mobile or self.email):
            raise PydanticCustomError(
                "unreachable_contact",
                "kontakten har verken telefonnummer («phones» eller «mobile») eller e-post («email»); skriv jobbnummeret "
                "eller jobb-e-posten fra kilden. Oppgir ikke kilden noen av dem, finn nummeret på arbeidsstedets nettsted "
                "og før opp den siden som kilde, eller før personen opp under «people» i stedet for under «contacts»",
                {"at": ()},
            )
        return self
