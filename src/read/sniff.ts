import {required} from '../util/required.js'

/** Largest file read as one gazette page (a page of text is 5–50 KB). */
export const defaultMaxBytes = 5 * 1024 * 1024

/**
 * Why these bytes are not a gazette page, if they are not: nothing in them,
 * or a binary file (a scan, a PDF, a word-processor file given a .txt
 * name). Text in UTF-16 has NUL bytes too, but says so with a BOM.
 */
export function whyNotText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'empty file'
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16 || !looksBinary(bytes)) return undefined
  // A NUL is the plainest sign to name.
  const nul = bytes.indexOf(0)
  if (nul !== -1) return `binary file, not text (NUL byte at offset ${nul})`
  const first = bytes.findIndex(isControlByte)
  const byte = required(bytes[first], 'control byte (looksBinary counted some)')
  const hex = byte.toString(16).toUpperCase().padStart(2, '0')
  return `binary file, not text (control byte 0x${hex} at offset ${first})`
}

/**
 * One rule for the whole file: binary when at least 1 byte in 20 is a
 * control byte. Random or compressed data (a PNG, a PDF's streams, a .docx)
 * has one in 8.5 (30 of 256 values), often more, as NUL padding adds;
 * text, a few stray ones at most, which decoding removes and reports.
 */
function looksBinary(bytes: Uint8Array): boolean {
  let count = 0
  // Neither read is ever undefined (a byte is below 256, the table's length).
  // Indexed: over a typed array a for-of loop takes three times as long.
  for (let index = 0; index < bytes.length; index++) count += controlBytes[bytes[index] ?? 0] ?? 0
  return count * 20 >= bytes.length
}

/** A C0 control byte that text does not hold: not tab, LF, VT, FF, CR, nor ESC (terminal colours). */
function isControlByte(byte: number): boolean {
  return byte < 0x20 ? !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b : byte === 0x7f
}

// A table: counting every byte of every file is the one cost of the rule.
const controlBytes = Uint8Array.from({length: 256}, (_, byte) => (isControlByte(byte) ? 1 : 0))

/** Text that holds nothing but white space after decoding. */
export function isBlank(text: string): boolean {
  return text.trim() === ''
}
