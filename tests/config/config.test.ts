import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {readConfig, withConfig} from '../../src/config/config.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

test('config: keys read, paths against the file’s folder, each bad key reported at its line', (t) => {
  const dir = tempDir(t, 'config')
  const file = join(dir, 'gazette.config.yaml')
  writeFileSync(
    file,
    [
      'title: 某某日报档案',
      'content: pages',
      'language: 中文',
      'colour: red',
      'defaults: {paper: 某某日报, page: none}',
      'fileNames: "(?<year>\\\\d{4})("',
      ''
    ].join('\n')
  )
  const {config, problems} = readConfig(file)
  assert.equal(config.title, '某某日报档案')
  assert.equal(config.content, join(dir, 'pages'))
  assert.deepEqual(config.defaults, {paper: '某某日报'})
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.message.split(':')[0]]),
    [
      [3, 'language'],
      [
        4,
        'unknown key `colour` (expected one of title, description, language, url, basePath, content, ' +
          'output, about, logo, footer, defaults, fileNames, templates)'
      ],
      [5, 'defaults'],
      [6, 'fileNames']
    ]
  )
})

test('config: the command line wins over the file, the file over the defaults', (t) => {
  const dir = tempDir(t, 'config')
  writeFileSync(join(dir, 'gazette.config.yaml'), 'content: pages\noutput: public\nurl: https://example.org/a/\n')
  const options = {input: 'content/gazettes', output: '_site', basePath: '/', siteUrl: ''}
  const named = join(dir, 'gazette.config.yaml')
  const fromFile = withConfig(options, named, () => false).options
  assert.deepEqual(
    [fromFile.input, fromFile.output, fromFile.siteUrl],
    [join(dir, 'pages'), join(dir, 'public'), 'https://example.org/a/']
  )
  const fromCli = withConfig({...options, output: 'mine'}, named, (option) => option === 'output').options
  assert.equal(fromCli.output, 'mine')
  assert.equal(must(withConfig(options, join(dir, 'missing.yaml'), () => false).problems[0]).message, 'no such file')
})
