//! The encoder's tests: codes read back by an independent decoder (rqrr, native only), the
//! standard's tables and worked examples, and another encoder's output. Native only: the decoder
//! is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

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
