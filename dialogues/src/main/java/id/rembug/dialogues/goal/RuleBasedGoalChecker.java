package id.rembug.dialogues.goal;

import static id.rembug.dialogues.goal.GoalLexicon.AID_WORDS;
import static id.rembug.dialogues.goal.GoalLexicon.AMBIGUOUS_MONTHS;
import static id.rembug.dialogues.goal.GoalLexicon.CLEAN_AS_VERB_AFTER;
import static id.rembug.dialogues.goal.GoalLexicon.CLEAN_AS_VERB_BEFORE;
import static id.rembug.dialogues.goal.GoalLexicon.COUNT_NOUNS;
import static id.rembug.dialogues.goal.GoalLexicon.DEPENDENCE_CUES;
import static id.rembug.dialogues.goal.GoalLexicon.DONE_BY;
import static id.rembug.dialogues.goal.GoalLexicon.ENGLISH_ACTIVITY_VERBS;
import static id.rembug.dialogues.goal.GoalLexicon.ENGLISH_HINTS;
import static id.rembug.dialogues.goal.GoalLexicon.ENGLISH_IRREGULAR_VERB_FORMS;
import static id.rembug.dialogues.goal.GoalLexicon.HOLIDAYS;
import static id.rembug.dialogues.goal.GoalLexicon.ID_ACTIVITY_VERBS;
import static id.rembug.dialogues.goal.GoalLexicon.ID_NOT_ACTIVITY;
import static id.rembug.dialogues.goal.GoalLexicon.INDONESIAN_HINTS;
import static id.rembug.dialogues.goal.GoalLexicon.LONG_TIME_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.MEASURE_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.MONTHS;
import static id.rembug.dialogues.goal.GoalLexicon.NEED_CUES;
import static id.rembug.dialogues.goal.GoalLexicon.NEGATORS;
import static id.rembug.dialogues.goal.GoalLexicon.OUTSIDER_DUTY_WORDS;
import static id.rembug.dialogues.goal.GoalLexicon.OWN_AFTER;
import static id.rembug.dialogues.goal.GoalLexicon.OWN_MONEY_BEFORE;
import static id.rembug.dialogues.goal.GoalLexicon.OWN_MONEY_MARKERS;
import static id.rembug.dialogues.goal.GoalLexicon.PARTS_OF_DAY;
import static id.rembug.dialogues.goal.GoalLexicon.PLACE_OR_OWN_BEFORE;
import static id.rembug.dialogues.goal.GoalLexicon.SHORT_TIME_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.STRONG_OUTSIDERS;
import static id.rembug.dialogues.goal.GoalLexicon.WEAK_OUTSIDERS;
import static id.rembug.dialogues.goal.GoalLexicon.WEEKDAYS;
import static id.rembug.dialogues.goal.GoalLexicon.WHOLE_QUANTIFIERS;

