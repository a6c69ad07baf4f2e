"""The `lumen` command: run the bot, chat in the terminal, export a person's data, keys."""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import os
import pwd
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lumen_bot import keys_cli, texts
from lumen_bot.errors import ConfigError, LumenError, UpdatesTakenOver
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import Field, PartDelivered
from lumen_bot.install import existing_install, make_data_dir
from lumen_bot.logs import configure, events
from lumen_bot.settings import Settings, load_settings

if TYPE_CHECKING:
    from lumen_bot.app import Core
    from lumen_bot.harness.mentor import Mentor

log = events("lumen_bot.cli")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lumen", description="Lumen, an AI mentor.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start the Telegram bot (long polling)")
    commands.add_parser("chat", help="talk to the mentor in this terminal")
    export = commands.add_parser("export", help="write a person's export file (or its JSON)")
    export.add_argument("--user", required=True, help="the person's Telegram user id")
    export.add_argument("--out", type=Path, help="export file (ZIP) to write; default: JSON out")
    export.add_argument("--json", action="store_true", help="the bare JSON document instead")
    export.add_argument("--passphrase-file", type=Path, help="protect the ZIP with this passphrase")
    restore = commands.add_parser("import", help="restore a person's history from an export file")
    restore.add_argument("file", type=Path)
    restore.add_argument("--user", required=True, help="the person's Telegram user id")
    restore.add_argument("--passphrase-file", type=Path, help="the export's passphrase")
    flags = commands.add_parser("flags", help="review flags from the terminal (admins)")
    flag_commands = flags.add_subparsers(dest="flags_command", required=True)
    flag_commands.add_parser("list", help="the open queue, most severe and newest first")
    for name, about in (
        ("show", "one flag in full"),
        ("resolve", "mark a flag resolved"),
        ("dismiss", "dismiss a flag"),
    ):
        flag_commands.add_parser(name, help=about).add_argument("id", type=int)
    flag_commands.add_parser("audit", help="the newest entries of the audit log")
    commands.add_parser("insights", help="session statistics: counts only, small ones hidden")
    keys_cli.add_commands(commands)
    args = parser.parse_args(argv)

    try:
        if args.command == "run":
            settings = load_settings()
            make_data_dir(settings)  # a path that cannot be is named before the slow start
            configure(settings.log_level)
            with asyncio.Runner(loop_factory=_loop_factory()) as runner:
                runner.run(_run(settings))
        elif args.command == "chat":
            settings = load_settings(
                LUMEN_TELEGRAM_TOKEN=os.environ.get("LUMEN_TELEGRAM_TOKEN") or "not-used-by-chat"
            )
            make_data_dir(settings)
            configure("WARNING", file=settings.data_dir / CHAT_LOG)  # not amid the chat
            try:
                asyncio.run(_chat(settings))
            except KeyboardInterrupt:
                print(flush=True)  # the shell's prompt on a line of its own, not after "you> "
                return 130
        elif args.command == "import":
            from lumen_bot.portability.commands import import_command

            return import_command(
                _offline_settings(), args.file, args.user, passphrase_file=args.passphrase_file
            )
        elif args.command == "export":
            settings = _offline_settings()
            existing_install(settings)
            from lumen_bot.portability.commands import export_command

            return asyncio.run(
                export_command(
                    settings,
                    args.user,
                    args.out,
                    as_json=args.json,
                    passphrase_file=args.passphrase_file,
                )
            )
        elif args.command == "flags":
            settings = _offline_settings()
            existing_install(settings)
            return asyncio.run(_flags(settings, args.flags_command, getattr(args, "id", None)))
        elif args.command == "insights":
            from lumen_bot.insights_report import print_insights

            settings = _offline_settings()
            existing_install(settings)
            return asyncio.run(print_insights(settings))
        elif args.command in ("keys", "backup"):
            return keys_cli.run(_offline_settings(), args)
    except ConfigError as exc:
        print(f"lumen: {exc}", file=sys.stderr)
        return 2
    except UpdatesTakenOver:
        print(
            "lumen: another process now fetches this bot's updates (Telegram: 409 Conflict),"
            " so this one has stopped; run one `lumen run` per bot token",
            file=sys.stderr,
        )
        return 3
    except LumenError as exc:
        print(f"lumen: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _offline_settings() -> Settings:
    """Settings for a command that needs neither Telegram nor the LLM."""
    return load_settings(
        LUMEN_TELEGRAM_TOKEN=os.environ.get("LUMEN_TELEGRAM_TOKEN") or "not-used",
        ANTHROPIC_API_KEY=os.environ.get("ANTHROPIC_API_KEY") or "not-used",
    )


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The bot's event loop: uvloop where it is installed (every platform but Windows).

    All of the bot's work runs on this one loop, so its own overhead is paid on every
    step of every message: in the load test uvloop takes about 7% off the CPU per turn
    (six runs each way; the latency figures did not change beyond their noise). None
    means asyncio's own loop.
    """
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


async def _run(settings: Settings) -> None:
    from telegram.error import InvalidToken, NetworkError

    from lumen_bot.app import open_core
    from lumen_bot.portability.commands import archives_for
    from lumen_bot.telegram.admin import AdminHandlers
    from lumen_bot.telegram.bot import (
        RhythmTimer,
        build_application,
        run_polling,
        stop_on_signals,
    )
    from lumen_bot.telegram.cancel import CancelHandler
    from lumen_bot.telegram.forget_handlers import ForgetHandlers
    from lumen_bot.telegram.handlers import TelegramHandlers
    from lumen_bot.telegram.memory_handlers import MemoryHandlers
    from lumen_bot.telegram.portability_handlers import PortabilityHandlers
    from lumen_bot.telegram.reply import TelegramNotifier
    from lumen_bot.telegram.rhythm_handlers import RhythmHandlers

    app = build_application(settings.telegram_token.get_secret_value(), settings.telegram_api_url)
    async with open_core(settings, TelegramNotifier(app.bot)) as core:
        AdminHandlers(core.services.review, settings.admin_ids).register(app)
        RhythmHandlers(core.services.reminders, core.mentor, core.store).register(app)
        ForgetHandlers(
            core.services.forgetting, core.services.retention, core.services.insights, core.store
        ).register(app)
        portability = PortabilityHandlers(archives_for(core))
        handlers = TelegramHandlers(
            core.mentor, core.services.reports, stream_interval_s=settings.stream_interval_s
        )
        memory = MemoryHandlers(
            core.services.memory, handlers.on_text, stream_interval_s=settings.stream_interval_s
        )
        CancelHandler([portability.leave, memory.leave]).register(app)
        portability.register(app)
        memory.register(app)
        handlers.register(app)
        stop = asyncio.Event()
        stop_on_signals(stop)
        try:
            await run_polling(
                app,
                stop,
                on_ready=core.resume,
                on_stopping=core.tasks.aclose,
                rhythm=RhythmTimer(core.keep_rhythm, settings.rhythm_tick_s),
            )
        except InvalidToken:
            raise ConfigError(
                "LUMEN_TELEGRAM_TOKEN was refused by Telegram: copy the token from @BotFather"
            ) from None
        except NetworkError as exc:
            raise ConfigError(
                f"cannot reach the Telegram Bot API at {settings.telegram_api_url}"
                f" ({type(exc).__name__}): check LUMEN_TELEGRAM_API_URL and the network"
            ) from None


async def _flags(settings: Settings, command: str, flag_id: int | None) -> int:
    """`lumen flags ...`: the same review as in Telegram, audited as the local user."""
    from lumen_bot.app import open_store
    from lumen_bot.harness.clock import SystemClock
    from lumen_bot.harness.review import Review
    from lumen_bot.telegram.admin import render_flag

    actor = f"cli:{pwd.getpwuid(os.getuid()).pw_name}"
    async with open_store(settings, create=False) as store:
        review = Review(review=store.review, clock=SystemClock())
        if command == "list":
            queue = await review.queue(limit=100)
            for queued in queue:
                print(render_flag(queued, full=False), end="\n\n")
            print(f"{len(queue)} open flag(s)")
            return 0
        if command == "audit":
            for entry in await review.audit_log():
                print(" | ".join(part or "" for part in entry))
            return 0
        if command == "show":
            flag = await review.show(flag_id or 0, actor=actor)
        else:
            close = review.resolve if command == "resolve" else review.dismiss
            closed = await close(flag_id or 0, actor=actor)
            if closed is not None and closed.already:
                status = closed.flag.status.value
                print(f"lumen: flag {flag_id} is already {status}", file=sys.stderr)
                return 1
            flag = None if closed is None else closed.flag
        if flag is None:
            print(f"lumen: no flag #{flag_id}", file=sys.stderr)
            return 1
        print(render_flag(flag, full=command == "show"))
        return 0


CHAT_LOG = "chat.log"  # `lumen chat` logs here, in the data directory, not on the screen

# The terminal's own commands; any other "/..." gets this list, unless its words carry
# risk (then it is a message like any other, as in Telegram).
TERMINAL_COMMANDS = (
    "(/end closes the session, /country GB picks the crisis lines' country, /quit or Ctrl-D leaves)"
)

# Messages that name what only Telegram has (/remind, reminders sent to the chat), in
# the terminal's own words.
_TERMINAL_WORDS = {
    "session_closed": "session_closed_terminal",
    "session_closed_no_reminder": "session_closed_terminal",
}


class TerminalReply:
    """ReplyChannel for `lumen chat`: prints the answer as it streams."""

    def __init__(self) -> None:
        self._shown = 0

    async def typing(self) -> None:
        self._shown = 0
        print("mentor> ", end="", flush=True)

    async def partial(self, markdown: str) -> None:
        print(markdown[self._shown :], end="", flush=True)
        self._shown = len(markdown)

    async def final(
        self,
        markdown: str,
        *,
        offer_end: bool = False,
        skip: int = 0,
        on_part: PartDelivered | None = None,
    ) -> None:
        """The rest of the answer after what `partial` printed: one part, whatever its
        length, so `on_part` is never called and `skip` is 0 or everything."""
        if not skip:
            print(markdown[self._shown :], flush=True)
        self._shown = 0

    async def plain(self, text: str) -> None:
        print(f"lumen> {text}", flush=True)

    async def crisis(self, text: str, help_url: str, *, lang: str) -> None:
        await self.plain(f"{text}\n\n{help_url}")

    async def notice(self, key: str, **fields: Field) -> None:
        await self.plain(texts.text(_TERMINAL_WORDS.get(key, key), None, **fields))


class _TerminalNotifier:
    """Parting words after `/end` print like any other mentor message."""

    def __init__(self, reply: TerminalReply) -> None:
        self._reply = reply

    async def send(self, person: PersonKey, markdown: str) -> None:
        print(f"mentor> {markdown}", flush=True)

    async def notice(
        self, person: PersonKey, key: str, *, locale: str | None, **fields: Field
    ) -> None:
        await self._reply.notice(key, **fields)  # the terminal speaks English

    def channel(self, person: PersonKey, locale: str | None) -> TerminalReply:
        return self._reply


async def _chat(settings: Settings) -> None:
    from lumen_bot.app import open_core
    from lumen_bot.harness.tasks import cancel_and_wait

    reply = TerminalReply()
    typed = _TerminalInput()
    typed.start()
    async with open_core(settings, _TerminalNotifier(reply)) as core:
        await core.resume()
        # An answer the LLM could not give is tried again while the terminal is open
        # (and at the next start, by `resume`, if it is closed first).
        retries = asyncio.get_running_loop().create_task(
            _keep_retrying(core, settings.rhythm_tick_s), name="chat-retries"
        )
        try:
            await _converse(core, settings, reply, typed)
        finally:
            await cancel_and_wait(retries)


async def _keep_retrying(core: Core, every_s: float) -> None:
    while True:
        await asyncio.sleep(every_s)
        core.retry_answers()


async def _converse(
    core: Core, settings: Settings, reply: TerminalReply, typed: _TerminalInput
) -> None:
    """Read lines until /quit or the end of input. A failure while handling one line
    is told in our words (never the error's text) and the conversation goes on."""
    from lumen_bot.harness.clock import SystemClock
    from lumen_bot.harness.commands import read_as_message  # imports the screen: only here

    person = PersonKey("cli", "local")
    clock = SystemClock()
    print(texts.text("start"))
    print(f"{TERMINAL_COMMANDS}\n")
    while True:
        line = await typed.line()
        text = (line or "").strip()
        command, _, argument = text.partition(" ")
        if line is None or (command == "/quit" and not read_as_message(text)):
            break
        if not text:
            continue
        try:
            if not command.startswith("/") or read_as_message(text):
                await core.mentor.handle(Inbound(person, text, clock.now()), reply)
            elif command == "/end":
                await _end(core, settings, person, reply)
            elif command == "/country":
                await _set_country(core.mentor, person, argument, reply)
            else:
                print(TERMINAL_COMMANDS)
        except LumenError as exc:
            log.warning("chat_line_failed", error=type(exc).__name__)
            await reply.notice(exc.user_message)


async def _end(core: Core, settings: Settings, person: PersonKey, reply: TerminalReply) -> None:
    if await core.mentor.end(person, reply):
        found = await core.store.find_person(person)
        wait_s = settings.llm_timeout_s * 4  # the notebook, then the Arc
        settled = found is None or await core.closer.settle(found.id, wait_s, until_failure=True)
        if not settled:
            await reply.notice("closing_next_time")


async def _set_country(
    mentor: Mentor, person: PersonKey, argument: str, reply: TerminalReply
) -> None:
    """/country as in Telegram: the crisis lines shown are that country's."""
    from lumen_bot.harness.commands import country_code, country_shown

    code = country_code(argument)
    if code is None:
        await reply.notice("country_ask")
        return
    known = await mentor.set_country(person, code)
    if known is None:
        await reply.notice("country_unknown")
    else:
        await reply.notice("country_set", country=country_shown(known))


class _TerminalInput:
    """Lines typed at the terminal (or piped in), read with `os.read` on a daemon thread.

    Not `input()` on the loop's default executor: `asyncio.run` waits for that thread at
    exit, so Ctrl-C at the prompt would end the chat only after one more Enter. And not
    `sys.stdin` on a daemon thread: the lock it holds while waiting aborts the
    interpreter's shutdown. A raw read holds no lock of Python's.
    """

    def __init__(self, fd: int = 0) -> None:
        self._fd = fd
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=self._pump, args=(loop,), name="terminal-input", daemon=True
        ).start()

    async def line(self) -> str | None:
        """The next line, without its end; None once the input has ended."""
        print("you> ", end="", flush=True)
        return await self._lines.get()

    def _pump(self, loop: asyncio.AbstractEventLoop) -> None:
        # Ctrl-C belongs to the main thread: caught here, in the middle of a read, the
        # loop would hear of it only at its next timer, many seconds later.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pending = ""
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except OSError:
                chunk = b""
            pending += decoder.decode(chunk, final=not chunk)
            *lines, pending = pending.split("\n")
            ended = not chunk
            if ended and pending:
                lines.append(pending)
            for item in [*(line.removesuffix("\r") for line in lines), *([None] if ended else [])]:
                with contextlib.suppress(RuntimeError):  # the chat is over: nobody waits
                    loop.call_soon_threadsafe(self._lines.put_nowait, item)
            if ended:
                return


if __name__ == "__main__":
    sys.exit(main())
