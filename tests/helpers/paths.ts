import {join} from 'node:path'

/** The project's folder. */
export const root = join(import.meta.dirname, '..', '..')

/** The bin as `npm test` compiles it first (`pretest`): runs from any folder, without tsx. */
export const compiledCli = join(root, 'dist', 'cli.js')

/** The bin's source, to run with `node --import tsx`. */
export const sourceCli = join(root, 'src', 'cli.ts')

/** The hand-labelled fixtures. */
export const fixturesDir = join(root, 'tests', 'fixtures')
