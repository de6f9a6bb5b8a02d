//! The screen's style sheet as it travels (native only, run by the build's `prerender` binary):
//! Trunk writes one file per source in `styles/`; the page gets them as one file
//! ([`one_style_sheet`]), so that a single request blocks the first paint, and without the
//! comments and the white space that mean nothing ([`minify`]): the sources keep them for the
//! people who edit them.
//!
//! [`minify`] makes only changes that cannot alter a rule: comments go; a run of white space
//! becomes one space; the space around `{`, `}`, `;`, `,` and `>` and after `:` inside a block
//! goes, as does the `;` before a `}`. Quoted strings stay as they are, and so does the space
//! around `+`, `-`, `*` and `/` (which `calc()` needs) and before a `:` (`a :hover` is not
//! `a:hover`).

/// The screen's style sheets as one: `html` (the built page) names each of Trunk's
/// `<link rel="stylesheet" href="./name-hash.css" ...>`; the ones without a `media` attribute
/// are minified and joined, in their order, into one file (`app-<hash>.css`) that one link in
/// the first's place names, so a single request blocks the first paint; a sheet for another medium
/// (`media="print"`) keeps its own link, which does not block the screen. `read` gives a file's
/// text. Returns the page, the new file's name and text, and the files it replaces.
pub fn one_style_sheet(
    html: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, String, String, Vec<String>), String> {
    const START: &str = "<link rel=\"stylesheet\" href=\"./";
    let mut page = String::with_capacity(html.len());
    let mut joined = String::new();
    let mut merged = Vec::new();
    let mut rest = html;
    let mut slot = None;
    while let Some(at) = rest.find(START) {
        page.push_str(&rest[..at]);
        let link = &rest[at..];
        let end = link
            .find('>')
            .map(|i| i + 1)
            .ok_or("a style sheet's <link> has no end")?;
        let tag = &link[..end];
        let name = tag[START.len()..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_string();
        rest = &link[end..];
        if tag.contains(" media=") || !name.ends_with(".css") {
            page.push_str(tag);
            continue;
        }
        joined.push_str(&minify(&read(&name)?));
        merged.push(name);
        if slot.is_none() {
            // The joined sheet's link takes the first one's place, on its line.
            slot = Some(page.len());
        } else {
            // A later one goes, with the line break and indentation after it.
            rest = rest.trim_start_matches([' ', '\n']);
        }
    }
    page.push_str(rest);
    let Some(slot) = slot else {
        return Err("the page names no style sheet".into());
    };
    let name = format!("app-{:016x}.css", fnv64(joined.as_bytes()));
    page.insert_str(
        slot,
        &format!("<link rel=\"stylesheet\" href=\"./{name}\">"),
    );
    Ok((page, name, joined, merged))
}

/// FNV-1a, 64 bits: a file name's hash, which changes with its content.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// `css` without comments and meaningless white space. An unclosed comment or string is kept
/// to the end, as a browser would read it.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // After a `{` or a `;`: a `:` there is a declaration's (or, in a rule nested in `@media`, a
    // pseudo-class's), and the space after it means nothing. At the top level a `:` may be in a
    // media query's condition, which keeps its space.
    let mut in_block = false;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = '\0';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                // A comment separates what it stands between, like a space.
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' | ',' | '>' => {
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                in_block = c == '{' || c == ';';
                skip_space(&mut chars);
            }
            ':' => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
                if in_block {
                    skip_space(&mut chars);
                }
            }
            _ => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the one space a run of white space or a comment stood for, unless the output starts
/// there or the space touches a character that needs none.
fn flush_space(out: &mut String, pending: &mut bool) {
    if std::mem::take(pending) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>']) {
        out.push(' ');
    }
}

