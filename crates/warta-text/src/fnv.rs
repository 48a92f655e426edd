//! FNV-1a hashing for the small string-keyed tables of every text-level extractor (word lists, dictionary
//! indexes): much cheaper than SipHash on short keys, and the keys come from our own data.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a 64.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;
pub type FnvMap<K, V> = std::collections::HashMap<K, V, FnvBuild>;
pub type FnvSet<T> = std::collections::HashSet<T, FnvBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_keys_hash_apart() {
        let mut set: FnvSet<&str> = FnvSet::default();
        for w in ["ke", "ek", "", "a", "b", "rupiah", "rupiaH"] {
            assert!(set.insert(w));
        }
        assert!(set.contains("rupiah") && !set.contains("rupia"));
    }
}
