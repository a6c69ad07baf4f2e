"""Settings from the environment and `.env`: the only module that reads them."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from lumen_bot.errors import ConfigError

# How to fix each required or commonly mistyped setting, shown to the operator.
_HOW_TO_FIX = {
    "LUMEN_TELEGRAM_TOKEN": "create a bot with @BotFather in Telegram and put its token in .env",
    "ANTHROPIC_API_KEY": "create a key at console.anthropic.com and put it in .env",
    "LUMEN_ADMIN_IDS": "use comma-separated numeric Telegram user ids, e.g. 12345,67890",
    "LUMEN_MASTER_KEY": "use 32 random bytes in base64, e.g. `openssl rand -base64 32`",
    "LUMEN_QUIET_HOURS": "use local start-end times, e.g. 21:00-09:00 (equal ends: none)",
}


class Settings(BaseSettings):
    """Every knob Lumen has. Names are the environment variables operators set."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=False,
        env_ignore_empty=True,  # `KEY=` in .env means "not set", as in .env.example
        frozen=True,
    )

    telegram_token: SecretStr = Field(alias="LUMEN_TELEGRAM_TOKEN", min_length=1)
    telegram_api_url: str = Field("https://api.telegram.org", alias="LUMEN_TELEGRAM_API_URL")
    anthropic_api_key: SecretStr = Field(alias="ANTHROPIC_API_KEY", min_length=1)
    anthropic_base_url: str | None = Field(None, alias="ANTHROPIC_BASE_URL")
    model: str = Field("claude-sonnet-4-5", alias="LUMEN_MODEL")
    fallback_model: str | None = Field(None, alias="LUMEN_FALLBACK_MODEL")
    data_dir: Path = Field(Path(".lumen"), alias="LUMEN_DATA_DIR")
    keyring_file: Path | None = Field(None, alias="LUMEN_KEYRING_FILE")
    master_key: SecretStr | None = Field(None, alias="LUMEN_MASTER_KEY")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(frozenset(), alias="LUMEN_ADMIN_IDS")

    admin_crisis_alerts: bool = Field(True, alias="LUMEN_ADMIN_CRISIS_ALERTS")

    # The model: context window and what is kept free for prompt, turns and reply.
    context_window: int = Field(200_000, alias="LUMEN_CONTEXT_WINDOW", gt=0)
    context_reserve: int = Field(60_000, alias="LUMEN_CONTEXT_RESERVE", ge=0)
    max_tokens: int = Field(2_048, alias="LUMEN_MAX_TOKENS", gt=0)
    closing_max_tokens: int = Field(4_096, alias="LUMEN_CLOSING_MAX_TOKENS", gt=0)
    llm_timeout_s: float = Field(120.0, alias="LUMEN_LLM_TIMEOUT", gt=0)
    llm_max_retries: int = Field(2, alias="LUMEN_LLM_MAX_RETRIES", ge=0)
    context_seed: int = Field(0, alias="LUMEN_CONTEXT_SEED")

    # Closing (notebook + Arc) retries with exponential backoff.
    closing_retry_base_s: float = Field(5.0, alias="LUMEN_CLOSING_RETRY_BASE", gt=0)
    closing_retry_max_s: float = Field(600.0, alias="LUMEN_CLOSING_RETRY_MAX", gt=0)

    # An answer the LLM could not give is tried again by Lumen itself: first wait and
    # longest wait, in seconds (looked at on every rhythm beat, LUMEN_RHYTHM_TICK).
    answer_retry_base_s: float = Field(30.0, alias="LUMEN_ANSWER_RETRY_BASE", gt=0)
    answer_retry_max_s: float = Field(600.0, alias="LUMEN_ANSWER_RETRY_MAX", gt=0)

    # After a restart, unanswered messages older than this get "I lost the thread"
    # (and so does a message the LLM could not answer for that long).
    resume_max_age_h: float = Field(6.0, alias="LUMEN_RESUME_MAX_AGE_HOURS", gt=0)

    # Per-person limits: answers back to back, then per minute; LLM calls a day;
    # characters of one message shown to the mentor (all of it is stored).
    rate_burst: int = Field(8, alias="LUMEN_RATE_BURST", ge=1)
    rate_per_minute: float = Field(6.0, alias="LUMEN_RATE_PER_MINUTE", gt=0)
    daily_llm_calls: int = Field(300, alias="LUMEN_DAILY_LLM_CALLS", ge=1)
    max_input_chars: int = Field(8_000, alias="LUMEN_MAX_INPUT_CHARS", ge=100)

    # The rhythm of sessions (docs/rhythm.md): the next session is suggested about
    # SESSION_GAP_DAYS after the last (weekly rhythm: 7); a session sooner than
    # SESSION_MIN_GAP_DAYS counts as early. No reminder in QUIET_HOURS (the person's
    # local time); a reminder due while Lumen was down is still sent within
    # REMINDER_WINDOW_HOURS, never later. A session quiet for IDLE_CLOSE_HOURS closes.
    session_gap_days: float = Field(3.0, alias="LUMEN_SESSION_GAP_DAYS", gt=0)
    session_min_gap_days: float = Field(2.0, alias="LUMEN_SESSION_MIN_GAP_DAYS", ge=0)
    quiet_hours: str = Field("21:00-09:00", alias="LUMEN_QUIET_HOURS")
    reminder_window_h: float = Field(3.0, alias="LUMEN_REMINDER_WINDOW_HOURS", gt=0)
    idle_close_h: float = Field(12.0, alias="LUMEN_IDLE_CLOSE_HOURS", gt=0)
    reminders_ignored_limit: int = Field(2, alias="LUMEN_REMINDERS_IGNORED_LIMIT", ge=1)
    # How often due reminders and quiet sessions are looked for, and how fast
    # reminders go out (Telegram allows a bot about 30 messages a second in all).
    rhythm_tick_s: float = Field(30.0, alias="LUMEN_RHYTHM_TICK", gt=0)
    reminder_rate: float = Field(25.0, alias="LUMEN_REMINDER_RATE", gt=0, le=30)

    # Telegram streaming: the least time between two visible updates of a reply.
    stream_interval_s: float = Field(0.6, alias="LUMEN_STREAM_INTERVAL", ge=0)
    log_level: str = Field("INFO", alias="LUMEN_LOG_LEVEL")

    # Retention (docs/privacy.md): raw transcripts of closed sessions are deleted this
    # many days after they closed; notebooks and the Arc remain. 0: kept (the default).
    # A person's own /retention applies when shorter.
    transcript_retention_days: int = Field(0, alias="LUMEN_TRANSCRIPT_RETENTION_DAYS", ge=0)
    # Seconds a running bot keeps using a person's data-key version before it looks
    # again; a data-key rotation (`lumen keys rotate-data`) keeps the old key twice
    # this long after it starts, so nothing is ever sealed under a deleted key.
    key_version_ttl_s: float = Field(60.0, alias="LUMEN_KEY_VERSION_TTL", ge=0)
    # /memory: after "That's not right", how long Lumen takes the person's next
    # message as their correction; after that, it goes to the conversation.
    memory_ask_minutes: float = Field(15.0, alias="LUMEN_MEMORY_ASK_MINUTES", gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours_form(cls, value: str) -> str:
        quiet_hours(value)
        return value

    @property
    def quiet(self) -> tuple[time, time]:
        return quiet_hours(self.quiet_hours)

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("anthropic_base_url")
    @classmethod
    def _a_web_address(cls, value: str | None) -> str | None:
        """Checked at start, as the Telegram address is: a typo here would otherwise
        surface only as "I can't reach my thoughts" to the first person who writes."""
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @model_validator(mode="after")
    def _context_fits(self) -> Settings:
        if self.context_reserve + 1_000 > self.context_window:
            raise ValueError(
                "LUMEN_CONTEXT_RESERVE must leave at least 1000 tokens of LUMEN_CONTEXT_WINDOW"
                " for the context"
            )
        return self

    @property
    def database_file(self) -> Path:
        return self.data_dir / "lumen.db"

    @property
    def keystore_file(self) -> Path:
        """Wrapped data keys live apart from content (see docs/privacy.md)."""
        return self.data_dir / "keys.db"

    @property
    def keyring_path(self) -> Path:
        return self.keyring_file or self.data_dir / "keyring.json"

    @property
    def context_budget(self) -> int:
        """Tokens the per-session context document may use."""
        return max(0, self.context_window - self.context_reserve)


def quiet_hours(value: str) -> tuple[time, time]:
    """'21:00-09:00' -> (21:00, 09:00); equal ends mean no quiet hours."""
    start, _, end = value.replace(" ", "").partition("-")
    try:
        return time.fromisoformat(start), time.fromisoformat(end)
    except ValueError:
        raise ValueError("must look like 21:00-09:00") from None


def load_settings(**overrides: Any) -> Settings:
    """Read settings, turning validation failures into one clear ConfigError line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        if not error["loc"]:  # a rule across settings: its message names them
            problems.append(str(error["msg"]).removeprefix("Value error, "))
            continue
        name = str(error["loc"][0]) if error["loc"] else "a setting"
        problem = f"{name} is missing" if error["type"] == "missing" else f"{name} is malformed"
        fix = _HOW_TO_FIX.get(name, "see .env.example for the expected form")
        problems.append(f"{problem}: {fix}")
    return "; ".join(problems)
