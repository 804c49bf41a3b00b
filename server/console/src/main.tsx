/** The console's entry: settings from the page, then the app. */
import { render } from "preact";
import { App } from "./app.js";

// The SDK names POSTs with crypto.randomUUID, which browsers offer only on secure origins
// (https or loopback). A console opened over plain http on another host still works with this.
if (typeof globalThis.crypto.randomUUID !== "function") {
  Object.defineProperty(globalThis.crypto, "randomUUID", {
    value: () => {
      const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  });
}

interface PageConfig {
  prefillToken?: string;
}

function readConfig(): PageConfig {
  const element = document.getElementById("callplane-config");
  if (!element?.textContent) return {};
  try {
    return JSON.parse(element.textContent) as PageConfig;
  } catch {
    return {};
  } finally {
    // The page keeps no copy of the token in the DOM once read.
    element.remove();
  }
}

const root = document.getElementById("app")!;
root.textContent = "";
render(<App prefillToken={readConfig().prefillToken} />, root);
