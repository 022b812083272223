"""After the decision: results pulled from the central server, printed and handed over."""
