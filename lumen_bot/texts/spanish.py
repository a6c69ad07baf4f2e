"""Lumen's own words in Spanish (es).

Register: informal (tú), as the Spanish-speaking crisis lines write.
"""

from __future__ import annotations

# A time of one o'clock (01:xx) takes the singular: "hacia la 01:30", "es ahora la 01:30".
# Each pair is a plural form around a time field ("{}") and its singular, tried in order.
ONE_OCLOCK: tuple[tuple[str, str], ...] = (
    ("son ahora las {}", "es ahora la {}"),
    ("Las {} caen", "La {} cae"),
    ("las {}", "la {}"),
    ("Las {}", "La {}"),
)

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
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Te mando un recordatorio cada pocos días, {at}.",
    "rhythm_weekly": "🔔 Te mando un recordatorio una vez por semana, {at}.",
    "rhythm_on_request": (
        "🔔 Solo te mando un recordatorio cuando me lo pides: «Recuérdamelo una vez» programa "
        "uno, {at}."
    ),
    "rhythm_off": "🔕 Los recordatorios están desactivados: escríbeme cuando quieras.",
    "rhythm_at": "hacia las {time} ({zone})",
    "rhythm_at_usual": "hacia la hora del día en que empezó tu última sesión ({zone})",
    "rhythm_quiet": (
        "Las {time} caen dentro de mis horas de silencio (de {start} a {end}), así que el "
        "recordatorio esperará hasta las {end}."
    ),
    "rhythm_next": "Próximo recordatorio: {when}.",
    "rhythm_next_later": "Programaré el próximo recordatorio cuando se cierre una sesión.",
    "rhythm_paused": "Los recordatorios están en pausa: /resume los vuelve a activar.",
    "rhythm_utc": (
        "Las horas se muestran en UTC hasta que indiques tu zona horaria con /timezone."
    ),
    "rhythm_mention": (
        "Un recordatorio puede mencionar lo que quedó abierto (las pantallas de bloqueo "
        "muestran una vista previa)."
    ),
    "rhythm_generic": "Los recordatorios son genéricos: nunca mencionan de qué hemos hablado.",
    "rhythm_choose": "Cámbialo abajo o envíame una hora: /remind 9:30 o /remind 19:30.",
    "rhythm_saved": "Guardado: /remind muestra tus recordatorios.",
    "remind_time_unknown": (
        "No he reconocido ninguna hora en tu mensaje. Prueba con /remind 9:30, /remind 19:00 "
        "o simplemente /remind 9."
    ),
    "button_few_days": "Cada pocos días",
    "button_weekly": "Una vez por semana",
    "button_on_request": "Solo cuando lo pida",
    "button_off": "Sin recordatorios",
    "button_usual_time": "Cuando suelo empezar",
    "button_remind_once": "Recuérdamelo una vez",
    "button_generic": "Recordatorios genéricos",
    "button_mention": "Mencionar lo que quedó abierto",
    "timezone_ask": (
        "Ahora te muestro las horas en {zone}. Para cambiarlo, envía /timezone y una ciudad "
        "cercana (por ejemplo, /timezone Madrid o /timezone America/Mexico_City) o comparte "
        "una ubicación (📎 → Ubicación). Solo guardo la zona horaria, nunca el lugar."
    ),
    "timezone_set": "Hecho: tu zona horaria es {zone}; allí son ahora las {time}.",
    "timezone_from_location": (
        "Gracias: tu zona horaria es {zone}; allí son ahora las {time}. Solo he guardado la "
        "zona horaria, no el lugar."
    ),
    "timezone_unknown": (
        "No he encontrado ninguna zona horaria con ese nombre. Prueba con una ciudad grande "
        "cercana (/timezone Madrid), con el nombre de una zona (/timezone Europe/Madrid) o "
        "comparte una ubicación."
    ),
    "timezone_location_unknown": (
        "No he podido averiguar la zona horaria de ese lugar. ¿Me envías /timezone y una "
        "ciudad cercana?"
    ),
    "reminders_paused": (
        "Recordatorios en pausa: no te enviaré ninguno hasta que me mandes /resume. Puedes "
        "seguir escribiéndome cuando quieras."
    ),
    "reminders_resumed_next": "Los recordatorios vuelven a estar activos. El próximo: {when}.",
    "reminders_resumed_later": (
        "Los recordatorios vuelven a estar activos. Programaré el próximo cuando se cierre "
        "una sesión."
    ),
    "reminders_resumed_ask": (
        "Los recordatorios vuelven a estar activos, aunque elegiste que solo te lleguen "
        "cuando los pidas. /remind lo cambia."
    ),
    "reminders_resumed_off": (
        "Los recordatorios vuelven a estar activos, aunque los desactivaste. /remind lo cambia."
    ),
    "forget_ask": (
        "Esto borra todo lo que guardo sobre ti: la transcripción de cada sesión, mis "
        "cuadernos, el Arco, tus recordatorios y tus ajustes.\n\n"
        "Es definitivo. La clave que abre tus palabras se destruye, así que nadie podrá volver "
        "a leer nada: ni yo, ni el equipo de Lumen, ni nadie a partir de una copia antigua de "
        "la base de datos.\n\n"
        "Si el equipo está revisando algo de lo que avisaste, o un momento de crisis, solo "
        "conserva el hecho de que ocurrió y cuándo, nunca lo que se dijo.\n\n"
        "¿Quieres una copia antes?"
    ),
    "forget_button_export": "Exportar mis datos primero",
    "forget_button_confirm": "Borrarlo todo",
    "forget_button_cancel": "Cancelar",
    "forget_working": "Borrándolo todo…",
    "forget_done": (
        "Hecho. Todo lo que me contaste está borrado y no se puede recuperar. Si vuelves a "
        "escribirme, empezaremos de cero: no te recordaré."
    ),
    "forget_cancelled": "No se ha borrado nada. Todo sigue como estaba.",
    "forget_nothing": "Ahora mismo no guardo nada sobre ti, así que no hay nada que borrar.",
    "forget_stale": (
        "Ese botón ha caducado, así que no se ha borrado nada. Envía /forget de nuevo si "
        "quieres borrar tus datos."
    ),
    "retention_kept": (
        "Las transcripciones palabra por palabra de nuestras sesiones pasadas se guardan "
        "hasta que las borres (/forget)."
    ),
    "retention_days": (
        "Las transcripciones palabra por palabra de nuestras sesiones pasadas se borran "
        "{days} días después del cierre de cada sesión."
    ),
    "retention_global": (
        "(Lumen las borra a los {days} días para todo el mundo; se aplica el plazo más corto.)"
    ),
    "retention_about": (
        "Mis cuadernos y el Arco se quedan en cualquier caso: son mi forma de recordarte. "
        "Elige abajo."
    ),
    "retention_button_off": "Guardarlas",
    "retention_button_days": "{days} días",
    "insights_on": (
        "Tus sesiones se cuentan en las estadísticas anónimas de Lumen: solo números, como "
        "cuánto duran las sesiones y cuánto tiempo pasa entre una y otra; nunca lo que "
        "dijiste, nunca quién eres, y nunca un grupo con sesiones de menos de cinco personas."
    ),
    "insights_off": (
        "Tus sesiones quedan fuera de las estadísticas anónimas de Lumen: no entran en ningún "
        "recuento."
    ),
    "insights_button_on": "Contar mis sesiones",
    "insights_button_off": "Dejarme fuera",
    "memory_intro": (
        "Esto es lo que guardo sobre ti: el Arco, lo que he ido entendiendo de ti con el "
        "tiempo, que leo al empezar cada sesión. Es tu historia: si alguna parte no está "
        "bien, toca el botón que tiene debajo y cuéntamelo."
    ),
    "memory_no_arc": (
        "Todavía no tengo un Arco sobre ti. Lo escribo cuando se cierra nuestra primera "
        "sesión (/end); a partir de entonces estará aquí para que lo leas y lo corrijas."
    ),
    "memory_notebooks": (
        "Mis cuadernos, uno por cada sesión que hemos cerrado; toca uno para leerlo:"
    ),
    "memory_no_notebooks": "Todavía no he escrito ningún cuaderno de sesión.",
    "memory_notebook_button": "Sesión {number} · {date}",
    "memory_notebook_title": "Mi cuaderno de la sesión {number} ({date}):",
    "memory_notebook_missing": "No encuentro ese cuaderno; /memory muestra los que tengo.",
    "memory_fix_button": "Esto no es así",
    "memory_ask": (
        "¿Qué no está bien en «{section}»? Cuéntamelo con tus palabras: tu próximo mensaje "
        "será tu corrección, y lo que tú digas de ti es lo que vale. /cancel lo deja como "
        "está."
    ),
    "memory_ask_opening": (
        "¿Qué no está bien en esa parte? Cuéntamelo con tus palabras: tu próximo mensaje será "
        "tu corrección, y lo que tú digas de ti es lo que vale. /cancel lo deja como está."
    ),
    "memory_stale": (
        "Mis notas sobre ti han cambiado desde ese mensaje. Envía /memory para verlas tal "
        "como están ahora."
    ),
    "memory_busy": (
        "Todavía estoy incorporando tu última corrección a mis notas: dame un momento y "
        "vuelve a intentarlo."
    ),
    "memory_blocked": (
        "Lumen no está disponible para ti durante un tiempo, así que ahora no puedo cambiar "
        "mis notas. Si estás en peligro, llama al número de emergencias de tu zona."
    ),
    "memory_correction_received": "Gracias por corregirme. Voy a reescribirlo… 📝",
    "memory_corrected": "Así queda ahora (/memory lo muestra entero):",
    "memory_correction_delayed": (
        "He guardado tu corrección, pero ahora mismo no puedo reescribir mis notas. Seguiré "
        "intentándolo y te lo enseñaré cuando esté hecho."
    ),
    "memory_correction_refused": (
        "No he podido reescribirlo de una forma con la que me sienta cómodo, así que mis "
        "notas se quedan como estaban, y alguien del equipo de Lumen lo revisará. Si quieres, "
        "puedes volver a intentarlo con otras palabras."
    ),
    "memory_cancelled": "De acuerdo: lo he dejado como estaba.",
    "export_menu": (
        "Todo tu historial (cada sesión, mis cuadernos y el Arco) en un solo archivo: notas "
        "que puedes leer y una copia que puedes recuperar con /import.\n\n"
        "Con una frase secreta, el archivo va cifrado. Nadie puede abrirlo sin esa frase "
        "secreta, y si se pierde, no se puede recuperar: ni siquiera el equipo de Lumen puede "
        "hacerlo."
    ),
    "export_button": "Exportar",
    "export_passphrase_button": "Exportar con frase secreta",
    "export_nothing": "Todavía no guardo nada tuyo, así que no hay nada que exportar.",
    "export_ready": (
        "Aquí tienes tu historial (sesiones: {sessions}). Guárdalo en un lugar seguro: "
        "cualquiera que tenga este archivo puede leerlo."
    ),
    "export_ready_protected": (
        "Aquí tienes tu historial (sesiones: {sessions}), cifrado con tu frase secreta. "
        "Guarda bien la frase: sin ella nadie puede abrir este archivo, y no se puede "
        "recuperar."
    ),
    "export_too_large": (
        "Tu exportación ocupa más de lo que Telegram me deja enviar. Pídesela al equipo de "
        "Lumen, por favor."
    ),
    "passphrase_ask": (
        "Envíame una frase secreta de al menos 10 caracteres; unas cuantas palabras que vayas "
        "a recordar funcionan bien. Borraré tu mensaje al instante y nunca lo guardaré.\n\n"
        "Si pierdes la frase secreta, nadie podrá abrir el archivo: no se puede recuperar. "
        "Con /cancel lo dejamos."
    ),
    "passphrase_placeholder": "Tu frase secreta",
    "passphrase_too_short": (
        "Esa frase tiene menos de 10 caracteres, así que la he borrado. Envíame una frase "
        "secreta más larga, o /cancel."
    ),
    "passphrase_expired": (
        "Esa petición de frase secreta ha caducado, así que he borrado tu mensaje sin usarlo. "
        "Envía /export o /import para empezar de nuevo."
    ),
    "passphrase_not_deleted": (
        "No he podido borrar el mensaje con tu frase secreta: bórralo tú, por favor."
    ),
    "import_ask": (
        "Envíame aquí tu archivo de exportación (lumen-export-….zip) y recuperaré tu historial."
    ),
    "import_passphrase_ask": (
        "Esta exportación está protegida. Envíame su frase secreta: borraré tu mensaje al "
        "instante y nunca lo guardaré. Con /cancel lo dejamos."
    ),
    "import_done": (
        "¡Qué bien tenerte de vuelta! He recuperado tu historial (sesiones: {sessions}), con "
        "mis cuadernos y el Arco. Podemos seguir donde lo dejamos."
    ),
    "import_unreadable": (
        "Ese archivo no es una exportación de Lumen que yo pueda leer, así que no he "
        "importado nada. Envíame el archivo que te dio /export, sin cambios."
    ),
    "import_too_large": (
        "Ese archivo es más grande de lo que puede ser cualquier exportación de Lumen, así "
        "que no lo he abierto."
    ),
    "import_tampered": (
        "Esa exportación se modificó o se dañó después de crearse, así que no puedo fiarme de "
        "ella y no he importado nada."
    ),
    "import_foreign": (
        "Esa exportación la hizo otro Lumen, cuyo sello no puedo comprobar, así que no he "
        "importado nada. Una exportación puede volver al Lumen que la hizo (o a otro que "
        "comparta sus claves)."
    ),
    "import_not_yours": ("Esa exportación pertenece a otra persona, así que no he importado nada."),
    "import_passphrase_needed": (
        "Esa exportación está protegida con una frase secreta. Envíame el archivo otra vez y "
        "te la pediré."
    ),
    "import_wrong_passphrase": (
        "Esa frase secreta no abre la exportación, así que no he importado nada. Envíame el "
        "archivo otra vez para volver a intentarlo."
    ),
    "import_wrong_passphrase_retry": (
        "Esa frase secreta no abre la exportación (la he borrado). Inténtalo de nuevo, o /cancel."
    ),
    "import_history_exists": (
        "Ya tienes un historial aquí, y una importación nunca mezcla dos. Para recuperar "
        "este, usa primero /forget y luego envíame el archivo otra vez."
    ),
    "import_download_failed": (
        "No he podido descargar ese archivo de Telegram. Envíamelo otra vez, por favor."
    ),
    "portability_cancelled": "Detenido: no se ha exportado ni importado nada.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Tu exportación de Lumen\n\n"
        "Esto es todo lo que Lumen guarda sobre ti, a fecha de {created}.\n\n"
        "- `sessions/` — un archivo por sesión: lo que dijiste tú y lo que dijo Lumen, en\n"
        "  orden, y el cuaderno que Lumen escribió al cerrarse la sesión.\n"
        "- `arc.md` — el Arco: lo que Lumen ha ido entendiendo de ti con el tiempo, tal\n"
        "  como está ahora.\n"
        "- `lumen-export.json` — el mismo historial, completo, para que lo lea un\n"
        "  programa.\n"
        "- `manifest.json` — una huella de cada archivo y un sello, para que Lumen pueda\n"
        "  saber si se cambió algo en la exportación. Una exportación modificada no se\n"
        "  puede importar.\n\n"
        "Para recuperar tu historial, envíale a Lumen esta exportación tal como te llegó,\n"
        "el archivo .zip entero, con /import.\n\n"
        "Las horas se muestran en la zona horaria {zone}.\n"
    ),
    "export_readme_protected": (
        "\nEsta exportación está protegida con una frase secreta que elegiste tú. Guarda\n"
        "bien esa frase: nadie, ni siquiera las personas que se encargan de Lumen, puede\n"
        "recuperarla ni abrir el archivo sin ella.\n"
    ),
    "export_arc": "El Arco",
    "export_arc_none": "Todavía no hay Arco: Lumen lo escribe cuando se cierra una sesión.",
    "export_arc_version": "Versión {version}, escrita el {written}.",
    "export_session": "Sesión {number}",
    "export_session_began": "Empezó el {began}.",
    "export_session_closed": "Empezó el {began} y se cerró el {closed}.",
    "export_conversation": "Conversación",
    "export_no_messages": "No hay mensajes.",
    "export_notebook": "El cuaderno de Lumen",
    "export_no_notebook": "No hay cuaderno de esta sesión.",
    "export_you": "Tú",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (líneas de ayuda en crisis)",
    "export_lumen_offer": "Lumen (ofrecimiento de apoyo)",
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
