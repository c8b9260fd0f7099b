/**
 * The PDF writer draws its runs of text itself (`pipeline/write/pdf/show-text.ts`)
 * rather than through pdfkit's `text()`: the operators, the subset, the widths and
 * the ToUnicode map must be those pdfkit writes, for Han text, kerned Latin, words
 * and runs of spaces and tabs, marks set at an offset, and each font of the chain.
 */
import {describe, expect, it} from 'vitest'
import {createEngine, type Engine} from '../pipeline/write/pdf/engine.js'
import {getFont, type FontKey} from '../pipeline/write/pdf/fonts.js'
import {showText} from '../pipeline/write/pdf/show-text.js'

function engineRecording(): {engine: Engine; ops: string[]} {
  const engine = createEngine(
    {
      pdfVersion: '1.7',
      subset: 'PDF/A-3a',
      tagged: true,
      lang: 'zh',
      displayTitle: true,
      autoFirstPage: false,
      size: [595, 842],
      margins: {top: 72, left: 72, bottom: 72, right: 72},
      info: {Title: 'show-text', CreationDate: new Date(Date.UTC(2023, 10, 14))},
      font: getFont('regular')
    },
    'regular'
  )
  const ops: string[] = []
  const host = engine as unknown as {addContent(data: string): unknown}
  const addContent = host.addContent
  host.addContent = function (data: string) {
    ops.push(data)
    return addContent.call(this, data)
  }
  engine.addPage()
  return {engine, ops}
}

type Run = [font: FontKey, size: number, text: string, x: number, y: number, spacing: number]

/** The bytes and operators of a page of `runs`, drawn by pdfkit's `text()` or by `showText`. */
async function draw(runs: readonly Run[], by: 'pdfkit' | 'writer'): Promise<{bytes: Buffer; ops: string[]}> {
  const {engine, ops} = engineRecording()
  const registered = new Set<string>(['regular'])
  for (const [font, size, text, x, y, spacing] of runs) {
    if (!registered.has(font)) {
      engine.registerFont(font, getFont(font))
      registered.add(font)
    }
    engine.font(font, size)
    if (by === 'pdfkit') engine.text(text, x, y, {lineBreak: false, characterSpacing: spacing, baseline: 'alphabetic'})
    else showText(engine, text, x, y, spacing)
  }
  engine.end()
  return {bytes: Buffer.from(await engine.output), ops}
}

const runs: Run[] = [
  ['regular', 16, '中华人民共和国和卡塔尔国建交联合公报', 80, 100, -0.21],
  ['regular', 16, '（一）双方同意，２０１５年——“一带一路”……', 80, 130, 0.5],
  ['regular', 16, 'AVATAR Tea, WAVE; Yo! office 1st fijord', 80, 160, 0],
  ['regular', 16, 'two  spaces\tand a tab ', 80, 190, 0.1],
  ['regular', 16, 'cafe\u0301 n\u0303 A\u030A', 80, 220, 0],
  ['regular', 16, 'co\u00ADoperation \u3000 2015\u20132016', 80, 250, 0],
  ['bold', 22, '关于建立外交关系的联合公报 Joint Communiqué', 80, 290, 0],
  ['emoji', 16, '\u{1F600}\u{1F30F}', 80, 330, 0],
  ['yi', 16, 'ꆈꌠꁱꂷ', 80, 360, 0],
  ['regular', 16, '甲', 80, 390, 0]
]

describe('pdf show-text', () => {
  it('writes the operators and file pdfkit writes for the same runs', async () => {
    const theirs = await draw(runs, 'pdfkit')
    const ours = await draw(runs, 'writer')
    expect(ours.ops).toEqual(theirs.ops)
    expect(Buffer.compare(ours.bytes, theirs.bytes)).toBe(0)
  })

  it('covers kerning (a string of glyphs cut by a non-zero adjustment)', async () => {
    const {ops} = await draw(runs, 'writer')
    expect(ops.some((op) => /> -?[1-9][\d.]* </.test(op) || /> -?0\.\d*[1-9][\d.]*[ \]]/.test(op))).toBe(true)
  })

  it('sets a glyph shaped at an offset at its own text matrix, as pdfkit does', async () => {
    // None of the fonts offsets a glyph in the texts above: the shaping of one word is given offsets here.
    const face = getFont('regular') as unknown as {shape(text: string): {metrics: Float64Array}}
    const shape = face.shape.bind(face)
    face.shape = (text: string) => {
      const shaped = shape(text)
      if (text !== 'abc ') return shaped
      const metrics = Float64Array.from(shaped.metrics)
      metrics[5 + 3] = 120
      metrics[5 + 4] = -80
      return {...shaped, metrics}
    }
    try {
      const offset: Run[] = [['regular', 16, 'xy abc abc', 80, 100, 0.25]]
      const theirs = await draw(offset, 'pdfkit')
      const ours = await draw(offset, 'writer')
      expect(ours.ops).toEqual(theirs.ops)
      expect(Buffer.compare(ours.bytes, theirs.bytes)).toBe(0)
      // The run's matrix, the offset glyph's, and the run's again after it.
      expect(ours.ops.filter((op) => op.endsWith(' Tm')).length).toBe(3)
    } finally {
      delete (face as {shape?: unknown}).shape
    }
  })

  it('leaves a text with a line break to pdfkit, which sets each line on its own', async () => {
    const broken: Run[] = [['regular', 16, '第一行\n第二行', 80, 100, 0]]
    const theirs = await draw(broken, 'pdfkit')
    const ours = await draw(broken, 'writer')
    expect(Buffer.compare(ours.bytes, theirs.bytes)).toBe(0)
  })
})
