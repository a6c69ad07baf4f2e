"""Lumen's own words in German (de).

Register: informal (du), as the German crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Jetzt mit jemandem sprechen",
    "safe_now_button": "Ich bin gerade in Sicherheit",
    "safe_now": (
        "Danke, dass du es mir sagst. Ich bin froh, dass du gerade in Sicherheit bist. Die "
        "Nummern oben sind da, wann immer du sie brauchst. Wenn dir danach ist, machen wir "
        "weiter – schreib einfach. Keine Eile."
    ),
    "blocked": (
        "Lumen steht dir eine Weile nicht zur Verfügung. Wenn du in Gefahr bist, ruf bitte die "
        "örtliche Notrufnummer an."
    ),
    "text_only": (
        "Danke, dass du mir das geschickt hast. Im Moment kann ich nur Text lesen – kannst du "
        "mir in Worten schreiben, was du teilen möchtest? Wenn du gerade nicht in Sicherheit "
        "bist, ruf bitte die örtliche Notrufnummer an."
    ),
    "end_button": "Sitzung beenden",
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Ich komme gerade nicht an meine Gedanken heran. Ich habe deine Nachricht gespeichert "
        "und antworte, sobald ich kann – du musst sie nicht noch einmal schicken."
    ),
    "mentor_busy": (
        "Ich brauche einen Moment. Ich habe deine Nachricht gespeichert und antworte, sobald ich "
        "kann – du musst sie nicht noch einmal schicken."
    ),
    "words_lost": (
        "Entschuldige, mir sind mittendrin die Worte abhandengekommen. Ich habe deine Nachricht "
        "gespeichert und antworte, sobald ich kann – du musst sie nicht noch einmal schicken."
    ),
    "slow_down": (
        "Du schreibst schneller, als ich denken kann 🙂 Ich habe jedes Wort behalten – gib mir "
        "einen Moment, dann antworte ich auf alles zusammen mit deiner nächsten Nachricht."
    ),
    "daily_limit": (
        "Wir haben heute viel gesprochen, und ich bin für heute an meiner Grenze angekommen. "
        "Alles, was du geschrieben hast, ist gespeichert; ich antworte darauf, wenn du mir "
        "morgen wieder schreibst."
    ),
    "long_message": (
        "Das ist eine lange Nachricht – ich habe sie vollständig gespeichert. Ich antworte auf "
        "den ersten Teil; schick den Rest gern in kleineren Stücken."
    ),
    "lost_thread": (
        "Es tut mir leid – ich war weg und habe den Faden zu dem verloren, was du vorher "
        "geschrieben hast. Magst du es mir noch einmal erzählen oder einfach da weitermachen, wo "
        "du jetzt bist?"
    ),
    "something_went_wrong": (
        "Bei mir ist etwas schiefgelaufen – versuch es bitte gleich noch einmal."
    ),
    "caption_only": (
        "Anhänge kann ich noch nicht sehen, nur Worte – ich antworte also auf das, was du dazu "
        "geschrieben hast."
    ),
    "private_only": (
        "Hallo! Ich funktioniere nur in privaten Chats, deshalb lese und speichere ich hier "
        "nichts. Öffne einen privaten Chat mit mir, um zu reden."
    ),
    "message_unreadable": (
        "Es tut mir leid – etwas, das du mir geschrieben hast, ist dort, wo ich es aufbewahre, "
        "beschädigt worden, und ich kann es nicht mehr lesen, deshalb habe ich nicht darauf "
        "geantwortet. Der Fehler liegt bei mir, nicht bei dir. Wenn es wichtig war, magst du es "
        "noch einmal schicken?"
    ),
    "record_unreadable": (
        "Es tut mir leid – ein Teil dessen, was ich für dich aufbewahre, lässt sich gerade nicht "
        "öffnen, deshalb kann ich nicht antworten. Der Fehler liegt bei mir, nicht bei dir, und "
        "er ist für die Menschen vermerkt, die sich um mich kümmern."
    ),
    "no_session_to_end": "Gerade ist keine Sitzung offen. Schreib mir, wann immer du magst.",
    "session_closing": "Danke für diese Sitzung. Lass mich meine Notizen schreiben… 📝",
    "new_session_after_idle": (
        "Unser letztes Gespräch war eingeschlafen, deshalb habe ich die Sitzung beendet und "
        "meine Notizen aufbewahrt. Das ist eine neue Sitzung – was beschäftigt dich heute?"
    ),
    "report_reason": "Danke, dass du es mir sagst. Was war daran nicht in Ordnung?",
    "report_thanks": (
        "Danke. Ein Mensch aus dem Lumen-Team schaut sich das an. Deine Meldung hilft, Lumen "
        "sicherer zu machen."
    ),
    "report_already": "Diese Meldung liegt dem Team schon vor – danke.",
    "report_harmful": "Schädlich",
    "report_wrong": "Falsch oder irreführend",
    "report_inappropriate": "Unangemessen",
    "report_privacy": "Privatsphäre",
    "report_other": "Etwas anderes",
    "end_button_stale": (
        "Dieser Button gehört zu einer früheren Sitzung, deshalb habe ich diese hier offen "
        "gelassen. Schick /end, wenn du sie beenden möchtest."
    ),
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Hallo, ich bin Lumen 🌱\n"
        "\n"
        "Ich bin ein KI-Mentor für Reflexion und Wachstum. Wir sprechen in Sitzungen: Du bringst "
        "mit, was dich beschäftigt, ich höre zu, frage nach und helfe dir, deinen nächsten "
        "Schritt zu sehen. Ich bin kein Therapeut und kein Notfalldienst; falls du einmal in "
        "Gefahr bist, ruf bitte die örtliche Notrufnummer an.\n"
        "\n"
        "Deine Worte werden mit einem Schlüssel verschlüsselt, der nur dir gehört. Sie werden "
        "nie zum Training irgendeines Modells verwendet, und sie gehören dir: Du kannst sie "
        "exportieren und löschen.\n"
        "\n"
        "Wenn sich eine Sitzung abgeschlossen anfühlt, schick /end: Ich schreibe meine Notizen "
        "dazu, damit wir beim nächsten Mal dort anfangen, wo wir aufgehört haben. Sitzungen "
        "wirken am besten, wenn ein paar Tage dazwischen liegen.\n"
        "\n"
        "Also – was beschäftigt dich heute?"
    ),
    "help": (
        "Schreib mir einfach – das ist schon die ganze Bedienung.\n"
        "\n"
        "/end — diese Sitzung beenden; ich schreibe meine Notizen und verabschiede mich\n"
        "/report — dem Lumen-Team melden, dass etwas, das ich gesagt habe, falsch war (als "
        "Antwort auf meine Nachricht)\n"
        "/remind — wie und wann ich dich an unsere nächste Sitzung erinnere\n"
        "/timezone — deine Zeitzone, damit Erinnerungen zu deiner Zeit kommen\n"
        "/pause, /resume — alle Erinnerungen anhalten und wieder einschalten\n"
        "/country — wo du bist, damit die Hilfetelefone passen\n"
        "/memory — was ich mir über dich gemerkt habe; sag mir, wo es nicht stimmt\n"
        "/export — dein ganzer Verlauf als Datei; /import holt ihn zurück\n"
        "/forget — alles, was ich über dich gespeichert habe, endgültig löschen\n"
        "/retention — wie lange Transkripte früherer Sitzungen aufbewahrt werden\n"
        "/insights — deine Sitzungen in anonymen Statistiken mitzählen, oder nicht\n"
        "/privacy — wie deine Worte aufbewahrt werden\n"
        "/cancel — eine Frage von mir beiseitelassen\n"
        "/start — was Lumen ist\n"
        "/help — diese Liste"
    ),
    "privacy": (
        "Alles, was du hier schreibst, wird verschlüsselt gespeichert, mit einem Schlüssel, der "
        "nur dir gehört. Es wird nur für dein Mentoring verwendet: nie zum Training irgendeines "
        "Modells, nie verkauft, nie weitergegeben. Die Antworten des Mentors schreibt Claude von "
        "Anthropic; Claude erhält das Gespräch, um darauf zu antworten, und wird nicht damit "
        "trainiert.\n"
        "\n"
        "Dein Verlauf gehört dir: /memory zeigt, was ich mir über dich gemerkt habe (und du "
        "kannst es korrigieren), /export gibt dir eine Kopie, /import holt eine zurück, und "
        "/forget löscht alles endgültig – dein Schlüssel wird vernichtet, sodass nichts mehr "
        "gelesen werden kann. /retention legt fest, wie lange frühere Gespräche Wort für Wort "
        "aufbewahrt werden."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Danke – ich habe dein Land eingetragen: {country}. Wenn es nötig ist, zeige ich dir die "
        "Hilfetelefone dort."
    ),
    "country_ask": (
        "In welchem Land bist du? Schick /country und dahinter den Namen des Landes oder seinen "
        "Code aus zwei Buchstaben, zum Beispiel /country Brasil, /country GB oder /country "
        "Deutschland."
    ),
    "country_unknown": (
        "Für diesen Code kenne ich noch keine Hilfetelefone. Stattdessen zeige ich dir die "
        "internationale Liste (findahelpline.com) und die örtliche Notrufnummer."
    ),
    "closing_delayed": (
        "Meine Notizen zu schreiben dauert länger, als es sollte. Ich versuche es weiter und "
        "schicke dir meine Abschiedsworte, sobald sie fertig sind."
    ),
    "closing_next_time": (
        "Ich konnte meine Notizen gerade nicht fertig schreiben. Ich schreibe sie zu Ende, "
        "zusammen mit meinen Abschiedsworten, wenn du diesen Chat das nächste Mal öffnest."
    ),
    "session_closed_plain": (
        "Diese Sitzung ist beendet. Wann immer du wieder schreibst, beginnt eine neue – ein paar "
        "Tage Abstand helfen oft, dass sich die Dinge setzen."
    ),
    "reminder": (
        "Hallo, hier ist Lumen 🌱 Wenn du Lust auf eine Sitzung hast, bin ich da – schreib "
        "einfach, wann immer es dir passt."
    ),
    "reminder_thread": (
        "Hallo, hier ist Lumen 🌱 Wenn du Lust auf eine Sitzung hast, bin ich da – schreib "
        "einfach, wann immer es dir passt.\n"
        "\n"
        "Letztes Mal war das noch offen: {thread}"
    ),
    "reminder_last": (
        "Hallo, hier ist Lumen 🌱 Wenn du Lust auf eine Sitzung hast, bin ich da – schreib "
        "einfach, wann immer es dir passt.\n"
        "\n"
        "Ich schicke dir keine weiteren Erinnerungen, bis du zurückkommst; mit /remind änderst "
        "du, wie ich dich erinnere."
    ),
    "reminder_last_thread": (
        "Hallo, hier ist Lumen 🌱 Wenn du Lust auf eine Sitzung hast, bin ich da – schreib "
        "einfach, wann immer es dir passt.\n"
        "\n"
        "Letztes Mal war das noch offen: {thread}\n"
        "\n"
        "Ich schicke dir keine weiteren Erinnerungen, bis du zurückkommst; mit /remind änderst "
        "du, wie ich dich erinnere."
    ),
    "nothing_to_cancel": "Gerade gibt es nichts abzubrechen.",
    "cancelled": "In Ordnung – ich habe diese Fragen so gelassen, wie sie waren.",
    "session_closed": (
        "Diese Sitzung ist beendet. Ein guter Zeitpunkt für die nächste: {when}. Dann schicke "
        "ich dir eine sanfte Erinnerung – mit /remind änderst du das."
    ),
    "session_closed_no_reminder": (
        "Diese Sitzung ist beendet. Ein guter Zeitpunkt für die nächste: {when} – schreib, wann "
        "immer du bereit bist. /remind, wenn du eine Erinnerung möchtest."
    ),
    "when_around": "{day}, gegen {time}",
    "when_utc": "{when} UTC (/timezone zeigt die Zeiten in deiner Zeitzone)",
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Ich erinnere dich alle paar Tage, {at}.",
    "rhythm_weekly": "🔔 Ich erinnere dich einmal pro Woche, {at}.",
    "rhythm_on_request": (
        "🔔 Ich erinnere dich nur, wenn du darum bittest: „Einmal erinnern“ plant eine "
        "Erinnerung ein, {at}."
    ),
    "rhythm_off": "🔕 Erinnerungen sind aus – schreib mir, wann immer du magst.",
    "rhythm_at": "gegen {time} ({zone})",
    "rhythm_at_usual": ("etwa zu der Uhrzeit, zu der deine letzte Sitzung begonnen hat ({zone})"),
    "rhythm_quiet": (
        "{time} liegt in meiner Ruhezeit ({start} bis {end}), deshalb wartet eine Erinnerung "
        "bis {end}."
    ),
    "rhythm_next": "Nächste Erinnerung: {when}.",
    "rhythm_next_later": "Die nächste Erinnerung plane ich, sobald eine Sitzung beendet ist.",
    "rhythm_paused": "Erinnerungen sind pausiert – /resume schaltet sie wieder ein.",
    "rhythm_utc": (
        "Die Zeiten sind in UTC angegeben, bis du mit /timezone deine Zeitzone einstellst."
    ),
    "rhythm_mention": (
        "Eine Erinnerung darf nennen, was offen geblieben ist (auf dem Sperrbildschirm "
        "erscheint eine Vorschau)."
    ),
    "rhythm_generic": (
        "Erinnerungen bleiben allgemein: Sie nennen nie, worüber wir gesprochen haben."
    ),
    "rhythm_choose": (
        "Du kannst das unten ändern oder mir eine Uhrzeit schicken: /remind 9:30 oder /remind "
        "19:30."
    ),
    "rhythm_saved": "Gespeichert – /remind zeigt deine Erinnerungen.",
    "remind_time_unknown": (
        "Da habe ich keine Uhrzeit erkannt. Versuch es mit /remind 9:30, /remind 19.00 oder "
        "einfach /remind 9."
    ),
    "button_few_days": "Alle paar Tage",
    "button_weekly": "Einmal pro Woche",
    "button_on_request": "Nur wenn ich darum bitte",
    "button_off": "Aus",
    "button_usual_time": "Zu meiner üblichen Zeit",
    "button_remind_once": "Einmal erinnern",
    "button_generic": "Erinnerungen allgemein halten",
    "button_mention": "Offenes darf genannt werden",
    "timezone_ask": (
        "Deine Zeiten richten sich gerade nach {zone}. Um das zu ändern, schick /timezone und "
        "eine Stadt in deiner Nähe – zum Beispiel /timezone Berlin oder /timezone "
        "Europe/Zurich – oder teile einen Standort (📎 → Standort). Ich behalte nur die "
        "Zeitzone, nie den Ort."
    ),
    "timezone_set": "Erledigt – deine Zeitzone ist {zone}; dort ist es jetzt {time}.",
    "timezone_from_location": (
        "Danke – deine Zeitzone ist {zone}; dort ist es jetzt {time}. Ich habe nur die "
        "Zeitzone behalten, nicht den Ort."
    ),
    "timezone_unknown": (
        "Unter diesem Namen habe ich keine Zeitzone gefunden. Versuch es mit einer großen "
        "Stadt in deiner Nähe (/timezone Berlin), einem Zonennamen (/timezone Europe/Berlin) "
        "oder teile einen Standort."
    ),
    "timezone_location_unknown": (
        "Ich konnte die Zeitzone dieses Ortes nicht bestimmen. Magst du mir /timezone und "
        "eine Stadt in deiner Nähe schicken?"
    ),
    "reminders_paused": (
        "Erinnerungen pausiert – ich schicke dir keine, bis du /resume schickst. Schreiben "
        "kannst du mir trotzdem jederzeit."
    ),
    "reminders_resumed_next": "Erinnerungen sind wieder an. Die nächste: {when}.",
    "reminders_resumed_later": (
        "Erinnerungen sind wieder an. Die nächste plane ich, sobald eine Sitzung beendet ist."
    ),
    "reminders_resumed_ask": (
        "Erinnerungen sind wieder an – allerdings hast du eingestellt, dass ich dich nur auf "
        "Wunsch erinnere. Mit /remind änderst du das."
    ),
    "reminders_resumed_off": (
        "Erinnerungen sind wieder an – allerdings hast du sie ausgeschaltet. Mit /remind "
        "änderst du das."
    ),
    "forget_ask": (
        "Damit lösche ich alles, was ich über dich gespeichert habe: das Transkript jeder "
        "Sitzung, meine Notizbücher, das Gesamtbild, deine geplanten Erinnerungen und deine "
        "Einstellungen.\n\n"
        "Das ist endgültig. Der Schlüssel, der deine Worte aufschließt, wird vernichtet, "
        "sodass nichts mehr gelesen werden kann – nicht von mir, nicht vom Lumen-Team, nicht "
        "aus einer alten Kopie der Datenbank.\n\n"
        "Wenn das Team gerade etwas prüft, das du gemeldet hast, oder einen Moment der Krise, "
        "behält es nur, dass es passiert ist und wann – nie, was gesagt wurde.\n\n"
        "Möchtest du vorher eine Kopie?"
    ),
    "forget_button_export": "Erst meine Daten exportieren",
    "forget_button_confirm": "Alles löschen",
    "forget_button_cancel": "Abbrechen",
    "forget_working": "Ich lösche alles…",
    "forget_done": (
        "Erledigt. Alles, was du mir erzählt hast, ist gelöscht und lässt sich nicht "
        "wiederherstellen. Wenn du mir wieder schreibst, fangen wir neu an – ich werde mich "
        "nicht an dich erinnern."
    ),
    "forget_cancelled": "Es wurde nichts gelöscht. Alles bleibt, wie es war.",
    "forget_nothing": (
        "Ich habe gerade nichts über dich gespeichert, also gibt es nichts zu löschen."
    ),
    "forget_stale": (
        "Dieser Button ist abgelaufen, deshalb wurde nichts gelöscht. Schick /forget noch "
        "einmal, wenn du deine Daten löschen möchtest."
    ),
    "retention_kept": (
        "Wortgetreue Transkripte unserer früheren Sitzungen werden aufbewahrt, bis du sie "
        "löschst (/forget)."
    ),
    "retention_days": (
        "Wortgetreue Transkripte unserer früheren Sitzungen werden {days} Tage nach dem Ende "
        "der jeweiligen Sitzung gelöscht."
    ),
    "retention_global": (
        "(Lumen löscht sie für alle nach {days} Tagen; es gilt die kürzere Frist.)"
    ),
    "retention_about": (
        "Meine Notizbücher und das Gesamtbild bleiben so oder so: Durch sie erinnere ich mich "
        "an dich. Wähle unten."
    ),
    "retention_button_off": "Behalten",
    "retention_button_days": "{days} Tage",
    "insights_on": (
        "Deine Sitzungen werden in den anonymen Statistiken von Lumen mitgezählt: nur Zahlen, "
        "etwa wie lange Sitzungen dauern und wie viel Zeit zwischen ihnen liegt – nie, was du "
        "gesagt hast, nie, wer du bist, und nie eine Gruppe, die Sitzungen von weniger als "
        "fünf Menschen umfasst."
    ),
    "insights_off": (
        "Deine Sitzungen werden in den anonymen Statistiken von Lumen nicht berücksichtigt: "
        "Sie fließen in keine Zählung ein."
    ),
    "insights_button_on": "Meine Sitzungen mitzählen",
    "insights_button_off": "Mich nicht mitzählen",
    "memory_intro": (
        "Das habe ich über dich gespeichert: das Gesamtbild. Darin steht, was ich mit der "
        "Zeit von dir verstanden habe, und ich lese es zu Beginn jeder Sitzung. Es ist deine "
        "Geschichte – wenn ein Teil davon nicht stimmt, tipp auf den Button darunter und sag "
        "es mir."
    ),
    "memory_no_arc": (
        "Ein Gesamtbild von dir habe ich noch nicht. Ich schreibe es, wenn unsere erste "
        "Sitzung beendet ist (/end); dann findest du es hier zum Lesen und Korrigieren."
    ),
    "memory_notebooks": (
        "Meine Notizbücher, eins für jede Sitzung, die wir beendet haben – tipp auf eins, um "
        "es zu lesen:"
    ),
    "memory_no_notebooks": "Ich habe noch keine Notizbücher zu Sitzungen geschrieben.",
    "memory_notebook_button": "Sitzung {number} · {date}",
    "memory_notebook_title": "Mein Notizbuch zu Sitzung {number} ({date}):",
    "memory_notebook_missing": (
        "Dieses Notizbuch finde ich nicht – /memory zeigt die, die ich habe."
    ),
    "memory_fix_button": "Das stimmt nicht",
    "memory_ask": (
        "Was stimmt an „{section}“ nicht? Erzähl es mir mit deinen eigenen Worten – deine "
        "nächste Nachricht ist deine Korrektur, und wie du dich selbst siehst, hat Vorrang. "
        "/cancel lässt es, wie es ist."
    ),
    "memory_ask_opening": (
        "Was stimmt an diesem Teil nicht? Erzähl es mir mit deinen eigenen Worten – deine "
        "nächste Nachricht ist deine Korrektur, und wie du dich selbst siehst, hat Vorrang. "
        "/cancel lässt es, wie es ist."
    ),
    "memory_stale": (
        "Meine Notizen über dich haben sich seit dieser Nachricht geändert. Schick /memory, "
        "um sie so zu sehen, wie sie jetzt sind."
    ),
    "memory_busy": (
        "Ich arbeite deine letzte Korrektur noch in meine Notizen ein – gib mir einen Moment "
        "und versuch es dann noch einmal."
    ),
    "memory_blocked": (
        "Lumen steht dir eine Weile nicht zur Verfügung, deshalb kann ich meine Notizen "
        "gerade nicht ändern. Wenn du in Gefahr bist, ruf bitte die örtliche Notrufnummer an."
    ),
    "memory_correction_received": "Danke, dass du mich korrigierst. Ich schreibe das neu… 📝",
    "memory_corrected": "So steht es jetzt da (/memory zeigt alles):",
    "memory_correction_delayed": (
        "Ich habe deine Korrektur gespeichert, kann meine Notizen aber gerade nicht neu "
        "schreiben. Ich versuche es weiter und zeige es dir, wenn es fertig ist."
    ),
    "memory_correction_refused": (
        "Ich konnte das nicht so umschreiben, dass es sich für mich stimmig anfühlt, deshalb "
        "bleiben meine Notizen, wie sie waren, und jemand aus dem Lumen-Team schaut es sich "
        "an. Du kannst es gern mit anderen Worten noch einmal versuchen."
    ),
    "memory_cancelled": "In Ordnung – ich habe es so gelassen, wie es war.",
    "export_menu": (
        "Dein ganzer Verlauf – jede Sitzung, meine Notizbücher und das Gesamtbild – in einer "
        "Datei: Notizen, die du lesen kannst, und eine Kopie, die du mit /import zurückholen "
        "kannst.\n\n"
        "Mit einer Passphrase wird die Datei verschlüsselt. Ohne diese Passphrase kann "
        "niemand sie öffnen – und wenn sie verloren geht, lässt sie sich nicht "
        "wiederherstellen, auch nicht vom Lumen-Team."
    ),
    "export_button": "Exportieren",
    "export_passphrase_button": "Mit Passphrase exportieren",
    "export_nothing": (
        "Ich habe noch nichts von dir gespeichert, also gibt es nichts zu exportieren."
    ),
    "export_ready": (
        "Hier ist dein Verlauf (Sitzungen: {sessions}). Bewahre ihn sicher auf – wer diese "
        "Datei hat, kann sie lesen."
    ),
    "export_ready_protected": (
        "Hier ist dein Verlauf (Sitzungen: {sessions}), verschlüsselt mit deiner Passphrase. "
        "Bewahre die Passphrase gut auf: Ohne sie kann niemand diese Datei öffnen, und sie "
        "lässt sich nicht wiederherstellen."
    ),
    "export_too_large": (
        "Dein Export ist größer, als Telegram mich senden lässt. Bitte frag das Lumen-Team danach."
    ),
    "passphrase_ask": (
        "Schick mir eine Passphrase mit mindestens 10 Zeichen – ein paar Wörter, die du dir "
        "merken kannst, eignen sich gut. Ich lösche deine Nachricht sofort und bewahre sie "
        "nie auf.\n\n"
        "Wenn du die Passphrase verlierst, kann niemand die Datei öffnen: Sie lässt sich "
        "nicht wiederherstellen. /cancel bricht ab."
    ),
    "passphrase_placeholder": "Deine Passphrase",
    "passphrase_too_short": (
        "Die Passphrase ist kürzer als 10 Zeichen, deshalb habe ich deine Nachricht gelöscht. "
        "Schick bitte eine längere Passphrase, oder /cancel."
    ),
    "passphrase_expired": (
        "Diese Passphrase-Anfrage ist abgelaufen, deshalb habe ich deine Nachricht gelöscht "
        "und nichts damit gemacht. Schick /export oder /import, um neu anzufangen."
    ),
    "passphrase_not_deleted": (
        "Ich konnte die Nachricht mit deiner Passphrase nicht löschen – bitte lösch sie selbst."
    ),
    "import_ask": (
        "Schick mir hier deine Exportdatei (lumen-export-….zip), dann hole ich deinen Verlauf "
        "zurück."
    ),
    "import_passphrase_ask": (
        "Dieser Export ist geschützt. Schick mir seine Passphrase – ich lösche deine "
        "Nachricht sofort und bewahre sie nie auf. /cancel bricht ab."
    ),
    "import_done": (
        "Willkommen zurück – ich habe deinen Verlauf wiederhergestellt (Sitzungen: "
        "{sessions}), mit meinen Notizbüchern und dem Gesamtbild. Wir können da weitermachen, "
        "wo wir aufgehört haben."
    ),
    "import_unreadable": (
        "Diese Datei ist kein Lumen-Export, den ich lesen kann, deshalb habe ich nichts "
        "importiert. Schick bitte die Datei, die du von /export bekommen hast, unverändert."
    ),
    "import_too_large": (
        "Diese Datei ist größer, als ein Lumen-Export überhaupt sein kann, deshalb habe ich "
        "sie nicht geöffnet."
    ),
    "import_tampered": (
        "Dieser Export wurde nach seiner Erstellung verändert oder beschädigt, deshalb kann "
        "ich ihm nicht trauen und habe nichts importiert."
    ),
    "import_foreign": (
        "Dieser Export stammt von einem anderen Lumen, dessen Siegel ich nicht prüfen kann, "
        "deshalb habe ich nichts importiert. Ein Export kann zu dem Lumen zurückkehren, das "
        "ihn erstellt hat (oder zu einem, das dieselben Schlüssel nutzt)."
    ),
    "import_not_yours": (
        "Dieser Export gehört jemand anderem, deshalb habe ich nichts importiert."
    ),
    "import_passphrase_needed": (
        "Dieser Export ist mit einer Passphrase geschützt. Schick die Datei noch einmal, dann "
        "frage ich dich danach."
    ),
    "import_wrong_passphrase": (
        "Diese Passphrase öffnet den Export nicht, deshalb habe ich nichts importiert. Schick "
        "die Datei noch einmal, um es erneut zu versuchen."
    ),
    "import_wrong_passphrase_retry": (
        "Diese Passphrase öffnet den Export nicht (ich habe sie gelöscht). Versuch es noch "
        "einmal, oder /cancel."
    ),
    "import_history_exists": (
        "Du hast hier schon einen Verlauf, und ein Import mischt nie zwei. Um diesen "
        "zurückzuholen, nutze zuerst /forget und schick die Datei dann noch einmal."
    ),
    "import_download_failed": (
        "Ich konnte die Datei nicht von Telegram abrufen. Schick sie bitte noch einmal."
    ),
    "portability_cancelled": "Abgebrochen – es wurde nichts exportiert oder importiert.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Dein Lumen-Export\n\n"
        "Das ist alles, was Lumen über dich gespeichert hat, Stand {created}.\n\n"
        "- `sessions/` — eine Datei pro Sitzung: was du und Lumen gesagt habt, der Reihe\n"
        "  nach, und das Notizbuch, das Lumen zum Abschluss der Sitzung geschrieben hat.\n"
        "- `arc.md` — das Gesamtbild: was Lumen mit der Zeit von dir verstanden hat, in\n"
        "  der aktuellen Fassung.\n"
        "- `lumen-export.json` — derselbe Verlauf, vollständig und maschinenlesbar.\n"
        "- `manifest.json` — ein Fingerabdruck jeder Datei und ein Siegel, damit Lumen\n"
        "  erkennen kann, ob im Export etwas verändert wurde. Ein veränderter Export\n"
        "  lässt sich nicht importieren.\n\n"
        "Um deinen Verlauf zurückzuholen, schick Lumen diesen Export so, wie du ihn\n"
        "bekommen hast, also die ganze .zip-Datei, mit /import.\n\n"
        "Alle Zeiten sind in der Zeitzone {zone} angegeben.\n"
    ),
    "export_readme_protected": (
        "\nDieser Export ist mit einer Passphrase geschützt, die du gewählt hast. Bewahre\n"
        "sie gut auf: Niemand, nicht einmal die Menschen, die sich um Lumen kümmern, kann\n"
        "sie wiederherstellen oder die Datei ohne sie öffnen.\n"
    ),
    "export_arc": "Das Gesamtbild",
    "export_arc_none": ("Noch kein Gesamtbild: Lumen schreibt es, wenn eine Sitzung beendet ist."),
    "export_arc_version": "Version {version}, geschrieben am {written}.",
    "export_session": "Sitzung {number}",
    "export_session_began": "Begonnen am {began}.",
    "export_session_closed": "Begonnen am {began}, beendet am {closed}.",
    "export_conversation": "Gespräch",
    "export_no_messages": "Keine Nachrichten.",
    "export_notebook": "Das Notizbuch von Lumen",
    "export_no_notebook": "Kein Notizbuch zu dieser Sitzung.",
    "export_you": "Du",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (Hilfetelefone für Krisen)",
    "export_lumen_offer": "Lumen (bietet Unterstützung an)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "Was Lumen ist und wie es funktioniert",
    "end": "Sitzung beenden; ich schreibe Notizen und verabschiede mich",
    "help": "Die Befehle",
    "privacy": "Wie deine Worte aufbewahrt werden",
    "report": "Etwas melden, das ich gesagt habe",
    "country": "Dein Land angeben, für passende Hilfetelefone",
    "remind": "Wie und wann ich dich an unsere nächste Sitzung erinnere",
    "timezone": "Deine Zeitzone, damit Erinnerungen zu deiner Zeit kommen",
    "pause": "Alle Erinnerungen pausieren",
    "resume": "Erinnerungen wieder einschalten",
    "memory": "Was ich mir über dich merke und wie du es korrigierst",
    "export": "Dein ganzer Verlauf als Datei",
    "import": "Einen exportierten Verlauf zurückholen",
    "forget": "Alles, was ich über dich gespeichert habe, endgültig löschen",
    "retention": "Wie lange Transkripte früherer Sitzungen aufbewahrt werden",
    "insights": "Deine Sitzungen anonym in Statistiken mitzählen, oder nicht",
    "cancel": "Eine Frage von mir beiseitelassen",
}
