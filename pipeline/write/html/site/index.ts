/**
 * The collection around the pages, written next to them in `out/html/`:
 * `index.html` (`listing.ts`), `search-index.js` (titles and text for the
 * client-side search), `feed.xml` and `sitemap.xml` (`feeds.ts`), and
 * `assets/site.css` and `assets/site.js`. Every link is relative, so the site
 * works from `file://` and from any static host. Same batch, same bytes.
 */
import {unified} from 'unified'
import rehypeStringify from 'rehype-stringify'
import type {Document} from '../../../tree/types.js'
import {toText} from '../../../tree/text.js'
import {outputName} from '../../output-name.js'
import {displayTitle, STYLESHEET} from '../page.js'
import {atomFeed, sitemap} from './feeds.js'
import {collectionPage, FEED, SCRIPT, SEARCH_INDEX, type ListedDocument} from './listing.js'
import {SITE_JS} from './script.js'
import {SITE_CSS} from './style.js'

export const COLLECTION_TITLE = 'diptext collection'

const processor = unified().use(rehypeStringify, {upperDoctype: true, characterReferences: {useNamedReferences: false}}).freeze()

export interface SiteOptions {
  /** The file extension of the document pages (`.html`). */
  extension: string
  /** Absolute URL the site is published at, for the feed and sitemap; relative links when null. */
  siteUrl?: string | null
  title?: string
}

export interface SiteFile {
  /** Path relative to the HTML folder, `/`-separated. */
  name: string
  bytes: Uint8Array
}

/** One entry of `search-index.js`. */
export interface SearchEntry {
  page: string
  title: string
  lang: string
  date: string
  text: string
}

export function searchIndex(listed: readonly ListedDocument[]): SearchEntry[] {
  return listed.map(({doc, page}) => ({
    page,
    title: displayTitle(doc).text,
    lang: displayTitle(doc).lang,
    date: doc.meta.dates.signed?.value ?? '',
    text: textOf(doc)
  }))
}

/** Blocks that hold text; each is one piece of the search text, so no match runs across two. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['num', 'paragraph', 'signature', 'signing'])

/** The text after the title, blocks separated by a space, as one line. */
function textOf(doc: Document): string {
  const pieces: string[] = []
  const visit = (node: {type: string; children?: unknown[]}): void => {
    if (node.type === 'preface') return
    if (TEXT_BLOCKS.has(node.type)) {
      pieces.push(toText(node as Parameters<typeof toText>[0]))
      return
    }
    for (const child of node.children ?? []) visit(child as {type: string; children?: unknown[]})
  }
  visit(doc)
  return pieces.join(' ').replace(/\s+/g, ' ').trim()
}

export function buildSite(documents: readonly Document[], options: SiteOptions): SiteFile[] {
  const title = options.title ?? COLLECTION_TITLE
  const siteUrl = options.siteUrl ?? null
  const listed: ListedDocument[] = documents.map((doc) => ({doc, page: outputName(doc.meta.slug, options.extension)}))
  const encode = (text: string) => new TextEncoder().encode(text)
  const index = JSON.stringify(searchIndex(listed)).replace(/[\u2028\u2029<]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
  return [
    {name: 'index.html', bytes: encode(processor.stringify(collectionPage(listed, title)) + '\n')},
    {name: SEARCH_INDEX, bytes: encode(`window.DIPTEXT_SEARCH = ${index};\n`)},
    {name: FEED, bytes: encode(atomFeed(listed, title, siteUrl))},
    {name: 'sitemap.xml', bytes: encode(sitemap(listed, siteUrl))},
    {name: STYLESHEET, bytes: encode(SITE_CSS)},
    {name: SCRIPT, bytes: encode(SITE_JS)}
  ]
}
