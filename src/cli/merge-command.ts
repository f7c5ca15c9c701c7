import {mergeSites, type MergeOptions} from '../merge/merge-sites.js'
import {counted} from '../util/counted.js'
import {siteSettings} from './build-command.js'

/**
 * `gazette merge`: several archives' sites published as one (see
 * `mergeSites`). Prints what it did or why it did nothing; the exit code.
 */
export async function merge(options: MergeOptions): Promise<number> {
  const started = Date.now()
  const site = siteSettings(options)
  if ('error' in site) {
    console.error(`gazette merge: ${site.error}`)
    return 1
  }
  const problems = await mergeSites({...options, ...site})
  for (const problem of problems) console.error(`gazette merge: ${problem}`)
  if (problems.length > 0) {
    console.error(`gazette merge: ${options.output}/ left as it was`)
    return 1
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`merged ${counted(options.shards.length, 'archive')} into ${options.output}/ in ${seconds} s`)
  return 0
}
