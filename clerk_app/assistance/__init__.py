"""帮办代办: the assistance staff's records of the help they gave applicants."""
