-- Shared by scripts that compare Redis stream ids (prepended by LuaScripts.load(library, path)).

-- whether stream id a comes after b ('<ms>-<seq>')
local function after(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am > bm or (am == bm and as > bs)
end
