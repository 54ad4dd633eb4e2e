-- Editor side of the Neovim end-to-end tests: the Rust test starts Neovim with one of
-- the README's recipes as init.lua (which starts sel-lsp), then this script opens a
-- workflow file and a .sel file, waits for the server, asks for diagnostics, completion
-- and hover, and writes what it got as JSON to $SEL_E2E_OUT. Uses only API that exists
-- from Neovim 0.7 (Debian 12's 0.7.2) to 0.11.

local out = {}
local function finish()
  local f = io.open(os.getenv('SEL_E2E_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

-- The clients attached to `buf` (`get_clients` from 0.10, `buf_get_clients` before).
local function clients(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(list, c) end
  return list
end

local function attached(buf)
  vim.wait(10000, function()
    local cs = clients(buf)
    return #cs > 0 and cs[1].initialized
  end, 20)
  return clients(buf)
end

local function diagnostics(buf)
  vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity })
  end
  return list
end

-- The first client's result of a request at `params`.
local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, r in pairs(res) do
    if r.result then return r.result end
  end
  return nil
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SEL_E2E_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local cs = attached(buf)
  out.clients = {}
  for _, c in ipairs(cs) do table.insert(out.clients, { id = c.id, name = c.name }) end
  out.omnifunc = vim.bo[buf].omnifunc
  out.diagnostics = diagnostics(buf)

  -- Completion and hover at the position the test gives (inside "days + 1").
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = {
      line = tonumber(os.getenv('SEL_E2E_LINE')),
      character = tonumber(os.getenv('SEL_E2E_COL')),
    },
  }
  local items = request(buf, 'textDocument/completion', params) or {}
  if items.items then items = items.items end
  out.completion = {}
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end
  local h = request(buf, 'textDocument/hover', params)
  out.hover = h and h.contents and h.contents.value or ''

  -- A .sel file: the recipe maps the extension to the `sel` filetype and attaches the
  -- same server.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SEL_E2E_SEL_FILE')))
  local sel = vim.api.nvim_get_current_buf()
  out.sel_filetype = vim.bo[sel].filetype
  out.sel_clients = {}
  for _, c in ipairs(attached(sel)) do table.insert(out.sel_clients, c.id) end
  out.sel_diagnostics = diagnostics(sel)
end)
if not ok then out.error = tostring(err) end
finish()
