-- One fan-out step of a broadcast wave: enqueue a batch of messages AND advance the wave's
-- cursor, atomically, only if the cursor is still where the caller read it. So a process killed
-- at any moment leaves either the whole batch enqueued and counted, or none of it; and two
-- instances never enqueue the same batch.
-- KEYS[1] = job hash, KEYS[2] = due ZSET, KEYS[1+2i] / KEYS[2+2i] = queue / ready ZSET of message i
-- ARGV[1] = wave, ARGV[2] = expected cursor, ARGV[3] = new cursor, ARGV[4] = wave's target count,
-- ARGV[5] = due member, ARGV[6] = now (epoch ms), ARGV[6+i] = JSON of message i,
-- ARGV[6+n+i] = chat id of message i
-- Returns 1 when applied, 0 when the cursor had moved (nothing done).
local cursor = redis.call('HGET', KEYS[1], 'cursor:' .. ARGV[1]) or '0'
if cursor ~= ARGV[2] then return 0 end
local n = (#KEYS - 2) / 2
for i = 1, n do
  redis.call('RPUSH', KEYS[1 + 2 * i], ARGV[6 + i])
  redis.call('ZADD', KEYS[2 + 2 * i], 'NX', ARGV[6], ARGV[6 + n + i])
end
redis.call('HSET', KEYS[1], 'cursor:' .. ARGV[1], ARGV[3])
if tonumber(ARGV[3]) >= tonumber(ARGV[4]) then
  redis.call('ZREM', KEYS[2], ARGV[5])
end
return 1
