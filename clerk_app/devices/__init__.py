"""Devices the counter reads from that are neither scanners nor printers (issue 18)."""
