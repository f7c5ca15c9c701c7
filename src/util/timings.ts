import {performance} from 'node:perf_hooks'

/** The stages of a build, as the benchmark reports them. */
export type Stage = 'read' | 'split+tag' | 'archive' | 'state' | 'render' | 'data' | 'search'

/** Milliseconds spent in each stage. */
export type Timings = Partial<Record<Stage, number>>

/** Run one stage, adding its wall time to `timings` when given. */
export async function timed<T>(timings: Timings | undefined, stage: Stage, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  try {
    return await run()
  } finally {
    if (timings) timings[stage] = (timings[stage] ?? 0) + performance.now() - started
  }
}