import id.rembug.dialogues.goal.GoalToken.Kind;
import id.rembug.dialogues.goal.PhrasePatterns.Analysis;
import id.rembug.dialogues.goal.PhrasePatterns.Match;
import id.rembug.dialogues.goal.PhrasePatterns.TokenClass;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a goal against METHOD.md's four criteria with word rules only: no model, no network,
 * no clock. Indonesian first, English second, and the informal spellings residents type on
 * phones ("3 bln", "20 kk", "tiap sabtu", "ibu2"). Immutable and thread-safe; every pattern is
 * compiled once when the class loads, so one instance can be shared and called on every goal.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>TIME_FRAMED</b>: the goal names a date, deadline, duration or recurring time:
 * relative days ("besok", "minggu depan", "next month"), durations ("3 bulan", "dua minggu
 * lagi", "within 3 months"), dates ("tanggal 12", "12/1", "12-01-2027", "17 Agustus",
 * "March 5th"), month names, years ("2027"), boundaries ("akhir Desember", "awal tahun",
 * "by the end of June"), holidays and seasons after a preposition ("sebelum Lebaran",
 * "before Christmas", "sebelum musim hujan"), weekdays ("Sabtu ini", "every Saturday") and
 * recurrences ("setiap minggu", "tiap bulan", "per bulan", "weekly"). A clock time ("jam 9",
 * "07.00 WIB") or a session length ("2 jam") is recognised, so its number is not taken for a
 * target, but it does not frame the goal by itself. Ambiguous month words ("May", "March",
 * "jan", "des") count only next to a day, a year or a preposition.</li>
 * <li><b>MEASURABLE</b>: a quantity that is not part of a time expression or a label:
 * digits ("20 keluarga", "Rp 500.000", "1 ton", "50%"), spelled-out numbers ("dua puluh
 * keluarga", "seratus", "setengah", "twenty families") and whole-group targets ("setiap
 * rumah", "semua warga", "all households"). Numbers inside a time expression ("3 bulan",
 * "tanggal 5", "2027", "jam 9") and numbers that name something ("RT 05", "tahap 2",
 * "ke-3") never count.</li>
 * <li><b>SCOPED</b>: the goal names at least one activity: a curated Indonesian verb list
 * (formal, imperative and informal: "membersihkan", "tanam", "bersihin"), a prefix guess for
 * other me-/mem-/men-/meng-/meny-/ber- and passive di-...-kan/-i verbs (only when the goal
 * reads as Indonesian, and never for the stop-list of look-alikes that name states, wishes
 * or function words: "mereka", "menjadi", "bersama", "meningkatkan", "bersih"), activity
 * nouns ("kerja bakti", "bank sampah", "posyandu", "workshop") and English activity verbs in
 * any inflection ("plant", "organised", "setting up"). A bare "clean" is a verb only in verb
 * position ("we clean", "clean the drains"), never as an adjective ("a clean village"). A
 * wish without an activity ("kampung kita lebih bersih", "better life") is not scoped.</li>
 * <li><b>REALISTIC</b>: the goal does not hang on outsiders. It is <em>not</em> realistic when
 * any of these holds and is not negated by a nearby "tanpa", "tidak", "without", "not"...:
 * (a) a waiting, asking, receiving, depending or conditional word ("menunggu", "minta",
 * "kalau", "tergantung", "waiting", "if", "depends") is followed within five words by
 * outside money ("bantuan", "dana", "grant") or an outsider ("pemerintah", "dinas",
 * "donatur", "NGO"), or a word of need ("butuh", "perlu", "need") by an outsider (needing
 * money says nothing yet about who pays); (b) outside money sits next to an outsider ("bantuan pemerintah", "dana
 * desa", "government funding"); (c) an outsider is followed by a duty word ("pemerintah
 * harus", "the council should pay"); (d) the work is done "oleh"/"by" an outsider; (e) an
 * outsider is the only actor named. Money is the group's own when the words around it say
 * so ("dana kas RT", "iuran warga", "our own funds") and then never counts as outside money.
 * Administrative places ("desa", "kelurahan", "village") count as outsiders only when money
 * or favours come from them, not in "warga desa" or "di desa". When nothing points outside,
 * the goal is realistic whether or not it names the group itself ("kami", "warga",
 * "swadaya", "gotong royong", "we", "residents", "volunteers"); a negated dependence
 * ("tanpa menunggu bantuan pemerintah") counts as a sign of the group's own strength.</li>
 * </ul>
 *
 * <h2>Evidence</h2>
 * For each met criterion the evidence is the resident's own words that showed it, as written
 * (abbreviations kept, white space collapsed), distinct phrases in order of appearance joined
 * by ", ", at most {@value #MAX_EVIDENCE_PHRASES} of them: "3 bulan, setiap Sabtu". A goal that
 * is realistic only because nothing in it points outside has no words to quote, so REALISTIC
 * then has no evidence entry. A goal without a single word or number (empty, blank, only
 * emoji or punctuation) meets nothing.
 */
public final class RuleBasedGoalChecker implements GoalChecker {

    /** Evidence quotes at most this many phrases, so a summary fits a small phone screen. */
    public static final int MAX_EVIDENCE_PHRASES = 5;

    private static final int DEPENDENCE_REACH = 5;
    private static final int MONEY_TO_OUTSIDER_REACH = 3;
    private static final int NEGATION_REACH = 3;
    private static final int OWN_MONEY_REACH = 3;

    private static final Map<String, TokenClass> CLASSES = tokenClasses();

    private static final String PREPOSITION_BEFORE_DATE =
            "sebelum|sesudah|setelah|sampai|hingga|menjelang|jelang|pada|mulai|selama|sejak|by|before|until|till|in|on|"
                    + "during|from|since|after|early|late|mid|throughout";
    private static final String PREPOSITION_BEFORE_EVENT =
            "sebelum|sesudah|setelah|menjelang|jelang|sampai|hingga|pada|saat|pas|waktu|ketika|selama|sejak|usai|habis|musim|"
                    + "sehabis|by|before|after|until|till|for|at|during|around|over";
    private static final String BOUNDARY_NOUN = "minggu|pekan|bulan|tahun|MONTH|AMBIGUOUS_MONTH|YEAR";

    private static final PhrasePatterns TIME = PhrasePatterns.compile(CLASSES,
            // Indonesian relative days and periods
            "besok|lusa|besoknya",
            "hari|pagi|siang|sore|malam ini",
            "minggu|pekan|bulan|tahun|semester|weekend ini|depan|mendatang|berikutnya|selanjutnya",
            "minggu|pekan|bulan|tahun yang? akan datang",
            "minggu pagi|siang|sore|malam",
            "setiap|tiap|tiap-tiap|sebelum|sampai? hari minggu ini|depan? DAYPART?",
            // weekdays, with or without a lead word
            "on|by|before|until|till|every|each|this|next|setiap|tiap|tiap-tiap|hari|sebelum|sampai? WEEKDAY|SUNDAY "
                    + "ini|depan|besok? DAYPART|morning|afternoon|evening|night?",
            // durations and recurrences
            "NUM LONG_UNIT lagi|sekali?",
            "NUM LONG_UNIT ke depan",
            "NUM LONG_UNIT dari sekarang",
            "NUM LONG_UNIT from now|time",
            "seminggu|sebulan|setahun|sehari|sepekan lagi|sekali?",
            "setiap|tiap|tiap-tiap|per|saban hari|minggu|pekan|bulan|tahun|pagi|siang|sore|malam|semester",
            "setiap|tiap|tiap-tiap akhir|awal pekan|minggu|bulan|tahun",
            "setiap|tiap|tiap-tiap NUM LONG_UNIT",
            "mingguan|bulanan|tahunan",
            // calendar dates and months
            "tanggal DAYNUM|DATE MONTH|AMBIGUOUS_MONTH? YEAR?",
            PREPOSITION_BEFORE_DATE + "? DAYNUM of? MONTH|AMBIGUOUS_MONTH YEAR?",
            PREPOSITION_BEFORE_DATE + "? bulan? MONTH DAYNUM? YEAR?",
            PREPOSITION_BEFORE_DATE + "|bulan AMBIGUOUS_MONTH DAYNUM? YEAR?",
            "AMBIGUOUS_MONTH DAYNUM|YEAR YEAR?",
            "sebelum|sampai|hingga|by|before|until|till|at|from? the? end|beginning|start|middle of "
                    + "the|this|next? week|month|year|term|quarter|MONTH|AMBIGUOUS_MONTH|YEAR",
            "sebelum|sampai|hingga|by|before|until|till? akhir|awal|pertengahan|penghujung|tengah|ujung "
                    + BOUNDARY_NOUN + " ini|depan|YEAR?",
            PREPOSITION_BEFORE_DATE + "? tahun YEAR",
            PREPOSITION_BEFORE_DATE + "? YEAR",
            PREPOSITION_BEFORE_DATE + "? DATE",
            // holidays and seasons need a lead word: "bazar Lebaran" names an event, not a deadline
            PREPOSITION_BEFORE_EVENT + " HOLIDAY",
            PREPOSITION_BEFORE_EVENT + " idul|hari fitri|adha|raya",
            PREPOSITION_BEFORE_EVENT + " tahun baru|ajaran",
            PREPOSITION_BEFORE_EVENT + " musim angin? hujan|kemarau|tanam|panen|penghujan|barat|timur|paceklik|ombak|"
                    + "kering|melaut|durian|mangga|rambutan",
            "musim angin? hujan|kemarau|tanam|panen|penghujan|barat|timur|paceklik|ombak|kering ini|depan|nanti|besok",
            PREPOSITION_BEFORE_EVENT + " bulan puasa|ramadan|ramadhan",
            PREPOSITION_BEFORE_EVENT + " hut ri|kemerdekaan?",
            PREPOSITION_BEFORE_EVENT + " the? new year|years",
            PREPOSITION_BEFORE_EVENT + " the? rainy|dry|planting|harvest|school season|year",
            PREPOSITION_BEFORE_EVENT + " independence day",
            "agustusan|tujuhbelasan",
            "hut ri|kemerdekaan",
            // English relative periods
            "tomorrow|today|tonight",
            "this|next|coming|following week|month|year|weekend|term|season|quarter|semester|spring|summer|"
                    + "autumn|fall|winter",
            "the? next|coming|following NUM LONG_UNIT",
            "every|each other? day|week|month|year|morning|evening|night|weekend|fortnight|quarter|term",
            "every|each NUM LONG_UNIT",
            "once|twice? a|per day|week|month|year|fortnight|hari|minggu|pekan|bulan|tahun|semester",
            "in|within|over|for a day|week|month|year|fortnight",
            "weekly|monthly|fortnightly|annually|yearly|quarterly",
            "NUM LONG_UNIT",
            // clock times and session lengths: recognised, but they frame nothing
            "~jam|pukul NUM|TIME_OF_DAY DAYPART?",
            "~at TIME_OF_DAY DAYPART?",
            "~at? NUM DAYPART",
            "~TIME_OF_DAY DAYPART?",
            "~selama|for? NUM SHORT_UNIT");

    /** Time words that only repeat ("tiap Sabtu", "2 minggu sekali", "weekly"): how often, not until when. */
    private static final PhrasePatterns RECURRENCE = PhrasePatterns.compile(CLASSES,
            "setiap|tiap|tiap-tiap|saban|per hari? WEEKDAY|SUNDAY|minggu DAYPART|morning|afternoon|evening|night?",
            "setiap|tiap|tiap-tiap|saban|per hari|minggu|pekan|bulan|tahun|pagi|siang|sore|malam|semester DAYPART?",
            "setiap|tiap|tiap-tiap|saban akhir|awal pekan|minggu|bulan|tahun",
            "setiap|tiap|tiap-tiap|saban NUM LONG_UNIT",
            "setiap|tiap|tiap-tiap|saban malam|pagi|sore|siang WEEKDAY|SUNDAY|minggu",
            "mingguan|bulanan|tahunan|harian|weekly|monthly|fortnightly|annually|yearly|quarterly|daily",
            "NUM LONG_UNIT sekali",
            "seminggu|sebulan|setahun|sehari|sepekan sekali",
            "every|each other? day|week|month|year|morning|evening|night|weekend|fortnight|quarter|term|WEEKDAY "
                    + "DAYPART|morning|afternoon|evening|night?",
            "every|each NUM LONG_UNIT",
            "on? mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays",
            "once|twice? a|per day|week|month|year|fortnight|hari|minggu|pekan|bulan|tahun|semester");

    private static final PhrasePatterns MEASURES = PhrasePatterns.compile(CLASSES,
            "rp|usd FREE_NUMBER COUNTED?",
            "FREE_NUMBER persen",
            "FREE_NUMBER kepala|rumah keluarga|tangga",
            "FREE_NUMBER of|dari the|our|jumlah? COUNT_NOUN",
            "FREE_NUMBER COUNTED?",
            "FREE_QUANTIFIER of? the|our|para? FREE_NUMBER COUNTED?",
            "FREE_QUANTIFIER of? the|our|para? COUNT_NOUN rumah|keluarga|tangga?");

    private static final PhrasePatterns ACTIVITIES = PhrasePatterns.compile(CLASSES, GoalLexicon.ACTIVITY_PHRASES);

    private static final PhrasePatterns OWN_ACTORS = PhrasePatterns.compile(CLASSES, withWords(
            GoalLexicon.OWN_ACTOR_PHRASES, GoalLexicon.OWN_ACTORS));

    private static final PhrasePatterns STRONG_OUTSIDER_PATTERNS = PhrasePatterns.compile(CLASSES, withWords(
            GoalLexicon.STRONG_OUTSIDER_PHRASES, STRONG_OUTSIDERS));

    private static final Set<String> ENGLISH_VERB_FORMS = englishVerbForms();
    /** Activity phrases that are verbs themselves ("clean up", "set up", "gotong royong" is not). */
    private static final Set<String> PHRASAL_VERBS =
            Set.of("clean", "set", "sets", "setting", "pick", "picks", "picking", "raise", "raising", "bersih-bersih",
                    "planting", "recycling", "composting", "fundraising", "tutoring");
    private static final Set<String> ENGLISH_ARTICLES = Set.of("a", "an", "the");
    private static final Set<String> COMMON_ENGLISH_ADJECTIVES =
            Set.of("good", "new", "great", "fresh", "better", "best", "big", "small", "quick", "strong", "first");

    public RuleBasedGoalChecker() {
        // all state is static, compiled once
    }

    @Override
    public GoalAssessment assess(String goal) {
        String text = goal == null ? "" : Normalizer.normalize(goal, Normalizer.Form.NFKC);
        Goal analysed = new Goal(text, GoalTokenizer.tokenize(text));
        if (analysed.tokens().isEmpty()) {
            // nothing written (or only emoji and punctuation): no words, so nothing to credit
            return new GoalAssessment(Set.of(), Map.of());
        }

        EnumSet<GoalCriterion> met = EnumSet.noneOf(GoalCriterion.class);
        EnumSet<GoalCriterion> notCheckable = EnumSet.noneOf(GoalCriterion.class);
        Map<GoalCriterion, String> evidence = new EnumMap<>(GoalCriterion.class);

        TimeFrame time = timeFrame(analysed);
        List<String> measures = measures(analysed);
        List<Match> activityPhrases = ACTIVITIES.findAll(analysed);
        List<String> activities = activities(analysed, activityPhrases);
        Realism realism = realism(analysed, tokensIn(activityPhrases, analysed.tokens().size()));

        // A repetition alone ("tiap Sabtu") says how often, not until when: it frames nothing.
        if (!time.deadlines().isEmpty()) {
            record(GoalCriterion.TIME_FRAMED, time.all(), met, evidence);
        }
        record(GoalCriterion.MEASURABLE, measures, met, evidence);
        record(GoalCriterion.SCOPED, activities, met, evidence);
        // Words cannot tell whether the group has the strength, money and skill: only that the
        // goal visibly hangs on outsiders. Anything else is asked of the group, never asserted.
        if (realism.realistic()) {
            notCheckable.add(GoalCriterion.REALISTIC);
            if (!realism.ownStrength().isEmpty()) {
                evidence.put(GoalCriterion.REALISTIC, join(realism.ownStrength()));
            }
        }
        String untilWhen = time.deadlines().isEmpty() && !time.repetitions().isEmpty() ? join(time.repetitions()) : null;
        String brokerHint = realism.agencyRequests().isEmpty() ? null : join(realism.agencyRequests());
        return new GoalAssessment(met, evidence, notCheckable, untilWhen, brokerHint);
    }

    private static void record(GoalCriterion criterion, List<String> phrases, Set<GoalCriterion> met,
            Map<GoalCriterion, String> evidence) {
        if (!phrases.isEmpty()) {
            met.add(criterion);
            evidence.put(criterion, join(phrases));
        }
    }

    private static String join(List<String> phrases) {
        Set<String> seen = new HashSet<>();
        List<String> distinct = new ArrayList<>();
        for (String phrase : phrases) {
            if (seen.add(GoalTokenizer.lower(phrase)) && distinct.size() < MAX_EVIDENCE_PHRASES) {
                distinct.add(phrase);
            }
        }
        return String.join(", ", distinct);
    }

    // ---------------------------------------------------------------- time

    /** The time words of a goal: those that end or date it, and repetitions that only say how often. */
    private record TimeFrame(List<String> deadlines, List<String> repetitions, List<String> all) {
    }

    private static TimeFrame timeFrame(Goal goal) {
        boolean[] repeating = tokensIn(RECURRENCE.findAll(goal), goal.tokens().size());
        List<String> deadlines = new ArrayList<>();
        List<String> repetitions = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Match match : TIME.findAll(goal)) {
            goal.claimForTime(match);
            if (match.marked()) {
                continue;
            }
            String quoted = goal.quote(match.from(), match.to());
            all.add(quoted);
            boolean repetition = true;
            for (int i = match.from(); i < match.to(); i++) {
                repetition &= repeating[i];
            }
            (repetition ? repetitions : deadlines).add(quoted);
        }
        return new TimeFrame(deadlines, repetitions, all);
    }

    // ---------------------------------------------------------------- measures

    private static List<String> measures(Goal goal) {
        List<String> found = new ArrayList<>();
        for (Match match : MEASURES.findAll(goal)) {
            found.add(goal.quote(match.from(), match.to()));
        }
        return found;
    }

    // ---------------------------------------------------------------- activities

    private static List<String> activities(Goal goal, List<Match> activityPhrases) {
        List<GoalToken> tokens = goal.tokens();
        boolean[] inPhrase = tokensIn(activityPhrases, tokens.size());
        Map<Integer, String> byPosition = new HashMap<>();
        for (Match match : activityPhrases) {
            byPosition.put(match.from(), goal.quote(match.from(), match.to()));
        }
        boolean indonesian = readsAsIndonesian(tokens);
        int verbs = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!inPhrase[i] && tokens.get(i).isWord() && isActivityVerb(tokens, i, indonesian)) {
                byPosition.put(i, tokens.get(i).raw());
                verbs++;
            }
        }
        // One activity noun alone ("kerja bakti", "rapat") names an event, not what is done in it.
        verbs += (int) activityPhrases.stream().filter(m -> PHRASAL_VERBS.contains(tokens.get(m.from()).norm())).count();
        if (verbs == 0 && activityPhrases.stream().map(m -> goal.quote(m.from(), m.to()).toLowerCase()).distinct().count() < 2) {
            return List.of();
        }
        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String phrase = byPosition.get(i);
            if (phrase != null) {
                inOrder.add(phrase);
            }
        }
        return inOrder;
    }

    private static boolean readsAsIndonesian(List<GoalToken> tokens) {
        int indonesian = 0;
        int english = 0;
        for (GoalToken token : tokens) {
            if (INDONESIAN_HINTS.contains(token.norm())) {
                indonesian++;
            }
            if (ENGLISH_HINTS.contains(token.norm())) {
                english++;
            }
        }
        return indonesian > 0 || english == 0;
    }

    private static boolean isActivityVerb(List<GoalToken> tokens, int i, boolean indonesian) {
        String word = tokens.get(i).norm();
        if (ID_ACTIVITY_VERBS.contains(word)) {
            return true;
        }
        if (ID_NOT_ACTIVITY.contains(word)) {
            return false;
        }
        if (indonesian && (looksLikeIndonesianActiveVerb(word) || looksLikeIndonesianPassiveVerb(word))) {
            return true;
        }
        return isEnglishActivityVerb(tokens, i);
    }

    /** me-/mem-/men-/meng-/meny-/mel-/mer-/mew-/mey- and ber- with a root of three letters or more. */
    static boolean looksLikeIndonesianActiveVerb(String word) {
        if (!isLetters(word)) {
            return false;
        }
        if (word.startsWith("memper")) {
            return word.length() >= 9;
        }
        if (word.startsWith("meng") || word.startsWith("meny")) {
            return word.length() >= 7;
        }
        if (word.startsWith("mem") || word.startsWith("men") || word.startsWith("mel") || word.startsWith("mer")
                || word.startsWith("mew") || word.startsWith("mey")) {
            return word.length() >= 6;
        }
        return word.startsWith("ber") && word.length() >= 7;
    }

    /** di-...-kan / di-...-i: "dibersihkan", "ditanami"; short words like "diri" are too short. */
    static boolean looksLikeIndonesianPassiveVerb(String word) {
        return isLetters(word) && word.startsWith("di") && word.length() >= 8 && (word.endsWith("kan") || word.endsWith("i"));
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !word.isEmpty();
    }

    private static boolean isEnglishActivityVerb(List<GoalToken> tokens, int i) {
        String word = tokens.get(i).norm();
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        if (word.equals("clean")) {
            // "we clean the drains" yes, "a clean village" no
            return CLEAN_AS_VERB_AFTER.contains(before) || CLEAN_AS_VERB_BEFORE.contains(after)
                    || (i + 1 < tokens.size() && tokens.get(i + 1).isNumber());
        }
        if (word.equals("cleans") || word.equals("cleaned") || word.equals("cleaning")) {
            return true;
        }
        if (!ENGLISH_VERB_FORMS.contains(word)) {
            return false;
        }
        boolean baseOrThirdPerson = ENGLISH_ACTIVITY_VERBS.contains(word)
                || (word.endsWith("s") && ENGLISH_ACTIVITY_VERBS.contains(word.substring(0, word.length() - 1)));
        String twoBefore = i > 1 ? tokens.get(i - 2).norm() : "";
        boolean afterArticle = ENGLISH_ARTICLES.contains(before)
                || (COMMON_ENGLISH_ADJECTIVES.contains(before) && ENGLISH_ARTICLES.contains(twoBefore));
        if (baseOrThirdPerson && afterArticle) {
            return false; // "a recycling plant", "a good start"
        }
        if (word.startsWith("start") && after.equals("of")) {
            return false; // "the start of March"
        }
        return !(word.equals("run") && before.equals("long"));
    }

    private static Set<String> englishVerbForms() {
        Set<String> forms = new HashSet<>(ENGLISH_IRREGULAR_VERB_FORMS);
        for (String base : ENGLISH_ACTIVITY_VERBS) {
            forms.add(base);
            forms.add(base + "s");
            forms.add(base + "es");
            forms.add(base + "ed");
            forms.add(base + "ing");
            if (base.endsWith("e")) {
                String stem = base.substring(0, base.length() - 1);
                forms.add(base + "d");
                forms.add(stem + "ing");
            }
            char last = base.charAt(base.length() - 1);
            if ("bdgmnprt".indexOf(last) >= 0) {
                forms.add(base + last + "ing");
                forms.add(base + last + "ed");
            }
        }
        return Set.copyOf(forms);
    }

    // ---------------------------------------------------------------- realism

    /**
     * {@code agencyRequests}: the words where the goal relies on outside help ("minta bantuan ke dinas",
     * "kalau ada dana desa"); the method sees a broker step there, so the facilitator is told.
     */
    private record Realism(boolean realistic, List<String> ownStrength, List<String> agencyRequests) {
    }

    private record Span(int from, int to) {
    }

    private static boolean[] tokensIn(List<Match> matches, int size) {
        boolean[] covered = new boolean[size];
        for (Match match : matches) {
            for (int i = match.from(); i < match.to(); i++) {
                covered[i] = true;
            }
        }
        return covered;
    }

    /** {@code inActivity}: "donor" in "donor darah" names an activity, not anybody the group waits for. */
    private static Realism realism(Goal goal, boolean[] inActivity) {
        List<GoalToken> tokens = goal.tokens();
        int size = tokens.size();

        List<Span> outsiders = new ArrayList<>();
        boolean strongOutsiderNamed = false;
        for (Match match : STRONG_OUTSIDER_PATTERNS.findAll(goal)) {
            if (!inActivity[match.from()]) {
                outsiders.add(new Span(match.from(), match.to()));
            }
        }
        List<Span> strongOutsiders = List.copyOf(outsiders);
        for (int i = 0; i < size; i++) {
            if (WEAK_OUTSIDERS.contains(tokens.get(i).norm()) && weakOutsiderActs(tokens, i)) {
                outsiders.add(new Span(i, i + 1));
            }
        }
        outsiders.sort((a, b) -> Integer.compare(a.from(), b.from()));

        List<Span> dependences = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String word = tokens.get(i).norm();
            boolean needs = NEED_CUES.contains(word);
            if (needs || DEPENDENCE_CUES.contains(word)) {
                Span target = firstTargetAfter(tokens, outsiders, i, DEPENDENCE_REACH, !needs);
                if (target != null) {
                    dependences.add(new Span(i, target.to()));
                }
            }
            if (AID_WORDS.contains(word) && !isOwnMoney(tokens, i)) {
                for (Span outsider : outsiders) {
                    boolean after = outsider.from() > i && outsider.from() - i <= MONEY_TO_OUTSIDER_REACH;
                    boolean before = outsider.to() <= i && i - outsider.to() < 2;
                    if (after) {
                        dependences.add(new Span(i, outsider.to()));
                    } else if (before) {
                        dependences.add(new Span(outsider.from(), i + 1));
                    }
                }
            }
            if (DONE_BY.contains(word)) {
                for (Span outsider : outsiders) {
                    if (outsider.from() > i && outsider.from() - i <= 2) {
                        dependences.add(new Span(i, outsider.to()));
                    }
                }
            }
        }
        for (Span outsider : strongOutsiders) {
            for (int d = outsider.to(); d < Math.min(size, outsider.to() + 2); d++) {
                if (OUTSIDER_DUTY_WORDS.contains(tokens.get(d).norm())) {
                    dependences.add(new Span(outsider.from(), d + 1));
                    break;
                }
            }
        }

        boolean dependent = false;
        List<Span> reliance = new ArrayList<>();
        List<Span> ownStrength = new ArrayList<>();
        boolean[] insideNegatedDependence = new boolean[size];
        for (Span dependence : dependences) {
            int negator = negatorBefore(tokens, dependence);
            if (negator < 0) {
                dependent = true;
                reliance.add(dependence);
            } else {
                ownStrength.add(new Span(negator, dependence.to()));
                for (int i = negator; i < dependence.to(); i++) {
                    insideNegatedDependence[i] = true;
                }
            }
        }
        for (Match match : OWN_ACTORS.findAll(goal)) {
            ownStrength.add(new Span(match.from(), match.to()));
        }
        for (Span outsider : strongOutsiders) {
            if (!insideNegatedDependence[outsider.from()]) {
                strongOutsiderNamed = true;
            }
        }
        boolean outsiderIsTheOnlyActor = strongOutsiderNamed && ownStrength.isEmpty();
        boolean realistic = !dependent && !outsiderIsTheOnlyActor;

        return new Realism(realistic, quoteMerged(goal, ownStrength), quoteMerged(goal, reliance));
    }

    /** Quotes spans in order; overlapping or touching spans become one phrase ("kami warga RT"). */
    private static List<String> quoteMerged(Goal goal, List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.from(), b.from()));
        List<String> quoted = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (Span span : sorted) {
            if (from >= 0 && span.from() <= to) {
                to = Math.max(to, span.to());
                continue;
            }
            if (from >= 0) {
                quoted.add(goal.quote(from, to));
            }
            from = span.from();
            to = span.to();
        }
        if (from >= 0) {
            quoted.add(goal.quote(from, to));
        }
        return quoted;
    }

    /** "bantuan dari desa" yes; "warga desa", "di desa", "desa kami" are the group's own place. */
    private static boolean weakOutsiderActs(List<GoalToken> tokens, int i) {
        for (int j = Math.max(0, i - 2); j < i; j++) {
            if (PLACE_OR_OWN_BEFORE.contains(tokens.get(j).norm())) {
                return false;
            }
        }
        return i + 1 >= tokens.size() || !OWN_AFTER.contains(tokens.get(i + 1).norm());
    }

    private static Span firstTargetAfter(List<GoalToken> tokens, List<Span> outsiders, int cue, int reach,
            boolean moneyCounts) {
        int limit = Math.min(tokens.size() - 1, cue + reach);
        for (int j = cue + 1; j <= limit; j++) {
            if (moneyCounts && AID_WORDS.contains(tokens.get(j).norm()) && !isOwnMoney(tokens, j)) {
                return new Span(j, j + 1);
            }
            for (Span outsider : outsiders) {
                if (outsider.from() == j) {
                    return outsider;
                }
            }
        }
        return null;
    }

    /** "dana kas RT", "iuran warga", "our own funds"; but not "bantuan dari desa, kami ...". */
    private static boolean isOwnMoney(List<GoalToken> tokens, int aid) {
        for (int j = aid + 1; j <= Math.min(tokens.size() - 1, aid + OWN_MONEY_REACH); j++) {
            GoalToken token = tokens.get(j);
            if (token.afterBreak() || STRONG_OUTSIDERS.contains(token.norm())
                    || (WEAK_OUTSIDERS.contains(token.norm()) && weakOutsiderActs(tokens, j))) {
                break;
            }
            if (OWN_MONEY_MARKERS.contains(token.norm())) {
                return true;
            }
        }
        for (int j = Math.max(0, aid - 2); j < aid; j++) {
            if (OWN_MONEY_BEFORE.contains(tokens.get(j).norm())) {
                return true;
            }
        }
        return false;
    }

    /** The index of a negator just before or inside the span, or -1. */
    private static int negatorBefore(List<GoalToken> tokens, Span span) {
        for (int j = Math.max(0, span.from() - NEGATION_REACH); j < span.to(); j++) {
            if (NEGATORS.contains(tokens.get(j).norm())) {
                return Math.min(j, span.from());
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- shared

    /** One goal under analysis: lives for one {@link #assess} call, so no sharing between threads. */
    private static final class Goal implements Analysis {
        private final String text;
        private final List<GoalToken> tokens;
        private final boolean[] inTime;

        Goal(String text, List<GoalToken> tokens) {
            this.text = text;
            this.tokens = tokens;
            this.inTime = new boolean[tokens.size()];
        }

        @Override
        public List<GoalToken> tokens() {
            return tokens;
        }

        @Override
        public boolean inTimeExpression(int index) {
            return inTime[index];
        }

        void claimForTime(Match match) {
            for (int i = match.from(); i < match.to(); i++) {
                inTime[i] = true;
            }
        }

        /** The resident's words from token {@code from} to {@code to}, white space collapsed. */
        String quote(int from, int to) {
            String raw = text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
            return raw.strip().replaceAll("\\s+", " ");
        }
    }

    private static Map<String, TokenClass> tokenClasses() {
        Map<String, TokenClass> classes = new HashMap<>();
        classes.put("NUM", (a, i) -> a.tokens().get(i).isNumber());
        Set<String> counted = new HashSet<>(COUNT_NOUNS);
        counted.addAll(MEASURE_UNITS);
        // "Juni, 20 keluarga": a day number is never followed by what it counts
        classes.put("DAYNUM", (a, i) -> {
            GoalToken token = a.tokens().get(i);
            double value = token.value();
            boolean countsSomething = i + 1 < a.tokens().size() && a.tokens().get(i + 1).isWord()
                    && counted.contains(a.tokens().get(i + 1).norm());
            return token.isNumber() && value >= 1 && value <= 31 && value == Math.rint(value) && !countsSomething;
        });
        classes.put("DATE", (a, i) -> a.tokens().get(i).kind() == Kind.DATE);
        classes.put("TIME_OF_DAY", (a, i) -> a.tokens().get(i).kind() == Kind.TIME_OF_DAY);
        classes.put("YEAR", (a, i) -> a.tokens().get(i).kind() == Kind.YEAR);
        classes.put("LONG_UNIT", wordIn(LONG_TIME_UNITS));
        classes.put("SHORT_UNIT", wordIn(SHORT_TIME_UNITS));
        classes.put("MONTH", wordIn(MONTHS));
        classes.put("AMBIGUOUS_MONTH", wordIn(AMBIGUOUS_MONTHS));
        classes.put("WEEKDAY", wordIn(WEEKDAYS));
        classes.put("HOLIDAY", wordIn(HOLIDAYS));
        // "Minggu" with a capital in mid-sentence is Sunday; lower-case "minggu" is usually "week"
        classes.put("SUNDAY", (a, i) -> {
            GoalToken token = a.tokens().get(i);
            return i > 0 && !token.afterBreak() && token.norm().equals("minggu") && Character.isUpperCase(token.raw().charAt(0));
        });
        classes.put("DAYPART", wordIn(PARTS_OF_DAY));
        classes.put("FREE_NUMBER", (a, i) -> a.tokens().get(i).isNumber() && !a.inTimeExpression(i));
        classes.put("FREE_QUANTIFIER", (a, i) -> !a.inTimeExpression(i) && WHOLE_QUANTIFIERS.contains(a.tokens().get(i).norm()));
        classes.put("COUNT_NOUN", wordIn(COUNT_NOUNS));
        classes.put("COUNTED", wordIn(Set.copyOf(counted)));
        return Map.copyOf(classes);
    }

    private static TokenClass wordIn(Set<String> words) {
        return (a, i) -> {
            GoalToken token = a.tokens().get(i);
            return token.isWord() && words.contains(token.norm());
        };
    }

    /** Phrase patterns plus one single-word pattern per listed word. */
    private static List<String> withWords(String[] phrases, Set<String> words) {
        List<String> specs = new ArrayList<>(List.of(phrases));
        specs.add(String.join("|", new TreeSet<>(words)));
        return specs;
    }
}
