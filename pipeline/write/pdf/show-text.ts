/**
 * A run of text drawn in the current font, operator for operator as pdfkit
 * 0.20.2's `text(text, x, y, {lineBreak: false, characterSpacing, baseline:
 * 'alphabetic'})` draws it, from the strings the process has shaped
 * (`face.ts`). pdfkit would look each word up again in its per-document
 * layout cache, copy and scale its glyphs and positions, concatenate them, and
 * measure the whole run once more to move a cursor the writer never reads.
 *
 * What pdfkit does, kept here: the run is shaped word by word (each word with
 * the spaces or tab that end it, so kerning stops at spaces), every glyph
 * enters the font's subset (its width and characters recorded the first time,
 * for /W and the ToUnicode map), and the glyphs are shown in `TJ` arrays cut
 * where an advance differs from the glyph's width (kerning) or a glyph is
 * offset.
 */
import type {SharedFace} from './face.js'

/** pdfkit's `EmbeddedFont`: the parts a run of text touches. */
interface EmbeddedFont {
  readonly id: string
  readonly font: SharedFace
  /** 1000 / units per em. */
  readonly scale: number
  readonly subset: {includeGlyph(glyph: number): number}
  readonly widths: Array<number | undefined>
  readonly unicode: Array<readonly number[] | undefined>
  ref(): unknown
}

interface TextHost {
  _font: EmbeddedFont
  _fontSize: number
  page: {height: number; fonts: Record<string, unknown>}
  save(): unknown
  restore(): unknown
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown
  addContent(data: string): unknown
  text(text: string, x: number, y: number, options: object): unknown
}

/** pdfkit's `PDFObject.number`, as written into a content stream. */
function number(n: number): string {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`)
  return String(Math.round(n * 1e6) / 1e6)
}

/** `0000`–`ffff`: a glyph's id in the subset as pdfkit writes it into a string. */
const hexes: string[] = []
const hex = (gid: number): string => (hexes[gid] ??= `0000${gid.toString(16)}`.slice(-4))

/** Words of `text` as pdfkit's `EmbeddedFont.layout` cuts them: each ends after a space or a tab, or at the end. */
function words(text: string): string[] {
  const result: string[] = []
  let last = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x20 || char === 0x09) {
      result.push(text.slice(last, index + 1))
      last = index + 1
    }
  }
  if (last < text.length) result.push(text.slice(last))
  return result
}

/** Draws `text` at (`x`, `y`) (top-down coordinates, alphabetic baseline) in the engine's current font and size. */
export function showText(engine: unknown, text: string, x: number, y: number, characterSpacing: number): void {
  const host = engine as TextHost
  if (text.includes('\n')) {
    // pdfkit sets each line of such a text on its own: left to pdfkit.
    host.text(text, x, y, {lineBreak: false, characterSpacing, baseline: 'alphabetic'})
    return
  }
  if (text === '') return
  const font = host._font
  const size = host._fontSize
  host.save()
  host.transform(1, 0, 0, -1, 0, host.page.height)
  const top = host.page.height - y
  if (host.page.fonts[font.id] == null) host.page.fonts[font.id] = font.ref()
  host.addContent('BT')
  host.addContent(`1 0 0 1 ${number(x)} ${number(top)} Tm`)
  host.addContent(`/${font.id} ${number(size)} Tf`)
  if (characterSpacing) host.addContent(`${number(characterSpacing)} Tc`)

  const scale = size / 1000
  const units = font.scale
  const commands: string[] = []
  let pending = ''
  let hadOffset = false
  let cursor = x
  /** Ends the current string of glyphs, `adjust` being its last glyph's advance less its width (kerning). */
  const endString = (adjust: number) => {
    if (pending !== '') commands.push(`<${pending}> ${number(-adjust)}`)
    pending = ''
  }
  const flush = () => {
    if (commands.length > 0) {
      host.addContent(`[${commands.join(' ')}] TJ`)
      commands.length = 0
    }
  }
  for (const word of words(text)) {
    const {ids, metrics, codePoints} = font.font.shape(word)
    // Without ligatures glyph i stands for character i of the word (read on the way, only when needed).
    let offset = 0
    for (let index = 0; index < ids.length; index++) {
      const gid = font.subset.includeGlyph(ids[index]!)
      const at = index * 5
      const width = metrics[at]! * units
      if (font.widths[gid] == null) font.widths[gid] = width
      if (codePoints) {
        if (font.unicode[gid] == null) font.unicode[gid] = codePoints[index]!
      } else {
        const codePoint = word.codePointAt(offset)!
        offset += codePoint > 0xffff ? 2 : 1
        if (font.unicode[gid] == null) font.unicode[gid] = [codePoint]
      }
      const xAdvance = metrics[at + 1]! * units
      const xOffset = metrics[at + 3]! * units
      const yOffset = metrics[at + 4]! * units
      if (xOffset || yOffset) {
        // An offset glyph is shown alone, at its own text matrix.
        endString(0)
        flush()
        host.addContent(`1 0 0 1 ${number(cursor + xOffset * scale)} ${number(top + yOffset * scale)} Tm`)
        pending = hex(gid)
        endString(xAdvance - width)
        flush()
        hadOffset = true
      } else {
        if (hadOffset) {
          host.addContent(`1 0 0 1 ${number(cursor)} ${number(top)} Tm`)
          hadOffset = false
        }
        pending += hex(gid)
        if (xAdvance - width !== 0) endString(xAdvance - width)
      }
      cursor += xAdvance * scale
    }
  }
  endString(0)
  flush()
  host.addContent('ET')
  host.restore()
}
