import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The package root: templates, .eleventy.js and schema/ live there. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
