"""What the browser measurements search for, taken from the synthetic records themselves."""

from __future__ import annotations

import re

# The first searches the targets are set for, and more that a reader also makes: the word most cases
# use (on every page, so its index chunk is the largest there is), a query of several words, and
# «arbeid» typed letter by letter at TYPED_DELAY_MS a key, as on a phone.
TARGETED = ("kasusnavn", "arbeid", "sjeldent ord")
TYPED = ("arbeid, tastet",)
TYPED_DELAY_MS = 180


def rare_word(records: list[tuple[str, dict]]) -> str:
    """A long word that as few cases as possible use, and that starts no other word (Pagefind finds
    words by their beginning): what a reader copies from a page they half remember."""
    counts: dict[str, int] = {}
    for _slug, record in records:
        text = " ".join(p["description"] for p in record["practices"])
        for word in set(re.findall(r"\b[a-zæøå]{9,}\b", text)):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    alone = [w for i, w in enumerate(words) if i + 1 == len(words) or not words[i + 1].startswith(w)]
    return min(alone, key=lambda w: counts[w])


def most_common_word(records: list[tuple[str, dict]]) -> str:
    """The word of at least five letters that the most cases use, counted once per case."""
    counts: dict[str, int] = {}
    for _slug, record in records:
        text = " ".join(p["description"] for p in record["practices"]).casefold()
        for word in set(re.findall(r"\b[a-zæøå]{5,}\b", text)):
            counts[word] = counts.get(word, 0) + 1
    return max(sorted(counts), key=lambda w: counts[w])


def first_queries(records: list[tuple[str, dict]], rare: str) -> dict[str, str]:
    record = records[min(5, len(records) - 1)][1]
    return {"kasusnavn": record["municipalities"][0]["name"], "arbeid": "arbeid", "sjeldent ord": rare,
            "vanligste ord": most_common_word(records), "flere ord": "arbeid og kvalifisering",
            "arbeid, tastet": "arbeid"}


def search_queries(records: list[tuple[str, dict]], rare: str) -> list[str]:
    record = records[min(5, len(records) - 1)][1]
    name = record["municipalities"][0]["name"]
    folded = name.translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}))
    surname = record["people"][0]["name"].split()[-1]
    return [name, folded, "arbeid", "språkpraksis", "mentorprogram arbeidsgivere", surname, rare]
