//! QR codes (ISO/IEC 18004, model 2) for the short website addresses that kiosk mode shows as a
//! code to scan, since a kiosk's links can't be followed. Owns the whole encoder: byte mode,
//! versions 1 to 10 (21 to 57 modules a side, the smallest that fits is chosen), Reed–Solomon
//! error correction with block interleaving, the function patterns, and the choice of the mask
//! with the lowest penalty (rules N1–N4). Units are modules (one square of the code); the
//! quiet zone is added only by [`QrCode::svg_path`]. Pure: no `yew`, no `web_sys`.

use core::fmt::{self, Write as _};

/// How much of the code may be damaged and still read: about 7 % (`L`), 15 % (`M`, the
/// default), 25 % (`Q`) or 30 % (`H`). More correction holds fewer bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EcLevel {
    L,
    #[default]
    M,
    Q,
    H,
}

impl EcLevel {
    /// Row in the tables below.
    fn row(self) -> usize {
        self as usize
    }

    /// The two bits that stand for the level in the format information.
    fn format_bits(self) -> u32 {
        match self {
            EcLevel::L => 1,
            EcLevel::M => 0,
            EcLevel::Q => 3,
            EcLevel::H => 2,
        }
    }
}

/// The largest version this encoder makes (57 modules a side).
pub const MAX_VERSION: usize = 10;

/// Error correction codewords per block, by level (L, M, Q, H) and version (1 to 10).
const ECC_PER_BLOCK: [[u8; 10]; 4] = [
    [7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
    [10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
    [13, 22, 18, 26, 18, 24, 18, 22, 20, 24],
    [17, 28, 22, 16, 22, 28, 26, 26, 24, 28],
];

/// Number of error correction blocks, by level (L, M, Q, H) and version (1 to 10).
const BLOCKS: [[u8; 10]; 4] = [
    [1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
    [1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
    [1, 1, 2, 2, 4, 4, 6, 6, 8, 8],
    [1, 1, 2, 4, 4, 4, 5, 6, 8, 8],
];

/// All codewords (data and error correction) by version (1 to 10).
const CODEWORDS: [u16; 10] = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346];

/// Why a text can't be made into a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The text, as UTF-8, has `bytes` bytes but a code holds at most `max` at this level.
    TooLong { bytes: usize, max: usize },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes, max } => write!(
                f,
                "the text is {bytes} bytes long (in UTF-8), but a QR code holds at most {max} \
                 bytes at this error correction level: shorten it to {max} bytes or fewer, e.g. \
                 with a shorter address"
            ),
        }
    }
}

impl std::error::Error for QrError {}

/// A QR code: a square of `size` × `size` modules, dark or light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    /// Row by row, dark = true.
    modules: Vec<bool>,
}

impl QrCode {
    /// The code for `text` (its UTF-8 bytes) at error correction level M.
    pub fn encode(text: &str) -> Result<QrCode, QrError> {
        Self::encode_with(text, EcLevel::M)
    }

    /// The code for `text` (its UTF-8 bytes) at `level`, in the smallest version that holds it.
    pub fn encode_with(text: &str, level: EcLevel) -> Result<QrCode, QrError> {
        build(text.as_bytes(), level, None)
    }

    /// Modules per side, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The version, 1 to 10 (the size is 17 + 4 × version).
    pub fn version(&self) -> usize {
        self.size.saturating_sub(17) / 4
    }

    /// Whether the module in column `x`, row `y` is dark; false outside the code.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x) == Some(&true)
    }

    /// The dark modules as one SVG path `d` string, in modules, offset by a quiet zone of
    /// `quiet` modules: a rectangle for each run of dark modules in a row. Draw it filled in a
    /// `viewBox` of `0 0 n n` with n = size + 2 × quiet.
    pub fn svg_path(&self, quiet: usize) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                let n = x - start;
                let _ = write!(d, "M{} {}h{n}v1h-{n}z", start + quiet, y + quiet);
            }
        }
        d
    }
}

/// Data codewords of `version` at `level`.
fn data_codewords(version: usize, level: EcLevel) -> usize {
    let i = version - 1;
    let ecc = ECC_PER_BLOCK[level.row()][i] as usize * BLOCKS[level.row()][i] as usize;
    CODEWORDS[i] as usize - ecc
}

