-- RedisInbox: stores a batch's updates of one conversation in its event stream, in the batch's
-- order, each only if its update id was not seen before (a redelivered update, or one repeated in
-- the batch, changes nothing). Every key is in the conversation's slot; announcing the
-- conversation on the work stream is the caller's next step (announce.lua), taken again for a
-- redelivered update, so a crash between the two loses nothing.
-- An update is marked seen only after its entry was added: a script that stops half-way (an
-- error) leaves the updates before it stored and marked, and the rest unmarked, so the caller's
-- retry stores the rest, in order.
-- KEYS[1] = the conversation's event stream, KEYS[1 + i] = seen marker of the i-th update's id
-- ARGV[1] = how long ids are remembered (s), ARGV[1 + i] = the i-th update's JSON
-- Returns how many updates were stored.
local stored = 0
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then
    redis.call('XADD', KEYS[1], '*', 'inbound', ARGV[i])
    redis.call('SET', KEYS[i], '1', 'EX', ARGV[1])
    stored = stored + 1
  end
end
return stored
