"""End-to-end tests: the running bot driven through a Telegram emulator and a fake Anthropic API."""
