// Eleventy 3 ships no type declarations; these describe the part used here.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string
    pathPrefix?: string
    quietMode?: boolean
    config?: (eleventyConfig: never) => void
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions)
    write(): Promise<unknown>
  }
  export const HtmlBasePlugin: unknown
}
