"""Lumen's own words in Indonesian (id).

Register: informal (aku, kamu).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "talk_now_button": "📞 Bicara dengan seseorang sekarang",
    "safe_now_button": "Aku aman untuk saat ini",
    "safe_now": (
        "Terima kasih sudah memberitahuku. Aku senang kamu aman sekarang. Nomor-nomor di "
        "atas selalu ada kapan pun kamu membutuhkannya. Kalau kamu mau, kita lanjutkan: "
        "tinggal tulis saja. Tidak perlu terburu-buru."
    ),
    "blocked": (
        "Lumen tidak tersedia untukmu untuk sementara waktu. Jika kamu dalam bahaya, "
        "hubungi nomor darurat setempat."
    ),
    "text_only": (
        "Terima kasih sudah mengirimnya. Untuk saat ini aku hanya bisa membaca teks — bisakah"
        " kamu menuliskan dengan kata-kata apa yang ingin kamu bagikan? Jika kamu sedang "
        "tidak aman, hubungi nomor darurat setempat."
    ),
    "end_button": "Akhiri sesi",
}
