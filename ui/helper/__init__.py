"""The helper's screen (帮办代办员): the hall queue and the assistance given."""
