-- The platform answered a send that took slots (take_slots, in its claim): Telegram counted the request some
-- time before this answer, so the entries it wrote as on its way now count from the answer's time,
-- the latest Telegram can have counted it. A log entry that is gone (expired) stays gone.
-- KEYS[1..3] = the logs the send took a slot in as on its way (overall, paid broadcast, group),
-- each OutboxKeys.NONE when it took none there; KEYS[4] = the chat's GCRA key
-- ARGV[1] = the send's member, ARGV[2] = when the answer came (epoch ms), ARGV[3] = chat interval (ms)
local at = tonumber(ARGV[2])
for i = 1, 3 do
  if given(KEYS[i]) then redis.call('ZADD', KEYS[i], 'XX', at, ARGV[1]) end
end
-- the chat's next send is spaced from when this one arrived at the latest, as Telegram spaces it
local spaced = at + tonumber(ARGV[3])
if spaced > read_tat(KEYS[4]) then write_tat(KEYS[4], spaced, at) end
return 1
