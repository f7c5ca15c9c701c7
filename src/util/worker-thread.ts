import {Worker, type WorkerOptions} from 'node:worker_threads'

/**
 * Start a worker thread on the module `name` next to `base` (an
 * `import.meta.url`). Under tsx (tests, scripts) the modules are
 * TypeScript, and so is the worker: it registers tsx before loading its
 * module (`--import` in a worker's execArgv comes too late for its entry
 * module on Node 20).
 */
export function startWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  const typescript = base.endsWith('.ts')
  const entry = new URL(`./${name}${typescript ? '.ts' : '.js'}`, base)
  return typescript
    ? new Worker(
        `import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(entry.href)}) })`,
        {...options, eval: true}
      )
    : new Worker(entry, options)
}

/** What a worker reports of an error it caught: the stack when there is one (messages carry text, not errors). */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
