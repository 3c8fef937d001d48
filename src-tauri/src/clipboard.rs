//! Copying a secret to the system clipboard, and taking it away again.
//!
//! One worker thread owns the clipboard for the whole life of the app (on X11 the contents live
//! only while their owner does). It remembers the value we put there, in a zeroizing string, and
//! when the delay is up, or the app exits, clears the clipboard **only if it still holds that
//! value**: whatever the user copied since is left alone. A newer copy replaces the remembered
//! value, which cancels the older timer.

use crate::error::CommandError;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// How long a command waits for the clipboard worker before giving up.
const REPLY_TIMEOUT: Duration = Duration::from_secs(5);

/// What the worker needs from a clipboard. `SystemClipboard` is the real one; tests use a fake.
pub trait ClipboardBackend {
    /// Puts `text` on the clipboard, marked as secret for clipboard managers.
    fn set_secret(&mut self, text: &str) -> Result<(), String>;
    /// The clipboard's text, or `None` if it holds none (or cannot be read).
    fn text(&mut self) -> Option<Zeroizing<String>>;
    fn clear(&mut self) -> Result<(), String>;
}

/// The OS clipboard through arboard, created on first use and then kept.
#[derive(Default)]
pub struct SystemClipboard {
    clipboard: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn get(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.clipboard.is_none() {
            self.clipboard = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        self.clipboard
            .as_mut()
            .ok_or_else(|| "no clipboard".to_owned())
    }
}

impl ClipboardBackend for SystemClipboard {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        let set = self.get()?.set();
        #[cfg(all(
            unix,
            not(any(target_os = "macos", target_os = "ios", target_os = "android"))
        ))]
        let set = {
            use arboard::SetExtLinux;
            set.exclude_from_history()
        };
        #[cfg(target_os = "macos")]
        let set = {
            use arboard::SetExtApple;
            set.exclude_from_history()
        };
        #[cfg(windows)]
        let set = {
            use arboard::SetExtWindows;
            set.exclude_from_history()
                .exclude_from_cloud()
                .exclude_from_monitoring()
        };
        set.text(text).map_err(|e| e.to_string())
    }

    fn text(&mut self) -> Option<Zeroizing<String>> {
        self.get().ok()?.get_text().ok().map(Zeroizing::new)
    }

    fn clear(&mut self) -> Result<(), String> {
        self.get()?.clear().map_err(|e| e.to_string())
    }
}

enum Request {
    Copy {
        text: Zeroizing<String>,
        clear_after: Duration,
        reply: mpsc::Sender<Result<(), String>>,
    },
    ClearNow {
        reply: mpsc::Sender<()>,
    },
}

/// The handle commands use; cheap to share (`Sync`).
pub struct ClipboardService {
    requests: mpsc::Sender<Request>,
}

impl ClipboardService {
    /// Starts the worker; `make` runs on the worker thread and builds its backend there.
    pub fn start<B, F>(make: F) -> ClipboardService
    where
        B: ClipboardBackend,
        F: FnOnce() -> B + Send + 'static,
    {
        let (requests, inbox) = mpsc::channel();
        thread::Builder::new()
            .name("clipboard".into())
            .spawn(move || Worker::new(make()).run(inbox))
            .expect("cannot start the clipboard thread");
        ClipboardService { requests }
    }

    pub fn system() -> ClipboardService {
        ClipboardService::start(SystemClipboard::default)
    }

    /// Puts `text` on the clipboard and schedules clearing it after `clear_after`.
    pub fn copy(&self, text: Zeroizing<String>, clear_after: Duration) -> Result<(), CommandError> {
        let (reply, answer) = mpsc::channel();
        self.requests
            .send(Request::Copy {
                text,
                clear_after,
                reply,
            })
            .map_err(|_| CommandError::clipboard("the clipboard thread has stopped"))?;
        match answer.recv_timeout(REPLY_TIMEOUT) {
            Ok(result) => result.map_err(CommandError::clipboard),
            Err(_) => Err(CommandError::clipboard(
                "the clipboard did not answer in time",
            )),
        }
    }

    /// Clears the clipboard now if it still holds our last copy (on exit). Waits briefly.
    pub fn clear_if_ours(&self) {
        let (reply, done) = mpsc::channel();
        if self.requests.send(Request::ClearNow { reply }).is_ok() {
            let _ = done.recv_timeout(REPLY_TIMEOUT);
        }
    }
}

struct Worker<B> {
    backend: B,
    /// Our last copy and when to clear it.
    ours: Option<(Zeroizing<String>, Instant)>,
}

impl<B: ClipboardBackend> Worker<B> {
    fn new(backend: B) -> Self {
        Worker {
            backend,
            ours: None,
        }
    }

