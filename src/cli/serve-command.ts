import {watch, type FSWatcher} from 'node:fs'
import EleventyDevServer from '@11ty/eleventy-dev-server'
import type {BuildOptions} from './build-command.js'
import {buildInThread} from './build-thread.js'

export interface ServeOptions {
  port: number
  /** Files and folders whose changes rebuild the site: the content folder, the configuration, own templates. */
  watched: string[]
}

/**
 * `gazette serve`: build, serve the output on localhost under the base
 * path with Eleventy's development server, and rebuild on every change to
 * the watched files (a rebuild with the cache does only what changed), the
 * open pages reloading. The site's URL is the server's, so feeds and the
 * sitemap are absolute and no warning is printed. `load` reads the options
 * (the configuration) again before each build: a change to it shows too.
 */
export async function serve(
  load: () => Promise<BuildOptions | undefined>,
  options: BuildOptions,
  serving: ServeOptions
): Promise<void> {
  const local = (build: BuildOptions) => ({...build, siteUrl: `http://localhost:${serving.port}${build.basePath}`})
  await buildInThread(local(options))
  const server = EleventyDevServer.getServer('gazette', options.output, {
    pathPrefix: options.basePath,
    port: serving.port,
    portReassignmentRetryCount: 0
  })
  server.serve(serving.port)
  let running: Promise<void> | undefined
  let again = false
  const rebuild = () => {
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        const build = await load()
        if (build) await buildInThread(local(build))
      } while (again)
      server.reload()
      running = undefined
    })()
  }
  let timer: NodeJS.Timeout | undefined
  const watchers: FSWatcher[] = serving.watched.map((path) =>
    watch(path, {recursive: true}, () => {
      // An editor saves in several steps: one build for them all.
      clearTimeout(timer)
      timer = setTimeout(rebuild, 300)
    })
  )
  const stop = async () => {
    for (const watcher of watchers) watcher.close()
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
