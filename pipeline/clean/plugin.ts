/**
 * Stage `clean`. Reads: `file.data.source.text`. Writes: `file.data.cleaned`
 * (the text without debris, mapped to the source), `file.data.removed` (every
 * removed span with its rule) and `file.data.stamps` (page stamps kept as
 * metadata). HTML remnants go first, then the debris table in its order.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {MappedText} from '../read/mapped-text.js'
import {debrisRules, type DebrisRule} from '../rules/debris.js'
import {applyRule} from './apply-debris.js'
import {stripHtml} from './html.js'
import {normalizeLayout} from './normalize.js'
import '../read/source.js'

export interface CleanOptions {
  /** Replace the debris table (default: `rules/debris.ts`). */
  rules?: readonly DebrisRule[]
}

const clean: Plugin<[CleanOptions?], Root> = function (options = {}) {
  const rules = options.rules ?? debrisRules
  return (_tree: Root, file: VFile): void => {
    const source = file.data.source
    if (!source) throw new Error('`clean` needs `read` to run first')
    const removed: NonNullable<VFile['data']['removed']> = []
    const stamps: NonNullable<VFile['data']['stamps']> = []
    let text = MappedText.identity(source.text)
    text = stripHtml(text, source.text, removed)
    for (const rule of rules) text = applyRule(text, rule, source.text, {removed, stamps})
    text = normalizeLayout(text)
    removed.sort((a, b) => a.start - b.start)
    stamps.sort((a, b) => a.start - b.start)
    file.data.cleaned = text
    file.data.removed = removed
    file.data.stamps = stamps
  }
}

export default clean
