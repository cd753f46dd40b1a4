import { findScriptTag, readOptions } from './options.ts';
import { Widget } from './widget.ts';

declare global {
  interface Window {
    /** Lets the host page open or close the chat, e.g. from a "Chat with us" link. */
    Layani?: { open(): void; close(): void };
  }
}

// Read now: document.currentScript is only set while this script first runs.
const options = readOptions(findScriptTag());

function start(): void {
  if (window.Layani) return;
  const widget = new Widget(options);
  window.Layani = { open: () => widget.open(), close: () => widget.close() };
}

// An async script can run before <body> exists; the launcher appears as soon as it does.
if (document.body) start();
else addEventListener('DOMContentLoaded', start);
