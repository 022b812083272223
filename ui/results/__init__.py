"""The pickup window in the clerk app: decisions waiting, their papers and handovers."""
