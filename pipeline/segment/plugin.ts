/**
 * Stage `segment`. Reads: `file.data.cleaned`, `file.data.removed`,
 * `file.data.stamps`. Writes: the root's documents (preface, preamble, body,
 * conclusions) with positions into the decoded input, and each document's meta
 * as far as the document itself tells it. Repeated titles and front matter are
 * added to `file.data.removed`.
 */
import path from 'node:path'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Document, Removal, Root} from '../tree/types.js'
import {splitBlocks, type Block} from './blocks.js'
import {planDocuments} from './documents.js'
import {Locator, NodeFactory} from '../tree/nodes.js'
import {structure} from './structure.js'
import {docTypeOf, languageOf, partiesOf, signingOf, stampDate, within} from './meta.js'
import '../read/source.js'

const segment: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile): void => {
    const {source, cleaned} = file.data
    const removed = file.data.removed ?? []
    const stamps = file.data.stamps ?? []
    if (!source || !cleaned) throw new Error('`segment` needs `read` and `clean` to run first')
    const factory = new NodeFactory(cleaned, new Locator(source.text))
    const plan = planDocuments(splitBlocks(cleaned.text))

    const record = (blocks: Block[], rule: string): void => {
      for (const block of blocks) {
        for (const [from, to] of cleaned.sourceRanges(block.start, block.end)) {
          removed.push({rule, text: source.text.slice(from, to), start: from, end: to} satisfies Removal)
        }
      }
    }
    record(plan.repeated, 'repeated-title')
    if (plan.front.length > 0) {
      record(plan.front, 'front-matter')
      file.info(`Removed ${plan.front.length} block(s) of page front matter before the first title`, {ruleId: 'front-matter', source: 'diptext'})
    }
    removed.sort((a, b) => a.start - b.start)
    if (plan.documents.length === 0) {
      file.message('No text found: the input is empty or only layout and debris', {ruleId: 'empty-input', source: 'diptext'})
    }

    // Each document owns the source from its first block to the next document's first block.
    const starts = plan.documents.map((doc, index) => {
      if (index === 0) return 0
      const first = doc.title ?? doc.blocks[0]
      return first ? cleaned.sourceStart(first.start) : source.text.length
    })
    const name = path.basename(file.path ?? 'stdin')
    tree.children = plan.documents.map((docPlan, index): Document => {
      const start = starts[index]!
      const end = starts[index + 1] ?? source.text.length
      const {sections, signatories, signing, closing} = structure(docPlan, factory, file)
      const title = docPlan.title?.text ?? ''
      const text = source.text.slice(start, end)
      const docStamps = within(stamps, start, end)
      const signed = signingOf(signing, closing, cleaned)
      const {docType, label} = docTypeOf(docPlan.title?.text ?? null)
      return {
        type: 'document',
        meta: {
          id: '',
          docType,
          docTypeLabel: label,
          title,
          language: languageOf(text),
          dates: {
            signed: signed.date ?? stampDate(docStamps, 'signedDate'),
            published: stampDate(docStamps, 'publicationDate'),
            effective: stampDate(docStamps, 'effectiveDate'),
            work: null
          },
          place: signed.place,
          parties: partiesOf(docPlan.title?.text ?? null, text, signatories.map((s) => s.partyCode)),
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
    })
  }
}

export default segment
