"""Lumen's own words in English: every message; the other languages fall back to it."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "start": (
        "Hello, I'm Lumen 🌱\n\n"
        "I'm an AI mentor for reflection and growth. We talk in sessions: you bring "
        "what's on your mind, I listen, ask, and help you see your next step. "
        "I'm not a therapist and not an emergency service; if you are ever in danger, "
        "please call your local emergency number.\n\n"
        "Your words are encrypted under a key that belongs to you alone. They are never "
        "used to train any model, and they are yours to export and delete.\n\n"
        "When a session feels complete, send /end: I'll write my notes on it, so next "
        "time we start where we left off. Sessions work best a few days apart.\n\n"
        "So — what's on your mind today?"
    ),
    "help": (
        "Just write to me — that's the whole interface.\n\n"
        "/end — close this session; I write my notes and say goodbye\n"
        "/report — tell the Lumen team something I said was wrong (reply to my message)\n"
        "/remind — how and when I remind you of our next session\n"
        "/timezone — your time zone, so reminders come at your time\n"
        "/pause, /resume — stop all reminders, and turn them back on\n"
        "/country — where you are, so crisis lines fit\n"
        "/memory — what I remember about you; tell me where it's not right\n"
        "/export — your whole history as a file; /import brings it back\n"
        "/forget — delete everything I hold about you, for good\n"
        "/retention — how long transcripts of past sessions are kept\n"
        "/insights — count your sessions in anonymous statistics, or not\n"
        "/privacy — how your words are kept\n"
        "/cancel — leave a question I asked you\n"
        "/start — what Lumen is\n"
        "/help — this list"
    ),
    "privacy": (
        "Everything you write here is encrypted at rest with a key that belongs to you "
        "alone. It is used only to mentor you: never to train any model, never sold, never "
        "shared. The mentor's replies are written by Anthropic's Claude, which receives "
        "the conversation to answer it and does not train on it.\n\n"
        "Your history is yours: /memory shows what I remember about you (and lets you "
        "correct it), /export gives you a copy, /import brings one back, and /forget "
        "deletes everything for good — your key is destroyed, so nothing can be read "
        "again. /retention sets how long past conversations are kept word for word."
    ),
    "private_only": (
        "Hi! I only work in private chats, so I won't read or keep anything here. "
        "Open a private chat with me to talk."
    ),
    "text_only": (
        "Thank you for sending that. For now I can only read text — could you tell me "
        "in words what you'd like to share? If you're not safe right now, please call "
        "your local emergency number."
    ),
    "caption_only": (
        "I can't see attachments yet, only words — so I'll answer what you wrote with it."
    ),
    "talk_now_button": "📞 Talk to someone now",
    "end_button": "End session",
    "safe_now_button": "I'm safe for now",
    "safe_now": (
        "Thank you for telling me. I'm glad you're safe right now. The numbers above are "
        "there whenever you need them. When you feel like it, we can pick up again — "
        "just write. No rush."
    ),
    "blocked": (
        "Lumen is not available to you for a while. If you are in danger, please call "
        "your local emergency number."
    ),
    "report_reason": "Thank you for telling me. What was wrong with it?",
    "report_thanks": (
        "Thank you. A person on the Lumen team will look at this. Your report helps "
        "make Lumen safer."
    ),
    "report_already": "This report is already with the team — thank you.",
    "report_harmful": "Harmful",
    "report_wrong": "Wrong or misleading",
    "report_inappropriate": "Inappropriate",
    "report_privacy": "Privacy",
    "report_other": "Something else",
    "country_set": "Thank you — I'll show crisis lines for {country} when they're needed.",
    "country_ask": (
        "Which country are you in? Send /country followed by its name or two-letter "
        "code, for example /country Brasil, /country GB or /country Deutschland."
    ),
    "country_unknown": (
        "I don't know crisis lines for that code yet. I'll show the international list "
        "(findahelpline.com) and your local emergency number instead."
    ),
    "mentor_unavailable": (
        "I can't reach my thoughts right now. I've kept your message and will answer it "
        "as soon as I can — there's no need to send it again."
    ),
    "lost_thread": (
        "I'm sorry — I was away, and I lost the thread of what you wrote before. "
        "Could you tell me again, or go on from where you are now?"
    ),
    "slow_down": (
        "You're writing faster than I can think 🙂 I've kept every word — "
        "give me a moment, and I'll answer them together with your next message."
    ),
    "daily_limit": (
        "We've talked a lot today, and I've reached my limit for the day. Everything "
        "you wrote is kept; I'll answer it when you write again tomorrow."
    ),
    "long_message": (
        "That's a long message — I've kept all of it. I'll respond to the first part; "
        "feel free to send the rest in smaller pieces."
    ),
    "mentor_busy": (
        "I need a moment. I've kept your message and will answer it as soon as I can — "
        "there's no need to send it again."
    ),
    "words_lost": (
        "Sorry, I lost my words halfway. I've kept your message and will answer it as "
        "soon as I can — there's no need to send it again."
    ),
    "something_went_wrong": "Something went wrong on my side — please try again in a moment.",
    "message_unreadable": (
        "I'm sorry — something you wrote to me was damaged where I keep it, and I can't "
        "read it back, so I haven't answered it. It's a fault on my side, not anything "
        "you did. If it mattered, could you send it again?"
    ),
    "record_unreadable": (
        "I'm sorry — part of what I keep for you can't be opened right now, so I can't "
        "answer. It's a fault on my side, not anything you did, and it is logged for the "
        "people who run me."
    ),
    "session_closing": "Thank you for this session. Let me write my notes… 📝",
    "session_closed": (
        "This session is closed. A good time for our next one: {when}. I'll send you "
        "one gentle reminder then — /remind changes that."
    ),
    "session_closed_no_reminder": (
        "This session is closed. A good time for our next one: {when} — write whenever "
        "you're ready. /remind if you'd like a reminder."
    ),
    "session_closed_plain": (
        "This session is closed. Whenever you write again, a new one begins — "
        "a few days' space often helps things settle."
    ),
    "session_closed_terminal": (
        "This session is closed. A good time for our next one: {when} — start lumen chat "
        "again whenever you're ready."
    ),
    "new_session_after_idle": (
        "Our last conversation went quiet, so I closed that session and kept my notes. "
        "This is a new session — what's on your mind today?"
    ),
    "reminder": (
        "Hi, it's Lumen 🌱 If you'd like a session, I'm here — just write whenever it suits you."
    ),
    "reminder_thread": (
        "Hi, it's Lumen 🌱 If you'd like a session, I'm here — just write whenever "
        "it suits you.\n\nLast time, this was still open: {thread}"
    ),
    "reminder_last": (
        "Hi, it's Lumen 🌱 If you'd like a session, I'm here — just write whenever "
        "it suits you.\n\nI won't send more reminders until you come back; /remind "
        "changes how I remind you."
    ),
    "reminder_last_thread": (
        "Hi, it's Lumen 🌱 If you'd like a session, I'm here — just write whenever "
        "it suits you.\n\nLast time, this was still open: {thread}\n\nI won't send "
        "more reminders until you come back; /remind changes how I remind you."
    ),
    "no_session_to_end": "There's no open session right now. Write to me whenever you like.",
    "closing_delayed": (
        "Writing my notes is taking longer than it should. I'll keep trying and send "
        "my parting words when they're ready."
    ),
    "closing_next_time": (
        "I couldn't finish my notes just now. I'll finish them, with my parting words, "
        "the next time you open this chat."
    ),
    "end_button_stale": (
        "That button belongs to an earlier session, so I left this one open. "
        "Send /end when you'd like to close it."
    ),
    # /remind: the menu's lines, then its buttons
    "rhythm_few_days": "🔔 I remind you every few days, {at}.",
    "rhythm_weekly": "🔔 I remind you once a week, {at}.",
    "rhythm_on_request": "🔔 I remind you only when you ask: “Remind me once” plans one, {at}.",
    "rhythm_off": "🔕 Reminders are off — write whenever you like.",
    "rhythm_at": "around {time} ({zone})",
    "when_around": "{day}, around {time}",
    "when_utc": "{when} UTC (/timezone shows times in yours)",
    "rhythm_at_usual": "around the time of day your last session began ({zone})",
    "rhythm_quiet": (
        "{time} falls in my quiet hours ({start} to {end}), so a reminder waits until {end}."
    ),
    "rhythm_next": "Next reminder: {when}.",
    "rhythm_next_later": "I'll plan the next reminder when a session closes.",
    "rhythm_paused": "Reminders are paused — /resume turns them back on.",
    "rhythm_utc": "Times are in UTC until you set your time zone with /timezone.",
    "rhythm_mention": "A reminder may name what we left open (lock screens show previews).",
    "rhythm_generic": "Reminders stay generic: they never name what we talked about.",
    "rhythm_choose": "Change it below, or send a time of day: /remind 9:30 or /remind 7pm.",
    "rhythm_saved": "Saved — /remind shows your reminders.",
    "remind_time_unknown": (
        "I didn't catch a time of day there. Try /remind 9:30, /remind 19:00 or /remind 7pm."
    ),
    "button_few_days": "Every few days",
    "button_weekly": "Weekly",
    "button_on_request": "Only when I ask",
    "button_off": "Off",
    "button_usual_time": "When I usually start",
    "button_remind_once": "Remind me once",
    "button_generic": "Keep reminders generic",
    "button_mention": "Reminders may name our thread",
    # /timezone and a shared location
    "timezone_ask": (
        "Your times are in {zone} now. To change that, send /timezone and a city near "
        "you — for example /timezone Berlin or /timezone America/New_York — or share a "
        "location (📎 → Location). I keep only the time zone, never the place."
    ),
    "timezone_set": "Done — your time zone is {zone}; it's {time} there now.",
    "timezone_from_location": (
        "Thank you — your time zone is {zone}; it's {time} there now. I kept only the "
        "time zone, not the place."
    ),
    "timezone_unknown": (
        "I couldn't find a time zone by that name. Try a big city near you "
        "(/timezone Berlin), a zone name (/timezone Europe/Berlin), or share a location."
    ),
    "timezone_location_unknown": (
        "I couldn't tell the time zone of that place. Could you send /timezone and a city near you?"
    ),
    # /pause and /resume
    "reminders_paused": (
        "Reminders paused — I won't send any until you send /resume. You can still "
        "write to me whenever you like."
    ),
    "reminders_resumed_next": "Reminders are back on. The next one: {when}.",
    "reminders_resumed_later": (
        "Reminders are back on. I'll plan the next one when a session closes."
    ),
    "reminders_resumed_ask": (
        "Reminders are back on — though you chose to be reminded only when you ask. "
        "/remind changes that."
    ),
    "reminders_resumed_off": (
        "Reminders are back on — though you turned them off. /remind changes that."
    ),
    # -- forget, retention, insights --
    "forget_ask": (
        "This deletes everything I hold about you: every session's transcript, my "
        "notebooks, the Arc, your reminders and your settings.\n\n"
        "It is final. The key that unlocks your words is destroyed, so nothing can be "
        "read again — not by me, not by the Lumen team, not from an old copy of the "
        "database.\n\n"
        "If the team is reviewing something you reported, or a moment of crisis, they "
        "keep only that it happened and when — never what was said.\n\n"
        "Would you like a copy first?"
    ),
    "forget_button_export": "Export my data first",
    "forget_button_confirm": "Delete everything",
    "forget_button_cancel": "Cancel",
    "forget_working": "Deleting everything…",
    "forget_done": (
        "Done. Everything you told me is deleted and can't be recovered. If you write "
        "again, we start fresh — I won't remember you."
    ),
    "forget_cancelled": "Nothing was deleted. Everything stays as it was.",
    "forget_nothing": "I hold nothing about you right now, so there is nothing to delete.",
    "forget_stale": (
        "That button has expired, so nothing was deleted. Send /forget again if you'd "
        "like to delete your data."
    ),
    "retention_kept": (
        "Word-for-word transcripts of our past sessions are kept until you delete them (/forget)."
    ),
    "retention_days": (
        "Word-for-word transcripts of our past sessions are deleted {days} days after "
        "a session closes."
    ),
    "retention_global": (
        "(Lumen deletes them after {days} days for everyone; the shorter time applies.)"
    ),
    "retention_about": (
        "My notebooks and the Arc stay either way: they are how I remember you. Choose below."
    ),
    "retention_button_off": "Keep them",
    "retention_button_days": "{days} days",
    "insights_on": (
        "Your sessions are counted in Lumen's anonymous statistics: only numbers such as "
        "how long sessions last and how far apart they are — never what you said, never "
        "who you are, and never a group smaller than five people's sessions."
    ),
    "insights_off": (
        "Your sessions are left out of Lumen's anonymous statistics: they are in no count at all."
    ),
    "insights_button_on": "Count my sessions",
    "insights_button_off": "Leave me out",
    # -- /memory: reading the Arc and notebooks, and correcting the Arc --
    "memory_intro": (
        "This is what I hold about you: the Arc, my long-term understanding of you, "
        "which I read at the start of every session. It's your story — if a part of it "
        "isn't right, tap the button under it and tell me."
    ),
    "memory_no_arc": (
        "I don't hold an Arc about you yet. I write one when our first session closes "
        "(/end); then it's here for you to read and correct."
    ),
    "memory_notebooks": "My notebooks, one for each session we closed — tap one to read it:",
    "memory_no_notebooks": "I haven't written any session notebooks yet.",
    "memory_notebook_button": "Session {number} · {date}",
    "memory_notebook_title": "My notebook for session {number} ({date}):",
    "memory_notebook_missing": "I can't find that notebook — /memory shows the ones I have.",
    "memory_fix_button": "That's not right",
    "memory_ask": (
        "What isn't right about “{section}”? Tell me in your own words — your next "
        "message is your correction, and your account of yourself wins. /cancel leaves "
        "it as it is."
    ),
    "memory_ask_opening": (
        "What isn't right in that part? Tell me in your own words — your next message is "
        "your correction, and your account of yourself wins. /cancel leaves it as it is."
    ),
    "memory_stale": (
        "My notes about you have changed since that message. Send /memory to see them as "
        "they are now."
    ),
    "memory_busy": (
        "I'm still writing your last correction into my notes — give me a moment, then try again."
    ),
    "memory_blocked": (
        "Lumen is not available to you for a while, so I can't change my notes now. If "
        "you are in danger, please call your local emergency number."
    ),
    "memory_correction_received": "Thank you for setting me straight. Let me rewrite that… 📝",
    "memory_corrected": "Here is how it reads now (/memory shows all of it):",
    "memory_correction_delayed": (
        "I've kept your correction, but I can't rewrite my notes just now. I'll keep "
        "trying and show you when it's done."
    ),
    "memory_correction_refused": (
        "I couldn't rewrite that in a way I'm comfortable with, so my notes stay as they "
        "were, and someone on the Lumen team will look at it. You're welcome to try "
        "again in other words."
    ),
    "memory_cancelled": "All right — I've left it as it was.",
    "nothing_to_cancel": "There's nothing to cancel right now.",
    "cancelled": "All right — I've left those questions as they were.",
    # -- export and import --
    "export_menu": (
        "Your whole history — every session, my notebooks and the Arc — as one file: "
        "notes you can read, and a copy you can bring back with /import.\n\n"
        "With a passphrase, the file is encrypted. Nobody can open it without that "
        "passphrase — and if it is lost, it cannot be recovered, not even by the Lumen team."
    ),
    "export_button": "Export",
    "export_passphrase_button": "Export with a passphrase",
    "export_nothing": "I don't hold anything of yours yet, so there's nothing to export.",
    "export_ready": (
        "Here is your history: {sessions} session(s). Keep it somewhere safe — anyone "
        "with this file can read it."
    ),
    "export_ready_protected": (
        "Here is your history: {sessions} session(s), encrypted with your passphrase. "
        "Keep the passphrase safe: without it nobody can open this file, and it cannot "
        "be recovered."
    ),
    "export_too_large": (
        "Your export is larger than Telegram lets me send. Please ask the Lumen team for it."
    ),
    "passphrase_ask": (
        "Send me a passphrase of at least 10 characters — a few words you'll remember "
        "work well. I'll delete your message at once and never keep it.\n\n"
        "If you lose the passphrase, nobody can open the file: it cannot be recovered. "
        "/cancel stops."
    ),
    "passphrase_placeholder": "Your passphrase",
    "passphrase_too_short": (
        "That's shorter than 10 characters, so I deleted it. Please send a longer "
        "passphrase, or /cancel."
    ),
    "passphrase_expired": (
        "That passphrase request has expired, so I deleted your message and did nothing "
        "with it. Send /export or /import to start again."
    ),
    "passphrase_not_deleted": (
        "I couldn't delete your passphrase message — please delete it yourself."
    ),
    "import_ask": (
        "Send me your export file (lumen-export-….zip) here, and I'll bring your history back."
    ),
    "import_passphrase_ask": (
        "This export is protected. Send me its passphrase — I'll delete your message at "
        "once and never keep it. /cancel stops."
    ),
    "import_done": (
        "Welcome back — I restored {sessions} session(s), with my notebooks and the Arc. "
        "We can go on where we left off."
    ),
    "import_unreadable": (
        "That file isn't a Lumen export I can read, so I imported nothing. Please send "
        "the file /export gave you, unchanged."
    ),
    "import_too_large": "That file is larger than any Lumen export can be, so I didn't open it.",
    "import_tampered": (
        "That export was changed or damaged after it was made, so I can't trust it and "
        "imported nothing."
    ),
    "import_foreign": (
        "That export was made by another Lumen, whose seal I can't check, so I imported "
        "nothing. An export can come back to the Lumen that made it (or one that shares "
        "its keys)."
    ),
    "import_not_yours": "That export belongs to someone else, so I imported nothing.",
    "import_passphrase_needed": (
        "That export is protected by a passphrase. Send the file again and I'll ask for it."
    ),
    "import_wrong_passphrase": (
        "That passphrase doesn't open the export, so I imported nothing. Send the file "
        "again to try once more."
    ),
    "import_wrong_passphrase_retry": (
        "That passphrase doesn't open the export (I deleted it). Try again, or /cancel."
    ),
    "import_history_exists": (
        "You already have a history here, and an import never mixes two. To bring this "
        "one back, /forget first, then send the file again."
    ),
    "import_download_failed": "I couldn't fetch that file from Telegram. Please send it again.",
    "portability_cancelled": "Stopped — nothing was exported or imported.",
    # -- the readable files of an export (Markdown; file names stay as they are) --
    "export_readme": (
        "# Your Lumen export\n\n"
        "This is everything Lumen holds about you, as of {created}.\n\n"
        "- `sessions/` — one file per session: what you and Lumen said, in order, and the\n"
        "  notebook Lumen wrote when the session closed.\n"
        "- `arc.md` — the Arc: Lumen's long-term understanding of you, as it stands now.\n"
        "- `lumen-export.json` — the same history, complete, for a computer to read.\n"
        "- `manifest.json` — a fingerprint of every file and a seal, so Lumen can tell "
        "whether\n  anything in the export was changed. A changed export cannot be "
        "imported.\n\n"
        "To bring your history back, send Lumen this export as it came, the whole .zip "
        "file,\nwith /import.\n\n"
        "Times are shown in {zone}.\n"
    ),
    "export_readme_protected": (
        "\nThis export was protected with a passphrase you chose. Keep that passphrase "
        "safe:\nnobody, not even Lumen's operators, can recover it or open the file "
        "without it.\n"
    ),
    "export_arc": "The Arc",
    "export_arc_none": "No Arc yet: Lumen writes it when a session closes.",
    "export_arc_version": "Version {version}, written {written}.",
    "export_session": "Session {number}",
    "export_session_began": "Began {began}.",
    "export_session_closed": "Began {began}, closed {closed}.",
    "export_conversation": "Conversation",
    "export_no_messages": "No messages.",
    "export_notebook": "Lumen's notebook",
    "export_no_notebook": "No notebook for this session.",
    "export_you": "You",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (crisis resources)",
    "export_lumen_offer": "Lumen (support offered)",
}
