/**
 * The collection page (`index.html`): every document with date, title, type,
 * parties and language in a table that works without script; the script
 * (`site.js`) adds sorting, filters (each option with its count) and search.
 * Rows carry their values as `data-*` for the script.
 */
import type {Element, Root} from 'hast'
import {h} from 'hastscript'
import type {Document} from '../../../tree/types.js'
import {displayTitle, STYLESHEET} from '../page.js'

export interface ListedDocument {
  doc: Document
  /** The page, relative to the collection page. */
  page: string
}

export const SEARCH_INDEX = 'search-index.js'
export const SCRIPT = 'assets/site.js'
export const FEED = 'feed.xml'

/** The date a collection lists a document under: signed, else its work date. */
export function listedDate(doc: Document): string {
  return doc.meta.dates.signed?.value ?? doc.meta.dates.work?.value ?? ''
}

function partyKeys(doc: Document): string[] {
  return doc.meta.parties.map((party) => party.code ?? party.name)
}

/** `value → count`, sorted by value, for one filter. */
function tally(values: readonly string[][]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const list of values) for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

function filter(name: string, label: string, values: readonly string[][]): Element {
  return h('label', [
    label,
    h('select', {dataFilter: name}, [
      h('option', {value: ''}, `All (${values.length})`),
      ...tally(values).map(([value, count]) => h('option', {value}, `${value} (${count})`))
    ])
  ])
}

export function collectionPage(listed: readonly ListedDocument[], title: string): Root {
  const docs = listed.map((entry) => entry.doc)
  const header = (label: string, key: string) => h('th', {scope: 'col', dataSort: key}, [h('button', {type: 'button'}, label)])
  const rows = listed.map(({doc, page}) => {
    const {meta} = doc
    const date = listedDate(doc)
    const shown = displayTitle(doc)
    return h(
      'tr',
      {dataPage: page, dataDate: date, dataTitle: shown.text, dataType: meta.docType, dataParty: partyKeys(doc).join(' '), dataLang: meta.language},
      [
        h('td', date === '' ? '—' : h('time', {dateTime: date}, date)),
        h('td', [h('a', {href: page, lang: shown.lang}, shown.text)]),
        h('td', [meta.docTypeLabel ? h('span', {lang: meta.language}, meta.docTypeLabel) : '', meta.docTypeLabel ? ' ' : '', h('code', meta.docType)]),
        h('td', meta.parties.flatMap((party, index) => [index > 0 ? ', ' : '', h('span', {lang: meta.language, title: party.code ?? undefined}, party.name)])),
        h('td', h('code', meta.language))
      ]
    )
  })

  const head = h('head', [
    h('meta', {charSet: 'utf-8'}),
    h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
    h('title', title),
    h('link', {rel: 'stylesheet', href: STYLESHEET}),
    h('link', {rel: 'alternate', type: 'application/atom+xml', href: FEED, title: `${title} (Atom)`})
  ])

  const body = h('body', [
    h('a', {className: ['skip'], href: '#documents'}, 'Skip to the list'),
    h('header', {className: ['site']}, [h('nav', {ariaLabel: 'Collection'}, [h('a', {href: FEED}, 'Atom feed'), ' · ', h('a', {href: 'sitemap.xml'}, 'Sitemap')])]),
    h('main', {className: ['collection']}, [
      h('h1', title),
      h('form', {id: 'controls', className: ['controls'], role: 'search', hidden: true}, [
        h('label', ['Search titles and text', h('input', {type: 'search', id: 'q', name: 'q', autocomplete: 'off'})]),
        filter('type', 'Type', docs.map((doc) => [doc.meta.docType])),
        filter('party', 'Party', docs.map(partyKeys)),
        filter('lang', 'Language', docs.map((doc) => [doc.meta.language])),
        h('button', {type: 'submit'}, 'Search')
      ]),
      h('p', {id: 'count', className: ['count'], ariaLive: 'polite'}, `${docs.length} documents`),
      h('section', {id: 'search-results', ariaLabelledBy: 'results-heading', hidden: true}, [
        h('h2', {id: 'results-heading'}, 'Search results'),
        h('ol', {id: 'results', className: ['results']})
      ]),
      h('table', {id: 'documents', className: ['listing']}, [
        h('caption', {className: ['skip']}, 'Documents of the collection'),
        h('thead', [h('tr', [header('Date', 'date'), header('Title', 'title'), header('Type', 'type'), header('Parties', 'party'), header('Language', 'lang')])]),
        h('tbody', rows)
      ])
    ]),
    h('script', {src: SEARCH_INDEX}),
    h('script', {src: SCRIPT})
  ])

  return {type: 'root', children: [{type: 'doctype'}, h('html', {lang: 'en'}, [head, body])]}
}
