/*
 * The built sample site in a real Chromium (the system's, else the one npm
 * ci brings: see tests/helpers/browser.ts), served under a base path as GitHub Pages
 * would serve it.
 */
import assert from 'node:assert/strict'
import {cpSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import type axe from 'axe-core'
import type {Archive} from '../../src/archive/model.js'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {samplesDir} from '../helpers/samples.js'
import {launchChromium} from '../helpers/browser.js'
import {serve} from '../helpers/serve.js'
import {root} from '../helpers/paths.js'
import {fileTempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

declare global {
  /** axe-core, once a test has added its script to the page. */
  interface Window {
    axe: typeof axe
  }
}

const basePath = '/archive/'
const screenshots = join(root, 'test-output', 'screenshots')
let archive: Archive
let browser: Browser
let server: Awaited<ReturnType<typeof serve>>
const input = fileTempDir('browser-input')
const output = fileTempDir('browser')

before(async () => {
  // The samples (undated), and two dated pages of two papers (written for the test): papers and issues too.
  cpSync(samplesDir, input, {recursive: true})
  for (const [file, paper] of [
    ['dated-a.txt', '崇明报'],
    ['dated-b.txt', '东滩报']
  ] as const)
    writeFileSync(
      join(input, file),
      `---\npaper: ${paper}\ndate: 2022-02-15\npage: 1\npageName: 要闻\n---\n横沙乡召开会议\n\n本报讯（记者 张三）日前，上海市崇明区横沙乡召开会议。\n`
    )
  const built = await buildArchiveFromFolder({input})
  archive = built.archive
  await buildSite(archive, built.gazettes, {output, basePath, siteUrl: '', input})
  server = await serve(output, basePath)
  browser = await launchChromium()
  mkdirSync(screenshots, {recursive: true})
})

after(async () => {
  await browser?.close()
  await server?.close()
})

/** A page that fails the test on any script error. */
async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const page = await browser.newPage({viewport: {width, height}})
  page.on('pageerror', (error) => assert.fail(`script error on ${path}: ${error.message}`))
  await page.goto(server.url + path.replace(/^\//u, ''))
  return page
}

const h1 = (page: Page) => page.locator('h1').innerText()

test('browser: home → district → town → article → its page, by clicking links', async () => {
  const page = await open('/')
  await page
    .locator('main a', {hasText: /^通州区/u})
    .first()
    .click()
  assert.equal(await h1(page), '通州区')
  await page
    .locator('main a', {hasText: /^石港镇/u})
    .first()
    .click()
  assert.equal(await h1(page), '石港镇')
  const town = must(archive.localities['320612110'])
  const first = must(archive.items.find((item) => item.id === town.itemIds[0]))
  await page.locator('main a', {hasText: first.heading}).first().click()
  assert.equal(await h1(page), first.title)
  // The stylesheet and the citation script are files of their own: styled, and the copy button shown.
  assert.equal(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).display), 'flex')
  await page.locator('button.copy').waitFor({state: 'visible'})
  await page.locator('article footer a[href*="/pages/"]').click()
  assert.equal(page.url(), `${server.url}pages/${first.gazetteId}/`)
  assert.ok((await page.locator('main').innerText()).includes(first.heading))
  await page.close()
})

/** Item URLs listed by the search page for a query. */
async function search(page: Page): Promise<string[]> {
  await page.locator('#search-results .meta').waitFor({timeout: 20_000})
  return page.locator('.search-results a').evaluateAll((links) =>
    links.map((link) => {
      if (!(link instanceof HTMLAnchorElement)) throw new Error(`${link.tagName}: not a link`)
      return new URL(link.href).pathname
    })
  )
}

test('browser: searching a town’s name lists exactly the items tagged with it', async () => {
  const town = must(archive.localities['320612110'])
  const expected = town.itemIds.map((id) => `${basePath}items/${id}/`).sort()
  const page = await open('/search/?q=石港镇')
  assert.deepEqual((await search(page)).sort(), expected)
  assert.match(await page.locator('#search-town').inputValue(), /石港镇$/u, 'the town’s filter shows it, not 全部')
  // Typed into the box, short form: the same items.
  await page.locator('#search-q').fill('石港')
  await page.locator('#search-q').press('Enter')
  await page.waitForURL(/q=/u)
  assert.deepEqual((await search(page)).sort(), expected)
  // An ordinary word is searched in the text.
  await page.goto(server.url + 'search/?q=' + encodeURIComponent('网格'))
  assert.ok((await search(page)).length > 1)
  // Each result quotes its item where the word occurs.
  await page.locator('.search-results li mark').first().waitFor({timeout: 20_000})
  assert.equal(await page.locator('.search-results li mark').first().textContent(), '网格')
  await page.close()
})

test('browser: a query finding nothing offers one that does; the URL keeps the search, back and forward', async () => {
  const page = await browser.newPage()
  const requests: string[] = []
  page.on('request', (request) => void requests.push(request.url()))
  await page.goto(server.url + 'search/?q=' + encodeURIComponent('网格蔑蠛'))
  const offer = page.locator('#search-results a[href*="search/?q="]').first()
  await offer.waitFor({timeout: 20_000})
  assert.ok(requests.length <= 25, `${requests.length} requests for a query on a fresh page`)
  assert.ok(!requests.some((url) => /\/items\//u.test(url)), 'excerpts come from the index, not from item pages')
  await offer.click()
  await page.waitForURL((url) => url.searchParams.get('q') === '网格')
  assert.ok((await search(page)).length > 1)
  await page.goBack()
  await page.waitForURL((url) => url.searchParams.get('q') === '网格蔑蠛')
  assert.equal(await page.locator('#search-q').inputValue(), '网格蔑蠛')
  await page.goForward()
  await page.waitForURL((url) => url.searchParams.get('q') === '网格')
  assert.ok((await search(page)).length > 1)
  await page.close()
})

/** One page of each type, by path. */
function pageTypes(): Record<string, string> {
  const photo = must(archive.items.find((item) => item.kind === 'photo'))
  const article = must(archive.items.find((item) => item.kind === 'article' && item.places.length > 0))
  return {
    home: '/',
    places: '/places/',
    district: '/places/320612/',
    town: '/places/320612110/',
    dates: '/dates/',
    papers: '/papers/',
    paper: must(archive.papers[0]).url,
    issue: must(archive.issues[0]).url,
    gazette: must(archive.gazettes[0]).url,
    undatedGazette: must(archive.gazettes.find((gazette) => !gazette.metadata.date)).url,
    article: article.url,
    photo: photo.url,
    people: '/people/',
    person: must(archive.people[0]).url,
    search: '/search/?q=石港镇',
    notFound: '/404.html'
  }
}

test('browser: axe-core finds no WCAG 2.2 AA violations on any page type', async () => {
  for (const [type, path] of Object.entries(pageTypes())) {
    const page = await open(path)
    if (type === 'search') await search(page)
    await page.addScriptTag({path: join(root, 'node_modules', 'axe-core', 'axe.min.js')})
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
      })
      return result.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
      )
    })
    assert.deepEqual(violations, [], `${type} (${path})`)
    await page.close()
  }
})

test(
  'browser: every page type fits a phone without sideways scrolling; screenshots at desktop and ' + 'phone width',
  async () => {
    for (const [type, path] of Object.entries(pageTypes())) {
      for (const [width, height] of [
        [1280, 900],
        [390, 844]
      ] as const) {
        const page = await open(path, width, height)
        if (type === 'search') await search(page)
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(scrollWidth <= width, `${type} at ${width}px scrolls sideways (${scrollWidth}px)`)
        await page.screenshot({path: join(screenshots, `${type}-${width}.png`), fullPage: true})
        await page.close()
      }
    }
  }
)
