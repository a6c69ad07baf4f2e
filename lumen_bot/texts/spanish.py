"""Lumen's own words in Spanish (es).

Register: informal (tú), as the Spanish-speaking crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
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
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Ahora mismo no consigo ordenar mis pensamientos. He guardado tu mensaje y te responderé "
        "en cuanto pueda; no hace falta que me lo vuelvas a enviar."
    ),
    "mentor_busy": (
        "Necesito un momento. He guardado tu mensaje y te responderé en cuanto pueda; no hace "
        "falta que me lo vuelvas a enviar."
    ),
    "words_lost": (
        "Perdona, se me han perdido las palabras a mitad de camino. He guardado tu mensaje y te "
        "responderé en cuanto pueda; no hace falta que me lo vuelvas a enviar."
    ),
    "slow_down": (
        "Escribes más rápido de lo que yo puedo pensar 🙂 He guardado cada palabra: dame un "
        "momento y te responderé a todo junto con tu próximo mensaje."
    ),
    "daily_limit": (
        "Hoy hemos hablado mucho y he llegado a mi límite del día. Todo lo que has escrito queda "
        "guardado; te responderé cuando vuelvas a escribirme mañana."
    ),
    "long_message": (
        "Es un mensaje largo, y lo he guardado entero. Voy a responder a la primera parte; si "
        "quieres, mándame el resto en partes más pequeñas."
    ),
    "lost_thread": (
        "Lo siento: he estado ausente y he perdido el hilo de lo que me escribiste antes. ¿Me lo "
        "vuelves a contar, o prefieres seguir desde donde estás ahora?"
    ),
    "something_went_wrong": "Algo ha fallado por mi parte: vuelve a intentarlo en un momento.",
    "caption_only": (
        "Todavía no puedo ver archivos adjuntos, solo palabras, así que responderé al texto que "
        "lo acompaña."
    ),
    "private_only": (
        "¡Hola! Solo funciono en chats privados, así que aquí no voy a leer ni guardar nada. "
        "Abre un chat privado conmigo para hablar."
    ),
    "message_unreadable": (
        "Lo siento: algo que me escribiste se ha dañado donde lo guardo y no puedo volver a "
        "leerlo, así que no te he respondido. Es un fallo mío, no algo que hayas hecho tú. Si "
        "era importante, ¿podrías enviármelo de nuevo?"
    ),
    "record_unreadable": (
        "Lo siento: ahora mismo no puedo abrir parte de lo que guardo para ti, así que no puedo "
        "responderte. Es un fallo mío, no algo que hayas hecho tú, y ha quedado registrado para "
        "las personas que se encargan de mí."
    ),
    "no_session_to_end": "Ahora mismo no hay ninguna sesión abierta. Escríbeme cuando quieras.",
    "session_closing": "Gracias por esta sesión. Voy a escribir mis notas… 📝",
    "new_session_after_idle": (
        "Nuestra última conversación se quedó en silencio, así que cerré esa sesión y guardé mis "
        "notas. Esta es una sesión nueva: ¿qué te ronda hoy por la cabeza?"
    ),
    "report_reason": "Gracias por decírmelo. ¿Qué tenía de malo?",
    "report_thanks": (
        "Gracias. Una persona del equipo de Lumen lo revisará. Tu aviso ayuda a que Lumen sea "
        "más seguro."
    ),
    "report_already": "Este aviso ya está en manos del equipo, gracias.",
    "report_harmful": "Perjudicial",
    "report_wrong": "Incorrecto o engañoso",
    "report_inappropriate": "Inapropiado",
    "report_privacy": "Privacidad",
    "report_other": "Otra cosa",
    "end_button_stale": (
        "Ese botón es de una sesión anterior, así que he dejado esta abierta. Envía /end cuando "
        "quieras cerrarla."
    ),
}
