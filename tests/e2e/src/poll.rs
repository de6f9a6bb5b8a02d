//! Errors as messages, and waiting for a condition: shared by the tests and the bench (the
//! modules they share name `crate::Result` and `crate::poll_until`).

use std::time::{Duration, Instant};

/// Errors are messages: they end up in the test report.
pub type Result<T, E = String> = std::result::Result<T, E>;

/// Calls `condition` until it returns `Ok(true)`, with a short growing
/// backoff, or fails once `timeout` has passed. An `Err` stops at once.
pub fn poll_until(timeout: Duration, mut condition: impl FnMut() -> Result<bool>) -> Result<()> {
    let started = Instant::now();
    let mut backoff = Duration::from_millis(10);
    loop {
        if condition()? {
            return Ok(());
        }
        let elapsed = started.elapsed();
        if elapsed >= timeout {
            return Err(format!("timed out after {:.1} s", timeout.as_secs_f64()));
        }
        std::thread::sleep(backoff.min(timeout - elapsed));
        backoff = (backoff * 2).min(Duration::from_millis(200));
    }
}
