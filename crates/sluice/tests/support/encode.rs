//! Request bodies in the encodings the gateway undoes.

use std::io::Write;

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub fn raw_deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        w.write_all(data).unwrap();
    }
    out
}

pub fn zstd(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

/// A zstd skippable frame (RFC 8878 3.1.2): magic `0x184D2A5n`, a 4-byte
/// little-endian size, then that many bytes of user data.
pub fn skippable(nibble: u8, data: &[u8]) -> Vec<u8> {
    let mut out = (0x184D_2A50u32 | u32::from(nibble)).to_le_bytes().to_vec();
    out.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
    out.extend_from_slice(data);
    out
}
