/** Whether `value` (read from JSON or a library's untyped result) is an array: its members `unknown`, not `any`. */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value)
}
