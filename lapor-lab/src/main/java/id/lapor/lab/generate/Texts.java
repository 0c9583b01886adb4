package id.lapor.lab.generate;

import id.lapor.core.complaint.CategoryId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Titles and bodies in Indonesian, assembled from phrases per category. Some carry the words routing rules
 * look for (e.g. "kabut asap" in the haze season, "jalan rusak" in SMS), written in varied case and with the
 * odd accent, as people type them.
 */
final class Texts {
    record Text(String title, String body) {
    }

    private static final Map<String, List<String>> TITLES = Map.ofEntries(
            Map.entry("jalan", List.of("Jalan rusak dan berlubang", "Aspal rusak di jalan lingkungan",
                    "Jalan berlubang membahayakan pengendara", "Perbaikan jalan tidak selesai")),
            Map.entry("drainase", List.of("Saluran air tersumbat", "Drainase meluap saat hujan", "Parit tidak dibersihkan")),
            Map.entry("jembatan", List.of("Jembatan kayu lapuk", "Pagar jembatan rusak")),
            Map.entry("penerangan-jalan", List.of("Lampu jalan mati", "Penerangan jalan umum padam sejak lama")),
            Map.entry("banjir", List.of("Banjir di permukiman warga", "Genangan air tidak surut", "Air meluap ke rumah warga")),
            Map.entry("kebakaran-lahan", List.of("Kebakaran lahan dekat permukiman", "Kabut asap pekat", "Karhutla belum padam")),
            Map.entry("pohon-tumbang", List.of("Pohon tumbang menutup jalan", "Pohon rawan tumbang")),
            Map.entry("puskesmas", List.of("Antrean puskesmas terlalu lama", "Obat di puskesmas kosong", "Petugas puskesmas tidak ramah")),
            Map.entry("rumah-sakit", List.of("Pelayanan IGD lambat", "Pasien ditolak rumah sakit")),
            Map.entry("jaminan-kesehatan", List.of("Kartu BPJS tidak aktif", "Iuran BPJS tertagih ganda")),
            Map.entry("imunisasi", List.of("Jadwal imunisasi tidak jelas")),
            Map.entry("sekolah-dasar", List.of("Pungutan di sekolah dasar", "Guru sering tidak masuk")),
            Map.entry("sekolah-menengah-pertama", List.of("Pungutan seragam SMP")),
            Map.entry("sekolah-menengah-atas", List.of("Pungutan komite SMA", "Fasilitas SMK rusak")),
            Map.entry("ppdb", List.of("Sistem zonasi PPDB bermasalah", "Situs PPDB tidak bisa diakses")),
            Map.entry("beasiswa", List.of("Beasiswa belum cair")),
            Map.entry("ktp-el", List.of("KTP elektronik belum jadi", "Blangko KTP-el habis", "Perekaman KTP-el ditunda")),
            Map.entry("kartu-keluarga", List.of("Perubahan kartu keluarga lama")),
            Map.entry("akta-kelahiran", List.of("Akta kelahiran belum terbit")),
            Map.entry("sampah", List.of("Sampah menumpuk tidak diangkut", "TPS liar di pinggir jalan", "Truk sampah tidak datang")),
            Map.entry("pencemaran", List.of("Limbah dibuang ke sungai", "Bau menyengat dari pabrik")),
            Map.entry("pedagang-kaki-lima", List.of("PKL berjualan di trotoar", "Lapak pedagang menutup jalan")),
            Map.entry("parkir-liar", List.of("Parkir liar di bahu jalan", "Juru parkir memungut tarif tinggi")),
            Map.entry("bangunan-liar", List.of("Bangunan liar di sempadan sungai")),
            Map.entry("angkutan-umum", List.of("Angkutan kota ngetem sembarangan", "Bus kota jarang lewat")),
            Map.entry("lampu-lalu-lintas", List.of("Lampu lalu lintas mati", "Traffic light tidak sinkron")),
            Map.entry("bantuan-sosial", List.of("Bansos tidak tepat sasaran", "Nama hilang dari daftar penerima bantuan")),
            Map.entry("disabilitas", List.of("Fasilitas kantor tidak ramah disabilitas")),
            Map.entry("air-bersih", List.of("Air PDAM tidak mengalir", "Air PDAM keruh", "Tagihan air melonjak")),
            Map.entry("izin-usaha", List.of("Izin usaha lama diproses", "Pungutan dalam pengurusan izin")),
            Map.entry("pbg", List.of("Pengurusan PBG berbelit")),
            Map.entry("administrasi-kelurahan", List.of("Surat pengantar kelurahan lambat", "Kantor kelurahan tutup saat jam kerja")),
            Map.entry("kepegawaian", List.of("Pegawai tidak disiplin", "Oknum ASN meminta imbalan")),
            Map.entry("lainnya", List.of("Usulan taman bermain anak", "Pertanyaan layanan publik")));

    private static final List<String> PLACES = List.of("Jalan Tjilik Riwut", "Jalan G. Obos", "Jalan RTA Milono",
            "Jalan Yos Sudarso", "Jalan Diponegoro", "Jalan Ahmad Yani", "Jalan Rajawali", "Jalan Temanggung Tilung",
            "Jalan Beliang", "Jalan Mahir Mahar", "Jalan Seth Adji", "Jalan Krakatau", "Jalan Cilik Riwut km 5");

    private static final List<String> SINCE = List.of("sejak dua minggu lalu", "sudah sebulan", "sejak awal tahun",
            "sejak kemarin", "berulang kali");

    private static final List<String> ASKS = List.of("Mohon segera ditindaklanjuti.", "Mohon perhatian dinas terkait.",
            "Kami berharap ada penanganan secepatnya.", "Terima kasih atas perhatiannya.");

    private Texts() {
    }

    static Text write(SplittableRandom random, CategoryId category, CategoryId top, int month, boolean sms) {
        List<String> titles = TITLES.getOrDefault(category.value(), TITLES.get("lainnya"));
        String title = titles.get(random.nextInt(titles.size()));
        String place = PLACES.get(random.nextInt(PLACES.size()));
        StringBuilder body = new StringBuilder();
        body.append(title).append(" di ").append(place).append(' ').append(SINCE.get(random.nextInt(SINCE.size())))
                .append(". ");
        if (month >= 8 && month <= 10 && random.nextDouble() < 0.05) {
            body.append("Selain itu kabut asap sangat pekat di sekitar rumah kami. ");
        }
        if (category.value().equals("jalan") && random.nextDouble() < 0.1) {
            body.append("Ruas ini termasuk jalan provinsi. ");
        }
        body.append(ASKS.get(random.nextInt(ASKS.size())));
        String text = body.toString();
        if (sms) {
            // SMS 1708: one part, often in capitals, the region's keyword first.
            String sm = "PALANGKARAYA " + (random.nextDouble() < 0.4 ? text.toUpperCase(Locale.ROOT) : text);
            return new Text(title, sm.length() > 160 ? sm.substring(0, 160) : sm);
        }
        if (random.nextDouble() < 0.02) {
            // Typed on a phone with an accent here and there.
            text = text.replace("e", "é");
        }
        return new Text(title, text);
    }
}
