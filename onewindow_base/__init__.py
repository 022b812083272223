"""The foundations the counter and the central server both run on, importing neither side
(nor Qt; an import-linter contract holds it): each is declared once, here, and both sides use it.

- :mod:`onewindow_base.clock`: the injectable time source.
- :mod:`onewindow_base.logsafety`: ID and mobile numbers masked in every log record.
- :mod:`onewindow_base.wording`: text in both languages, the command line's language.
- :mod:`onewindow_base.failures`: operational failures (disk, database, network, key file),
  recognised and reported in one line.
- :mod:`onewindow_base.db`: the database engine rules (SQLite WAL, ``BEGIN IMMEDIATE``
  writers, psycopg 3) and prebuilt statements.
- :mod:`onewindow_base.crypto`: the key ring and its stores, the column cipher, the blob
  sealer.
- :mod:`onewindow_base.blobs`: the content-addressed blob store, sealed under a key ring.
- :mod:`onewindow_base.crashpoint`: named crash points for the killed-process tests.

What depends on the counter's settings (the hall key ring's place, the hall's blob store) stays
in ``clerk_app`` and calls into these; the data formats the two sides exchange are in
``onewindow_protocol``.
"""
