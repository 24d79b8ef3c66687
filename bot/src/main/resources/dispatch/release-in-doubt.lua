-- Hands back chats leased under claims whose step failed on the way (Redis away, a failover, a
-- time-out): Redis may have run the step, leasing a chat to a worker that no longer holds it. Each
-- claim score is its claim's own (the fraction of a millisecond numbers the claim), so a chat still
-- leased under one of them is due now, not when the lease runs out.
-- KEYS[1] / KEYS[2] = ready ZSET conversation / broadcast
-- ARGV[1] = now, ARGV[2..] = the claim scores in doubt
-- Returns how many chats were handed back.
local released = 0
for lane = 1, 2 do
  for i = 2, #ARGV do
    for _, chat in ipairs(redis.call('ZRANGEBYSCORE', KEYS[lane], ARGV[i], ARGV[i])) do
      redis.call('ZADD', KEYS[lane], 'XX', ARGV[1], chat)
      released = released + 1
    end
  end
end
return released