/// Bits of the byte mode's character count.
fn count_bits(version: usize) -> u32 {
    if version < 10 {
        8
    } else {
        16
    }
}

/// Bytes of byte-mode data that `version` holds at `level`.
fn capacity(version: usize, level: EcLevel) -> usize {
    (data_codewords(version, level) * 8 - 4 - count_bits(version) as usize) / 8
}

/// The code for `data`; `mask` forces a mask (tests), otherwise the best is chosen.
fn build(data: &[u8], level: EcLevel, mask: Option<u8>) -> Result<QrCode, QrError> {
    let max = capacity(MAX_VERSION, level);
    let version = (1..=MAX_VERSION)
        .find(|&v| data.len() <= capacity(v, level))
        .ok_or(QrError::TooLong {
            bytes: data.len(),
            max,
        })?;
    let codewords = add_ecc(&data_bits(data, version, level), version, level);
    let mut grid = Grid::new(version);
    grid.draw_function_patterns(version);
    grid.place(&codewords);
    let masks = match mask {
        Some(m) => m..=m,
        None => 0..=7,
    };
    let mut best: Option<(u32, Grid)> = None;
    for m in masks {
        let mut g = grid.clone();
        g.apply_mask(m);
        g.draw_format(level, m);
        let p = g.penalty();
        if best.as_ref().is_none_or(|(bp, _)| p < *bp) {
            best = Some((p, g));
        }
    }
    let modules = best.map(|(_, g)| g.dark).unwrap_or_default();
    Ok(QrCode {
        size: grid.size,
        modules,
    })
}

/// The data codewords: mode, count, the bytes, terminator and padding.
fn data_bits(data: &[u8], version: usize, level: EcLevel) -> Vec<u8> {
    let cap = data_codewords(version, level);
    let mut bits = Bits::default();
    bits.push(0b0100, 4);
    bits.push(data.len() as u32, count_bits(version));
    for &b in data {
        bits.push(b.into(), 8);
    }
    let terminator = (cap * 8).saturating_sub(bits.len).min(4);
    bits.push(0, terminator as u32);
    let mut bytes = bits.bytes;
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= cap {
            break;
        }
        bytes.push(pad);
    }
    bytes
}

/// A bit string, most significant bit first, zero-padded to whole bytes.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    /// Appends the low `n` bits of `value`.
    fn push(&mut self, value: u32, n: u32) {
        for i in (0..n).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                if let Some(b) = self.bytes.last_mut() {
                    *b |= 0x80 >> (self.len % 8);
                }
            }
            self.len += 1;
        }
    }
}

/// Splits the data codewords into blocks, adds each block's error correction codewords and
/// interleaves them: first data codeword of each block, second of each, …, then the same for
/// the error correction codewords. Short blocks come first.
fn add_ecc(data: &[u8], version: usize, level: EcLevel) -> Vec<u8> {
    let (i, row) = (version - 1, level.row());
    let blocks = BLOCKS[row][i] as usize;
    let ecc_len = ECC_PER_BLOCK[row][i] as usize;
    let short = data.len() / blocks;
    let long_blocks = data.len() % blocks;
    let gen = generator(ecc_len);
    let mut split = Vec::with_capacity(blocks);
    let mut rest = data;
    for b in 0..blocks {
        let len = short + usize::from(b >= blocks - long_blocks);
        let (block, tail) = rest.split_at(len.min(rest.len()));
        rest = tail;
        split.push((block, remainder(block, &gen)));
    }
    let mut out = Vec::with_capacity(CODEWORDS[i] as usize);
    for k in 0..=short {
        out.extend(split.iter().filter_map(|(d, _)| d.get(k)));
    }
    for k in 0..ecc_len {
        out.extend(split.iter().filter_map(|(_, e)| e.get(k)));
    }
    out
}

/// Product in GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 == 1 {
            product ^= a;
        }
        a = (a << 1) ^ if a & 0x80 != 0 { 0x1D } else { 0 };
        b >>= 1;
    }
    product
}

/// The Reed–Solomon generator polynomial (x − α⁰)(x − α¹)…(x − αⁿ⁻¹), highest power first;
/// the leading 1 is left out, so it has `n` coefficients.
fn generator(n: usize) -> Vec<u8> {
    let mut g = vec![1u8];
    let mut root = 1u8;
    for _ in 0..n {
        let mut next = vec![0u8; g.len() + 1];
        for (k, &c) in g.iter().enumerate() {
            if let Some(v) = next.get_mut(k) {
                *v ^= c;
            }
            if let Some(v) = next.get_mut(k + 1) {
                *v ^= gf_mul(c, root);
            }
        }
        g = next;
        root = gf_mul(root, 2);
    }
    g.remove(0);
    g
}

