import assert from 'node:assert/strict'
import {mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {whyNotOutput} from '../../src/publish/guard.js'
import {publish} from '../helpers/publish.js'
import {tempDir} from '../helpers/temp-dir.js'
import {writeFiles} from '../helpers/files.js'

test(
  'guard: the output may not be the content folder, hold it, lie in it, be a file, or a folder of ' +
    'other files without --force',
  async (t) => {
    const work = tempDir(t, 'publish-guard')
    const input = join(work, 'project', 'gazettes')
    mkdirSync(input, {recursive: true})
    const refuse = (output: string, pattern: RegExp, force = false, cache: string | false = false) =>
      assert.match(whyNotOutput({input, output, cache, force}) ?? 'accepted', pattern)
    refuse(input, /is the content folder/u, true)
    refuse(join(input, '..'), /holds the content folder/u, true)
    refuse('/', /holds the content folder/u, true)
    refuse(join(input, 'site'), /inside the content folder/u, true)
    symlinkSync(input, join(work, 'link'))
    refuse(join(work, 'link'), /is the content folder/u, true)
    writeFileSync(join(work, 'notes.txt'), 'mine')
    refuse(join(work, 'notes.txt'), /is a file/u, true)
    writeFiles(join(work, 'mine'), {'thesis.docx': 'x'})
    refuse(join(work, 'mine'), /files no build wrote.*--force/u)
    assert.equal(whyNotOutput({input, output: join(work, 'mine'), force: true}), undefined)
    mkdirSync(join(work, 'empty'))
    assert.equal(whyNotOutput({input, output: join(work, 'empty')}), undefined)
    assert.equal(whyNotOutput({input, output: join(work, 'new', 'site')}), undefined)
    refuse(join(work, 'site'), /cache .* overlap/u, false, join(work, 'site', 'cache'))
    refuse(join(work, 'site'), /cache .* overlap/u, false, join(input, '.cache'))
    // A site a build wrote may be replaced.
    const site = join(work, 'site')
    await publish(site, {'index.html': 'home'})
    assert.equal(whyNotOutput({input, output: site}), undefined)
    // A link of the user's: not replaced without --force, and then only the link.
    symlinkSync(join(work, 'mine'), join(work, 'served'))
    refuse(join(work, 'served'), /is a link to .*mine/u)
    await publish(join(work, 'served'), {'index.html': 'home'})
    assert.deepEqual(readdirSync(join(work, 'mine')), ['thesis.docx'])
  }
)
