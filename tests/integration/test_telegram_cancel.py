"""/cancel is one command over every question Lumen can have open with a person."""

from __future__ import annotations

from telegram import Update

from lumen_bot import texts
from lumen_bot.telegram.cancel import CancelHandler
from tests.integration.test_telegram_input import USER, message, update
from tests.offline_bot_api import OfflineBotApi, offline_application


class Question:
    """One feature's open question, as /cancel sees it."""

    def __init__(self, key: str, *, open_: bool) -> None:
        self.key, self.open = key, open_
        self.asked: list[int] = []

    async def leave(self, user_id: int) -> str | None:
        self.asked.append(user_id)
        was_open, self.open = self.open, False
        return self.key if was_open else None


async def cancel_with(*questions: Question) -> str:
    api = OfflineBotApi()
    app = offline_application(api)
    CancelHandler([q.leave for q in questions]).register(app)
    async with app:
        await app.process_update(Update.de_json(update(message=message("/cancel")), app.bot))
    [sent] = api.calls_of("sendMessage")
    return str(sent["text"])


async def test_cancel_leaves_the_one_open_question_and_says_which() -> None:
    passphrase, correction = (
        Question("portability_cancelled", open_=False),
        Question("memory_cancelled", open_=True),
    )
    assert await cancel_with(passphrase, correction) == texts.text("memory_cancelled")
    assert not correction.open
    assert passphrase.asked == correction.asked == [USER], "every feature is asked"


async def test_cancel_with_two_open_questions_leaves_both() -> None:
    first, second = (
        Question("portability_cancelled", open_=True),
        Question("memory_cancelled", open_=True),
    )
    assert await cancel_with(first, second) == texts.text("cancelled")
    assert not first.open and not second.open


async def test_cancel_with_nothing_open_says_so() -> None:
    assert await cancel_with(Question("memory_cancelled", open_=False)) == texts.text(
        "nothing_to_cancel"
    )
