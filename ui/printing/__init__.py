"""Printing in the desktop app: the print preview and the Qt system-printer backend."""
