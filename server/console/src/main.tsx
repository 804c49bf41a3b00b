/** The console's entry: settings from the page, then the app. */
import { render } from "preact";
import { App } from "./app.js";

interface PageConfig {
  prefillToken?: string;
  allowSignup?: boolean;
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
const config = readConfig();
render(<App prefillToken={config.prefillToken} allowSignup={config.allowSignup ?? false} />, root);
