"""Throwaway python-telegram-bot bot that exercises the e2e peers (fixture-only helper).

Run as a process with Lumen's environment (LUMEN_TELEGRAM_TOKEN, LUMEN_TELEGRAM_API_URL,
ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY). It sets its commands, answers /start in HTML,
streams an LLM answer to a text as drafts and sends it as MarkdownV2, downloads photos,
answers in groups, and edits a message when its inline button is pressed.
"""

from __future__ import annotations

import logging
import os

import telegramify_markdown
from anthropic import AsyncAnthropic
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

log = logging.getLogger("echo_bot")


class EchoBot:
    """Handlers as bound methods, so the LLM client is passed in, not global."""

    def __init__(self, llm: AsyncAnthropic) -> None:
        self.llm = llm

    async def post_init(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB generics
        await app.bot.set_my_commands(
            [BotCommand("start", "Say hello"), BotCommand("menu", "A button")]
        )
        log.info("echo_bot_ready")

    async def start(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "<b>Hello</b>, I echo &lt;everything&gt;.", parse_mode=ParseMode.HTML
        )

    async def menu(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Press", callback_data="pressed")]])
        await update.effective_message.reply_text("Menu", reply_markup=keyboard)

    async def pressed(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("ok")
        await query.edit_message_text(f"Pressed ({query.chat_instance})")

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        assert message.text is not None
        await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
        parts: list[str] = []
        async with self.llm.messages.stream(
            model="claude-test",
            max_tokens=512,
            system="You are an echo bot.\nTASK: MENTOR_TURN",
            messages=[{"role": "user", "content": message.text}],
        ) as stream:
            async for piece in stream.text_stream:
                parts.append(piece)
                if len(parts) % 10 == 1:
                    await context.bot.send_message_draft(
                        message.chat_id, draft_id=message.message_id, text="".join(parts)
                    )
        reply = telegramify_markdown.markdownify("".join(parts))
        await message.reply_text(reply, parse_mode=ParseMode.MARKDOWN_V2)

    async def photo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        largest = message.photo[-1]
        data = await (await context.bot.get_file(largest.file_id)).download_as_bytearray()
        await message.reply_text(f"photo {largest.width}x{largest.height}, {len(data)} bytes")

    async def group(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await message.reply_text(f"group {message.chat.type}: {message.text}")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    api_url = os.environ["LUMEN_TELEGRAM_API_URL"]
    bot = EchoBot(AsyncAnthropic(max_retries=0))  # reads ANTHROPIC_BASE_URL and _API_KEY
    app = (
        Application.builder()
        .token(os.environ["LUMEN_TELEGRAM_TOKEN"])
        .base_url(f"{api_url}/bot")
        .base_file_url(f"{api_url}/file/bot")
        .post_init(bot.post_init)
        .build()
    )
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("start", bot.start))
    app.add_handler(CommandHandler("menu", bot.menu))
    app.add_handler(CallbackQueryHandler(bot.pressed))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.TEXT, bot.group))
    app.add_handler(MessageHandler(private & filters.PHOTO, bot.photo))
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, bot.text))
    app.run_polling(poll_interval=0.0, timeout=10)
    log.info("echo_bot_stopped")


if __name__ == "__main__":
    main()
