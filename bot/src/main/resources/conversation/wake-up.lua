-- WakeUpScheduler: turns one due wake-up into an inbox entry. Taking it off the set and putting
-- its entry in the conversation's stream is one step, so a crash cannot lose it and two
-- instances cannot both deliver it.
-- KEYS[1] = wake-ups ZSET, KEYS[2] = the conversation's event stream, KEYS[3] = work stream
-- ARGV[1] = the wake-up (member of KEYS[1]), ARGV[2] = its inbox entry JSON, ARGV[3] = conversation
-- Returns 1 when delivered now, 0 when someone else took it.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('XADD', KEYS[2], '*', 'inbound', ARGV[2])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', '100000', '*', 'conversation', ARGV[3])
return 1
