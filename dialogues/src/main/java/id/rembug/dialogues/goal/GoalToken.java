package id.rembug.dialogues.goal;

/**
 * One word or number of a goal. {@code raw} is the text as the resident wrote it (so evidence
 * can quote it back), {@code norm} the lower-case form with phone abbreviations spelled out
 * ("bln" becomes "bulan"). {@code start}/{@code end} are offsets into the analysed text.
 * {@code glued}: nothing at all separates it from the token before ("3bln"); {@code afterBreak}:
 * punctuation such as a comma or full stop does ("gang, 12/1").
 */
record GoalToken(String raw, String norm, int start, int end, Kind kind, double value, boolean glued, boolean afterBreak) {

    enum Kind {
        WORD,
        /** A quantity: "20", "500.000", "dua puluh", "1,5 juta". */
        NUMBER,
        /** A calendar date written with digits: "12/1", "12-01-2027", "17.08.2027". */
        DATE,
        /** A clock time: "09:00", "19.30" after "jam". */
        TIME_OF_DAY,
        /** A calendar year: "2027". */
        YEAR,
        /** A number that names something instead of counting it: "RT 05", "tahap 2", "ke-3". */
        LABEL
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isNumeric() {
        return kind != Kind.WORD;
    }

    GoalToken withKind(Kind newKind) {
        return new GoalToken(raw, norm, start, end, newKind, value, glued, afterBreak);
    }

    GoalToken withNorm(String newNorm) {
        return new GoalToken(raw, newNorm, start, end, kind, value, glued, afterBreak);
    }
}
