/**
 * What the pipeline keeps on every file (`file.data`), typed once for all stages.
 */
import type {MappedText} from '../text/mapped-text.js'
import type {MetaSpan, Removal} from '../tree/types.js'

export interface SourceInfo {
  /** The decoded input; every tree position indexes it. */
  text: string
  /** The reader (`read/registry.ts`) that takes this input: `text`, `html` (text when not set). */
  reader?: string
  encoding: string
  bomLength: number
  sha256: string
  byteLength: number
  /** Byte offset of the UTF-16 code unit at `index` of `text`. */
  byteOffset(index: number): number
}

declare module 'vfile' {
  interface DataMap {
    /** Written by `read`. */
    source: SourceInfo
    /** Written by `clean`: the text the segmenter reads, mapped to `source.text`. */
    cleaned: MappedText
    /** Written by `clean`: every span removed, with its rule. */
    removed: Removal[]
    /** Written by `clean`: spans kept as metadata (page stamps). */
    stamps: MetaSpan[]
    /** Written by `clean`: the language the input declares (`<html lang>`), null when it declares none. */
    declaredLanguage: string | null
  }
}
