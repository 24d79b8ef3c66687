-- A worker's last step with the chat it holds and its first with the next, in one round trip:
-- run_finish (settle.lua or defer.lua) ends the claim, then run_claim (claim.lua) claims the next
-- ready chat, exactly as the two scripts would one after the other (LuaScripts.compose).
-- KEYS[1 .. ARGV[1]] and ARGV[3 .. 2 + ARGV[2]] are run_finish's, the rest run_claim's.
-- Returns run_finish's answer followed by run_claim's.
local finish_keys, finish_args = tonumber(ARGV[1]), tonumber(ARGV[2])

local function slice(list, from, to)
  local part = {}
  for i = from, to do part[#part + 1] = list[i] end
  return part
end

local finished = run_finish(slice(KEYS, 1, finish_keys), slice(ARGV, 3, 2 + finish_args))
local answer = { finished }
local claimed = run_claim(slice(KEYS, finish_keys + 1, #KEYS), slice(ARGV, 3 + finish_args, #ARGV))
for i = 1, #claimed do answer[#answer + 1] = claimed[i] end
return answer
