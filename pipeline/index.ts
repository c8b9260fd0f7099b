/**
 * diptext: scraped Chinese diplomatic texts → document tree → Akoma Ntoso,
 * Markdown, JSON and PDF/A. The public API (the package's only entry point)
 * re-exports the stages; the code lives in the stage folders.
 */
export {convert, createProcessor, type Converted, type ConvertOptions, type Input} from './batch/convert.js'
export {writeBatch, type WriteOptions, type WriteReport} from './batch/write.js'
export {writers, getWriter} from './write/registry.js'
export {createWriteContext, sourceDateEpochFrom, type ContextOptions} from './write/context.js'
export {version} from './version.js'
export type * from './tree/types.js'
export type {Writer, WriteContext} from './write/types.js'
