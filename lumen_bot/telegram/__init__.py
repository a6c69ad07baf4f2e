"""Telegram adapter: formatting, handlers and the Bot API edge."""
