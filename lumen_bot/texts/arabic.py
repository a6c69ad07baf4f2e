"""Lumen's own words in Arabic (ar).

Register: Modern Standard Arabic, addressing the person directly (أنت).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 تحدّث مع شخص الآن",
    "safe_now_button": "أنا بأمان الآن",
    "safe_now": (
        "شكرًا لأنك أخبرتني. يسعدني أنك بأمان الآن. الأرقام أعلاه موجودة متى احتجت إليها. "
        "وعندما ترغب، نكمل من حيث توقفنا: فقط اكتب لي. لا داعي للعجلة."
    ),
    "blocked": "Lumen غير متاح لك لفترة. إذا كنت في خطر، فاتصل برقم الطوارئ المحلي.",
    "text_only": (
        "شكرًا لأنك أرسلت هذا. حاليًا أستطيع قراءة النصوص فقط، فهل يمكنك أن تكتب لي بالكلمات "
        "ما تريد مشاركته؟ إذا لم تكن بأمان الآن، فاتصل برقم الطوارئ المحلي."
    ),
    "end_button": "إنهاء الجلسة",
}