/// The error correction codewords of `block`: its polynomial times xⁿ modulo the generator.
fn remainder(block: &[u8], gen: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; gen.len()];
    for &b in block {
        let factor = b ^ rem.first().copied().unwrap_or(0);
        rem.rotate_left(1);
        if let Some(last) = rem.last_mut() {
            *last = 0;
        }
        for (r, &g) in rem.iter_mut().zip(gen) {
            *r ^= gf_mul(g, factor);
        }
    }
    rem
}

/// A square of modules under construction, with which ones belong to function patterns.
#[derive(Clone)]
struct Grid {
    size: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

impl Grid {
    fn new(version: usize) -> Self {
        let size = 17 + 4 * version;
        Grid {
            size,
            dark: vec![false; size * size],
            function: vec![false; size * size],
        }
    }

    fn get(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark.get(y * self.size + x) == Some(&true)
    }

    /// Sets a function module (ignored outside the square).
    fn set_function(&mut self, x: isize, y: isize, dark: bool) {
        let n = self.size as isize;
        if (0..n).contains(&x) && (0..n).contains(&y) {
            let i = (y * n + x) as usize;
            if let (Some(d), Some(f)) = (self.dark.get_mut(i), self.function.get_mut(i)) {
                *d = dark;
                *f = true;
            }
        }
    }

    fn is_function(&self, x: usize, y: usize) -> bool {
        self.function.get(y * self.size + x) == Some(&true)
    }

    fn draw_function_patterns(&mut self, version: usize) {
        let n = self.size as isize;
        for i in 0..n {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        // Finder patterns with their separators: rings at distance 0–1 and 3 are dark.
        for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            for dy in -4..=4isize {
                for dx in -4..=4isize {
                    let d = dx.abs().max(dy.abs());
                    self.set_function(cx + dx, cy + dy, d != 2 && d != 4);
                }
            }
        }
        // Alignment patterns, on a lattice of centres, except where the finders are.
        let centres = alignment_centres(version, n);
        let last = centres.len() - 1;
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                if (i, j) == (0, 0) || (i, j) == (0, last) || (i, j) == (last, 0) {
                    continue;
                }
                for dy in -2..=2isize {
                    for dx in -2..=2isize {
                        self.set_function(cx + dx, cy + dy, dx.abs().max(dy.abs()) != 1);
                    }
                }
            }
        }
        // Reserve the format areas (drawn for real with each mask) and the dark module.
        self.draw_format(EcLevel::M, 0);
        if version >= 7 {
            let bits = version_word(version);
            for i in 0..18isize {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (n - 11 + i % 3, i / 3);
                self.set_function(a, b, dark);
                self.set_function(b, a, dark);
            }
        }
    }

    /// The format word in both places, and the dark module at (8, size − 8).
    fn draw_format(&mut self, level: EcLevel, mask: u8) {
        let bits = format_word(level, mask);
        let n = self.size as isize;
        for i in 0..15isize {
            let dark = (bits >> i) & 1 == 1;
            // Around the top left finder: down column 8, then left along row 8.
            let (x, y) = match i {
                0..=5 => (8, i),
                6 => (8, 7),
                7 => (8, 8),
                8 => (7, 8),
                _ => (14 - i, 8),
            };
            self.set_function(x, y, dark);
            // Split between the other two finders.
            let (x, y) = if i < 8 {
                (n - 1 - i, 8)
            } else {
                (8, n - 15 + i)
            };
            self.set_function(x, y, dark);
        }
        self.set_function(8, n - 8, true);
    }

    /// Places the codewords' bits in the zigzag of two-module columns, right to left, up and
    /// down by turns, skipping function modules and the vertical timing pattern. Left-over
    /// (remainder) modules stay light.
    fn place(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut bit = 0;
        let mut right = size - 1;
        let mut upward = true;
        loop {
            for step in 0..size {
                let y = if upward { size - 1 - step } else { step };
                for x in [right, right - 1] {
                    if self.is_function(x, y) {
                        continue;
                    }
                    let byte = codewords.get(bit / 8).copied().unwrap_or(0);
                    if let Some(d) = self.dark.get_mut(y * size + x) {
                        *d = (byte >> (7 - bit % 8)) & 1 == 1;
                    }
                    bit += 1;
                }
            }
            if right < 3 {
                break;
            }
            right -= if right == 8 { 3 } else { 2 };
            upward = !upward;
        }
    }

    fn apply_mask(&mut self, mask: u8) {
        let size = self.size;
        for y in 0..size {
            for x in 0..size {
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                if flip && !self.is_function(x, y) {
                    if let Some(d) = self.dark.get_mut(y * size + x) {
                        *d = !*d;
                    }
                }
            }
        }
    }

    /// The mask penalty: N1 runs, N2 2×2 blocks, N3 finder-like patterns, N4 dark balance.
    fn penalty(&self) -> u32 {
        let n = self.size;
        let columns: Vec<bool> = (0..n * n).map(|i| self.get(i / n, i % n)).collect();
        let rows = || self.dark.chunks(n);
        let mut total: u32 = rows().chain(columns.chunks(n)).map(line_penalty).sum();
        for y in 1..n {
            for x in 1..n {
                let c = self.get(x, y);
                if c == self.get(x - 1, y) && c == self.get(x, y - 1) && c == self.get(x - 1, y - 1)
                {
                    total += 3;
                }
            }
        }
        let dark = self.dark.iter().filter(|&&d| d).count();
        let percent = dark * 100 / (n * n).max(1);
        total + 10 * (percent.abs_diff(50) / 5) as u32
    }
}

