"""The bad-input corpus through the real `lumen run` and the Telegram emulator.

Each odd or hostile update gets a clear answer or is ignored on purpose, and the bot keeps
going: after every case, the same person's next ordinary message gets the mentor's answer.
One bot serves the whole module (its start is the slow part); each case writes as a person
of its own, so no case sees another's messages, session or rate limit.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import pytest_asyncio

from .conftest import fresh_token, start_lumen_process
from .expect import messages_for, the_answer
from .llm_proxy import LlmProxy
from .lumen_cli import run_lumen
from .processes import ManagedProcess
from .telegram_proxy import TelegramProxy
from .telegram_user import BotMessage, TelegramUser, TelegramWorld

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

ANSWER = "MENTOR-MARKER"  # in every mentor answer (tests/e2e/fakellm.yaml)
HELP = "Just write to me"
TEXT_ONLY = "I can only read text"
PRIVATE_ONLY = "I only work in private chats"
SILENCE_S = 1.0  # how long "ignored on purpose" is watched for a stray reply


@dataclass
class Lumen:
    telegram: TelegramWorld
    llm: LlmProxy
    process: ManagedProcess
    offered: set[int] = field(default_factory=set)  # people offered support this session

    def person(self) -> TelegramUser:
        return self.telegram.user()

    def llm_read(self, text: str) -> bool:
        """Whether the mentor was given `text` as part of a conversation."""
        return any(text in request.conversation for request in self.llm.requests)

    async def still_answers(self, person: TelegramUser) -> None:
        """The check after every case: an ordinary message gets the mentor's answer."""
        await self.talk(person, f"an ordinary message from {person.user_id}")

    async def talk(self, person: TelegramUser, text: str) -> BotMessage:
        """The mentor's answer to `text` (and the offer of support, if the screen reads
        it as concern: see `expect.py`)."""
        await person.send_text(text)
        expected = messages_for(text, offered=person.user_id in self.offered)
        sent = await person.wait_for_bot_messages(expected, timeout=30)
        if expected == 2:
            self.offered.add(person.user_id)
        answer = the_answer([m.text or "" for m in sent])
        return next(m for m in sent if m.text == answer)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def lumen(
    emulator: str,
    telegram_proxy: TelegramProxy,
    llm_proxy: LlmProxy,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Lumen]:
    llm_proxy.reset()
    token = fresh_token()
    async with httpx.AsyncClient(base_url=emulator, timeout=10.0) as client:
        telegram = TelegramWorld(
            proxy=telegram_proxy, api_url=telegram_proxy.url, client=client, token=token
        )
        process = start_lumen_process(telegram, llm_proxy, tmp_path_factory.mktemp("bad-input"))
        try:
            await telegram.wait_until_polling(timeout=60)
            yield Lumen(telegram, llm_proxy, process)
        finally:
            process.stop()
            telegram_proxy.bots.pop(token, None)


@pytest.fixture(autouse=True)
def lumen_log(lumen: Lumen, request: pytest.FixtureRequest) -> Iterator[None]:
    """A failed case's report shows the end of the shared bot's log."""
    yield
    request.node.add_report_section("teardown", "lumen log", lumen.process.tail(60))


INJECTION = "<b>bold</b> *star _under [link](javascript:alert(1)) `tick <script>"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        pytest.param("\u200b\u200f\u202e", "\u200b\u200f\u202e", id="invisible only"),
        pytest.param("\u202eevil rtl \u2067x\u2069", "\u202eevil rtl \u2067x\u2069", id="rtl"),
        pytest.param("null\x00byte", "null\x00byte", id="null byte"),
        # A lone surrogate arrives as the JSON escape "\ud800"; no UTF-8 can carry it on.
        pytest.param("lone \ud800 surrogate", "lone \ufffd surrogate", id="lone surrogate"),
        pytest.param("😀" * 4096, "😀" * 4096, id="4096 emoji"),
        pytest.param(INJECTION, INJECTION, id="markup injection"),
    ],
)
async def test_odd_text_is_read_and_answered_like_any_message(
    lumen: Lumen, text: str, read: str
) -> None:
    person = lumen.person()
    await lumen.talk(person, text)
    assert lumen.llm_read(read)
    await lumen.still_answers(person)


