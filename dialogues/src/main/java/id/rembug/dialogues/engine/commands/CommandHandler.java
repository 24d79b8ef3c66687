package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;

/**
 * What one command does, once the member may run it and a pressed button still means the open
 * stage ({@code CommandIssuedHandler} checks both).
 */
@FunctionalInterface
public interface CommandHandler {

    /** @param member the member who issued it, as the group knows them now */
    void run(Member member, CommandIssued command, Turn turn);
}
