/**
 * The fonts of the PDF writer: Noto Serif SC (Song style, OFL-1.1) from the
 * pinned npm package `@expo-google-fonts/noto-serif-sc`, Regular for the body
 * and Bold as the stand-in for 小标宋 in the title.
 *
 * Each font file is read and opened with fontkit ONCE per process and the
 * fontkit object is reused by every document (pdfkit ≥ 0.20 accepts it wherever
 * it takes a path); pdfkit still subsets per document. No font is downloaded at
 * run time and no system font is used.
 *
 * Characters Noto Serif SC lacks are set in the first font of a fallback chain
 * that has them (`FALLBACKS`: Noto Emoji, Noto Sans Yi, all from npm). A
 * character no font has is drawn as 〓 (U+3013, the geta mark typesetters
 * use for a missing glyph) with the real character as ActualText, so the page
 * shows that something is there, text extraction gets the character, and no
 * .notdef glyph (forbidden by PDF/A) is ever drawn; the writer warns.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)

export type FontKey = 'regular' | 'bold' | 'emoji' | 'yi'

const files: Record<FontKey, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  yi: '@expo-google-fonts/noto-sans-yi/400Regular/NotoSansYi_400Regular.ttf'
}

/** Fonts tried, in order, for a character the body or title font lacks. */
export const FALLBACKS: readonly FontKey[] = ['emoji', 'yi']

/** Drawn for a character no font has (the real character goes into ActualText). */
export const MISSING_GLYPH = '\u3013'

/** The part of a fontkit font the writer uses. */
export interface LoadedFont {
  readonly postscriptName: string
  readonly unitsPerEm: number
  layout(text: string): {positions: Array<{xAdvance: number}>; glyphs: unknown[]}
  hasGlyphForCodePoint(codePoint: number): boolean
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

const glyphCache = new Map<string, number>()

/**
 * Glyphs `text` is set in with `key` (fewer than its characters where the font
 * forms ligatures: `ffi` is one glyph): character spacing (Tc) applies per glyph.
 */
export function glyphCount(key: FontKey, text: string): number {
  const cacheKey = key + '\u0000' + text
  let count = glyphCache.get(cacheKey)
  if (count === undefined) {
    count = getFont(key).layout(text).glyphs.length
    glyphCache.set(cacheKey, count)
  }
  return count
}

/** Glyphs of `text` set with `base` and its fallbacks. */
export function glyphCountWithFallback(base: FontKey, text: string): number {
  let count = 0
  for (const run of runsOf(base, text)) count += run.text === '' ? 0 : glyphCount(run.font, run.text)
  return count
}

/** Code points that take no glyph of their own (variation selectors, joiners, tags). */
const IGNORABLE = /^[\u200B-\u200F\u2060-\u2064\uFE00-\uFE0F\u{E0000}-\u{E0FFF}]$/u

const fontOfCache = new Map<string, FontKey | null>()

/** The font that sets `char` for `base`: `base` itself, else the first fallback with the glyph, else null. */
export function fontFor(base: FontKey, char: string): FontKey | null {
  const key = base + '\u0000' + char
  let found = fontOfCache.get(key)
  if (found === undefined) {
    const codePoint = char.codePointAt(0) ?? 0
    found = null
    for (const candidate of [base, ...FALLBACKS]) {
      if (getFont(candidate).hasGlyphForCodePoint(codePoint)) {
        found = candidate
        break
      }
    }
    fontOfCache.set(key, found)
  }
  return found
}

/** A stretch of text set in one font. `actual` is the text it stands for when a glyph is missing. */
export interface Run {
  font: FontKey
  text: string
  actual?: string
}

/**
 * Splits `text` into runs of one font each. A character no font has becomes a run of
 * `MISSING_GLYPH` carrying the character as `actual`; an ignorable one (a variation selector)
 * stays with the run before it when that font has it, and is otherwise dropped from the
 * drawing but kept as `actual`.
 */
export function runsOf(base: FontKey, text: string): Run[] {
  const runs: Run[] = []
  for (const char of text) {
    const font = fontFor(base, char)
    const last = runs[runs.length - 1]
    if (font === null) {
      if (IGNORABLE.test(char)) {
        if (last) last.actual = (last.actual ?? last.text) + char
        else runs.push({font: base, text: '', actual: char})
        continue
      }
      runs.push({font: base, text: MISSING_GLYPH, actual: char})
      continue
    }
    if (last && last.font === font && last.actual === undefined) last.text += char
    else runs.push({font, text: char})
  }
  return runs
}

/** Characters of `text` that no font of the chain has (ignorables aside). */
export function missingCharacters(base: FontKey, text: string): string[] {
  const missing: string[] = []
  for (const char of text) if (fontFor(base, char) === null && !IGNORABLE.test(char)) missing.push(char)
  return missing
}

/** Advance width of `text` in em units, each character in the font that sets it. */
export function advanceWithFallback(base: FontKey, text: string): number {
  let width = 0
  for (const run of runsOf(base, text)) width += advance(run.font, run.text)
  return width
}
