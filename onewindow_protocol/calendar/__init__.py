"""The calendar file (``docs/calendar.md``): whole years of the State Council's arrangement,
which the central server hands out and the counters install."""
