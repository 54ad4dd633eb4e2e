-- End-to-end check of sel-lsp from a real editor: Neovim (0.7 or later, headless)
-- starts the server over stdio on a workflow file, waits for diagnostics, asks for
-- completion inside a param expression and for hover, and writes what it got as JSON
-- to $SEL_E2E_OUT for the Rust test to assert. Works with the API of Debian 12's 0.7.2.

local out = {}
local function finish()
  local f = io.open(os.getenv('SEL_E2E_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SEL_E2E_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'sel-lsp',
    cmd = { os.getenv('SEL_LSP_BIN') },
    root_dir = vim.fn.getcwd(),
  })
  out.client = client_id ~= nil
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(10000, function() return client.initialized end, 20)

  -- Diagnostics arrive after the server's debounce.
  vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity })
  end

  -- Completion inside the expression "days + 1" (line and column given by the test).
  local line = tonumber(os.getenv('SEL_E2E_LINE'))
  local col = tonumber(os.getenv('SEL_E2E_COL'))
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = col },
  }
  local res = client.request_sync('textDocument/completion', params, 10000, buf)
  out.completion = {}
  local items = res and res.result or {}
  if items.items then items = items.items end
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end

  res = client.request_sync('textDocument/hover', params, 10000, buf)
  out.hover = res and res.result and res.result.contents and res.result.contents.value or ''
end)
if not ok then out.error = tostring(err) end
finish()
