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
