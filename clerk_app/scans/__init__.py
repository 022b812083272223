"""Scanned pages: sources, intake checks, content-addressed storage and the page list."""
