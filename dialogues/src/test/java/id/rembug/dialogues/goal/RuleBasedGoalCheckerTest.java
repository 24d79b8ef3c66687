package id.rembug.dialogues.goal;

import static id.rembug.dialogues.goal.GoalCriterion.MEASURABLE;
import static id.rembug.dialogues.goal.GoalCriterion.REALISTIC;
import static id.rembug.dialogues.goal.GoalCriterion.SCOPED;
import static id.rembug.dialogues.goal.GoalCriterion.TIME_FRAMED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedGoalCheckerTest {

    private final GoalChecker checker = new RuleBasedGoalChecker();

    private GoalAssessment assess(String goal) {
        return checker.assess(goal);
    }

    /** Realism is never met, only asked or missing: for it, "meets" means "not visibly missing". */
    private boolean meets(String goal, GoalCriterion criterion) {
        GoalAssessment assessment = assess(goal);
        return criterion == REALISTIC ? !assessment.missing().contains(REALISTIC) : assessment.met().contains(criterion);
    }

    private String evidence(String goal, GoalCriterion criterion) {
        return assess(goal).evidence().get(criterion);
    }

    @Nested
    class TimeFramed {

        @ParameterizedTest
        @ValueSource(strings = {"besok", "lusa", "minggu depan", "bulan depan", "tahun ini", "pekan depan",
            "bulan yang akan datang", "hari ini"})
        void relativeIndonesianDaysFrameTheGoal(String when) {
            assertThat(meets("Kami kerja bakti " + when, TIME_FRAMED)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"dalam 3 bulan", "3 bulan", "2 minggu lagi", "dua minggu lagi", "selama 6 bulan",
            "sebulan lagi", "setahun", "3 bulan ke depan"})
        void indonesianDurationsFrameTheGoal(String when) {
            assertThat(meets("Kami membersihkan selokan " + when, TIME_FRAMED)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"sebelum Lebaran", "sebelum 17 Agustus", "akhir Desember", "awal tahun",
            "tanggal 12", "12/1", "12-01-2027", "31/12/2027", "bulan Maret", "Juni 2027", "sebelum musim hujan",
            "menjelang Idul Fitri", "tahun 2027", "pada 2027", "akhir tahun ini", "pertengahan Mei"})
        void indonesianDatesAndDeadlinesFrameTheGoal(String when) {
            assertThat(meets("Warga menanam pohon " + when, TIME_FRAMED)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sabtu ini", "hari Sabtu", "Jumat pagi"})
        void weekdaysFrameTheGoal(String when) {
            assertThat(meets("Kerja bakti " + when, TIME_FRAMED)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"setiap Sabtu", "setiap minggu", "tiap bulan", "per bulan", "setiap hari Minggu",
            "tiap 2 minggu", "2 minggu sekali", "seminggu sekali", "bulanan", "tiap sabtu", "2 mgg sekali",
            "every Saturday", "once a month", "weekly"})
        void repetitionAloneIsNotADeadlineAndAsksUntilWhen(String when) {
            GoalAssessment assessment = assess("Kerja bakti " + when);
            assertThat(assessment.met()).doesNotContain(TIME_FRAMED);
            assertThat(assessment.untilWhen()).isEqualToIgnoringCase(when);
        }

        @Test
        void repetitionWithADeadlineIsTimeFramedAndAsksNothing() {
            GoalAssessment assessment = assess("Dalam 3 bulan kami kerja bakti setiap Sabtu");
            assertThat(assessment.met()).contains(TIME_FRAMED);
            assertThat(assessment.untilWhen()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"sebelum kemarau", "menjelang musim barat", "pas musim timur", "sebelum Natal",
            "setelah panen", "sampe akhir taun", "sblm musim ujan", "sebelum Imlek", "abis lebaran"})
        void seasonsHolidaysAndPhoneSpellingsFrameTheGoal(String when) {
            assertThat(meets("Warga menanam pohon " + when, TIME_FRAMED)).as(when).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"by March", "by the end of June", "within 3 months", "next week", "next month",
            "this year", "before Christmas", "in two weeks", "tomorrow", "by 2027",
            "on 5 March", "March 5th", "in May", "before the rainy season",
            "end of the year", "three months from now"})
        void englishTimePhrasesFrameTheGoal(String when) {
            assertThat(meets("We clean the river " + when, TIME_FRAMED)).isTrue();
        }

        @Test
        void goalWithoutDeadlineIsNotTimeFramed() {
            assertThat(meets("Kami membersihkan selokan di 12 titik", TIME_FRAMED)).isFalse();
            assertThat(meets("We clean the drains of our street", TIME_FRAMED)).isFalse();
        }

        @Test
        void durationIsQuotedAsWritten() {
            assertThat(evidence("Dalam 3 bulan kami membersihkan selokan", TIME_FRAMED)).isEqualTo("3 bulan");
            assertThat(evidence("Within 3 months we clean the drains", TIME_FRAMED)).isEqualTo("3 months");
        }

        @Test
        void deadlineEvidenceKeepsItsLeadWord() {
            assertThat(evidence("Menanam pohon sebelum 17 Agustus", TIME_FRAMED)).isEqualTo("sebelum 17 Agustus");
            assertThat(evidence("Plant trees before Christmas", TIME_FRAMED)).isEqualTo("before Christmas");
        }

        @Test
        void everyTimePhraseIsQuotedInOrder() {
            assertThat(evidence("Dalam 3 bulan kami kerja bakti setiap Sabtu", TIME_FRAMED))
                    .isEqualTo("3 bulan, setiap Sabtu");
        }

        @Test
        void phoneAbbreviationsForTimeAreUnderstood() {
            assertThat(evidence("3 bln lg kita bikin bank sampah", TIME_FRAMED)).isEqualTo("3 bln lg");
            assertThat(assess("kerja bakti 2 mgg sekali").untilWhen()).isEqualTo("2 mgg sekali");
            assertThat(meets("tanam cabe thn ini", TIME_FRAMED)).isTrue();
            assertThat(meets("rapat tgl 12", TIME_FRAMED)).isTrue();
            assertThat(meets("tanam 30 bibit sblm tgl 20", TIME_FRAMED)).isTrue();
        }

        @Test
        void clockTimeAloneDoesNotFrameAGoal() {
            assertThat(meets("Kumpul jam 9 di balai", TIME_FRAMED)).isFalse();
            assertThat(meets("Kerja bakti pukul 07.00 WIB", TIME_FRAMED)).isFalse();
            assertThat(meets("Meet at 9 am", TIME_FRAMED)).isFalse();
        }

        @Test
        void lengthOfOneSessionDoesNotFrameAGoal() {
            assertThat(meets("Kerja bakti 2 jam", TIME_FRAMED)).isFalse();
            assertThat(assess("Kerja bakti 2 jam setiap Sabtu").untilWhen()).isEqualTo("setiap Sabtu");
        }

        @Test
        void holidayNamedAsAnEventIsNotADeadline() {
            assertThat(meets("Bazar Lebaran di balai warga", TIME_FRAMED)).isFalse();
            assertThat(meets("Bazar sebelum Lebaran di balai warga", TIME_FRAMED)).isTrue();
        }

        @Test
        void englishMonthWordsThatAreAlsoVerbsNeedADayOrLeadWord() {
            assertThat(meets("We may plant trees", TIME_FRAMED)).isFalse();
            assertThat(meets("We march to the park and plant trees", TIME_FRAMED)).isFalse();
            assertThat(meets("We plant trees in May", TIME_FRAMED)).isTrue();
            assertThat(meets("We plant trees on May 5", TIME_FRAMED)).isTrue();
        }

        @Test
        void capitalisedMingguInMidSentenceIsSunday() {
            assertThat(meets("Kerja bakti Minggu pagi", TIME_FRAMED)).isTrue();
            assertThat(meets("Kami kerja bakti Minggu", TIME_FRAMED)).isTrue();
        }

        @Test
        void englishOrdinalDayIsNotReadAsIndonesianYears() {
            assertThat(evidence("Plant trees by the 5th of March", TIME_FRAMED)).contains("5th of March");
            assertThat(evidence("tanam pohon 5th lagi", TIME_FRAMED)).isEqualTo("5th lagi");
        }
    }

    @Nested
    class Measurable {

        @ParameterizedTest
        @ValueSource(strings = {"20 keluarga", "50%", "50 persen", "Rp 500.000", "Rp500rb", "1 ton", "3 titik",
            "100 meter", "2 kali", "1,5 juta", "2-3 orang", "1/2 ton"})
        void digitTargetsAreMeasurable(String target) {
            assertThat(meets("Warga mengumpulkan " + target, MEASURABLE)).as(target).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"dua puluh keluarga", "lima orang", "seratus pohon", "sepuluh rumah",
            "setengah warga", "tujuh belas kelompok", "seribu bibit"})
        void indonesianNumberWordsAreMeasurable(String target) {
            assertThat(meets("Kami mengajak " + target, MEASURABLE)).as(target).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"twenty families", "five people", "a hundred trees", "one hundred and fifty seedlings",
            "half of the households", "a dozen volunteers"})
        void englishNumberWordsAreMeasurable(String target) {
            assertThat(meets("We reach " + target, MEASURABLE)).as(target).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"semua rumah", "setiap rumah", "seluruh warga", "tiap KK", "masing-masing keluarga",
            "all households", "every household", "each family", "all 30 households"})
        void wholeGroupTargetsAreMeasurable(String target) {
            assertThat(meets(target + " memilah sampah", MEASURABLE)).as(target).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"dalam 3 bulan kami membersihkan selokan", "2 minggu lagi kami kerja bakti",
            "rapat 12/1", "kerja bakti tanggal 5", "tahun 2027 kami menanam pohon", "kumpul jam 9",
            "kerja bakti akhir Desember", "tiga bulan lagi kami kerja bakti", "we clean the drains within 3 months",
            "kerja bakti pukul 07.00", "kegiatan 19.30 sampai 21.00", "kerja bakti 12-01-2027", "2 jam kerja bakti",
            "meet at 9 am"})
        void numbersOfATimeExpressionAreNotATarget(String goal) {
            assertThat(meets(goal, MEASURABLE)).as(goal).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"warga RT 05 kerja bakti", "warga RT 05/RW 02 sehat", "rapat tahap 2",
            "lomba ke-3", "kerja bakti di gang 4", "kelas 6 belajar bersama", "lomba 17an"})
        void numbersThatNameSomethingAreNotATarget(String goal) {
            assertThat(meets(goal, MEASURABLE)).as(goal).isFalse();
        }

        @Test
        void oneOfAndSalahSatuAreNotCounts() {
            assertThat(meets("Salah satu tujuan kami adalah saling membantu satu sama lain", MEASURABLE)).isFalse();
            assertThat(meets("One of our dreams is a cleaner street", MEASURABLE)).isFalse();
        }

        @Test
        void reduplicationWrittenWithTwoIsNotANumber() {
            assertThat(meets("ibu2 PKK bikin kompos", MEASURABLE)).isFalse();
            assertThat(meets("anak2 belajar", MEASURABLE)).isFalse();
        }

        @Test
        void vagueAmountsAreNotMeasurable() {
            assertThat(meets("Beberapa warga menanam banyak pohon", MEASURABLE)).isFalse();
            assertThat(meets("Puluhan keluarga ikut arisan", MEASURABLE)).isFalse();
            assertThat(meets("Many families plant some trees", MEASURABLE)).isFalse();
        }

        @Test
        void yearLikeNumberFollowedByWhatItCountsIsATarget() {
            assertThat(evidence("Menanam 2000 bibit bakau", MEASURABLE)).isEqualTo("2000 bibit");
        }

        @Test
        void numberAfterAMonthAndACommaStillCounts() {
            assertThat(evidence("Pada bulan Juni, 20 keluarga menanam sayur", MEASURABLE)).isEqualTo("20 keluarga");
        }

        @Test
        void evidenceQuotesTheNumberWithWhatItCounts() {
            assertThat(evidence("Memilah sampah dari 40 rumah", MEASURABLE)).isEqualTo("40 rumah");
            assertThat(evidence("Kumpulkan Rp 500.000", MEASURABLE)).isEqualTo("Rp 500.000");
            assertThat(evidence("20 kk ikut bank sampah", MEASURABLE)).isEqualTo("20 kk");
        }

        @Test
        void moneyPerMonthIsBothATargetAndASchedule() {
            GoalAssessment assessment = assess("Iuran Rp 10.000/bulan untuk lampu jalan");
            assertThat(assessment.evidence().get(MEASURABLE)).isEqualTo("Rp 10.000");
            assertThat(assessment.untilWhen()).isEqualTo("/bulan");
        }

        @Test
        void timesPerWeekCountsTheSessionsAndFramesTheSchedule() {
            GoalAssessment assessment = assess("Senam 2x seminggu");
            assertThat(assessment.evidence().get(MEASURABLE)).isEqualTo("2x");
            assertThat(assessment.evidence().get(TIME_FRAMED)).isEqualTo("seminggu");
        }

        @Test
        void goalWithoutAnyNumberIsNotMeasurable() {
            assertThat(meets("Kami membersihkan selokan minggu depan", MEASURABLE)).isFalse();
        }
    }

    @Nested
    class Scoped {

        @ParameterizedTest
        @ValueSource(strings = {"membersihkan selokan", "menanam pohon", "membuat kompos", "mengadakan lomba",
            "membangun pos ronda", "mengumpulkan sampah", "melatih pemuda", "memperbaiki jalan", "mendata warga",
            "menjual sayur", "membentuk kelompok", "berjualan kue", "bergotong-royong"})
        void indonesianActivityVerbsScopeTheGoal(String activity) {
            assertThat(meets("Warga " + activity, SCOPED)).as(activity).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"menggali sumur resapan baru", "mengecat ulang gapura", "bersepeda keliling kampung",
            "menyapu halaman masjid", "memperlebar jalan setapak"})
        void unlistedVerbsWithActivePrefixScopeIndonesianGoals(String activity) {
            assertThat(meets("Kami " + activity, SCOPED)).as(activity).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"bersihin got", "tanam cabe", "bikin kompos", "kumpulin botol bekas", "benerin atap"})
        void everydayVerbFormsScopeTheGoal(String activity) {
            assertThat(meets("kita " + activity, SCOPED)).as(activity).isTrue();
        }

        @Test
        void passiveVerbsScopeTheGoal() {
            assertThat(meets("Selokan dibersihkan setiap bulan", SCOPED)).isTrue();
            assertThat(meets("Lahan kosong ditanami sayur", SCOPED)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"kerja bakti", "pelatihan", "posyandu", "bank sampah", "arisan", "rapat",
            "pertemuan", "lomba", "bazar", "penyuluhan", "kebun", "pasar murah", "ronda"})
        void indonesianActivityNounsScopeTheGoalWithAVerbOrAnotherActivity(String activity) {
            assertThat(meets("Kami mengadakan " + activity + " minggu depan", SCOPED)).as(activity).isTrue();
            assertThat(meets("Ada " + activity + " dan rembug warga minggu depan", SCOPED)).as(activity).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada kerja bakti minggu depan", "Posyandu tiap bulan", "Rapat warga 12/1", "Workshop next month"})
        void oneActivityNounAloneDoesNotYetScopeTheGoal(String goal) {
            assertThat(meets(goal, SCOPED)).as(goal).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"clean the river", "plant trees", "build a bench", "hold a meeting", "collect bottles",
            "train youths", "repair roofs", "sell vegetables", "set up a waste bank", "organise a market",
            "organize a fair", "run a class", "start a savings group", "cleaned the drains", "are planting trees",
            "sorting waste"})
        void englishActivityVerbsScopeTheGoal(String activity) {
            assertThat(meets("We " + activity, SCOPED)).as(activity).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a workshop", "training", "a monthly meeting", "a clean-up", "a cleanup"})
        void englishActivityNounsScopeTheGoalWithAVerb(String activity) {
            assertThat(meets("We hold " + activity, SCOPED)).as(activity).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Kampung kita lebih bersih", "Ekonomi warga meningkat", "Better life",
            "Lingkungan bersih dan sehat", "Meningkatkan kebersihan lingkungan", "Kita mau jadi kampung bersih",
            "Warga makin sejahtera", "Mengurangi sampah plastik", "Our kids will be healthier",
            "A cleaner and greener neighbourhood"})
        void bareWishIsNotScoped(String wish) {
            assertThat(meets(wish, SCOPED)).as(wish).isFalse();
        }

        @Test
        void lookAlikeWordsWithVerbPrefixesAreNotActivities() {
            assertThat(meets("Mereka memang menjadi bersama berapa meski menurut melalui mungkin", SCOPED)).isFalse();
            assertThat(meets("Warga bersatu, berdaya dan berkembang", SCOPED)).isFalse();
        }

        @Test
        void cleanAsAnAdjectiveIsNotAnActivity() {
            assertThat(meets("A clean village", SCOPED)).isFalse();
            assertThat(meets("Keep the village clean", SCOPED)).isFalse();
            assertThat(meets("We clean the village", SCOPED)).isTrue();
        }

        @Test
        void englishWordsThatStartLikeIndonesianVerbsAreNotActivities() {
            assertThat(meets("Our members will be happier and the mentality better", SCOPED)).isFalse();
        }

        @Test
        void englishVerbUsedAsANounAfterAnArticleIsNotAnActivity() {
            assertThat(meets("A good start for the village", SCOPED)).isFalse();
        }

        @Test
        void evidenceListsEveryActivityInOrder() {
            assertThat(evidence("Membersihkan selokan dan memilah sampah lalu mengadakan bazar", SCOPED))
                    .isEqualTo("Membersihkan, memilah, mengadakan, bazar");
        }

        @Test
        void bloodDonationIsAnActivityAndNoOutsider() {
            GoalAssessment assessment = assess("Mengadakan donor darah setiap 3 bulan");
            assertThat(assessment.met()).contains(SCOPED);
            assertThat(assessment.notCheckable()).contains(REALISTIC);
        }
    }

    @Nested
    class Realistic {

        @ParameterizedTest
        @ValueSource(strings = {"Menunggu bantuan pemerintah untuk membangun jalan",
            "Kami minta dana dari dinas untuk membuat bank sampah",
            "Kalau ada bantuan dari desa, kami memperbaiki pos ronda", "Pemerintah harus memperbaiki jalan",
            "Tergantung donatur, kami mengadakan pelatihan", "Kami membangun jalan dengan dana desa",
            "Jembatan dibangun oleh pemerintah", "Kami mengajukan proposal ke kelurahan",
            "nunggu dana dr pemda dulu baru bangun mck", "Kami butuh bantuan dari dinas sosial"})
        void indonesianOutsiderDependenceIsNotRealistic(String goal) {
            assertThat(meets(goal, REALISTIC)).as(goal).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"We are waiting for the government to fix the road",
            "We will run a workshop if the NGO funds it", "Planting 100 trees depends on a donor",
            "The council should build a playground", "We hope to get a grant from the city",
            "The garden is funded by a company", "We rely on donors to buy seedlings"})
        void englishOutsiderDependenceIsNotRealistic(String goal) {
            assertThat(meets(goal, REALISTIC)).as(goal).isFalse();
        }

        @Test
        void outsiderAsTheOnlyActorIsNotRealistic() {
            assertThat(meets("Dinas kesehatan mengadakan penyuluhan bulan depan", REALISTIC)).isFalse();
            assertThat(meets("Pemerintah desa membangun jalan tahun depan", REALISTIC)).isFalse();
        }

        @Test
        void workingWithAnOutsiderWithoutWaitingForItStaysRealistic() {
            assertThat(meets("Kami bekerja sama dengan puskesmas mengadakan posyandu", REALISTIC)).isTrue();
            assertThat(meets("Kami mengundang petugas dinas kesehatan untuk penyuluhan", REALISTIC)).isTrue();
        }

        @Test
        void negatedDependenceShowsOwnStrength() {
            GoalAssessment assessment = assess("Tanpa menunggu bantuan pemerintah, kami memperbaiki jembatan");
            assertThat(assessment.notCheckable()).contains(REALISTIC);
            assertThat(assessment.evidence().get(REALISTIC)).startsWith("Tanpa menunggu bantuan pemerintah");
            assertThat(meets("Tidak bergantung pada donatur, warga menanam bibit", REALISTIC)).isTrue();
            assertThat(meets("No government funding needed: we repair the playground ourselves", REALISTIC)).isTrue();
        }

        @Test
        void theGroupsOwnMoneyIsNoDependence() {
            assertThat(meets("Mengumpulkan dana dari warga untuk lomba", REALISTIC)).isTrue();
            assertThat(meets("Kami butuh dana 5 juta dari kas RT untuk membeli tong", REALISTIC)).isTrue();
            assertThat(meets("Kami menunggu dana iuran terkumpul lalu membeli tong", REALISTIC)).isTrue();
            assertThat(meets("We pay for the seedlings with our own funds", REALISTIC)).isTrue();
        }

        @Test
        void moneyFromAnOutsiderNamedAfterTheGroupIsStillDependence() {
            assertThat(meets("Kalau ada bantuan dari desa, kami memperbaiki pos ronda", REALISTIC)).isFalse();
        }

        @Test
        void needingMoneyWithoutNamingAnOutsiderStaysRealistic() {
            assertThat(meets("Kami butuh dana 5 juta untuk membeli tong sampah", REALISTIC)).isTrue();
        }

        @Test
        void villageAsTheGroupsOwnPlaceIsNoOutsider() {
            assertThat(meets("Warga desa menanam 100 pohon", REALISTIC)).isTrue();
            assertThat(meets("Kami di desa membuat kompos", REALISTIC)).isTrue();
        }

        @Test
        void dependingOnTheWeatherIsNoOutsiderDependence() {
            assertThat(meets("Kerja bakti tergantung cuaca setiap Minggu pagi", REALISTIC)).isTrue();
        }

        @Test
        void ownActorsAreQuotedAsEvidence() {
            assertThat(evidence("Kami warga RT 05 membersihkan selokan secara swadaya", REALISTIC))
                    .isEqualTo("Kami warga RT, secara swadaya");
            assertThat(evidence("Residents and volunteers plant trees together", REALISTIC))
                    .isEqualTo("Residents, volunteers, together");
            assertThat(evidence("Sabtu ini gotong-royong bersihin masjid", REALISTIC)).isEqualTo("gotong-royong");
        }

        @Test
        void goalNamingNoActorAndNoOutsiderIsRealisticWithoutEvidence() {
            GoalAssessment assessment = assess("Membersihkan selokan setiap Sabtu");
            assertThat(assessment.notCheckable()).contains(REALISTIC);
            assertThat(assessment.evidence()).doesNotContainKey(REALISTIC);
        }
    }

    @Nested
    class WholeGoals {

        @Test
        void methodExampleMeetsAllFourWithEvidenceFromItsOwnWords() {
            GoalAssessment assessment = assess("Dalam 3 bulan, kami warga RT 05 membersihkan selokan setiap Sabtu "
                    + "dan memilah sampah dari 40 rumah secara swadaya");
            assertThat(assessment.isComplete()).isTrue();
            assertThat(assessment.missing()).isEmpty();
            assertThat(assessment.evidence()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    REALISTIC, "kami warga RT, secara swadaya",
                    MEASURABLE, "40 rumah",
                    TIME_FRAMED, "3 bulan, setiap Sabtu",
                    SCOPED, "membersihkan, memilah"));
        }

        @Test
        void englishGoalMeetsAllFour() {
            assertThat(assess("Twenty families will set up a waste bank by March").isComplete()).isTrue();
            assertThat(assess("By the end of June we will train 15 youths to repair phones").isComplete()).isTrue();
        }

        @Test
        void informalPhoneGoalMeetsAllFour() {
            GoalAssessment assessment = assess("kita bersihin got tiap sabtu sampe desember 20 rmh");
            assertThat(assessment.isComplete()).isTrue();
            assertThat(assessment.evidence().get(MEASURABLE)).isEqualTo("20 rmh");
        }

        @Test
        void timeFramedButUnmeasuredGoalReportsWhatIsMissing() {
            GoalAssessment assessment = assess("dalam 3 bulan kami membersihkan selokan");
            assertThat(assessment.missing()).containsExactly(MEASURABLE);
        }

        @Test
        void wishReportsOnlyRealism() {
            assertThat(assess("Kampung kita lebih bersih").met()).isEmpty();
            assertThat(assess("Kampung kita lebih bersih").notCheckable()).containsExactly(REALISTIC);
        }

        @Test
        void extraSpacesAndPunctuationDoNotChangeTheResult() {
            GoalAssessment tidy = assess("Dalam 3 bulan kami membersihkan selokan dari 40 rumah");
            GoalAssessment messy = assess("  dalam   3 bulan!!! kami ... MEMBERSIHKAN selokan,\n dari 40   rumah :) ");
            assertThat(messy.met()).isEqualTo(tidy.met());
            assertThat(messy.evidence().get(TIME_FRAMED)).isEqualTo("3 bulan");
        }

        @Test
        void evidenceQuotesAtMostTheConfiguredNumberOfPhrases() {
            String goal = IntStream.rangeClosed(1, 9).mapToObj(i -> "menanam " + i + "0 pohon")
                    .collect(Collectors.joining(" dan "));
            String quoted = evidence(goal, MEASURABLE);
            assertThat(quoted.split(", ")).hasSize(RuleBasedGoalChecker.MAX_EVIDENCE_PHRASES);
            assertThat(quoted).startsWith("10 pohon, 20 pohon");
        }

        @Test
        void emptyOrWordlessGoalMeetsNothing() {
            for (String nothing : new String[] {"", "   ", "\n\t", "👍👍👍", "?!...", null}) {
                GoalAssessment assessment = assess(nothing);
                assertThat(assessment.met()).as("[%s]", nothing).isEmpty();
                assertThat(assessment.evidence()).isEmpty();
            }
        }

        @Test
        void oneSharedInstanceGivesTheSameAnswersFromManyThreads() {
            List<String> goals = List.of("Dalam 3 bulan kami membersihkan selokan dari 40 rumah",
                    "Menunggu bantuan pemerintah", "We plant 100 trees before the rainy season",
                    "kita bersihin got tiap sabtu 20 rmh", "Kampung kita lebih bersih");
            Map<String, GoalAssessment> expected = goals.stream()
                    .collect(Collectors.toMap(goal -> goal, checker::assess));
            boolean allSame = IntStream.range(0, 2_000).parallel()
                    .allMatch(i -> checker.assess(goals.get(i % goals.size())).equals(expected.get(goals.get(i % goals.size()))));
            assertThat(allSame).isTrue();
        }
    }
}
