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
  if (utf16) return undefined
  const nul = bytes.subarray(0, 65536).indexOf(0)
  if (nul !== -1) return `binary file, not text (NUL byte at offset ${nul})`
  return undefined
}

/** Text that holds nothing but white space after decoding. */
export function isBlank(text: string): boolean {
  return text.trim() === ''
}
