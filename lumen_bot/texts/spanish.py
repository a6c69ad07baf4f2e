"""Lumen's own words in Spanish (es).

Register: informal (tú), as the Spanish-speaking crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 Hablar con alguien ahora",
    "safe_now_button": "Ahora estoy a salvo",
    "safe_now": (
        "Gracias por decírmelo. Me alegra que ahora estés a salvo. Los números de arriba "
        "siguen ahí cuando los necesites. Cuando te apetezca, seguimos: solo escríbeme. "
        "Sin prisa."
    ),
    "blocked": (
        "Lumen no está disponible para ti durante un tiempo. Si estás en peligro, llama "
        "al número de emergencias de tu zona."
    ),
    "text_only": (
        "Gracias por enviármelo. Por ahora solo puedo leer texto: ¿me cuentas con palabras lo"
        " que quieres compartir? Si ahora mismo no estás a salvo, llama al número de "
        "emergencias de tu zona."
    ),
    "end_button": "Terminar la sesión",
}
