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
