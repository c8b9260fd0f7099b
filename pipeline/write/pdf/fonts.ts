/**
 * The fonts of the PDF writer: Noto Serif SC (Song style, OFL-1.1) from the
 * pinned npm package `@expo-google-fonts/noto-serif-sc`, Regular for the body
 * and Bold as the stand-in for 小标宋 in the title.
 *
 * Each font file is read and opened with fontkit ONCE per process and the
 * fontkit object is reused by every document (pdfkit ≥ 0.20 accepts it wherever
 * it takes a path); pdfkit still subsets per document. No font is downloaded at
 * run time and no system font is used.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)

export type FontKey = 'regular' | 'bold'

const files: Record<FontKey, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'
}

/** The part of a fontkit font the writer uses. */
export interface LoadedFont {
  readonly postscriptName: string
  readonly unitsPerEm: number
  layout(text: string): {positions: Array<{xAdvance: number}>}
}

const cache = new Map<FontKey, LoadedFont>()
/** Number of times a font file was actually opened (for tests and the benchmark). */
export const fontLoads = {count: 0}

/** The fontkit object for `key`, opened on first use and then reused. */
export function getFont(key: FontKey): LoadedFont {
  let font = cache.get(key)
  if (!font) {
    const path = require.resolve(files[key])
    const opened = fontkit.create(readFileSync(path))
    if (!('layout' in opened)) throw new Error(`Expected a single font in \`${path}\`, got a collection`)
    font = opened as unknown as LoadedFont
    fontLoads.count++
    cache.set(key, font)
  }
  return font
}

const advanceCache = new Map<string, number>()

/**
 * Advance width of `text` in em units (1 = one Han character) for `key`,
 * shaped by fontkit, memoised per process: the line breaker measures every
 * character and Latin word with it.
 */
export function advance(key: FontKey, text: string): number {
  const cacheKey = key + '\u0000' + text
  let width = advanceCache.get(cacheKey)
  if (width === undefined) {
    const font = getFont(key)
    width = 0
    for (const position of font.layout(text).positions) width += position.xAdvance
    width /= font.unitsPerEm
    advanceCache.set(cacheKey, width)
  }
  return width
}
