import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {samplesDir} from '../helpers/samples.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'

/** The page at `url` once it holds `wanted`, or the last one seen after `seconds`. */
async function pageWith(url: string, wanted: string, seconds = 30): Promise<string> {
  let last = ''
  for (let tries = 0; tries < seconds * 4; tries++) {
    last = await fetch(url).then(
      (response) => response.text(),
      () => ''
    )
    if (last.includes(wanted)) return last
    await sleep(250)
  }
  return last
}

test(
  'serve: serves the site under its base path and rebuilds when the configuration changes',
  {timeout: 90_000},
  async (t) => {
    // Ended before its folder is removed (hooks run in the order they are added).
    const servers: ChildProcess[] = []
    t.after(async () => {
      for (const server of servers) {
        server.kill('SIGTERM')
        await new Promise((resolve) => server.once('exit', resolve))
      }
    })
    const dir = tempDir(t, 'serve')
    mkdirSync(join(dir, 'gazettes'))
    copyFileSync(join(samplesDir, '000_da22e97339b67c99.txt'), join(dir, 'gazettes', 'a.txt'))
    const config = (title: string) =>
      writeFileSync(join(dir, 'gazette.config.yaml'), `title: ${title}\ncontent: gazettes\nbasePath: /archive/\n`)
    config('第一个标题')
    const port = 20_000 + (process.pid % 20_000)
    servers.push(spawn(process.execPath, [cli, 'serve', '--port', String(port)], {cwd: dir, stdio: 'ignore'}))
    const home = `http://localhost:${port}/archive/`
    assert.match(await pageWith(home, '第一个标题'), /<title>第一个标题<\/title>/u)
    config('第二个标题')
    assert.match(await pageWith(home, '第二个标题'), /<title>第二个标题<\/title>/u)
  }
)
