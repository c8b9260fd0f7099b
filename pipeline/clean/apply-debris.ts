/**
 * Runs the debris table over a mapped text. Reads: a `MappedText`. Writes: the
 * text without debris, plus the removals and stamps, in source offsets.
 */
import type {DebrisRule} from '../rules/debris.js'
import type {MetaSpan, Removal} from '../tree/types.js'
import type {MappedText} from '../text/mapped-text.js'
import {parseDate} from '../recognize/dates.js'
import {UnitSet} from '../text/unit-set.js'

export interface CleanResult {
  text: MappedText
  removed: Removal[]
  stamps: MetaSpan[]
}

const MARKS = {page: '\f', line: '\n'} as const

/** Each rule's pattern made global once (`matchAll` needs the flag), not once per text. */
const globalPatterns = new WeakMap<DebrisRule, RegExp>()

function globalPattern(rule: DebrisRule): RegExp {
  let pattern = globalPatterns.get(rule)
  if (!pattern) {
    pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g')
    globalPatterns.set(rule, pattern)
  }
  return pattern
}

/** The units of the last text asked about: most rules leave the text as it is, so the next rule asks about the same one. */
let lastUnits: UnitSet | null = null

/** Can the rule match in `text`? Not when the text holds none of the strings its matches need. */
function mayMatch(rule: DebrisRule, text: string): boolean {
  if (rule.needs === undefined) return true
  if (lastUnits?.text !== text) lastUnits = new UnitSet(text)
  const units = lastUnits
  return rule.needs.some((word) => units.includes(word))
}

export function applyRule(input: MappedText, rule: DebrisRule, source: string, result: Omit<CleanResult, 'text'>): MappedText {
  if (!mayMatch(rule, input.text)) return input
  let builder: ReturnType<MappedText['edit']> | undefined
  // `matchAll` clones the pattern, so the shared one keeps no state between texts.
  for (const match of input.text.matchAll(globalPattern(rule))) {
    const start = match.index
    const end = start + match[0].length
    if (end === start) continue
    builder ??= input.edit()
    builder.keep(builder.cursor, start)
    for (const [from, to] of input.sourceRanges(start, end)) {
      const text = source.slice(from, to)
      if (rule.action === 'stamp') {
        const printed = match.slice(1).find((group) => group !== undefined) ?? match[0]
        result.stamps.push({kind: rule.stamp ?? 'publicationDate', text, value: parseDate(printed)?.iso ?? null, start: from, end: to})
      } else {
        result.removed.push({rule: rule.id, text, start: from, end: to})
      }
    }
    builder.replace(start, end, '')
    if (rule.mark) builder.insert(end, MARKS[rule.mark])
  }
  if (!builder) return input
  const output = builder.finish()
  // The rule only removed text (and left its mark): the next rule's gate starts from these units.
  if (lastUnits?.text === input.text) lastUnits = lastUnits.derive(output.text, rule.mark ? MARKS[rule.mark] : '')
  return output
}
