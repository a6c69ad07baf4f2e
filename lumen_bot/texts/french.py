"""Lumen's own words in French (fr).

Register: informal (tu), as the French-speaking crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 Parler à quelqu'un maintenant",
    "safe_now_button": "Je suis en sécurité pour l'instant",
    "safe_now": (
        "Merci de me le dire. Je suis content que tu sois en sécurité pour l'instant. Les "
        "numéros ci-dessus restent là dès que tu en as besoin. Quand tu en auras envie, on "
        "reprendra : écris-moi, simplement. Rien ne presse."
    ),
    "blocked": (
        "Lumen n'est pas disponible pour toi pendant un moment. Si tu es en danger, appelle "
        "le numéro d'urgence local."
    ),
    "text_only": (
        "Merci de me l'avoir envoyé. Pour l'instant, je ne sais lire que du texte : peux-tu "
        "me dire avec des mots ce que tu veux partager ? Si tu n'es pas en sécurité en ce "
        "moment, appelle le numéro d'urgence local."
    ),
    "end_button": "Terminer la séance",
}
