-- ConversationStore: commits what consecutive inbox entries changed in the conversation's own slot, only if
-- nobody applied anything since the entry the worker read (a compare-and-set on the event stream
-- position), all or nothing. What the entry changes outside the slot (the outbox, wake-ups,
-- indexes, people's keys) is queued in the same step on the conversation's follow-ups LIST, for
-- ConversationFollowUps to apply next (at most once, in order).
-- Every key it touches is in KEYS, all in the conversation's slot: the first five by position,
-- the rest named by their position in ARGV[5] (each entry's ops), which Java builds (ConversationStore.commit).
-- On a single Redis (ARGV[7] = '1') KEYS also holds every key of the follow-up, and the follow-up is
-- applied here, in the same step, unless older ones still wait (then it queues behind them).
-- (Loaded after follow-up-ops.lua.)
-- KEYS[1] = the conversation's HASH, KEYS[2] = answers, KEYS[3] = milestones, KEYS[4] = event
-- stream, KEYS[5] = follow-ups LIST
-- ARGV[1] = the entry applied last as read, ARGV[2] = the last entry applied now, ARGV[3] = new state
-- JSON or '', ARGV[4] = conversation id, ARGV[5] = JSON list of each entry's ops, in order (ops.entry
-- its id), ARGV[6] = follow-up JSON or '' (all the entries', in order),
-- ARGV[7] = '1' to apply the follow-up here (a single Redis), else '0'
-- Returns 0 when another worker was first; 1 when committed (and on a single Redis the follow-up
-- applied), 2 when committed with the follow-up queued behind older ones still to apply, 3 when
-- committed with the follow-up queued for ConversationFollowUps to apply (a cluster).
-- whether an inbox entry names the member: as its writer, presser, joiner, adder or leaver
local function names_member(json, member)
  local ok, entry = pcall(cjson.decode, json)
  if not ok or type(entry) ~= 'table' then return false end
  local function is(user) return type(user) == 'table' and user.id == member end
  if is(entry.from) or is(entry.member) or is(entry.addedBy) or entry.userId == member then return true end
  if type(entry.members) == 'table' then
    for _, user in ipairs(entry.members) do if is(user) then return true end end
  end
  return false
end
local applied = redis.call('HGET', KEYS[1], 'applied') or ''
if applied ~= ARGV[1] then return 0 end
local batch = cjson.decode(ARGV[5])
local follow_up = nil
if ARGV[6] ~= '' and ARGV[7] == '1' and redis.call('LLEN', KEYS[5]) == 0 then
  follow_up = cjson.decode(ARGV[6]).ops
  local problem = follow_up_problem(follow_up)
  if problem then return redis.error_reply(problem) end
end
redis.call('HSET', KEYS[1], 'applied', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'state', ARGV[3]) end
for _, ops in ipairs(batch) do
  local entry = ops.entry
  redis.call('XDEL', KEYS[4], entry)
  for _, field in ipairs(ops.dropAsked) do redis.call('HDEL', KEYS[1], field) end
  for _, pair in ipairs(ops.asked) do redis.call('HSET', KEYS[1], pair[1], pair[2]) end
  -- which prompt each queued question asks, by outbox id (the dispatcher places a reply's message id)
  if ops.questions and #ops.questions > 0 then
    for _, pair in ipairs(ops.questions) do redis.call('HSET', KEYS[ops.questionsKey], pair[1], pair[2]) end
    redis.call('EXPIRE', KEYS[ops.questionsKey], ops.questionsKept)
  end
  if ops.newChat then redis.call('HSET', KEYS[1], 'chat', ops.newChat) end
  for _, member in ipairs(ops.forget) do
    for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
      local parts = {}
      for part in string.gmatch(field, '[^:]+') do parts[#parts + 1] = part end
      if parts[4] == member then redis.call('HDEL', KEYS[2], field) end
    end
  end
  for _, pair in ipairs(ops.answers) do redis.call('HSET', KEYS[2], pair[1], pair[2]) end
  -- answers a stage summary now holds (written just now in ops.milestones) leave the answers hash
  for _, field in ipairs(ops.dropAnswers or {}) do redis.call('HDEL', KEYS[2], field) end
  for _, pair in ipairs(ops.milestones) do redis.call('HSET', KEYS[3], pair[1], pair[2]) end
  for _, job in ipairs(ops.modelJobs) do
    if job.rateKey then
      -- a job for the language model counts against the conversation's rate (speech to text does not)
      redis.call('ZADD', KEYS[job.rateKey], job.at, job.id)
      redis.call('ZREMRANGEBYSCORE', KEYS[job.rateKey], '-inf', '(' .. job.since)
      redis.call('PEXPIRE', KEYS[job.rateKey], job.windowMs)
    end
  end
  if ops.erase then
    -- a member's deletion: applied entries naming them leave the stream (later ones are
    -- still to be applied, and the position 'applied' keeps its meaning after XDEL)
    -- (their held messages, votes and index entry are follow-ups)
    for _, stored in ipairs(redis.call('XRANGE', KEYS[4], '-', entry)) do
      local fields = stored[2]
      for i = 1, #fields, 2 do
        if fields[i] == 'inbound' and names_member(fields[i + 1], ops.erase) then
          redis.call('XDEL', KEYS[4], stored[1])
        end
      end
    end
  end
  if ops.eraseUser then
    -- the person's own conversation with the bot, up to their confirmation (their keys: follow-ups)
    for _, stored in ipairs(redis.call('XRANGE', KEYS[4], '-', entry)) do
      redis.call('XDEL', KEYS[4], stored[1])
    end
  end
end
if ARGV[6] == '' then return 1 end
if follow_up then
  apply_follow_up(follow_up)
  return 1
end
local older = redis.call('RPUSH', KEYS[5], ARGV[6]) > 1
if older then return 2 end
return 3
