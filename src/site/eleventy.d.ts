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

// Eleventy's development server ships no type declarations either.
declare module '@11ty/eleventy-dev-server' {
  interface ServerOptions {
    pathPrefix?: string
    port?: number
    portReassignmentRetryCount?: number
  }
  interface DevServer {
    serve(port: number): void
    reload(): void
    close(): Promise<void>
  }
  const EleventyDevServer: {getServer(name: string, dir: string, options?: ServerOptions): DevServer}
  export default EleventyDevServer
}
