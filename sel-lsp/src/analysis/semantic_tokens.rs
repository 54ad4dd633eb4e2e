//! semantic_tokens (to come).
