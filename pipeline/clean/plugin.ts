/**
 * Stage `clean`. Reads: `file.data.source.text`. Writes: `file.data.cleaned`
 * (the text without debris, mapped to the source), `file.data.removed` (every
 * removed span with its rule) and `file.data.stamps` (page stamps kept as
 * metadata). Line breaks are unified first (CRLF, CR → LF), then HTML remnants
 * go, then page numbers, watermarks and running heads (what the page repeats),
 * then hard-wrapped lines are rejoined, then the rest of the debris table in its
 * order, then pinyin glosses and interleaved translations, then punctuation is
 * normalised.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {MappedText} from '../text/mapped-text.js'
import {debrisRules, type DebrisRule} from '../rules/debris.js'
import {applyRule, type CleanResult} from './apply-debris.js'
import {stripHtml} from './html.js'
import {normalizeLayout, normalizeLineBreaks} from './normalize.js'
import {removeNoise, removeRepeats} from './noise.js'
import {unwrapLines} from './unwrap.js'
import '../read/source.js'

export interface CleanOptions {
  /** Replace the debris table (default: `rules/debris.ts`). */
  rules?: readonly DebrisRule[]
}

/** The whole clean stage on a decoded text: removals and stamps come out sorted by source offset. */
export function cleanText(source: string, rules: readonly DebrisRule[] = debrisRules): CleanResult {
  const removed: CleanResult['removed'] = []
  const stamps: CleanResult['stamps'] = []
  let text = MappedText.identity(source)
  text = normalizeLineBreaks(text)
  text = stripHtml(text, source, removed)
  for (const rule of rules) if (rule.phase === 'layout') text = applyRule(text, rule, source, {removed, stamps})
  text = removeRepeats(text, source, {removed, stamps})
  text = unwrapLines(text)
  for (const rule of rules) if (rule.phase !== 'layout') text = applyRule(text, rule, source, {removed, stamps})
  text = removeNoise(text, source, {removed, stamps})
  text = normalizeLayout(text)
  removed.sort((a, b) => a.start - b.start)
  stamps.sort((a, b) => a.start - b.start)
  return {text, removed, stamps}
}

const clean: Plugin<[CleanOptions?], Root> = function (options = {}) {
  const rules = options.rules ?? debrisRules
  return (_tree: Root, file: VFile): void => {
    const source = file.data.source
    if (!source) throw new Error('`clean` needs `read` to run first')
    const {text, removed, stamps} = cleanText(source.text, rules)
    file.data.cleaned = text
    file.data.removed = removed
    file.data.stamps = stamps
  }
}

export default clean
