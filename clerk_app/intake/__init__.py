"""Intake at the counter: checking materials, decisions, promised dates and case numbers."""
