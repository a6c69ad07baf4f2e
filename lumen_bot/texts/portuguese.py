"""Lumen's own words in Portuguese (Brazil) (pt).

Register: informal (você), as the Brazilian crisis line writes.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Falar com alguém agora",
    "safe_now_button": "Estou em segurança agora",
    "safe_now": (
        "Obrigado por me contar. Fico feliz que você esteja em segurança agora. Os números acima "
        "continuam aí sempre que precisar. Quando quiser, a gente continua: é só escrever. Sem "
        "pressa."
    ),
    "blocked": (
        "O Lumen não está disponível para você por um tempo. Se você estiver em perigo, ligue "
        "para o número de emergência local."
    ),
    "text_only": (
        "Obrigado por enviar. Por enquanto eu só consigo ler texto — você pode me contar em "
        "palavras o que quer compartilhar? Se você não estiver em segurança agora, ligue para o "
        "número de emergência local."
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
        "junto com o anexo."
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
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Oi, eu sou o Lumen 🌱\n"
        "\n"
        "Sou um mentor de IA para reflexão e crescimento. A gente conversa em sessões: você traz "
        "o que está na sua cabeça, eu escuto, pergunto e ajudo você a enxergar o seu próximo "
        "passo. Não sou terapeuta nem um serviço de emergência; se algum dia você estiver em "
        "perigo, ligue, por favor, para o número de emergência local.\n"
        "\n"
        "Suas palavras são criptografadas com uma chave que pertence só a você. Elas nunca são "
        "usadas para treinar nenhum modelo, e são suas: você pode exportá-las e apagá-las.\n"
        "\n"
        "Quando sentir que uma sessão está completa, envie /end: vou escrever minhas notas sobre "
        "ela, para que na próxima vez a gente comece de onde parou. As sessões funcionam melhor "
        "com alguns dias de intervalo entre elas.\n"
        "\n"
        "Então, o que está passando pela sua cabeça hoje?"
    ),
    "help": (
        "É só me escrever — não precisa de mais nada.\n"
        "\n"
        "/end — encerrar esta sessão; eu escrevo minhas notas e me despeço\n"
        "/report — avisar a equipe do Lumen que algo que eu disse estava errado (respondendo à "
        "minha mensagem)\n"
        "/remind — como e quando eu lembro você da nossa próxima sessão\n"
        "/timezone — seu fuso horário, para os lembretes chegarem no seu horário\n"
        "/pause, /resume — parar todos os lembretes e ativá-los de novo\n"
        "/country — onde você está, para eu indicar as linhas de apoio em crise certas\n"
        "/memory — o que eu lembro sobre você; me diga o que não está certo\n"
        "/export — todo o seu histórico em um arquivo; /import traz de volta\n"
        "/forget — apagar tudo o que eu guardo sobre você, para sempre\n"
        "/retention — por quanto tempo as transcrições das sessões passadas ficam guardadas\n"
        "/insights — contar suas sessões em estatísticas anônimas, ou não\n"
        "/privacy — como suas palavras são guardadas\n"
        "/cancel — deixar de lado uma pergunta que eu fiz\n"
        "/start — o que é o Lumen\n"
        "/help — esta lista"
    ),
    "privacy": (
        "Tudo o que você escreve aqui fica guardado criptografado com uma chave que pertence só "
        "a você. Isso é usado apenas para a sua mentoria: nunca para treinar nenhum modelo, "
        "nunca é vendido, nunca é compartilhado. As respostas do mentor são escritas pelo "
        "Claude, da Anthropic, que recebe a conversa para respondê-la e não treina com ela.\n"
        "\n"
        "Seu histórico é seu: /memory mostra o que eu lembro sobre você (e permite corrigir), "
        "/export gera uma cópia para você, /import traz uma de volta, e /forget apaga tudo para "
        "sempre — sua chave é destruída, então nada pode ser lido de novo. /retention define por "
        "quanto tempo as conversas passadas ficam guardadas palavra por palavra."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Obrigado — anotei: {country}. Vou mostrar as linhas de apoio em crise desse país quando "
        "forem necessárias."
    ),
    "country_ask": (
        "Em que país você está? Envie /country seguido do nome ou do código de duas letras do "
        "país, por exemplo /country Brasil, /country GB ou /country Deutschland."
    ),
    "country_unknown": (
        "Ainda não conheço as linhas de apoio em crise para esse código. No lugar delas, vou "
        "mostrar a lista internacional (findahelpline.com) e o número de emergência local."
    ),
    "closing_delayed": (
        "Escrever minhas notas está demorando mais do que deveria. Vou continuar tentando e "
        "envio minhas palavras de despedida quando estiverem prontas."
    ),
    "closing_next_time": (
        "Não consegui terminar minhas notas agora. Vou terminá-las, junto com minhas palavras de "
        "despedida, na próxima vez que você abrir este chat."
    ),
    "session_closed_plain": (
        "Esta sessão está encerrada. Quando você escrever de novo, uma nova começa — alguns dias "
        "de intervalo costumam ajudar as coisas a se assentarem."
    ),
    "reminder": (
        "Oi, aqui é o Lumen 🌱 Se quiser uma sessão, estou aqui — é só escrever quando for melhor "
        "para você."
    ),
    "reminder_thread": (
        "Oi, aqui é o Lumen 🌱 Se quiser uma sessão, estou aqui — é só escrever quando for melhor "
        "para você.\n"
        "\n"
        "Da última vez, isto ficou em aberto: {thread}"
    ),
    "reminder_last": (
        "Oi, aqui é o Lumen 🌱 Se quiser uma sessão, estou aqui — é só escrever quando for melhor "
        "para você.\n"
        "\n"
        "Não vou enviar mais lembretes até você voltar; /remind muda a forma como eu lembro "
        "você."
    ),
    "reminder_last_thread": (
        "Oi, aqui é o Lumen 🌱 Se quiser uma sessão, estou aqui — é só escrever quando for melhor "
        "para você.\n"
        "\n"
        "Da última vez, isto ficou em aberto: {thread}\n"
        "\n"
        "Não vou enviar mais lembretes até você voltar; /remind muda a forma como eu lembro "
        "você."
    ),
    "nothing_to_cancel": "Não há nada para cancelar agora.",
    "cancelled": "Tudo bem — deixei essas perguntas como estavam.",
    "session_closed": (
        "Esta sessão está encerrada. Um bom momento para a próxima: {when}. Vou te enviar um "
        "lembrete gentil nessa hora — /remind muda isso."
    ),
    "session_closed_no_reminder": (
        "Esta sessão está encerrada. Um bom momento para a próxima: {when} — escreva quando "
        "quiser. /remind se quiser um lembrete."
    ),
    "when_around": "{day}, por volta das {time}",
    "when_utc": "{when} UTC (/timezone mostra os horários no seu fuso)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "O que é o Lumen e como funciona",
    "end": "Encerrar esta sessão; escrevo minhas notas e me despeço",
    "help": "Os comandos",
    "privacy": "Como suas palavras são guardadas",
    "report": "Avisar sobre algo que eu disse",
    "country": "Informar seu país para as linhas de apoio em crise",
    "remind": "Como e quando eu lembro você da nossa próxima sessão",
    "timezone": "Seu fuso horário, para os lembretes chegarem no seu horário",
    "pause": "Pausar todos os lembretes",
    "resume": "Ativar os lembretes de novo",
    "memory": "O que eu lembro sobre você e um jeito de corrigir",
    "export": "Todo o seu histórico em um arquivo",
    "import": "Trazer de volta um histórico que você exportou",
    "forget": "Apagar tudo o que eu guardo sobre você, para sempre",
    "retention": "Por quanto tempo guardo transcrições de sessões passadas",
    "insights": "Contar suas sessões em estatísticas anônimas, ou não",
    "cancel": "Deixar de lado uma pergunta que eu fiz",
}