fn skip_space(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::{minify, one_style_sheet};

    #[test]
    fn the_screens_style_sheets_become_one_and_print_keeps_its_own() {
        let html = "<head>\n  <link rel=\"stylesheet\" href=\"./base-1.css\" integrity=\"x\"/>\n  \
                    <link rel=\"stylesheet\" href=\"./map-2.css\"/>\n  \
                    <link rel=\"stylesheet\" href=\"./print-3.css\" media=\"print\"/>\n</head>";
        let read = |name: &str| Ok(format!("/* {name} */\n.{} {{ margin: 0; }}\n", &name[..3]));
        let (page, name, css, merged) =
            one_style_sheet(html, read).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged, ["base-1.css", "map-2.css"]);
        assert!(name.starts_with("app-") && name.ends_with(".css"));
        assert_eq!(css, ".bas{margin:0}.map{margin:0}");
        assert_eq!(page.matches("rel=\"stylesheet\"").count(), 2, "{page}");
        assert!(page.contains(&format!("href=\"./{name}\"")), "{page}");
        assert!(page.contains("print-3.css\" media=\"print\""), "{page}");
        assert!(
            !page.contains("base-1") && !page.contains("map-2"),
            "{page}"
        );
        // Another text, another name; a page without sheets is an error, not a silent no-op.
        let other = one_style_sheet(html, |_| Ok("p{}".into())).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(other.1, name);
        assert!(one_style_sheet("<head></head>", read).is_err());
        assert!(one_style_sheet(html, |name| Err(format!("no {name}"))).is_err());
    }

    #[test]
    fn comments_and_layout_go() {
        let css = "/* Colours. */\n:root {\n  --ink: #1b1f24; /* text */\n  --space: clamp(0.75rem, 1.5vw, 1.5rem);\n}\n\n.a > .b,\n.c .d {\n  color: var(--ink);\n}\n";
        assert_eq!(
            minify(css),
            ":root{--ink:#1b1f24;--space:clamp(0.75rem,1.5vw,1.5rem)}.a>.b,.c .d{color:var(--ink)}"
        );
    }

    #[test]
    fn what_carries_meaning_stays() {
        // Descendant combinators, the space before a pseudo-class, calc's operators, strings
        // with comment-like text, media queries and nested blocks.
        let css = "nav :focus-visible { outline: 2px solid; }\n\
                   .x { width: calc(100% - 2 * var(--space)); content: \"/* not a comment */  x\"; }\n\
                   @media (min-width: 56.01rem) and (prefers-reduced-motion: reduce) {\n  .a .b:hover { margin: 0 auto }\n}\n\
                   .q::after { content: 'it\\'s ;}' }";
        assert_eq!(
            minify(css),
            "nav :focus-visible{outline:2px solid}\
             .x{width:calc(100% - 2 * var(--space));content:\"/* not a comment */  x\"}\
             @media (min-width: 56.01rem) and (prefers-reduced-motion: reduce){.a .b:hover{margin:0 auto}}\
             .q::after{content:'it\\'s ;}'}"
        );
    }

    #[test]
    fn a_comment_between_words_keeps_them_apart() {
        assert_eq!(
            minify(".a/**/.b{margin:1px/**/2px}"),
            ".a .b{margin:1px 2px}"
        );
    }

    #[test]
    fn the_app_sheets_lose_a_quarter_and_keep_every_rule() {
        // Every selector and declaration of the real sheets survives, in order; only their
        // spacing changes.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/styles");
        let mut total = (0, 0);
        for entry in std::fs::read_dir(dir).expect("styles/") {
            let path = entry.expect("entry").path();
            let css = std::fs::read_to_string(&path).expect("a sheet");
            let small = minify(&css);
            total = (total.0 + css.len(), total.1 + small.len());
            let braces = |s: &str| s.matches(['{', '}']).count();
            assert_eq!(braces(&small), braces(&strip_comments(&css)), "{path:?}");
            let words = |s: &str| {
                s.split(|c: char| !(c.is_alphanumeric() || "-_#.%".contains(c)))
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&small), words(&strip_comments(&css)), "{path:?}");
        }
        assert!(total.1 * 4 < total.0 * 3, "{total:?}");
    }

    fn strip_comments(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(at) = rest.find("/*") {
            out.push_str(&rest[..at]);
            out.push(' ');
            rest = rest[at..]
                .find("*/")
                .map_or("", |end| &rest[at + end + 2..]);
        }
        out + rest
    }
}
