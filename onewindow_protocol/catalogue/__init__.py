"""The catalogue file (``onewindow-catalogue``), declared once for the counter and the server.

``tokens`` holds the enumerations, ``fields`` the field types with the messages a refused file
shows, ``models`` the frozen models of the file and ``codec`` reading, writing and checksums.
The format is documented in ``docs/catalogue-format.md``.
"""
