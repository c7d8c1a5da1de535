"""The data model: the only place where the fields of a case record and a template are defined.

Descriptions are Norwegian because they reach contributors through the JSON Schema (editor tooltips).
fields.py holds the shared field types, case.py the case record, figures.py its numbers, contact.py its contacts,
names.py the fields' Norwegian names, places.py the municipality check, template.py the downloadable templates.
"""

from generator.records.model.case import (
    Case,
    Literature,
    Municipality,
    Organisation,
    Partner,
    Person,
    Practice,
    Source,
    Statement,
)
from generator.records.model.contact import Contact
from generator.records.model.figures import Figure, Point, Result
from generator.records.model.fields import MAX_YEAR, MIN_YEAR, Base, Slug, phone_uri
from generator.records.model.template import Template, TemplateColumn, TemplateField, TemplateSection, TemplateTable

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Base",
    "Case",
    "Contact",
    "Figure",
    "Literature",
    "Municipality",
    "Organisation",
    "Partner",
    "Person",
    "Point",
    "Practice",
    "Result",
    "Slug",
    "Source",
    "Statement",
    "Template",
    "TemplateColumn",
    "TemplateField",
    "TemplateSection",
    "TemplateTable",
    "phone_uri",
]
