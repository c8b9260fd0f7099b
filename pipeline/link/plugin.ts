/**
 * Stage `link`, over the whole batch (all files at once). Reads: every
 * document's meta and citations. Writes: citation targets, work dates inferred
 * from other documents (a date the text does not print, taken from a citation
 * of the document elsewhere in the batch), Work URIs, output file stems, and the
 * canonical form of each person. An unresolved citation is an info message.
 */
import type {VFile} from 'vfile'
import {walk} from '../tree/walk.js'
import {toText} from '../tree/text.js'
import type {Citation, DateFact, DateMark, Document, EntityMark, Inline, Root} from '../tree/types.js'

export interface BatchItem {
  file: VFile
  tree: Root
}

/**
 * What may stand between a date and the citation it dates: a place (`在莫斯科`,
 * `于北京`), the act (`签署`, `通过`, `发表`), `的`, and a qualifier of the kind
 * `具有…意义的` (`具有历史意义的`, `具有重要意义的`). Group 1 is the place.
 */
const CITED_DATE_GAP = new RegExp(
  String.raw`^[\s\u3000]*(?:(?:在|于|於)([\u4e00-\u9fff]{2,8}?))?[\s\u3000]*(?:签署|签订|簽署|簽訂|签字|簽字|通过|通過|发表|發表|缔结|締結|订立|訂立)?的?(?:具有[^，。、《》\s]{1,8}(?:意义|意義)的)?$`,
  'u'
)

export function link(batch: readonly BatchItem[]): Document[] {
  const documents = batch.flatMap((item) => item.tree.children)
  const fileOf = new Map<Document, VFile>()
  for (const item of batch) for (const doc of item.tree.children) fileOf.set(doc, item.file)

  // 1. Which documents do citations name, and with what date?
  const byTitle = new Map<string, Document[]>()
  for (const doc of documents) {
    if (!doc.meta.title) continue
    const key = titleKey(doc.meta.title)
    byTitle.set(key, [...(byTitle.get(key) ?? []), doc])
  }
  const links: Array<{citation: Citation; from: Document; to: Document}> = []
  const citedDates = new Map<Document, Array<{fact: DateFact; from: Document; place: string | null}>>()
  for (const doc of documents) {
    visitInlines(doc, (children) => {
      children.forEach((node, index) => {
        if (node.type !== 'citation') return
        const target = byTitle.get(titleKey(node.title))?.find((d) => d !== doc)
        if (!target) {
          fileOf.get(doc)!.info(`Unresolved citation 《${node.title}》: no document of the batch has this title`, {
            ruleId: 'unresolved-citation',
            source: 'diptext',
            place: node.position
          })
          return
        }
        links.push({citation: node, from: doc, to: target})
        const dated = datedBefore(children, index)
        if (dated) {
          const {date, place} = dated
          const list = citedDates.get(target) ?? []
          list.push({fact: {value: date.iso, source: 'citation', text: toText(date), start: date.position.start.offset!, end: date.position.end.offset!}, from: doc, place})
          citedDates.set(target, list)
        }
      })
    })
  }

  // 2. The date of each work, by the order of notes/akn.md §0.
  for (const doc of documents) {
    const dates = doc.meta.dates
    const cited = citedDates.get(doc)?.[0]
    if (!dates.signed && cited) {
      dates.signed = cited.fact
      if (!doc.meta.place && cited.place) doc.meta.place = cited.place
    }
    dates.work = dates.signed ?? visitDate(doc) ?? (dates.published ? {...dates.published, source: 'publication'} : null)
    if (!dates.work) {
      fileOf.get(doc)!.message('No date found for the work: the text prints none, no document of the batch cites it, and the page has no stamp', {
        ruleId: 'no-work-date',
        source: 'diptext',
        place: doc.position
      })
    }
  }

  // 3. Identity: Work URIs unique in the batch, and file stems from them.
  const taken = new Map<string, number>()
  for (const doc of documents) {
    const number = doc.meta.parties.length > 0 ? doc.meta.parties.map((p) => p.code ?? 'xx').join('-') : 'nn'
    const date = doc.meta.dates.work?.value ?? 'undated'
    const base = `/akn/cn/statement/${doc.meta.docType}/${date}/${number}`
    const count = (taken.get(base) ?? 0) + 1
    taken.set(base, count)
    const suffix = count > 1 ? `-${count}` : ''
    doc.meta.id = base + suffix
    doc.meta.slug = `${date}_${number}${suffix}_${doc.meta.docType}`.replace(/[^A-Za-z0-9_-]/g, '-')
  }
  for (const {from, to} of [...citedDates.entries()].flatMap(([to, list]) => list.map((l) => ({to, from: l.from})))) {
    if (to.meta.dates.signed?.source === 'citation' && to.meta.dates.signed.from === undefined) to.meta.dates.signed.from = from.meta.id
  }
  for (const {citation, to} of links) citation.target = to.meta.id

  // 4. One canonical form per person across the batch: the fullest printed form.
  const canonical = new Map<string, string>()
  for (const doc of documents) {
    walk(doc, (node) => {
      if (node.type !== 'person') return
      const mark = node as EntityMark
      const best = canonical.get(mark.ref)
      if (!best || rank(mark.showAs) > rank(best)) canonical.set(mark.ref, mark.showAs)
    })
  }
  for (const doc of documents) {
    walk(doc, (node) => {
      if (node.type !== 'person') return
      const mark = node as EntityMark
      mark.showAs = canonical.get(mark.ref) ?? mark.showAs
    })
  }
  return documents
}

function rank(name: string): number {
  return name.length + (/[·•・]/.test(name) ? 100 : 0)
}

/** Titles compare without layout and brackets. */
function titleKey(title: string): string {
  return title.replace(/[\s\u3000《》]/gu, '')
}

/** A date mark shortly before the citation at `index` (`1994年3月7日签订的《…》`, `于1995年6月26日在莫斯科签署的《…》`), with the place named between. */
function datedBefore(children: readonly Inline[], index: number): {date: DateMark; place: string | null} | null {
  let between = ''
  for (let i = index - 1; i >= 0; i--) {
    const node = children[i]!
    if (node.type === 'date') {
      const gap = CITED_DATE_GAP.exec(between)
      return gap ? {date: node, place: gap[1] ?? null} : null
    }
    if (node.type !== 'text' && node.type !== 'location') return null
    between = toText(node) + between
    if (between.length > 24) return null
  }
  return null
}

/** The first day of the visit the preamble reports (`于一九九四年三月七日至十日对中国进行了正式访问`). */
function visitDate(doc: Document): DateFact | null {
  const preamble = doc.children.find((s) => s.type === 'preamble')
  if (!preamble) return null
  let found: DateFact | null = null
  walk(preamble, (node) => {
    if (node.type !== 'date') return
    const mark = node as DateMark
    if (found || !mark.isoEnd) return
    found = {value: mark.iso, source: 'visit', text: toText(mark), start: mark.position.start.offset!, end: mark.position.end.offset!}
  })
  return found
}

function visitInlines(doc: Document, callback: (children: Inline[]) => void): void {
  walk(doc, (node) => {
    if (node.type === 'paragraph' || node.type === 'signing') callback((node as unknown as {children: Inline[]}).children)
  })
}
