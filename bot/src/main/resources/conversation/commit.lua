-- ConversationStore: commits what one inbox entry changed, only if nobody applied anything since
-- the entry the worker read (a compare-and-set on the event stream position), all or nothing.
-- Every key it touches is in KEYS: the first five by position, the rest named by their position
-- in ARGV[5] (ops), which Java builds (ConversationStore.commit).
-- KEYS[1] = the conversation's HASH, KEYS[2] = answers, KEYS[3] = milestones, KEYS[4] = wake-ups,
-- KEYS[5] = every group
-- ARGV[1] = the entry applied last as read, ARGV[2] = the entry applied now, ARGV[3] = new state
-- JSON or '', ARGV[4] = conversation id, ARGV[5] = ops JSON
-- Returns 1 when committed, 0 when another worker was first.
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
local ops = cjson.decode(ARGV[5])
redis.call('HSET', KEYS[1], 'applied', ARGV[2])
redis.call('XDEL', KEYS[ops.events], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'state', ARGV[3]) end
for _, field in ipairs(ops.dropAsked) do redis.call('HDEL', KEYS[1], field) end
for _, pair in ipairs(ops.asked) do redis.call('HSET', KEYS[1], pair[1], pair[2]) end
-- which prompt each queued question asks, by outbox id (the dispatcher places a reply's message id)
if ops.questions and #ops.questions > 0 then
  for _, pair in ipairs(ops.questions) do redis.call('HSET', KEYS[ops.questionsKey], pair[1], pair[2]) end
  redis.call('EXPIRE', KEYS[ops.questionsKey], ops.questionsKept)
end
if ops.isGroup then redis.call('SADD', KEYS[5], ARGV[4]) end
for _, k in ipairs(ops.people) do redis.call('SADD', KEYS[k], ARGV[4]) end
if ops.newChat then
  redis.call('HSET', KEYS[1], 'chat', ops.newChat)
  redis.call('SET', KEYS[ops.newChatKey], ARGV[4])
end
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
for _, at in ipairs(ops.wakeUps) do redis.call('ZADD', KEYS[4], at, ARGV[4] .. '|' .. at) end
for _, pair in ipairs(ops.userFields) do redis.call('HSET', KEYS[ops.userKey], pair[1], pair[2]) end
if ops.pendingKey then
  redis.call('DEL', KEYS[ops.forbiddenKey])
  for _, json in ipairs(redis.call('LRANGE', KEYS[ops.pendingKey], 0, -1)) do
    redis.call('RPUSH', KEYS[ops.queueKey], json)
    redis.call('ZADD', KEYS[ops.readyKey], 'NX', ops.now, ops.reconnectChat)
  end
  redis.call('DEL', KEYS[ops.pendingKey])
end
for _, held in ipairs(ops.digests) do
  redis.call('RPUSH', KEYS[held.key], held.json)
  redis.call('SADD', KEYS[ops.digestUsersKey], held.user)
end
for _, out in ipairs(ops.outgoing) do
  redis.call('RPUSH', KEYS[out.queue], out.json)
  redis.call('ZADD', KEYS[out.ready], 'NX', ops.now, out.chat)
end
for _, job in ipairs(ops.modelJobs) do
  redis.call('HSET', KEYS[ops.jobsKey], job.id, job.json)
  redis.call('RPUSH', KEYS[ops.jobQueueKey], job.id)
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
  local e = ops.erase
  for _, entry in ipairs(redis.call('XRANGE', KEYS[e.events], '-', ARGV[2])) do
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'inbound' and names_member(fields[i + 1], e.member) then
        redis.call('XDEL', KEYS[e.events], entry[1])
      end
    end
  end
  local replace = {}
  for _, pair in ipairs(e.replacements) do replace[pair[1]] = pair[2] end
  local drop = {}
  for _, json in ipairs(e.dropped or {}) do drop[json] = true end
  for _, held in ipairs(e.held) do
    local gone = {}
    for i, json in ipairs(redis.call('LRANGE', KEYS[held.key], 0, -1)) do
      -- an outbox queue's head may be on its way to Telegram: the dispatcher finds it by its text
      if not (held.queue and i == 1) then
        if drop[json] then
          gone[#gone + 1] = json
        elseif replace[json] then
          redis.call('LSET', KEYS[held.key], i - 1, replace[json])
        end
      end
    end
    -- a copy of the member's photo or voice note leaves the list whole (after the walk: LREM moves the rest)
    for _, json in ipairs(gone) do redis.call('LREM', KEYS[held.key], 1, json) end
  end
  for _, k in ipairs(e.votes) do redis.call('HDEL', KEYS[k], e.voteField) end
  redis.call('SREM', KEYS[e.index], ARGV[4])
end
if ops.eraseUser then
  -- the person's own conversation with the bot, up to their confirmation, and their keys
  local u = ops.eraseUser
  for _, entry in ipairs(redis.call('XRANGE', KEYS[u.events], '-', ARGV[2])) do
    redis.call('XDEL', KEYS[u.events], entry[1])
  end
  redis.call('DEL', KEYS[u.user], KEYS[u.index])
end
return 1
