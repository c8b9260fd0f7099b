/**
 * The published site in a real browser: headless Chromium from the system
 * (Debian's `chromium`, driven by playwright-core; no browser is downloaded).
 *
 * The seed is written to a temporary folder with every text format and the
 * HTML site, then, from `file://`: the index lists the documents with counts;
 * searching for a word keeps exactly the documents whose text has it; sorting
 * and filtering work; a document opens from the results; an article anchor
 * lands on the article; a citation link opens the cited page; axe-core finds
 * no WCAG 2 A/AA violation; the keyboard reaches the skip link first; the
 * print stylesheet hides the chrome; no request leaves `file://`; the console
 * stays free of errors. Screenshots (and a page printed to PDF) are kept in
 * `out/browser-test/` (or `$BROWSER_ARTIFACTS`) for a person to look at.
 *
 * Without a browser the tests are skipped and say so in their names.
 */
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeBatch} from '../pipeline/batch/write.js'
import {createWriteContext} from '../pipeline/write/context.js'
import type {Document} from '../pipeline/tree/types.js'
import {convertSeed, root} from './helpers/seed.js'

// The page's globals, for the functions that run inside the browser (the tests are type-checked without the DOM lib).
interface PageElement {
  id: string
  className: string
  getBoundingClientRect(): {top: number}
}
declare const window: {axe: unknown; scrollY: number; innerHeight: number}
declare const document: {
  activeElement: PageElement | null
  documentElement: {scrollHeight: number}
  getElementById(id: string): PageElement | null
  querySelector(selector: string): PageElement | null
}
declare function getComputedStyle(el: unknown): {gridTemplateColumns: string}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** `CHROMIUM_PATH`, else the first system browser found, else null. */
function findBrowser(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null
}

const executable = findBrowser()
const SKIPPED = executable ? '' : ' [SKIPPED: no Chromium found: apt-get install chromium, or set CHROMIUM_PATH]'
if (!executable) console.warn(`browser test${SKIPPED}`)

const artifacts = process.env['BROWSER_ARTIFACTS'] ?? path.join(root, 'out', 'browser-test')
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let browser: Browser
let out: string
let documents: Document[]
let site: string
const problems: string[] = []
const external: string[] = []

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1200, height: 900}})
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.route('**/*', (route) => {
    const requested = route.request().url()
    if (requested.startsWith('file://')) return route.continue()
    external.push(requested)
    return route.abort()
  })
  await page.goto(url)
  return page
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: axeSource})
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: Array<{id: string; nodes: Array<{target: unknown}>}>}>}}).axe
    // No preload: axe would fetch the stylesheets with XHR, which `file://` refuses.
    const result = await axe.run(document, {preload: false, runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
  })
  return violations
}

const pageUrl = (name: string, hash = '') => pathToFileURL(path.join(site, name)).href + hash

