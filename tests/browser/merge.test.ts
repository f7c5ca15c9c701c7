import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser} from 'playwright-core'
import {launchChromium} from '../helpers/browser.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {samplesDir, sampleFiles} from '../helpers/samples.js'
import {serve} from '../helpers/serve.js'
import {fileTempDir} from '../helpers/temp-dir.js'

const root = fileTempDir('browser-merge')
let browser: Browser
let server: Awaited<ReturnType<typeof serve>>

before(async () => {
  // Two papers' archives, built under their own paths and merged into one site under /province/.
  const gazette = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8'})
    assert.equal(result.status, 0, result.stderr)
  }
  for (const [name, paper, files] of [
    ['a', '甲报', sampleFiles.slice(0, 2)],
    ['b', '乙报', sampleFiles.slice(2, 4)]
  ] as const) {
    const content = join(root, 'content', name)
    mkdirSync(content, {recursive: true})
    for (const file of files) copyFileSync(join(samplesDir, file), join(content, file))
    const lines = files.map((file, at) => `  ${file}: {paper: ${paper}, date: 2024-03-0${at + 1}, page: 1}`)
    writeFileSync(join(content, 'manifest.yaml'), `gazettes:\n${lines.join('\n')}\n`)
    gazette('build', '-q', '-i', content, '-o', join(root, 'shards', name), '--base-path', `/province/${name}/`)
  }
  const site = join(root, 'site')
  gazette('merge', join(root, 'shards', 'a'), join(root, 'shards', 'b'), '-o', site, '--base-path', '/province/')
  server = await serve(site, '/province/')
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await server?.close()
})

test('browser: a merged site’s search lists both archives’ items, and its links open their pages', async () => {
  const page = await browser.newPage()
  page.on('pageerror', (error) => assert.fail(`script error: ${error.message}`))
  await page.goto(`${server.url}search/?q=${encodeURIComponent('会议')}`)
  await page.locator('#search-results > p.meta').waitFor({timeout: 20_000})
  const links = await page
    .locator('.search-results a')
    .evaluateAll((found) => found.map((link) => (link instanceof HTMLAnchorElement ? new URL(link.href).pathname : '')))
  assert.ok(
    links.some((link) => link.startsWith('/province/a/items/')),
    'items of a'
  )
  assert.ok(
    links.some((link) => link.startsWith('/province/b/items/')),
    'items of b'
  )
  const response = await page.goto(new URL(links[0] ?? '', server.url).href)
  assert.equal(response?.status(), 200)
  // A query that finds nothing offers the archives to browse.
  await page.goto(`${server.url}search/?q=${encodeURIComponent('zzzqqq')}`)
  await page.locator('#search-results a[href="/province/b/"]').waitFor({timeout: 20_000})
})
