//! Indonesian morphological analysis: prefixes, suffixes, confixes, clitics, reduplication.
