"""HTTP routers; each calls the services and speaks the wire models."""
