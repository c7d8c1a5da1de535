"""Norwegian-aware text helpers: the one slug rule, slugs for anchors and URLs, sorting, search folding."""

import functools
import re
import unicodedata

# Letters with their own place in the Norwegian alphabet, after z: æ, ø, å (ä and ö sort as æ and ø).
_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})
# æ, ø and å as written without them, for slugs here and for search queries in the browser (the build
# writes this table into every page: generator/search/definitions.py).
ASCII_FOLDING = {"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}
_ASCII = str.maketrans(ASCII_FOLDING)


def slug_folding() -> dict[str, str]:
    """The letters slugify spells out before accents are stripped, for scripts that apply the same rule."""
    return {chr(code): text for code, text in _ASCII.items()}


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


# The one slug rule: file names in cases/ and templates/, `related`, source ids, vocabulary keys and
# `make new-case` all follow it, because each becomes (part of) a page address or points at one.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX = 80
_SLUG = re.compile(SLUG_PATTERN)
SLUG_LETTERS = "kan bare inneholde små bokstaver a–z, tall og bindestrek (ikke æ, ø, å eller mellomrom)"


def slug_problem(value: str) -> str | None:
    """What breaks the slug rule in value, in Norwegian, to follow «filnavnet …», «nøkkelen «x» …»; None if nothing."""
    if _SLUG.match(value) and len(value) <= SLUG_MAX:
        return None
    if not value:
        return "er tomt"
    if len(value) > SLUG_MAX:
        return f"er for langt (høyst {SLUG_MAX} tegn)"
    if re.fullmatch(r"[a-z0-9-]+", value):
        return "kan ikke starte eller slutte med bindestrek, eller ha to bindestreker etter hverandre"
    return SLUG_LETTERS


def slug_suggestion(value: str, fallback: str = "min-kommune") -> str:
    """The nearest value that follows the slug rule: «-zz-Testfjord» -> «zz-testfjord»."""
    return slugify(value)[:SLUG_MAX].strip("-") or fallback


def look_alike_key(value: str) -> str:
    """Two texts a reader cannot tell apart get the same key: «Båtsfjord» written as a + ring (NFD), with a
    zero-width space or a soft hyphen, in capitals or with extra spaces (NFKC, no format characters, casefold)."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.casefold().split())


def sort_key(value: str) -> str:
    """Key that sorts in Norwegian order: a … z, æ, ø, å; other accents fold to their base letter."""
    folded = value.casefold().translate(_NORWEGIAN_ORDER)
    return _strip_accents(folded)


@functools.lru_cache(maxsize=1 << 16)  # the same words come back on page after page
def ascii_variants(value: str) -> frozenset[str]:
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
    return frozenset(variants)