/// Penalties N1 (a run of 5 or more alike: 3, plus 1 per module past 5) and N3 (dark-light-
/// dark×3-light-dark, preceded or followed by 4 light, the quiet zone counting as light: 40
/// each) of one row or column. The format and version information are in place when scored.
fn line_penalty(line: &[bool]) -> u32 {
    let mut total = 0;
    let mut run = 0;
    for (j, &d) in line.iter().enumerate() {
        run += 1;
        if line.get(j + 1) != Some(&d) {
            if run >= 5 {
                total += run - 2;
            }
            run = 0;
        }
    }
    let light = |from: usize, len: usize| !line.iter().skip(from).take(len).any(|&d| d);
    for (s, w) in line.windows(7).enumerate() {
        if w == [true, false, true, true, true, false, true]
            && (light(s.saturating_sub(4), s.min(4)) || light(s + 7, 4))
        {
            total += 40;
        }
    }
    total as u32
}

/// The 15 format bits: level and mask, protected by a BCH(15, 5) code, XOR 0x5412.
fn format_word(level: EcLevel, mask: u8) -> u32 {
    let data = level.format_bits() << 3 | u32::from(mask);
    let mut rem = data << 10;
    for i in (10..15).rev() {
        if (rem >> i) & 1 == 1 {
            rem ^= 0x537 << (i - 10);
        }
    }
    (data << 10 | rem) ^ 0x5412
}

/// The 18 version bits (versions 7 and up): the version, protected by a BCH(18, 6) code.
fn version_word(version: usize) -> u32 {
    let data = version as u32;
    let mut rem = data << 12;
    for i in (12..18).rev() {
        if (rem >> i) & 1 == 1 {
            rem ^= 0x1F25 << (i - 12);
        }
    }
    data << 12 | rem
}

