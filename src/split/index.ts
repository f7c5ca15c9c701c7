// The split stage: a gazette's text as items, nothing lost.
export {split, type SplitOptions, type SplitResult} from './split.js'
