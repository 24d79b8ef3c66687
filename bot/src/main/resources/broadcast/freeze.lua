-- Freezes the target list of a broadcast wave the first time it fires, so a restart continues
-- over the same groups in the same order. Does nothing when the wave is already frozen.
-- KEYS[1] = job hash, KEYS[2] = the wave's target LIST, KEYS[3] = due ZSET
-- ARGV[1] = wave, ARGV[2] = due member, ARGV[3..] = group ids
-- Returns 1 when frozen now, 0 when it already was.
if redis.call('HEXISTS', KEYS[1], 'count:' .. ARGV[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2])
local n = #ARGV - 2
for i = 3, #ARGV, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
redis.call('HSET', KEYS[1], 'count:' .. ARGV[1], n, 'cursor:' .. ARGV[1], 0)
if n == 0 then redis.call('ZREM', KEYS[3], ARGV[2]) end
return 1
