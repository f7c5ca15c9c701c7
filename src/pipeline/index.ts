// The pipeline: a content folder read, split, tagged (in processes, cached) and built into an archive.
export {buildArchiveFromFolder} from './build.js'
export {Pool} from './pool.js'
