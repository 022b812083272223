"""The sync indicator, status bar, panel and their controller: what the clerk sees of sync."""
