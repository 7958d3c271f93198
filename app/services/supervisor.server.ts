/**
 * `npm start` runs web and worker as children. If the supervisor dies without passing on a
 * signal (killed hard, or its terminal closed), the children notice and shut down instead of
 * lingering unsupervised.
 */
export function shutdownWhenSupervisorGone(shutdown: (reason: string) => void, intervalMs = 2_000): void {
  const supervisorPid = Number(process.env.LAPOR_SUPERVISOR_PID);
  if (!supervisorPid) return;
  const timer = setInterval(() => {
    try {
      process.kill(supervisorPid, 0);
    } catch {
      clearInterval(timer);
      shutdown("supervisor gone");
    }
  }, intervalMs);
  timer.unref();
}
