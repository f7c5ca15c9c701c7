import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {parse} from 'yaml'
import {initArchive} from '../../src/init/init.js'
import {root} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

test('init: writes the starter archive and never overwrites a file', async (t) => {
  const dir = tempDir(t, 'init')
  writeFileSync(join(dir, 'README.md'), 'mine\n')
  const first = await initArchive(dir, {name: 'gazette-archive', version: '1.2.3'})
  assert.deepEqual(first.kept, ['README.md'])
  assert.deepEqual([...first.written].sort(), [
    '.github/workflows/publish.yml',
    '.gitignore',
    '.gitlab-ci.yml',
    'gazette.config.yaml',
    'gazettes/示例版面.txt',
    'package.json'
  ])
  assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), 'mine\n')
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}
  assert.deepEqual(manifest.dependencies, {'gazette-archive': '^1.2.3'})
  const again = await initArchive(dir, {name: 'gazette-archive', version: '1.2.3'})
  assert.deepEqual(again.written, [])
})

test('init: the publish workflows use the official Pages actions and the README’s build command', () => {
  const workflow = parse(readFileSync(join(root, 'starter', 'github', 'workflows', 'publish.yml'), 'utf8')) as {
    jobs: Record<string, {steps: Array<{uses?: string; run?: string}>}>
  }
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
  const uses = steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]] : []))
  for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages'])
    assert.ok(uses.includes(action), action)
  const build = must(must(steps.find((step) => step.run?.includes('gazette build'))).run)
  assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(build), `the README gives ${build}`)
  const gitlab = parse(readFileSync(join(root, 'starter', 'gitlab-ci.yml'), 'utf8')) as {
    pages: {script: string[]; artifacts: {paths: string[]}}
  }
  assert.deepEqual(gitlab.pages.artifacts.paths, ['public'])
  assert.ok(gitlab.pages.script.some((line) => line.startsWith('npx gazette build')))
})
