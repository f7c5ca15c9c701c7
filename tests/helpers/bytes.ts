import assert from 'node:assert/strict'
import {must} from './must.js'

/** UTF-8 bytes of text. */
export const utf8 = (text: string) => new TextEncoder().encode(text)

/** GB18030 (two-byte, GBK range) encoding of text, from the decoder's own table. */
let gbTable: Map<string, [number, number]> | undefined
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map()
    const decoder = new TextDecoder('gb18030', {fatal: true})
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]))
          if (!gbTable.has(char)) gbTable.set(char, [lead, trail])
        } catch {
          // not a character
        }
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = must(char.codePointAt(0))
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const pair = gbTable.get(char)
    assert.ok(pair, `no two-byte GB18030 code for ${char}`)
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}