    fn run(mut self, inbox: mpsc::Receiver<Request>) {
        loop {
            let next = match &self.ours {
                Some((_, deadline)) => {
                    match inbox.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                        Ok(request) => Some(request),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
                None => match inbox.recv() {
                    Ok(request) => Some(request),
                    Err(_) => break,
                },
            };
            match next {
                None => self.clear_if_ours(),
                Some(Request::Copy {
                    text,
                    clear_after,
                    reply,
                }) => {
                    let result = self.backend.set_secret(&text);
                    if result.is_ok() {
                        // Replacing the remembered value cancels the older timer.
                        self.ours = Some((text, Instant::now() + clear_after));
                    }
                    let _ = reply.send(result);
                }
                Some(Request::ClearNow { reply }) => {
                    self.clear_if_ours();
                    let _ = reply.send(());
                }
            }
        }
        self.clear_if_ours();
    }

    fn clear_if_ours(&mut self) {
        if let Some((ours, _)) = self.ours.take() {
            let still_ours = self
                .backend
                .text()
                .is_some_and(|current| current.as_str() == ours.as_str());
            if still_ours {
                // Nothing useful to do if this fails: the clipboard is gone or taken over.
                let _ = self.backend.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A clipboard in memory; clones share it, so a test can play "another app".
    #[derive(Clone, Default)]
    struct FakeClipboard {
        content: Arc<Mutex<Option<String>>>,
        secret_marked: Arc<Mutex<bool>>,
    }

    impl FakeClipboard {
        fn content(&self) -> Option<String> {
            self.content.lock().unwrap().clone()
        }
        fn set_by_another_app(&self, text: &str) {
            *self.content.lock().unwrap() = Some(text.to_owned());
            *self.secret_marked.lock().unwrap() = false;
        }
    }

    impl ClipboardBackend for FakeClipboard {
        fn set_secret(&mut self, text: &str) -> Result<(), String> {
            *self.content.lock().unwrap() = Some(text.to_owned());
            *self.secret_marked.lock().unwrap() = true;
            Ok(())
        }
        fn text(&mut self) -> Option<Zeroizing<String>> {
            self.content().map(Zeroizing::new)
        }
        fn clear(&mut self) -> Result<(), String> {
            *self.content.lock().unwrap() = None;
            Ok(())
        }
    }

    fn service() -> (ClipboardService, FakeClipboard) {
        let fake = FakeClipboard::default();
        let backend = fake.clone();
        (ClipboardService::start(move || backend), fake)
    }

    fn secret(text: &str) -> Zeroizing<String> {
        Zeroizing::new(text.to_owned())
    }

    /// Polls until `done` holds, for at most 5 s (the machine may be busy).
    fn eventually(done: impl Fn() -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if done() {
                return true;
            }
            thread::sleep(Duration::from_millis(10));
        }
        done()
    }

    #[test]
    fn copies_marked_as_secret_and_clears_after_the_delay() {
        let (service, fake) = service();
        service
            .copy(secret("s3cr3t"), Duration::from_millis(150))
            .unwrap();
        assert_eq!(fake.content().as_deref(), Some("s3cr3t"));
        assert!(*fake.secret_marked.lock().unwrap());
        assert!(eventually(|| fake.content().is_none()));
    }

    #[test]
    fn leaves_what_the_user_copied_since() {
        let (service, fake) = service();
        service
            .copy(secret("s3cr3t"), Duration::from_millis(100))
            .unwrap();
        fake.set_by_another_app("a URL I copied");
        thread::sleep(Duration::from_millis(400));
        assert_eq!(fake.content().as_deref(), Some("a URL I copied"));
        service.clear_if_ours();
        assert_eq!(fake.content().as_deref(), Some("a URL I copied"));
    }

    #[test]
    fn a_newer_copy_cancels_the_older_timer() {
        let (service, fake) = service();
        service
            .copy(secret("first"), Duration::from_millis(100))
            .unwrap();
        service
            .copy(secret("second"), Duration::from_secs(60))
            .unwrap();
        thread::sleep(Duration::from_millis(400));
        assert_eq!(fake.content().as_deref(), Some("second"));
        // On exit the app clears it at once.
        service.clear_if_ours();
        assert_eq!(fake.content(), None);
    }

    #[test]
    fn clearing_twice_is_harmless() {
        let (service, fake) = service();
        service.clear_if_ours();
        service.copy(secret("v"), Duration::from_secs(60)).unwrap();
        service.clear_if_ours();
        fake.set_by_another_app("later");
        service.clear_if_ours();
        assert_eq!(fake.content().as_deref(), Some("later"));
    }

    #[test]
    fn a_failing_clipboard_is_a_clipboard_error() {
        struct Broken;
        impl ClipboardBackend for Broken {
            fn set_secret(&mut self, _: &str) -> Result<(), String> {
                Err("no display".into())
            }
            fn text(&mut self) -> Option<Zeroizing<String>> {
                None
            }
            fn clear(&mut self) -> Result<(), String> {
                Err("no display".into())
            }
        }
        let service = ClipboardService::start(|| Broken);
        let error = service
            .copy(secret("v"), Duration::from_secs(1))
            .unwrap_err();
        assert_eq!(error.code, agent_secrets_core::ErrorCode::Clipboard);
        assert!(error.message.contains("no display"));
    }
}
