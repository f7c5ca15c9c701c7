/** `1 fragment`, `2 fragments`: a count and its noun, agreeing in number. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
