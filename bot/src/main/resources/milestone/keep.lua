-- FacilitatorReachability: keeps a message for a person while their chat is marked forbidden.
-- Their /start lifts the mark and sends what was kept in one script; if that already happened
-- (they pressed Start while Telegram was refusing this message), the message is queued again at
-- once instead of waiting for a second /start.
-- KEYS[1] = forbidden mark, KEYS[2] = kept LIST, KEYS[3] = the chat's queue, KEYS[4] = the lane's
-- ready ZSET
-- ARGV[1] = message JSON, ARGV[2] = now (epoch ms), ARGV[3] = chat id
-- Returns 1 when kept, 0 when queued again.
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
redis.call('RPUSH', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], 'NX', ARGV[2], ARGV[3])
return 0
