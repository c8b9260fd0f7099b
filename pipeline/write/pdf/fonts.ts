/**
 * The fonts of the PDF writer: Noto Serif SC (Song style, OFL-1.1) from the
 * pinned npm package `@expo-google-fonts/noto-serif-sc`, Regular for the body
 * and Bold as the stand-in for 小标宋 in the title.
 *
 * Each font file is read and opened with fontkit ONCE per process, and its
 * shared face (`face.ts`: shaping and glyph data cached, bounded) is reused by
 * every document (pdfkit ≥ 0.20 accepts a font object wherever it takes a
 * path); pdfkit still subsets per document. No font is downloaded at run time
 * and no system font is used.
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
import {BoundedCache} from './bounded-cache.js'
import {SharedFace, type FontkitFont} from './face.js'

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

/** A font as the writer and pdfkit use it (see `face.ts`). */
export type LoadedFont = SharedFace

/** The font file of `key` (resolved in the installed packages). */
export function fontPath(key: FontKey): string {
  return require.resolve(files[key])
}

const faces = new Map<FontKey, SharedFace>()
/** Number of times a font file was actually opened (for tests and the benchmark). */
export const fontLoads = {count: 0}

/** The shared face of `key`, its file opened on first use and then reused. */
export function getFont(key: FontKey): SharedFace {
  let face = faces.get(key)
  if (!face) {
    const path = fontPath(key)
    const opened = fontkit.create(readFileSync(path))
    if (!('layout' in opened)) throw new Error(`Expected a single font in \`${path}\`, got a collection`)
    face = new SharedFace(opened as unknown as FontkitFont)
    fontLoads.count++
    faces.set(key, face)
  }
  return face
}

/**
 * Advance width of `text` in em units (1 = one Han character) for `key`,
 * shaped by fontkit once per process: the line breaker measures every
 * character and Latin word with it.
 */
export function advance(key: FontKey, text: string): number {
  const face = getFont(key)
  return face.shape(text).advance / face.unitsPerEm
}

/**
 * Glyphs `text` is set in with `key` (fewer than its characters where the font
 * forms ligatures: `ffi` is one glyph): character spacing (Tc) applies per glyph.
 */
export function glyphCount(key: FontKey, text: string): number {
  return getFont(key).shape(text).ids.length
}

/** Code points that take no glyph of their own (variation selectors, joiners, tags). */
const IGNORABLE = /^[\u200B-\u200F\u2060-\u2064\uFE00-\uFE0F\u{E0000}-\u{E0FFF}]$/u

const KEYS: readonly FontKey[] = ['regular', 'bold', 'emoji', 'yi']

/**
 * The font of each character met, per base font: for the Basic Multilingual Plane one byte per
 * code point (0 not yet known, 1 none, else 2 + the font's index in `KEYS`), 64 KiB per base font;
 * for the other planes a bounded map.
 */
export const FONT_OF_ENTRIES = 16_384
const fontOfBmp: Partial<Record<FontKey, Uint8Array>> = {}
const fontOf: Record<FontKey, BoundedCache<number, FontKey | null>> = {
  regular: new BoundedCache(FONT_OF_ENTRIES),
  bold: new BoundedCache(FONT_OF_ENTRIES),
  emoji: new BoundedCache(FONT_OF_ENTRIES),
  yi: new BoundedCache(FONT_OF_ENTRIES)
}

function findFont(base: FontKey, codePoint: number): FontKey | null {
  for (const candidate of [base, ...FALLBACKS]) if (getFont(candidate).hasGlyphForCodePoint(codePoint)) return candidate
  return null
}

/** The font that sets `char` for `base`: `base` itself, else the first fallback with the glyph, else null. */
export function fontFor(base: FontKey, char: string): FontKey | null {
  const codePoint = char.codePointAt(0) ?? 0
  if (codePoint < 0x10000) {
    const known = (fontOfBmp[base] ??= new Uint8Array(0x10000))
    const code = known[codePoint]!
    if (code !== 0) return code === 1 ? null : KEYS[code - 2]!
    const found = findFont(base, codePoint)
    known[codePoint] = found === null ? 1 : 2 + KEYS.indexOf(found)
    return found
  }
  const cache = fontOf[base]
  let found = cache.get(codePoint)
  if (found === undefined) found = cache.set(codePoint, findFont(base, codePoint))
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
  let plain = true
  for (const char of text) {
    if (fontFor(base, char) !== base) {
      plain = false
      break
    }
  }
  // The common case: the base font has every character.
  if (plain) return text === '' ? [] : [{font: base, text}]
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

/** Widths measured with fallbacks, per base font (the line breaker asks for every token): characters of the tokens kept. */
export const WIDTH_CHARACTERS = 262_144
const byLength = (token: string) => token.length + 16
const widths: Record<FontKey, BoundedCache<string, number>> = {
  regular: new BoundedCache(WIDTH_CHARACTERS, byLength),
  bold: new BoundedCache(WIDTH_CHARACTERS, byLength),
  emoji: new BoundedCache(WIDTH_CHARACTERS, byLength),
  yi: new BoundedCache(WIDTH_CHARACTERS, byLength)
}

/** Advance width of `text` in em units, each character in the font that sets it. */
export function advanceWithFallback(base: FontKey, text: string): number {
  const cache = widths[base]
  let width = cache.get(text)
  if (width === undefined) {
    width = 0
    for (const run of runsOf(base, text)) width += advance(run.font, run.text)
    cache.set(text, width)
  }
  return width
}
