import type {Division, PlaceTag} from '../model/types.js'

const levelOrder: Record<Division['level'], number> = {province: 0, city: 1, district: 2, town: 3}

/** The most specific place the headline names, else the most specific most mentioned. */
export function primaryPlace(places: readonly PlaceTag[]): string | null {
  const ranked = [...places].sort(
    (a, b) =>
      Number(b.prominent) - Number(a.prominent) ||
      levelOrder[b.level] - levelOrder[a.level] ||
      b.mentions - a.mentions ||
      a.code.localeCompare(b.code)
  )
  return ranked[0]?.code ?? null
}
