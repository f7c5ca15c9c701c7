import {createServer} from 'node:http'
import {readFile, stat} from 'node:fs/promises'
import {extname, join, resolve, sep} from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm'
}

/** A static server of `root` under `prefix` on 127.0.0.1, as a host would serve the built site. */
export function serve(root: string, prefix = '/'): Promise<{url: string; close: () => Promise<void>}> {
  const base = resolve(root)
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    let file = resolve(base, `.${sep}${path.slice(prefix.length)}`)
    if (!path.startsWith(prefix) || (file !== base && !file.startsWith(base + sep))) {
      response.writeHead(404).end('not found')
      return
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const body = await readFile(file)
      response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'}).end(body)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error(`a TCP address, not ${address}`)
      const {port} = address
      resolveServer({
        url: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((done) => server.close(() => done()))
      })
    })
  })
}
