import assert from 'node:assert/strict'
import {test} from 'node:test'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import {z} from 'zod'
import {toCsv, toPublicArchive} from '../../src/archive/export.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {processSample, sampleFiles} from '../helpers/samples.js'
import {root} from '../helpers/paths.js'
import {names} from '../helpers/stages.js'

const gazettes = sampleFiles.map(processSample)

test('export: the public format validates against the JSON Schema', () => {
  const text = readFileSync(join(root, 'schema', 'gazette-archive.schema.json'), 'utf8')
  const schema = z.looseObject({$schema: z.string()}).parse(JSON.parse(text))
  const validate = new Ajv2020.default({allErrors: true}).compile(schema)
  const valid = validate(toPublicArchive(gazettes))
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)))
})

test('export: CSV quotes every cell and defuses formulas', () => {
  const gazette = processGazette(
    readGazette('x.txt', new TextEncoder().encode('=HYPERLINK("x")\n\n正文，"引号"。\n')),
    names()
  )
  const csv = toCsv([gazette])
  assert.match(csv, /"'=HYPERLINK\(""x""\)"/)
  assert.match(csv, /"正文，""引号""。"/)
})
