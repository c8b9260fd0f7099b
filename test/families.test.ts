/**
 * Document families beyond the seed (test/fixtures/families): treaties with
 * chapters, agreements with `第一条` inline or on its own line, declarations
 * with nested points, exchanges of notes, English counterparts, and documents
 * with no title, no numbering or no signature block. Each must segment as
 * written, keep every character, and give valid Akoma Ntoso.
 */
import {RELEASE_DATE} from '../pipeline/frbr/conversion-date.js'
import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {visit} from 'unist-util-visit'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {toText} from '../pipeline/tree/text.js'
import type {Division, Document, Signature} from '../pipeline/tree/types.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {findSchemaDir, validateAkn} from '../pipeline/validate/akn-schema.js'
import {coverage} from './helpers/coverage.js'
import {PRESCRIPTIVE_NAMES} from '../pipeline/write/akn/vocabulary.js'
import {root} from './helpers/seed.js'

const dir = path.join(root, 'test', 'fixtures', 'families')
/** The fixtures of `test/fixtures/families`, each a page written for one shape of the family. */
const FAMILIES = [
  'treaty-chapters',
  'declaration-points',
  'exchange-of-notes',
  'no-title-no-numbers',
  'english-statement',
  'agreement-inline',
  'english-agreement-articles',
  'english-treaty-words',
  'agreement-arabic-tiao',
  'statement-enclosed-numbers',
  'statement-formal-numerals',
  'exchange-of-letters',
  'flattened-two-documents',
  'agreement-padded-grid',
  'english-testimonium',
  'agreement-role-colon-name',
  'english-memorandum-office-under-name',
  'agreement-annex',
  'english-wrapped-party-grid',
  'english-wrapped-party-grid-names',
  'english-news-repost',
  'news-repost-end-mark',
  'statement-broken-title-dated-close',
  'english-title-in-capitals-two-lines',
  'english-agreement-page.html'
]

const results = new Map<string, Converted>()

beforeAll(async () => {
  for (const name of FAMILIES) {
    const file = path.join(dir, name.endsWith('.html') ? name : `${name}.txt`)
    results.set(name, await convert([{path: file, bytes: readFileSync(file)}]))
  }
})

const only = (name: string): Document => {
  const docs = results.get(name)!.documents
  expect(docs).toHaveLength(1)
  return docs[0]!
}

/** The numbered outline: `num` of every division, nested. */
type Outline = Array<string | [string, Outline]>
function outline(nodes: ReadonlyArray<{type: string}>): Outline {
  const out: Outline = []
  for (const node of nodes) {
    if (node.type !== 'article' && node.type !== 'point' && node.type !== 'chapter') continue
    const division = node as Division
    const inner = outline(division.children)
    out.push(inner.length > 0 ? [division.children[0].value, inner] : division.children[0].value)
  }
  return out
}
const body = (doc: Document) => doc.children.find((s) => s.type === 'body')!.children
const signatures = (doc: Document) => {
  const out: Array<[string | null, string | null, string | null]> = []
  visit(doc, 'signature', (n) => {
    const s = n as Signature
    out.push([s.partyCode, s.role, s.name])
  })
  return out
}

