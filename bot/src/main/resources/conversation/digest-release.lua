-- DigestScheduler: moves one person's held summaries to the outbox, all or nothing, so a crash
-- cannot lose or double them.
-- KEYS[1] = people with summaries held, KEYS[2] = the person's digest LIST,
-- KEYS[3] = their chat's outbox queue, KEYS[4] = the conversation lane's ready ZSET
-- ARGV[1] = user id (their chat id), ARGV[2] = now (epoch ms)
-- Returns how many summaries were released.
local held = redis.call('LRANGE', KEYS[2], 0, -1)
for _, json in ipairs(held) do
  redis.call('RPUSH', KEYS[3], json)
end
if #held > 0 then redis.call('ZADD', KEYS[4], 'NX', ARGV[2], ARGV[1]) end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[1], ARGV[1])
return #held
