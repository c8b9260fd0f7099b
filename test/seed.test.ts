/**
 * Every figure of notes/seed.md, on the real seed input.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {visit} from 'unist-util-visit'
import type {Converted} from '../pipeline/batch/convert.js'
import type {Citation, DateMark, Division, Document, EntityMark, Paragraph, Signature} from '../pipeline/tree/types.js'
import {toText} from '../pipeline/tree/text.js'
import {convertSeed, seedText} from './helpers/seed.js'

let result: Converted
let docs: Document[]

beforeAll(async () => {
  result = await convertSeed()
  docs = result.documents
})

const section = <T extends Document['children'][number]['type']>(doc: Document, type: T) =>
  doc.children.find((s) => s.type === type) as Extract<Document['children'][number], {type: T}> | undefined
const articles = (doc: Document): Division[] => (section(doc, 'body')?.children ?? []).filter((c): c is Division => c.type === 'article')
const paragraphs = (article: Division): Paragraph[] => article.children.filter((c): c is Paragraph => c.type === 'paragraph')
const signatures = (doc: Document): Signature[] => {
  const out: Signature[] = []
  visit(section(doc, 'conclusions')!, 'signature', (n) => {
    out.push(n as Signature)
  })
  return out
}
const citations = (doc: Document): Citation[] => {
  const out: Citation[] = []
  visit(doc, 'citation', (n) => {
    out.push(n as Citation)
  })
  return out
}

const TITLES = [
  '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明',
  '中华人民共和国和阿塞拜疆共和国联合声明',
  '中华人民共和国和阿塞拜疆共和国关于进一步发展和深化友好合作关系的联合声明'
]
const URIS = [
  '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
  '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
  '/akn/cn/statement/jointStatement/2015-12-10/cn-az'
]

describe('the seed (notes/seed.md)', () => {
  it('decodes 6,164 characters from 18,276 bytes of UTF-8 without BOM', () => {
    const source = result.files[0]!.data.source!
    expect(source.text.length).toBe(6164)
    expect(source.byteLength).toBe(18276)
    expect(source.encoding).toBe('utf-8')
    expect(source.text).toBe(seedText)
  })

  it('finds exactly three documents with their exact titles', () => {
    expect(docs.map((d) => d.meta.title)).toEqual(TITLES)
    for (const doc of docs) {
      const title = section(doc, 'preface')!.children[0]!
      expect(title.type).toBe('title')
      expect(toText(title)).toBe(doc.meta.title)
      expect(doc.meta.docType).toBe('jointStatement')
      expect(doc.meta.docTypeLabel).toBe('联合声明')
      expect(doc.meta.language).toBe('zh-Hans')
      expect(doc.meta.parties).toEqual([
        {name: '中华人民共和国', code: 'cn'},
        {name: '阿塞拜疆共和国', code: 'az'}
      ])
    }
  })

  it('keeps the page stamps as publication metadata, not text', () => {
    expect(docs.map((d) => d.meta.dates.published?.value)).toEqual(['2002-03-14', '2005-03-17', '2015-12-11'])
    expect(docs.map((d) => d.meta.stamps.map((s) => s.text))).toEqual([['2002-03-14'], ['2005年3月17日'], ['2015-12-11']])
    for (const doc of docs) expect(doc.meta.dates.published?.source).toBe('stamp')
  })

  it('gives the signing dates and places, inferring document 1 from the citations', () => {
    expect(docs.map((d) => d.meta.dates.signed?.value)).toEqual(['1994-03-07', '2005-03-17', '2015-12-10'])
    expect(docs.map((d) => d.meta.dates.signed?.source)).toEqual(['citation', 'text', 'text'])
    expect(docs[0]!.meta.dates.signed?.from).toBe(URIS[1])
    expect(docs[0]!.meta.dates.signed?.text).toBe('一九九四年三月七日')
    expect(docs.map((d) => d.meta.dates.work?.value)).toEqual(['1994-03-07', '2005-03-17', '2015-12-10'])
    expect(docs.map((d) => d.meta.place)).toEqual([null, '北京', '北京'])
  })

  it('has the FRBR Work URIs of notes/akn.md §0', () => {
    expect(docs.map((d) => d.meta.id)).toEqual(URIS)
  })

  it('counts the preamble paragraphs and marks the enacting formula', () => {
    const preambles = docs.map((d) => section(d, 'preamble')!.children)
    expect(preambles.map((p) => p.length)).toEqual([2, 1, 4])
    expect(preambles.map((p) => p.filter((x) => x.role === 'enactingFormula').map(toText))).toEqual([
      ['根据会谈结果，双方声明如下：'],
      [],
      ['基于进一步发展和深化中阿友好合作关系的共同愿望，双方声明如下：']
    ])
    expect(toText(preambles[1]![0]!)).toBe(
      '应中华人民共和国国家主席胡锦涛阁下的邀请，阿塞拜疆共和国总统伊利哈姆·阿利耶夫阁下二00五年三月十七日至十九日对中华人民共和国进行了国事访问。'
    )
  })

  it('numbers the articles as printed, with their paragraph counts', () => {
    const nums = (n: number) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'].slice(0, n).map((x) => x + '、')
    expect(articles(docs[0]!).map((a) => a.children[0].value)).toEqual(nums(10))
    expect(articles(docs[1]!).map((a) => a.children[0].value)).toEqual(nums(14))
    expect(articles(docs[2]!).map((a) => a.children[0].value)).toEqual(nums(10))
    expect(articles(docs[1]!).map((a) => a.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(articles(docs[0]!).map((a) => paragraphs(a).length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    expect(articles(docs[1]!).map((a) => paragraphs(a).length)).toEqual([1, 1, 1, 2, 1, 2, 4, 1, 1, 3, 1, 1, 2, 1])
    expect(articles(docs[2]!).map((a) => paragraphs(a).length)).toEqual([1, 4, 1, 7, 7, 1, 2, 1, 4, 2])
  })

  it('reads each signatory with party, role and closed-up name', () => {
    const rows = docs.map((d) => signatures(d).map((s) => [s.party, s.partyCode, s.role, s.name, s.nameRaw]))
    expect(rows).toEqual([
      [
        ['中华人民共和国', 'cn', '中华人民共和国代表', '江泽民', '江　泽　民'],
        ['阿塞拜疆共和国', 'az', '阿塞拜疆共和国代表', '盖·阿利耶夫', '盖·阿利耶夫']
      ],
      [
        ['中华人民共和国', 'cn', '中华人民共和国主席', '胡锦涛', '胡锦涛'],
        ['阿塞拜疆共和国', 'az', '阿塞拜疆共和国总统', '伊利哈姆·阿利耶夫', '伊利哈姆·阿利耶夫']
      ],
      [
        ['中华人民共和国', 'cn', '中华人民共和国主席', '习近平', '习近平'],
        ['阿塞拜疆共和国', 'az', '阿塞拜疆共和国总统', '伊利哈姆·阿利耶夫', '伊利哈姆·阿利耶夫']
      ]
    ])
    // The printed （签字） marks stay with their signatory: two each in documents 1 and 3, none in 2.
    expect(docs.map((d) => signatures(d).map((s) => s.children.filter((c) => c.type === 'text').map((c) => (c as {value: string}).value)))).toEqual([
      [['（签字）'], ['（签字）']],
      [[], []],
      [['（签字）'], ['（签字）']]
    ])
  })

  it('cuts the glued ending of document 2 into its last article and its signature block', () => {
    const last = articles(docs[1]!).at(-1)!
    expect(toText(paragraphs(last).at(-1)!)).toBe('双方声明，保持和发展中华人民共和国和阿塞拜疆共和国的友好合作不针对第三国，也不损害第三国的利益。')
    const signing = section(docs[1]!, 'conclusions')!.children.find((c) => c.type === 'signatures')!.children.find((c) => c.type === 'signing')!
    expect(toText(signing)).toBe('二00五年三月十七日于北京')
  })

  it('keeps the role and name in document 3 article 十 as text, not a signature', () => {
    const ten = articles(docs[2]!)[9]!
    const second = paragraphs(ten)[1]!
    expect(toText(second).startsWith('阿塞拜疆共和国总统伊利哈姆·阿利耶夫感谢中华人民共和国主席习近平')).toBe(true)
    expect(signatures(docs[2]!)).toHaveLength(2)
    // …but its role and person are marked inline.
    const marks = second.children.filter((c): c is EntityMark => c.type === 'role' || c.type === 'person').map((m) => [m.type, toText(m)])
    expect(marks.slice(0, 4)).toEqual([
      ['role', '阿塞拜疆共和国总统'],
      ['person', '伊利哈姆·阿利耶夫'],
      ['role', '中华人民共和国主席'],
      ['person', '习近平']
    ])
  })

  it('resolves the three in-batch citations and leaves the others unresolved', () => {
    const resolved = docs.map((d) => citations(d).filter((c) => c.target !== null).map((c) => [c.title, c.target]))
    expect(resolved).toEqual([
      [],
      [[TITLES[0], URIS[0]]],
      [
        [TITLES[0], URIS[0]],
        [TITLES[1], URIS[1]]
      ]
    ])
    expect(docs.map((d) => citations(d).length)).toEqual([0, 17, 5])
    expect(citations(docs[1]!).filter((c) => c.title === '联合国宪章')).toHaveLength(2)
    const unresolved = result.files[0]!.messages.filter((m) => m.ruleId === 'unresolved-citation')
    expect(unresolved).toHaveLength(19)
  })

  it('marks the visit ranges as ISO dates', () => {
    const firstDate = (doc: Document): DateMark => {
      let found: DateMark | undefined
      visit(section(doc, 'preamble')!, 'date', (n) => {
        found ??= n as DateMark
      })
      return found!
    }
    expect(docs.map((d) => [firstDate(d).iso, firstDate(d).isoEnd, toText(firstDate(d))])).toEqual([
      ['1994-03-07', '1994-03-10', '一九九四年三月七日至十日'],
      ['2005-03-17', '2005-03-19', '二00五年三月十七日至十九日'],
      ['2015-12-08', '2015-12-11', '2015年12月8日至11日']
    ])
  })

  it('knows 盖阿利耶夫 (no middle dot) as the same person as 盖·阿利耶夫', () => {
    const persons: EntityMark[] = []
    visit(docs[0]!, 'person', (n) => {
      persons.push(n as EntityMark)
    })
    const gai = persons.filter((p) => p.ref === 'gaiAliyefu')
    expect(gai.map(toText)).toEqual(['盖阿利耶夫', '盖·阿利耶夫'])
    expect(new Set(gai.map((p) => p.showAs))).toEqual(new Set(['盖·阿利耶夫']))
  })

  it('records the site label, font-size widgets and print links as removals', () => {
    const removed = docs.flatMap((d) => d.meta.removed)
    expect(removed.map((r) => [r.rule, r.text])).toEqual([
      ['site-label', '1994阿塞拜疆友好合作关系'],
      ['font-size-widget', '[字体：大 中 小]      打印本页'],
      ['font-size-widget', '[字体：大 中 小]      打印本页'],
      ['font-size-widget', '[字体：大 中 小]      打印本页']
    ])
    for (const r of removed) expect(seedText.slice(r.start, r.end)).toBe(r.text)
  })

  it('raises no warnings on the seed', () => {
    expect(result.failed).toEqual([])
    expect(result.files[0]!.messages.filter((m) => m.fatal !== undefined)).toEqual([])
  })
})

describe('entities in the seed', () => {
  it('marks 联合国 as the UN, but not inside the unbracketed title 联合国宪章', async () => {
    const {documents} = await convertSeed()
    const orgs = (doc: Document) => {
      const out: string[] = []
      visit(doc, 'organization', (n) => {
        out.push(toText(n as EntityMark))
      })
      return out
    }
    // Document 1 article 二 reads `按照联合国宪章`: a title, not the organisation.
    expect(orgs(documents[0]!)).toEqual([])
    expect(orgs(documents[1]!)).toContain('联合国')
  })
})
