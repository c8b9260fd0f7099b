/**
 * Recognition on inputs written here, one capability of issue 8 at a time, and
 * its probes as regression tests. Every case also holds the nothing-lost
 * invariant. The corpus pages are checked by `test/corpus.test.ts` and
 * `make corpus`; these inputs are of the same family but none is a corpus page.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {toText} from '../pipeline/tree/text.js'
import {walk} from '../pipeline/tree/walk.js'
import type {Division, Document, Paragraph, Signature, Signatures} from '../pipeline/tree/types.js'
import {coverage} from './helpers/coverage.js'
import {corpusDir, seedText} from './helpers/seed.js'

async function run(text: string, name = 'page.txt'): Promise<Converted> {
  const result = await convert([{path: name, bytes: new TextEncoder().encode(text)}])
  for (const file of result.files) {
    const tree = result.trees.get(file)
    expect(tree, 'the file converts').toBeDefined()
    expect(coverage(file.data.source!.text, tree!, file.data.removed!, file.data.stamps!), 'nothing lost, nothing counted twice').toEqual([])
  }
  return result
}

const section = (doc: Document, type: string) => doc.children.find((s) => s.type === type)
const texts = (doc: Document, type: string): string[] => ((section(doc, type)?.children ?? []) as Paragraph[]).filter((c) => c.type === 'paragraph').map(toText)
const articles = (doc: Document): Division[] => {
  const out: Division[] = []
  walk(doc, (node) => {
    if (node.type === 'article') out.push(node as Division)
  })
  return out
}
const nums = (doc: Document): string[] => articles(doc).map((a) => a.children[0].value)
const signatories = (doc: Document): Array<[string | null, string | null]> => {
  const out: Array<[string | null, string | null]> = []
  walk(doc, (node) => {
    if (node.type === 'signature') out.push([(node as Signature).role, (node as Signature).name])
  })
  return out
}
const removedRules = (result: Converted): string[] => result.files[0]!.data.removed!.map((r) => r.rule)
const removedTexts = (result: Converted): string[] => result.files[0]!.data.removed!.map((r) => r.text)
const content = (doc: Document): string => {
  const parts: string[] = []
  walk(doc, (node) => {
    if (node.type === 'text' || node.type === 'num') parts.push((node as unknown as {value: string}).value)
  })
  return parts.join('')
}

const TITLE = '中华人民共和国和哈萨克斯坦共和国联合声明'
const BODY = ['应中华人民共和国主席习近平邀请，哈萨克斯坦共和国总统纳扎尔巴耶夫于2019年9月10日至12日对中国进行国事访问。', '双方声明如下：', '一、双方同意深化全面战略伙伴关系。', '二、双方将加强经贸合作。']
const SIGNATURES = ['中华人民共和国主席　　　　哈萨克斯坦共和国总统', '习近平　　　　纳扎尔巴耶夫', '（签字）　　　　（签字）', '二〇一九年九月十一日于北京']
const DOCUMENT = [TITLE, ...BODY, ...SIGNATURES].join('\n')

// ------------------------------------------------------------------ probes

describe('the probes of issue 8, kept as regressions', () => {
  it('keeps the 4 of `冠華⏎和 M 4`', async () => {
    const result = await run('冠華\n和 M 4')
    expect(content(result.documents[0]!)).toContain('4')
  })

  it.skipIf(!existsSync(corpusDir))('keeps 020’s `(簽名)` when the page prints it instead of `(簽字)`', async () => {
    const text = readFileSync(path.join(corpusDir, '020.txt'), 'utf8').replaceAll('簽字', '簽名')
    const result = await run(text)
    expect(signatories(result.documents[0]!).map(([, name]) => name)).toEqual(['喬冠華', '艾惕思'])
  })

  it('does not count a link removed inside `第四[复制链接]条` as part of the number', async () => {
    const result = await run(DOCUMENT.replace('二、双方将加强经贸合作。', '二、双方将加强经贸合作。\n三、双方确认。\n第四[复制链接]条 双方将加强人文交流。').replace(/[一二三]、/g, (m) => `第${m[0]}条 `))
    const doc = result.documents[0]!
    expect(nums(doc)).toEqual(['第一条', '第二条', '第三条', '第四条'])
    expect(articles(doc)[3]!.ordinal).toBe(4)
    expect(removedTexts(result)).toEqual(['[复制链接]'])
  })

  it('keeps a paragraph that starts `2015年两国关系…` (no site-label rule fires inside text)', async () => {
    const result = await run([TITLE, '2015年两国关系取得新进展，双方同意发表联合声明。', ...BODY.slice(1), ...SIGNATURES].join('\n'))
    expect(texts(result.documents[0]!, 'preamble')[0]).toBe('2015年两国关系取得新进展，双方同意发表联合声明。')
    expect(removedRules(result)).toEqual([])
  })

  it('reads a signatory named 纳扎尔巴耶夫 as a name, and keeps the other signatory', async () => {
    const result = await run(DOCUMENT)
    expect(signatories(result.documents[0]!)).toEqual([
      ['中华人民共和国主席', '习近平'],
      ['哈萨克斯坦共和国总统', '纳扎尔巴耶夫']
    ])
  })

  it('keeps a list （一）（二） in the preamble out of the article level', async () => {
    const text = [TITLE, '双方重申遵守以下原则：', '（一）互相尊重主权和领土完整；', '（二）互不侵犯；', '双方声明如下：', '一、双方同意加强合作。', '（一）扩大贸易。', '（二）增加投资。', '二、双方重申友好。', ...SIGNATURES].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(nums(doc)).toEqual(['一、', '二、'])
    expect(texts(doc, 'preamble')).toEqual(['双方重申遵守以下原则：', '（一）互相尊重主权和领土完整；', '（二）互不侵犯；', '双方声明如下：'])
    expect(articles(doc)[0]!.children.filter((c) => c.type === 'point').map((p) => (p as Division).children[0].value)).toEqual(['（一）', '（二）'])
  })

  it('dates the seed’s first statement from the citation whatever qualifies it (`具有重要意义的`)', async () => {
    const original = await run(seedText)
    const edited = await run(seedText.replaceAll('具有历史意义的', '具有重要意义的'))
    const first = (r: Converted) => r.documents[0]!.meta.dates.signed
    expect(first(edited)).toEqual(first(original))
    expect(first(edited)?.source).toBe('citation')
  })

  it('warns when page matter of 200 or more prose-like characters is removed', async () => {
    const story = '据新华社报道，'.padEnd(230, '两国关系发展顺利，双方交流频繁，合作不断深化。')
    const result = await run([story, '以下为声明全文：', DOCUMENT].join('\n'))
    expect(result.documents.map((d) => d.meta.title)).toEqual([TITLE])
    expect(result.files[0]!.messages.some((m) => m.ruleId === 'removed-prose')).toBe(true)
  })
})

// ------------------------------------------------------------------ capabilities

describe('1. titles over lines, behind labels, with annotations', () => {
  it('joins a title broken over two lines', async () => {
    const doc = (await run(DOCUMENT.replace(TITLE, '中华人民共和国和哈萨克斯坦\n共和国联合声明'))).documents[0]!
    expect(doc.meta.title).toBe(TITLE)
  })

  it('takes the title out of `标题：…` and `Document 3 - …, date`', async () => {
    const labelled = await run(DOCUMENT.replace(TITLE, `标题：${TITLE}`))
    expect(labelled.documents[0]!.meta.title).toBe(TITLE)
    const english = await run(
      ['Document 3 - Joint Statement of the People’s Republic of China and the Republic of Kazakhstan, 11 September 2019', 'The two sides declare as follows:', '1. The two sides agree to deepen cooperation.', '2. The two sides will expand trade.', 'Done at Beijing on September 11, 2019.'].join('\n')
    )
    expect(english.documents[0]!.meta.title).toBe('Joint Statement of the People’s Republic of China and the Republic of Kazakhstan')
    expect(english.documents[0]!.meta.dates.signed?.value).toBe('2019-09-11')
  })

  it('keeps a dated annotation as metadata and drops `（全文）`', async () => {
    const dated = await run(DOCUMENT.replace(TITLE, `${TITLE}\n（一九五四年十月十二日发表）`).replace(/\n二〇一九年九月十一日于北京$/, ''))
    const doc = dated.documents[0]!
    expect(doc.meta.title).toBe(TITLE)
    expect(doc.meta.dates.signed?.value).toBe('1954-10-12')
    expect(texts(doc, 'preface')).toEqual(['（一九五四年十月十二日发表）'])
    const full = await run(DOCUMENT.replace(TITLE, `${TITLE}（全文）`))
    expect(full.documents[0]!.meta.title).toBe(TITLE)
    expect(removedTexts(full)).toEqual(['（全文）'])
  })
})

describe('2. a document ends at its last closing element', () => {
  it('removes what follows the signing line: licence, related links, editor, CMS fields', async () => {
    const result = await run([DOCUMENT, '相关阅读', '中哈关系大事记', '责任编辑：张三', '浏览次数：1024', '本作品在全世界都属于公有领域。'].join('\n'))
    const doc = result.documents[0]!
    expect(result.documents).toHaveLength(1)
    expect(content(doc)).not.toContain('相关阅读')
    expect(content(doc)).not.toContain('责任编辑')
    expect(content(doc)).not.toContain('浏览次数')
    expect(signatories(doc)).toHaveLength(2)
  })
})

describe('3. signing date and place from where the text says them', () => {
  it('from a closing sentence', async () => {
    const doc = (await run([TITLE, ...BODY, '本声明于二○一九年九月十一日在北京签署，一式两份。', ...SIGNATURES.slice(0, 3)].join('\n'))).documents[0]!
    expect([doc.meta.dates.signed?.value, doc.meta.place]).toEqual(['2019-09-11', '北京'])
  })

  it('from an English `Done in duplicate at …`', async () => {
    const doc = (await run(['Joint Communiqué between the People’s Republic of China and Ireland', 'The two Governments have decided to establish diplomatic relations.', 'Done in duplicate at Dublin on June 22,1979.'].join('\n'))).documents[0]!
    expect([doc.meta.dates.signed?.value, doc.meta.place]).toEqual(['1979-06-22', 'Dublin'])
  })

  it('from a dateline under the title', async () => {
    const doc = (await run([TITLE, '2019年9月11日于北京', ...BODY].join('\n'))).documents[0]!
    expect([doc.meta.dates.signed?.value, doc.meta.place]).toEqual(['2019-09-11', '北京'])
  })
})

describe('4. publication stamps in every common form', () => {
  it.each([
    ['发布时间：2019-09-12 10:30', '2019-09-12'],
    ['日期: 2019-09-12', '2019-09-12'],
    ['时间:2019-09-12 10:30:05', '2019-09-12'],
    ['(2019-09-12更新)', '2019-09-12'],
    ['2019-09-12 10:30', '2019-09-12']
  ])('%s', async (stamp, value) => {
    const result = await run([TITLE, stamp, ...BODY, ...SIGNATURES].join('\n'))
    const doc = result.documents[0]!
    expect(doc.meta.dates.published?.value).toBe(value)
    expect(doc.meta.dates.signed?.value).toBe('2019-09-11')
  })

  it('applies one stamp to every document of the page', async () => {
    const result = await run(['发布时间：2019-09-12 10:30', DOCUMENT, DOCUMENT.replace('哈萨克斯坦', '乌兹别克斯坦').replace('纳扎尔巴耶夫', '米尔济约耶夫')].join('\n'))
    expect(result.documents.map((d) => d.meta.dates.published?.value)).toEqual(['2019-09-12', '2019-09-12'])
  })
})

describe('5. documents inside commentary', () => {
  it('finds an untitled document announced by a news lead, and takes its title and date from the lead', async () => {
    const lead = '新华社北京9月11日电 9月11日，国家主席习近平同哈萨克斯坦总统在北京举行会谈并签署《中华人民共和国和哈萨克斯坦共和国联合声明》。全文如下：'
    const result = await run(['国际新闻', lead, ...BODY, '（完）', '【编辑:李四】'].join('\n') + '\n')
    const doc = result.documents[0]!
    expect(result.documents).toHaveLength(1)
    expect(doc.meta.title).toBe(TITLE)
    expect(doc.meta.dates.signed?.value).toBe('2019-09-11')
    expect(nums(doc)).toEqual(['一、', '二、'])
    expect(content(doc)).not.toContain('新华社')
  })

  it('removes a writing guide’s explanation before its specimen', async () => {
    const guide = ['公报', '公报，亦称会谈公报。即是两个或两个以上国家的代表在会谈后发表的文书。', '公报一般由三部分组成：', '（一）标题 写明国家名称。', '（二）正文 写所公布的内容。', '【范例】：']
    const result = await run([...guide, DOCUMENT].join('\n'))
    expect(result.documents.map((d) => d.meta.title)).toEqual([TITLE])
    expect(nums(result.documents[0]!)).toEqual(['一、', '二、'])
  })
})

describe('6. boundaries with or without page chrome', () => {
  const SECOND = DOCUMENT.replace('哈萨克斯坦', '乌兹别克斯坦').replaceAll('哈萨克斯坦', '乌兹别克斯坦').replace('纳扎尔巴耶夫', '米尔济约耶夫').replace('纳扎尔巴耶夫', '米尔济约耶夫')
  it.each([
    ['right after the signing line', DOCUMENT + SECOND],
    ['right after （签字）', DOCUMENT.replace(/\n二〇一九年九月十一日于北京$/, '') + SECOND],
    ['after a line break', DOCUMENT + '\n' + SECOND],
    ['after junk', DOCUMENT + '\n【打印】【关闭窗口】\n' + SECOND]
  ])('a title %s starts a document', async (_name, text) => {
    const result = await run(text)
    expect(result.documents.map((d) => d.meta.title)).toEqual([TITLE, TITLE.replace('哈萨克斯坦', '乌兹别克斯坦')])
    expect(result.documents.map((d) => signatories(d).length)).toEqual([2, 2])
  })

  it('reads a heading repeated with only chrome between as one document', async () => {
    const result = await run([TITLE, '来源：外交部', '浏览次数：12', TITLE, DOCUMENT.slice(TITLE.length + 1)].join('\n'))
    expect(result.documents).toHaveLength(1)
    expect(removedRules(result)).toContain('repeated-title')
  })
})

describe('7. signature blocks as a grid', () => {
  const body = [TITLE, ...BODY].join('\n')
  const want: Array<[string | null, string | null]> = [
    ['中华人民共和国主席', '习近平'],
    ['哈萨克斯坦共和国总统', '纳扎尔巴耶夫']
  ]
  it.each([
    ['two columns on one line each', '中华人民共和国主席　　哈萨克斯坦共和国总统\n习近平　　纳扎尔巴耶夫\n（签字）　　（签字）'],
    ['stacked, one field per line', '中华人民共和国主席\n习近平\n（签字）\n哈萨克斯坦共和国总统\n纳扎尔巴耶夫\n（签字）'],
    ['columns of NBSP', '中华人民共和国主席\u00a0\u00a0\u00a0哈萨克斯坦共和国总统\n习近平\u00a0\u00a0\u00a0纳扎尔巴耶夫'],
    ['columns collapsed to single spaces', '中华人民共和国主席 哈萨克斯坦共和国总统 习近平 纳扎尔巴耶夫 （签字） （签字）'],
    ['letter-spaced with two spaces', '中华人民共和国主席    哈萨克斯坦共和国总统\n习  近  平    纳扎尔巴耶夫']
  ])('%s', async (_name, block) => {
    const doc = (await run(`${body}\n${block}`)).documents[0]!
    expect(signatories(doc)).toEqual(want)
  })

  it('reads a grid with two signatories per party, marks glued to the names', async () => {
    const grid = ['中华人民共和国国务院总理　　日本国内阁总理大臣', '周恩来（签字）　　田中角荣（签字）', '中华人民共和国外交部长　　日本国外务大臣', '姬鹏飞（签字）　　大平正芳（签字）'].join('\n')
    const doc = (await run(`${body}\n${grid}`)).documents[0]!
    expect(signatories(doc)).toEqual([
      ['中华人民共和国国务院总理', '周恩来'],
      ['日本国内阁总理大臣', '田中角荣'],
      ['中华人民共和国外交部长', '姬鹏飞'],
      ['日本国外务大臣', '大平正芳']
    ])
  })

  it('reads seals of institutions without names, and dotted foreign names', async () => {
    const seals = (await run(`${body}\n中华人民共和国外交部（印）\n哈萨克斯坦共和国驻华大使馆（印）`)).documents[0]!
    expect(signatories(seals)).toEqual([
      ['中华人民共和国外交部（印）', null],
      ['哈萨克斯坦共和国驻华大使馆（印）', null]
    ])
    const dotted = (await run(`${body}\n中华人民共和国外交部长　　委内瑞拉共和国外交部长\n钱其琛　　阿曼多.杜兰`)).documents[0]!
    expect(signatories(dotted).map(([, name]) => name)).toEqual(['钱其琛', '阿曼多·杜兰'])
  })
})

describe('8. an exchange of notes has signatories in every part', () => {
  it('reads both notes of a 去文 / 来文 exchange', async () => {
    const text = [
      '中华人民共和国政府和哈萨克斯坦共和国政府关于互免签证的换文',
      '（一）中方去文',
      '哈萨克斯坦共和国驻华大使馆：',
      '中华人民共和国外交部向哈萨克斯坦共和国驻华大使馆致意，并谨建议两国互免签证。',
      '顺致最崇高的敬意。',
      '中华人民共和国外交部（印）',
      '二〇一九年九月一日于北京',
      '（二）哈方来文',
      '中华人民共和国外交部：',
      '哈萨克斯坦共和国驻华大使馆谨确认同意上述建议。',
      '顺致最崇高的敬意。',
      '哈萨克斯坦共和国驻华大使馆（印）',
      '二〇一九年九月五日于北京'
    ].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(signatories(doc)).toHaveLength(2)
    expect(doc.meta.dates.signed?.value).toBe('2019-09-01')
    expect(nums(doc)).toEqual([])
  })
})

describe('9. the article level, chapters and section headings', () => {
  it('puts articles under section headings', async () => {
    const text = [TITLE, '双方同意签署本计划，条文如下：', '一、教 育', '第一条 双方互派留学生。', '第二条 双方互派教师。', '二、文 化', '第三条 双方互派艺术团。', ...SIGNATURES].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(nums(doc)).toEqual(['第一条', '第二条', '第三条'])
    const chapters = (section(doc, 'body')!.children as Division[]).filter((c) => c.type === 'chapter')
    expect(chapters.map((c) => c.children[0].value)).toEqual(['一、', '二、'])
  })

  it('reads 第一条 with its own 一、二、 as points', async () => {
    const text = [TITLE, '双方达成协议如下：', '第一条 成立混合委员会，其任务是：', '一、研究贸易问题；', '二、商讨合作项目。', '第二条 本协定自签字之日起生效。', ...SIGNATURES].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(nums(doc)).toEqual(['第一条', '第二条'])
    expect(articles(doc)[0]!.children.filter((c) => c.type === 'point')).toHaveLength(2)
  })
})

describe('10. English documents', () => {
  it('reads numbered points I., (a) and dates without a space after the comma', async () => {
    const text = [
      'Joint Communiqué on the Establishment of Diplomatic Relations between the People’s Republic of China and the United States of America',
      'January 1,1979',
      'The two Governments have agreed as follows:',
      'I. The two sides recognize each other.',
      '(a) The two sides will exchange ambassadors.',
      '(b) The two sides will open embassies.',
      'II. The two sides reaffirm the principles.'
    ].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(doc.meta.language).toBe('en')
    expect(doc.meta.dates.signed?.value).toBe('1979-01-01')
    expect(nums(doc)).toEqual(['I.', 'II.'])
  })
})

describe('11. truncated documents', () => {
  it('flags a document cut mid-sentence, and never makes its last fragment a signatory', async () => {
    const result = await run([TITLE, ...BODY, '三、双方将继续在国际事务中密切协调，共同维护地区'].join('\n'))
    const doc = result.documents[0]!
    expect(doc.meta.truncated).toBe(true)
    expect(signatories(doc)).toEqual([])
    expect(result.files[0]!.messages.some((m) => m.ruleId === 'truncated')).toBe(true)
    const cut = await run([TITLE, ...BODY, '中华人民共和国主'].join('\n'))
    expect(signatories(cut.documents[0]!)).toEqual([])
  })

  it('does not flag a complete document', async () => {
    expect((await run(DOCUMENT)).documents[0]!.meta.truncated).toBeUndefined()
  })
})

describe('12. page noise inside the text', () => {
  it('removes a watermark repeated through the page', async () => {
    const result = await run([TITLE, ...BODY.map((p) => p + 'XyZ看天下网'), 'XyZ看天下网', ...SIGNATURES, 'XyZ看天下网'].join('\n'))
    const doc = result.documents[0]!
    expect(content(doc)).not.toContain('看天下网')
    expect(nums(doc)).toEqual(['一、', '二、'])
    expect(removedRules(result).filter((r) => r === 'watermark').length).toBeGreaterThanOrEqual(5)
  })

  it('removes pinyin glosses and restores the page’s script on the glossed character', async () => {
    const result = await run(DOCUMENT.replace('中华人民共和国和', '中(zhōng)华人民(mín)共和國(guó)和'))
    expect(result.documents[0]!.meta.title).toBe(TITLE)
    expect(removedRules(result)).toEqual(['pinyin-gloss', 'pinyin-gloss', 'pinyin-gloss'])
  })

  it('removes stray decoration', async () => {
    const result = await run(DOCUMENT.replace('一、双方', 'ღღ★一、双方'))
    expect(nums(result.documents[0]!)).toEqual(['一、', '二、'])
  })

  it('removes an English translation interleaved after each paragraph, keeping the Chinese document', async () => {
    const result = await run([TITLE, ...BODY.map((p) => `${p}(The two sides agree on this point and will act on it in good faith together.)`), ...SIGNATURES].join('\n'))
    const doc = result.documents[0]!
    expect(doc.meta.language).toBe('zh-Hans')
    expect(content(doc)).not.toContain('The two sides')
  })
})

describe('the page model', () => {
  it('keeps every signature part of a Signatures node in source order', async () => {
    const doc = (await run(DOCUMENT)).documents[0]!
    const node = (section(doc, 'conclusions')!.children as Signatures[]).find((c) => c.type === 'signatures')!
    const starts = node.children.map((c) => c.position.start.offset!)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
  })
})

describe('entities (issue 12’s recognition points)', () => {
  const marks = (doc: Document, type: string): Array<[string, string]> => {
    const out: Array<[string, string]> = []
    walk(doc, (node) => {
      if (node.type === type) out.push([toText(node as never), (node as unknown as {ref: string}).ref])
    })
    return out
  }
  const TEXT = [
    TITLE,
    '应中华人民共和国主席杨尚昆的邀请，秘鲁共和国总统阿尔韦托·藤森和夫人于4月9日至12日访华。阿塞拜疆代表团随同访问。',
    '中华人民共和国驻法兰西共和国特命全权大使周觉出席。',
    '双方声明如下：',
    '一、双方同意。',
    '中华人民共和国政府　　　　哈萨克斯坦共和国政府',
    '二〇一九年九月十一日于北京'
  ].join('\n')

  it('ends a person at 和 / 于 / 的 and names foreign persons by their parts', async () => {
    const doc = (await run(TEXT)).documents[0]!
    expect(marks(doc, 'person')).toContainEqual(['阿尔韦托·藤森', 'aerweituoTengsen'])
  })

  it('reads 代表团 as no role, and X驻Y大使 as X’s ambassador', async () => {
    const doc = (await run(TEXT)).documents[0]!
    const roles = marks(doc, 'role')
    expect(roles.some(([text]) => text.includes('代表'))).toBe(false)
    expect(roles).toContainEqual(['中华人民共和国驻法兰西共和国特命全权大使', 'cnAmbassadorExtraordinaryAndPlenipotentiary'])
  })

  it('marks signing governments as organisations', async () => {
    const doc = (await run(TEXT)).documents[0]!
    expect(marks(doc, 'organization').filter(([, ref]) => ref.endsWith('Government'))).toEqual([
      ['中华人民共和国政府', 'cnGovernment'],
      ['哈萨克斯坦共和国政府', 'kzGovernment']
    ])
  })
})

describe('pages of the family written for these tests (test/fixtures/pages)', () => {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'pages')
  const page = (name: string): Promise<Converted> => run(readFileSync(path.join(dir, name), 'utf8'), name)
  it.each([
    ['ministry.txt', '中华人民共和国和巴西联邦共和国联合声明', ['一、', '二、', '三、'], 0, ['首页 > 外交部', '打印', '分享到', '相关新闻', '中巴两国元首会谈', 'ICP']],
    ['wikisource.txt', '中华人民共和国和大韩民国关于建立外交关系的联合公报', ['一', '二'], 2, ['维基文库', '[编辑]', '本作品', '分类']],
    ['english-ministry.txt', 'Joint Statement between the People\'s Republic of China and the Republic of Chile', ['1.', '2.', '3.'], 0, ['Skip to main content', 'Print | Share', 'Related Articles', 'Copyright']],
    ['forum.txt', '中华人民共和国和巴基斯坦伊斯兰共和国关于深化全面战略合作的联合声明', ['一、', '二、', '三、'], 2, ['楼主', '沙发', '板凳', '路过看看', '支持中巴友谊']],
    ['pdf-to-text.txt', '中华人民共和国政府和新西兰政府经济合作协定', ['第一条', '第二条', '第三条'], 2, ['— 1 —', '中华人民共和国条约集']]
  ] as const)('%s', async (name, title, numbers, signers, chrome) => {
    const result = await page(name)
    expect(result.documents.map((d) => d.meta.title)).toEqual([title])
    const doc = result.documents[0]!
    expect(nums(doc)).toEqual(numbers)
    expect(signatories(doc)).toHaveLength(signers)
    for (const piece of chrome) expect(content(doc), piece).not.toContain(piece)
    expect(doc.meta.dates.signed).not.toBeNull()
  })
})

describe('what a page repeats is not always noise', () => {
  it('keeps a party and a signatory repeated through an archive of documents, stacked one field a line', async () => {
    const one = (n: number) =>
      [`中华人民共和国和哈萨克斯坦共和国第${'一二三'[n]}号议定书`, '双方同意加强合作，并将此通报中华人民共和国', '中华人民共和国', '外交部长', '王毅', '（签字）', '哈萨克斯坦共和国', '外交部长', '特列乌别尔季', '（签字）'].join('\n')
    const result = await run([one(0), one(1), one(2)].join('\n'))
    expect(removedRules(result)).toEqual([])
    expect(result.documents.map((d) => signatories(d).map(([, name]) => name))).toEqual([
      ['王毅', '特列乌别尔季'],
      ['王毅', '特列乌别尔季'],
      ['王毅', '特列乌别尔季']
    ])
  })
})

describe('parties as the text prints them', () => {
  it('names a party by the longest of its names the text prints (阿拉伯也门共和国, not 也门共和国)', async () => {
    const text = ['中华人民共和国文化部和阿拉伯也门共和国新闻文化部议定书', '双方商定如下：', '第一条 双方互派艺术团。', '中华人民共和国文化部长　　阿拉伯也门共和国新闻文化部长', '黄镇　　阿尔希'].join('\n')
    const doc = (await run(text)).documents[0]!
    expect(doc.meta.parties.map((p) => [p.name, p.code])).toEqual([
      ['中华人民共和国', 'cn'],
      ['阿拉伯也门共和国', 'ye']
    ])
  })
})
