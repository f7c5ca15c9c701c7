// The archive stage: processed gazettes as the archive the site renders.
export {buildArchive} from './build-archive.js'
export {gazetteId} from './ids.js'
