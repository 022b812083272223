"""Service ratings (好差评) after each on-site service, and the follow-up of bad ones."""
