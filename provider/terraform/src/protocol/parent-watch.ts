// Terraform ends its plugins with the Shutdown RPC; a Terraform killed with SIGKILL never sends
// it, and nothing else would stop the plugin. A process whose parent dies is handed to another
// parent (init or a subreaper), so a changed parent pid means Terraform is gone.

/** How often the parent pid is read: a plugin outlives its Terraform by at most this long. */
export const parentCheckIntervalMs = 250;

/** Calls `onOrphaned` once when the process that started this one has died. */
export function watchParent(onOrphaned: () => void, intervalMs = parentCheckIntervalMs): void {
  const parent = process.ppid;
  // Started by init itself (a container's entry point): there is no Terraform to outlive.
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
}