describe.skipIf(!executable)(`the site in headless Chromium${SKIPPED}`, () => {
  beforeAll(async () => {
    documents = (await convertSeed()).documents
    out = await mkdtemp(path.join(tmpdir(), 'diptext-browser-'))
    site = path.join(out, 'html')
    const report = await writeBatch(documents, {out, formats: ['json', 'md', 'akn', 'html'], context: createWriteContext(documents)})
    expect(report.failures).toEqual([])
    await mkdir(artifacts, {recursive: true})
    browser = await chromium.launch({executablePath: executable!, headless: true, args: ['--no-sandbox', '--disable-gpu']})
  })

  afterAll(async () => {
    await browser?.close()
    if (out) await rm(out, {recursive: true, force: true})
  })

  it('lists, searches, sorts and filters on the index from file://', async () => {
    const page = await open(pageUrl('index.html'))
    expect(await page.isVisible('#controls')).toBe(true)
    expect(await page.textContent('#count')).toBe(`${documents.length} documents`)
    expect(await page.locator('#documents tbody tr').count()).toBe(documents.length)

    // A word in some documents only: the search keeps exactly those.
    const word = '上海合作组织'
    const index = await readFile(path.join(site, 'search-index.js'), 'utf8')
    const entries = JSON.parse(index.slice(index.indexOf('['), index.lastIndexOf(']') + 1)) as Array<{page: string; text: string; title: string}>
    const expected = entries.filter((entry) => entry.text.includes(word) || entry.title.includes(word)).map((entry) => entry.page)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(documents.length)
    await page.fill('#q', word)
    const visible = await page.locator('#documents tbody tr:not([hidden])').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-page')))
    expect(visible.sort()).toEqual([...expected].sort())
    expect(await page.textContent('#count')).toBe(`${expected.length} of ${documents.length} documents`)
    expect(await page.locator('#results li').count()).toBe(expected.length)
    expect(await page.textContent('#results li mark')).toBe(word)
    await page.screenshot({path: path.join(artifacts, 'index-search.png'), fullPage: true})

    // Sorting by date, both ways.
    await page.fill('#q', '')
    await page.click('th[data-sort="date"] button')
    expect(await page.getAttribute('th[data-sort="date"]', 'aria-sort')).toBe('ascending')
    const dates = () => page.locator('#documents tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-date') ?? ''))
    const ascending = await dates()
    expect(ascending).toEqual([...ascending].sort())
    await page.click('th[data-sort="date"] button')
    expect(await dates()).toEqual([...ascending].reverse())

    // A filter with its count.
    const party = documents[0]!.meta.parties[0]!.code!
    await page.selectOption('select[data-filter="party"]', party)
    const withParty = documents.filter((doc) => doc.meta.parties.some((p) => p.code === party)).length
    expect(await page.locator('#documents tbody tr:not([hidden])').count()).toBe(withParty)
    await page.selectOption('select[data-filter="party"]', '')
    await page.screenshot({path: path.join(artifacts, 'index.png'), fullPage: true})

    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('opens a document from the search results and follows an article anchor and a citation', async () => {
    const page = await open(pageUrl('index.html'))
    await page.fill('#q', '上海合作组织')
    await Promise.all([page.waitForURL(/\.html$/), page.click('#results li a >> nth=0')])
    const opened = documents.find((doc) => page.url().endsWith(`${doc.meta.slug}.html`))
    expect(opened).toBeDefined()
    expect(await page.textContent('h1')).toBe(opened!.meta.title)
    expect(await page.getAttribute('html', 'lang')).toBe(opened!.meta.language)

    // The 2005 statement: an article anchor, then its citation of the 1994 statement.
    const citing = documents.find((doc) => doc.meta.slug.startsWith('2005-'))!
    const cited = documents.find((doc) => doc.meta.slug.startsWith('1994-'))!
    await page.goto(pageUrl(`${citing.meta.slug}.html`, '#art_3'))
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_3')
    // The anchor scrolled the article into view: at the top, or as far as the page can scroll.
    const place = await page.evaluate(() => {
      const box = document.getElementById('art_3')!.getBoundingClientRect()
      const bottom = document.documentElement.scrollHeight - window.innerHeight
      return {top: box.top, scrolled: window.scrollY, bottom}
    })
    expect(place.top).toBeGreaterThan(-1)
    expect(place.top < 5 || place.scrolled >= place.bottom - 1).toBe(true)
    expect(await page.textContent('#art_3 > .num')).toMatch(/^三/)
    // The printed number is the article's own anchor.
    await Promise.all([page.waitForURL(/#art_2$/), page.click('#art_2 > a.num')])
    expect(page.url().endsWith('#art_2')).toBe(true)
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_2')
    await page.goto(pageUrl(`${citing.meta.slug}.html`, '#art_3'))
    await page.screenshot({path: path.join(artifacts, 'document.png')})
    await page.screenshot({path: path.join(artifacts, 'document-full.png'), fullPage: true})

    const link = page.locator(`cite a[href="${cited.meta.slug}.html"]`).first()
    expect(await link.count()).toBe(1)
    await Promise.all([page.waitForURL(new RegExp(`${cited.meta.slug}\\.html$`)), link.click()])
    expect(await page.textContent('h1')).toBe(cited.meta.title)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('is reachable by keyboard, passes axe on a document page, and prints without the chrome', async () => {
    const citing = documents.find((doc) => doc.meta.slug.startsWith('2005-'))!
    const page = await open(pageUrl(`${citing.meta.slug}.html`))
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip')
    expect(await page.isVisible('a.skip')).toBe(true)
    // The fragment navigation is committed after the key event returns; wait for it rather than race it.
    await Promise.all([page.waitForURL(/#text$/), page.keyboard.press('Enter')])
    expect(page.url().endsWith('#text')).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    await page.emulateMedia({media: 'print'})
    expect(await page.locator('header.site nav').isVisible()).toBe(false)
    expect(await page.locator('.signatory-columns').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length)).toBe(2)
    const pdf = await page.pdf({path: path.join(artifacts, 'document-print.pdf'), format: 'A4', printBackground: false})
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-')
    await page.close()
  })

  it('made no request outside file:// and logged no error', () => {
    expect(external).toEqual([])
    expect(problems).toEqual([])
  })
})
