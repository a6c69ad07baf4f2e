"""Lumen's own words in French (fr).

Register: informal (tu), as the French-speaking crisis lines write.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Parler à quelqu'un maintenant",
    "safe_now_button": "Je suis en sécurité pour l'instant",
    "safe_now": (
        "Merci de me le dire. Je suis content que tu sois en sécurité pour l'instant. Les "
        "numéros ci-dessus restent là dès que tu en as besoin. Quand tu en auras envie, on "
        "reprendra : écris-moi, simplement. Rien ne presse."
    ),
    "blocked": (
        "Lumen n'est pas disponible pour toi pendant un moment. Si tu es en danger, appelle le "
        "numéro d'urgence local."
    ),
    "text_only": (
        "Merci de me l'avoir envoyé. Pour l'instant, je ne sais lire que du texte : peux-tu me "
        "dire avec des mots ce que tu veux partager ? Si tu n'es pas en sécurité en ce moment, "
        "appelle le numéro d'urgence local."
    ),
    "end_button": "Terminer la séance",
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Je n'arrive pas à rassembler mes pensées pour l'instant. J'ai gardé ton message et j'y "
        "répondrai dès que je pourrai — pas besoin de me le renvoyer."
    ),
    "mentor_busy": (
        "J'ai besoin d'un moment. J'ai gardé ton message et j'y répondrai dès que je pourrai — "
        "pas besoin de me le renvoyer."
    ),
    "words_lost": (
        "Désolé, mes mots se sont perdus en cours de route. J'ai gardé ton message et j'y "
        "répondrai dès que je pourrai — pas besoin de me le renvoyer."
    ),
    "slow_down": (
        "Tu écris plus vite que je ne peux penser 🙂 J'ai gardé chaque mot — laisse-moi un "
        "moment, et je répondrai à tout en même temps qu'à ton prochain message."
    ),
    "daily_limit": (
        "On a beaucoup parlé aujourd'hui, et j'ai atteint ma limite pour la journée. Tout ce que "
        "tu as écrit est conservé ; j'y répondrai quand tu me réécriras demain."
    ),
    "long_message": (
        "C'est un long message — je l'ai gardé en entier. Je vais répondre à la première partie "
        "; n'hésite pas à m'envoyer la suite en plus petits morceaux."
    ),
    "lost_thread": (
        "Je suis désolé — je me suis absenté, et j'ai perdu le fil de ce que tu m'avais écrit. "
        "Tu peux me le redire, ou reprendre là où tu en es maintenant ?"
    ),
    "something_went_wrong": (
        "Quelque chose n'a pas fonctionné de mon côté — réessaie dans un instant."
    ),
    "caption_only": (
        "Je ne peux pas encore voir les pièces jointes, seulement les mots — je vais donc "
        "répondre au texte qui accompagne ta pièce jointe."
    ),
    "private_only": (
        "Salut ! Je ne fonctionne que dans les conversations privées, donc ici je ne lirai ni ne "
        "garderai rien. Ouvre une conversation privée avec moi pour qu'on discute."
    ),
    "message_unreadable": (
        "Je suis désolé — quelque chose que tu m'as écrit a été endommagé là où je le garde, et "
        "je n'arrive plus à le lire, donc je n'y ai pas répondu. C'est un problème de mon côté, "
        "tu n'y es pour rien. Si c'était important, tu pourrais me le renvoyer ?"
    ),
    "record_unreadable": (
        "Je suis désolé — une partie de ce que je garde pour toi ne peut pas être ouverte pour "
        "l'instant, donc je ne peux pas répondre. C'est un problème de mon côté, tu n'y es pour "
        "rien, et c'est consigné pour les personnes qui s'occupent de moi."
    ),
    "no_session_to_end": "Aucune séance n'est ouverte pour l'instant. Écris-moi quand tu veux.",
    "session_closing": "Merci pour cette séance. Laisse-moi rédiger mes notes… 📝",
    "new_session_after_idle": (
        "Notre dernière conversation en était restée là, alors j'ai clos cette séance et gardé "
        "mes notes. Voici une nouvelle séance — qu'as-tu en tête aujourd'hui ?"
    ),
    "report_reason": "Merci de me le dire. Qu'est-ce qui n'allait pas ?",
    "report_thanks": (
        "Merci. Une personne de l'équipe Lumen va examiner ça. Ton signalement aide à rendre "
        "Lumen plus sûr."
    ),
    "report_already": "Ce signalement est déjà entre les mains de l'équipe — merci.",
    "report_harmful": "Nuisible",
    "report_wrong": "Faux ou trompeur",
    "report_inappropriate": "Inapproprié",
    "report_privacy": "Vie privée",
    "report_other": "Autre chose",
    "end_button_stale": (
        "Ce bouton appartient à une séance précédente, donc j'ai laissé celle-ci ouverte. Envoie "
        "/end quand tu voudras la terminer."
    ),
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Salut, je suis Lumen 🌱\n"
        "\n"
        "Je suis un mentor IA, pour réfléchir et grandir. On se parle en séances : tu apportes "
        "ce que tu as en tête, j'écoute, je pose des questions et je t'aide à voir ta prochaine "
        "étape. Je ne suis ni thérapeute, ni un service d'urgence ; si un jour tu es en danger, "
        "appelle, s'il te plaît, le numéro d'urgence local.\n"
        "\n"
        "Tes mots sont chiffrés avec une clé qui n'appartient qu'à toi. Ils ne servent jamais à "
        "entraîner un modèle, quel qu'il soit, et ils sont à toi : tu peux les exporter et les "
        "supprimer.\n"
        "\n"
        "Quand une séance te semble complète, envoie /end : j'écrirai mes notes à son sujet, "
        "pour que la prochaine fois on reprenne là où on s'était arrêtés. Les séances "
        "fonctionnent mieux espacées de quelques jours.\n"
        "\n"
        "Alors, qu'as-tu en tête aujourd'hui ?"
    ),
    "help": (
        "Écris-moi, tout simplement — c'est toute l'interface.\n"
        "\n"
        "/end — terminer cette séance ; j'écris mes notes et je te dis au revoir\n"
        "/report — signaler à l'équipe Lumen que quelque chose que j'ai dit était faux (en "
        "réponse à mon message)\n"
        "/remind — comment et quand je te rappelle notre prochaine séance\n"
        "/timezone — ton fuseau horaire, pour que les rappels arrivent à ton heure\n"
        "/pause, /resume — arrêter tous les rappels, puis les réactiver\n"
        "/country — où tu te trouves, pour que les lignes d'écoute soient les bonnes\n"
        "/memory — ce dont je me souviens à ton sujet ; dis-moi ce qui n'est pas juste\n"
        "/export — tout ton historique dans un fichier ; /import le restaure\n"
        "/forget — supprimer tout ce que je garde sur toi, définitivement\n"
        "/retention — combien de temps les transcriptions des séances passées sont conservées\n"
        "/insights — compter tes séances dans des statistiques anonymes, ou non\n"
        "/privacy — comment tes mots sont conservés\n"
        "/cancel — laisser de côté une question que je t'ai posée\n"
        "/start — ce qu'est Lumen\n"
        "/help — cette liste"
    ),
    "privacy": (
        "Tout ce que tu écris ici est stocké chiffré avec une clé qui n'appartient qu'à toi. "
        "Cela sert uniquement à ton mentorat : ce n'est jamais utilisé pour entraîner un modèle, "
        "quel qu'il soit, jamais vendu, jamais partagé. Les réponses du mentor sont rédigées par "
        "Claude, d'Anthropic, qui reçoit la conversation pour y répondre et ne s'en sert pas "
        "pour s'entraîner.\n"
        "\n"
        "Ton historique t'appartient : /memory montre ce dont je me souviens à ton sujet (et te "
        "permet de le corriger), /export t'en donne une copie, /import en restaure une, et "
        "/forget supprime tout, définitivement — ta clé est détruite, donc plus rien ne peut "
        "être relu. /retention définit combien de temps les conversations passées sont "
        "conservées mot pour mot."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Merci — c'est noté : {country}. Je te montrerai les lignes d'écoute de ce pays quand il "
        "le faudra."
    ),
    "country_ask": (
        "Dans quel pays es-tu ? Envoie /country suivi de son nom ou de son code à deux lettres, "
        "par exemple /country Brasil, /country GB ou /country Deutschland."
    ),
    "country_unknown": (
        "Je ne connais pas encore de lignes d'écoute pour ce code. À la place, je te montrerai "
        "la liste internationale (findahelpline.com) et le numéro d'urgence local."
    ),
    "closing_delayed": (
        "La rédaction de mes notes prend plus de temps qu'elle ne le devrait. Je continue "
        "d'essayer, et je t'enverrai mes mots d'au revoir dès qu'ils seront prêts."
    ),
    "closing_next_time": (
        "Je n'ai pas pu terminer mes notes pour l'instant. Je les terminerai, avec mes mots d'au "
        "revoir, la prochaine fois que tu ouvriras cette conversation."
    ),
    "session_closed_plain": (
        "Cette séance est close. Quand tu m'écriras de nouveau, une nouvelle séance commencera — "
        "laisser passer quelques jours aide souvent les choses à se poser."
    ),
    "reminder": (
        "Salut, c'est Lumen 🌱 Si tu as envie d'une séance, je suis là — écris-moi simplement "
        "quand ça te convient."
    ),
    "reminder_thread": (
        "Salut, c'est Lumen 🌱 Si tu as envie d'une séance, je suis là — écris-moi simplement "
        "quand ça te convient.\n"
        "\n"
        "La dernière fois, ceci était resté en suspens : {thread}"
    ),
    "reminder_last": (
        "Salut, c'est Lumen 🌱 Si tu as envie d'une séance, je suis là — écris-moi simplement "
        "quand ça te convient.\n"
        "\n"
        "Je ne t'enverrai plus de rappels jusqu'à ton retour ; /remind permet de changer la "
        "façon dont je te rappelle nos séances."
    ),
    "reminder_last_thread": (
        "Salut, c'est Lumen 🌱 Si tu as envie d'une séance, je suis là — écris-moi simplement "
        "quand ça te convient.\n"
        "\n"
        "La dernière fois, ceci était resté en suspens : {thread}\n"
        "\n"
        "Je ne t'enverrai plus de rappels jusqu'à ton retour ; /remind permet de changer la "
        "façon dont je te rappelle nos séances."
    ),
    "nothing_to_cancel": "Il n'y a rien à annuler pour l'instant.",
    "cancelled": "D'accord — j'ai laissé ces questions telles quelles.",
    "session_closed": (
        "Cette séance est close. Un bon moment pour la prochaine : {when}. Je t'enverrai alors "
        "un petit rappel — /remind permet de changer ça."
    ),
    "session_closed_no_reminder": (
        "Cette séance est close. Un bon moment pour la prochaine : {when} — écris-moi quand tu "
        "veux. /remind si tu veux un rappel."
    ),
    "when_around": "{day}, vers {time}",
    "when_utc": "{when} UTC (/timezone affiche les heures dans ton fuseau)",
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Je t'envoie des rappels à quelques jours d'intervalle, {at}.",
    "rhythm_weekly": "🔔 Je t'envoie un rappel une fois par semaine, {at}.",
    "rhythm_on_request": (
        "🔔 Je ne t'envoie de rappel que si tu le demandes : « Rappelle-moi une fois » en "
        "programme un, {at}."
    ),
    "rhythm_off": "🔕 Les rappels sont désactivés — écris-moi quand tu veux.",
    "rhythm_at": "vers {time} ({zone})",
    "rhythm_at_usual": "vers l'heure à laquelle ta dernière séance a commencé ({zone})",
    "rhythm_quiet": (
        "{time} tombe pendant mes heures de silence (de {start} à {end}), donc le rappel "
        "attendra jusqu'à {end}."
    ),
    "rhythm_next": "Prochain rappel : {when}.",
    "rhythm_next_later": "Je prévoirai le prochain rappel quand une séance sera close.",
    "rhythm_paused": "Les rappels sont en pause — /resume les réactive.",
    "rhythm_utc": (
        "Les heures sont en UTC tant que tu n'as pas indiqué ton fuseau horaire avec /timezone."
    ),
    "rhythm_mention": (
        "Un rappel peut mentionner ce qui est resté en suspens (l'écran de verrouillage en "
        "affiche un aperçu)."
    ),
    "rhythm_generic": (
        "Les rappels restent neutres : ils ne mentionnent jamais ce dont on a parlé."
    ),
    "rhythm_choose": (
        "Tu peux changer ça ci-dessous, ou m'envoyer une heure : /remind 9:30 ou /remind 19:30."
    ),
    "rhythm_saved": "Enregistré — /remind affiche tes rappels.",
    "remind_time_unknown": (
        "Je n'ai pas reconnu d'heure dans ton message. Essaie /remind 9:30, /remind 19:00 ou "
        "simplement /remind 9."
    ),
    "button_few_days": "À quelques jours d'écart",
    "button_weekly": "Une fois par semaine",
    "button_on_request": "Seulement sur demande",
    "button_off": "Aucun rappel",
    "button_usual_time": "Mon heure habituelle",
    "button_remind_once": "Rappelle-moi une fois",
    "button_generic": "Garder des rappels neutres",
    "button_mention": "Citer ce qui reste en suspens",
    "timezone_ask": (
        "Pour l'instant, j'affiche tes heures en {zone}. Pour changer, envoie /timezone et "
        "une ville proche de chez toi — par exemple /timezone Paris ou /timezone "
        "America/Montreal — ou partage une position (📎 → Position). Je ne garde que le fuseau "
        "horaire, jamais le lieu."
    ),
    "timezone_set": ("C'est fait — ton fuseau horaire est {zone}, où il est actuellement {time}."),
    "timezone_from_location": (
        "Merci — ton fuseau horaire est {zone}, où il est actuellement {time}. Je n'ai gardé "
        "que le fuseau horaire, pas le lieu."
    ),
    "timezone_unknown": (
        "Je n'ai trouvé aucun fuseau horaire de ce nom. Essaie une grande ville proche de "
        "chez toi (/timezone Paris), un nom de fuseau (/timezone Europe/Paris), ou partage "
        "une position."
    ),
    "timezone_location_unknown": (
        "Je n'ai pas réussi à trouver le fuseau horaire de cet endroit. Tu peux m'envoyer "
        "/timezone et une ville proche de chez toi ?"
    ),
    "reminders_paused": (
        "Rappels en pause — je ne t'en enverrai aucun tant que tu n'auras pas envoyé /resume. "
        "Tu peux toujours m'écrire quand tu veux."
    ),
    "reminders_resumed_next": "Les rappels sont réactivés. Le prochain : {when}.",
    "reminders_resumed_later": (
        "Les rappels sont réactivés. Je prévoirai le prochain quand une séance sera close."
    ),
    "reminders_resumed_ask": (
        "Les rappels sont réactivés — mais tu as choisi de n'en recevoir que sur demande. "
        "/remind permet de changer ça."
    ),
    "reminders_resumed_off": (
        "Les rappels sont réactivés — mais tu les as désactivés. /remind permet de changer ça."
    ),
    "forget_ask": (
        "Cela supprime tout ce que je garde sur toi : la transcription de chaque séance, mes "
        "carnets, l'Arc, tes rappels et tes réglages.\n\n"
        "C'est définitif. La clé qui ouvre tes mots est détruite, donc plus rien ne pourra "
        "être relu — ni par moi, ni par l'équipe Lumen, ni à partir d'une ancienne copie de "
        "la base de données.\n\n"
        "Si l'équipe examine quelque chose que tu as signalé, ou un moment de crise, elle ne "
        "garde que le fait que c'est arrivé, et quand — jamais ce qui a été dit.\n\n"
        "Tu veux d'abord une copie ?"
    ),
    "forget_button_export": "Exporter d'abord mes données",
    "forget_button_confirm": "Tout supprimer",
    "forget_button_cancel": "Annuler",
    "forget_working": "Je supprime tout…",
    "forget_done": (
        "C'est fait. Tout ce que tu m'as dit est supprimé et ne peut pas être récupéré. Si tu "
        "m'écris de nouveau, on repart de zéro — je ne me souviendrai pas de toi."
    ),
    "forget_cancelled": "Rien n'a été supprimé. Tout reste comme avant.",
    "forget_nothing": ("Je ne garde rien sur toi pour l'instant, donc il n'y a rien à supprimer."),
    "forget_stale": (
        "Ce bouton a expiré, donc rien n'a été supprimé. Renvoie /forget si tu veux supprimer "
        "tes données."
    ),
    "retention_kept": (
        "Les transcriptions mot pour mot de nos séances passées sont conservées jusqu'à ce "
        "que tu les supprimes (/forget)."
    ),
    "retention_days": (
        "Les transcriptions mot pour mot de nos séances passées sont supprimées {days} jours "
        "après la clôture de chaque séance."
    ),
    "retention_global": (
        "(Lumen les supprime au bout de {days} jours pour tout le monde ; c'est le délai le "
        "plus court qui s'applique.)"
    ),
    "retention_about": (
        "Mes carnets et l'Arc restent dans tous les cas : c'est grâce à eux que je me "
        "souviens de toi. Choisis ci-dessous."
    ),
    "retention_button_off": "Les garder",
    "retention_button_days": "{days} jours",
    "insights_on": (
        "Tes séances sont comptées dans les statistiques anonymes de Lumen : uniquement des "
        "chiffres, comme la durée des séances et l'écart entre elles — jamais ce que tu as "
        "dit, jamais qui tu es, et jamais un groupe réunissant les séances de moins de cinq "
        "personnes."
    ),
    "insights_off": (
        "Tes séances sont exclues des statistiques anonymes de Lumen : elles ne figurent dans "
        "aucun décompte."
    ),
    "insights_button_on": "Compter mes séances",
    "insights_button_off": "Ne pas me compter",
    "memory_intro": (
        "Voici ce que je garde sur toi : l'Arc, ce que j'ai compris de toi au fil du temps, "
        "que je lis au début de chaque séance. C'est ton histoire — si une partie n'est pas "
        "juste, appuie sur le bouton en dessous et dis-le-moi."
    ),
    "memory_no_arc": (
        "Je n'ai pas encore écrit ton Arc. Je le fais à la clôture de notre première séance "
        "(/end) ; ensuite, il est ici pour que tu le lises et le corriges."
    ),
    "memory_notebooks": (
        "Mes carnets, un par séance terminée — appuie sur l'un d'eux pour le lire :"
    ),
    "memory_no_notebooks": "Je n'ai encore écrit aucun carnet de séance.",
    "memory_notebook_button": "Séance {number} · {date}",
    "memory_notebook_title": "Mon carnet de la séance {number} ({date}) :",
    "memory_notebook_missing": "Je ne trouve pas ce carnet — /memory affiche ceux que j'ai.",
    "memory_fix_button": "Ce n'est pas juste",
    "memory_ask": (
        "Qu'est-ce qui n'est pas juste dans « {section} » ? Dis-le-moi avec tes mots — ton "
        "prochain message sera ta correction, et c'est ta version qui l'emporte. /cancel "
        "laisse les choses telles quelles."
    ),
    "memory_ask_opening": (
        "Qu'est-ce qui n'est pas juste dans cette partie ? Dis-le-moi avec tes mots — ton "
        "prochain message sera ta correction, et c'est ta version qui l'emporte. /cancel "
        "laisse les choses telles quelles."
    ),
    "memory_stale": (
        "Mes notes sur toi ont changé depuis ce message. Envoie /memory pour les voir telles "
        "qu'elles sont maintenant."
    ),
    "memory_busy": (
        "J'intègre encore ta dernière correction à mes notes — laisse-moi un moment, puis réessaie."
    ),
    "memory_blocked": (
        "Lumen n'est pas disponible pour toi pendant un moment, donc je ne peux pas modifier "
        "mes notes maintenant. Si tu es en danger, appelle le numéro d'urgence local."
    ),
    "memory_correction_received": "Merci de me corriger. Laisse-moi réécrire ça… 📝",
    "memory_corrected": "Voici ce que ça donne maintenant (/memory affiche tout) :",
    "memory_correction_delayed": (
        "J'ai gardé ta correction, mais je ne peux pas réécrire mes notes pour l'instant. Je "
        "continue d'essayer et je te montrerai le résultat quand ce sera fait."
    ),
    "memory_correction_refused": (
        "Je n'ai pas réussi à réécrire ça d'une façon qui me convienne, donc mes notes "
        "restent telles qu'elles étaient, et quelqu'un de l'équipe Lumen va y jeter un œil. "
        "Tu peux réessayer avec d'autres mots, si tu veux."
    ),
    "memory_cancelled": "D'accord — j'ai laissé les choses telles quelles.",
    "export_menu": (
        "Tout ton historique — chaque séance, mes carnets et l'Arc — dans un seul fichier : "
        "des notes que tu peux lire, et une copie que tu peux restaurer avec /import.\n\n"
        "Avec une phrase secrète, le fichier est chiffré. Personne ne peut l'ouvrir sans "
        "cette phrase secrète — et si elle est perdue, elle ne peut pas être récupérée, pas "
        "même par l'équipe Lumen."
    ),
    "export_button": "Exporter",
    "export_passphrase_button": "Exporter avec phrase secrète",
    "export_nothing": "Je ne garde encore rien de toi, donc il n'y a rien à exporter.",
    "export_ready": (
        "Voici ton historique (séances : {sessions}). Garde-le en lieu sûr — toute personne "
        "qui a ce fichier peut le lire."
    ),
    "export_ready_protected": (
        "Voici ton historique (séances : {sessions}), chiffré avec ta phrase secrète. "
        "Garde-la précieusement : sans elle, personne ne peut ouvrir ce fichier, et elle ne "
        "peut pas être récupérée."
    ),
    "export_too_large": (
        "Ton export dépasse la taille que Telegram me permet d'envoyer. Demande-le à l'équipe "
        "Lumen, s'il te plaît."
    ),
    "passphrase_ask": (
        "Envoie-moi une phrase secrète d'au moins 10 caractères — quelques mots dont tu te "
        "souviendras, ça marche bien. Je supprimerai ton message aussitôt et ne le garderai "
        "jamais.\n\n"
        "Si tu perds la phrase secrète, personne ne pourra ouvrir le fichier : elle ne peut "
        "pas être récupérée. /cancel pour arrêter."
    ),
    "passphrase_placeholder": "Ta phrase secrète",
    "passphrase_too_short": (
        "Cette phrase fait moins de 10 caractères, donc j'ai supprimé ton message. Envoie une "
        "phrase secrète plus longue, ou /cancel."
    ),
    "passphrase_expired": (
        "Cette demande de phrase secrète a expiré, donc j'ai supprimé ton message sans m'en "
        "servir. Envoie /export ou /import pour recommencer."
    ),
    "passphrase_not_deleted": (
        "Je n'ai pas pu supprimer le message qui contient ta phrase secrète — supprime-le "
        "toi-même, s'il te plaît."
    ),
    "import_ask": (
        "Envoie-moi ici ton fichier d'export (lumen-export-….zip), et je restaurerai ton "
        "historique."
    ),
    "import_passphrase_ask": (
        "Cet export est protégé. Envoie-moi sa phrase secrète — je supprimerai ton message "
        "aussitôt et ne le garderai jamais. /cancel pour arrêter."
    ),
    "import_done": (
        "Content de te retrouver — j'ai restauré ton historique (séances : {sessions}), avec "
        "mes carnets et l'Arc. On peut reprendre là où on s'était arrêtés."
    ),
    "import_unreadable": (
        "Ce fichier n'est pas un export Lumen que je sais lire, donc je n'ai rien importé. "
        "Envoie le fichier que /export t'a donné, sans le modifier."
    ),
    "import_too_large": (
        "Ce fichier est plus gros que ne peut l'être un export Lumen, donc je ne l'ai pas ouvert."
    ),
    "import_tampered": (
        "Cet export a été modifié ou endommagé après sa création, donc je ne peux pas m'y "
        "fier et je n'ai rien importé."
    ),
    "import_foreign": (
        "Cet export a été créé par un autre Lumen, dont je ne peux pas vérifier le sceau, "
        "donc je n'ai rien importé. Un export peut revenir au Lumen qui l'a créé (ou à un "
        "autre qui partage ses clés)."
    ),
    "import_not_yours": ("Cet export appartient à quelqu'un d'autre, donc je n'ai rien importé."),
    "import_passphrase_needed": (
        "Cet export est protégé par une phrase secrète. Renvoie le fichier et je te la demanderai."
    ),
    "import_wrong_passphrase": (
        "Cette phrase secrète n'ouvre pas l'export, donc je n'ai rien importé. Renvoie le "
        "fichier pour réessayer."
    ),
    "import_wrong_passphrase_retry": (
        "Cette phrase secrète n'ouvre pas l'export (je l'ai supprimée). Réessaie, ou /cancel."
    ),
    "import_history_exists": (
        "Tu as déjà un historique ici, et un import ne mélange jamais deux historiques. Pour "
        "restaurer celui-ci, utilise d'abord /forget, puis renvoie le fichier."
    ),
    "import_download_failed": (
        "Je n'ai pas pu récupérer ce fichier depuis Telegram. Renvoie-le, s'il te plaît."
    ),
    "portability_cancelled": "Arrêté — rien n'a été exporté ni importé.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Ton export Lumen\n\n"
        "Voici tout ce que Lumen garde sur toi, à la date du {created}.\n\n"
        "- `sessions/` — un fichier par séance : ce que Lumen et toi avez dit, dans\n"
        "  l'ordre, et le carnet que Lumen a écrit à la clôture de la séance.\n"
        "- `arc.md` — l'Arc : ce que Lumen a compris de toi au fil du temps, dans son\n"
        "  état actuel.\n"
        "- `lumen-export.json` — le même historique, complet, destiné à être lu par un\n"
        "  ordinateur.\n"
        "- `manifest.json` — une empreinte de chaque fichier et un sceau, pour que Lumen\n"
        "  puisse savoir si quelque chose a été modifié dans l'export. Un export modifié\n"
        "  ne peut pas être importé.\n\n"
        "Pour restaurer ton historique, envoie à Lumen cet export tel que tu l'as reçu,\n"
        "le fichier .zip entier, avec /import.\n\n"
        "Les heures sont indiquées dans le fuseau horaire {zone}.\n"
    ),
    "export_readme_protected": (
        "\nCet export a été protégé par une phrase secrète que tu as choisie. Garde-la\n"
        "précieusement : personne, pas même ceux qui s'occupent de Lumen, ne peut la\n"
        "récupérer ni ouvrir le fichier sans elle.\n"
    ),
    "export_arc": "L'Arc",
    "export_arc_none": "Pas encore d'Arc : Lumen l'écrit à la clôture d'une séance.",
    "export_arc_version": "Version {version}, écrite le {written}.",
    "export_session": "Séance {number}",
    "export_session_began": "Commencée le {began}.",
    "export_session_closed": "Commencée le {began}, terminée le {closed}.",
    "export_conversation": "La conversation",
    "export_no_messages": "Aucun message.",
    "export_notebook": "Le carnet de Lumen",
    "export_no_notebook": "Pas de carnet pour cette séance.",
    "export_you": "Toi",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (lignes d'écoute en cas de crise)",
    "export_lumen_offer": "Lumen (soutien proposé)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "Ce qu'est Lumen et comment ça marche",
    "end": "Terminer la séance ; j'écris mes notes et te dis au revoir",
    "help": "Les commandes",
    "privacy": "Comment tes mots sont conservés",
    "report": "Signaler quelque chose que j'ai dit",
    "country": "Indiquer ton pays pour les lignes d'écoute",
    "remind": "Comment et quand je te rappelle notre prochaine séance",
    "timezone": "Ton fuseau horaire, pour des rappels à ton heure",
    "pause": "Mettre tous les rappels en pause",
    "resume": "Réactiver les rappels",
    "memory": "Ce que j'ai retenu sur toi, et un moyen de le corriger",
    "export": "Tout ton historique dans un fichier",
    "import": "Restaurer un historique que tu as exporté",
    "forget": "Supprimer tout ce que je garde sur toi, définitivement",
    "retention": "Durée de conservation des transcriptions des séances passées",
    "insights": "Compter tes séances dans des statistiques anonymes, ou non",
    "cancel": "Laisser de côté une question que je t'ai posée",
}
