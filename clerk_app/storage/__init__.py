"""Durable storage of files outside the database."""
