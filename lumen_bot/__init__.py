"""Lumen: an AI mentor for reflection and growth, in private chats."""

__version__ = "0.1.0"
