package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.flow.Choice;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads what residents type into the value a prompt expects. */
public final class AnswerParsing {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n;]+");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·]+|\\d{1,2}[.)])\\s*");
    private static final int SHORT_ITEM_WORDS = 5;

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("satu", 1), Map.entry("dua", 2), Map.entry("tiga", 3), Map.entry("empat", 4),
            Map.entry("lima", 5), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5));

    private AnswerParsing() {
    }

    /**
     * Splits a list answer into items: one per line, semicolon or bullet; a single line of short
     * comma-separated words ("air bersih, sampah, jalan rusak") is split on the commas too.
     */
    public static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        String[] lines = LINE_BREAKS.split(text);
        for (String line : lines) {
            String item = BULLET.matcher(line).replaceFirst("").strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        if (items.size() == 1 && items.get(0).contains(",")) {
            String[] parts = items.get(0).split(",");
            boolean allShort = true;
            for (String part : parts) {
                if (part.isBlank() || part.strip().split("\\s+").length > SHORT_ITEM_WORDS) {
                    allShort = false;
                    break;
                }
            }
            if (allShort) {
                items.clear();
                for (String part : parts) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }

    /** The choice a typed answer means: its key, its label in either language, or its number. */
    public static String choiceKey(Prompt prompt, String text) {
        String typed = normalise(text);
        List<Choice> choices = prompt.choices();
        for (Choice choice : choices) {
            if (typed.equals(normalise(choice.key()))
                    || typed.equals(normalise(choice.label().in(Language.ID)))
                    || typed.equals(normalise(choice.label().in(Language.EN)))) {
                return choice.key();
            }
        }
        try {
            int number = Integer.parseInt(typed);
            if (number >= 1 && number <= choices.size()) {
                return choices.get(number - 1).key();
            }
        } catch (NumberFormatException notANumber) {
            // fall through: not a choice
        }
        return null;
    }

    /** A scale value 1-5 from "4", "4/5", "empat" or "four"; null when it is none of those. */
    public static Integer scaleValue(String text) {
        String typed = normalise(text);
        if (typed.isEmpty()) {
            return null;
        }
        Integer word = NUMBER_WORDS.get(typed);
        if (word != null) {
            return word;
        }
        char first = typed.charAt(0);
        boolean singleDigit = typed.length() == 1 || !Character.isDigit(typed.charAt(1));
        if (first >= '1' && first <= '5' && singleDigit) {
            return first - '0';
        }
        return null;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
    }
}
