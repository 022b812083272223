"""The rating screen at a window (好差评): a second monitor or a tablet facing the applicant."""
