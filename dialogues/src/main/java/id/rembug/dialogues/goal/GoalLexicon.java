package id.rembug.dialogues.goal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words the goal checker knows, Indonesian and English side by side. Everything is
 * lower case and in normalised spelling (after {@link #ABBREVIATIONS} is applied). Kept
 * apart from the rules so that adding a word never means touching logic.
 */
final class GoalLexicon {

    private GoalLexicon() {
    }

    // ---------------------------------------------------------------- normalisation

    /** Spellings residents use on phones, mapped to the word the rules know. */
    static final Map<String, String> ABBREVIATIONS = pairs(
            // time
            "bln", "bulan", "mgg", "minggu", "mg", "minggu", "mgu", "minggu",
            "mggu", "minggu", "thn", "tahun", "th", "tahun", "thun", "tahun", "hr", "hari", "hri", "hari",
            "tgl", "tanggal", "tggl", "tanggal", "sblm", "sebelum", "sblum", "sebelum", "sebelom", "sebelum",
            "stlh", "setelah", "sth", "setelah", "ssdh", "sesudah", "bsk", "besok", "besuk", "besok",
            "dpn", "depan", "dpan", "depan", "lg", "lagi", "lgi", "lagi", "pkl", "pukul", "skrg", "sekarang",
            "stiap", "setiap", "jmt", "jumat", "sbtu", "sabtu", "sampe", "sampai", "smp", "sampai",
            "ampe", "sampai", "nyampe", "sampai", "taun", "tahun", "thn2", "tahun", "tahon", "tahun",
            "mingu", "minggu", "bulan2", "bulan", "sebelon", "sebelum", "blom", "belum", "abis", "habis",
            "tiapp", "tiap", "ujan", "hujan", "malem", "malam", "siang2", "siang", "akhr", "akhir", "awl", "awal",
            "wk", "week", "wks", "weeks", "mo", "month", "mos", "months", "mth", "month",
            "mths", "months", "yr", "year", "yrs", "years", "hrs", "hours", "mins", "minutes",
            // people and places
            "kel", "keluarga", "kk", "keluarga", "klg", "keluarga", "klrg", "keluarga", "org", "orang",
            "orng", "orang", "rmh", "rumah", "wrg", "warga", "kmi", "kami", "kt", "kita", "qt", "kita",
            "kite", "kita", "sy", "saya", "bpk", "bapak", "bu", "ibu", "jln", "jalan", "jl", "jalan",
            "gg", "gang", "tmpt", "tempat", "tmp", "tempat", "ppl", "people", "govt", "government",
            "gov", "government", "hh", "households",
            // money and amounts
            "jt", "juta", "jta", "juta", "rb", "ribu", "rbu", "ribu", "idr", "rp", "rupiah", "rp",
            "%", "persen", "percent", "persen", "smua", "semua", "smw", "semua", "sluruh", "seluruh",
            "bbrp", "beberapa",
            // function words
            "utk", "untuk", "untk", "untuk", "dgn", "dengan", "dg", "dengan", "dng", "dengan",
            "yg", "yang", "yng", "yang", "sdh", "sudah", "udh", "sudah", "udah", "sudah",
            "tdk", "tidak", "gak", "tidak", "ga", "tidak", "nggak", "tidak", "ngga", "tidak",
            "enggak", "tidak", "gk", "tidak", "blm", "belum", "krn", "karena", "karna", "karena",
            "dr", "dari", "pd", "pada", "dlm", "dalam", "sm", "sama", "sbg", "sebagai", "jd", "jadi",
            "tp", "tapi", "kalo", "kalau", "klo", "kalau", "kl", "kalau", "klau", "kalau",
            "don't", "dont", "doesn't", "doesnt");

    // ---------------------------------------------------------------- numbers

    /** Indonesian and English number words; {@link #MULTIPLIERS} scale what comes before. */
    static final Set<String> NUMBER_WORDS = words("""
            satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh
            seratus ratus seribu ribu sejuta juta miliar milyar triliun setengah separuh sepertiga
            seperempat
            one two three four five six seven eight nine ten eleven twelve thirteen fourteen
            fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
            eighty ninety hundred thousand million billion dozen half
            """);

    static final Set<String> MULTIPLIERS = words("""
            belas puluh ratus ribu juta miliar milyar triliun hundred thousand million billion dozen
            """);

    /** Multipliers that may stand alone as a number ("a hundred trees"). */
    static final Set<String> STANDALONE_MULTIPLIERS = words("hundred thousand dozen");

    /** Words that join two parts of one spelled-out number: "one hundred and fifty". */
    static final Set<String> NUMBER_JOINERS = words("dan and");

    static final Set<String> CURRENCY = words("rp usd");

    /** A number after these names a place, a class or a step instead of counting anything. */
    static final Set<String> LABEL_MARKERS = words("""
            rt rw nomor no nmr nomer blok gang lorong dusun jalan kav kavling lantai kamar kelas ke
            tahap fase angkatan gelombang periode jilid bab babak ronde putaran
            number block street phase stage round grade room
            """);

    // ---------------------------------------------------------------- time

    /** Units long enough that "3 of them" frames a goal in time. */
    static final Set<String> LONG_TIME_UNITS = words("""
            hari minggu pekan bulan tahun semester triwulan kuartal
            day days week weeks month months year years fortnight fortnights weekend weekends
            quarter quarters term terms
            """);

    /** Units that only say how long one session lasts ("kerja bakti 2 jam"): no deadline. */
    static final Set<String> SHORT_TIME_UNITS = words("jam menit detik hour hours minute minutes hr min");

    static final Set<String> MONTHS = words("""
            januari februari pebruari maret april mei juni juli agustus september oktober nopember
            november desember
            january february june july august october december
            """);

    /** Month names and abbreviations that are ordinary words too ("may", "march", "jan"). */
    static final Set<String> AMBIGUOUS_MONTHS = words("""
            may march jan feb mar apr jun jul agu agt ags agst aug sep sept okt oct nov des dec
            """);

    /** Weekday names; "minggu" (Sunday and week) is handled by the patterns instead. */
    static final Set<String> WEEKDAYS = words("""
            senin selasa rabu kamis jumat sabtu
            monday tuesday wednesday thursday friday saturday sunday
            mondays tuesdays wednesdays thursdays fridays saturdays sundays
            """);

    static final Set<String> HOLIDAYS = words("""
            lebaran idulfitri iduladha natal imlek ramadan ramadhan puasa nyepi waisak maulid
            agustusan tujuhbelasan kemerdekaan paskah galungan kuningan muharram suro sekaten
            kemarau penghujan paceklik panen
            christmas easter eid diwali thanksgiving ramadhan harvest
            """);

    static final Set<String> PARTS_OF_DAY = words("pagi siang sore malam wib wita wit am pm oclock");

    // ---------------------------------------------------------------- counting

    /** Things a group can count: households, people, trees, drains. */
    static final Set<String> COUNT_NOUNS = words("""
            rumah keluarga orang warga jiwa anak balita lansia remaja pemuda pemudi ibu bapak
            ibu-ibu bapak-bapak anak-anak peserta anggota relawan kader petani pedagang umkm
            titik lokasi pos pohon bibit batang tanaman polybag pot bedeng petak kebun kolam ekor
            lampu tempat tong ember botol buah unit paket porsi kotak kelompok kelas rt rw gang
            jalan selokan got saluran sumur lubang biopori lapak kios stand stan produk usaha warung
            buku murid siswa kursi spanduk poster tabung kepala bungkus sak karung kantong kantung
            tim sekolah masjid musala mushola jembatan tiang gerobak kandang bak drum tandon toilet
            jamban mck pipa bangku tanaman kilo
            household households home homes house houses family families people person persons
            resident residents child children kid kids woman women man men youth youths member
            members volunteer volunteers participant participants farmer farmers tree trees
            seedling seedlings plant plants bag bags sack sacks bin bins bottle bottles lamp lamps
            light lights street streets drain drains point points spot spots plot plots bed beds
            stall stalls product products box boxes meal meals student students book books
            group groups team teams school schools
            """);

    /** Units of amount: weight, volume, length, area, repetitions. */
    static final Set<String> MEASURE_UNITS = words("""
            kg kilo kilogram gram ton kuintal liter meter m km hektar hektare ha kali sesi lusin
            kodi persen
            kilos kilograms tonne tonnes tons litre litres liters metre metres meters hectare
            hectares acre acres times session sessions
            """);

    /** Words that turn the next count noun into a target: "setiap rumah", "all households". */
    static final Set<String> WHOLE_QUANTIFIERS = words("""
            semua seluruh setiap tiap tiap-tiap masing-masing segenap
            all every each
            """);

    // ---------------------------------------------------------------- realistic

    /** People or bodies outside the group whose will decides the outcome. */
    static final Set<String> STRONG_OUTSIDERS = words("""
            pemerintah pemda pemkab pemkot pemprov pemdes dinas kementerian kementrian menteri
            presiden gubernur bupati walikota camat lurah kades dprd dpr dewan caleg partai donatur
            donor sponsor investor perusahaan csr lsm ngo yayasan bumn negara instansi pejabat
            dermawan musrenbang musdes dpd bappeda babinsa
            government council municipality mayor governor ministry minister agency ngos charity
            charities donors sponsors investors company companies corporation corporations
            officials official politician politicians authorities outsiders
            """);

    /** Multi-word outsiders, written as patterns. */
    static final String[] STRONG_OUTSIDER_PHRASES = {
        "orang|pihak lain|luar|ketiga", "kepala desa|daerah", "wali kota", "someone else",
        "outside help|funding|funds|support", "the city|state|district"
    };

    /** Administrative levels: outsiders only when money or favours come from them. */
    static final Set<String> WEAK_OUTSIDERS = words("""
            desa kelurahan kecamatan kabupaten kota provinsi
            village district regency city province
            """);

    /** Before a weak outsider these make it the group's own place: "warga desa", "di desa". */
    static final Set<String> PLACE_OR_OWN_BEFORE = words("""
            warga di masyarakat penduduk pemuda anak ibu-ibu bapak-bapak se dusun kampung
            in at our residents
            """);

    static final Set<String> OWN_AFTER = words("kami kita ini sendiri ours");

    /** Outside money or favours. */
    static final Set<String> AID_WORDS = words("""
            bantuan bansos blt pkh dana modal hibah subsidi sumbangan donasi anggaran apbd apbn
            apbdes proposal
            funding funds fund grant grants aid subsidy subsidies donation donations sponsorship
            handout handouts
            """);

    /** Words next to money that make it the group's own money: "dana kas", "our own funds". */
    static final Set<String> OWN_MONEY_MARKERS = words("""
            sendiri warga kami kita kas iuran swadaya anggota jimpitan pribadi
            own our ourselves members residents
            """);

    /** Words just before money that make it the group's own: "kas RT", "our own funds". */
    static final Set<String> OWN_MONEY_BEFORE = words("own our kas iuran swadaya jimpitan");

    /**
     * Needing is a dependence only when someone outside is named ("butuh bantuan dari dinas");
     * "kami butuh dana 5 juta" alone says nothing about where the money comes from.
     */
    static final Set<String> NEED_CUES = words("butuh membutuhkan perlu memerlukan need needs needing");

    /** Waiting, asking, hoping, receiving, conditions and plain dependence. */
    static final Set<String> DEPENDENCE_CUES = words("""
            menunggu tunggu nunggu nungguin menanti minta meminta mintain memohon mohon mengajukan
            ajukan menuntut mengharapkan berharap harap mendapat
            mendapatkan dapet menerima terima memperoleh kalau jika bila apabila asal asalkan
            seandainya andai tergantung bergantung ketergantungan mengandalkan andalkan diberi
            diberikan dikasih disediakan didanai dibiayai dibantu disumbang dibangunkan dibuatkan
            difasilitasi
            wait waits waiting await awaits awaiting ask asks asking request requests requesting
            apply applying get gets getting receive receives receiving hope
            hoping expect expecting seek seeking if unless once provided assuming depend depends
            depending dependent rely relies relying reliant funded financed sponsored
            """);

    /** After an outsider these make it the one who must act or pay: "pemerintah harus". */
    static final Set<String> OUTSIDER_DUTY_WORDS = words("""
            harus wajib mesti musti hendaknya sebaiknya seharusnya perlu diharapkan memberi
            memberikan menyediakan membiayai mendanai membantu bantu membangunkan membuatkan
            mengirim mengirimkan kasih ngasih turun mengucurkan menyalurkan
            must should has have needs need ought fund funds pay pays provide provides give gives
            sponsor sponsors help helps support supports donate donates
            """);

    static final Set<String> DONE_BY = words("oleh by");

    static final Set<String> NEGATORS = words("""
            tanpa tidak tak bukan jangan without not no never dont doesnt didnt wont nor
            """);

    /** Words that show the group itself doing the work. */
    static final Set<String> OWN_ACTORS = words("""
            kita kami warga swadaya berswadaya iuran jimpitan bersama bersama-sama sama-sama mandiri
            sendiri relawan sukarela sukarelawan ibu-ibu bapak-bapak pemuda pemudi pkk kelompok
            anggota tetangga rt rw saya aku masyarakat penduduk kas bergotong
            we our ours ourselves us residents neighbours neighbors volunteer volunteers
            volunteering together members community locals i my myself youth group
            """);

    static final String[] OWN_ACTOR_PHRASES = {
        "secara? gotong royong", "karang taruna", "secara mandiri|swadaya|bersama", "kerja bakti", "our own", "on our own",
        "by ourselves", "self funded|help|funding"
    };

    // ---------------------------------------------------------------- scoped

    /** Indonesian activity verbs, formal and the everyday forms residents type. */
    static final Set<String> ID_ACTIVITY_VERBS = words("""
            membersihkan menanam membuat mengadakan membangun mengumpulkan melatih memperbaiki
            mendata menjual membentuk berjualan bergotong memilah mengolah menyapu menyiram
            mengecat memasang mengangkut mengelola menggelar menyelenggarakan melaksanakan
            menjalankan mengajar mengajari mendirikan menabung beternak belajar bertani berkebun
            berlatih berkumpul bertemu bermusyawarah berdiskusi berdagang menggalang membagikan
            menyalurkan mendampingi mengunjungi merawat memelihara mengganti menambal mengeruk
            menguras mengubur menutup memproduksi memasarkan mempromosikan mengemas memasak
            menjahit membina mensosialisasikan menyosialisasikan mengajak memulai menyediakan
            membeli menyewa mencatat memetakan menyusun mengorganisir mengorganisasi mengatur
            menata merapikan mengecor mengaspal menimbun mencangkul memupuk memanen menyemprot
            memberantas mengecek memeriksa menimbang mengukur mendaur mengompos menyumbang
            menjemput mengantar mendidik menghias meratakan menghijaukan memperbanyak mengurus
            membuka menerapkan berbagi berolahraga berbelanja berwirausaha berdoa
            bersih-bersih
            bersihin ngebersihin nanam nanem bikin ngumpulin kumpulin jualan masang nyapu benerin
            dicor bantu bantuin tanem beli ngurus urus uruskan belanja belanjain ngerjain kerjain beresin benahin nyediain bagiin
            ngegali gali menggali ngaspal aspal betulin betulkan nambal ngeruk nguras ngedata
            tanemin nanemin pasangin ngajak bagi-bagi ngirim kirim anter nganter jemput nyemprot
            ngecat ngadain adain ngajarin ajarin ngolah milah nyiram ngangkut nabung ngerapihin
            rapihin ngelatih ngecor kumpul ngumpul bangun tanam adakan kumpulkan pilah perbaiki bersihkan jual
            latih olah siram sapu pasang angkut rawat kelola gelar galang tebar rapikan tata
            bagikan salurkan dirikan selenggarakan laksanakan jalankan ajak tanami ternak cor
            tambal keruk kuras kubur cek periksa timbang ukur semprot jemput antar catat susun
            petakan sosialisasikan kampanyekan produksi pasarkan promosikan kemas masak jahit
            bina ajarkan ajari didik perbanyak
            dibersihkan ditanam ditanami dibuat dibangun dikumpulkan dipilah diolah dicat dirawat
            diperbaiki dijual dilatih dipasang dikelola diangkut dikeruk dikuras disapu disiram
            didata dibentuk diadakan digelar diselenggarakan dilaksanakan dijalankan dibagikan
            disalurkan ditabung diajar diajari dibina didampingi
            """);

    /**
     * Words that look like me-/ber-/di- verbs but name a state, a wish, a feeling or a
     * function word, so they never count as an activity on their own.
     */
    static final Set<String> ID_NOT_ACTIVITY = words("""
            mereka memang menjadi menjadikan meski meskipun menurut melalui menuju mengenai
            melainkan merupakan memiliki mempunyai menjelang meningkat meningkatkan menurun
            menurunkan mengurangi menambah menambahkan mencapai mewujudkan menciptakan
            mensejahterakan menyejahterakan memajukan memberdayakan mengembangkan membantu melihat
            mendengar merasa merasakan mengetahui memahami mengerti menginginkan mengharapkan
            meminta memohon menunggu menerima mendapat mendapatkan memperoleh membutuhkan
            memerlukan mengikuti menjaga menghadapi mengatasi menyelesaikan melakukan menggunakan
            memakai memanfaatkan menyadari menyadarkan mengandalkan menghasilkan memberi
            memberikan mengajukan menjamin memastikan mengusahakan mengupayakan menanggulangi
            mencegah menghindari menghilangkan mengubah membiasakan meningkatnya menyenangkan
            menarik mendatang menengah mendadak mengapa meninggal menantu mendung menara mental
            menteri mentah merdeka melati melayu memori meriah merata mewah menyeluruh melimpah
            memuaskan mencukupi menguntungkan membosankan memadai mengerikan mengganggu menempuh
            menuntut mendesak mengharuskan mewajibkan mendukung menghimbau mengimbau memotivasi
            menginspirasi menyatakan mengatakan menyampaikan menghubungi memenuhi melestarikan
            menekan menuntaskan mengentaskan memperkuat mempererat menumbuhkan membangkitkan
            mendorong menggerakkan mengoptimalkan memaksimalkan memasyarakatkan membudayakan
            menanamkan menyehatkan memakmurkan mengamankan menertibkan mempercantik memperindah
            menyambut menangani menanggapi menghadiri memperjuangkan menyuarakan memikirkan
            merencanakan mendapatkannya menjadinya menanti mengajukannya menikmati mengalami
            membawa meraih menghemat menyenangi mencintai menyukai
            bersih berat beras berani berita berapa berkas berlian beranda berang berangkat bersama
            bersama-sama bersamaan berbagai berikut berikutnya berarti berhasil bertambah berkurang
            berubah berkembang berjalan bermanfaat berguna berdaya berkualitas bersatu bertahan
            berlaku berada berasal beri berikan bernilai berharga bermutu berlanjut berkelanjutan
            berbeda berlangsung berhenti berpenghasilan berkecukupan bertahap bersedia berminat
            berusaha berharap berencana berniat bermimpi bercita berupa berdasarkan berdua bertiga
            berlima berempat beratus beribu berjuta bertahun berbulan berminggu berhari berjam
            bersihnya berbahaya beracun berantakan berdebu berbau bersinar berwarna bergizi
            bermasalah berpendidikan berprestasi bertanggung berpartisipasi berperan berfungsi
            berdiri berpikir berhak berkah bergerak bersaing berkontribusi beraktivitas berkegiatan
            berswadaya bergantung berjuang berkarya bersekolah berobat bertugas bersyukur
            bersenang berinvestasi berkolaborasi berkomunikasi berinteraksi berkoordinasi bermain
            bertanya berpengaruh berdampak berkumpulnya berlebihan bersinergi bersemangat
            berwawasan berbudaya berakhlak beriman bertakwa berkeadilan berdikari
            dimana disini disana disitu diantara dibandingkan diharapkan diperlukan dibutuhkan
            dikatakan dijadikan dimiliki diketahui dirasakan diberikan diberi disediakan didanai
            dibiayai diharuskan diwajibkan digunakan dimanfaatkan dilakukan diikuti dicapai
            diwujudkan ditingkatkan dikurangi diselesaikan dipastikan diupayakan diusahakan
            disampaikan diajukan dikembangkan diberdayakan dimensi direksi dinasti dibantu
            dianggap diterima diperoleh didapatkan dihadapi diatasi dicegah dihindari
            member members membership memory memories mention mentioned mentions menu menus
            mental merchant merchants metre metres meter meters mentor mentors message messages
            berries beret
            """);

    static final Set<String> ENGLISH_ACTIVITY_VERBS = words("""
            plant build hold collect train repair fix sell organise organize run start sort
            recycle compost paint install sweep dig teach tutor host launch cook sew weigh map
            survey register visit distribute deliver donate fundraise mend renovate replace
            remove patrol harvest weed prune irrigate dredge unblock unclog pave coach mentor
            educate package bake inspect check establish gather hire rent meet save dig paint
            """);

    /** Irregular English forms the suffix rules would miss. */
    static final Set<String> ENGLISH_IRREGULAR_VERB_FORMS = words("""
            built held sold ran taught swept dug began begun sewn fixed
            """);

    /** Words after which a bare "clean" is a verb, not an adjective: "we clean", "to clean". */
    static final Set<String> CLEAN_AS_VERB_AFTER = words("""
            to will we they i you lets let and shall can must should would could then please us
            residents volunteers families people members youth everyone
            """);

    /** Words before which a bare "clean" is a verb: "clean the drains", "clean 20 drains". */
    static final Set<String> CLEAN_AS_VERB_BEFORE = words("""
            up out the our all every each a an this these those their its my his her both
            """);

    /** Activity nouns and phrases, as patterns (see {@link PhrasePatterns}). */
    static final String[] ACTIVITY_PHRASES = {
        // Indonesian
        "kerja bakti", "gotong royong", "bersih-bersih", "bersih desa|kampung|lingkungan",
        "pelatihan|latihan|penyuluhan|pendampingan|pembinaan|pengajaran|sosialisasi|kampanye",
        "posyandu|posbindu|paud|jumantik|psn|fogging|imunisasi|vaksinasi|pemeriksaan",
        "bank sampah", "arisan|koperasi|iuran|jimpitan|lumbung",
        "rapat|pertemuan|musyawarah|rembug|rembuk|diskusi|lokakarya|workshop|seminar|webinar",
        "lomba|bazar|bazaar|pameran|festival|pentas|turnamen|kunjungan",
        "kursus|les|bimbel|pengajian|yasinan|tahlilan|ronda|siskamling|patroli|senam",
        "bimbingan belajar", "taman baca", "perpustakaan", "jalan sehat", "donor darah",
        "kebun|pasar|warung|lapak|kios|kolam|hidroponik|biopori|kompos|budidaya|peternakan|panen",
        "kebun gizi|sayur", "pasar murah", "sumur resapan", "daur ulang", "dapur umum", "toga",
        "pembersihan|penanaman|pembuatan|pengolahan|pemilahan|penghijauan|pengumpulan|pendataan",
        "perbaikan|pengecatan|pemasangan|pengangkutan|penjualan|pemasaran|produksi|santunan",
        "sedekah|posko", "jumat berkah", "kelas menjahit|memasak|bahasa|komputer|mengaji",
        // English
        "workshop|workshops|training|trainings|meeting|meetings|cleanup|cleanups",
        "clean up|ups", "set|sets|setting up", "pick|picks|picking up", "raise|raising funds|money",
        "market|markets|bazaar|bazaars|fair|fairs|festival|festivals|competition|competitions",
        "contest|contests|campaign|campaigns|session|sessions|sale|sales|fundraiser|fundraisers",
        "garden|gardens|class|classes|course|courses|lessons|patrol|patrols|cooperative|coop",
        "co op", "recycling|composting|fundraising|planting|tutoring|playgroup|nursery|clinic",
        "waste bank|banks", "savings group|groups|club|clubs", "night watch", "tree planting",
        "community kitchen|garden", "survey|surveys|census|tournament|exhibition|screening",
        "stall|stalls|kiosk|library|daycare|rota|roster", "working bee", "check up|ups"
    };

    // ---------------------------------------------------------------- language hints

    /** Frequent Indonesian words: when a goal has none, the me-/ber- verb guess stays off. */
    static final Set<String> INDONESIAN_HINTS = words("""
            yang dan di ke dari untuk kami kita dengan ini itu akan setiap tiap dalam warga pada
            agar supaya bisa juga sudah tidak ada mau ingin harus
            """);

    static final Set<String> ENGLISH_HINTS = words("""
            the and to of we our in for with by will every a an is are be this that it
            """);

    // ---------------------------------------------------------------- helpers

    /** Splits a word list on white space; repeats are harmless. */
    static Set<String> words(String list) {
        Set<String> out = new HashSet<>();
        for (String word : list.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return Set.copyOf(out);
    }

    private static Map<String, String> pairs(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of entries: " + Arrays.toString(keyValues));
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return Map.copyOf(out);
    }
}
