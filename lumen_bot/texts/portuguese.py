"""Lumen's own words in Portuguese (Brazil) (pt).

Register: informal (você), as the Brazilian crisis line writes.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Falar com alguém agora",
    "safe_now_button": "Estou em segurança agora",
    "safe_now": (
        "Obrigado por me contar. Fico feliz que você esteja em segurança agora. Os números "
        "acima continuam aí sempre que precisar. Quando quiser, a gente continua: é só "
        "escrever. Sem pressa."
    ),
    "blocked": (
        "O Lumen não está disponível para você por um tempo. Se você estiver em perigo, "
        "ligue para o número de emergência local."
    ),
    "text_only": (
        "Obrigado por enviar. Por enquanto eu só consigo ler texto — você pode me contar em "
        "palavras o que quer compartilhar? Se você não estiver em segurança agora, ligue para"
        " o número de emergência local."
    ),
    "end_button": "Encerrar a sessão",
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Neste momento não consigo organizar meus pensamentos. Guardei sua mensagem e vou "
        "responder assim que puder — não precisa enviar de novo."
    ),
    "mentor_busy": (
        "Preciso de um momento. Guardei sua mensagem e vou responder assim que puder — não "
        "precisa enviar de novo."
    ),
    "words_lost": (
        "Desculpe, perdi as palavras no meio do caminho. Guardei sua mensagem e vou responder "
        "assim que puder — não precisa enviar de novo."
    ),
    "slow_down": (
        "Você está escrevendo mais rápido do que eu consigo pensar 🙂 Guardei cada palavra — me "
        "dê um momento, e eu respondo tudo junto com a sua próxima mensagem."
    ),
    "daily_limit": (
        "A gente conversou bastante hoje, e cheguei ao meu limite do dia. Tudo o que você "
        "escreveu está guardado; vou responder quando você escrever de novo amanhã."
    ),
    "long_message": (
        "Essa mensagem é longa — guardei tudo. Vou responder à primeira parte; se quiser, mande "
        "o resto em partes menores."
    ),
    "lost_thread": (
        "Desculpe — fiquei um tempo fora e perdi o fio do que você escreveu antes. Você pode me "
        "contar de novo, ou continuar de onde você está agora?"
    ),
    "something_went_wrong": "Algo deu errado do meu lado — tente de novo daqui a pouco.",
    "caption_only": (
        "Ainda não consigo ver anexos, só palavras — então vou responder ao que você escreveu "
        "junto com ele."
    ),
    "private_only": (
        "Oi! Eu só funciono em chats privados, então não vou ler nem guardar nada aqui. Abra um "
        "chat privado comigo para a gente conversar."
    ),
    "message_unreadable": (
        "Desculpe — algo que você me escreveu foi danificado no lugar onde eu guardo, e não "
        "consigo mais ler, então não respondi. É uma falha minha, não algo que você fez. Se era "
        "importante, você pode enviar de novo?"
    ),
    "record_unreadable": (
        "Desculpe — parte do que eu guardo para você não pode ser aberta agora, então não "
        "consigo responder. É uma falha minha, não algo que você fez, e isso ficou registrado "
        "para as pessoas que cuidam de mim."
    ),
    "no_session_to_end": "Não há nenhuma sessão aberta agora. Me escreva quando quiser.",
    "session_closing": "Obrigado por esta sessão. Vou escrever minhas notas… 📝",
    "new_session_after_idle": (
        "Nossa última conversa ficou parada, então encerrei aquela sessão e guardei minhas "
        "notas. Esta é uma nova sessão — o que está passando pela sua cabeça hoje?"
    ),
    "report_reason": "Obrigado por me contar. O que havia de errado?",
    "report_thanks": (
        "Obrigado. Uma pessoa da equipe do Lumen vai analisar isso. Seu relato ajuda a tornar o "
        "Lumen mais seguro."
    ),
    "report_already": "Este relato já está com a equipe — obrigado.",
    "report_harmful": "Prejudicial",
    "report_wrong": "Errado ou enganoso",
    "report_inappropriate": "Inadequado",
    "report_privacy": "Privacidade",
    "report_other": "Outra coisa",
    "end_button_stale": (
        "Esse botão é de uma sessão anterior, então deixei esta aberta. Envie /end quando quiser "
        "encerrá-la."
    ),
}
