"""The applicant's screen at a counter (a second monitor facing the applicant, or a window):
the item and the materials as the clerk checks them, the decision, the paper to sign, the
rating; and the rating pad on its own (``--mode rating``)."""
