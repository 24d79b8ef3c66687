-- RedisInbox: tells the processors that conversations have events to apply, one work entry per
-- conversation named. An announcement too many is harmless (the processor finds nothing new);
-- one too few would leave events waiting.
-- KEYS[1] = a work stream partition
-- ARGV = the ids of conversations on that partition
for i = 1, #ARGV do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', '100000', '*', 'conversation', ARGV[i])
end
return #ARGV
