//! Typed errors. Extraction itself never fails on text (it warns instead); these are
//! for inputs that cannot be read at all and for a corrupt gazetteer table.

use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum ExtractError {
    #[error("the input is empty")]
    Empty,
    #[error("the input is not text (it contains NUL bytes or is not valid UTF-8)")]
    Binary,
    #[error("the input is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("gazetteer line {line} is malformed")]
    Gazetteer { line: usize },
    #[error("could not build the name index: {0}")]
    Index(String),
    #[error("bad publication date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
}
