// `Array.isArray` types what it finds `any[]`: this keeps a list from parsed YAML or an error `unknown[]`.
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value)
}
