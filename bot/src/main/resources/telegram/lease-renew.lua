-- PollerLease: extends the poller lease while this instance holds it. A lease that vanished
-- (it ran out in a pause, or Redis lost it) is taken again by the instance polling, rather than
-- leaving the bot deaf until the next election; one held by another instance is not touched.
-- KEYS[1] = the lease, ARGV[1] = this instance's id, ARGV[2] = how long it lasts (ms)
-- Returns 1 when this instance holds it now, 0 when another one does.
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
