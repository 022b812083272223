"""Pydantic models of everything on the wire: the protocol's contract, typed for OpenAPI.

The services take and return these models too (frozen), so the API, the CLI and the tests all
speak one vocabulary.
"""
