"""The ``clerk-app`` command line."""
