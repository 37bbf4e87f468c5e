let shuttingDown = false;

/** Marks the process as draining: readiness answers 503 from now on. */
export function beginShutdown(): void {
  shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return shuttingDown;
}
