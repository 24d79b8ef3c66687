-- Stores a new broadcast job and schedules its waves, all or nothing.
-- KEYS[1] = job hash, KEYS[2] = jobs ZSET, KEYS[3] = due ZSET
-- ARGV[1] = job id, ARGV[2] = created at (epoch ms), ARGV[3] = number of waves,
-- ARGV[4 .. 3+waves] = fire time of each wave (epoch ms), then field/value pairs of the hash
local waves = tonumber(ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 4 + waves, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
for w = 0, waves - 1 do
  redis.call('ZADD', KEYS[3], ARGV[4 + w], ARGV[1] .. '|' .. w)
end
return 1
