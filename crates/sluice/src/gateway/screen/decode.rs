//! Request bodies as the application will read them: `Content-Encoding`
//! undone and UTF-16 text turned into UTF-8, for screening only.
//!
//! A compressed body read as it travels is noise to the detector, so an
//! attack sent with `Content-Encoding: gzip` would pass unseen. The decoded
//! bytes are screened; the original ones are forwarded when clean. Decoded
//! output counts against the body limit as it is produced, so a small
//! compressed body that inflates past the limit (a zip bomb) is refused as
//! soon as it crosses it, holding no more than the limit.

use std::io::{BufRead, BufReader, Cursor, Read};

use bytes::Bytes;
use http::HeaderMap;
use http::header::{CONTENT_ENCODING, CONTENT_TYPE};

/// A content coding the gateway can undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    Gzip,
    /// `deflate`: zlib-wrapped as RFC 9110 says, or raw DEFLATE as some
    /// clients send; told apart by the zlib header.
    Deflate,
    Brotli,
    Zstd,
}

/// Most codings stacked on one body (`Content-Encoding: gzip, br`).
const MAX_LAYERS: usize = 3;

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// A coding the gateway cannot undo, or too many of them.
    Unsupported(String),
    /// The bytes are not valid in their coding.
    Corrupt(String),
    /// The decoded body crosses the limit.
    TooLarge,
}

/// The codings of a request, in the order they were applied; empty for
/// none or `identity`.
pub(crate) fn codings(headers: &HeaderMap) -> Result<Vec<Coding>, DecodeError> {
    let mut out = Vec::new();
    for value in headers.get_all(CONTENT_ENCODING) {
        let value = value
            .to_str()
            .map_err(|_| DecodeError::Unsupported("a non-ASCII content-encoding".into()))?;
        for token in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let coding = match token.to_ascii_lowercase().as_str() {
                "identity" => continue,
                "gzip" | "x-gzip" => Coding::Gzip,
                "deflate" => Coding::Deflate,
                "br" => Coding::Brotli,
                "zstd" => Coding::Zstd,
                other => {
                    return Err(DecodeError::Unsupported(format!(
                        "content-encoding {other:?} (gzip, deflate, br and zstd are decoded)"
                    )));
                }
            };
            out.push(coding);
        }
    }
    if out.len() > MAX_LAYERS {
        return Err(DecodeError::Unsupported(format!(
            "{} stacked content-encodings (at most {MAX_LAYERS})",
            out.len()
        )));
    }
    Ok(out)
}

type Reader = Box<dyn Read + Send>;

fn wrap(inner: Reader, coding: Coding, limit: usize) -> Result<Reader, DecodeError> {
    Ok(match coding {
        Coding::Gzip => Box::new(flate2::read::MultiGzDecoder::new(inner)),
        Coding::Deflate => {
            let mut buffered = BufReader::new(inner);
            let head = buffered
                .fill_buf()
                .map_err(|e| DecodeError::Corrupt(format!("deflate: {e}")))?;
            // RFC 1950: CM = 8 and the header's check bits.
            let zlib = head.len() >= 2
                && head[0] & 0x0F == 8
                && (u16::from(head[0]) << 8 | u16::from(head[1])) % 31 == 0;
            if zlib {
                Box::new(flate2::bufread::ZlibDecoder::new(buffered))
            } else {
                Box::new(flate2::bufread::DeflateDecoder::new(buffered))
            }
        }
        Coding::Brotli => Box::new(brotli_decompressor::Decompressor::new(inner, 8 * 1024)),
        Coding::Zstd => Box::new(ZstdFrames {
            state: Some(ZstdState::Between(BufReader::new(inner))),
            // A frame's window is memory the decoder may hold: no more
            // than the body limit needs (at least 8 MiB, zstd's usual
            // window for large inputs), not the decoder's default 128 MiB.
            max_window: (limit as u64).next_power_of_two().max(8 << 20),
            skip_budget: limit as u64,
        }),
    })
}

/// The magic number of a zstd skippable frame, low four bits masked off:
/// RFC 8878 3.1.2 gives sixteen, `0x184D2A50` to `0x184D2A5F`.
const SKIPPABLE_MAGIC: u32 = 0x184D_2A50;
const SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;

