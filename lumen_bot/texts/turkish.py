"""Lumen's own words in Turkish (tr).

Register: polite (siz).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 Şimdi biriyle konuşun",
    "safe_now_button": "Şu an güvendeyim",
    "safe_now": (
        "Bunu söylediğiniz için teşekkür ederim. Şu an güvende olmanıza sevindim. "
        "Yukarıdaki numaralar, ihtiyaç duyduğunuz her an orada. Ne zaman isterseniz devam "
        "ederiz; yazmanız yeterli. Acelesi yok."
    ),
    "blocked": (
        "Lumen bir süre sizin için kullanılamıyor. Tehlikedeyseniz lütfen yerel acil durum "
        "numarasını arayın."
    ),
    "text_only": (
        "Gönderdiğiniz için teşekkürler. Şimdilik yalnızca yazı okuyabiliyorum; paylaşmak "
        "istediğinizi bana kelimelerle yazabilir misiniz? Şu an güvende değilseniz lütfen "
        "yerel acil durum numarasını arayın."
    ),
    "end_button": "Oturumu bitir",
}
