//! sel-lsp's integration tests, in one binary so they link once: in-process protocol
//! tests (`diagnostics`, `sel_file`, `workflow`, ...) and end-to-end tests that run the
//! real `sel-lsp` binary (`cli`, `e2e_nvim`).

mod actions;
mod cli;
mod common;
mod completion;
mod defaults;
mod diagnostics;
mod e2e_nvim;
mod e2e_vscode;
mod readme;
mod rename;
mod rename_props;
mod sel_file;
mod workflow;
