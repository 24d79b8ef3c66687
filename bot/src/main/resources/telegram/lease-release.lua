-- PollerLease: gives the poller lease up at shut-down, only if this instance holds it, so a
-- survivor takes over at once instead of after the lease runs out.
-- KEYS[1] = the lease, ARGV[1] = this instance's id
-- Returns 1 when released, 0 when it was not ours.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
