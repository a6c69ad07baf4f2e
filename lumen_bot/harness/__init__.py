"""The platform-free core: sessions, context assembly, closure, and the ports it needs."""
