-- Claims up to ARGV[14] ready chats, but no more than the worker's share of those due (a
-- backlog is worked off in batches; a few due chats go one to a worker, each sent at once), each
-- chat once: the conversation lane first, the broadcast lane only for what no due conversation
-- takes. A chat whose head goes now comes with the messages queued right behind it that may go
-- now as well, up to its room (see follow): the worker sends them in order, each once the one
-- before it was delivered, so a group's reply and the question after it cost one claim. The
-- claim is a lease: each chat's score moves to now + lease, so no other worker picks it until
-- this one reschedules it, or until the lease runs out (a crashed worker). A lane whose shared
-- budget is used up (overall, and for broadcasts their share) is not claimed from, except for
-- answers to button presses, which use no budget: so a big backlog waits in order instead of every
-- chat being claimed and put back for each freed slot.
-- In the same step the claim takes each head's slots in every limit (take_slots), when the head
-- is to go now: so a worker's batch of messages costs one round trip to Redis besides their sends
-- (their outcomes, with the next claim). A head that is not to go now (the bot may not write
-- there, a progress edit a newer one replaces, an edit of a message not delivered) takes none; one
-- that is only to wait is held, not claimed (see hold).
-- KEYS[1] / KEYS[2] = ready ZSET conversation / broadcast,
-- KEYS[3] / KEYS[4] = sliding logs overall / broadcast (see take_slots)
-- ARGV[1] = now, ARGV[2] = claim score (now + lease), ARGV[3] / ARGV[4] = queue prefix per lane,
-- ARGV[5] = alias prefix, ARGV[6] / ARGV[7] = forbidden key prefix / suffix, ARGV[8] = delivery
-- prefix, ARGV[9] = overall limit, ARGV[10] = its window (ms), ARGV[11] = broadcast limit,
-- ARGV[12] = '1' when broadcasts are paid (allow_paid_broadcast): held to their own limit alone,
-- ARGV[13] = the chats whose messages the worker just settled, as a JSON list of [chat, lane (1 or
-- 2), room (how many more of its messages may go in a row; ARGV[26] when left out)], or '':
-- claimed again at once while their next message may go (see below),
-- ARGV[14] = how many chats to claim at most,
-- ARGV[15] / ARGV[16] = key prefix of a chat's GCRA / of a group's log, ARGV[17] = what the slots
-- are taken as (unique to this claim; the i-th chat claimed takes them as ARGV[17] .. '#' .. i),
-- ARGV[18] = a chat's interval (ms), ARGV[19] = its burst,
-- ARGV[20] = a group's limit, ARGV[21] = its window (ms), ARGV[22] = how many of a group's sends a
-- progress edit leaves to messages, ARGV[23] = how long a progress edit waits after it was made (ms),
-- ARGV[24] = how soon a held edit is looked at again at the latest (ms; see hold),
-- ARGV[25] = how many workers share the due chats (this instance's),
-- ARGV[26] = how many of a chat's messages one claim takes at most (its room, when not kept on)
-- Returns {how many messages were claimed, then for each (a chat's head, then the messages of its
-- run, the same claim score): lane, chat, claim score, head JSON,
-- forbidden reason or '', attempts so far, the platform id of the message the head names or '',
-- '1' when a newer edit of it follows, '1' when a message other than an edit follows (see
-- head_facts), the head's slots: 'taken' and when the chat may send next, 'wait' and ms to wait,
-- or 'none' and '' (none needed or taken); then '1' when another chat can be claimed now as well
-- (the worker wakes one more, rather than every idle worker waking at each enqueue to find mostly
-- nothing), when to look again when none was claimed (or ''), and how many chats of the
-- conversation lane and of the broadcast lane this claim held for a limit (see hold)}.
local now = tonumber(ARGV[1])
local readies = { KEYS[1], KEYS[2] }
local prefixes = { ARGV[3], ARGV[4] }
local window = tonumber(ARGV[10])
local counts = {}
-- the messages claimed so far, each its reply fields (see claim), whether a chat is among them, and
-- how many chats they are
local claimed, in_batch, chats = {}, {}, 0
-- how many chats of each lane are due (score <= now), counted once and then kept as this script
-- changes them (a claim, a hold, a drop each take one off), so that neither the search for the
-- next due chat nor the hint for waking workers asks Redis about chats that are not there
local due_left = { redis.call('ZCOUNT', KEYS[1], '-inf', now), redis.call('ZCOUNT', KEYS[2], '-inf', now) }

-- when one more send fits in the log's window
local function frees_at(key, limit)
  return now + log_wait(counts, key, limit, window, now)
end
-- when each lane's budget lets it send; the broadcasts' log is read only once a broadcast is
-- looked at (most claims find a conversation and never do)
local open_at = { frees_at(KEYS[3], tonumber(ARGV[9])) }
local function lane_open_at(lane)
  if open_at[lane] == nil then
    open_at[2] = frees_at(KEYS[4], tonumber(ARGV[11]))
    if ARGV[12] ~= '1' then open_at[2] = math.max(open_at[1], open_at[2]) end
  end
  return open_at[lane]
end

-- Whether the message is a progress edit: an edit that is not lasting content, which a newer edit
-- or a message behind it makes pointless, and which waits a while after it was made
local function is_progress(message)
  return message.kind == 'EDIT' and message.lasting ~= true
end

-- Each queued message's JSON decoded once per script (the chats kept on are looked at before they
-- are claimed; a progress edit looks at the messages behind it, its run's): nil when it is not a
-- JSON object. Lua interns strings, so the JSON is a cheap key.
local decoded_messages = {}
local function decode_message(json)
  local message = decoded_messages[json]
  if message == nil then
    local ok, value = pcall(cjson.decode, json)
    message = ok and type(value) == 'table' and value or false
    decoded_messages[json] = message
  end
  return message or nil
end

-- What the dispatcher needs of a message at `position` in its queue (0: the head) besides its JSON,
-- read here instead of in more round trips: for a message naming an earlier one (an edit, a poll's
-- stop, a pin) that one's platform id ('' while it is not delivered); for a progress edit (not
-- lasting) whether a newer edit of the same message is queued behind it, and whether anything but
-- an edit is. `queued`: the queue's first messages as read (see first), the whole queue when whole.
local function head_facts(queue, message, position, queued)
  local kind, of = message.kind, message.editOf
  local target, newer, behind = '', '0', '0'
  if (kind == 'EDIT' or kind == 'STOP_POLL' or kind == 'PIN') and type(of) == 'string' then
    target = redis.call('HGET', ARGV[8] .. of, 'messageId') or ''
  end
  if is_progress(message) then
    local later, from = queued, position + 2
    if not queued.whole then later, from = redis.call('LRANGE', queue, position + 1, -1), 1 end
    for i = from, #later do
      local other = decode_message(later[i])
      if other then
        if other.kind ~= 'EDIT' then
          behind = '1'
        elseif type(of) == 'string' and other.editOf == of then
          newer = '1'
        end
      end
    end
  end
  return target, newer, behind
