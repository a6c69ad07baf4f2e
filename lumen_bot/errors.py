"""One error tree for Lumen; each error names the message a person sees.

People never see ``str(exc)``: an adapter renders ``user_message`` (a key in
``lumen_bot.texts``) in the person's language. SDK errors (``anthropic.*``,
``telegram.error.*``) are translated into this tree inside their adapter and
never escape it.

    LumenError
    ├── ConfigError              a setting is missing or malformed (operator)
    ├── StoreError               the database or key store failed
    │   ├── DecryptionError      a record does not open under its owner's key
    │   │   └── RecordDamaged    ... whose key opens: the record itself was changed
    │   └── KeyringError         the keyring file or master key is unusable
    ├── LLMError                 the language model could not answer
    │   ├── LLMUnavailable       connection failed, timed out, or 5xx
    │   ├── LLMBusy              rate-limited (429) or overloaded (529)
    │   ├── LLMStreamBroken      an error event arrived mid-stream
    │   ├── LLMBadRequest        we sent something the API refused (4xx)
    │   └── LLMEmptyAnswer       the answer came back 200 but empty
    ├── DailyLimitReached        the person's LLM calls for today are used up
    ├── AnswerCancelled          /end arrived while the mentor was still answering
    ├── DeliveryFailed           the platform would not take our message
    ├── ClosingFailed            the notebook or Arc could not be written yet
    └── ArchiveRejected          an export file was not imported (nothing written)
        ├── ArchiveUnreadable    not a Lumen export, unknown schema, malformed
        ├── ArchiveTooLarge      too large packed or unpacked, too many files
        ├── ArchiveTampered      a digest or the seal does not match
        ├── ArchiveForeign       sealed by keys this Lumen lacks (passphrase or not)
        ├── ArchiveNotYours      another person's export
        ├── PassphraseRequired   encrypted, and no passphrase given
        ├── WrongPassphrase      the passphrase does not open it
        └── HistoryExists        the person already has a history here
"""

from __future__ import annotations


class LumenError(Exception):
    """Base of every error Lumen raises on purpose."""

    user_message = "something_went_wrong"


class ConfigError(LumenError):
    """A setting is missing or malformed; the text names it and the fix."""

    user_message = "something_went_wrong"


class UpdatesTakenOver(LumenError):
    """Telegram now gives this bot's updates to another process (409 Conflict: a second
    `lumen run` with the same token). The newer one wins, as Telegram decides; this one
    stops in good order rather than fight it for every poll."""

    user_message = "something_went_wrong"


class StoreError(LumenError):
    user_message = "something_went_wrong"


class DecryptionError(StoreError):
    """Ciphertext failed authentication: wrong owner, record, key or a flipped byte."""


class RecordDamaged(DecryptionError):
    """One record does not open under its owner's key, which opens: the record itself
    was changed (a flipped byte, a botched restore), not the keys."""

    user_message = "record_unreadable"  # trying again would not help


class KeyringError(StoreError):
    """The keyring file or the master key cannot be used."""

    user_message = "record_unreadable"


class LLMError(LumenError):
    user_message = "mentor_unavailable"


class LLMUnavailable(LLMError):
    user_message = "mentor_unavailable"


class LLMBusy(LLMError):
    user_message = "mentor_busy"


class LLMStreamBroken(LLMError):
    user_message = "words_lost"


class LLMRefused(LLMUnavailable):
    """The API refused the request (a 4xx status other than 429): Lumen's key, credit,
    permission or model, as a rule, which the operator must set right (the log says
    which). Until then it passes like an outage: the message stays kept and Lumen
    tries again, rather than ask the person to send it again."""

    user_message = "mentor_unavailable"


class LLMEmptyAnswer(LLMError):
    user_message = "words_lost"


class DailyLimitReached(LumenError):
    """The person's daily cap on LLM calls is reached; the work waits for tomorrow."""

    user_message = "daily_limit"


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


# -- a person's archive (export and import) ----------------------------------------


class ArchiveRejected(LumenError):
    """An export file could not be imported; nothing of it was written."""

    user_message = "import_unreadable"


class ArchiveUnreadable(ArchiveRejected):
    """Not a Lumen export, a schema this Lumen does not know, or malformed inside."""

    user_message = "import_unreadable"


class ArchiveTooLarge(ArchiveRejected):
    """Larger than an export can be, packed or unpacked (a ZIP bomb), or too many files."""

    user_message = "import_too_large"


class ArchiveTampered(ArchiveRejected):
    """A file's digest or the manifest's seal does not match: changed or damaged."""

    user_message = "import_tampered"


class ArchiveForeign(ArchiveRejected):
    """Sealed by a Lumen whose keys this one does not hold, and not passphrase-protected."""

    user_message = "import_foreign"


class ArchiveNotYours(ArchiveRejected):
    """A well-sealed export of another person."""

    user_message = "import_not_yours"


class PassphraseRequired(ArchiveRejected):
    """The export is encrypted and no passphrase was given."""

    user_message = "import_passphrase_needed"


class WrongPassphrase(ArchiveRejected):
    """The passphrase does not open the export (or the encrypted file was changed)."""

    user_message = "import_wrong_passphrase"


class HistoryExists(ArchiveRejected):
    """The person already has a history here; an import never merges into it."""

    user_message = "import_history_exists"
