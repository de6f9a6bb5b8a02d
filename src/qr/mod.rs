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
mod tests;
