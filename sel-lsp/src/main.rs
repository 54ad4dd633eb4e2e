//! `sel-lsp`: the SEL language server over stdio.

#[tokio::main]
async fn main() {
    let (service, socket) = sel_lsp::service();
    tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}
