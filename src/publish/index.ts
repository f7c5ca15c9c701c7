// Publishing: the output checked, locked, and swapped whole.
export {whyNotMergeOutput, whyNotOutput} from './guard.js'
export {LockedError} from './lock.js'
export {Output} from './releases.js'
