"""OneWindow desktop UI (PySide6): login, clerk workstation and, later, the hall screens."""
