"""Lumen's own words in Portuguese (Brazil) (pt).

Register: informal (você), as the Brazilian crisis line writes.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
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
}
