"""How wide a text is in Liberation Sans (metric-compatible with Arial, the fonts every format uses),
so column widths can be computed from the words that must fit, without reading font files at build time.

Advance widths per 1000 units of the em, taken from Liberation Sans 2 Regular and Bold; a character
not in the tables counts as wide as an «m», so an estimate errs on the roomy side.
"""

from __future__ import annotations

PT_TO_MM = 25.4 / 72


def _table(groups: dict[int, str]) -> dict[str, int]:
    return {char: width for width, chars in groups.items() for char in chars}


REGULAR = _table({191: "'", 222: 'ijl’', 260: '|', 278: ' !,./:;I[\\]ft', 333: '()-`r', 334: '{}', 355: '"', 389: '*', 469: '^', 500: 'Jcksvxyz', 556: '#$0123456789?L_abdeghnopqu«»äåéöü–', 584: '+<=>~', 611: 'FTZø', 667: '&ABEKPSVXYÄÅÉ', 722: 'CDHNRUwÜ', 778: 'GOQÖØ', 833: 'Mm', 889: '%æ', 944: 'W', 1000: 'Æ—', 1015: '@'})

BOLD = _table({238: "'", 278: ' ,./I\\ijl’', 280: '|', 333: '!()-:;[]`ft', 389: '*r{}', 474: '"', 500: 'z', 556: '#$0123456789J_aceksvxy«»äåé–', 584: '+<=>^~', 611: '?FLTZbdghnopquöøü', 667: 'EPSVXYÉ', 722: '&ABCDHKNRUÄÅÜ', 778: 'GOQwÖØ', 833: 'M', 889: '%mæ', 944: 'W', 975: '@', 1000: 'Æ—'})


def text_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of one line of text, in millimetres."""
    widths = BOLD if bold else REGULAR
    units = sum(widths.get(char, widths["m"]) for char in text)
    return units / 1000 * size_pt * PT_TO_MM


def longest_word_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of the longest word: a column narrower than this breaks the word."""
    return max((text_mm(word, size_pt, bold) for word in text.split()), default=0.0)
