"""Document rendering (PDF, ESC/POS) and printer backends. Never imports Qt or the database."""
