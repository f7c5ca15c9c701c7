/** `gazettes` → `/gazettes/`. */
export function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/gu, '')
  return trimmed ? `/${trimmed}/` : '/'
}