describe('document families', () => {
  it('treaty with chapters: 第一章 > 第一条 > （一）, a closing clause and plenipotentiaries', () => {
    const doc = only('treaty-chapters')
    expect(doc.meta).toMatchObject({docType: 'treaty', id: '/akn/cn/statement/treaty/1962-12-26/cn-mn', place: '北京'})
    expect(outline(body(doc))).toEqual([
      ['第一章', [['第一条', ['（一）', '（二）']], '第二条']],
      ['第二章', ['第三条']]
    ])
    const chapter = body(doc)[0] as Division
    expect(toText(chapter.children[1]!)).toBe('边界的走向')
    const third = (body(doc)[1] as Division).children.find((c) => c.type === 'article') as Division
    expect(third.children.filter((c) => c.type === 'paragraph').map(toText)).toEqual(['本条约须经批准，批准书在北京互换。', '本条约自互换批准书之日起生效。'])
    const conclusions = doc.children.find((s) => s.type === 'conclusions')!
    expect(conclusions.children[0]).toMatchObject({type: 'paragraph', role: 'closing'})
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国全权代表', '周恩来'],
      ['mn', '蒙古人民共和国全权代表', '泽登巴尔']
    ])
  })

  it('agreement with 第一条 inline, a closing clause and one-line columns', () => {
    const doc = only('agreement-inline')
    expect(doc.meta).toMatchObject({docType: 'agreement', id: '/akn/cn/statement/agreement/1985-11-21/cn-sg', place: '新加坡'})
    expect(outline(body(doc))).toEqual(['第一条', '第二条', '第三条'])
    expect(toText((body(doc)[0] as Division).children[1]!)).toBe('本协定所称“投资”，系指依照缔约一方法律在其领土内投资的各种财产。')
    expect(doc.children.find((s) => s.type === 'preamble')!.children.map((p) => p.role)).toEqual(['enactingFormula'])
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国政府代表', '郑拓彬'],
      ['sg', '新加坡共和国政府代表', '陈庆炎']
    ])
  })

  it('declaration with nested points 一、 > （一） > 1. > （1） and dash-led paragraphs', () => {
    const doc = only('declaration-points')
    expect(doc.meta).toMatchObject({docType: 'jointDeclaration', id: '/akn/cn/statement/jointDeclaration/1997-04-23/cn-ru', place: '莫斯科'})
    expect(outline(body(doc))).toEqual([['一、', [['（一）', ['1.', ['2.', ['（1）', '（2）']]]], '（二）']], '二、'])
    const second = ((body(doc)[0] as Division).children.filter((c) => c.type === 'point') as Division[])[1]!
    expect(second.children.filter((c) => c.type === 'paragraph').map(toText)).toEqual(['双方认为：', '——和平与发展已成为当今世界的主题；', '——冷战思维必须摒弃。'])
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国主席', '江泽民'],
      ['ru', '俄罗斯联邦总统', '鲍·叶利钦']
    ])
  })

  it('exchange of notes: two notes in one document, each an article with its points', () => {
    const doc = only('exchange-of-notes')
    expect(doc.meta).toMatchObject({docType: 'exchangeOfNotes', id: '/akn/cn/statement/exchangeOfNotes/1956-09-20/cn-np', place: '加德满都'})
    expect(outline(body(doc))).toEqual([['一、', ['（一）', '（二）']], '二、'])
    const notes = body(doc) as Division[]
    expect(toText(notes[0]!.children[1]!)).toBe('中国驻尼泊尔大使给尼泊尔外交大臣的照会')
    expect(toText(notes[1]!.children[1]!)).toBe('尼泊尔外交大臣给中国驻尼泊尔大使的复照')
  })

  it('English counterpart: title, numbered points, signatories and signing line', () => {
    const doc = only('english-statement')
    expect(doc.meta).toMatchObject({
      language: 'en',
      docType: 'jointStatement',
      id: '/akn/cn/statement/jointStatement/2015-12-10/cn-az',
      place: 'Beijing',
      title: 'Joint Statement between the People\'s Republic of China and the Republic of Azerbaijan on Further Developing Friendly Cooperation'
    })
    expect(outline(body(doc))).toEqual(['1.', '2.', '3.'])
    expect(toText((body(doc)[1] as Division).children[1]!)).toBe("The two sides will firmly support each other's choice of development path.")
    expect(doc.children.find((s) => s.type === 'preamble')!.children.map((p) => p.role ?? null)).toEqual([null, 'enactingFormula'])
    expect(signatures(doc)).toEqual([
      ['cn', "President of the People's Republic of China", 'Xi Jinping'],
      ['az', 'President of the Republic of Azerbaijan', 'Ilham Aliyev']
    ])
  })

  it('English agreement in capitals: CHAPTER I > ARTICLE I, a sentence citing an article, two columns of signatories, a toolbar', async () => {
    const doc = only('english-agreement-articles')
    expect(doc.meta).toMatchObject({language: 'en', docType: 'agreement', id: '/akn/cn/statement/agreement/2015-05-12/cn-ke', place: 'Nairobi'})
    expect(doc.meta.parties).toEqual([
      {name: "People's Republic of China", code: 'cn'},
      {name: 'Republic of Kenya', code: 'ke'}
    ])
    expect(outline(body(doc))).toEqual([
      ['CHAPTER I', ['ARTICLE I', 'ARTICLE II']],
      ['CHAPTER II', ['ARTICLE III']]
    ])
    // `Article 5 of the Agreement…` opens a sentence of ARTICLE III; `This Agreement shall…` is not a title.
    const third = (body(doc)[1] as Division).children[2] as Division
    expect(third.children.slice(1).map((p) => toText(p))).toEqual([
      'Article 5 of the Agreement of 1980 shall cease to apply between the Parties.',
      'This Agreement shall enter into force on the date of signature.'
    ])
    expect(signatures(doc)).toEqual([
      ['cn', "FOR THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA", 'Liu Xianfa'],
      ['ke', 'FOR THE GOVERNMENT OF THE REPUBLIC OF KENYA', 'Henry Rotich']
    ])
    const file = results.get('english-agreement-articles')!.files[0]!
    expect(file.data.removed!.map((r) => r.rule)).toContain('toolbar')
    const markdown = new TextDecoder().decode(await createWriteContext([doc]).render('md', doc))
    expect(markdown).toContain('\n## CHAPTER I GENERAL PROVISIONS\n')
    expect(markdown).toContain('\nARTICLE I Definitions\n')
  })

  it('English treaty with number words (`Article One`), a typographic apostrophe and signatories line by line', () => {
    const doc = only('english-treaty-words')
    expect(doc.meta).toMatchObject({docType: 'treaty', id: '/akn/cn/statement/treaty/1960-01-29/cn-mm', place: 'Peking'})
    expect(doc.meta.parties.map((p) => p.name)).toEqual(["People's Republic of China", 'Union of Burma'])
    expect(outline(body(doc))).toEqual(['Article One', 'Article Two'])
    expect((body(doc) as Division[]).map((d) => d.ordinal)).toEqual([1, 2])
    expect(signatures(doc)).toEqual([
      ['cn', 'For the People’s Republic of China', 'Chou En-lai'],
      ['mm', 'For the Union of Burma', 'Ne Win']
    ])
  })

  it('agreement numbered 第1条 in Arabic digits: articles, the signing clause closes them, two signatories', () => {
    const doc = only('agreement-arabic-tiao')
    expect(doc.meta).toMatchObject({docType: 'agreement', id: '/akn/cn/statement/agreement/2018-05-20/cn-sg', place: '新加坡'})
    expect(outline(body(doc))).toEqual(['第1条', '第2条', '第3条'])
    expect(toText(doc.children.find((s) => s.type === 'conclusions')!)).toMatch(/^本协定于2018年5月20日在新加坡签订/)
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国政府代表', '王毅'],
      ['sg', '新加坡共和国政府代表', '维文']
    ])
  })

  it('statement with enclosed numbers ①② and ⑴⑵ under different articles, and a dateline `date，place` under the title', () => {
    const doc = only('statement-enclosed-numbers')
    expect(doc.meta).toMatchObject({docType: 'jointStatement', id: '/akn/cn/statement/jointStatement/2019-09-11/cn-kz', place: '北京'})
    expect(doc.meta.dates.signed).toMatchObject({value: '2019-09-11', text: '2019年9月11日'})
    expect(outline(body(doc))).toEqual([['一、', ['①', '②']], ['二、', ['⑴', '⑵']], '三、'])
  })

  it('statement numbered with formal numerals 壹、貳、參、 and a signing line that opens with its date', () => {
    const doc = only('statement-formal-numerals')
    expect(doc.meta).toMatchObject({docType: 'jointStatement', id: '/akn/cn/statement/jointStatement/1987-04-13/cn-pt', place: '北京'})
    expect(outline(body(doc))).toEqual(['壹、', '貳、', '參、'])
    expect((body(doc) as Division[]).map((d) => d.ordinal)).toEqual([1, 2, 3])
    expect(toText(doc.children.find((s) => s.type === 'conclusions')!)).toMatch(/^一九八七年四月十三日在北京簽訂，一式兩份/)
  })

  it('exchange of letters: its own family, binding like an exchange of notes, signed under the letter', () => {
    const doc = only('exchange-of-letters')
    expect(doc.meta).toMatchObject({docType: 'exchangeOfLetters', docTypeLabel: '换函', id: '/akn/cn/statement/exchangeOfLetters/2005-07-01/cn-th', place: '北京'})
    expect(signatures(doc)).toEqual([['cn', '中华人民共和国外交部副部长', '张业遂']])
    expect(PRESCRIPTIVE_NAMES.has(doc.meta.docType)).toBe(true)
  })

  it('a page flattened onto one line: two documents between inline chrome, each dated and placed by its signing line', () => {
    const docs = results.get('flattened-two-documents')!.documents
    expect(docs.map((doc) => [doc.meta.docType, doc.meta.id, doc.meta.place])).toEqual([
      ['jointCommunique', '/akn/cn/statement/jointCommunique/2017-11-13/cn-vn', '河内'],
      ['jointStatement', '/akn/cn/statement/jointStatement/2017-11-14/cn-la', '万象']
    ])
    expect(docs.map((doc) => outline(body(doc)))).toEqual([['一、', '二、', '三、'], ['一、', '二、']])
    const removed = results.get('flattened-two-documents')!.files[0]!.data.removed!.map((r) => [r.rule, r.text.trim()])
    expect(removed).toContainEqual(['share-links-inline', '分享到：微信 微博 QQ空间'])
    expect(removed).toContainEqual(['previous-next', '上一篇：无 下一篇：无'])
    expect(docs[1]!.meta.truncated ?? false).toBe(false)
  })

  it('a signature grid padded to one width is columns, not hard-wrapped prose: the title and the grid stay apart', () => {
    const doc = only('agreement-padded-grid')
    expect(doc.meta).toMatchObject({docType: 'agreement', id: '/akn/cn/statement/agreement/2004-10-14/cn-ru', place: '北京', title: '中华人民共和国和俄罗斯联邦关于中俄国界东段的补充协定'})
    expect(outline(body(doc))).toEqual(['第一条', '第二条'])
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国全权代表', '李肇星'],
      ['ru', '俄罗斯联邦全权代表', '拉夫罗夫']
    ])
  })

  it('English testimonium and `DONE at` in capitals close the articles and give the place', () => {
    const doc = only('english-testimonium')
    expect(doc.meta).toMatchObject({docType: 'agreement', id: '/akn/cn/statement/agreement/2016-01-21/cn-eg', place: 'Cairo'})
    expect(outline(body(doc))).toEqual(['ARTICLE 1', 'ARTICLE 2'])
    const conclusions = doc.children.find((s) => s.type === 'conclusions')!.children.filter((c) => c.type === 'paragraph').map((p) => toText(p).slice(0, 18))
    expect(conclusions).toEqual(['IN WITNESS WHEREOF', 'DONE at Cairo this'])
    expect(signatures(doc)).toEqual([
      ['cn', "FOR THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA", 'LUO GUANGCAI'],
      ['eg', 'FOR THE GOVERNMENT OF THE ARAB REPUBLIC OF EGYPT', 'SAMEH SHOUKRY']
    ])
  })

  it('signatories printed as `role：name（签字）`, one per line: the colon is printed text of the role, the mark stays with the name', () => {
    const doc = only('agreement-role-colon-name')
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国政府代表', '薄熙来'],
      ['cl', '智利共和国政府代表', '瓦尔克']
    ])
    const first = doc.children.find((s) => s.type === 'conclusions')!.children.find((c) => c.type === 'signatures')!.children[0]!
    expect(toText(first)).toBe('中华人民共和国政府代表：薄熙来（签字）')
  })

  it('English signatories with the office printed under the name: `On behalf of…` opens each, the office stays with its name', () => {
    const doc = only('english-memorandum-office-under-name')
    expect(doc.meta).toMatchObject({docType: 'memorandum', id: '/akn/cn/statement/memorandum/2004-11-18/cn-cl', place: 'Santiago'})
    expect(signatures(doc)).toEqual([
      ['cn', "On behalf of the Ministry of Commerce of the People's Republic of China Minister of Commerce", 'Bo Xilai'],
      ['cl', 'On behalf of the Ministry of Foreign Affairs of the Republic of Chile Minister of Foreign Affairs', 'Ignacio Walker']
    ])
    const signature = doc.children.find((s) => s.type === 'conclusions')!.children.find((c) => c.type === 'signatures')!.children[0] as Signature
    expect(signature.children.map((c) => c.type)).toEqual(['role', 'person', 'role'])
  })

  it('an annex after the signatures (`附件一`) is text of the document, not a signatory', () => {
    const doc = only('agreement-annex')
    expect(signatures(doc)).toEqual([
      ['cn', '中华人民共和国政府代表', '薄熙来'],
      ['pk', '巴基斯坦伊斯兰共和国政府代表', '胡马雍·阿赫塔尔·汗']
    ])
    const texts = doc.children.find((s) => s.type === 'conclusions')!.children.filter((c) => c.type === 'paragraph').map((p) => toText(p))
    expect(texts.slice(1)).toEqual(['附件一', '关税减让表', '一、中方减让', '二、巴方减让'])
  })

  it('English party lines wrapped in two rows of a grid (`FOR THE GOVERNMENT OF THE` twice, then the states): one party per column', () => {
    const doc = only('english-wrapped-party-grid')
    expect(signatures(doc)).toEqual([
      ['cn', "FOR THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA", null],
      ['eg', 'FOR THE GOVERNMENT OF THE ARAB REPUBLIC OF EGYPT', null]
    ])
    // The same cell twice in a row is two columns, not a quotation of the text.
    expect(results.get('english-wrapped-party-grid')!.files[0]!.data.removed).toEqual([])
    // With a row of names under them, each column is a party line and its signatory.
    expect(signatures(only('english-wrapped-party-grid-names'))).toEqual([
      ['cn', "FOR THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA", 'LUO GUANGCAI'],
      ['eg', 'FOR THE GOVERNMENT OF THE ARAB REPUBLIC OF EGYPT', 'SAMEH SHOUKRY']
    ])
  })

  it('a news repost: headline, time stamp and lead go, the agency\'s end mark goes, one document stays', () => {
    const en = only('english-news-repost')
    expect(en.meta).toMatchObject({docType: 'jointStatement', id: '/akn/cn/statement/jointStatement/2019-04-25/cn-by', place: 'Beijing'})
    expect(en.meta.dates.published?.value).toBe('2019-04-25')
    expect(signatures(en)).toEqual([])
    const zh = only('news-repost-end-mark')
    expect(zh.meta.title).toBe('中华人民共和国和白俄罗斯共和国联合声明')
    expect(zh.meta.dates.published?.value).toBe('2019-04-26')
    expect(signatures(zh)).toEqual([])
    for (const name of ['english-news-repost', 'news-repost-end-mark']) {
      expect(results.get(name)!.files[0]!.data.removed!.map((r) => r.rule)).toContain('end-mark')
    }
  })

  it('titles broken over two lines, in Chinese mid-phrase and in English capitals after `AND`; a closing line that opens with its date', () => {
    const zh = only('statement-broken-title-dated-close')
    expect(zh.meta).toMatchObject({title: '中华人民共和国政府和大不列颠及北爱尔兰联合王国政府关于香港问题的联合声明', place: '北京', id: '/akn/cn/statement/jointStatement/1984-12-19/cn-gb'})
    expect(outline(body(zh))).toEqual(['一、', '二、'])
    const en = only('english-title-in-capitals-two-lines')
    expect(en.meta.title).toBe("JOINT DECLARATION OF THE GOVERNMENT OF THE UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND AND THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA ON THE QUESTION OF HONG KONG")
    expect(en.meta).toMatchObject({docType: 'jointDeclaration', id: '/akn/cn/statement/jointDeclaration/1984-12-19/cn-gb', place: 'Beijing'})
  })

  it('an English web page: the heading is the title, not a bare `<title>Treaty</title>`; articles in <strong>; a signature table', () => {
    const doc = only('english-agreement-page.html')
    expect(doc.meta.title).toBe("Agreement between the Government of the People's Republic of China and the Government of the Republic of Fiji on Mutual Visa Exemption")
    expect(doc.meta).toMatchObject({docType: 'agreement', id: '/akn/cn/statement/agreement/2015-09-14/cn-fj', place: 'Suva'})
    expect(outline(body(doc))).toEqual(['Article 1', 'Article 2'])
    expect(signatures(doc)).toEqual([
      ['cn', "For the Government of the People's Republic of China", 'Zhang Ping'],
      ['fj', 'For the Government of the Republic of Fiji', 'Ratu Inoke Kubuabola']
    ])
  })

  it('no title, no numbering, no signature: one document of plain paragraphs, with warnings', () => {
    const result = results.get('no-title-no-numbers')!
    const doc = only('no-title-no-numbers')
    // Nothing dates it: the Work is dated by the conversion (frbr/conversion-date.ts), never `undated`.
    expect(doc.meta).toMatchObject({docType: 'document', title: '', id: `/akn/cn/statement/document/${RELEASE_DATE}/nn`})
    expect(doc.meta.dates.work).toMatchObject({value: RELEASE_DATE, source: 'conversion'})
    expect(body(doc).map((p) => toText(p))).toEqual(['双方认为，两国关系的发展符合两国人民的根本利益。', '双方同意加强在经贸、文化、教育等领域的交流与合作。'])
    expect(result.files[0]!.messages.map((m) => m.ruleId).sort()).toEqual(['no-signature', 'no-work-date'])
  })

  it(`keeps every character of every family, and writes valid Akoma Ntoso${findSchemaDir() ? '' : ' [XSD check skipped: no AKN schema]'}`, async () => {
    const docs: Document[] = []
    for (const [name, result] of results) {
      const file = result.files[0]!
      expect(coverage(file.data.source!.text, result.trees.get(file)!, file.data.removed!, file.data.stamps!), name).toEqual([])
      docs.push(...result.documents)
    }
    if (!findSchemaDir()) return
    const context = createWriteContext(docs)
    const xml = await Promise.all(docs.map(async (doc) => ({name: doc.meta.slug, xml: new TextDecoder().decode(await context.render('akn', doc))})))
    const report = await validateAkn(xml)
    expect(report.filter((r) => !r.valid)).toEqual([])
  })
})
