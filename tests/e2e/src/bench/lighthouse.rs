//! Lighthouse's view of the app: the npm package pinned in `tools/lighthouse` (scripts/setup.sh
//! installs it), run with the system's Chromium (`CHROME_PATH`; it downloads no browser) on its
//! default mobile preset (a mid-range phone, slow 4G, 4x CPU), against `dist/` as a static host
//! serves it: once with the precompressed `.gz` files (`server::HOST_PATH`), once from a host
//! that compresses nothing (`server::RAW_HOST_PATH`).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// One Lighthouse run's scores (0 to 100) and timings (milliseconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Audit {
    /// Which host: "gzip" or "uncompressed".
    pub host: &'static str,
    pub performance: f64,
    pub accessibility: f64,
    pub best_practices: f64,
    pub seo: f64,
    pub fcp_ms: f64,
    pub lcp_ms: f64,
    pub tbt_ms: f64,
    /// What Lighthouse names as the largest paint.
    pub lcp_element: String,
}

/// Lighthouse's command, or why there is none.
fn command(root: &Path) -> Result<std::path::PathBuf, String> {
    let cli = root.join("tools/lighthouse/node_modules/lighthouse/cli/index.js");
    if cli.is_file() {
        Ok(cli)
    } else {
        Err(format!(
            "{} is missing: scripts/bench installs it (npm ci in tools/lighthouse)",
            cli.display()
        ))
    }
}

/// Runs Lighthouse on `url` and reads its report.
pub fn audit(root: &Path, out_dir: &Path, url: &str, host: &'static str) -> Result<Audit, String> {
    let cli = command(root)?;
    let chrome = crate::engines::CHROMIUM;
    let report = out_dir.join(format!("lighthouse-{host}.json"));
    let output = Command::new("node")
        .arg(&cli)
        .arg(url)
        .args([
            "--quiet",
            "--output=json",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ])
        .arg(format!("--output-path={}", report.display()))
        .env("CHROME_PATH", chrome)
        .output()
        .map_err(|e| format!("cannot run node {}: {e}", cli.display()))?;
    if !output.status.success() {
        return Err(format!(
            "Lighthouse failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .rev()
                .take(5)
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }
    let text =
        std::fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
    read(&json, host)
}

/// The scores and timings in a Lighthouse JSON report.
pub fn read(json: &Value, host: &'static str) -> Result<Audit, String> {
    let score = |category: &str| -> Result<f64, String> {
        json["categories"][category]["score"]
            .as_f64()
            .map(|s| (s * 100.0).round())
            .ok_or_else(|| format!("the report has no {category} score"))
    };
    let ms = |audit: &str| -> Result<f64, String> {
        json["audits"][audit]["numericValue"]
            .as_f64()
            .ok_or_else(|| format!("the report has no {audit}"))
    };
    // Lighthouse 13 names the element in its LCP breakdown, as one of the items of type "node".
    let lcp_element = json["audits"]["lcp-breakdown-insight"]["details"]["items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item["type"] == "node"))
        .and_then(|node| node["selector"].as_str())
        .unwrap_or("?")
        .chars()
        .take(80)
        .collect();
    Ok(Audit {
        host,
        performance: score("performance")?,
        accessibility: score("accessibility")?,
        best_practices: score("best-practices")?,
        seo: score("seo")?,
        fcp_ms: ms("first-contentful-paint")?,
        lcp_ms: ms("largest-contentful-paint")?,
        tbt_ms: ms("total-blocking-time")?,
        lcp_element,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_scores_and_timings() {
        let json = serde_json::json!({
            "categories": {
                "performance": { "score": 0.97 }, "accessibility": { "score": 1 },
                "best-practices": { "score": 1 }, "seo": { "score": 0.92 }
            },
            "audits": {
                "first-contentful-paint": { "numericValue": 1200.5 },
                "largest-contentful-paint": { "numericValue": 1300.0 },
                "total-blocking-time": { "numericValue": 10.0 },
                "lcp-breakdown-insight": { "details": { "items": [
                    { "type": "table", "items": [] },
                    { "type": "node", "selector": "div.title > p.lede" } ] } }
            }
        });
        let audit = read(&json, "gzip").unwrap();
        assert_eq!((audit.performance, audit.seo), (97.0, 92.0));
        assert_eq!(
            (audit.fcp_ms, audit.lcp_ms, audit.tbt_ms),
            (1200.5, 1300.0, 10.0)
        );
        assert_eq!(audit.lcp_element, "div.title > p.lede");
        assert!(read(&serde_json::json!({}), "gzip").is_err());
    }
}
