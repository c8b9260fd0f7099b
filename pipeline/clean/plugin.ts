/**
 * Stage `clean`. Reads: `file.data.source.text`. Writes: `file.data.cleaned`
 * (the text without debris, mapped to the source), `file.data.removed` (every
 * removed span with its rule) and `file.data.stamps` (page stamps kept as
 * metadata). The input's reader (`read/registry.ts`) first turns the source
 * into plain text: for text, line breaks are unified (CRLF, CR → LF) and HTML
 * remnants go; for a web page, its markup and chrome. Then page numbers, then
 * what the page repeats (watermarks, running heads), then hard-wrapped lines are
 * rejoined (text only), then the rest of the debris table in its order, then
 * pinyin glosses and interleaved translations, then punctuation is normalised.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {debrisRules, type DebrisRule} from '../rules/debris.js'
import {applyRule, type CleanResult} from './apply-debris.js'
import {normalizeLayout} from './normalize.js'
import {removeNoise, removeRepeats} from './noise.js'
import {unwrapLines} from './unwrap.js'
import {getReader, type Markup} from '../read/registry.js'
import {textMarkup} from '../read/text.js'
import '../read/source.js'

export interface CleanOptions {
  /** Replace the debris table (default: `rules/debris.ts`). */
  rules?: readonly DebrisRule[]
}

/** The whole clean stage on a decoded text: removals and stamps come out sorted by source offset. */
export function cleanText(source: string, rules: readonly DebrisRule[] = debrisRules): CleanResult {
  return cleanMarkup(textMarkup(source), source, rules)
}

/** The clean stage on what a reader left: the debris table, hard wraps, noise, punctuation. */
export function cleanMarkup(markup: Markup, source: string, rules: readonly DebrisRule[] = debrisRules): CleanResult {
  const removed: CleanResult['removed'] = [...markup.removed]
  const stamps: CleanResult['stamps'] = [...markup.stamps]
  let text = markup.text
  for (const rule of rules) if (rule.phase === 'layout') text = applyRule(text, rule, source, {removed, stamps})
  text = removeRepeats(text, source, {removed, stamps})
  if (markup.wrapped) text = unwrapLines(text)
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
    const markup = getReader(source.reader ?? 'text').markup(source.text)
    if (markup.warning !== undefined) file.message(markup.warning, {ruleId: 'html-parse', source: 'diptext'})
    const {text, removed, stamps} = cleanMarkup(markup, source.text, rules)
    file.data.declaredLanguage = markup.language
    file.data.cleaned = text
    file.data.removed = removed
    file.data.stamps = stamps
  }
}

export default clean
