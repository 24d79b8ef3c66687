package id.rembug.knowledge;

import java.util.List;

/**
 * The stage keys and facilitator roles of the method (see METHOD.md) that articles may
 * refer to. Listed here rather than read from the dialogues flow so that the knowledge
 * base has no dependency on the engine; a test in the bot can check the two agree.
 */
public final class MethodVocabulary {

    /** The seventeen stage keys, in the order the group walks through them. */
    public static final List<String> STAGES = List.of(
            "persiapan", "kepercayaan", "kemitraan", "tantangan", "arah",
            "sumber", "analisis", "tim", "solusi", "semangat",
            "interaksi", "mobilisasi", "peluang", "keberhasilan", "keberlanjutan", "informasi", "evaluasi");

    /** The facilitator roles. */
    public static final List<String> ROLES = List.of(
            "enabler", "broker", "mediator", "advocate", "educator", "representative", "technical");

    private MethodVocabulary() {
    }
}
