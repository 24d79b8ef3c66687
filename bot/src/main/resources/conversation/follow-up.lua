-- ConversationFollowUps: applies the part of one commit that lies in one slot outside the
-- conversation's own (the outbox, the wake-ups, the indexes), at most once and in the
-- conversation's order: KEYS[1] keeps, for this conversation and slot, the last commit applied
-- here, and a commit at or before it is skipped. Every key is in KEYS, all in one slot.
-- (Loaded after stream-ids.lua and follow-up-ops.lua.)
-- ARGV[1] = the commit's id (its inbox entry id, '<ms>-<seq>'), ARGV[2] = how long the mark is kept (s),
-- ARGV[3] = ops JSON: a list of {c = command, k = {key names}, a = {arguments}}
-- Returns 1 when applied, 0 when it had been.
local done = redis.call('GET', KEYS[1])
if done and not after(ARGV[1], done) then return 0 end
local ops = cjson.decode(ARGV[3])
local problem = follow_up_problem(ops)
if problem then return redis.error_reply(problem) end
apply_follow_up(ops)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
