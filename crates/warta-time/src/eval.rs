//! Evaluation helpers (filled below).
