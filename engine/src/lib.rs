//! A Maestro-compatible workflow engine, as a library.
//!
//! Its first piece is the workflow model: Maestro workflow definitions read from JSON
//! and from the YAML DSL with source positions, and the places in them that hold SEL,
//! which the language server and the scheduler share.
