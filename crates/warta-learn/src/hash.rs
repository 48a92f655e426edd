//! Feature hashing: string features become `u64` keys.
//!
//! A feature is a *template* (a short static name such as `"w"` or `"suf3"`) plus a *value*
//! (the word, the suffix, ...). Both are hashed with 64-bit FNV-1a and then mixed with a
//! SplitMix64 finaliser so that nearby keys spread well in the open-addressing table.
//! Collisions between distinct features are possible in principle but negligible at 64 bits.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, continuing from `state`.
#[inline]
fn fnv(mut state: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

/// SplitMix64 finaliser (a bijection on `u64`).
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a template name alone (use as a prefix for [`feature_with`]).
#[inline]
pub fn template(name: &str) -> u64 {
    fnv(FNV_OFFSET, name.as_bytes())
}

/// The key of feature `template=value`.
#[inline]
pub fn feature(template_name: &str, value: &str) -> u64 {
    feature_with(template(template_name), value)
}

/// The key of feature `value` under an already hashed template prefix (see [`template`]).
#[inline]
pub fn feature_with(prefix: u64, value: &str) -> u64 {
    let h = fnv(fnv(prefix, &[0x1f]), value.as_bytes());
    nonzero(mix(h))
}

/// The key of a conjunction of several string parts under a template.
pub fn feature_parts(template_name: &str, parts: &[&str]) -> u64 {
    let mut h = template(template_name);
    for p in parts {
        h = fnv(fnv(h, &[0x1f]), p.as_bytes());
    }
    nonzero(mix(h))
}

/// Combine two keys into a conjunction key (order matters).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    nonzero(mix(
        a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    ))
}

/// Keys are never 0: 0 marks an empty slot in the inference table.
#[inline]
fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_templates_and_values_differ() {
        assert_ne!(feature("w", "a"), feature("p", "a"));
        assert_ne!(feature("w", "a"), feature("w", "b"));
        assert_eq!(feature("w", "abc"), feature_with(template("w"), "abc"));
        assert_ne!(
            feature_parts("x", &["ab", "c"]),
            feature_parts("x", &["a", "bc"])
        );
        assert_ne!(combine(1, 2), combine(2, 1));
    }
}
