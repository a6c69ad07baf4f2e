"""Lumen's own words in Indonesian (id).

Register: informal (aku, kamu).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Around crisis care.
    "talk_now_button": "📞 Bicara dengan seseorang sekarang",
    "safe_now_button": "Aku aman untuk saat ini",
    "safe_now": (
        "Terima kasih sudah memberitahuku. Aku senang kamu aman sekarang. Nomor-nomor di atas "
        "selalu ada kapan pun kamu membutuhkannya. Kalau kamu mau, kita lanjutkan: tinggal tulis "
        "saja. Tidak perlu terburu-buru."
    ),
    "blocked": (
        "Lumen tidak tersedia untukmu untuk sementara waktu. Jika kamu dalam bahaya, hubungi "
        "nomor darurat setempat."
    ),
    "text_only": (
        "Terima kasih sudah mengirimnya. Untuk saat ini aku hanya bisa membaca teks — bisakah "
        "kamu menuliskan dengan kata-kata apa yang ingin kamu bagikan? Jika kamu sedang tidak "
        "aman, hubungi nomor darurat setempat."
    ),
    "end_button": "Akhiri sesi",
    # In a conversation: a fault, a limit, a lost thread, a report.
    "mentor_unavailable": (
        "Saat ini aku sedang tidak bisa mengumpulkan pikiranku. Pesanmu sudah kusimpan dan akan "
        "kujawab secepat mungkin — tidak perlu mengirimnya lagi."
    ),
    "mentor_busy": (
        "Aku butuh waktu sebentar. Pesanmu sudah kusimpan dan akan kujawab secepat mungkin — "
        "tidak perlu mengirimnya lagi."
    ),
    "words_lost": (
        "Maaf, kata-kataku terputus di tengah jalan. Pesanmu sudah kusimpan dan akan kujawab "
        "secepat mungkin — tidak perlu mengirimnya lagi."
    ),
    "slow_down": (
        "Kamu menulis lebih cepat daripada aku bisa berpikir 🙂 Semua kata-katamu sudah kusimpan "
        "— beri aku waktu sebentar, nanti semuanya kujawab bersama pesanmu berikutnya."
    ),
    "daily_limit": (
        "Hari ini kita sudah banyak mengobrol, dan aku sudah sampai di batasku untuk hari ini. "
        "Semua yang kamu tulis tetap tersimpan; aku akan menjawabnya saat kamu menulis lagi "
        "besok."
    ),
    "long_message": (
        "Pesanmu panjang sekali — semuanya sudah kusimpan. Aku akan menanggapi bagian awalnya "
        "dulu; kalau mau, kirim saja sisanya dalam beberapa bagian yang lebih pendek."
    ),
    "lost_thread": (
        "Maaf — tadi aku sempat terputus, dan aku kehilangan alur dari yang kamu tulis "
        "sebelumnya. Bisakah kamu menceritakannya lagi, atau lanjut saja dari keadaanmu "
        "sekarang?"
    ),
    "something_went_wrong": "Ada yang salah di pihakku — coba lagi dalam beberapa saat, ya.",
    "caption_only": (
        "Aku belum bisa melihat lampiran, hanya kata-kata — jadi aku akan menjawab tulisan yang "
        "kamu sertakan."
    ),
    "private_only": (
        "Hai! Aku hanya bekerja di chat pribadi, jadi aku tidak akan membaca atau menyimpan apa "
        "pun di sini. Buka chat pribadi denganku untuk mengobrol."
    ),
    "message_unreadable": (
        "Maaf — sesuatu yang kamu tulis untukku rusak di tempat aku menyimpannya, dan aku tidak "
        "bisa membacanya kembali, jadi aku belum menjawabnya. Ini kesalahan di pihakku, bukan "
        "karena sesuatu yang kamu lakukan. Kalau itu penting, bisakah kamu mengirimnya lagi?"
    ),
    "record_unreadable": (
        "Maaf — sebagian dari yang kusimpan untukmu tidak bisa dibuka saat ini, jadi aku tidak "
        "bisa menjawab. Ini kesalahan di pihakku, bukan karena sesuatu yang kamu lakukan, dan "
        "sudah dicatat untuk orang-orang yang menjalankanku."
    ),
    "no_session_to_end": (
        "Saat ini tidak ada sesi yang sedang terbuka. Tulis saja padaku kapan pun kamu mau."
    ),
    "session_closing": "Terima kasih untuk sesi ini. Aku tulis catatanku dulu, ya… 📝",
    "new_session_after_idle": (
        "Percakapan terakhir kita sudah lama sepi, jadi aku menutup sesi itu dan menyimpan "
        "catatanku. Ini sesi baru — apa yang sedang kamu pikirkan hari ini?"
    ),
    "report_reason": "Terima kasih sudah memberitahuku. Apa yang salah dengan pesan itu?",
    "report_thanks": (
        "Terima kasih. Seseorang dari tim Lumen akan memeriksanya. Laporanmu membantu membuat "
        "Lumen lebih aman."
    ),
    "report_already": "Laporan ini sudah ada di tangan tim — terima kasih.",
    "report_harmful": "Berbahaya",
    "report_wrong": "Salah atau menyesatkan",
    "report_inappropriate": "Tidak pantas",
    "report_privacy": "Privasi",
    "report_other": "Hal lain",
    "end_button_stale": (
        "Tombol itu milik sesi sebelumnya, jadi sesi ini tetap kubiarkan terbuka. Kirim /end "
        "kalau kamu ingin menutupnya."
    ),
    # What Lumen is, its commands, how words are kept.
    "start": (
        "Halo, aku Lumen 🌱\n"
        "\n"
        "Aku mentor AI untuk refleksi dan pertumbuhan. Kita mengobrol dalam sesi: kamu "
        "menceritakan apa yang sedang kamu pikirkan, aku mendengarkan, bertanya, dan membantumu "
        "melihat langkah berikutnya. Aku bukan terapis dan bukan layanan darurat; jika suatu "
        "saat kamu dalam bahaya, tolong hubungi nomor darurat setempat.\n"
        "\n"
        "Kata-katamu dienkripsi dengan kunci yang hanya milikmu. Kata-kata itu tidak pernah "
        "dipakai untuk melatih model apa pun, dan semuanya milikmu: kamu bisa mengekspor dan "
        "menghapusnya.\n"
        "\n"
        "Saat sebuah sesi terasa sudah tuntas, kirim /end: aku akan menulis catatanku tentang "
        "sesi itu, supaya lain kali kita mulai dari tempat kita berhenti. Sesi paling bermanfaat "
        "kalau berjarak beberapa hari.\n"
        "\n"
        "Jadi — apa yang sedang kamu pikirkan hari ini?"
    ),
    "help": (
        "Cukup tulis saja padaku — hanya itu caranya.\n"
        "\n"
        "/end — tutup sesi ini; aku menulis catatanku dan berpamitan\n"
        "/report — beri tahu tim Lumen bahwa ada yang kukatakan salah (balas pesanku)\n"
        "/remind — bagaimana dan kapan aku mengingatkanmu tentang sesi kita berikutnya\n"
        "/timezone — zona waktumu, supaya pengingat datang sesuai waktumu\n"
        "/pause, /resume — hentikan semua pengingat, lalu nyalakan lagi\n"
        "/country — di mana kamu berada, supaya nomor layanan krisisnya sesuai\n"
        "/memory — apa yang kuingat tentangmu; beri tahu aku bagian mana yang tidak tepat\n"
        "/export — seluruh riwayatmu sebagai file; /import mengembalikannya\n"
        "/forget — hapus semua yang kusimpan tentangmu, untuk selamanya\n"
        "/retention — berapa lama transkrip sesi-sesi sebelumnya disimpan\n"
        "/insights — sertakan sesimu dalam statistik anonim, atau tidak\n"
        "/privacy — bagaimana kata-katamu disimpan\n"
        "/cancel — keluar dari pertanyaan yang kuajukan padamu\n"
        "/start — apa itu Lumen\n"
        "/help — daftar ini"
    ),
    "privacy": (
        "Semua yang kamu tulis di sini disimpan dalam keadaan terenkripsi dengan kunci yang "
        "hanya milikmu. Semua itu hanya dipakai untuk membimbingmu: tidak pernah untuk melatih "
        "model apa pun, tidak pernah dijual, tidak pernah dibagikan. Balasan mentor ditulis oleh "
        "Claude dari Anthropic, yang menerima percakapan untuk menjawabnya dan tidak memakainya "
        "untuk pelatihan.\n"
        "\n"
        "Riwayatmu adalah milikmu: /memory menunjukkan apa yang kuingat tentangmu (dan "
        "memungkinkanmu memperbaikinya), /export memberimu salinannya, /import mengembalikan "
        "sebuah salinan, dan /forget menghapus semuanya untuk selamanya — kuncimu dimusnahkan, "
        "sehingga tidak ada lagi yang bisa dibaca. /retention mengatur berapa lama percakapan "
        "sebelumnya disimpan kata demi kata."
    ),
    # Crisis lines by country, a session's close, reminders, /cancel.
    "country_set": (
        "Terima kasih — sudah kucatat: {country}. Aku akan menunjukkan nomor layanan krisis di "
        "negara itu saat dibutuhkan."
    ),
    "country_ask": (
        "Kamu ada di negara mana? Kirim /country diikuti nama negaranya atau kode dua hurufnya, "
        "misalnya /country Brasil, /country GB, atau /country Deutschland."
    ),
    "country_unknown": (
        "Aku belum tahu nomor layanan krisis untuk kode itu. Sebagai gantinya, aku akan "
        "menunjukkan daftar internasional (findahelpline.com) dan nomor darurat setempat."
    ),
    "closing_delayed": (
        "Menulis catatanku ternyata makan waktu lebih lama dari seharusnya. Aku akan terus "
        "mencoba dan mengirim kata-kata perpisahanku begitu siap."
    ),
    "closing_next_time": (
        "Aku belum bisa menyelesaikan catatanku barusan. Aku akan menyelesaikannya, bersama "
        "kata-kata perpisahanku, saat kamu membuka chat ini lagi."
    ),
    "session_closed_plain": (
        "Sesi ini sudah ditutup. Kapan pun kamu menulis lagi, sesi baru akan dimulai — jeda "
        "beberapa hari sering membantu segalanya mengendap."
    ),
    "reminder": (
        "Hai, ini Lumen 🌱 Kalau kamu ingin sesi, aku ada di sini — tulis saja kapan pun kamu "
        "sempat."
    ),
    "reminder_thread": (
        "Hai, ini Lumen 🌱 Kalau kamu ingin sesi, aku ada di sini — tulis saja kapan pun kamu "
        "sempat.\n"
        "\n"
        "Terakhir kali, ini yang masih menggantung: {thread}"
    ),
    "reminder_last": (
        "Hai, ini Lumen 🌱 Kalau kamu ingin sesi, aku ada di sini — tulis saja kapan pun kamu "
        "sempat.\n"
        "\n"
        "Aku tidak akan mengirim pengingat lagi sampai kamu kembali; /remind mengubah cara aku "
        "mengingatkanmu."
    ),
    "reminder_last_thread": (
        "Hai, ini Lumen 🌱 Kalau kamu ingin sesi, aku ada di sini — tulis saja kapan pun kamu "
        "sempat.\n"
        "\n"
        "Terakhir kali, ini yang masih menggantung: {thread}\n"
        "\n"
        "Aku tidak akan mengirim pengingat lagi sampai kamu kembali; /remind mengubah cara aku "
        "mengingatkanmu."
    ),
    "nothing_to_cancel": "Saat ini tidak ada yang perlu dibatalkan.",
    "cancelled": "Baik — pertanyaan-pertanyaan itu kubiarkan seperti semula.",
    "session_closed": (
        "Sesi ini sudah ditutup. Waktu yang baik untuk sesi berikutnya: {when}. Aku akan "
        "mengirim satu pengingat lembut saat itu — /remind untuk mengubahnya."
    ),
    "session_closed_no_reminder": (
        "Sesi ini sudah ditutup. Waktu yang baik untuk sesi berikutnya: {when} — tulis saja "
        "kapan pun kamu siap. /remind kalau kamu mau diingatkan."
    ),
    "when_around": "{day}, sekitar pukul {time}",
    "when_utc": "{when} UTC (/timezone menampilkan waktu di zona waktumu)",
}

# Telegram's command menu for people whose app is in this language.
MENU: dict[str, str] = {
    "start": "Apa itu Lumen dan bagaimana cara kerjanya",
    "end": "Tutup sesi ini; aku menulis catatanku dan berpamitan",
    "help": "Daftar perintah",
    "privacy": "Bagaimana kata-katamu disimpan",
    "report": "Laporkan sesuatu yang kukatakan",
    "country": "Atur negaramu untuk nomor layanan krisis",
    "remind": "Bagaimana dan kapan aku mengingatkanmu soal sesi berikutnya",
    "timezone": "Zona waktumu, supaya pengingat datang sesuai waktumu",
    "pause": "Jeda semua pengingat",
    "resume": "Nyalakan lagi pengingat",
    "memory": "Apa yang kuingat tentangmu, dan cara memperbaikinya",
    "export": "Seluruh riwayatmu sebagai file",
    "import": "Kembalikan riwayat yang pernah kamu ekspor",
    "forget": "Hapus semua yang kusimpan tentangmu, untuk selamanya",
    "retention": "Berapa lama transkrip sesi sebelumnya disimpan",
    "insights": "Sertakan sesimu dalam statistik anonim, atau tidak",
    "cancel": "Keluar dari pertanyaan yang kuajukan padamu",
}