async def test_an_empty_text_gets_the_text_only_answer(lumen: Lumen) -> None:
    """Telegram never sends one; if it came, it is no message for the mentor."""
    person = lumen.person()
    await person.send_text("")
    [answer] = await person.wait_for_bot_messages(1, timeout=30)
    assert TEXT_ONLY in answer.text
    await lumen.still_answers(person)


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("/report@OtherBot", HELP),
        ("/help me please", HELP),
        ("/start right now", "Hello, I'm Lumen"),
        ("/end now please", "no open session"),
        ("/country Narnia", "Which country"),
        ("/country zz", "I don't know crisis lines for that code"),
        ("/country new  zealand", "crisis lines for New Zealand (NZ)"),
        ("/nosuchcommand \x00 \u202e", HELP),
    ],
)
async def test_a_command_with_odd_arguments_gets_its_answer(
    lumen: Lumen, command: str, reply: str
) -> None:
    """Extra words are ignored, a command addressed to another bot is an unknown command."""
    person = lumen.person()
    await person.send_command(command)
    [answer] = await person.wait_for_bot_messages(1, timeout=30)
    assert reply in answer.text
    assert not lumen.llm_read(command)
    await lumen.still_answers(person)


async def test_end_with_extra_words_closes_the_session(lumen: Lumen) -> None:
    person = lumen.person()
    await lumen.talk(person, "a first thought")
    await person.send_command("/end@LumenTestBot now please")
    closing, parting, closed = await person.wait_for_bot_messages(3, timeout=60)
    assert "Let me write my notes" in closing.text
    assert parting.text.startswith("Readiness often arrives")
    assert "This session is closed" in closed.text
    await lumen.still_answers(person)


@pytest.mark.parametrize("edit", ["I meant something else entirely", "/end"])
async def test_an_edited_message_is_ignored_on_purpose(lumen: Lumen, edit: str) -> None:
    """An edit is not a new message: nothing is answered, read or ended (an edit into
    /end leaves the session open)."""
    person = lumen.person()
    await lumen.talk(person, "what I first wrote")
    await person.edit_last_message(edit)
    await person.assert_no_bot_messages(within=SILENCE_S)
    assert not lumen.llm_read(edit)
    await lumen.still_answers(person)


async def test_an_edit_that_speaks_of_a_crisis_gets_resources_never_the_llm(
    lumen: Lumen,
) -> None:
    """Words added in an edit can say someone is in danger: that edit is not ignored."""
    person = lumen.person()
    await lumen.talk(person, "a hard week")
    crisis = "a hard week. I have the pills ready and I'm taking them all tonight"
    await person.edit_last_message(crisis)
    [resources] = await person.wait_for_bot_messages(1, timeout=30)
    assert ("I'm safe for now", "safe:en") in resources.buttons
    assert not lumen.llm_read("pills ready")
    await lumen.still_answers(person)


@pytest.mark.parametrize(
    "origin",
    [
        {"type": "hidden_user", "sender_user_name": "Someone"},
        {"type": "user", "sender_user": {"id": 5, "is_bot": False, "first_name": "Bo"}},
        {"type": "channel", "chat": {"id": -1007, "type": "channel"}, "message_id": 3},
    ],
    ids=lambda origin: origin["type"],
)
async def test_a_forwarded_message_is_read_like_any_other(
    lumen: Lumen, origin: dict[str, Any]
) -> None:
    person = lumen.person()
    text = f"they said this to me ({origin['type']})"
    await person.send_message({"text": text, "forward_origin": {**origin, "date": 1_600_000_000}})
    [answer] = await person.wait_for_bot_messages(1, timeout=30)
    assert ANSWER in answer.text
    assert lumen.llm_read(text)
    await lumen.still_answers(person)


def very_old_bot_message(person: TelegramUser, text: str) -> BotMessage:
    """A message the bot sent years ago: long gone from its store and from Telegram's view."""
    raw = {
        "date": 1_500_000_000,
        "chat": {"id": person.chat_id, "type": "private"},
        "from": {"id": person.records.bot_id, "is_bot": True, "first_name": "Lumen"},
        "text": text,
    }
    return BotMessage(1, person.chat_id, text, (), None, raw)


async def flag_shown(lumen: Lumen, button_data: str) -> str | None:
    """What `lumen flags show` says of the report behind a reason button ("report:ID:why"),
    None while it is a draft (no reason picked yet), which no admin sees."""
    found = re.fullmatch(r"report:(\d+):\w+", button_data)
    assert found is not None, button_data
    result = await asyncio.to_thread(run_lumen, lumen.process, "flags", "show", found.group(1))
    if result.returncode != 0:
        assert "no flag" in result.stderr
        return None
    return result.stdout


