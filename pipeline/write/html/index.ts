/**
 * The HTML writer: one page per document, as a hast tree serialised by
 * rehype-stringify (no HTML is assembled from strings; escaping is
 * hast-util-to-html's). Handlers in `handlers.ts`, one per node type; the page
 * around them in `page.ts`; element ids are the AKN eIds (`eids.ts`).
 * The collection pages (index, search index, feed, sitemap, assets) are
 * written once per batch by `site/`.
 */
import {unified} from 'unified'
import rehypeStringify from 'rehype-stringify'
import type {Root} from 'hast'
import type {Document} from '../../tree/types.js'
import type {Writer} from '../types.js'
import {outputName} from '../output-name.js'
import {eidsOf} from './eids.js'
import {handlers} from './handlers.js'
import {displayTitle, documentPage, type FormatLink} from './page.js'
import {createState} from './state.js'
import {buildSite} from './site/index.js'

export const HTML_EXTENSION = '.html'

const processor = unified().use(rehypeStringify, {upperDoctype: true, characterReferences: {useNamedReferences: false}}).freeze()

/** Labels of the other formats a page links to; a format not listed here is linked by its name. */
const FORMAT_LABEL: Readonly<Record<string, string>> = {
  akn: 'Akoma Ntoso XML',
  json: 'JSON',
  md: 'Markdown',
  pdf: 'PDF/A'
}

export interface HtmlOptions {
  /** Every document of the collection, for citation links. */
  batch: readonly Document[]
  /** The other formats of the same document (relative links). */
  formats?: readonly FormatLink[]
}

const byIdCache = new WeakMap<readonly Document[], ReadonlyMap<string, Document>>()

/** Work URI → document, once per batch (the first of a URI wins, as in a linear search). */
function documentsById(batch: readonly Document[]): ReadonlyMap<string, Document> {
  let map = byIdCache.get(batch)
  if (!map) {
    const built = new Map<string, Document>()
    for (const doc of batch) if (!built.has(doc.meta.id)) built.set(doc.meta.id, doc)
    byIdCache.set(batch, built)
    map = built
  }
  return map
}

/** The page of a document as a hast tree. */
export function toHast(doc: Document, options: HtmlOptions): Root {
  const byId = documentsById(options.batch)
  const pageOf = (workUri: string) => byId.get(workUri) ?? null
  const hrefOf = (workUri: string) => {
    const target = pageOf(workUri)
    return target ? outputName(target.meta.slug, HTML_EXTENSION) : null
  }
  const state = createState(doc, handlers, eidsOf(doc), hrefOf)
  return documentPage(doc, state.handle(doc), {
    formats: options.formats ?? [],
    hrefOf,
    titleOf: (workUri) => {
      const target = pageOf(workUri)
      return target ? displayTitle(target).text : null
    }
  })
}

export function toHtml(doc: Document, options: HtmlOptions): string {
  return processor.stringify(toHast(doc, options)) + '\n'
}

/** Relative links from `out/html/` to the document in every other registered format. */
export async function formatLinks(doc: Document): Promise<FormatLink[]> {
  // Imported when used: the registry imports this module.
  const {writers} = await import('../registry.js')
  return [...writers.values()]
    .filter((writer) => writer.name !== htmlWriter.name)
    .map((writer) => ({
      label: FORMAT_LABEL[writer.name] ?? writer.name,
      href: `../${writer.directory}/${outputName(doc.meta.slug, writer.extension)}`,
      mediaType: writer.mediaType
    }))
}

export const htmlWriter: Writer = {
  name: 'html',
  directory: 'html',
  extension: HTML_EXTENSION,
  mediaType: 'text/html',
  async write(doc, context) {
    return new TextEncoder().encode(toHtml(doc, {batch: context.batch, formats: await formatLinks(doc)}))
  },
  writeCollection(documents) {
    return buildSite(documents, {extension: HTML_EXTENSION, siteUrl: siteUrlFrom(process.env)})
  }
}

/**
 * `DIPTEXT_SITE_URL`: where the site will be published, for absolute links in
 * the feed and sitemap (an input like `SOURCE_DATE_EPOCH`, not a fact of the machine).
 */
export function siteUrlFrom(env: NodeJS.ProcessEnv): string | null {
  const raw = env['DIPTEXT_SITE_URL']
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`DIPTEXT_SITE_URL must be an absolute http(s) URL, got \`${raw}\``)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`DIPTEXT_SITE_URL must be an absolute http(s) URL, got \`${raw}\``)
  return url.href
}
