/**
 * Stage `segment`. Reads: `file.data.cleaned`, `file.data.removed`,
 * `file.data.stamps`. Writes: the root's documents (preface, preamble, body,
 * conclusions) with positions into the decoded input, and each document's meta
 * as far as the document itself tells it. Page matter the page model removes
 * (front and back matter, repeated titles, leads, header chrome) is added to
 * `file.data.removed` with its rule; dates glued to titles to `file.data.stamps`.
 *
 * Passes, each in its own module: layout (`blocks.ts`), features
 * (`features.ts`), decoding (`decode.ts`), assembly (`documents.ts`), the
 * inside of each document (`structure.ts`) and what it says about itself
 * (`meta.ts`). `DIPTEXT_DUMP=states` prints every block with its features and
 * decoded state (layout, labels, decoding), `DIPTEXT_DUMP=plan` the documents.
 */
import path from 'node:path'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Document, MetaSpan, Removal, Root} from '../tree/types.js'
import {splitBlocks, type Block} from './blocks.js'
import {planDocuments} from './documents.js'
import {Locator, NodeFactory} from '../tree/nodes.js'
import {structure} from './structure.js'
import {docTypeOf, languageOf, leadFacts, partiesOf, signingOf, stampDate, within} from './meta.js'
import {parseDate} from '../recognize/dates.js'
import '../read/source.js'

const segment: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile): void => {
    const {source, cleaned} = file.data
    const removed = file.data.removed ?? []
    const stamps = file.data.stamps ?? []
    if (!source || !cleaned) throw new Error('`segment` needs `read` and `clean` to run first')
    const factory = new NodeFactory(cleaned, new Locator(source.text))
    const plan = planDocuments(splitBlocks(cleaned.text))

    const sourceOf = (block: Block): Array<[number, number]> => cleaned.sourceRanges(block.start, block.end)
    for (const {block, rule} of plan.removals) {
      for (const [from, to] of sourceOf(block)) removed.push({rule, text: source.text.slice(from, to), start: from, end: to} satisfies Removal)
    }
    // Nothing vanishes silently: every long removal of prose-like text, whichever stage or rule made it, is a warning.
    for (const removal of removed) {
      if (!proseLike(removal.text)) continue
      file.message(`Removed ${removal.text.length} characters of prose-like text (rule \`${removal.rule}\`): ${removal.text.slice(0, 20)}…`, {
        ruleId: 'removed-prose',
        source: 'diptext',
        place: factory.locator.position(removal.start, removal.end)
      })
    }
    for (const block of plan.stamps) {
      const [from, to] = cleaned.sourceSpan(block.start, block.end)
      stamps.push({kind: 'publicationDate', text: source.text.slice(from, to), value: parseDate(block.text)?.iso ?? null, start: from, end: to} satisfies MetaSpan)
    }
    removed.sort((a, b) => a.start - b.start)
    stamps.sort((a, b) => a.start - b.start)
    file.data.removed = removed
    file.data.stamps = stamps
    if (plan.documents.length === 0) {
      file.message('No text found: the input is empty or only layout and debris', {ruleId: 'empty-input', source: 'diptext'})
    }
    if (process.env['DIPTEXT_DUMP'] === 'plan') console.error(JSON.stringify(plan, null, 1))

    // Each document owns the source from its first block to the next document's first block.
    const firstOf = (doc: (typeof plan.documents)[number]): Block | undefined => doc.titleParts[0] ?? doc.header[0] ?? doc.blocks[0]
    const starts = plan.documents.map((doc, index) => {
      if (index === 0) return 0
      const first = firstOf(doc)
      return first ? cleaned.sourceStart(first.start) : source.text.length
    })
    const pageStampYear = stamps.find((s) => s.kind === 'publicationDate' && s.value)?.value?.slice(0, 4)
    const cutInsideMatter = pageCutInsideRemoval(source.text, removed)
    const name = path.basename(file.path ?? 'stdin')
    tree.children = plan.documents.map((docPlan, index): Document => {
      const start = starts[index]!
      const end = starts[index + 1] ?? source.text.length
      const {sections, signatories, signings, closing, truncated} = structure(docPlan, factory, file)
      const text = source.text.slice(start, end)
      // Stamps apply to every document of the page: the nearest before or inside the document.
      const docStamps = within(stamps, start, end)
      const pageStamps = docStamps.length > 0 ? docStamps : stamps.filter((s) => s.start < start).slice(-1)
      const evidence = (blocks: readonly Block[]) => blocks.map((b) => ({text: b.text, start: b.start}))
      const signed = signingOf(signings, closing, evidence(docPlan.header), evidence(docPlan.blocks), cleaned)
      const lead = leadFacts(evidence(docPlan.leads), pageStampYear ? Number(pageStampYear) : null, text, cleaned)
      const title = docPlan.title ?? lead.title ?? ''
      const {docType, label} = docTypeOf(title || null)
      const published = stampDate(pageStamps, 'publicationDate') ?? (lead.published ? {...lead.published, source: 'stamp' as const} : null)
      const document: Document = {
        type: 'document',
        meta: {
          id: '',
          docType,
          docTypeLabel: label,
          title,
          language: languageOf(contentText(docPlan, text), file.data.declaredLanguage ?? null),
          dates: {
            signed: signed.date ?? (lead.signed ? {...lead.signed, source: 'text'} : null) ?? stampDate(pageStamps, 'signedDate'),
            published,
            effective: stampDate(pageStamps, 'effectiveDate'),
            work: null
          },
          place: signed.place ?? lead.place ?? pageStamps.find((s) => s.kind === 'signedPlace')?.text.trim() ?? null,
          parties: partiesOf(title || null, text, signatories.map((s) => s.partyCode)),
          slug: '',
          stamps: docStamps,
          removed: within(removed, start, end),
          source: {
            file: name,
            sha256: source.sha256,
            encoding: source.encoding,
            start,
            end,
            byteStart: source.byteOffset(start),
            byteEnd: source.byteOffset(end)
          }
        },
        children: sections,
        position: factory.locator.position(start, end)
      }
      if (truncated || lead.excerpt || (cutInsideMatter && index === plan.documents.length - 1)) {
        document.meta.truncated = true
        file.message('The document stops mid-sentence: the page was cut', {ruleId: 'truncated', source: 'diptext', place: document.position})
      }
      return document
    })
  }
}

/** At least PROSE_WARNING characters that read as sentences. */
const PROSE_WARNING = 200
function proseLike(text: string): boolean {
  if (text.length < PROSE_WARNING) return false
  const letters = (text.match(/[\u3400-\u9fffA-Za-z]/g) ?? []).length
  return letters >= PROSE_WARNING / 2 && /[。，；！？]|[.;!?] /.test(text)
}

/**
 * Was the page cut inside something removed, an interleaved translation or a
 * quotation left open (`(Japan and China are neighbouring countries, separated only by`)?
 * Then the document it belonged to was cut too.
 */
function pageCutInsideRemoval(text: string, removed: readonly Removal[]): boolean {
  const end = text.trimEnd().length
  const last = removed.find((r) => r.end >= end)
  return last !== undefined && /^[ \t]*[（(\[【][^）)\]】]*$/u.test(last.text)
}

/** The document's own text (no page matter), for its language. */
function contentText(plan: {titleParts: Block[]; blocks: Block[]}, fallback: string): string {
  const text = [...plan.titleParts, ...plan.blocks].map((b) => b.text).join('\n')
  return text.length > 0 ? text : fallback
}

export default segment
