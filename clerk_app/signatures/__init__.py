"""Signatures taken on a signature pad: the ink (``ink``), its record (``service``), and
signing then printing a paper (``signed_print``)."""
