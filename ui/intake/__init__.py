"""The intake screen of the clerk workstation."""