/// Centres of the alignment patterns along each axis, for `n` modules a side. The corners
/// where a centre is 6 on one axis and 6 or the last on the other are the finders' (version 1
/// has only those).
fn alignment_centres(version: usize, n: isize) -> Vec<isize> {
    if version < 2 {
        return vec![6];
    }
    let count = version / 7 + 2;
    let last = n - 7;
    // Evenly spaced from the last, an even step, the first at 6.
    let step = if count == 2 {
        last - 6
    } else {
        let s = (last - 6 + count as isize - 2) / (count as isize - 1);
        s + s % 2
    };
    let mut centres: Vec<isize> = (0..count as isize - 1).map(|k| last - k * step).collect();
    centres.push(6);
    centres.reverse();
    centres
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `code` with an independent decoder (rqrr), from a greyscale picture of it at
    /// 4 pixels per module with a 4-module quiet zone, as a camera would see it.
    fn read_back(code: &QrCode) -> (rqrr::MetaData, Vec<u8>) {
        let (scale, quiet) = (4, 4);
        let side = (code.size() + 2 * quiet) * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let dark = (x / scale)
                .checked_sub(quiet)
                .zip((y / scale).checked_sub(quiet))
                .is_some_and(|(x, y)| code.is_dark(x, y));
            if dark {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        let mut bytes = Vec::new();
        let meta = grids[0].decode_to(&mut bytes).expect("decodes");
        (meta, bytes)
    }

    /// The `website = "…"` values in the data set.
    fn websites() -> Vec<String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/associations.toml");
        let text = std::fs::read_to_string(path).expect("data set");
        text.lines()
            .filter_map(|l| l.trim().strip_prefix("website = "))
            .map(|v| v.trim_matches('"').to_string())
            .collect()
    }

    /// `n` bytes of a URL-like text.
    fn text_of(n: usize) -> String {
        "https://example.org/".chars().cycle().take(n).collect()
    }

    /// The code's pixels, for comparing codes.
    fn pixels(code: &QrCode) -> Vec<bool> {
        let n = code.size();
        (0..n * n).map(|i| code.is_dark(i % n, i / n)).collect()
    }

    fn penalty(code: &QrCode) -> u32 {
        Grid {
            size: code.size,
            dark: code.modules.clone(),
            function: vec![false; code.modules.len()],
        }
        .penalty()
    }

    #[test]
    fn round_trips_through_a_decoder() {
        let sites = websites();
        assert!(sites.len() >= 15, "websites found: {sites:?}");
        let mut inputs: Vec<(String, Option<usize>)> = vec![
            ("https://www.vut.de/".into(), Some(2)),
            ("https://dup.nu".into(), Some(1)),
            (String::new(), Some(1)),
            ("Verband Unabhängiger Musikunternehmer".into(), Some(3)),
            ("ÆØÅ äöü € 🎵 独立".into(), None),
            (text_of(14), Some(1)),
            (text_of(15), Some(2)),
            (text_of(106), Some(6)),
            (text_of(107), Some(7)),
            (text_of(122), Some(7)),
            (text_of(152), Some(8)),
            (text_of(180), Some(9)),
            (text_of(181), Some(10)),
            (text_of(213), Some(10)),
        ];
        inputs.extend(sites.into_iter().map(|s| (s, None)));
        for (text, version) in inputs {
            let code = QrCode::encode(&text).expect("fits");
            let (meta, bytes) = read_back(&code);
            assert_eq!(String::from_utf8(bytes).as_deref(), Ok(text.as_str()));
            assert_eq!(meta.version.0, code.version(), "{text}");
            assert_eq!(meta.ecc_level, 0, "level M");
            if let Some(v) = version {
                assert_eq!(code.version(), v, "{text}");
            }
        }
    }

    #[test]
    fn every_level_and_every_mask_reads_back() {
        for level in [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H] {
            for len in [0, 19, capacity(MAX_VERSION, level)] {
                let text = text_of(len);
                let code = QrCode::encode_with(&text, level).expect("fits");
                let (meta, bytes) = read_back(&code);
                assert_eq!(bytes, text.as_bytes(), "{level:?} {len}");
                assert_eq!(u32::from(meta.ecc_level), level.format_bits());
            }
        }
        // Versions 2 and 7 (with the version information) under each of the 8 masks.
        for text in [text_of(20), text_of(110)] {
            for mask in 0..8 {
                let code = build(text.as_bytes(), EcLevel::M, Some(mask)).expect("fits");
                let (meta, bytes) = read_back(&code);
                assert_eq!(bytes, text.as_bytes());
                assert_eq!(meta.mask, u16::from(mask));
            }
        }
    }

    #[test]
    fn capacities_match_the_published_byte_mode_table() {
        let table = [
            (EcLevel::L, [17, 32, 53, 78, 106, 134, 154, 192, 230, 271]),
            (EcLevel::M, [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]),
            (EcLevel::Q, [11, 20, 32, 46, 60, 74, 86, 108, 130, 151]),
            (EcLevel::H, [7, 14, 24, 34, 44, 58, 64, 84, 98, 119]),
        ];
        for (level, bytes) in table {
            for (v, &max) in (1..=MAX_VERSION).zip(&bytes) {
                assert_eq!(capacity(v, level), max, "{level:?} version {v}");
            }
        }
    }

    #[test]
    fn the_smallest_version_that_fits_is_chosen() {
        for (len, version) in [
            (0, 1),
            (14, 1),
            (15, 2),
            (26, 2),
            (27, 3),
            (62, 4),
            (63, 5),
            (106, 6),
            (107, 7),
            (213, 10),
        ] {
            let code = QrCode::encode(&text_of(len)).expect("fits");
            assert_eq!(code.version(), version, "{len} bytes");
            assert_eq!(code.size(), 17 + 4 * version);
        }
        let h = QrCode::encode_with(&text_of(8), EcLevel::H).expect("fits");
        assert_eq!(h.version(), 2);
    }

    #[test]
    fn too_long_input_says_by_how_much() {
        let err = QrCode::encode(&text_of(214)).expect_err("too long");
        assert_eq!(
            err,
            QrError::TooLong {
                bytes: 214,
                max: 213
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("214") && message.contains("213"),
            "{message}"
        );
        assert!(message.contains("shorten it to 213 bytes"), "{message}");
        // Bytes, not characters: 107 two-byte letters are 214 bytes.
        let err = QrCode::encode(&"ä".repeat(107)).expect_err("too long");
        assert_eq!(
            err,
            QrError::TooLong {
                bytes: 214,
                max: 213
            }
        );
        let err = QrCode::encode_with(&text_of(120), EcLevel::H).expect_err("too long");
        assert_eq!(
            err,
            QrError::TooLong {
                bytes: 120,
                max: 119
            }
        );
    }

    #[test]
    fn function_patterns_are_where_the_standard_puts_them() {
        for len in [0, 20, 110, 213] {
            let code = QrCode::encode(&text_of(len)).expect("fits");
            let (n, v) = (code.size(), code.version());
            // Finders: dark 7×7 ring, light ring, dark 3×3 centre; light separator outside.
            for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
                for dy in 0..7 {
                    for dx in 0..7 {
                        let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                        assert_eq!(code.is_dark(ox + dx, oy + dy), ring != 1, "{ox},{oy}");
                    }
                }
                // The separator: the ring around it, where it is inside the code.
                for k in 0..9 {
                    for (x, y) in [(k, 0), (k, 8), (0, k), (8, k)] {
                        let (x, y) = ((ox + x).checked_sub(1), (oy + y).checked_sub(1));
                        if let (Some(x), Some(y)) = (x, y) {
                            assert!(!code.is_dark(x, y), "separator at {x},{y}");
                        }
                    }
                }
            }
            // Timing patterns alternate, dark on even positions.
            for i in 8..n - 8 {
                assert_eq!(code.is_dark(i, 6), i % 2 == 0, "row 6 at {i}");
                assert_eq!(code.is_dark(6, i), i % 2 == 0, "column 6 at {i}");
            }
            assert!(code.is_dark(8, 4 * v + 9), "dark module");
            // The bottom right alignment pattern (versions 2 and up).
            if v >= 2 {
                let c = n - 7;
                for d in 0..5 {
                    let (x, y) = (c - 2 + d, c - 2);
                    assert!(code.is_dark(x, y) && code.is_dark(y, x));
                }
                assert!(code.is_dark(c, c));
                assert!(!code.is_dark(c - 1, c) && !code.is_dark(c + 1, c + 1));
            }
        }
    }

    #[test]
    fn format_and_version_words_match_the_standard() {
        assert_eq!(format_word(EcLevel::M, 0), 0b101010000010010);
        assert_eq!(format_word(EcLevel::L, 0), 0b111011111000100);
        assert_eq!(format_word(EcLevel::H, 0), 0b001011010001001);
        assert_eq!(format_word(EcLevel::Q, 0), 0b011010101011111);
        assert_eq!(version_word(7), 0x07C94);
        assert_eq!(version_word(8), 0x085BC);
        assert_eq!(version_word(10), 0x0A4D3);
        for len in [5, 110, 213] {
            let code = QrCode::encode(&text_of(len)).expect("fits");
            let n = code.size();
            // Copy 1, bit 0 first: up column 8 from row 0, then along row 8 to the left.
            let first: [(usize, usize); 15] = [
                (8, 0),
                (8, 1),
                (8, 2),
                (8, 3),
                (8, 4),
                (8, 5),
                (8, 7),
                (8, 8),
                (7, 8),
                (5, 8),
                (4, 8),
                (3, 8),
                (2, 8),
                (1, 8),
                (0, 8),
            ];
            let word = |at: &dyn Fn(usize) -> (usize, usize)| {
                (0..15).fold(0, |w, i| {
                    let (x, y) = at(i);
                    w | u32::from(code.is_dark(x, y)) << i
                })
            };
            let one = word(&|i| first[i]);
            // Copy 2: row 8 from the right edge, then up column 8 from the bottom... bit 14 last.
            let two = word(&|i| {
                if i < 8 {
                    (n - 1 - i, 8)
                } else {
                    (8, n - 15 + i)
                }
            });
            assert_eq!(one, two);
            assert!(
                (0..8).any(|m| one == format_word(EcLevel::M, m)),
                "{one:015b}"
            );
            if code.version() >= 7 {
                for i in 0..18 {
                    let bit = (version_word(code.version()) >> i) & 1 == 1;
                    assert_eq!(code.is_dark(n - 11 + i % 3, i / 3), bit, "top right {i}");
                    assert_eq!(code.is_dark(i / 3, n - 11 + i % 3), bit, "bottom left {i}");
                }
            }
        }
    }

    #[test]
    fn matches_an_independent_encoder_module_for_module() {
        // "https://www.vut.de/verband" (26 bytes, version 2-M at full capacity) with mask 5, as
        // drawn by the Python library segno 1.6.6 (`segno.make_qr(data, error="m", mode="byte",
        // boost_error=False, mask=5)`).
        let expected = [
            "#######...#####...#######",
            "#.....#.###...#...#.....#",
            "#.###.#.#.###.###.#.###.#",
            "#.###.#.#.##.##.#.#.###.#",
            "#.###.#.....##..#.#.###.#",
            "#.....#..#..###...#.....#",
            "#######.#.#.#.#.#.#######",
            "........#.##..###........",
            "#.....#.#...###..##..###.",
            "#.##.#..###....###.#####.",
            "#.#####.##...###.#####.##",
            "#..#......##....##.#.#..#",
            "...#####.##.#..#..#.....#",
            "#..###.#..#.#..###.#...#.",
            "#.##..#.....#.########.##",
            "#...#....#.......#.#.##.#",
            "#..##.#.....#########.#..",
            "........#.##..###...#....",
            "#######....##.#.#.#.#...#",
            "#.....#..#.#...##...#....",
            "#.###.#..#.##########.#..",
            "#.###.#..###..#...#....##",
            "#.###.#...#..#.......##.#",
            "#.....#..#..#..###.##...#",
            "#######.#.###...##...#..#",
        ];
        let code = build(b"https://www.vut.de/verband", EcLevel::M, Some(5)).expect("fits");
        assert_eq!(code.size(), expected.len());
        for (y, row) in expected.iter().enumerate() {
            let drawn: String = (0..code.size())
                .map(|x| if code.is_dark(x, y) { '#' } else { '.' })
                .collect();
            assert_eq!(&drawn, row, "row {y}");
        }
    }

    #[test]
    fn data_codewords_are_mode_count_bytes_terminator_and_padding() {
        // 0100 (bytes), count 1, "h", 0000, then 0xEC and 0x11 by turns.
        let h = data_bits(b"h", 1, EcLevel::M);
        assert_eq!(h[..6], [0x40, 0x16, 0x80, 0xEC, 0x11, 0xEC]);
        assert_eq!(h.len(), 16);
        assert_eq!(h[15], 0xEC);
        // From version 10 the count has 16 bits.
        let ab = data_bits(b"ab", 10, EcLevel::M);
        assert_eq!(ab[..6], [0x40, 0x00, 0x26, 0x16, 0x20, 0xEC]);
        assert_eq!(ab.len(), 216);
        // Full: the terminator is cut short and no pad is added.
        let full = data_bits(text_of(14).as_bytes(), 1, EcLevel::M);
        assert_eq!(full.len(), 16);
        assert_eq!(full[15], 0xC0, "the low half of 'l' (0x6C), then 4 zeros");
    }

    #[test]
    fn reed_solomon_matches_the_hello_world_example() {
        // "HELLO WORLD" in alphanumeric mode at 1-M, a worked example of the standard.
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        let ecc = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23];
        assert_eq!(remainder(&data, &generator(10)), ecc);
        assert_eq!(
            add_ecc(&data, 1, EcLevel::M),
            [&data[..], &ecc[..]].concat()
        );
    }

    #[test]
    fn blocks_are_interleaved_short_ones_first() {
        // Version 5-Q: 2 blocks of 15 data codewords, then 2 of 16; 18 ECC codewords each.
        let data: Vec<u8> = (0..62).collect();
        let out = add_ecc(&data, 5, EcLevel::Q);
        assert_eq!(out.len(), 134);
        assert_eq!(out[..8], [0, 15, 30, 46, 1, 16, 31, 47]);
        assert_eq!(out[56..60], [14, 29, 44, 60]);
        // The 16th column: only the long blocks have one.
        assert_eq!(out[60..62], [45, 61]);
        let gen = generator(18);
        assert_eq!(out[62], remainder(&data[..15], &gen)[0]);
        assert_eq!(out[63], remainder(&data[15..30], &gen)[0]);
        assert_eq!(out[65], remainder(&data[46..], &gen)[0]);
        assert_eq!(out[133], remainder(&data[46..], &gen)[17]);
    }

    #[test]
    fn penalties_of_known_patterns() {
        let n = 21;
        let mut grid = Grid::new(1);
        // All light: runs 42 × (21 − 2), 2×2 blocks 400 × 3, 0 % dark 10 × 10.
        assert_eq!(grid.penalty(), 42 * 19 + 400 * 3 + 100);
        // A checkerboard has no run, no block, no finder-like pattern, half dark.
        for (i, d) in grid.dark.iter_mut().enumerate() {
            *d = (i % n + i / n) % 2 == 0;
        }
        assert_eq!(grid.penalty(), 0);
        // 1:1:3:1:1 with 4 light before or after (once); the quiet zone counts as light.
        let line = |s: &str| {
            let bits: Vec<bool> = s.bytes().map(|b| b == b'1').collect();
            line_penalty(&bits)
        };
        assert_eq!(line("000010111010000"), 40);
        assert_eq!(line("10111010000"), 40);
        assert_eq!(line("1011101"), 40);
        assert_eq!(line("1001011101000"), 40);
        assert_eq!(line("0101110100100"), 40);
        assert_eq!(line("1001011101001"), 0);
        assert_eq!(line("10111010001011101"), 80);
        assert_eq!(line("1111100000011"), 3 + 4);
    }

    #[test]
    fn the_mask_with_the_lowest_penalty_is_chosen() {
        for text in ["https://www.vut.de/".to_string(), text_of(110)] {
            let chosen = QrCode::encode(&text).expect("fits");
            let all: Vec<QrCode> = (0..8)
                .map(|m| build(text.as_bytes(), EcLevel::M, Some(m)).expect("fits"))
                .collect();
            let lowest = all.iter().map(penalty).min();
            assert_eq!(Some(penalty(&chosen)), lowest);
            assert!(all.iter().any(|c| pixels(c) == pixels(&chosen)));
            assert!(all.iter().filter(|c| pixels(c) != pixels(&chosen)).count() == 7);
        }
    }

    #[test]
    fn svg_path_covers_exactly_the_dark_modules() {
        for text in ["", "https://www.vut.de/"] {
            let code = QrCode::encode(text).expect("fits");
            let quiet = 4;
            let d = code.svg_path(quiet);
            let mut covered = std::collections::HashSet::new();
            for part in d.split('M').skip(1) {
                // "{x} {y}h{n}v1h-{n}z"
                let (xy, rest) = part.split_once('h').expect("h");
                let (x, y) = xy.split_once(' ').expect("x y");
                let (n, tail) = rest.split_once("v1h-").expect("v1h-");
                assert_eq!(tail, format!("{n}z"));
                let (x, y, n): (usize, usize, usize) =
                    (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
                assert!(n > 0);
                for i in 0..n {
                    assert!(covered.insert((x + i - quiet, y - quiet)), "overlap");
                }
            }
            let size = code.size();
            let dark: std::collections::HashSet<_> = (0..size)
                .flat_map(|y| (0..size).map(move |x| (x, y)))
                .filter(|&(x, y)| code.is_dark(x, y))
                .collect();
            assert_eq!(covered.len(), dark.len());
            assert_eq!(covered, dark);
            assert!(!code.is_dark(size, 0) && !code.is_dark(0, size));
        }
    }
}
