import {existsSync} from 'node:fs'
import {chromium, type Browser} from 'playwright-core'

/** Where a system Chromium is found on the common Linux distributions, in order. */
const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

const quiet = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

/**
 * A Chromium for the browser tests: `CHROMIUM_PATH` when set; else the
 * system's (Debian's package: `.ci/run` installs it, with CJK fonts for
 * readable screenshots); else the one `npm ci` brings, @sparticuz/chromium
 * (a Chromium with its libraries for x64 and arm64 Linux, unpacked into the
 * temp folder), so that `npm test` runs on a machine with no browser.
 */
export async function launchChromium(): Promise<Browser> {
  const given = process.env.CHROMIUM_PATH
  if (given) return chromium.launch({executablePath: given, args: quiet})
  const system = systemPaths.find((path) => existsSync(path))
  if (system) return chromium.launch({executablePath: system, args: quiet})
  const {default: bundled} = await import('@sparticuz/chromium')
  // Its defaults suit one page in a Lambda function: one process closes with the tests' first page.
  const args = bundled.args.filter((arg) => !/^--(?:single-process|no-zygote|headless)/u.test(arg))
  return chromium.launch({executablePath: await bundled.executablePath(), args: [...args, ...quiet]})
}
