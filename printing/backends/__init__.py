"""Printer backends behind one interface (:class:`printing.backends.base.Printer`)."""
