package id.rembug.dialogues.engine;

/** Where a group is in its journey. */
public enum GroupStatus {
    /** The bot is in the group but nobody typed /mulai yet. */
    NEW,
    /** A stage is open and the group is answering. */
    ACTIVE,
    /** A stage is complete and the facilitator is reading its summary before the group goes on. */
    AWAITING_FACILITATOR,
    /** The facilitator paused the group; answers are still recorded. */
    PAUSED,
    /** Every stage is complete. */
    FINISHED
}
