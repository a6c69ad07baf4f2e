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
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Size birkaç günde bir, {at} hatırlatıyorum.",
    "rhythm_weekly": "🔔 Size haftada bir, {at} hatırlatıyorum.",
    "rhythm_on_request": (
        "🔔 Yalnızca siz istediğinizde hatırlatıyorum: “Bir kez hatırlat” düğmesi, {at} bir "
        "hatırlatma planlar."
    ),
    "rhythm_off": "🔕 Hatırlatmalar kapalı — dilediğiniz zaman yazabilirsiniz.",
    "rhythm_at": "saat {time} civarında ({zone})",
    "rhythm_at_usual": "son oturumunuzun başladığı saat civarında ({zone})",
    "rhythm_quiet": (
        "Saat {time}, sessiz saatlerime ({start} ile {end} arası) denk geliyor; bu yüzden "
        "hatırlatma saat {end} olana kadar bekler."
    ),
    "rhythm_next": "Sonraki hatırlatma: {when}.",
    "rhythm_next_later": "Sonraki hatırlatmayı bir oturum kapandığında planlayacağım.",
    "rhythm_paused": "Hatırlatmalar duraklatıldı — /resume ile yeniden açabilirsiniz.",
    "rhythm_utc": "Saat diliminizi /timezone ile ayarlayana kadar saatler UTC'ye göredir.",
    "rhythm_mention": (
        "Bir hatırlatmada, açık bıraktığımız konudan söz edebilirim (kilit ekranında "
        "bildirimlerin önizlemesi görünür)."
    ),
    "rhythm_generic": "Hatırlatmalar genel kalır: konuştuklarımızdan asla söz etmez.",
    "rhythm_choose": (
        "Aşağıdan değiştirebilir ya da günün bir saatini gönderebilirsiniz: /remind 9:30 veya "
        "/remind 19.30."
    ),
    "rhythm_saved": "Kaydedildi — /remind hatırlatmalarınızı gösterir.",
    "remind_time_unknown": (
        "Bunu bir saat olarak anlayamadım. /remind 9:30, /remind 19:00 ya da /remind 9 "
        "deneyebilirsiniz."
    ),
    "button_few_days": "Birkaç günde bir",
    "button_weekly": "Haftada bir",
    "button_on_request": "Yalnızca ben isteyince",
    "button_off": "Kapalı",
    "button_usual_time": "Her zamanki saatim",
    "button_remind_once": "Bir kez hatırlat",
    "button_generic": "Hatırlatmalar genel kalsın",
    "button_mention": "Hatırlatmada konumuz anılsın",
    "timezone_ask": (
        "Saatleri şu an {zone} saat dilimine göre gösteriyorum. Değiştirmek için /timezone ve "
        "yakınınızdaki bir şehri gönderin — örneğin /timezone İstanbul ya da /timezone "
        "America/New_York — veya bir konum paylaşın (📎 → Konum). Yalnızca saat dilimini "
        "saklarım, konumu asla."
    ),
    "timezone_set": "Tamam — saat diliminiz {zone}; orada saat şu an {time}.",
    "timezone_from_location": (
        "Teşekkürler — saat diliminiz {zone}; orada saat şu an {time}. Yalnızca saat dilimini "
        "sakladım, konumu değil."
    ),
    "timezone_unknown": (
        "Bu adla bir saat dilimi bulamadım. Yakınınızdaki büyük bir şehri (/timezone "
        "İstanbul) ya da bir saat dilimi adını (/timezone Europe/Istanbul) deneyin veya bir "
        "konum paylaşın."
    ),
    "timezone_location_unknown": (
        "O yerin saat dilimini çıkaramadım. /timezone ve yakınınızdaki bir şehri gönderebilir "
        "misiniz?"
    ),
    "reminders_paused": (
        "Hatırlatmalar duraklatıldı — siz /resume gönderene kadar hiç hatırlatma "
        "göndermeyeceğim. Bana yine dilediğiniz zaman yazabilirsiniz."
    ),
    "reminders_resumed_next": "Hatırlatmalar yeniden açık. Sonraki: {when}.",
    "reminders_resumed_later": (
        "Hatırlatmalar yeniden açık. Sonrakini bir oturum kapandığında planlayacağım."
    ),
    "reminders_resumed_ask": (
        "Hatırlatmalar yeniden açık — ancak yalnızca siz istediğinizde hatırlatılmayı "
        "seçmiştiniz. /remind ile bunu değiştirebilirsiniz."
    ),
    "reminders_resumed_off": (
        "Hatırlatmalar yeniden açık — ancak onları kapatmıştınız. /remind ile bunu "
        "değiştirebilirsiniz."
    ),
    "forget_ask": (
        "Bu, sizinle ilgili tuttuğum her şeyi siler: her oturumun dökümünü, not "
        "defterlerimi, Portre'yi, hatırlatmalarınızı ve ayarlarınızı.\n\n"
        "Bu geri alınamaz. Sözlerinizin kilidini açan anahtar yok edilir, böylece hiçbir "
        "şey bir daha okunamaz — ne benim tarafımdan, ne Lumen ekibi tarafından, ne de "
        "veritabanının eski bir kopyasından.\n\n"
        "Ekip bildirdiğiniz bir şeyi ya da bir kriz anını inceliyorsa, yalnızca bunun "
        "yaşandığını ve ne zaman yaşandığını saklar — söylenenleri asla.\n\n"
        "Önce bir kopyasını almak ister misiniz?"
    ),
    "forget_button_export": "Önce verilerimi dışa aktar",
    "forget_button_confirm": "Her şeyi sil",
    "forget_button_cancel": "Vazgeç",
    "forget_working": "Her şey siliniyor…",
    "forget_done": (
        "Tamam. Bana anlattığınız her şey silindi ve geri getirilemez. Yeniden yazarsanız "
        "sıfırdan başlarız — sizi hatırlamayacağım."
    ),
    "forget_cancelled": "Hiçbir şey silinmedi. Her şey olduğu gibi duruyor.",
    "forget_nothing": ("Şu an sizinle ilgili hiçbir şey tutmuyorum, yani silinecek bir şey yok."),
    "forget_stale": (
        "O düğmenin süresi doldu, bu yüzden hiçbir şey silinmedi. Verilerinizi silmek "
        "isterseniz /forget komutunu yeniden gönderin."
    ),
    "retention_kept": (
        "Geçmiş oturumlarımızın kelimesi kelimesine dökümleri, siz silene kadar saklanır (/forget)."
    ),
    "retention_days": (
        "Geçmiş oturumlarımızın kelimesi kelimesine dökümleri, oturum kapandıktan {days} gün "
        "sonra silinir."
    ),
    "retention_global": (
        "(Lumen bunları herkes için {days} gün sonra siler; hangi süre daha kısaysa o geçerlidir.)"
    ),
    "retention_about": (
        "Not defterlerim ve Portre her durumda kalır: sizi onlar sayesinde hatırlıyorum. "
        "Aşağıdan seçin."
    ),
    "retention_button_off": "Saklansın",
    "retention_button_days": "{days} gün",
    "insights_on": (
        "Oturumlarınız Lumen'in anonim istatistiklerinde sayılıyor: yalnızca oturumların ne "
        "kadar sürdüğü ve aralarında ne kadar zaman geçtiği gibi sayılar. Ne söylediğiniz de "
        "kim olduğunuz da asla bunlara girmez; beş kişiden azının oturumlarından oluşan bir "
        "grup da asla."
    ),
    "insights_off": (
        "Oturumlarınız Lumen'in anonim istatistiklerinin dışında tutuluyor: hiçbir sayıma girmiyor."
    ),
    "insights_button_on": "Oturumlarım sayılsın",
    "insights_button_off": "Beni dışarıda bırak",
    "memory_intro": (
        "Sizinle ilgili tuttuğum şey şu: Portre, yani sizi zaman içinde nasıl anladığım; her "
        "oturumun başında onu okurum. Bu sizin hikâyeniz — bir kısmı doğru değilse, o kısmın "
        "altındaki düğmeye dokunun ve bana anlatın."
    ),
    "memory_no_arc": (
        "Henüz sizinle ilgili bir Portre yazmadım. İlk oturumumuz kapandığında (/end) "
        "yazacağım; sonra onu burada okuyup düzeltebilirsiniz."
    ),
    "memory_notebooks": (
        "Not defterlerim, kapattığımız her oturum için bir tane — okumak için birine dokunun:"
    ),
    "memory_no_notebooks": "Henüz hiçbir oturum için not defteri yazmadım.",
    "memory_notebook_button": "Oturum {number} · {date}",
    "memory_notebook_title": "{number}. oturum için not defterim ({date}):",
    "memory_notebook_missing": "O not defterini bulamıyorum — /memory elimdekileri gösterir.",
    "memory_fix_button": "Bu doğru değil",
    "memory_ask": (
        "“{section}” bölümünde doğru olmayan ne? Kendi sözlerinizle anlatın — bir sonraki "
        "mesajınız düzeltmeniz olacak ve kendiniz hakkında son söz sizindir. /cancel ile "
        "olduğu gibi bırakabilirsiniz."
    ),
    "memory_ask_opening": (
        "O kısımda doğru olmayan ne? Kendi sözlerinizle anlatın — bir sonraki mesajınız "
        "düzeltmeniz olacak ve kendiniz hakkında son söz sizindir. /cancel ile olduğu gibi "
        "bırakabilirsiniz."
    ),
    "memory_stale": (
        "O mesajdan bu yana sizinle ilgili notlarım değişti. Şimdiki hâllerini görmek için "
        "/memory gönderin."
    ),
    "memory_busy": (
        "Son düzeltmenizi hâlâ notlarıma işliyorum — bana biraz zaman verin, sonra tekrar deneyin."
    ),
    "memory_blocked": (
        "Lumen bir süre sizin için kullanılamıyor, bu yüzden şu an notlarımı "
        "değiştiremiyorum. Tehlikedeyseniz lütfen yerel acil durum numarasını arayın."
    ),
    "memory_correction_received": (
        "Beni düzelttiğiniz için teşekkür ederim. Hemen yeniden yazayım… 📝"
    ),
    "memory_corrected": "Artık şöyle okunuyor (tamamını /memory gösterir):",
    "memory_correction_delayed": (
        "Düzeltmenizi sakladım ama notlarımı şu an yeniden yazamıyorum. Denemeye devam "
        "edeceğim ve bitince size göstereceğim."
    ),
    "memory_correction_refused": (
        "Bunu içime sinecek şekilde yeniden yazamadım, bu yüzden notlarım olduğu gibi kalıyor "
        "ve Lumen ekibinden biri buna bakacak. İsterseniz başka sözlerle yeniden "
        "deneyebilirsiniz."
    ),
    "memory_cancelled": "Peki — olduğu gibi bıraktım.",
    "export_menu": (
        "Tüm geçmişiniz — her oturum, not defterlerim ve Portre — tek bir dosyada: "
        "okuyabileceğiniz notlar ve /import ile geri getirebileceğiniz bir kopya.\n\n"
        "Parolayla dışa aktarırsanız dosya şifrelenir. O parola olmadan dosyayı kimse açamaz "
        "— parola kaybolursa kurtarılamaz, Lumen ekibi tarafından bile."
    ),
    "export_button": "Dışa aktar",
    "export_passphrase_button": "Parolayla dışa aktar",
    "export_nothing": ("Henüz size ait hiçbir şey tutmuyorum, yani dışa aktarılacak bir şey yok."),
    "export_ready": (
        "İşte geçmişiniz: {sessions} oturum. Güvenli bir yerde saklayın — bu dosyaya sahip "
        "olan herkes onu okuyabilir."
    ),
    "export_ready_protected": (
        "İşte geçmişiniz: {sessions} oturum, parolanızla şifrelendi. Parolayı güvende tutun: "
        "o olmadan bu dosyayı kimse açamaz ve parola kurtarılamaz."
    ),
    "export_too_large": (
        "Dışa aktarma dosyanız, Telegram'ın göndermeme izin verdiğinden büyük. Lütfen onu "
        "Lumen ekibinden isteyin."
    ),
    "passphrase_ask": (
        "Bana en az 10 karakterlik bir parola gönderin — aklınızda kalacak birkaç kelime "
        "iyi olur. Mesajınızı hemen sileceğim ve asla saklamayacağım.\n\n"
        "Parolayı kaybederseniz dosyayı kimse açamaz: parola kurtarılamaz. Vazgeçmek için "
        "/cancel."
    ),
    "passphrase_placeholder": "Parolanız",
    "passphrase_too_short": (
        "Bu 10 karakterden kısa, bu yüzden sildim. Lütfen daha uzun bir parola gönderin ya da "
        "/cancel."
    ),
    "passphrase_expired": (
        "Parola isteğinin süresi doldu, bu yüzden mesajınızı sildim ve onunla hiçbir şey "
        "yapmadım. Yeniden başlamak için /export veya /import gönderin."
    ),
    "passphrase_not_deleted": "Parolanızın olduğu mesajı silemedim — lütfen kendiniz silin.",
    "import_ask": (
        "Dışa aktarma dosyanızı (lumen-export-….zip) buraya gönderin, geçmişinizi geri getireyim."
    ),
    "import_passphrase_ask": (
        "Bu dışa aktarma korumalı. Parolasını gönderin — mesajınızı hemen sileceğim ve asla "
        "saklamayacağım. Vazgeçmek için /cancel."
    ),
    "import_done": (
        "Tekrar hoş geldiniz — {sessions} oturumu, not defterlerim ve Portre ile birlikte "
        "geri yükledim. Kaldığımız yerden devam edebiliriz."
    ),
    "import_unreadable": (
        "Bu dosya okuyabildiğim bir Lumen dışa aktarması değil, bu yüzden hiçbir şey içe "
        "aktarmadım. Lütfen /export ile aldığınız dosyayı değiştirmeden gönderin."
    ),
    "import_too_large": (
        "Bu dosya, bir Lumen dışa aktarmasının olabileceğinden daha büyük, bu yüzden açmadım."
    ),
    "import_tampered": (
        "Bu dışa aktarma oluşturulduktan sonra değiştirilmiş ya da bozulmuş, bu yüzden ona "
        "güvenemem ve hiçbir şey içe aktarmadım."
    ),
    "import_foreign": (
        "Bu dışa aktarma, mührünü doğrulayamadığım başka bir Lumen tarafından yapılmış, bu "
        "yüzden hiçbir şey içe aktarmadım. Bir dışa aktarma, onu yapan Lumen'e (ya da onunla "
        "aynı anahtarları paylaşan birine) geri dönebilir."
    ),
    "import_not_yours": ("Bu dışa aktarma başka birine ait, bu yüzden hiçbir şey içe aktarmadım."),
    "import_passphrase_needed": (
        "Bu dışa aktarma bir parolayla korunuyor. Dosyayı yeniden gönderin, parolayı size "
        "soracağım."
    ),
    "import_wrong_passphrase": (
        "Bu parola dışa aktarmayı açmıyor, bu yüzden hiçbir şey içe aktarmadım. Yeniden "
        "denemek için dosyayı tekrar gönderin."
    ),
    "import_wrong_passphrase_retry": (
        "Bu parola dışa aktarmayı açmıyor (parolayı sildim). Yeniden deneyin ya da /cancel."
    ),
    "import_history_exists": (
        "Burada zaten bir geçmişiniz var ve içe aktarma asla ikisini karıştırmaz. Bunu geri "
        "getirmek için önce /forget kullanın, ardından dosyayı yeniden gönderin."
    ),
    "import_download_failed": "Bu dosyayı Telegram'dan alamadım. Lütfen yeniden gönderin.",
    "portability_cancelled": "Durduruldu — hiçbir şey dışa ya da içe aktarılmadı.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Lumen dışa aktarma dosyanız\n\n"
        "Bu, {created} itibarıyla Lumen'in sizinle ilgili tuttuğu her şeydir.\n\n"
        "- `sessions/` — her oturum için bir dosya: sizin ve Lumen'in söyledikleri,\n"
        "  sırasıyla, ve oturum kapandığında Lumen'in yazdığı not defteri.\n"
        "- `arc.md` — Portre: Lumen'in sizi zaman içinde nasıl anladığı, şu anki hâliyle.\n"
        "- `lumen-export.json` — aynı geçmiş, eksiksiz ve bilgisayarın okuyacağı biçimde.\n"
        "- `manifest.json` — her dosyanın parmak izi ve bir mühür; böylece Lumen, dışa\n"
        "  aktarmada herhangi bir şeyin değiştirilip değiştirilmediğini anlayabilir.\n"
        "  Değiştirilmiş bir dışa aktarma içe aktarılamaz.\n\n"
        "Geçmişinizi geri getirmek için bu dışa aktarmayı size geldiği gibi, yani .zip\n"
        "dosyasının tamamını, /import ile Lumen'e gönderin.\n\n"
        "Saatler {zone} saat dilimine göre gösterilir.\n"
    ),
    "export_readme_protected": (
        "\nBu dışa aktarma, kendi seçtiğiniz bir parolayla korunuyor. Bu parolayı güvende\n"
        "tutun: kimse, Lumen'i çalıştıran kişiler bile, onu kurtaramaz ya da o olmadan\n"
        "dosyayı açamaz.\n"
    ),
    "export_arc": "Portre",
    "export_arc_none": "Henüz Portre yok: Lumen onu bir oturum kapandığında yazar.",
    "export_arc_version": "Sürüm {version}, yazılma tarihi: {written}.",
    "export_session": "Oturum {number}",
    "export_session_began": "Başlangıç: {began}.",
    "export_session_closed": "Başlangıç: {began}, kapanış: {closed}.",
    "export_conversation": "Konuşma",
    "export_no_messages": "Mesaj yok.",
    "export_notebook": "Lumen'in not defteri",
    "export_no_notebook": "Bu oturum için not defteri yok.",
    "export_you": "Siz",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (kriz hatları)",
    "export_lumen_offer": "Lumen (destek önerisi)",
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
