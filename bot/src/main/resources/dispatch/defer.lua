-- Puts a claimed chat back for later without sending (a limit, a 429, a retry backoff),
-- optionally noting a failed attempt on the head message's delivery record.
-- KEYS[1] = ready ZSET, KEYS[2] = the chat's queue, KEYS[3] = delivery HASH or OutboxKeys.NONE
-- ARGV[1] = claim score, ARGV[2] = until (epoch ms), ARGV[3] = chat id, ARGV[4] = attempts,
-- ARGV[5] = reason, ARGV[6] = at, ARGV[7] = TTL seconds, ARGV[8] = lane name
if given(KEYS[3]) then
  redis.call('HSET', KEYS[3], 'status', 'retrying', 'chatId', ARGV[3], 'lane', ARGV[8],
      'attempts', ARGV[4], 'reason', ARGV[5], 'at', ARGV[6])
  redis.call('EXPIRE', KEYS[3], ARGV[7])
end
return reschedule(KEYS[1], KEYS[2], ARGV[3], ARGV[1], ARGV[2])
