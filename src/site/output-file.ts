/** The file a site URL is written to: `/items/x/` → `items/x/index.html`; `/places/1/feed.xml` stays a file. */
export function fileOf(url: string): string {
  const path = url.replace(/^\/+/u, '')
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}
