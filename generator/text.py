"""Norwegian-aware text helpers: slugs for anchors and URLs, sorting, search folding."""

import re
import unicodedata

# Letters with their own place in the Norwegian alphabet, after z: æ, ø, å (ä and ö sort as æ and ø).
_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(value: str, separator: str = "-") -> str:
    """Readable ASCII slug: «Tiltak på arbeidsplassen» -> «tiltak-pa-arbeidsplassen», «Søknad» -> «soknad».

    Also used by Python-Markdown's toc extension (same signature) so headings with æøå get readable anchors.
    """
    text = value.translate(_ASCII)
    text = (text if text.isascii() else _strip_accents(text)).lower()
    text = re.sub(r"[^a-z0-9]+", separator, text)
    return text.strip(separator)


def sort_key(value: str) -> str:
    """Key that sorts in Norwegian order: a … z, æ, ø, å; other accents fold to their base letter."""
    folded = value.casefold().translate(_NORWEGIAN_ORDER)
    return _strip_accents(folded)


def ascii_variants(value: str) -> set[str]:
    """Ways people type a name without æ/ø/å: Rælingen -> {Raelingen, Ralingen}; Båtsfjord -> {Batsfjord, Baatsfjord}."""
    variants = {value}
    for letter, replacements in (("æ", ("ae", "a", "e")), ("ø", ("o", "oe")), ("å", ("a", "aa"))):
        for upper in (False, True):
            source = letter.upper() if upper else letter
            variants = {
                v.replace(source, r.capitalize() if upper else r) for v in variants for r in replacements
            }
    variants = {_strip_accents(v) for v in variants}
    variants.discard(value)
    return variants
