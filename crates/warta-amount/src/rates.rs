//! ECB euro reference rates: import the ECB history into our compact table, and look up
//! cross rates. See `data/README.md` for the table's format and provenance.

pub fn placeholder() {}
