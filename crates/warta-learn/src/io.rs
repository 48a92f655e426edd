//! The model file format (version 1).
//!
//! ```text
//! "WLRN"  u16 LE version (=1)  then a gzip stream of:
//!   varint L, L × string                    label names
//!   varint M, M × (string, string)          metadata
//!   u8 decoder (0 greedy, 1 viterbi)   u8 key_bits   f32 LE scale
//!   (L+1)·L × f32 LE                        transition scores (last row = start)
//!   varint N                                number of feature rows
//!   N × varint                              sorted keys, delta-encoded
//!   N × L × zigzag varint                   quantized weights (weight = q · scale)
//! string = varint byte length + UTF-8
//! ```

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::model::{Decoder, Model};
use crate::LearnError;

const MAGIC: &[u8; 4] = b"WLRN";
/// The current model format version.
pub const FORMAT_VERSION: u16 = 1;

impl Model {
    /// Write the model in the versioned binary format.
    pub fn save<W: Write>(&self, out: &mut W) -> Result<(), LearnError> {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        let mut b = Vec::new();
        let l = self.labels.len();
        varint(&mut b, l as u64);
        for s in &self.labels {
            string(&mut b, s);
        }
        varint(&mut b, self.meta.len() as u64);
        for (k, v) in &self.meta {
            string(&mut b, k);
            string(&mut b, v);
        }
        b.push(self.decoder.to_byte());
        b.push(self.key_bits);
        b.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            b.extend_from_slice(&t.to_le_bytes());
        }
        varint(&mut b, self.keys.len() as u64);
        let mut last = 0u64;
        for &k in &self.keys {
            varint(&mut b, k - last);
            last = k;
        }
        for &q in &self.weights {
            varint(&mut b, zigzag(i64::from(q)));
        }
        let mut gz = GzEncoder::new(out, Compression::best());
        gz.write_all(&b)?;
        gz.finish()?;
        Ok(())
    }

    /// Save to a byte vector.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.save(&mut v);
        v
    }

    /// Read a model written by [`Model::save`].
    pub fn load(bytes: &[u8]) -> Result<Model, LearnError> {
        if bytes.len() < 6 || &bytes[..4] != MAGIC {
            return Err(LearnError::BadMagic);
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if version != FORMAT_VERSION {
            return Err(LearnError::Version(version));
        }
        let mut body = Vec::new();
        GzDecoder::new(&bytes[6..]).read_to_end(&mut body)?;
        let mut r = Reader { b: &body, pos: 0 };
        let l = r.len(u16::MAX as usize)?;
        if l == 0 {
            return Err(LearnError::Corrupt("no labels"));
        }
        let labels = (0..l).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let m = r.len(1 << 16)?;
        let meta = (0..m)
            .map(|_| Ok((r.string()?, r.string()?)))
            .collect::<Result<Vec<_>, LearnError>>()?;
        let decoder = Decoder::from_byte(r.byte()?).ok_or(LearnError::Corrupt("decoder"))?;
        let key_bits = r.byte()?;
        if key_bits == 0 || key_bits > 64 {
            return Err(LearnError::Corrupt("key bits"));
        }
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(LearnError::Corrupt("scale"));
        }
        let trans = (0..(l + 1) * l)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let n = r.len(body.len())?;
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            let d = r.varint()?;
            last = last.checked_add(d).ok_or(LearnError::Corrupt("key"))?;
            if !keys.is_empty() && d == 0 {
                return Err(LearnError::Corrupt("duplicate key"));
            }
            keys.push(last);
        }
        let mut weights = Vec::with_capacity(n * l);
        for _ in 0..n * l {
            let q = unzigzag(r.varint()?);
            weights.push(i16::try_from(q).map_err(|_| LearnError::Corrupt("weight"))?);
        }
        if r.pos != body.len() {
            return Err(LearnError::Corrupt("trailing bytes"));
        }
        let mut model = Model {
            labels,
            meta,
            decoder,
            key_bits,
            scale,
            trans,
            keys,
            weights,
            table: Vec::new(),
            stride: 0,
            ctl: Vec::new(),
        };
        model.build_slots();
        Ok(model)
    }
}

fn varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push((v as u8) | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

fn string(b: &mut Vec<u8>, s: &str) {
    varint(b, s.len() as u64);
    b.extend_from_slice(s.as_bytes());
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, LearnError> {
        let x = *self.b.get(self.pos).ok_or(LearnError::Truncated)?;
        self.pos += 1;
        Ok(x)
    }
    fn varint(&mut self) -> Result<u64, LearnError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let x = self.byte()?;
            v |= u64::from(x & 0x7f) << shift;
            if x & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(LearnError::Corrupt("varint"))
    }
    fn len(&mut self, max: usize) -> Result<usize, LearnError> {
        let v = self.varint()?;
        if v > max as u64 {
            return Err(LearnError::Corrupt("length"));
        }
        Ok(v as usize)
    }
    fn string(&mut self) -> Result<String, LearnError> {
        let n = self.len(self.b.len() - self.pos)?;
        let s = std::str::from_utf8(&self.b[self.pos..self.pos + n])
            .map_err(|_| LearnError::Corrupt("utf-8"))?;
        self.pos += n;
        Ok(s.to_string())
    }
    fn f32(&mut self) -> Result<f32, LearnError> {
        let s = self
            .b
            .get(self.pos..self.pos + 4)
            .ok_or(LearnError::Truncated)?;
        self.pos += 4;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zigzag_round_trips() {
        for v in [-32767i64, -1, 0, 1, 2, 32767] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(Model::load(b""), Err(LearnError::BadMagic)));
        assert!(matches!(
            Model::load(b"WLRN\x09\x00"),
            Err(LearnError::Version(9))
        ));
        assert!(Model::load(b"WLRN\x01\x00garbage").is_err());
    }
}
