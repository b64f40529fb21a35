//! Cashout Desk's entry point; everything is in the library so tests can build the app too.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    cashout_desk_lib::run();
}
