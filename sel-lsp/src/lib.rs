//! `sel-lsp`: a language server for SEL, the expression language of Netflix Maestro, in
//! `.sel` files and inside Maestro workflow definitions (JSON and YAML).
//!
//! [`analysis`] does the work in byte offsets without knowing about the protocol;
//! [`server`] speaks LSP (tower-lsp-server) and converts positions with [`line_index`].

pub mod analysis;
pub mod document;
pub mod line_index;
pub mod server;
pub mod workflow;

pub use server::Backend;

use tower_lsp_server::{ClientSocket, LspService};

/// The language server as a tower service, for the binary and for in-process tests.
pub fn service() -> (LspService<Backend>, ClientSocket) {
    LspService::new(Backend::new)
}
