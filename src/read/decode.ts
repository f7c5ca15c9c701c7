import chardet from 'chardet'

/** Text decoded from the bytes of a gazette file, with what was done to it. */
export interface DecodedText {
  text: string
  /** The encoding the bytes were read as (WHATWG label). */
  encoding: string
  /** Problems found while decoding, with the 1-based line where they are. */
  problems: Array<{line: number; column: number; message: string}>
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decode the bytes of a gazette file.
 *
 * A BOM decides; otherwise valid UTF-8 is UTF-8, and anything else is asked
 * of chardet. Chinese archives that are not UTF-8 are nearly always
 * GB2312/GBK/GB18030, and GB18030 is a superset of the other two, so every
 * Chinese guess (and a guess chardet is unsure of) decodes as GB18030.
 */
export function decode(bytes: Uint8Array): DecodedText {
  const bom = sniffBom(bytes)
  let text: string
  let encoding: string
  if (bom) {
    encoding = bom.encoding
    text = new TextDecoder(encoding).decode(bytes.subarray(bom.length))
  } else {
    try {
      text = utf8.decode(bytes)
      encoding = 'utf-8'
    } catch {
      encoding = guessEncoding(bytes)
      text = new TextDecoder(encoding).decode(bytes)
    }
  }
  return normalise(text, encoding)
}

function sniffBom(bytes: Uint8Array): {encoding: string; length: number} | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', length: 3}
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', length: 2}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', length: 2}
  return undefined
}

/**
 * chardet often calls short GB text Big5. The archive is of mainland papers,
 * so GB18030 wins unless its strict decoder rejects the bytes and chardet
 * is sure of Big5.
 */
function guessEncoding(bytes: Uint8Array): string {
  const guess = (chardet.detect(bytes) ?? '').toLowerCase()
  if (guess === 'utf-16le' || guess === 'utf-16be') return guess
  if (guess !== 'big5') return 'gb18030'
  try {
    new TextDecoder('gb18030', {fatal: true}).decode(bytes)
    return 'gb18030'
  } catch {
    return 'big5'
  }
}

// Controls other than tab and line feed never belong in gazette text; the
// replacement character marks bytes the decoder could not read.
const unwanted = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g

/**
 * Line ends become LF, full-width and no-break spaces become spaces, and
 * stray control characters are dropped (each reported where it stood).
 */
function normalise(raw: string, encoding: string): DecodedText {
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u3000\u00A0\u2002-\u200A\u202F]/g, ' ')
  const problems: DecodedText['problems'] = []
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(unwanted)) {
      problems.push({
        line: index + 1,
        column: (match.index ?? 0) + 1,
        message:
          match[0] === '\uFFFD'
            ? `undecodable bytes (read as ${encoding})`
            : `control character U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} removed`
      })
    }
  }
  return {text: problems.length > 0 ? text.replace(unwanted, '') : text, encoding, problems}
}
