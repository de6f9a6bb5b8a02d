//! Whose messages the app obeys: the [`Allowlist`] of origins (set at build time, narrowed by a
//! URL parameter, never widened) and the [`Counters`] of what was accepted and ignored.

/// Origins whose messages are obeyed, normalised, each once, in the order given.
///
/// An origin is written `scheme://host[:port]`: `http` or `https`, an ASCII host (an
/// internationalised domain in its `xn--` form, IPv6 in brackets as browsers write it), and a
/// port only when it is not the scheme's default. Entries are normalised the way browsers
/// serialise `MessageEvent.origin`: lowercase, default port (`:443`, `:80`) removed, one trailing
/// `/` removed. Anything else after the host (a path, a query, a fragment, user info) makes the
/// entry invalid and it is dropped: an origin check cannot tell one page of a site from another,
/// so accepting `https://example.org/partners/` would promise a restriction that is not there.
///
/// There is no wildcard (`*`, `https://*.example.org`). Any site can embed the app in a frame, and
/// any window holding a reference to the frame can post to it; the allowlist is the only thing that
/// makes "obeyed" mean "IMPALA or a partner named at build time". With `*` at build time, the
/// narrowing URL parameter, which the embedding page writes itself, would choose its own allowlist,
/// which is the same as having none; a subdomain wildcard would trust every subdomain, including
/// forgotten ones that someone else can take over. List each origin instead.
/// The origin `null` (sandboxed frames, `file:` pages, data URLs) is never an origin: many unrelated
/// documents share it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowlist {
    origins: Vec<String>,
}

impl Allowlist {
    /// The allowlist from the build-time list: origins separated by commas and/or whitespace
    /// (`"https://www.impalamusic.org, https://impalamusic.org"`). Also returns the entries that
    /// are not origins (see [`Allowlist`]), as written, so that the caller can warn.
    pub fn from_build(list: &str) -> (Allowlist, Vec<String>) {
        let mut allowlist = Allowlist::default();
        let mut dropped = Vec::new();
        for entry in entries(list) {
            match normalise_origin(entry) {
                Some(origin) => allowlist.push(origin),
                None => dropped.push(entry.to_owned()),
            }
        }
        (allowlist, dropped)
    }

    /// The origins of the URL parameter `param` (same syntax as [`Allowlist::from_build`]) that
    /// this allowlist also has. Never widens: an entry that is not an origin, or not in this list,
    /// is dropped and returned, as written, so that the caller can warn. A parameter without a
    /// usable origin narrows to nothing: no message is then obeyed.
    pub fn narrow(&self, param: &str) -> (Allowlist, Vec<String>) {
        let mut narrowed = Allowlist::default();
        let mut dropped = Vec::new();
        for entry in entries(param) {
            match normalise_origin(entry) {
                Some(origin) if self.origins.contains(&origin) => narrowed.push(origin),
                _ => dropped.push(entry.to_owned()),
            }
        }
        (narrowed, dropped)
    }

    /// Whether messages from `origin` (a `MessageEvent.origin`) are obeyed: exactly one of the
    /// list's origins once normalised. `null` never is.
    pub fn allows(&self, origin: &str) -> bool {
        normalise_origin(origin).is_some_and(|origin| self.origins.contains(&origin))
    }

    /// The origins, normalised, in the order given.
    pub fn origins(&self) -> &[String] {
        &self.origins
    }

    /// No origin is allowed: no message will be obeyed.
    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }

    fn push(&mut self, origin: String) {
        if !self.origins.contains(&origin) {
            self.origins.push(origin);
        }
    }
}

/// The entries of a list separated by commas and/or whitespace.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
}

