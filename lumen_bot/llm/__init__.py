"""The Anthropic adapter behind the harness's LLM port."""