/// Every frame of a zstd stream: a decoder reads one frame, and frames
/// after the first would otherwise go unscreened while the application's
/// decoder reads them all. Skippable frames (user data a decoder passes
/// over, RFC 8878 3.1.2) are passed over here too: what the application
/// decodes is the content of the other frames.
struct ZstdFrames {
    state: Option<ZstdState>,
    max_window: u64,
    /// Bytes of skippable frames still allowed. Their data produces no
    /// output, so the output limit would not stop a stacked coding that
    /// inflates into one huge skippable frame; the body limit bounds them
    /// on their own.
    skip_budget: u64,
}

/// A frame's source: its magic number, read to tell skippable frames
/// apart, put back in front of the rest of the stream.
type ZstdSource = std::io::Chain<Cursor<[u8; 4]>, BufReader<Reader>>;

type ZstdFrame = ruzstd::decoding::StreamingDecoder<ZstdSource, ruzstd::decoding::FrameDecoder>;

enum ZstdState {
    Frame(Box<ZstdFrame>),
    Between(BufReader<Reader>),
}

/// The decoded output or the skipped frames crossed the body limit; carried
/// through `io::Error` to become [`DecodeError::TooLarge`].
#[derive(Debug)]
struct OverLimit;

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("decoded body over the limit")
    }
}

impl std::error::Error for OverLimit {}

fn corrupt(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("zstd: {message}"))
}

impl ZstdFrames {
    /// Reads past one skippable frame, its magic number already read.
    fn skip_frame(&mut self, source: &mut BufReader<Reader>) -> std::io::Result<()> {
        let mut size = [0u8; 4];
        source
            .read_exact(&mut size)
            .map_err(|_| corrupt("truncated skippable frame header"))?;
        let size = u64::from(u32::from_le_bytes(size));
        self.skip_budget = self
            .skip_budget
            .checked_sub(size)
            .ok_or_else(|| std::io::Error::other(OverLimit))?;
        let skipped = std::io::copy(&mut source.by_ref().take(size), &mut std::io::sink())?;
        if skipped < size {
            return Err(corrupt(&format!(
                "skippable frame of {size} bytes truncated after {skipped}"
            )));
        }
        Ok(())
    }
}

impl Read for ZstdFrames {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match self.state.take() {
                None => return Ok(0),
                Some(ZstdState::Frame(mut frame)) => {
                    let n = frame.read(buf)?;
                    if n > 0 {
                        self.state = Some(ZstdState::Frame(frame));
                        return Ok(n);
                    }
                    let (magic, source) = frame.into_inner().into_inner();
                    // The decoder reads a frame from its magic number on:
                    // anything left of it means the frame was not read.
                    if magic.position() < 4 {
                        return Err(corrupt("frame header not read"));
                    }
                    self.state = Some(ZstdState::Between(source));
                }
                Some(ZstdState::Between(mut source)) => {
                    if source.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    let mut magic = [0u8; 4];
                    source
                        .read_exact(&mut magic)
                        .map_err(|_| corrupt("truncated frame header"))?;
                    if u32::from_le_bytes(magic) & SKIPPABLE_MASK == SKIPPABLE_MAGIC {
                        self.skip_frame(&mut source)?;
                        self.state = Some(ZstdState::Between(source));
                        continue;
                    }
                    let frame = ruzstd::decoding::StreamingDecoder::new_with_max_window_size(
                        Cursor::new(magic).chain(source),
                        self.max_window,
                    )
                    .map_err(|e| corrupt(&e.to_string()))?;
                    self.state = Some(ZstdState::Frame(Box::new(frame)));
                }
            }
        }
    }
}

/// Undoes `codings` on `raw`, failing as soon as the output passes `limit`.
pub(crate) fn decode(
    raw: &Bytes,
    codings: &[Coding],
    limit: usize,
) -> Result<Vec<u8>, DecodeError> {
    let mut reader: Reader = Box::new(Cursor::new(raw.clone()));
    for coding in codings.iter().rev() {
        reader = wrap(reader, *coding, limit)?;
    }
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 32 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if e.get_ref().is_some_and(|inner| inner.is::<OverLimit>()) => {
                return Err(DecodeError::TooLarge);
            }
            Err(e) => return Err(DecodeError::Corrupt(e.to_string())),
        };
        if out.len() + n > limit {
            return Err(DecodeError::TooLarge);
        }
        out.extend_from_slice(&chunk[..n]);
    }
    Ok(out)
}