/// `entry` as browsers serialise an origin (`HTTPS://Example.org:443/` -> `https://example.org`),
/// or `None` when it is not an `http`/`https` origin (see [`Allowlist`]).
pub fn normalise_origin(entry: &str) -> Option<String> {
    let entry = entry.trim().to_ascii_lowercase();
    let (scheme, rest) = entry.split_once("://")?;
    let default_port = match scheme {
        "https" => 443,
        "http" => 80,
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match authority.strip_prefix('[') {
        Some(ipv6) => {
            let (address, after) = ipv6.split_once(']')?;
            let valid = !address.is_empty()
                && address.contains(':')
                && address
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
            if !valid {
                return None;
            }
            let port = match after {
                "" => None,
                after => Some(after.strip_prefix(':')?),
            };
            (format!("[{address}]"), port)
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let valid = host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if !valid {
                return None;
            }
            (host.to_owned(), port)
        }
    };
    let port = match port {
        None => None,
        Some(digits) => {
            if digits.is_empty() || digits.len() > 5 || !digits.chars().all(|c| c.is_ascii_digit())
            {
                return None;
            }
            match digits.parse::<u16>().ok()? {
                0 => return None,
                port if port == default_port => None,
                port => Some(port),
            }
        }
    };
    Some(match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

/// How many host messages were obeyed and ignored, for the interface to expose (as `data-`
/// attributes, see [`Counters::attributes`]) and tests to read. Counts saturate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Counters {
    /// Valid messages from an allowed origin.
    pub accepted: u32,
    /// Messages from an origin the allowlist does not have (not decoded).
    pub rejected_origin: u32,
    /// Messages from an allowed origin that failed decoding or validation.
    pub rejected_invalid: u32,
}

impl Counters {
    pub fn accept(&mut self) {
        self.accepted = self.accepted.saturating_add(1);
    }

    pub fn reject_origin(&mut self) {
        self.rejected_origin = self.rejected_origin.saturating_add(1);
    }

    pub fn reject_invalid(&mut self) {
        self.rejected_invalid = self.rejected_invalid.saturating_add(1);
    }

    /// Every message counted.
    pub fn total(&self) -> u64 {
        u64::from(self.accepted)
            + u64::from(self.rejected_origin)
            + u64::from(self.rejected_invalid)
    }

    /// The counts as `data-` attributes: `data-embed-accepted`, `data-embed-rejected-origin`,
    /// `data-embed-rejected-invalid`.
    pub fn attributes(&self) -> [(&'static str, String); 3] {
        [
            ("data-embed-accepted", self.accepted.to_string()),
            (
                "data-embed-rejected-origin",
                self.rejected_origin.to_string(),
            ),
            (
                "data-embed-rejected-invalid",
                self.rejected_invalid.to_string(),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_as_browsers_serialise_them() {
        for (entry, origin) in [
            ("HTTPS://Example.org/", "https://example.org"),
            ("https://example.org", "https://example.org"),
            (
                "  https://www.impalamusic.org  ",
                "https://www.impalamusic.org",
            ),
            ("https://example.org:443", "https://example.org"),
            ("http://example.org:80/", "http://example.org"),
            ("https://example.org:8443", "https://example.org:8443"),
            ("http://localhost:8080", "http://localhost:8080"),
            ("https://example.org:80", "https://example.org:80"),
            ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("https://[2001:DB8::1]", "https://[2001:db8::1]"),
            (
                "https://xn--bcher-kva.example",
                "https://xn--bcher-kva.example",
            ),
        ] {
            assert_eq!(normalise_origin(entry).as_deref(), Some(origin), "{entry}");
        }
    }

    #[test]
    fn paths_wildcards_and_other_schemes_are_not_origins() {
        for entry in [
            "null",
            "*",
            "",
            "example.org",
            "https://",
            "https:///",
            "https://*.example.org",
            "https://example.org/partners",
            "https://example.org//",
            "https://example.org?x=1",
            "https://example.org#top",
            "https://user@example.org",
            "https://example.org:",
            "https://example.org:0",
            "https://example.org:65536",
            "https://example.org:8o",
            "https://exa mple.org",
            "https://bücher.example",
            "https://example..org",
            "https://-example.org",
            "https://[::1",
            "https://[]",
            "https://[::1]x",
            "ftp://example.org",
            "file:///home",
            "javascript://example.org",
            "data:text/html,hello",
        ] {
            assert_eq!(normalise_origin(entry), None, "{entry:?}");
        }
    }

    #[test]
    fn the_build_list_splits_on_commas_and_whitespace_and_reports_what_it_drops() {
        let (list, dropped) = Allowlist::from_build(
            "https://www.impalamusic.org, HTTPS://impalamusic.org/\n\t*,,https://x.org/page \
             https://www.impalamusic.org:443",
        );
        assert_eq!(
            list.origins(),
            ["https://www.impalamusic.org", "https://impalamusic.org"]
        );
        assert_eq!(dropped, ["*", "https://x.org/page"]);
        assert!(Allowlist::from_build("").0.is_empty());
    }

    #[test]
    fn null_is_never_allowed() {
        let (list, dropped) = Allowlist::from_build("null https://example.org");
        assert_eq!(dropped, ["null"]);
        assert!(list.allows("https://example.org"));
        assert!(!list.allows("null"));
        assert!(!list.allows("NULL"));
        assert!(!list.allows(""));
        assert!(!list.allows("https://example.org.evil.test"));
        assert!(!list.allows("https://evil-example.org"));
        assert!(!list.allows("http://example.org"));
    }

    #[test]
    fn counters_count_and_become_attributes() {
        let mut counters = Counters::default();
        counters.accept();
        counters.reject_origin();
        counters.reject_origin();
        counters.reject_invalid();
        assert_eq!(counters.total(), 4);
        assert_eq!(
            counters.attributes(),
            [
                ("data-embed-accepted", "1".to_owned()),
                ("data-embed-rejected-origin", "2".to_owned()),
                ("data-embed-rejected-invalid", "1".to_owned()),
            ]
        );
        let mut full = Counters {
            accepted: u32::MAX,
            ..Counters::default()
        };
        full.accept();
        assert_eq!(full.accepted, u32::MAX);
    }
}