async def test_a_reply_to_a_very_old_message(lumen: Lumen) -> None:
    """A reply is answered like any message; /report as a reply reports the old words (a
    lone surrogate in its note made readable); a reason pressed once the prompt is too old
    for Telegram to show the bot (date 0, no text) still opens the report."""
    person = lumen.person()
    old = very_old_bot_message(person, "words from long ago")
    await person.send_text("about what you said back then", reply_to=old)
    [answer] = await person.wait_for_bot_messages(1, timeout=30)
    assert ANSWER in answer.text

    await person.send_command("/report that was unkind \ud800", reply_to=old)
    [prompt] = await person.wait_for_bot_messages(1, timeout=30)
    harmful = next(data for label, data in prompt.buttons if label == "Harmful")
    await person.press_button(prompt, harmful, inaccessible=True)
    [thanks] = await person.wait_for_edits(1, timeout=30)
    assert "A person on the Lumen team" in (thanks.text or "")
    shown = await flag_shown(lumen, harmful)
    assert shown is not None
    assert "report · open" in shown and "reason: harmful" in shown
    assert "words from long ago" in shown and "that was unkind \ufffd" in shown
    await lumen.still_answers(person)


async def wait_for_callback_answers(person: TelegramUser, n: int) -> None:
    deadline = time.monotonic() + 10
    while len(person.records.callback_answers) < n:
        assert time.monotonic() < deadline, f"fewer than {n} callback answers in 10 s"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("data", ["no-such-button", "v0:menu:7", "😀" * 16])
async def test_unknown_button_data_is_acknowledged_and_ignored(lumen: Lumen, data: str) -> None:
    """The spinner stops (the query is answered); nothing is said, edited or read."""
    person = lumen.person()
    answer = await lumen.talk(person, "a thought with a button under it")
    answered = len(person.records.callback_answers)
    await person.press_button(answer, data)
    await wait_for_callback_answers(person, answered + 1)
    await person.assert_no_bot_messages(within=SILENCE_S)
    assert not [e for e in list(person.records.edits) if e.chat_id == person.chat_id]
    await lumen.still_answers(person)


async def test_a_report_button_pressed_by_someone_else_and_then_twice(lumen: Lumen) -> None:
    """Another person's press opens nothing and leaves the prompt as it was; the owner's
    double press opens the report once."""
    person, stranger = lumen.person(), lumen.person()
    answer = await lumen.talk(person, "something to report")
    await person.send_command("/report", reply_to=answer)
    [prompt] = await person.wait_for_bot_messages(1, timeout=30)
    harmful = next(data for label, data in prompt.buttons if label == "Harmful")

    answered = len(person.records.callback_answers)
    await stranger.press_button(prompt, harmful)
    await wait_for_callback_answers(person, answered + 1)
    await person.assert_no_bot_messages(within=SILENCE_S)
    assert not [e for e in list(person.records.edits) if e.chat_id == person.chat_id]
    assert await flag_shown(lumen, harmful) is None, "still a draft"

    await person.press_button(prompt, harmful)
    await person.press_button(prompt, harmful)
    edits = await person.wait_for_edits(2, timeout=30)
    assert sorted(edit.text or "" for edit in edits) == [
        "Thank you. A person on the Lumen team will look at this. Your report helps make"
        " Lumen safer.",
        "This report is already with the team — thank you.",
    ], "opened by one press, the other told it is already with the team"
    assert "report · open" in (await flag_shown(lumen, harmful) or "")
    await lumen.still_answers(person)
    await lumen.still_answers(stranger)


@pytest.mark.parametrize("chat_type", ["group", "supergroup", "channel"])
async def test_groups_and_channels_hear_once_that_lumen_is_private(
    lumen: Lumen, chat_type: str
) -> None:
    """The first message in a group or channel gets the notice, later ones silence; none is
    read. The person who wrote there is still answered in private."""
    person = lumen.person()
    chat_id = -(10**12) - person.user_id
    for n in (1, 2):
        text = f"message {n} in a {chat_type}"
        if chat_type == "channel":
            lumen.telegram.post_in_channel(text, channel_id=chat_id)
        else:
            await person.send_group_message(text, group_id=chat_id, chat_type=chat_type)
        if n == 1:
            [notice] = await person.wait_for_bot_messages(1, timeout=30, chat_id=chat_id)
            assert PRIVATE_ONLY in notice.text
    await person.assert_no_bot_messages(within=SILENCE_S, chat_id=chat_id)
    assert not lumen.llm_read(f"in a {chat_type}")
    await lumen.still_answers(person)


@pytest.mark.parametrize("kind", ["text", "command", "photo"])
async def test_another_bot_writing_is_ignored_on_purpose(lumen: Lumen, kind: str) -> None:
    """Bots talking to bots loop: whatever another bot sends gets no answer at all."""
    bot = lumen.telegram.user(first_name="OtherBot", is_bot=True)
    if kind == "text":
        await bot.send_text("beep, I am a bot")
    elif kind == "command":
        await bot.send_command("/start")
    else:
        await bot.send_photo()
    await bot.assert_no_bot_messages(within=SILENCE_S)
    assert not lumen.llm_read("beep, I am a bot")
    await lumen.still_answers(lumen.person())