/// The charset of a UTF-16 text body (`charset=utf-16`, `utf-16le`,
/// `utf-16be`), whose bytes would hide ASCII attacks behind zero bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Utf16 {
    enc: &'static encoding_rs::Encoding,
    /// The label named the byte order (`utf-16le`, `utf-16be`), rather than
    /// plain `utf-16`, whose byte order a byte-order mark may choose.
    explicit: bool,
}

/// The UTF-16 charset a request declares, if any.
pub(crate) fn utf16_charset(headers: &HeaderMap) -> Option<Utf16> {
    let ct = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    let charset = ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })?;
    let enc = encoding_rs::Encoding::for_label(charset.as_bytes())?;
    (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE).then(|| Utf16 {
        enc,
        explicit: !charset.trim().eq_ignore_ascii_case("utf-16"),
    })
}

/// `bytes`, UTF-16 as `cs` declares, as UTF-8 of at most `limit` bytes.
///
/// Readers disagree about byte-order marks: some let any mark override the
/// label (a UTF-8 mark makes the body UTF-8), strict ones read the label's
/// order and take the mark for a character. A body is screened as one text,
/// so one whose mark contradicts its label (a UTF-8 mark, or the other
/// order's mark under an explicit label) is refused rather than screened
/// under one reading and served under the other.
pub(crate) fn to_utf8(bytes: &[u8], cs: Utf16, limit: usize) -> Result<Vec<u8>, DecodeError> {
    let conflict = || {
        DecodeError::Corrupt(
            "a byte-order mark that contradicts the declared UTF-16 charset".into(),
        )
    };
    let (enc, body) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return Err(conflict()),
        [0xFF, 0xFE, rest @ ..] => {
            if cs.explicit && cs.enc != encoding_rs::UTF_16LE {
                return Err(conflict());
            }
            (encoding_rs::UTF_16LE, rest)
        }
        [0xFE, 0xFF, rest @ ..] => {
            if cs.explicit && cs.enc != encoding_rs::UTF_16BE {
                return Err(conflict());
            }
            (encoding_rs::UTF_16BE, rest)
        }
        _ => (cs.enc, bytes),
    };
    let text = enc.decode_without_bom_handling(body).0;
    // Unpaired surrogates become three-byte U+FFFD: the text can be half
    // again as long as the body.
    if text.len() > limit {
        return Err(DecodeError::TooLarge);
    }
    Ok(text.into_owned().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;
    use std::io::Write;

    fn enc(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_ENCODING, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn codings_parse_in_order() {
        assert_eq!(codings(&HeaderMap::new()), Ok(vec![]));
        assert_eq!(codings(&enc("identity")), Ok(vec![]));
        assert_eq!(
            codings(&enc("gzip, BR")),
            Ok(vec![Coding::Gzip, Coding::Brotli])
        );
        assert!(matches!(
            codings(&enc("compress")),
            Err(DecodeError::Unsupported(_))
        ));
        assert!(matches!(
            codings(&enc("gzip, gzip, gzip, gzip")),
            Err(DecodeError::Unsupported(_))
        ));
    }

    #[test]
    fn deflate_is_zlib_or_raw() {
        let text = b"' or 1=1-- ".repeat(10);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&text).unwrap();
        let zlib = Bytes::from(z.finish().unwrap());
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(&text).unwrap();
        let raw = Bytes::from(d.finish().unwrap());
        assert_eq!(decode(&zlib, &[Coding::Deflate], 1 << 20).unwrap(), text);
        assert_eq!(decode(&raw, &[Coding::Deflate], 1 << 20).unwrap(), text);
        assert_eq!(
            decode(&zlib, &[Coding::Deflate], 10),
            Err(DecodeError::TooLarge)
        );
        assert!(matches!(
            decode(&Bytes::from_static(b"not gzip"), &[Coding::Gzip], 100),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn every_zstd_frame_is_decoded() {
        use ruzstd::encoding::{CompressionLevel, compress_to_vec};
        let mut two = compress_to_vec(&b"first frame, "[..], CompressionLevel::Fastest);
        two.extend(compress_to_vec(
            &b"' or 1=1--"[..],
            CompressionLevel::Fastest,
        ));
        assert_eq!(
            decode(&Bytes::from(two), &[Coding::Zstd], 1 << 20).unwrap(),
            b"first frame, ' or 1=1--"
        );
        assert!(matches!(
            decode(&Bytes::from_static(b"not zstd"), &[Coding::Zstd], 100),
            Err(DecodeError::Corrupt(_))
        ));
    }

    /// A skippable frame (RFC 8878 3.1.2): magic `0x184D2A5n`, a 4-byte
    /// little-endian size, then that many bytes of user data.
    fn skippable(nibble: u8, data: &[u8]) -> Vec<u8> {
        let mut out = (0x184D_2A50u32 | u32::from(nibble)).to_le_bytes().to_vec();
        out.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn zstd_skippable_frames_are_passed_over() {
        use ruzstd::encoding::{CompressionLevel, compress_to_vec};
        let real = compress_to_vec(&b"' or 1=1--"[..], CompressionLevel::Fastest);
        let mut body = skippable(0, b"user data, not content");
        body.extend(&real);
        body.extend(skippable(0xF, b""));
        body.extend(skippable(7, &[0u8; 300]));
        assert_eq!(
            decode(&Bytes::from(body.clone()), &[Coding::Zstd], 1 << 20).unwrap(),
            b"' or 1=1--"
        );
        // Nothing but user data: nothing to screen.
        assert_eq!(
            decode(&Bytes::from(skippable(3, b"abc")), &[Coding::Zstd], 100).unwrap(),
            b""
        );
        // Inside another coding, skipped bytes count against the limit:
        // 300 bytes of user data pass a 400-byte limit, not a 200-byte one.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&body).unwrap();
        let gz = Bytes::from(gz.finish().unwrap());
        let stacked = [Coding::Zstd, Coding::Gzip];
        assert_eq!(decode(&gz, &stacked, 400).unwrap(), b"' or 1=1--");
        assert_eq!(decode(&gz, &stacked, 200), Err(DecodeError::TooLarge));
        // Truncated: in the data, in the size, in the magic number.
        let mut cut = skippable(0, b"0123456789");
        cut.truncate(12);
        let cut_size = &skippable(0, b"")[..6];
        for bad in [&cut[..], cut_size, &[0x50, 0x2A, 0x4D][..]] {
            let mut body = real.clone();
            body.extend_from_slice(bad);
            let e = decode(&Bytes::from(body), &[Coding::Zstd], 1 << 20);
            assert!(matches!(e, Err(DecodeError::Corrupt(_))), "{bad:?}: {e:?}");
        }
    }

    #[test]
    fn utf16_bodies_read_as_utf8() {
        let mut h = HeaderMap::new();
        h.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=\"UTF-16LE\""),
        );
        let e = utf16_charset(&h).unwrap();
        let bytes: Vec<u8> = "a'b".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(to_utf8(&bytes, e, 100).unwrap(), b"a'b");
        // A mark of the declared order is dropped.
        let marked = [&[0xFF, 0xFE][..], &bytes].concat();
        assert_eq!(to_utf8(&marked, e, 100).unwrap(), b"a'b");
        // A UTF-8 mark, or the other order's, would let a reader that honours
        // marks see other text than a strict one: refused.
        let utf8_marked = [&[0xEF, 0xBB, 0xBF, 0x00][..], &bytes].concat();
        assert!(matches!(
            to_utf8(&utf8_marked, e, 100),
            Err(DecodeError::Corrupt(_))
        ));
        let other = [&[0xFE, 0xFF][..], &bytes].concat();
        assert!(matches!(
            to_utf8(&other, e, 100),
            Err(DecodeError::Corrupt(_))
        ));
        // Plain `utf-16` lets the mark choose the order.
        h.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-16"),
        );
        let plain = utf16_charset(&h).unwrap();
        let be: Vec<u8> = "a'b".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let be_marked = [&[0xFE, 0xFF][..], &be].concat();
        assert_eq!(to_utf8(&be_marked, plain, 100).unwrap(), b"a'b");
        // Lone surrogates grow into U+FFFD: the limit holds on the output.
        let lone: Vec<u8> = [0xD800u16; 10]
            .iter()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(matches!(to_utf8(&lone, e, 20), Err(DecodeError::TooLarge)));
        h.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        assert!(utf16_charset(&h).is_none());
    }
}
