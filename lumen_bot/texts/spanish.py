"""Lumen's own words in Spanish (es).

Register: informal (tú), as the Spanish-speaking crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Hablar con alguien ahora",
    "safe_now_button": "Ahora estoy a salvo",
    "safe_now": (
        "Gracias por decírmelo. Me alegra que ahora estés a salvo. Los números de arriba siguen "
        "ahí cuando los necesites. Cuando te apetezca, seguimos: solo escríbeme. Sin prisa."
    ),
    "blocked": (
        "Lumen no está disponible para ti durante un tiempo. Si estás en peligro, llama al "
        "número de emergencias de tu zona."
    ),
    "text_only": (
        "Gracias por enviármelo. Por ahora solo puedo leer texto: ¿me cuentas con palabras lo "
        "que quieres compartir? Si ahora mismo no estás a salvo, llama al número de emergencias "
        "de tu zona."
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
        "Todavía no puedo ver archivos adjuntos, solo palabras, así que responderé a lo que "
        "escribiste junto con el archivo."
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
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Hola, soy Lumen 🌱\n"
        "\n"
        "Soy un mentor de IA para la reflexión y el crecimiento. Hablamos en sesiones: tú traes "
        "lo que tienes en mente, yo escucho, pregunto y te ayudo a ver tu siguiente paso. No soy "
        "terapeuta ni un servicio de emergencias; si alguna vez estás en peligro, llama, por "
        "favor, al número de emergencias de tu zona.\n"
        "\n"
        "Tus palabras se cifran con una clave que solo te pertenece a ti. Nunca se usan para "
        "entrenar ningún modelo, y son tuyas: puedes exportarlas y borrarlas.\n"
        "\n"
        "Cuando sientas que una sesión está completa, envía /end: escribiré mis notas sobre "
        "ella, para que la próxima vez empecemos donde lo dejamos. Las sesiones funcionan mejor "
        "si dejamos unos días entre una y otra.\n"
        "\n"
        "Entonces, ¿qué te ronda hoy por la cabeza?"
    ),
    "help": (
        "Solo escríbeme: no hace falta nada más.\n"
        "\n"
        "/end — cerrar esta sesión; escribo mis notas y me despido\n"
        "/report — avisar al equipo de Lumen de que algo que dije estaba mal (respondiendo a mi "
        "mensaje)\n"
        "/remind — cómo y cuándo te recuerdo nuestra próxima sesión\n"
        "/timezone — tu zona horaria, para que los recordatorios lleguen a tu hora\n"
        "/pause, /resume — detener todos los recordatorios y volver a activarlos\n"
        "/country — dónde estás, para que las líneas de ayuda en crisis sean las adecuadas\n"
        "/memory — lo que recuerdo de ti; dime qué no es correcto\n"
        "/export — todo tu historial en un archivo; /import lo recupera\n"
        "/forget — borrar todo lo que guardo sobre ti, para siempre\n"
        "/retention — cuánto tiempo se guardan las transcripciones de sesiones pasadas\n"
        "/insights — contar tus sesiones en estadísticas anónimas, o no\n"
        "/privacy — cómo se guardan tus palabras\n"
        "/cancel — dejar de lado una pregunta que te hice\n"
        "/start — qué es Lumen\n"
        "/help — esta lista"
    ),
    "privacy": (
        "Todo lo que escribes aquí se guarda cifrado con una clave que solo te pertenece a ti. "
        "Solo se usa para tu mentoría: nunca para entrenar ningún modelo, nunca se vende, nunca "
        "se comparte. Las respuestas del mentor las escribe Claude, de Anthropic, que recibe la "
        "conversación para responderla y no se entrena con ella.\n"
        "\n"
        "Tu historial es tuyo: /memory muestra lo que recuerdo de ti (y te permite corregirlo), "
        "/export te da una copia, /import recupera una, y /forget lo borra todo para siempre; tu "
        "clave se destruye, así que nada podrá volver a leerse. /retention fija cuánto tiempo se "
        "guardan palabra por palabra las conversaciones pasadas."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Gracias, ya lo tengo: {country}. Te mostraré las líneas de ayuda en crisis de ese país "
        "cuando hagan falta."
    ),
    "country_ask": (
        "¿En qué país estás? Envía /country seguido de su nombre o de su código de dos letras, "
        "por ejemplo /country Brasil, /country GB o /country Deutschland."
    ),
    "country_unknown": (
        "Todavía no conozco las líneas de ayuda en crisis para ese código. En su lugar, te "
        "mostraré la lista internacional (findahelpline.com) y el número de emergencias de tu "
        "zona."
    ),
    "closing_delayed": (
        "Escribir mis notas me está llevando más tiempo del que debería. Seguiré intentándolo y "
        "te enviaré mis palabras de despedida cuando estén listas."
    ),
    "closing_next_time": (
        "Ahora mismo no he podido terminar mis notas. Las terminaré, junto con mis palabras de "
        "despedida, la próxima vez que abras este chat."
    ),
    "session_closed_plain": (
        "Esta sesión está cerrada. Cuando vuelvas a escribirme, empezará una nueva; dejar unos "
        "días de espacio suele ayudar a que las cosas se asienten."
    ),
    "reminder": (
        "Hola, soy Lumen 🌱 Si te apetece una sesión, aquí estoy: escríbeme cuando te venga bien."
    ),
    "reminder_thread": (
        "Hola, soy Lumen 🌱 Si te apetece una sesión, aquí estoy: escríbeme cuando te venga "
        "bien.\n"
        "\n"
        "La última vez, esto quedó abierto: {thread}"
    ),
    "reminder_last": (
        "Hola, soy Lumen 🌱 Si te apetece una sesión, aquí estoy: escríbeme cuando te venga "
        "bien.\n"
        "\n"
        "No te enviaré más recordatorios hasta que vuelvas; con /remind puedes cambiar cómo te "
        "recuerdo las sesiones."
    ),
    "reminder_last_thread": (
        "Hola, soy Lumen 🌱 Si te apetece una sesión, aquí estoy: escríbeme cuando te venga "
        "bien.\n"
        "\n"
        "La última vez, esto quedó abierto: {thread}\n"
        "\n"
        "No te enviaré más recordatorios hasta que vuelvas; con /remind puedes cambiar cómo te "
        "recuerdo las sesiones."
    ),
    "nothing_to_cancel": "Ahora mismo no hay nada que cancelar.",
    "cancelled": "De acuerdo: he dejado esas preguntas como estaban.",
    "session_closed": (
        "Esta sesión está cerrada. Un buen momento para la próxima: {when}. Entonces te enviaré "
        "un recordatorio amable; /remind lo cambia."
    ),
    "session_closed_no_reminder": (
        "Esta sesión está cerrada. Un buen momento para la próxima: {when}; escríbeme cuando "
        "quieras. /remind si quieres un recordatorio."
    ),
    "when_around": "{day}, hacia las {time}",
    "when_utc": "{when} UTC (/timezone muestra las horas en la tuya)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "Qué es Lumen y cómo funciona",
    "end": "Cerrar esta sesión; escribo mis notas y me despido",
    "help": "Los comandos",
    "privacy": "Cómo se guardan tus palabras",
    "report": "Avisar de algo que dije",
    "country": "Indicar tu país para las líneas de ayuda en crisis",
    "remind": "Cómo y cuándo te recuerdo nuestra próxima sesión",
    "timezone": "Tu zona horaria, para recibir los recordatorios a tu hora",
    "pause": "Pausar todos los recordatorios",
    "resume": "Volver a activar los recordatorios",
    "memory": "Lo que recuerdo de ti y una forma de corregirlo",
    "export": "Todo tu historial en un archivo",
    "import": "Recuperar un historial que exportaste",
    "forget": "Borrar todo lo que guardo sobre ti, para siempre",
    "retention": "Cuánto tiempo se guardan las transcripciones de sesiones pasadas",
    "insights": "Contar tus sesiones en estadísticas anónimas, o no",
    "cancel": "Dejar de lado una pregunta que te hice",
}
