import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {relative} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {moduleClosure, pipelineModules, siteModules} from '../../src/incremental/version.js'

const src = fileURLToPath(new URL('../../src/', import.meta.url))
const closure = async (modules: readonly string[]) =>
  (await moduleClosure(modules)).map((file) => relative(src, file).replace(/\.ts$/u, ''))

test('version: the pipeline covers every module that splits and tags, followed through imports', async () => {
  const covered = await closure(pipelineModules)
  for (const module of ['split/split', 'split/credits', 'tag/tag', 'tag/gazetteer', 'text/segmenter', 'archive/ids'])
    assert.ok(covered.includes(module), `${module} is covered`)
  for (const module of ['model/messages', 'read/decode', 'tag/home-region', 'incremental/cache'])
    assert.ok(covered.includes(module), `${module} is covered`)
  assert.ok(!covered.some((module) => module.startsWith('site/') || module.startsWith('cli/')), 'nor the render')
  assert.ok(covered.every((module) => existsSync(`${src}${module}.ts`)))
})

test('version: the site covers its configuration, filters and search index', async () => {
  const covered = await closure(siteModules)
  for (const module of ['site/eleventy-config', 'site/filters', 'site/search/write-index', 'site/search/query'])
    assert.ok(covered.includes(module), `${module} is covered`)
})

test('version: a module that is not there fails loudly, not silently uncovered', async () => {
  await assert.rejects(moduleClosure(['split/no-such-module']), /ENOENT/u)
})
