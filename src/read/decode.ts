import chardet from 'chardet'

/** Text decoded from the bytes of a gazette file, with what was done to it. */
export interface DecodedText {
  text: string
  /** The encoding the bytes were read as (WHATWG label). */
  encoding: string
  /** Problems found while decoding, with the 1-based line where they are. */
  problems: Array<{line: number; column: number; message: string}>
  /** Why the encoding chosen may be wrong, when there is reason to think so. */
  doubt?: string
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decode the bytes of a gazette file.
 *
 * A BOM decides; otherwise bytes that are UTF-8, or mostly UTF-8 (a stray
 * byte, a CESU-8 surrogate), are UTF-8, the bad sequences replaced with
 * U+FFFD and reported; anything else is asked of chardet. Chinese archives
 * that are not UTF-8 are nearly always GB2312/GBK/GB18030, and GB18030 is a
 * superset of the other two, so every Chinese guess (and a guess chardet is
 * unsure of) decodes as GB18030.
 */
export function decode(bytes: Uint8Array): DecodedText {
  const bom = sniffBom(bytes)
  if (bom) {
    const rest = bytes.subarray(bom.length)
    const text = new TextDecoder(bom.encoding).decode(rest)
    return normalise(text, bom.encoding, bom.encoding === 'utf-8' ? invalidUtf8(rest, text) : undefined)
  }
  try {
    return normalise(strictUtf8.decode(bytes), 'utf-8')
  } catch {
    // Not all UTF-8: mostly, or not at all.
  }
  if (isMostlyUtf8(scanUtf8(bytes))) {
    const text = new TextDecoder('utf-8').decode(bytes)
    return normalise(text, 'utf-8', invalidUtf8(bytes, text))
  }
  const encoding = guessEncoding(bytes)
  const decoded = normalise(new TextDecoder(encoding).decode(bytes), encoding)
  const doubt = encoding === 'gb18030' ? big5Doubt(bytes) : undefined
  return doubt ? {...decoded, doubt} : decoded
}

function sniffBom(bytes: Uint8Array): {encoding: string; length: number} | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', length: 3}
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', length: 2}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', length: 2}
  return undefined
}

interface Utf8Scan {
  /** Invalid sequences: each becomes one U+FFFD (WHATWG's maximal subparts). */
  invalid: number
  /** Valid sequences of two to four bytes. */
  multibyte: number
}

/**
 * At most one invalid sequence per ten valid multi-byte ones. GB18030 text
 * read as UTF-8 has three to four invalid sequences per valid one (nearly
 * every Han character fails; measured on the bundled samples, 3.6), and a
 * UTF-8 page with a few bad bytes has thousands of valid ones per bad one:
 * the two are far apart on either side of this line.
 */
function isMostlyUtf8({invalid, multibyte}: Utf8Scan): boolean {
  return invalid * 10 <= multibyte
}

/**
 * Walk the bytes as the WHATWG UTF-8 decoder does, so that each invalid
 * sequence found is one U+FFFD it writes: `onInvalid` gets its bytes' range,
 * `onLiteral` each U+FFFD the bytes hold as a valid character.
 */
function scanUtf8(
  bytes: Uint8Array,
  onInvalid?: (start: number, end: number) => void,
  onLiteral?: () => void
): Utf8Scan {
  const scan = {invalid: 0, multibyte: 0}
  let needed = 0
  let seen = 0
  let lower = 0x80
  let upper = 0xbf
  let start = 0
  const fail = (end: number) => {
    scan.invalid++
    onInvalid?.(start, end)
  }
  // Indexed, not for-of: over a typed array a for-of loop takes three times as long.
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    // Never undefined below the length: the check only narrows the type.
    if (byte === undefined) break
    if (needed === 0) {
      if (byte < 0x80) continue
      start = index
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1
      else if (byte >= 0xe0 && byte <= 0xef) {
        needed = 2
        if (byte === 0xe0) lower = 0xa0
        if (byte === 0xed) upper = 0x9f
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        needed = 3
        if (byte === 0xf0) lower = 0x90
        if (byte === 0xf4) upper = 0x8f
      } else fail(index + 1)
      continue
    }
    if (byte < lower || byte > upper) {
      fail(index)
      needed = seen = 0
      lower = 0x80
      upper = 0xbf
      // The byte that broke the sequence starts afresh.
      index--
      continue
    }
    lower = 0x80
    upper = 0xbf
    if (++seen < needed) continue
    scan.multibyte++
    if (needed === 2 && bytes[start] === 0xef && bytes[start + 1] === 0xbf && byte === 0xbd) onLiteral?.()
    needed = seen = 0
  }
  if (needed !== 0) fail(bytes.length)
  return scan
}

/**
 * For each U+FFFD of `text` (the lenient decoding of `bytes`), in order: the
 * bytes it replaced, in hex, or null for a U+FFFD the file itself held.
 */
