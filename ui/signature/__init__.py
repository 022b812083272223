"""Signatures on a pen tablet, a touch screen or the mouse: the pad, the signing dialog, and
the step that records a paper's signature and prints the paper with it."""
