//! Cashout Desk's entry point; everything is in the library so tests can build the app too.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's GPU compositing took ~120 ms to bring up the first frame of the form
    // (measured with Mesa: 500 ms to the first painted form with it, ~400 ms without), and it
    // is a known cause of blank windows with some GPU drivers; forms and a small SVG do not
    // need it. Set here, before any thread or web process exists; a value the operator set
    // is kept.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    cashout_desk_lib::run();
}
