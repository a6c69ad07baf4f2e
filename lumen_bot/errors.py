"""One error tree for Lumen; each error names the message a person sees.

People never see ``str(exc)``: an adapter renders ``user_message`` (a key in
``lumen_bot.texts``) in the person's language. SDK errors (``anthropic.*``,
``telegram.error.*``) are translated into this tree inside their adapter and
never escape it.

    LumenError
    ├── ConfigError              a setting is missing or malformed (operator)
    ├── StoreError               the database or key store failed
    │   ├── DecryptionError      a record does not open under its owner's key
    │   └── KeyringError         the keyring file or master key is unusable
    ├── LLMError                 the language model could not answer
    │   ├── LLMUnavailable       connection failed, timed out, or 5xx
    │   ├── LLMBusy              rate-limited (429) or overloaded (529)
    │   ├── LLMStreamBroken      an error event arrived mid-stream
    │   ├── LLMBadRequest        we sent something the API refused (4xx)
    │   └── LLMEmptyAnswer       the answer came back 200 but empty
    ├── AnswerCancelled          /end arrived while the mentor was still answering
    ├── DeliveryFailed           the platform would not take our message
    └── ClosingFailed            the notebook or Arc could not be written yet
"""

from __future__ import annotations


class LumenError(Exception):
    """Base of every error Lumen raises on purpose."""

    user_message = "something_went_wrong"


class ConfigError(LumenError):
    """A setting is missing or malformed; the text names it and the fix."""

    user_message = "something_went_wrong"


class StoreError(LumenError):
    user_message = "something_went_wrong"


class DecryptionError(StoreError):
    """Ciphertext failed authentication: wrong owner, record, key or a flipped byte."""


class KeyringError(StoreError):
    """The keyring file or the master key cannot be used."""


class LLMError(LumenError):
    user_message = "mentor_unavailable"


class LLMUnavailable(LLMError):
    user_message = "mentor_unavailable"


class LLMBusy(LLMError):
    user_message = "mentor_busy"


class LLMStreamBroken(LLMError):
    user_message = "send_again"


class LLMBadRequest(LLMError):
    user_message = "something_went_wrong"


class LLMEmptyAnswer(LLMError):
    user_message = "send_again"


class AnswerCancelled(LumenError):
    """The person closed the session while the answer was streaming; it is dropped."""

    user_message = "session_closing"


class DeliveryFailed(LumenError):
    """The messaging platform refused or lost a message we sent."""

    user_message = "something_went_wrong"


class PersonUnreachable(DeliveryFailed):
    """The platform says the person blocked the bot: nothing more is sent to them."""


class ClosingFailed(LumenError):
    user_message = "closing_delayed"