end

-- Whether a chat besides the one just claimed (its score now the lease's end) is due in a lane
-- whose budget is open. Only a hint for waking workers: a chat a budget holds back does not count.
local function others_due()
  for lane = 1, 2 do
    if due_left[lane] > 0 and lane_open_at(lane) <= now then
      return '1'
    end
  end
  return '0'
end

-- Whether the head goes now, so its slots are taken in the claim: what the dispatcher sends
-- (not an answer to a press, which takes none), to a chat that lets the bot write, naming a
-- delivered message if it names one, and for a progress edit, the newest and due (`due`: when it
-- is, nil when its creation time cannot be read).
local function goes_now(message, forbidden, target, newer, due)
  local kind = message.kind
  if forbidden ~= '' or type(kind) ~= 'string' or kind == 'CALLBACK_ANSWER' then return false end
  if (kind == 'EDIT' or kind == 'STOP_POLL' or kind == 'PIN') and target == '' then return false end
  if is_progress(message) then
    return newer ~= '1' and (due == nil or due <= now)
  end
  return true
end

-- The head's slots in every limit (take_slots); an edit of any kind is checked more strictly: only
-- when the chat is rested (burst 1) and the group's window keeps some sends free for messages.
local function slots(lane, chat, message)
  local edit = message.kind == 'EDIT' or message.kind == 'STOP_POLL'
  local burst, group_limit = tonumber(ARGV[19]), tonumber(ARGV[20])
  local wait, next_at = take_slots({
    now = now, counts = counts, member = ARGV[17] .. '#' .. (#claimed + 1), on_its_way = tonumber(ARGV[2]),
    global_key = KEYS[3], global_limit = tonumber(ARGV[9]), window = window,
    broadcast = lane == 2, broadcast_key = KEYS[4], broadcast_limit = tonumber(ARGV[11]),
    paid = ARGV[12] == '1', conversations = KEYS[1],
    chat_key = ARGV[15] .. chat, interval = tonumber(ARGV[18]),
    burst = edit and 1 or burst, message_burst = burst,
    group = is_group(chat), group_key = ARGV[16] .. chat, group_window = tonumber(ARGV[21]),
    group_limit = edit and math.max(1, group_limit - tonumber(ARGV[22])) or group_limit,
    message_group_limit = group_limit })
  if wait > 0 then return 'wait', tostring(wait) end
  return 'taken', string.format('%.0f', next_at)
end

-- Chats held for a limit by this claim, per lane (the dispatcher counts them as put back for one)
local held_for_limits = { 0, 0 }

-- Holds a due chat until `at` without claiming it: its head is not to go yet, and the dispatcher
-- would only put the chat back (defer) for the same time, a round trip for nothing. An edit is
-- looked at again within ARGV[24] ms at the latest, so a message queued behind it meanwhile (which
-- makes a progress edit give way) need not wait for the edit's time.
local function hold(lane, chat, at, edit)
  if edit then at = math.min(at, now + tonumber(ARGV[24])) end
  redis.call('ZADD', readies[lane], 'XX', string.format('%.0f', at), chat)
  due_left[lane] = due_left[lane] - 1
end

-- When a progress edit is due (ms), nil for any other message or one whose creation time is unreadable
local function edit_due(message)
  local made = is_progress(message) and epoch_millis(message.createdAt) or nil
  return made and made + tonumber(ARGV[23])
end

-- Failed attempts at the message so far, from its delivery record
local function attempts_at(message)
  if type(message.id) ~= 'string' then return '0' end
  return redis.call('HGET', ARGV[8] .. message.id, 'attempts') or '0'
end

-- Adds to the claimed chat's head the messages queued right behind it (`queued`: the chat's first
-- messages, as many as its room, the head first) that may go now too, each taking its own slots:
-- answers to button presses, and messages whose limits let them go at once. The run ends before
-- the first that may not: one that must wait for a limit (an edit waits for the chat to rest, so
-- a message's edit is not in its run), a progress edit not yet due or that a newer one replaces,
-- one naming a message not delivered yet (perhaps of this run), an unreadable one.
local function follow(lane, chat, queued)
  local queue = prefixes[lane] .. chat
  for position = 1, #queued - 1 do
    local message = decode_message(queued[position + 1])
    if message == nil then return end
    local target, newer, behind = head_facts(queue, message, position, queued)
    local slot, slot_value = 'none', ''
    if message.kind ~= 'CALLBACK_ANSWER' then
      if not goes_now(message, '', target, newer, edit_due(message)) then return end
      slot, slot_value = slots(lane, chat, message)
      if slot ~= 'taken' then return end
      open_at = { frees_at(KEYS[3], tonumber(ARGV[9])) }
    end
    claimed[#claimed + 1] = { tostring(lane), chat, ARGV[2], queued[position + 1], '', attempts_at(message), target,
      newer, behind, slot, slot_value }
  end
end

-- Claims the chat (adds it to `claimed`, its head and the run behind it: see follow), or holds it
-- when its head is to wait and nothing but waiting would be done with it: a progress edit not yet
-- due, the newest of its message with nothing queued behind it; or a head whose slots must wait,
-- unless it is a progress edit that gives way to a message behind it. `queued`: the chat's first
-- messages, as many as its room (how many of them may go in a row), the head first.
local function claim(lane, chat, queued)
  local head = queued[1]
  local forbidden = redis.call('HGET', ARGV[6] .. chat .. ARGV[7], 'reason') or ''
  local message = decode_message(head) or {}
  local target, newer, behind = head_facts(prefixes[lane] .. chat, message, 0, queued)
  local progress = is_progress(message)
  local due = edit_due(message)
  if progress and forbidden == '' and newer ~= '1' and behind ~= '1' and due and due > now then
    return hold(lane, chat, due, true)
  end
  local slot, slot_value = 'none', ''
  if goes_now(message, forbidden, target, newer, due) then
    slot, slot_value = slots(lane, chat, message)
    if slot == 'wait' and not (progress and behind == '1') then
      held_for_limits[lane] = held_for_limits[lane] + 1
      return hold(lane, chat, now + tonumber(slot_value), message.kind == 'EDIT' or message.kind == 'STOP_POLL')
    end
    open_at = { frees_at(KEYS[3], tonumber(ARGV[9])) } -- the budgets as the slot left them
  end
  redis.call('ZADD', readies[lane], 'XX', ARGV[2], chat)
  due_left[lane] = due_left[lane] - 1
  in_batch[chat] = true
  chats = chats + 1
  claimed[#claimed + 1] = { tostring(lane), chat, ARGV[2], head, forbidden, attempts_at(message), target, newer,
    behind, slot, slot_value }
  if forbidden == '' and (slot == 'taken' or message.kind == 'CALLBACK_ANSWER') then follow(lane, chat, queued) end
end

-- Whether the chat's head is an answer to a button press that may go now whatever the budget
-- (it takes none), and the chat was not moved to a new id (its queue is merged there first)
local function answer_heads(chat, head)
  if not head then return false end
  local decoded = decode_message(head)
  return decoded ~= nil and decoded.kind == 'CALLBACK_ANSWER' and not resolve_alias(ARGV[5], chat)
end

-- The chats just settled are kept on while their next message may go now (the score settle
-- set to when the chat may send next is due): a group's replies to members who wrote at once go
-- one after the other, not each behind every chat that became due meanwhile. A conversation chat
-- while its lane's budget is open; an answer to a button press in either lane and whatever the
-- budget (it takes none, and the button shows a spinner until it is answered). The worker stops
-- passing a chat after a few in a row, so the others get their turn.
local most = math.min(tonumber(ARGV[14]), math.max(1, math.floor((due_left[1] + due_left[2]) / tonumber(ARGV[25]))))
local room = tonumber(ARGV[26])
-- a chat's first messages, as many as may go in a row, the head first; `whole` when that is all of them
local function first(queue, chat_room)
  local queued = redis.call('LRANGE', queue, 0, chat_room - 1)
  queued.whole = #queued < chat_room
  return queued
end
if ARGV[13] ~= '' then
  for _, settled in ipairs(cjson.decode(ARGV[13])) do
    local chat, lane = settled[1], tonumber(settled[2])
    if chats < most and lane then
      local score = redis.call('ZSCORE', readies[lane], chat)
      if score and tonumber(score) <= now and not in_batch[chat] then
        local queued = first(prefixes[lane] .. chat, tonumber(settled[3]) or room)
        local head = queued[1]
        if answer_heads(chat, head) or (head and lane == 1 and lane_open_at(1) <= now
            and not resolve_alias(ARGV[5], chat)) then
          claim(lane, chat, queued)
        end
      end
    end
  end
end

for lane = 1, 2 do
  local ready = readies[lane]
  -- each look claims, holds, moves, drops or passes over (a chat of the batch already, in the
  -- other lane: its messages go one at a time) a due chat, so none is looked at twice
  local passed = 0
  for _ = 1, most + 16 do
    if chats >= most or due_left[lane] <= passed or lane_open_at(lane) > now then break end
    local picked = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', passed, 1)
    if #picked == 0 then break end
    local chat = picked[1]
    local queue = prefixes[lane] .. chat
    local target = resolve_alias(ARGV[5], chat)
    if in_batch[chat] then
      passed = passed + 1
    elseif target and target ~= chat then
      -- written to the old id after the chat migrated: goes after what the new id has
      local items = redis.call('LRANGE', queue, 0, -1)
      for i = 1, #items do redis.call('RPUSH', prefixes[lane] .. target, items[i]) end
      redis.call('DEL', queue)
      redis.call('ZREM', ready, chat)
      if #items > 0 then redis.call('ZADD', ready, 'NX', now, target) end
      due_left[lane] = redis.call('ZCOUNT', ready, '-inf', now) -- the new id may have become due
    else
      local queued = first(queue, room)
      if #queued == 0 then
        redis.call('ZREM', ready, chat)
        due_left[lane] = due_left[lane] - 1
      else
        claim(lane, chat, queued)
      end
    end
  end
  if chats < most and due_left[lane] > 0 and lane_open_at(lane) > now then
    -- budget used up: only an answer to a button press may go (a few due chats are looked at)
    local due = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, 32)
    for i = 1, #due do
      if chats >= most then break end
      local queued = first(prefixes[lane] .. due[i], room)
      if not in_batch[due[i]] and answer_heads(due[i], queued[1]) then claim(lane, due[i], queued) end
    end
  end
end

local reply = { tostring(#claimed) }
for _, fields in ipairs(claimed) do
  for i = 1, #fields do reply[#reply + 1] = fields[i] end
end
local next_due = nil
if #claimed == 0 then
  for lane = 1, 2 do
    local first = redis.call('ZRANGE', readies[lane], 0, 0, 'WITHSCORES')
    if #first > 0 then
      local at = math.max(tonumber(first[2]), lane_open_at(lane))
      if next_due == nil or at < next_due then next_due = at end
    end
  end
end
reply[#reply + 1] = #claimed > 0 and others_due() or '0'
reply[#reply + 1] = next_due and string.format('%.0f', next_due) or ''
reply[#reply + 1] = tostring(held_for_limits[1])
reply[#reply + 1] = tostring(held_for_limits[2])
return reply
