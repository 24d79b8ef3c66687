-- ConversationWorkers: work entries whose conversations were applied leave the work stream in one
-- step: acknowledged to the processors' consumer group (so no one claims them again) and deleted
-- (the stream keeps only work still to do).
-- KEYS[1] = the work stream partition
-- ARGV[1] = the consumer group, ARGV[2..] = the entries' ids
-- Returns how many were acknowledged (0 for those another consumer's claim already took).
local ids = {}
for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
local acknowledged = redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
redis.call('XDEL', KEYS[1], unpack(ids))
return acknowledged
