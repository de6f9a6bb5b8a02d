//! Processes and temporary directories that clean up after themselves.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::{poll_until, Result};

/// A child process. Dropping the guard stops it (SIGTERM, SIGKILL after a
/// grace period), kills what it left running below it (a browser whose
/// session could not be deleted), and reaps it. It stays in our process
/// group, so Ctrl-C in a terminal still reaches it.
pub struct ChildGuard {
    name: String,
    child: Child,
    log: Option<PathBuf>,
}

impl ChildGuard {
    /// Spawns `command`, stdout and stderr written to
    /// `log` (if given; else discarded).
    pub fn spawn(name: &str, command: &mut Command, log: Option<&Path>) -> Result<Self> {
        let (stdout, stderr) = match log {
            Some(path) => {
                let file = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let copy = file.try_clone().map_err(|e| e.to_string())?;
                (Stdio::from(file), Stdio::from(copy))
            }
            None => (Stdio::null(), Stdio::null()),
        };
        let child = command
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("starting {name}: {e}"))?;
        Ok(Self {
            name: name.to_owned(),
            child,
            log: log.map(Path::to_path_buf),
        })
    }

    fn from_child(name: &str, child: Child) -> Self {
        Self {
            name: name.to_owned(),
            child,
            log: None,
        }
    }

    /// `Err` (with the log's tail) if the process has exited.
    pub fn check_alive(&mut self) -> Result<()> {
        match self.child.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => Err(format!(
                "{} exited early ({status}){}",
                self.name,
                self.log_tail()
            )),
            Err(e) => Err(format!("{}: {e}", self.name)),
        }
    }

    /// The last lines of the log file, formatted for an error message.
    pub fn log_tail(&self) -> String {
        let Some(path) = &self.log else {
            return String::new();
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(15)..].join("\n    ");
        format!("; log {}:\n    {tail}", path.display())
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            // Normally the browser is gone already (its session was deleted);
            // whatever the process still has below it is killed after it.
            let leftovers = descendants(self.child.id());
            signal(&[self.child.id()], "-TERM");
            let exited = poll_until(Duration::from_secs(5), || {
                Ok(!matches!(self.child.try_wait(), Ok(None)))
            });
            if exited.is_err() {
                eprintln!("e2e: {} ignored SIGTERM, killing it", self.name);
            }
            let alive: Vec<u32> = leftovers
                .into_iter()
                .filter(|&(pid, started)| start_time(pid) == Some(started))
                .map(|(pid, _)| pid)
                .collect();
            signal(&alive, "-KILL");
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends `signal` (e.g. `-TERM`) to `pids` with kill(1).
fn signal(pids: &[u32], signal: &str) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(signal)
        .arg("--")
        .args(pids.iter().map(u32::to_string))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// `(pid, start time)` of every process below `root`, from /proc.
fn descendants(root: u32) -> Vec<(u32, u64)> {
    let mut table = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            if let Some((ppid, started)) = stat(pid) {
                table.push((pid, ppid, started));
            }
        }
    }
    let mut found = Vec::new();
    let mut frontier = vec![root];
    while let Some(parent) = frontier.pop() {
        for &(pid, ppid, started) in &table {
            if ppid == parent {
                found.push((pid, started));
                frontier.push(pid);
            }
        }
    }
    found
}

fn start_time(pid: u32) -> Option<u64> {
    stat(pid).map(|(_, started)| started)
}

/// `(ppid, start time)` from /proc/PID/stat (fields 4 and 22).
fn stat(pid: u32) -> Option<(u32, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses.
    let after_name = text.get(text.rfind(')')? + 1..)?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    Some((fields.get(1)?.parse().ok()?, fields.get(19)?.parse().ok()?))
}

/// A directory removed (recursively) on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<Self> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("finding a free port: {e}"))
}

/// Starts `Xvfb` on the first free display from :90 up, with one screen of
/// `screen` (`WIDTHxHEIGHTxDEPTH`); returns the guard and the display number
/// once the server accepts connections (`-displayfd`).
pub fn start_xvfb(xvfb: &Path, screen: &str, log: &Path) -> Result<(ChildGuard, u32)> {
    let mut last_error = String::from("no free display in :90..:200");
    for display in 90..200u32 {
        let taken = Path::new(&format!("/tmp/.X{display}-lock")).exists()
            || Path::new(&format!("/tmp/.X11-unix/X{display}")).exists();
        if taken {
            continue;
        }
        let log_file = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let child = Command::new(xvfb)
            .arg(format!(":{display}"))
            .args(["-nolisten", "tcp", "-screen", "0", screen])
            .args(["-displayfd", "1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file))
            .spawn()
            .map_err(|e| format!("starting {}: {e}", xvfb.display()))?;
        let mut guard = ChildGuard::from_child("Xvfb", child);
        guard.log = Some(log.to_path_buf());
        // Xvfb writes the display number to the -displayfd once it is ready.
        let Some(stdout) = guard.child.stdout.take() else {
            return Err("Xvfb: no stdout pipe".into());
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(line) if line.trim() == display.to_string() => return Ok((guard, display)),
            Ok(line) => {
                // Empty: Xvfb exited (display taken meanwhile?); try the next.
                last_error = format!("Xvfb :{display} said {:?}{}", line.trim(), guard.log_tail());
            }
            Err(_) => {
                last_error = format!("Xvfb :{display} not ready after 15 s{}", guard.log_tail());
            }
        }
    }
    Err(last_error)
}
