// Two frames after load the form is on screen: report it, as Cashout Desk does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("painted")));
