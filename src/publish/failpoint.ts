/**
 * A named point of the publishing steps where a test may have the process
 * killed (`GAZETTE_KILL_AT=<name>`), to check that a kill at that very
 * moment leaves a whole site: a timer cannot aim at a window of a few
 * microseconds between two renames. Without the variable it does nothing.
 */
export function failpoint(name: string): void {
  if (process.env.GAZETTE_KILL_AT === name) process.kill(process.pid, 'SIGKILL')
}
