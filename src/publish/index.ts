// Publishing: the output checked, locked, and swapped whole.
export {whyNotOutput} from './guard.js'
export {LockedError} from './lock.js'
export {Output} from './releases.js'
