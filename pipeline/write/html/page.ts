/**
 * The document page around the text: head (stylesheet, alternates), a skip
 * link, the way back to the collection, and the metadata table with where each
 * date came from, the source file and its sha256, and the other formats.
 * Chrome is in English and says so (`lang="en"`); the text is in the
 * document's language. Chrome ids have no `_`, so they never meet an eId.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import type {DateFact, Document} from '../../tree/types.js'

export const STYLESHEET = 'assets/site.css'
export const COLLECTION_PAGE = 'index.html'

/** A link to the same document in another format. */
export interface FormatLink {
  label: string
  href: string
  mediaType: string
}

const SOURCE_LABEL: Readonly<Record<DateFact['source'], string>> = {
  text: 'printed in the text',
  stamp: 'page stamp',
  citation: 'cited with this date by',
  visit: 'first day of the visit',
  publication: 'publication stamp',
  printed: 'latest date printed in the text',
  conversion: 'nothing dates the work: release date of the converter'
}

export interface PageOptions {
  formats: readonly FormatLink[]
  hrefOf(workUri: string): string | null
  titleOf(workUri: string): string | null
}

/** The title a page, list or feed shows: the document's own, else a label that says it has none (in English). */
export function displayTitle(doc: Document): {text: string; lang: string} {
  const title = doc.meta.title.trim()
  return title === '' ? {text: `Untitled document (${doc.meta.slug})`, lang: 'en'} : {text: doc.meta.title, lang: doc.meta.language}
}

function hasTitle(doc: Document): boolean {
  return doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
}

export function documentPage(doc: Document, text: ElementContent[], options: PageOptions): Root {
  const {meta} = doc
  const shown = displayTitle(doc)
  const rows: Element[] = []
  const row = (label: string, ...value: Array<ElementContent | string>) => rows.push(h('tr', [h('th', {scope: 'row'}, label), h('td', value)]))
  const inDocLang = (value: string) => h('span', {lang: meta.language}, value)

  row('Type', ...(meta.docTypeLabel ? [inDocLang(meta.docTypeLabel), ' '] : []), h('code', meta.docType))
  row('Parties', ...meta.parties.flatMap((party, index) => [...(index > 0 ? ['; '] : []), inDocLang(party.name), ...(party.code ? [` (${party.code})`] : [])]))
  const dates: Array<[string, DateFact | null]> = [
    ['Signed', meta.dates.signed],
    ['Published', meta.dates.published],
    ['In force', meta.dates.effective]
  ]
  for (const [label, fact] of dates) if (fact) row(label, ...dateCell(fact, options, meta.language))
  if (meta.place) row('Place', inDocLang(meta.place))
  row('Language', h('code', meta.language))
  row('Work', h('code', meta.id))
  row('Source file', h('code', meta.source.file), ` (characters ${meta.source.start}–${meta.source.end})`)
  row('sha256', h('code', {className: ['hash']}, meta.source.sha256))

  const head = h('head', [
    h('meta', {charSet: 'utf-8'}),
    h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
    h('title', shown.lang === meta.language ? {} : {lang: shown.lang}, shown.text),
    h('link', {rel: 'stylesheet', href: STYLESHEET}),
    h('link', {rel: 'index', href: COLLECTION_PAGE}),
    ...options.formats.map((format) => h('link', {rel: 'alternate', type: format.mediaType, href: format.href}))
  ])

  const body = h('body', [
    h('a', {className: ['skip'], href: '#text', lang: 'en'}, 'Skip to the text'),
    h('header', {className: ['site'], lang: 'en'}, [
      h('nav', {ariaLabel: 'Collection'}, [h('a', {href: COLLECTION_PAGE}, '← All documents')]),
      // A document printed without a title still gets the page's one h1, outside its text.
      ...(hasTitle(doc) ? [] : [h('h1', {className: ['untitled'], lang: shown.lang}, shown.text)])
    ]),
    h('main', [
      h('article', {id: 'text', className: ['document']}, text),
      h('aside', {className: ['about'], lang: 'en', ariaLabelledBy: 'about-heading'}, [
        h('h2', {id: 'about-heading'}, 'About this document'),
        h('table', {className: ['meta']}, [h('tbody', rows)]),
        ...(options.formats.length === 0
          ? []
          : [h('h2', {id: 'formats-heading'}, 'Other formats'), h('ul', {className: ['formats']}, options.formats.map((format) => h('li', [h('a', {href: format.href, type: format.mediaType}, format.label)])))])
      ])
    ])
  ])

  return {type: 'root', children: [{type: 'doctype'}, h('html', {lang: meta.language}, [head, body])]}
}

/** `1994-03-07`, then where it came from and the printed form (or the citing document). */
function dateCell(fact: DateFact, options: PageOptions, lang: string): Array<ElementContent | string> {
  const cell: Array<ElementContent | string> = [h('time', {dateTime: fact.value}, fact.value), ` — ${SOURCE_LABEL[fact.source]}`]
  if (fact.source === 'citation' && fact.from) {
    const href = options.hrefOf(fact.from)
    const title = options.titleOf(fact.from) ?? fact.from
    cell.push(' ', href ? h('a', {href, lang}, title) : h('span', {lang}, title))
  }
  if (fact.text) cell.push(': ', h('q', {lang}, fact.text))
  return cell
}
