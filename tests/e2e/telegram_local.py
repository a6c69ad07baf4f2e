"""Bot API methods the emulator lacks, answered by the proxy and recorded in BotRecords."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from .telegram_markup import render
from .telegram_records import JSON, BotRecords, ChatAction, Draft
from .telegram_wire import bad_request, chat_of

Handler = Callable[[BotRecords, JSON], Awaitable[Any]]

# Methods that only answer True; their calls are in BotRecords.calls.
TRUE_METHODS = frozenset(
    [
        "setMyDescription",
        "setMyShortDescription",
        "setMyName",
        "setChatMenuButton",
        "setMessageReaction",
        "leaveChat",
        "pinChatMessage",
        "unpinChatMessage",
        "close",
        "logOut",
    ]
)
_CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)


async def send_chat_action(rec: BotRecords, params: JSON) -> bool:
    chat = chat_of(rec, params.get("chat_id"))
    if params.get("action") not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    rec.chat_actions.append(ChatAction(chat["id"], str(params["action"])))
    return True


async def send_message_draft(rec: BotRecords, params: JSON) -> bool:
    chat = chat_of(rec, params.get("chat_id"))
    if chat.get("type") != "private":
        raise bad_request("message drafts can be sent only to private chats")
    draft_id = int(params.get("draft_id") or 0)
    if draft_id == 0:
        raise bad_request("draft_id must be non-zero")
    text, entities = render(
        params.get("text"), params.get("parse_mode"), params.get("entities"), allow_empty=True
    )
    rec.drafts.append(Draft(chat["id"], draft_id, text, tuple(entities)))
    return True


def _command_key(params: JSON) -> tuple[str, str]:
    scope = params.get("scope")
    scope_type = scope.get("type", "default") if isinstance(scope, dict) else "default"
    return scope_type, str(params.get("language_code") or "")


async def set_my_commands(rec: BotRecords, params: JSON) -> bool:
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be a list of at most 100 BotCommand")
    for command in commands:
        name, description = str(command.get("command", "")), str(command.get("description", ""))
        if not (1 <= len(name) <= 32 and name.replace("_", "").isalnum() and name.islower()):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    rec.commands[_command_key(params)] = [dict(c) for c in commands]
    return True


async def get_my_commands(rec: BotRecords, params: JSON) -> list[JSON]:
    return rec.commands.get(_command_key(params), [])


async def delete_my_commands(rec: BotRecords, params: JSON) -> bool:
    rec.commands.pop(_command_key(params), None)
    return True


async def get_chat(rec: BotRecords, params: JSON) -> JSON:
    chat = chat_of(rec, params.get("chat_id"))
    return {**chat, "accent_color_id": 0, "max_reaction_count": 11}


async def get_webhook_info(rec: BotRecords, _params: JSON) -> JSON:
    count = len(rec.pending_updates(0))
    return {"url": "", "has_custom_certificate": False, "pending_update_count": count}


HANDLERS: dict[str, Handler] = {
    "sendChatAction": send_chat_action,
    "sendMessageDraft": send_message_draft,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "getChat": get_chat,
    "getWebhookInfo": get_webhook_info,
}
