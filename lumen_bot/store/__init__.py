"""Durable storage: SQLite through aiosqlite, every text sealed under its owner's key."""
