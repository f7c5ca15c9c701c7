// nodejieba exports the paths of its dictionaries, but its typings omit them.
import 'nodejieba'

declare module 'nodejieba' {
  export const DEFAULT_DICT: string
}
