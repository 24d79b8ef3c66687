-- Shared by the scripts that apply a commit's follow-up (prepended by LuaScripts.load): follow-up.lua,
-- slot by slot on a Redis Cluster, and commit.lua, in the commit's own step on a single Redis.
-- Each op is {c = command, k = {key names}, a = {arguments}}, as ConversationFollowUps.Op writes it;
-- every key an op names must be one of the script's KEYS (what Cluster requires).

local FOLLOW_UP_COMMANDS = {sadd = true, srem = true, set = true, hset = true, hdel = true, del = true,
  zadd = true, rpush = true, enqueue = true, release = true, replace = true}

-- what is wrong with the ops, or nil: checked before anything is written, since a script that
-- fails half-way keeps what it wrote
local function follow_up_problem(ops)
  local declared = {}
  for _, name in ipairs(KEYS) do declared[name] = true end
  for _, op in ipairs(ops) do
    if not FOLLOW_UP_COMMANDS[op.c] then return 'follow-up: unknown command ' .. tostring(op.c) end
    for _, name in ipairs(op.k) do
      if not declared[name] then return 'follow-up: key not passed in KEYS: ' .. tostring(name) end
    end
  end
  return nil
end

-- applies ops that follow_up_problem found nothing wrong with
local function apply_follow_up(ops)
  for _, op in ipairs(ops) do
    local c, k, a = op.c, op.k, op.a
    local key = k[1]
    if c == 'sadd' then redis.call('SADD', key, a[1])
    elseif c == 'srem' then redis.call('SREM', key, a[1])
    elseif c == 'set' then redis.call('SET', key, a[1])
    elseif c == 'hset' then redis.call('HSET', key, a[1], a[2])
    elseif c == 'hdel' then redis.call('HDEL', key, a[1])
    elseif c == 'del' then redis.call('DEL', key)
    elseif c == 'zadd' then redis.call('ZADD', key, a[1], a[2])
    elseif c == 'rpush' then redis.call('RPUSH', key, a[1])
    elseif c == 'enqueue' then
      -- an outbox message: its chat's queue (key), the lane's ready ZSET (k[2]); a = json, now, chat
      redis.call('RPUSH', key, a[1])
      redis.call('ZADD', k[2], 'NX', a[2], a[3])
    elseif c == 'release' then
      -- a person started the bot: what was kept (key) goes to their chat's queue (k[3]), the mark (k[2])
      -- is lifted; k[4] = ready ZSET; a = chat, now
      redis.call('DEL', k[2])
      for _, json in ipairs(redis.call('LRANGE', key, 0, -1)) do
        redis.call('RPUSH', k[3], json)
        redis.call('ZADD', k[4], 'NX', a[2], a[1])
      end
      redis.call('DEL', key)
    elseif c == 'replace' then
      -- a member's deletion: held messages naming them are replaced, or leave the list whole where the
      -- replacement is empty (a copy of their photo or voice note); a = {'1' when the list is an
      -- outbox queue, whose head may be on its way to Telegram (the dispatcher finds it by its text),
      -- then message, replacement pairs}
      local replace = {}
      for i = 2, #a, 2 do replace[a[i]] = a[i + 1] end
      local gone = {}
      for i, json in ipairs(redis.call('LRANGE', key, 0, -1)) do
        if replace[json] and not (a[1] == '1' and i == 1) then
          if replace[json] == '' then
            gone[#gone + 1] = json
          else
            redis.call('LSET', key, i - 1, replace[json])
          end
        end
      end
      -- after the walk: LREM moves the rest of the list
      for _, json in ipairs(gone) do redis.call('LREM', key, 1, json) end
    end
  end
end
