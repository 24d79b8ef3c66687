-- RedisInbox: tells the processors that a conversation has events to apply. An announcement too
-- many is harmless (the processor finds nothing new); one too few would leave events waiting.
-- KEYS[1] = the conversation's work stream partition
-- ARGV[1] = conversation id
redis.call('XADD', KEYS[1], 'MAXLEN', '~', '100000', '*', 'conversation', ARGV[1])
return 1
