"""Norwegian numbers and dates as readers see them, and escaping that keeps them intact."""

from generator.formatting import NBSP, escape, file_size, number, quantity


def test_no_break_spaces_survive_escaping_so_numbers_and_units_stay_together():
    assert escape(number(17185)) == f"17{NBSP}185"
    assert escape(f"{number(16.3)}{NBSP}%") == f"16,3{NBSP}%"
    assert escape(file_size(7000)) == f"7{NBSP}kB"
    assert escape("17\u202f185") == "17\u202f185"


def test_ordinary_layout_whitespace_in_record_text_is_still_collapsed():
    assert escape("  to\n  linjer\tmed   mellomrom ") == "to linjer med mellomrom"
    assert escape(f" 5{NBSP}000 –\n19{NBSP}999 ") == f"5{NBSP}000 – 19{NBSP}999"


def test_a_sum_in_millions_reads_as_millions_and_each_hedge_stands_before_the_number():
    assert quantity(5.706, "millioner kroner") == f"5,7{NBSP}mill.{NBSP}kr"
    assert quantity(60, "millioner kroner", "nærmere") == f"nærmere 60{NBSP}mill.{NBSP}kr"
    assert quantity(41, "prosent", "i overkant av") == f"i overkant av 41{NBSP}%"
