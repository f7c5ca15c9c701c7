// The read stage: the content folder's files as text and metadata.
export {readChanged, readFolder, type FolderOptions, type KnownFiles} from './read-folder.js'
export type {MetadataInput} from './metadata-schema.js'
