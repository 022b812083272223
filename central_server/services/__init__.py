"""Plain typed services that the routers and the CLI both call."""
