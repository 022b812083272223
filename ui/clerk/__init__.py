"""The clerk's workstation: the caller panel, its dialogs and the main window around it."""
