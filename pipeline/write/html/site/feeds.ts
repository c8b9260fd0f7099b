/**
 * The Atom feed (RFC 4287, newest first by signing date) and the sitemap
 * (sitemaps.org 0.9) of the collection, built as DOMs with xmldom and
 * serialised by it. Times come from the documents' own dates, never the clock.
 * Links are relative to the feed unless a site URL is given (a sitemap that is
 * submitted to a search engine needs one).
 */
import {DOMImplementation, XMLSerializer} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element} from '@xmldom/xmldom'
import {createHash} from 'node:crypto'
import {xmlSafe} from '../../akn/xml-chars.js'
import {XML_NAMESPACE} from '../../akn/vocabulary.js'
import {listedDate, type ListedDocument} from './listing.js'
import {displayTitle} from '../page.js'

const ATOM = 'http://www.w3.org/2005/Atom'
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
/** When no document has a date: the Unix epoch, a fixed value rather than the clock. */
const NO_DATE = '1970-01-01'

/** A stable `urn:uuid:` (RFC 9562 version 8, name-based) for a feed or entry id. */
export function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex')
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function resolve(siteUrl: string | null, page: string): string {
  return siteUrl === null ? page : new URL(page, siteUrl.endsWith('/') ? siteUrl : siteUrl + '/').href
}

function add(xml: XmlDocument, parent: Element, namespace: string, name: string, text?: string, attributes: Record<string, string> = {}): Element {
  const el = xml.createElementNS(namespace, name)
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('xml:')) el.setAttributeNS(XML_NAMESPACE, key, xmlSafe(value))
    else el.setAttribute(key, xmlSafe(value))
  }
  if (text !== undefined) el.appendChild(xml.createTextNode(xmlSafe(text)))
  parent.appendChild(el)
  return el
}

/** Newest signing date first; undated last; ties by page name. */
export function newestFirst(listed: readonly ListedDocument[]): ListedDocument[] {
  return [...listed].sort((a, b) => {
    const x = listedDate(a.doc)
    const y = listedDate(b.doc)
    if (x !== y) return x === '' ? 1 : y === '' ? -1 : x < y ? 1 : -1
    return a.page < b.page ? -1 : a.page > b.page ? 1 : 0
  })
}

export function atomFeed(listed: readonly ListedDocument[], title: string, siteUrl: string | null): string {
  const xml = new DOMImplementation().createDocument(ATOM, 'feed', null)
  const feed = xml.documentElement!
  const entries = newestFirst(listed)
  const newest = entries.map((entry) => listedDate(entry.doc)).find((date) => date !== '') ?? NO_DATE
  add(xml, feed, ATOM, 'id', uuidOf('diptext-collection\u0000' + (siteUrl ?? '') + '\u0000' + title))
  add(xml, feed, ATOM, 'title', title)
  add(xml, feed, ATOM, 'updated', `${newest}T00:00:00Z`)
  add(xml, feed, ATOM, 'link', undefined, {rel: 'alternate', type: 'text/html', href: resolve(siteUrl, 'index.html')})
  add(xml, feed, ATOM, 'generator', 'diptext')
  for (const {doc, page} of entries) {
    const entry = add(xml, feed, ATOM, 'entry')
    add(xml, entry, ATOM, 'id', uuidOf(doc.meta.id + '\u0000' + doc.meta.slug))
    const shown = displayTitle(doc)
    add(xml, entry, ATOM, 'title', shown.text, {'xml:lang': shown.lang})
    add(xml, entry, ATOM, 'updated', `${listedDate(doc) || NO_DATE}T00:00:00Z`)
    if (doc.meta.dates.published) add(xml, entry, ATOM, 'published', `${doc.meta.dates.published.value}T00:00:00Z`)
    const author = add(xml, entry, ATOM, 'author')
    add(xml, author, ATOM, 'name', doc.meta.parties.map((party) => party.name).join('、') || 'unknown')
    add(xml, entry, ATOM, 'link', undefined, {rel: 'alternate', type: 'text/html', href: resolve(siteUrl, page)})
    for (const party of doc.meta.parties) if (party.code) add(xml, entry, ATOM, 'category', undefined, {term: party.code, label: party.name})
    add(xml, entry, ATOM, 'category', undefined, {term: doc.meta.docType})
  }
  return DECLARATION + new XMLSerializer().serializeToString(xml) + '\n'
}

export function sitemap(listed: readonly ListedDocument[], siteUrl: string | null): string {
  const xml = new DOMImplementation().createDocument(SITEMAP, 'urlset', null)
  const urlset = xml.documentElement!
  const url = (page: string, date: string) => {
    const el = add(xml, urlset, SITEMAP, 'url')
    add(xml, el, SITEMAP, 'loc', resolve(siteUrl, page))
    if (date !== '') add(xml, el, SITEMAP, 'lastmod', date)
  }
  url('index.html', '')
  for (const {doc, page} of listed) url(page, doc.meta.dates.published?.value ?? listedDate(doc))
  return DECLARATION + new XMLSerializer().serializeToString(xml) + '\n'
}
