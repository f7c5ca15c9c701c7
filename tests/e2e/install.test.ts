import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {samplesDir} from '../helpers/samples.js'
import {gunzipped} from '../helpers/files.js'
import {root} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

// End to end, as a new user would: the packed tool into an empty folder with plain npm (from npm's cache,
// which `npm ci` filled), `gazette init`, a title of their own, a page named by date, `gazette build`.
test('install: from npm pack into an empty folder, init, configure, build', {timeout: 300_000}, (t) => {
  const work = tempDir(t, 'install')
  // No project .npmrc, no `yes`: npm as a user has it.
  const {npm_config_yes: _, ...environment} = process.env
  const plainNpm = {...environment, npm_config_userconfig: join(work, 'no-npmrc')}
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: plainNpm
    })
  // The dist/ that `npm test` compiled: npm pack's `prepare` would compile it again, removing it meanwhile from
  // under the tests running beside this one.
  const pack = ['pack', '--ignore-scripts', '--pack-destination', work, '--silent']
  const packed = must(npm(pack, root).trim().split('\n').at(-1))
  const site = join(work, 'my-archive')
  mkdirSync(site)
  npm(['init', '-y'], site)
  npm(['install', join(work, packed)], site)
  const npx = (...args: string[]) =>
    execFileSync('npx', ['--no-install', 'gazette', ...args], {
      cwd: site,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
  npx('init', '.')
  const config = join(site, 'gazette.config.yaml')
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^title: .*$/mu, 'title: 某某日报数字档案'))
  copyFileSync(join(samplesDir, '000_da22e97339b67c99.txt'), join(site, 'gazettes', '2021-03-05_p2.txt'))
  npx('build')
  const home = readFileSync(join(site, '_site', 'index.html'), 'utf8')
  assert.match(home, /<title>某某日报数字档案<\/title>/u)
  assert.ok(readdirSync(join(site, '_site', 'items')).length >= 10)
  const data = JSON.parse(gunzipped(join(site, '_site', 'data', '2021.json.gz'))) as {
    gazettes: Array<{source: string; metadata: {date: string; page: number}}>
  }
  const page = must(data.gazettes.find((gazette) => gazette.source === '2021-03-05_p2.txt'))
  assert.deepEqual([page.metadata.date, page.metadata.page], ['2021-03-05', 2])
})
