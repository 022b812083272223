"""The hall calendar: the State Council's arrangement per year, kept in the hall database.

- ``store``: read and install years (with the on-year-installed hooks);
- ``live.hall_calendar(db)``: THE calendar every service reads;
- ``service.CalendarService``: import (audited), show, export, the missing-year warning;
- ``shipped``: the years shipped in resources/calendars/, installed on migrate.
"""
