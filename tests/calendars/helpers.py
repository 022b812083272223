"""A made-up 2027 arrangement for the tests (the State Council's is not known to them)."""

from __future__ import annotations

YEAR_2027 = """\
[years.2027]
complete = true
holidays = [
  "2027-01-01..2027-01-03",
  "2027-02-05..2027-02-13",
  "2027-04-05",
  "2027-05-01..2027-05-05",
  "2027-06-09",
  "2027-09-15",
  "2027-10-01..2027-10-07",
]
workdays = [
  "2027-02-20",
  "2027-04-25",
  "2027-10-09",
]
"""

# The same year, corrected: the Dragon Boat festival moved, one make-up Saturday dropped.
YEAR_2027_CORRECTED = YEAR_2027.replace('"2027-06-09"', '"2027-06-08"').replace(
    '  "2027-10-09",\n', ""
)
