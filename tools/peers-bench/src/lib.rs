//! Nothing to link: the peers benchmark is `benches/peers.rs` (see Cargo.toml), kept in
//! its own workspace so that its dependencies stay out of every other build.
