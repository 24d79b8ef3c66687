/**
 * The outbox dispatcher: drains {@link id.rembug.bot.channel.OutboxKeys the outbox} to the chat
 * platforms through {@link id.rembug.bot.channel.ChatGateway}s, within Telegram's limits, on any
 * number of instances sharing one Redis.
 *
 * <h2>How a message goes out</h2>
 * <ol>
 *   <li><b>Claim</b> ({@code dispatch/claim.lua}): a batch of chats (up to {@code batch}, no more
 *       than the worker's share of those due, each chat once), lowest due score first, the
 *       conversation lane before the broadcast lane; each score becomes now + lease. A lane whose
 *       shared budget is used up is skipped (only a button-press answer may go then), so a
 *       backlog waits in order. Chats written to under a migrated id are moved on here. A chat
 *       whose head goes now comes with its <em>run</em>: the messages queued right behind the head
 *       that may go at once too (answers to presses, and what the limits let through), each with
 *       slots of its own, ending before the first that must wait (at most {@code KEPT_ON_AT_MOST}
 *       of a chat's messages in a row).</li>
 *   <li><b>Slots</b> (in the claim's own step, {@code take_slots} in {@code dispatch/lib.lua}):
 *       when the head is to go now, all limits checked and taken together, or none: overall and
 *       broadcast sliding logs, per-chat GCRA, per-group sliding log. If any says not yet, the
 *       chat is not claimed but put back for exactly that long (an edit looked at again sooner),
 *       and the next due chat is claimed instead; so is a progress edit not yet due. Button-press answers take none, nor does a head
 *       that is not to go now (a forbidden chat, a progress edit a newer one replaces or not yet
 *       due). A slot in one of Telegram's own limits is taken as on its way: it counts in every
 *       window until the answer comes (at most until the lease ends).</li>
 *   <li><b>Send</b> each chat's message in turn, through the first gateway that {@code handles} it,
 *       and its run's messages in order, each only once the one before it was delivered; the
 *       outcome that ends a run (its last message's, or the first that did not go) reschedules
 *       the chat, and the rest of the run waits for the next claim.</li>
 *   <li><b>Settle</b> ({@code settle.lua}, {@code defer.lua}): the batch's outcomes, delivery
 *       records and the chats' next times, together with the next claim, in one script
 *       ({@code then-claim.lua}); then the {@link id.rembug.bot.dispatch.DeliveryListener}s are
 *       told. A forbidden chat or a migrated group is committed at once on its own
 *       ({@code forbid.lua}, {@code migrate.lua}), and the rest of its batch handed back unsent.</li>
 *   <li><b>Answered</b> ({@code answered.lua}): the send's slots in Telegram's limits count from
 *       the answer's time, the latest moment Telegram can have counted the request. Telegram
 *       counts a message when the request reaches it, which the dispatcher cannot see; counting
 *       from the answer means a request that arrived late (network jitter, a descheduled thread)
 *       never makes Telegram count more than its limit in a window, at the cost of the request's
 *       round trip per reuse of a slot. The broadcast lane's free share is Rembug's own rule and
 *       counts from when the slot was taken.</li>
 * </ol>
 * Every script only reschedules a chat while the claim it made is still the current one (the
 * ready score it wrote), so a worker that lost its lease cannot disturb the next holder.
 *
 * <h2>Redis keys added</h2>
 * See {@link id.rembug.bot.dispatch.DispatchKeys}.
 */
package id.rembug.bot.dispatch;
