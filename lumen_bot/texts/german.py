"""Lumen's own words in German (de).

Register: informal (du), as the German crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 Jetzt mit jemandem sprechen",
    "safe_now_button": "Ich bin gerade sicher",
    "safe_now": (
        "Danke, dass du es mir sagst. Ich bin froh, dass du gerade sicher bist. Die Nummern "
        "oben sind da, wann immer du sie brauchst. Wenn dir danach ist, machen wir weiter – "
        "schreib einfach. Keine Eile."
    ),
    "blocked": (
        "Lumen steht dir eine Weile nicht zur Verfügung. Wenn du in Gefahr bist, ruf bitte "
        "die örtliche Notrufnummer an."
    ),
    "text_only": (
        "Danke, dass du mir das geschickt hast. Im Moment kann ich nur Text lesen – kannst du"
        " mir in Worten schreiben, was du teilen möchtest? Wenn du gerade nicht in Sicherheit"
        " bist, ruf bitte die örtliche Notrufnummer an."
    ),
    "end_button": "Sitzung beenden",
}
