"""Lumen's own words in Portuguese (Brazil) (pt).

Register: informal (você), as the Brazilian crisis line writes.
"""

from __future__ import annotations

# A time of one o'clock (01:xx) takes the singular: "por volta da 01:30", "agora é 01:30".
# Each pair is a plural form around a time field ("{}") and its singular, tried in order.
ONE_OCLOCK: tuple[tuple[str, str], ...] = (
    ("são {}", "é {}"),
    ("das {}", "da {}"),
    ("às {}", "à {}"),
    ("até as {}", "até a {}"),
)

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
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Te mando um lembrete a cada poucos dias, {at}.",
    "rhythm_weekly": "🔔 Te mando um lembrete uma vez por semana, {at}.",
    "rhythm_on_request": (
        "🔔 Só te mando um lembrete quando você pede: “Me lembre uma vez” agenda um, {at}."
    ),
    "rhythm_off": "🔕 Os lembretes estão desativados — me escreva quando quiser.",
    "rhythm_at": "por volta das {time} ({zone})",
    "rhythm_at_usual": "por volta do horário em que a sua última sessão começou ({zone})",
    "rhythm_quiet": (
        "O horário das {time} cai no meu período de silêncio (das {start} às {end}), então o "
        "lembrete espera até as {end}."
    ),
    "rhythm_next": "Próximo lembrete: {when}.",
    "rhythm_next_later": "Vou agendar o próximo lembrete quando uma sessão for encerrada.",
    "rhythm_paused": "Os lembretes estão pausados — /resume volta a ativá-los.",
    "rhythm_utc": "Os horários estão em UTC até você definir seu fuso horário com /timezone.",
    "rhythm_mention": (
        "Um lembrete pode citar o que ficou em aberto (a tela de bloqueio mostra uma prévia)."
    ),
    "rhythm_generic": ("Os lembretes ficam genéricos: nunca dizem sobre o que a gente conversou."),
    "rhythm_choose": "Mude abaixo ou me mande um horário: /remind 9:30 ou /remind 19:30.",
    "rhythm_saved": "Salvo — /remind mostra seus lembretes.",
    "remind_time_unknown": (
        "Não encontrei um horário na sua mensagem. Tente /remind 9:30, /remind 19:00 ou "
        "simplesmente /remind 9."
    ),
    "button_few_days": "A cada poucos dias",
    "button_weekly": "Uma vez por semana",
    "button_on_request": "Só quando eu pedir",
    "button_off": "Sem lembretes",
    "button_usual_time": "Quando costumo começar",
    "button_remind_once": "Me lembre uma vez",
    "button_generic": "Manter lembretes genéricos",
    "button_mention": "Citar o que ficou em aberto",
    "timezone_ask": (
        "Agora eu mostro seus horários no fuso {zone}. Para mudar, envie /timezone e uma "
        "cidade perto de você — por exemplo /timezone São Paulo ou /timezone America/Manaus — "
        "ou compartilhe uma localização (📎 → Localização). Guardo só o fuso horário, nunca o "
        "lugar."
    ),
    "timezone_set": "Pronto — seu fuso horário é {zone}; agora são {time} aí.",
    "timezone_from_location": (
        "Obrigado — seu fuso horário é {zone}; agora são {time} aí. Guardei só o fuso "
        "horário, não o lugar."
    ),
    "timezone_unknown": (
        "Não encontrei nenhum fuso horário com esse nome. Tente uma cidade grande perto de "
        "você (/timezone São Paulo), o nome de um fuso (/timezone America/Sao_Paulo) ou "
        "compartilhe uma localização."
    ),
    "timezone_location_unknown": (
        "Não consegui descobrir o fuso horário desse lugar. Você pode me enviar /timezone e "
        "uma cidade perto de você?"
    ),
    "reminders_paused": (
        "Lembretes pausados — não vou enviar nenhum até você mandar /resume. Você ainda pode "
        "me escrever quando quiser."
    ),
    "reminders_resumed_next": "Os lembretes estão ativos de novo. O próximo: {when}.",
    "reminders_resumed_later": (
        "Os lembretes estão ativos de novo. Vou agendar o próximo quando uma sessão for encerrada."
    ),
    "reminders_resumed_ask": (
        "Os lembretes estão ativos de novo — mas você escolheu receber lembretes só quando "
        "pedir. /remind muda isso."
    ),
    "reminders_resumed_off": (
        "Os lembretes estão ativos de novo — mas você os desativou. /remind muda isso."
    ),
    "forget_ask": (
        "Isto apaga tudo o que eu guardo sobre você: a transcrição de cada sessão, meus "
        "cadernos, o Arco, seus lembretes e suas configurações.\n\n"
        "É definitivo. A chave que abre suas palavras é destruída, então nada pode ser lido "
        "de novo — nem por mim, nem pela equipe do Lumen, nem a partir de uma cópia antiga do "
        "banco de dados.\n\n"
        "Se a equipe estiver analisando algo que você relatou, ou um momento de crise, ela "
        "guarda só o fato de que aconteceu e quando — nunca o que foi dito.\n\n"
        "Quer uma cópia antes?"
    ),
    "forget_button_export": "Exportar meus dados antes",
    "forget_button_confirm": "Apagar tudo",
    "forget_button_cancel": "Cancelar",
    "forget_working": "Apagando tudo…",
    "forget_done": (
        "Pronto. Tudo o que você me contou foi apagado e não pode ser recuperado. Se você "
        "escrever de novo, a gente começa do zero — não vou me lembrar de você."
    ),
    "forget_cancelled": "Nada foi apagado. Tudo continua como estava.",
    "forget_nothing": "No momento não guardo nada sobre você, então não há nada para apagar.",
    "forget_stale": (
        "Esse botão expirou, então nada foi apagado. Envie /forget de novo se quiser apagar "
        "seus dados."
    ),
    "retention_kept": (
        "As transcrições palavra por palavra das nossas sessões passadas ficam guardadas até "
        "você apagá-las (/forget)."
    ),
    "retention_days": (
        "As transcrições palavra por palavra das nossas sessões passadas são apagadas {days} "
        "dias depois que cada sessão é encerrada."
    ),
    "retention_global": (
        "(O Lumen as apaga depois de {days} dias para todo mundo; vale o prazo mais curto.)"
    ),
    "retention_about": (
        "Meus cadernos e o Arco ficam de qualquer forma: é assim que eu me lembro de você. "
        "Escolha abaixo."
    ),
    "retention_button_off": "Manter",
    "retention_button_days": "{days} dias",
    "insights_on": (
        "Suas sessões entram nas estatísticas anônimas do Lumen: só números, como quanto "
        "tempo as sessões duram e o intervalo entre elas — nunca o que você disse, nunca quem "
        "você é, e nunca um grupo com sessões de menos de cinco pessoas."
    ),
    "insights_off": (
        "Suas sessões ficam fora das estatísticas anônimas do Lumen: não entram em nenhuma "
        "contagem."
    ),
    "insights_button_on": "Contar minhas sessões",
    "insights_button_off": "Me deixar de fora",
    "memory_intro": (
        "Isto é o que eu guardo sobre você: o Arco, o que fui entendendo sobre você ao longo "
        "do tempo, que eu leio no início de cada sessão. É a sua história — se alguma parte "
        "não estiver certa, toque no botão embaixo dela e me conte."
    ),
    "memory_no_arc": (
        "Ainda não tenho um Arco sobre você. Eu escrevo um quando a nossa primeira sessão for "
        "encerrada (/end); depois ele fica aqui para você ler e corrigir."
    ),
    "memory_notebooks": (
        "Meus cadernos, um para cada sessão que encerramos — toque em um para ler:"
    ),
    "memory_no_notebooks": "Ainda não escrevi nenhum caderno de sessão.",
    "memory_notebook_button": "Sessão {number} · {date}",
    "memory_notebook_title": "Meu caderno da sessão {number} ({date}):",
    "memory_notebook_missing": "Não encontro esse caderno — /memory mostra os que eu tenho.",
    "memory_fix_button": "Isso não está certo",
    "memory_ask": (
        "O que não está certo em “{section}”? Me conte com suas palavras — sua próxima "
        "mensagem é a sua correção, e o que vale é a sua versão. /cancel deixa como está."
    ),
    "memory_ask_opening": (
        "O que não está certo nessa parte? Me conte com suas palavras — sua próxima mensagem "
        "é a sua correção, e o que vale é a sua versão. /cancel deixa como está."
    ),
    "memory_stale": (
        "Minhas notas sobre você mudaram desde aquela mensagem. Envie /memory para vê-las "
        "como estão agora."
    ),
    "memory_busy": (
        "Ainda estou incluindo sua última correção nas minhas notas — me dê um momento e "
        "tente de novo."
    ),
    "memory_blocked": (
        "O Lumen não está disponível para você por um tempo, então não posso mudar minhas "
        "notas agora. Se você estiver em perigo, ligue para o número de emergência local."
    ),
    "memory_correction_received": "Obrigado por me corrigir. Vou reescrever isso… 📝",
    "memory_corrected": "Veja como ficou (/memory mostra tudo):",
    "memory_correction_delayed": (
        "Guardei sua correção, mas não consigo reescrever minhas notas agora. Vou continuar "
        "tentando e te mostro quando estiver pronto."
    ),
    "memory_correction_refused": (
        "Não consegui reescrever isso de um jeito com que eu me sinta confortável, então "
        "minhas notas ficam como estavam, e alguém da equipe do Lumen vai analisar. Fique à "
        "vontade para tentar de novo com outras palavras."
    ),
    "memory_cancelled": "Tudo bem — deixei como estava.",
    "export_menu": (
        "Todo o seu histórico — cada sessão, meus cadernos e o Arco — em um só arquivo: notas "
        "que você pode ler e uma cópia que você pode trazer de volta com /import.\n\n"
        "Com uma frase secreta, o arquivo é criptografado. Ninguém consegue abri-lo sem essa "
        "frase secreta — e, se ela for perdida, não pode ser recuperada, nem pela equipe do "
        "Lumen."
    ),
    "export_button": "Exportar",
    "export_passphrase_button": "Exportar com frase secreta",
    "export_nothing": "Ainda não guardo nada seu, então não há nada para exportar.",
    "export_ready": (
        "Aqui está o seu histórico (sessões: {sessions}). Guarde em um lugar seguro — "
        "qualquer pessoa com este arquivo pode lê-lo."
    ),
    "export_ready_protected": (
        "Aqui está o seu histórico (sessões: {sessions}), criptografado com a sua frase "
        "secreta. Guarde bem a frase secreta: sem ela ninguém consegue abrir este arquivo, e "
        "ela não pode ser recuperada."
    ),
    "export_too_large": (
        "Sua exportação é maior do que o Telegram me deixa enviar. Peça o arquivo à equipe do "
        "Lumen, por favor."
    ),
    "passphrase_ask": (
        "Me mande uma frase secreta com pelo menos 10 caracteres — algumas palavras que você "
        "consiga lembrar funcionam bem. Vou apagar sua mensagem na hora e nunca guardá-la.\n\n"
        "Se você perder a frase secreta, ninguém consegue abrir o arquivo: ela não pode ser "
        "recuperada. /cancel interrompe."
    ),
    "passphrase_placeholder": "Sua frase secreta",
    "passphrase_too_short": (
        "Essa frase tem menos de 10 caracteres, então apaguei a mensagem. Mande uma frase "
        "secreta mais longa, ou /cancel."
    ),
    "passphrase_expired": (
        "Esse pedido de frase secreta expirou, então apaguei sua mensagem sem usá-la. Envie "
        "/export ou /import para começar de novo."
    ),
    "passphrase_not_deleted": (
        "Não consegui apagar a mensagem com a sua frase secreta — por favor, apague-a você."
    ),
    "import_ask": (
        "Me mande aqui o seu arquivo de exportação (lumen-export-….zip), e eu trago o seu "
        "histórico de volta."
    ),
    "import_passphrase_ask": (
        "Esta exportação está protegida. Me mande a frase secreta dela — vou apagar sua "
        "mensagem na hora e nunca guardá-la. /cancel interrompe."
    ),
    "import_done": (
        "Que bom ter você de volta — restaurei seu histórico (sessões: {sessions}), com meus "
        "cadernos e o Arco. Podemos continuar de onde paramos."
    ),
    "import_unreadable": (
        "Esse arquivo não é uma exportação do Lumen que eu consiga ler, então não importei "
        "nada. Envie o arquivo que o /export te deu, sem alterações."
    ),
    "import_too_large": (
        "Esse arquivo é grande demais para ser uma exportação do Lumen, então não o abri."
    ),
    "import_tampered": (
        "Essa exportação foi alterada ou danificada depois de criada, então não posso confiar "
        "nela e não importei nada."
    ),
    "import_foreign": (
        "Essa exportação foi feita por outro Lumen, cujo selo eu não consigo verificar, então "
        "não importei nada. Uma exportação pode voltar para o Lumen que a fez (ou para outro "
        "que compartilhe as chaves dele)."
    ),
    "import_not_yours": "Essa exportação pertence a outra pessoa, então não importei nada.",
    "import_passphrase_needed": (
        "Essa exportação está protegida por uma frase secreta. Envie o arquivo de novo, e eu "
        "vou pedir a frase."
    ),
    "import_wrong_passphrase": (
        "Essa frase secreta não abre a exportação, então não importei nada. Envie o arquivo "
        "de novo para tentar outra vez."
    ),
    "import_wrong_passphrase_retry": (
        "Essa frase secreta não abre a exportação (já apaguei a mensagem). Tente de novo, ou "
        "/cancel."
    ),
    "import_history_exists": (
        "Você já tem um histórico aqui, e uma importação nunca mistura dois. Para trazer este "
        "de volta, use /forget primeiro e depois envie o arquivo de novo."
    ),
    "import_download_failed": (
        "Não consegui baixar esse arquivo do Telegram. Envie de novo, por favor."
    ),
    "portability_cancelled": "Interrompido — nada foi exportado nem importado.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Sua exportação do Lumen\n\n"
        "Aqui está tudo o que o Lumen guarda sobre você, até {created}.\n\n"
        "- `sessions/` — um arquivo por sessão: o que você e o Lumen disseram, em ordem,\n"
        "  e o caderno que o Lumen escreveu quando a sessão foi encerrada.\n"
        "- `arc.md` — o Arco: o que o Lumen foi entendendo sobre você ao longo do tempo,\n"
        "  como está agora.\n"
        "- `lumen-export.json` — o mesmo histórico, completo, para um computador ler.\n"
        "- `manifest.json` — uma impressão digital de cada arquivo e um selo, para que o\n"
        "  Lumen possa saber se algo na exportação foi alterado. Uma exportação alterada\n"
        "  não pode ser importada.\n\n"
        "Para trazer seu histórico de volta, envie ao Lumen esta exportação do jeito que\n"
        "ela veio, o arquivo .zip inteiro, com /import.\n\n"
        "Os horários são mostrados no fuso horário {zone}.\n"
    ),
    "export_readme_protected": (
        "\nEsta exportação foi protegida com uma frase secreta escolhida por você. Guarde\n"
        "bem essa frase secreta: ninguém, nem mesmo as pessoas que cuidam do Lumen,\n"
        "consegue recuperá-la ou abrir o arquivo sem ela.\n"
    ),
    "export_arc": "O Arco",
    "export_arc_none": "Ainda não há Arco: o Lumen o escreve quando uma sessão é encerrada.",
    "export_arc_version": "Versão {version}, escrita em {written}.",
    "export_session": "Sessão {number}",
    "export_session_began": "Iniciada em {began}.",
    "export_session_closed": "Iniciada em {began}, encerrada em {closed}.",
    "export_conversation": "Conversa",
    "export_no_messages": "Nenhuma mensagem.",
    "export_notebook": "O caderno do Lumen",
    "export_no_notebook": "Nenhum caderno para esta sessão.",
    "export_you": "Você",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (linhas de apoio em crise)",
    "export_lumen_offer": "Lumen (oferta de apoio)",
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
