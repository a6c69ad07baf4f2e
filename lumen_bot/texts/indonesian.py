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
    # Settings and one's own data: /remind, /timezone, /pause and /resume, /forget,
    # /retention, /insights, /memory, /export and /import.
    "rhythm_few_days": "🔔 Aku mengingatkanmu setiap beberapa hari, {at}.",
    "rhythm_weekly": "🔔 Aku mengingatkanmu seminggu sekali, {at}.",
    "rhythm_on_request": (
        "🔔 Aku hanya mengingatkanmu kalau kamu minta: tombol “Ingatkan sekali” menjadwalkan "
        "satu pengingat, {at}."
    ),
    "rhythm_off": "🔕 Pengingat dimatikan — tulis saja kapan pun kamu mau.",
    "rhythm_at": "sekitar pukul {time} ({zone})",
    "rhythm_at_usual": "sekitar jam saat sesi terakhirmu dimulai ({zone})",
    "rhythm_quiet": (
        "Pukul {time} masuk jam tenangku ({start} sampai {end}), jadi pengingatnya menunggu "
        "sampai pukul {end}."
    ),
    "rhythm_next": "Pengingat berikutnya: {when}.",
    "rhythm_next_later": ("Aku akan menjadwalkan pengingat berikutnya saat sebuah sesi ditutup."),
    "rhythm_paused": "Pengingat sedang dijeda — /resume menyalakannya lagi.",
    "rhythm_utc": (
        "Waktu ditampilkan dalam UTC sampai kamu mengatur zona waktumu dengan /timezone."
    ),
    "rhythm_mention": (
        "Pengingat bisa menyebut hal yang masih menggantung di antara kita (pratinjau pesan "
        "terlihat di layar kunci)."
    ),
    "rhythm_generic": "Pengingat tetap umum: tidak pernah menyebut apa yang kita bicarakan.",
    "rhythm_choose": (
        "Ubah di bawah, atau kirim jam yang kamu mau: /remind 9:30 atau /remind 19.00."
    ),
    "rhythm_saved": "Tersimpan — /remind menampilkan pengingatmu.",
    "remind_time_unknown": (
        "Aku tidak menangkap jam di situ. Coba /remind 9:30, /remind 19.00, atau /remind 9."
    ),
    "button_few_days": "Tiap beberapa hari",
    "button_weekly": "Seminggu sekali",
    "button_on_request": "Hanya kalau aku minta",
    "button_off": "Mati",
    "button_usual_time": "Jam biasaku",
    "button_remind_once": "Ingatkan sekali",
    "button_generic": "Pengingat umum saja",
    "button_mention": "Boleh sebut topik kita",
    "timezone_ask": (
        "Waktumu sekarang mengikuti {zone}. Untuk mengubahnya, kirim /timezone dan kota di "
        "dekatmu — misalnya /timezone Jakarta atau /timezone America/New_York — atau bagikan "
        "lokasi (📎 → Lokasi). Aku hanya menyimpan zona waktunya, tidak pernah tempatnya."
    ),
    "timezone_set": "Beres — zona waktumu {zone}; di sana sekarang pukul {time}.",
    "timezone_from_location": (
        "Terima kasih — zona waktumu {zone}; di sana sekarang pukul {time}. Aku hanya "
        "menyimpan zona waktunya, bukan tempatnya."
    ),
    "timezone_unknown": (
        "Aku tidak menemukan zona waktu dengan nama itu. Coba kota besar di dekatmu "
        "(/timezone Jakarta), nama zona (/timezone Asia/Jakarta), atau bagikan lokasi."
    ),
    "timezone_location_unknown": (
        "Aku tidak bisa mengetahui zona waktu tempat itu. Bisakah kamu kirim /timezone dan "
        "kota di dekatmu?"
    ),
    "reminders_paused": (
        "Pengingat dijeda — aku tidak akan mengirim pengingat apa pun sampai kamu kirim "
        "/resume. Kamu tetap bisa menulis padaku kapan pun kamu mau."
    ),
    "reminders_resumed_next": "Pengingat sudah aktif lagi. Berikutnya: {when}.",
    "reminders_resumed_later": (
        "Pengingat sudah aktif lagi. Aku akan menjadwalkan yang berikutnya saat sebuah sesi "
        "ditutup."
    ),
    "reminders_resumed_ask": (
        "Pengingat sudah aktif lagi — tapi kamu memilih diingatkan hanya kalau kamu minta. "
        "/remind untuk mengubahnya."
    ),
    "reminders_resumed_off": (
        "Pengingat sudah aktif lagi — tapi kamu sudah mematikannya. /remind untuk mengubahnya."
    ),
    "forget_ask": (
        "Ini akan menghapus semua yang kusimpan tentangmu: transkrip setiap sesi, buku "
        "catatanku, Alur, pengingatmu, dan pengaturanmu.\n\n"
        "Ini permanen. Kunci yang membuka kata-katamu dimusnahkan, sehingga tidak ada "
        "yang bisa dibaca lagi — tidak olehku, tidak oleh tim Lumen, bahkan tidak dari "
        "salinan lama basis data.\n\n"
        "Kalau tim sedang meninjau sesuatu yang kamu laporkan, atau momen krisis, mereka "
        "hanya menyimpan bahwa hal itu terjadi dan kapan — tidak pernah apa yang "
        "dikatakan.\n\n"
        "Mau simpan salinannya dulu?"
    ),
    "forget_button_export": "Ekspor dataku dulu",
    "forget_button_confirm": "Hapus semuanya",
    "forget_button_cancel": "Batal",
    "forget_working": "Menghapus semuanya…",
    "forget_done": (
        "Selesai. Semua yang kamu ceritakan padaku sudah dihapus dan tidak bisa dipulihkan. "
        "Kalau kamu menulis lagi, kita mulai dari awal — aku tidak akan mengingatmu."
    ),
    "forget_cancelled": "Tidak ada yang dihapus. Semuanya tetap seperti semula.",
    "forget_nothing": (
        "Saat ini aku tidak menyimpan apa pun tentangmu, jadi tidak ada yang perlu dihapus."
    ),
    "forget_stale": (
        "Tombol itu sudah kedaluwarsa, jadi tidak ada yang dihapus. Kirim /forget lagi kalau "
        "kamu ingin menghapus datamu."
    ),
    "retention_kept": (
        "Transkrip kata demi kata dari sesi-sesi kita sebelumnya disimpan sampai kamu "
        "menghapusnya (/forget)."
    ),
    "retention_days": (
        "Transkrip kata demi kata dari sesi-sesi kita sebelumnya dihapus {days} hari setelah "
        "sesinya ditutup."
    ),
    "retention_global": (
        "(Lumen menghapusnya untuk semua orang setelah {days} hari; yang berlaku adalah waktu "
        "yang lebih singkat.)"
    ),
    "retention_about": (
        "Buku catatanku dan Alur tetap ada apa pun pilihanmu: dari situlah aku mengingatmu. "
        "Pilih di bawah."
    ),
    "retention_button_off": "Simpan saja",
    "retention_button_days": "{days} hari",
    "insights_on": (
        "Sesi-sesimu dihitung dalam statistik anonim Lumen: hanya angka, seperti berapa lama "
        "sesi berlangsung dan berapa lama jeda di antaranya — tidak pernah apa yang kamu "
        "katakan, tidak pernah siapa dirimu, dan tidak pernah untuk kelompok yang sesinya "
        "berasal dari kurang dari lima orang."
    ),
    "insights_off": (
        "Sesi-sesimu tidak diikutkan dalam statistik anonim Lumen: sama sekali tidak masuk "
        "hitungan apa pun."
    ),
    "insights_button_on": "Hitung sesiku",
    "insights_button_off": "Jangan ikutkan aku",
    "memory_intro": (
        "Ini yang kusimpan tentangmu: Alur, pemahamanku tentangmu dari waktu ke waktu, yang "
        "kubaca di awal setiap sesi. Ini ceritamu — kalau ada bagian yang tidak tepat, ketuk "
        "tombol di bawahnya dan beri tahu aku."
    ),
    "memory_no_arc": (
        "Aku belum punya Alur tentangmu. Aku akan menulisnya saat sesi pertama kita ditutup "
        "(/end); setelah itu kamu bisa membaca dan memperbaikinya di sini."
    ),
    "memory_notebooks": (
        "Buku catatanku, satu untuk setiap sesi yang sudah kita tutup — ketuk salah satu "
        "untuk membacanya:"
    ),
    "memory_no_notebooks": "Aku belum menulis buku catatan untuk sesi mana pun.",
    "memory_notebook_button": "Sesi {number} · {date}",
    "memory_notebook_title": "Buku catatanku untuk sesi {number} ({date}):",
    "memory_notebook_missing": (
        "Aku tidak menemukan buku catatan itu — /memory menampilkan yang kupunya."
    ),
    "memory_fix_button": "Ini tidak tepat",
    "memory_ask": (
        "Apa yang tidak tepat di “{section}”? Ceritakan dengan kata-katamu sendiri — pesanmu "
        "berikutnya jadi koreksimu, dan caramu menggambarkan dirimu sendiri yang berlaku. "
        "/cancel membiarkannya seperti semula."
    ),
    "memory_ask_opening": (
        "Apa yang tidak tepat di bagian itu? Ceritakan dengan kata-katamu sendiri — pesanmu "
        "berikutnya jadi koreksimu, dan caramu menggambarkan dirimu sendiri yang berlaku. "
        "/cancel membiarkannya seperti semula."
    ),
    "memory_stale": (
        "Catatanku tentangmu sudah berubah sejak pesan itu. Kirim /memory untuk melihatnya "
        "seperti sekarang."
    ),
    "memory_busy": (
        "Aku masih menuliskan koreksimu yang terakhir ke catatanku — tunggu sebentar, lalu "
        "coba lagi."
    ),
    "memory_blocked": (
        "Lumen tidak tersedia untukmu untuk sementara waktu, jadi aku tidak bisa mengubah "
        "catatanku sekarang. Jika kamu dalam bahaya, hubungi nomor darurat setempat."
    ),
    "memory_correction_received": ("Terima kasih sudah meluruskanku. Aku tulis ulang dulu, ya… 📝"),
    "memory_corrected": "Begini bunyinya sekarang (/memory menampilkan semuanya):",
    "memory_correction_delayed": (
        "Koreksimu sudah kusimpan, tapi aku belum bisa menulis ulang catatanku sekarang. Aku "
        "akan terus mencoba dan menunjukkannya padamu kalau sudah selesai."
    ),
    "memory_correction_refused": (
        "Aku tidak bisa menulis ulang bagian itu dengan cara yang membuatku nyaman, jadi "
        "catatanku tetap seperti semula, dan seseorang dari tim Lumen akan memeriksanya. Kamu "
        "boleh mencoba lagi dengan kata-kata lain."
    ),
    "memory_cancelled": "Baik — kubiarkan seperti semula.",
    "export_menu": (
        "Seluruh riwayatmu — setiap sesi, buku catatanku, dan Alur — dalam satu file: "
        "catatan yang bisa kamu baca, dan salinan yang bisa kamu kembalikan dengan "
        "/import.\n\n"
        "Dengan frasa sandi, file-nya dienkripsi. Tidak ada yang bisa membukanya tanpa frasa "
        "sandi itu — dan kalau hilang, frasa sandi itu tidak bisa dipulihkan, bahkan oleh tim "
        "Lumen."
    ),
    "export_button": "Ekspor",
    "export_passphrase_button": "Ekspor dengan frasa sandi",
    "export_nothing": ("Aku belum menyimpan apa pun milikmu, jadi tidak ada yang bisa diekspor."),
    "export_ready": (
        "Ini riwayatmu: {sessions} sesi. Simpan di tempat yang aman — siapa pun yang punya "
        "file ini bisa membacanya."
    ),
    "export_ready_protected": (
        "Ini riwayatmu: {sessions} sesi, dienkripsi dengan frasa sandimu. Simpan frasa "
        "sandinya baik-baik: tanpa itu tidak ada yang bisa membuka file ini, dan frasa sandi "
        "itu tidak bisa dipulihkan."
    ),
    "export_too_large": (
        "File ekspormu lebih besar dari yang diizinkan Telegram untuk kukirim. Silakan minta "
        "ke tim Lumen."
    ),
    "passphrase_ask": (
        "Kirimkan frasa sandi minimal 10 karakter — beberapa kata yang mudah kamu ingat "
        "cocok sekali. Pesanmu akan langsung kuhapus dan tidak pernah kusimpan.\n\n"
        "Kalau kamu kehilangan frasa sandinya, tidak ada yang bisa membuka file itu: frasa "
        "sandi tidak bisa dipulihkan. /cancel untuk berhenti."
    ),
    "passphrase_placeholder": "Frasa sandimu",
    "passphrase_too_short": (
        "Itu kurang dari 10 karakter, jadi sudah kuhapus. Kirim frasa sandi yang lebih "
        "panjang, atau /cancel."
    ),
    "passphrase_expired": (
        "Permintaan frasa sandi itu sudah kedaluwarsa, jadi pesanmu sudah kuhapus dan tidak "
        "kupakai sama sekali. Kirim /export atau /import untuk mulai lagi."
    ),
    "passphrase_not_deleted": (
        "Aku tidak bisa menghapus pesan berisi frasa sandimu — tolong hapus sendiri, ya."
    ),
    "import_ask": (
        "Kirim file ekspormu (lumen-export-….zip) ke sini, dan aku akan mengembalikan riwayatmu."
    ),
    "import_passphrase_ask": (
        "Ekspor ini dilindungi. Kirimkan frasa sandinya — pesanmu akan langsung kuhapus dan "
        "tidak pernah kusimpan. /cancel untuk berhenti."
    ),
    "import_done": (
        "Selamat datang kembali — aku sudah memulihkan {sessions} sesi, beserta buku "
        "catatanku dan Alur. Kita bisa lanjut dari tempat kita berhenti."
    ),
    "import_unreadable": (
        "File itu bukan ekspor Lumen yang bisa kubaca, jadi tidak ada yang kuimpor. Kirim "
        "file yang kamu dapat dari /export, tanpa diubah."
    ),
    "import_too_large": (
        "File itu lebih besar dari ukuran ekspor Lumen mana pun, jadi tidak kubuka."
    ),
    "import_tampered": (
        "Ekspor itu diubah atau rusak setelah dibuat, jadi aku tidak bisa memercayainya dan "
        "tidak ada yang kuimpor."
    ),
    "import_foreign": (
        "Ekspor itu dibuat oleh Lumen lain, yang segelnya tidak bisa kuperiksa, jadi tidak "
        "ada yang kuimpor. Sebuah ekspor bisa dikembalikan ke Lumen yang membuatnya (atau "
        "yang memakai kunci yang sama)."
    ),
    "import_not_yours": "Ekspor itu milik orang lain, jadi tidak ada yang kuimpor.",
    "import_passphrase_needed": (
        "Ekspor itu dilindungi frasa sandi. Kirim file-nya lagi, nanti aku akan memintanya."
    ),
    "import_wrong_passphrase": (
        "Frasa sandi itu tidak bisa membuka ekspornya, jadi tidak ada yang kuimpor. Kirim "
        "file-nya lagi untuk mencoba sekali lagi."
    ),
    "import_wrong_passphrase_retry": (
        "Frasa sandi itu tidak bisa membuka ekspornya (sudah kuhapus). Coba lagi, atau /cancel."
    ),
    "import_history_exists": (
        "Kamu sudah punya riwayat di sini, dan impor tidak pernah mencampur dua riwayat. "
        "Untuk mengembalikan yang ini, kirim /forget dulu, lalu kirim file-nya lagi."
    ),
    "import_download_failed": (
        "Aku tidak bisa mengambil file itu dari Telegram. Coba kirim lagi, ya."
    ),
    "portability_cancelled": "Dihentikan — tidak ada yang diekspor atau diimpor.",
    # The readable files of an export (Markdown; file names stay as they are).
    "export_readme": (
        "# Ekspor Lumen milikmu\n\n"
        "Ini semua yang disimpan Lumen tentangmu, per {created}.\n\n"
        "- `sessions/` — satu file untuk setiap sesi: apa yang kamu dan Lumen katakan,\n"
        "  berurutan, dan buku catatan yang ditulis Lumen saat sesi itu ditutup.\n"
        "- `arc.md` — Alur: pemahaman Lumen tentangmu dari waktu ke waktu, dalam\n"
        "  bentuknya saat ini.\n"
        "- `lumen-export.json` — riwayat yang sama, lengkap, untuk dibaca komputer.\n"
        "- `manifest.json` — sidik jari setiap file dan sebuah segel, agar Lumen bisa\n"
        "  tahu apakah ada yang diubah dalam ekspor ini. Ekspor yang sudah diubah tidak\n"
        "  bisa diimpor.\n\n"
        "Untuk mengembalikan riwayatmu, kirim ekspor ini ke Lumen persis seperti saat\n"
        "kamu menerimanya, yaitu seluruh file .zip, dengan /import.\n\n"
        "Waktu ditampilkan dalam zona waktu {zone}.\n"
    ),
    "export_readme_protected": (
        "\nEkspor ini dilindungi dengan frasa sandi yang kamu pilih. Simpan frasa sandi itu\n"
        "baik-baik: tidak ada seorang pun, bahkan orang-orang yang menjalankan Lumen,\n"
        "yang bisa memulihkannya atau membuka file ini tanpanya.\n"
    ),
    "export_arc": "Alur",
    "export_arc_none": "Belum ada Alur: Lumen menulisnya saat sebuah sesi ditutup.",
    "export_arc_version": "Versi {version}, ditulis {written}.",
    "export_session": "Sesi {number}",
    "export_session_began": "Dimulai {began}.",
    "export_session_closed": "Dimulai {began}, ditutup {closed}.",
    "export_conversation": "Percakapan",
    "export_no_messages": "Tidak ada pesan.",
    "export_notebook": "Buku catatan Lumen",
    "export_no_notebook": "Tidak ada buku catatan untuk sesi ini.",
    "export_you": "Kamu",
    "export_lumen": "Lumen",
    "export_lumen_resources": "Lumen (nomor layanan krisis)",
    "export_lumen_offer": "Lumen (tawaran dukungan)",
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
