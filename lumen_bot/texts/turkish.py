"""Lumen's own words in Turkish (tr).

Register: polite (siz).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Şimdi biriyle konuşun",
    "safe_now_button": "Şu an güvendeyim",
    "safe_now": (
        "Bunu söylediğiniz için teşekkür ederim. Şu an güvende olmanıza sevindim. Yukarıdaki "
        "numaralar, ihtiyaç duyduğunuz her an orada. Ne zaman isterseniz devam ederiz; yazmanız "
        "yeterli. Acelesi yok."
    ),
    "blocked": (
        "Lumen bir süre sizin için kullanılamıyor. Tehlikedeyseniz lütfen yerel acil durum "
        "numarasını arayın."
    ),
    "text_only": (
        "Gönderdiğiniz için teşekkürler. Şimdilik yalnızca yazı okuyabiliyorum; paylaşmak "
        "istediğinizi bana kelimelerle yazabilir misiniz? Şu an güvende değilseniz lütfen yerel "
        "acil durum numarasını arayın."
    ),
    "end_button": "Oturumu bitir",
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Şu anda düşüncelerimi toparlayamıyorum. Mesajınızı sakladım, en kısa sürede "
        "yanıtlayacağım — tekrar göndermenize gerek yok."
    ),
    "mentor_busy": (
        "Biraz zamana ihtiyacım var. Mesajınızı sakladım, en kısa sürede yanıtlayacağım — tekrar "
        "göndermenize gerek yok."
    ),
    "words_lost": (
        "Kusura bakmayın, sözlerim yarıda kaldı. Mesajınızı sakladım, en kısa sürede "
        "yanıtlayacağım — tekrar göndermenize gerek yok."
    ),
    "slow_down": (
        "Benim düşünebildiğimden daha hızlı yazıyorsunuz 🙂 Her kelimeyi sakladım — bana biraz "
        "zaman verin, hepsini bir sonraki mesajınızla birlikte yanıtlayacağım."
    ),
    "daily_limit": (
        "Bugün çok konuştuk ve bugünlük sınırıma ulaştım. Yazdığınız her şey saklı; yarın tekrar "
        "yazdığınızda yanıtlayacağım."
    ),
    "long_message": (
        "Bu uzun bir mesaj — hepsini sakladım. İlk kısmına yanıt vereceğim; geri kalanını daha "
        "küçük parçalar halinde göndermekten çekinmeyin."
    ),
    "lost_thread": (
        "Özür dilerim — bir süre uzak kaldım ve daha önce yazdıklarınızda ipin ucunu kaçırdım. "
        "Bana tekrar anlatabilir misiniz, ya da şu an bulunduğunuz noktadan devam edebilir "
        "misiniz?"
    ),
    "something_went_wrong": "Benim tarafımda bir sorun oldu — lütfen birazdan tekrar deneyin.",
    "caption_only": (
        "Ekleri henüz göremiyorum, yalnızca yazıları — bu yüzden ekle birlikte yazdıklarınıza "
        "yanıt vereceğim."
    ),
    "private_only": (
        "Merhaba! Yalnızca özel sohbetlerde çalışıyorum, bu yüzden burada hiçbir şeyi "
        "okumayacağım ya da saklamayacağım. Konuşmak için benimle özel bir sohbet açın."
    ),
    "message_unreadable": (
        "Özür dilerim — bana yazdığınız bir şey, onu sakladığım yerde bozulmuş ve geri "
        "okuyamıyorum, bu yüzden yanıtlamadım. Bu benim tarafımdaki bir hata, sizin yaptığınız "
        "bir şey değil. Önemliyse tekrar gönderebilir misiniz?"
    ),
    "record_unreadable": (
        "Özür dilerim — sizin için sakladıklarımın bir kısmı şu an açılamıyor, bu yüzden yanıt "
        "veremiyorum. Bu benim tarafımdaki bir hata, sizin yaptığınız bir şey değil; beni "
        "çalıştıran kişiler için kayda geçirildi."
    ),
    "no_session_to_end": "Şu an açık bir oturum yok. Bana dilediğiniz zaman yazabilirsiniz.",
    "session_closing": "Bu oturum için teşekkür ederim. Notlarımı yazayım… 📝",
    "new_session_after_idle": (
        "Son konuşmamız bir süredir sessizdi, bu yüzden o oturumu kapattım ve notlarımı "
        "sakladım. Bu yeni bir oturum — bugün aklınızda ne var?"
    ),
    "report_reason": "Bana bildirdiğiniz için teşekkür ederim. Bunda yanlış olan neydi?",
    "report_thanks": (
        "Teşekkür ederim. Lumen ekibinden biri buna bakacak. Bildiriminiz Lumen'in daha güvenli "
        "olmasına yardımcı oluyor."
    ),
    "report_already": "Bu bildirim ekibe zaten ulaştı — teşekkür ederim.",
    "report_harmful": "Zararlı",
    "report_wrong": "Yanlış veya yanıltıcı",
    "report_inappropriate": "Uygunsuz",
    "report_privacy": "Gizlilik",
    "report_other": "Başka bir şey",
    "end_button_stale": (
        "O düğme önceki bir oturuma ait, bu yüzden bu oturumu açık bıraktım. Kapatmak "
        "istediğinizde /end gönderin."
    ),
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Merhaba, ben Lumen 🌱\n"
        "\n"
        "Düşünüp taşınmak ve gelişmek için bir yapay zekâ mentoruyum. Oturumlar halinde "
        "konuşuruz: siz aklınızdakileri paylaşırsınız, ben dinler, sorular sorar ve bir sonraki "
        "adımınızı görmenize yardımcı olurum. Terapist değilim, acil durum hizmeti de değilim; "
        "bir gün tehlikede olursanız lütfen yerel acil durum numarasını arayın.\n"
        "\n"
        "Sözleriniz yalnızca size ait bir anahtarla şifrelenir. Hiçbir modeli eğitmek için asla "
        "kullanılmaz; onlar sizindir, dışa aktarıp silebilirsiniz.\n"
        "\n"
        "Bir oturum tamamlanmış gibi geldiğinde /end gönderin: o oturumla ilgili notlarımı "
        "yazarım, böylece bir dahaki sefere kaldığımız yerden başlarız. Oturumlar, aralarında "
        "birkaç gün olduğunda en iyi sonucu verir.\n"
        "\n"
        "Peki — bugün aklınızda ne var?"
    ),
    "help": (
        "Bana yazmanız yeterli — hepsi bu.\n"
        "\n"
        "/end — bu oturumu kapatın; notlarımı yazar ve vedalaşırım\n"
        "/report — söylediğim bir şeyin yanlış olduğunu Lumen ekibine bildirin (mesajımı "
        "yanıtlayarak)\n"
        "/remind — bir sonraki oturumumuzu size nasıl ve ne zaman hatırlattığım\n"
        "/timezone — saat diliminiz, böylece hatırlatmalar sizin saatinize göre gelir\n"
        "/pause, /resume — tüm hatırlatmaları durdurun ve yeniden açın\n"
        "/country — nerede olduğunuz, böylece kriz hatları size uygun olur\n"
        "/memory — sizinle ilgili hatırladıklarım; doğru olmayan yerleri bana söyleyin\n"
        "/export — tüm geçmişiniz bir dosya olarak; /import onu geri getirir\n"
        "/forget — sizinle ilgili tuttuğum her şeyi kalıcı olarak silin\n"
        "/retention — geçmiş oturumların dökümlerinin ne kadar süre saklandığı\n"
        "/insights — oturumlarınızı anonim istatistiklere dahil edin ya da etmeyin\n"
        "/privacy — sözlerinizin nasıl saklandığı\n"
        "/cancel — size sorduğum bir sorudan çıkın\n"
        "/start — Lumen nedir\n"
        "/help — bu liste"
    ),
    "privacy": (
        "Burada yazdığınız her şey, yalnızca size ait bir anahtarla şifrelenmiş olarak saklanır. "
        "Yalnızca size mentorluk yapmak için kullanılır: hiçbir modeli eğitmek için asla "
        "kullanılmaz, asla satılmaz, asla paylaşılmaz. Mentorun yanıtlarını Anthropic'in "
        "Claude'u yazar; Claude konuşmayı yanıtlamak için alır ve onu eğitim için kullanmaz.\n"
        "\n"
        "Geçmişiniz sizindir: /memory sizinle ilgili hatırladıklarımı gösterir (ve onları "
        "düzeltmenizi sağlar), /export size bir kopya verir, /import bir kopyayı geri getirir ve "
        "/forget her şeyi kalıcı olarak siler — anahtarınız yok edilir, böylece hiçbir şey bir "
        "daha okunamaz. /retention, geçmiş konuşmaların kelimesi kelimesine ne kadar süre "
        "saklanacağını belirler."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Teşekkür ederim — not aldım: {country}. Gerektiğinde o ülkenin kriz hatlarını "
        "göstereceğim."
    ),
    "country_ask": (
        "Hangi ülkedesiniz? /country yazıp ardından ülkenin adını ya da iki harfli kodunu "
        "gönderin; örneğin /country Brasil, /country GB veya /country Deutschland."
    ),
    "country_unknown": (
        "Bu kod için henüz bir kriz hattı bilmiyorum. Bunun yerine uluslararası listeyi "
        "(findahelpline.com) ve yerel acil durum numarasını göstereceğim."
    ),
    "closing_delayed": (
        "Notlarımı yazmak olması gerekenden uzun sürüyor. Denemeye devam edeceğim ve veda "
        "sözlerim hazır olunca size göndereceğim."
    ),
    "closing_next_time": (
        "Notlarımı şu an bitiremedim. Bu sohbeti bir dahaki açışınızda onları veda sözlerimle "
        "birlikte bitireceğim."
    ),
    "session_closed_plain": (
        "Bu oturum kapandı. Yeniden yazdığınızda yeni bir oturum başlar — birkaç günlük ara çoğu "
        "zaman her şeyin yerine oturmasına yardımcı olur."
    ),
    "reminder": (
        "Merhaba, ben Lumen 🌱 Bir oturum isterseniz buradayım — size uygun olduğunda yazmanız "
        "yeterli."
    ),
    "reminder_thread": (
        "Merhaba, ben Lumen 🌱 Bir oturum isterseniz buradayım — size uygun olduğunda yazmanız "
        "yeterli.\n"
        "\n"
        "Geçen sefer şu hâlâ açık kalmıştı: {thread}"
    ),
    "reminder_last": (
        "Merhaba, ben Lumen 🌱 Bir oturum isterseniz buradayım — size uygun olduğunda yazmanız "
        "yeterli.\n"
        "\n"
        "Siz dönene kadar başka hatırlatma göndermeyeceğim; /remind ile size nasıl "
        "hatırlatacağımı değiştirebilirsiniz."
    ),
    "reminder_last_thread": (
        "Merhaba, ben Lumen 🌱 Bir oturum isterseniz buradayım — size uygun olduğunda yazmanız "
        "yeterli.\n"
        "\n"
        "Geçen sefer şu hâlâ açık kalmıştı: {thread}\n"
        "\n"
        "Siz dönene kadar başka hatırlatma göndermeyeceğim; /remind ile size nasıl "
        "hatırlatacağımı değiştirebilirsiniz."
    ),
    "nothing_to_cancel": "Şu an iptal edilecek bir şey yok.",
    "cancelled": "Peki — o soruları olduğu gibi bıraktım.",
    "session_closed": (
        "Bu oturum kapandı. Bir sonraki için iyi bir zaman: {when}. O zaman size nazik bir "
        "hatırlatma göndereceğim — /remind ile bunu değiştirebilirsiniz."
    ),
    "session_closed_no_reminder": (
        "Bu oturum kapandı. Bir sonraki için iyi bir zaman: {when} — hazır olduğunuzda yazın. "
        "Hatırlatma isterseniz /remind."
    ),
    "when_around": "{day}, saat {time} civarı",
    "when_utc": "{when} UTC (/timezone saatleri kendi saat diliminizde gösterir)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "Lumen nedir ve nasıl çalışır",
    "end": "Bu oturumu kapatın; notlarımı yazar, vedalaşırım",
    "help": "Komutlar",
    "privacy": "Sözlerinizin nasıl saklandığı",
    "report": "Söylediğim bir şeyi bildirin",
    "country": "Kriz hatları için ülkenizi ayarlayın",
    "remind": "Bir sonraki oturumu nasıl ve ne zaman hatırlattığım",
    "timezone": "Saat diliminiz, hatırlatmalar saatinize göre gelsin",
    "pause": "Tüm hatırlatmaları duraklatın",
    "resume": "Hatırlatmaları yeniden açın",
    "memory": "Sizinle ilgili hatırladıklarım ve düzeltme imkânı",
    "export": "Tüm geçmişiniz bir dosya olarak",
    "import": "Dışa aktardığınız bir geçmişi geri getirin",
    "forget": "Sizinle ilgili tuttuğum her şeyi kalıcı olarak silin",
    "retention": "Geçmiş oturum dökümlerinin ne kadar saklandığı",
    "insights": "Oturumlarınızı anonim istatistiklere katın ya da katmayın",
    "cancel": "Size sorduğum bir sorudan çıkın",
}
