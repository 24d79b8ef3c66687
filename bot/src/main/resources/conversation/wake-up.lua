-- WakeUpScheduler, step 2 of 2: takes the wake-up off its partition's set and announces the
-- conversation on the same partition's work stream, in one step (both carry the partition's tag).
-- Only the instance that removes it announces; step 1 already stored the entry, once.
-- KEYS[1] = wake-ups ZSET of the partition, KEYS[2] = work stream of the partition
-- ARGV[1] = the wake-up (member of KEYS[1]), ARGV[2] = conversation
-- Returns 1 when this call took it, 0 when someone else had.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', '100000', '*', 'conversation', ARGV[2])
return 1