function invalidUtf8(bytes: Uint8Array, text: string): Array<string | null> | undefined {
  if (!text.includes('\uFFFD')) return undefined
  const replaced: Array<string | null> = []
  const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0')
  scanUtf8(
    bytes,
    (start, end) => replaced.push(Array.from(bytes.subarray(start, end), hex).join(' ')),
    () => replaced.push(null)
  )
  return replaced
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

/**
 * Why bytes read as GB18030 may be Big5: GB18030 reads any Big5 byte pair,
 * wrongly. In GB2312-era mainland text nearly every two-byte character has
 * a trail byte from 0xA1 (none in the bundled samples), while about 40% of
 * Big5 characters have one in 0x40–0x7E. From 10% of at least 10 pairs, the
 * file is reported as doubtful.
 */
function big5Doubt(bytes: Uint8Array): string | undefined {
  let pairs = 0
  let low = 0
  for (let index = 0; index < bytes.length - 1; index++) {
    const lead = bytes[index]
    const trail = bytes[index + 1]
    // Never undefined below the length: the check only narrows the type.
    if (lead === undefined || trail === undefined) break
    if (lead < 0x81 || lead > 0xfe) continue
    // A digit after the lead starts a four-byte GB18030 sequence.
    if (trail >= 0x30 && trail <= 0x39) {
      index += 3
      continue
    }
    pairs++
    if (trail >= 0x40 && trail <= 0x7e) low++
    index++
  }
  if (pairs < 10 || low * 10 < pairs) return undefined
  const share = Math.round((100 * low) / pairs)
  return (
    `read as gb18030, but ${share}% of its two-byte characters have a trail byte in 0x40–0x7E, ` +
    'as Big5 (traditional) text has and mainland GB text has not: it may be Big5, and its text garbled'
  )
}

// Controls other than tab and line feed never belong in gazette text, nor do
// C1 controls (HTML forbids them): they are dropped. XML forbids these, and
// noncharacters and unpaired surrogates spoil feeds and sitemaps too: they
// become U+FFFD, as a decoder makes of what it cannot read. With the `u`
// flag, a surrogate in a class matches only an unpaired one.
const controlClass = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'
const astralNonCharacters = Array.from({length: 16}, (_, index) => (index + 1).toString(16)).map(
  (plane) => `\\u{${plane}FFFE}\\u{${plane}FFFF}`
)
const nonCharacterClass = `[\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\uD800-\\uDFFF${astralNonCharacters.join('')}]`
const controls = new RegExp(controlClass, 'gu')
const nonCharacters = new RegExp(nonCharacterClass, 'gu')
const isControl = new RegExp(`^${controlClass}$`, 'u')
const flagged = new RegExp(`\\uFFFD+|${controlClass}|${nonCharacterClass}`, 'gu')
const anyFlagged = new RegExp(flagged.source, 'u')

/**
 * Line ends become LF, full-width and no-break spaces become spaces, stray
 * control characters are dropped and characters XML forbids replaced, each
 * reported where it stood. U+FFFD stays in the text, so that nothing is
 * lost in silence; each run of it is reported once. `replaced` names the
 * bytes behind each U+FFFD of UTF-8 text (null: the file held a U+FFFD).
 */
function normalise(raw: string, encoding: string, replaced?: Array<string | null>): DecodedText {
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u3000\u00A0\u2002-\u200A\u202F]/g, ' ')
  const problems: DecodedText['problems'] = []
  if (!anyFlagged.test(text)) return {text, encoding, problems}
  const labels = replaced?.values()
  for (const [index, line] of text.split('\n').entries()) {
    for (const match of line.matchAll(flagged)) {
      const [found] = match
      const message = found.startsWith('\uFFFD') ? replacement(found.length, encoding, labels) : unwanted(found)
      problems.push({line: index + 1, column: match.index + 1, message})
    }
  }
  return {text: text.replace(controls, '').replace(nonCharacters, '\uFFFD'), encoding, problems}
}

/** What a run of `count` U+FFFD stands for. */
function replacement(
  count: number,
  encoding: string,
  labels: Iterator<string | null, undefined, undefined> | undefined
): string {
  if (!labels) return `undecodable bytes (read as ${encoding}) replaced with U+FFFD`
  const bytes = Array.from({length: count}, () => labels.next().value ?? null).filter((each) => each !== null)
  if (bytes.length === 0) return 'U+FFFD in the file: a character lost before it was written'
  return `invalid UTF-8 bytes ${bytes.join(' ')} replaced with U+FFFD`
}

function unwanted(char: string): string {
  // `char` is one character the pattern found: it has a code point.
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  if (isControl.test(char)) return `control character ${code} removed`
  return `${code} (not a character XML allows) replaced with U+FFFD`
}
