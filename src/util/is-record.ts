// A mapping of parsed YAML or JSON (an object, not a list), its values `unknown` until each is checked.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
