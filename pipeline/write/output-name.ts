/**
 * The file name a document gets in every format's folder. Here, apart from the
 * batch writer, so that writers can link to each other's files (the HTML page to
 * the PDF) without importing the registry.
 */
import {createHash} from 'node:crypto'

/** NAME_MAX of common file systems (ext4, xfs, tmpfs, APFS, NTFS): stems are ASCII, so bytes = characters. */
const MAX_NAME = 255

/** The file name of `<stem><ext>`: safe characters only, within NAME_MAX (pages link each other by it). */
export function outputName(stem: string, extension: string): string {
  let safeStem = stem.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^\.+/, '') || 'document'
  const maxStem = MAX_NAME - extension.length
  if (safeStem.length > maxStem) {
    // Cut, and keep distinct stems distinct with a hash of the whole.
    safeStem = safeStem.slice(0, maxStem - 17) + '-' + createHash('sha256').update(stem).digest('hex').slice(0, 16)
  }
  return safeStem + extension
}

