/**
 * The HTML reader: saved web pages give the same documents as the same texts
 * scraped as plain text, with every piece of page chrome recorded as a removal
 * and every source character accounted for. Five pages written for these
 * tests (`fixtures/html/*.html`), each beside its document as plain text
 * (`*.txt`): a current UTF-8 ministry page, an old GB2312 table-layout page
 * with `<br>` paragraphs, a Wikisource page, a news repost with a share bar and
 * comments, a treaty database page with a metadata table.
 */
import {describe, expect, it} from 'vitest'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {visit} from 'unist-util-visit'
import type {Document, Signature} from '../pipeline/tree/types.js'
import {toText} from '../pipeline/tree/text.js'
import {DEFAULT_EXTENSIONS} from '../pipeline/cli/options.js'
import {chooseReader} from '../pipeline/read/registry.js'
import {coverage} from './helpers/coverage.js'
import {runCli} from './helpers/cli.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

const dir = path.join(import.meta.dirname, 'fixtures', 'html')
const fixture = (name: string): string => readFileSync(path.join(dir, name), 'utf8')
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function one(name: string, bytes: Uint8Array): Promise<Converted> {
  return convert([{path: name, bytes}])
}

/** What a reader of the document sees: title, date, and each section's text, signatures as [party, role, name]. */
function shape(doc: Document): unknown {
  return {
    title: doc.meta.title,
    docType: doc.meta.docType,
    language: doc.meta.language,
    signed: doc.meta.dates.signed?.value ?? null,
    sections: doc.children.map((section) => ({
      type: section.type,
      children: section.children.map((child) =>
        child.type === 'signatures'
          ? child.children.map((s) => (s.type === 'signature' ? [s.party, s.role, s.name] : toText(s)))
          : [child.type, toText(child)]
      )
    }))
  }
}

function problems(result: Converted): unknown[] {
  const out: unknown[] = []
  for (const file of result.files) {
    const tree = result.trees.get(file)
    if (!tree) out.push({file: file.path, failed: true})
    else out.push(...coverage(file.data.source!.text, tree, file.data.removed ?? [], file.data.stamps ?? []))
  }
  return out
}

/** All the text the documents keep as content. */
const contentOf = (result: Converted): string => result.documents.map((d) => toText(d)).join('\n')
const removedOf = (result: Converted): string => result.files.flatMap((f) => f.data.removed ?? []).map((r) => r.text).join('\n')

interface Page {
  name: string
  encode?: string
  /** Chrome the page shows: each must be in a removal and nowhere in the documents. */
  chrome: string[]
}

const pages: Page[] = [
  {name: 'ministry', chrome: ['外交动态', '资料', '【打印】', '【关闭窗口】', '分享到', '相关新闻', '王毅会见法国外长', '京ICP备05000000号', '朝阳门南大街', "$('.share')", '_hmt', '正文结束', '中华人民共和国外交部</title>']},
  {name: 'old-table', encode: 'gb2312', chrome: ['首页', '关于我们', '双边条约', '条约检索', '版权所有 中国条约网', '网站地图', 'logo.gif']},
  {name: 'wikisource', chrome: ['维基文库，自由的图书馆', '跳转到导航', '←中日关系文件', '中日和平友好条约→', '公有领域', '取自', '1972年作品', '导航菜单', '随机页面', '此页面最后编辑于', 'wgBackendResponseTime', 'NewPP limit report']},
  {name: 'news-repost', chrome: ['登录', '手机版', '体育', '来源：新华社', '编辑：李明', '分享到', 'QQ空间', '网友评论', '期待两国关系更上一层楼', '发表评论', '热点新闻', '卢拉参观华为上海研发中心', 'All Rights Reserved', 'ad.js']},
  {name: 'treaty-db', chrome: ['条约数据库', '检索', '条约信息', '签订地点', '双边条约', '主办单位', '联系我们']}
]

describe('HTML pages give the documents their plain text gives', () => {
  for (const page of pages) {
    describe(page.name, () => {
      const html = fixture(`${page.name}.html`)
      const bytes = page.encode ? iconv.encode(html, page.encode) : utf8(html)
      const load = async () => ({
        fromHtml: await one(`${page.name}.html`, bytes),
        fromText: await one(`${page.name}.txt`, utf8(fixture(`${page.name}.txt`)))
      })

      it('has the same structure', async () => {
        const {fromHtml, fromText} = await load()
        expect(fromHtml.failed).toEqual([])
        expect(fromHtml.documents).toHaveLength(1)
        expect(fromHtml.documents.map(shape)).toEqual(fromText.documents.map(shape))
        expect(fromHtml.files[0]!.data.source!.reader).toBe('html')
        expect(fromText.files[0]!.data.source!.reader).toBe('text')
      })

      it('loses nothing: every character is content, layout, a removal or a stamp', async () => {
        const {fromHtml} = await load()
        expect(problems(fromHtml)).toEqual([])
      })

      it('records every piece of chrome as a removal and keeps none of it', async () => {
        const {fromHtml} = await load()
        const content = contentOf(fromHtml)
        const removed = removedOf(fromHtml)
        for (const chrome of page.chrome) {
          expect(removed, chrome).toContain(chrome)
          expect(content, chrome).not.toContain(chrome)
        }
        // The markup itself is recorded too, never dropped silently.
        expect(fromHtml.files[0]!.data.removed!.some((r) => r.rule === 'html-tag')).toBe(true)
      })
    })
  }

  it('finds the chrome of a page without class, id or semantic tags, by its text and link density', async () => {
    const bare = fixture('ministry.html').replace(/ (?:class|id)="[^"]*"/g, '').replace(/<(\/?)(?:header|nav|footer)>/g, '<$1div>')
    expect(bare).not.toMatch(/class=|<nav|<footer/)
    const fromHtml = await one('bare.html', utf8(bare))
    const fromText = await one('ministry.txt', utf8(fixture('ministry.txt')))
    expect(fromHtml.documents.map(shape)).toEqual(fromText.documents.map(shape))
    expect(problems(fromHtml)).toEqual([])
    const content = contentOf(fromHtml)
    for (const chrome of pages[0]!.chrome) expect(content, chrome).not.toContain(chrome)
    expect(fromHtml.documents[0]!.meta.dates.published?.value).toBe('2024-05-07')
  })

  it('reads a page declared GB2312 as GB18030 (GBK characters outside GB2312 survive)', async () => {
    const html = fixture('old-table.html').replace('田纪云', '朱镕基')
    const result = await one('old.htm', iconv.encode(html, 'gb18030'))
    expect(result.files[0]!.data.source!.encoding).toBe('gb18030')
    expect(result.files[0]!.messages.filter((m) => m.ruleId === 'invalid-byte')).toEqual([])
    expect(contentOf(result)).toContain('朱镕基')
  })

  it('keeps the tool bar date and the metadata table as stamps, with their source', async () => {
    const ministry = await one('ministry.html', utf8(fixture('ministry.html')))
    expect(ministry.documents[0]!.meta.dates.published?.value).toBe('2024-05-07')
    const db = await one('treaty-db.html', utf8(fixture('treaty-db.html')))
    const stamps = db.documents[0]!.meta.stamps
    expect(stamps.map((s) => [s.kind, s.text, s.value])).toEqual([
      ['signedDate', '2003年7月7日', '2003-07-07'],
      ['effectiveDate', '2005年4月27日', '2005-04-27'],
      ['signedPlace', '北京', null]
    ])
    expect(db.documents[0]!.meta.place).toBe('北京')
    const source = db.files[0]!.data.source!.text
    for (const stamp of stamps) expect(source.slice(stamp.start, stamp.end)).toBe(stamp.text)
    expect(db.documents[0]!.meta.dates.effective?.value).toBe('2005-04-27')
    // The fields that are not dates are recorded with their rule.
    const fields = db.files[0]!.data.removed!.filter((r) => r.rule === 'html-metadata-field').map((r) => r.text)
    expect(fields).toEqual(['条约信息', '签订日期：', '生效日期：', '签订地点：', '条约类别：', '双边条约'])
  })
})

describe('the seed and the corpus as web pages', () => {
  const escape = (line: string): string => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/ {2,}/g, (run) => '&nbsp;'.repeat(run.length))
  const page = (body: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>\n${body}\n</body></html>`
  const inputs = [seedPath, ...corpusFiles()]

  it.each([
    ['one <p> a line', (text: string) => page(text.split(/\r?\n/).map((line) => `<p>${escape(line)}</p>`).join('\n'))],
    ['lines joined by <br> in one <div>', (text: string) => page(`<div class="content">${text.split(/\r?\n/).map(escape).join('<br>\n')}</div>`)]
  ])('%s: the same documents as the text, nothing lost', async (_name, toHtml) => {
    for (const input of inputs) {
      const text = readFileSync(input, 'utf8')
      const fromText = await one(path.basename(input), utf8(text))
      const fromHtml = await one(path.basename(input).replace(/\.txt$/, '.html'), utf8(toHtml(text)))
      expect(fromHtml.documents.map(shape), input).toEqual(fromText.documents.map(shape))
      expect(problems(fromHtml), input).toEqual([])
    }
  })
})

describe('encoding', () => {
  const page = (meta: string, body = '<p>中华人民共和国和法兰西共和国联合声明</p><p>双方同意加强合作。</p>') =>
    `<!DOCTYPE html><html><head>${meta}<title>t</title></head><body>${body}</body></html>`

  it('takes <meta charset> and http-equiv declarations', async () => {
    for (const meta of ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "<meta content='text/html;charset=gbk' http-equiv='content-type'>"]) {
      const result = await one('p.html', iconv.encode(page(meta), 'gb18030'))
      expect(result.files[0]!.data.source!.encoding, meta).toBe('gb18030')
      expect(contentOf(result), meta).toContain('双方同意加强合作')
    }
  })

  it('reads Big5 and UTF-16 pages', async () => {
    const traditional = page('<meta charset="big5">', '<p>中華人民共和國和法蘭西共和國聯合聲明</p><p>雙方同意加強合作。</p>')
    const big5 = await one('p.html', iconv.encode(traditional, 'big5'))
    expect(big5.files[0]!.data.source!.encoding).toBe('big5')
    expect(contentOf(big5)).toContain('雙方同意加強合作')
    const utf16 = await one('p.html', iconv.encode('\ufeff' + page('<meta charset="utf-16">'), 'utf-16le'))
    expect(utf16.files[0]!.data.source!.encoding).toBe('utf-16le')
    expect(contentOf(utf16)).toContain('双方同意加强合作')
    expect(problems(utf16)).toEqual([])
  })

  it('lets a BOM win over the declaration', async () => {
    const bytes = utf8('\ufeff' + page('<meta charset="gb2312">'))
    const result = await one('p.html', bytes)
    expect(result.files[0]!.data.source!.encoding).toBe('utf-8')
    expect(contentOf(result)).toContain('双方同意加强合作')
  })

  it('reads a page re-saved as UTF-8 under its old GB2312 declaration as UTF-8, and says so', async () => {
    const result = await one('p.html', utf8(page('<meta charset="gb2312">')))
    expect(result.files[0]!.data.source!.encoding).toBe('utf-8')
    expect(result.files[0]!.messages.map((m) => m.ruleId)).toContain('charset-mismatch')
  })

  it('detects the encoding when the page declares none', async () => {
    const result = await one('p.html', iconv.encode(page(''), 'gb18030'))
    expect(result.files[0]!.data.source!.encoding).toBe('gb18030')
  })

  it('ignores a declaration inside a comment', async () => {
    const result = await one('p.html', iconv.encode(page('<!-- <meta charset="big5"> --><meta charset="gbk">'), 'gb18030'))
    expect(result.files[0]!.data.source!.encoding).toBe('gb18030')
  })
})

describe('reader choice', () => {
  it('goes by content first, then by extension', () => {
    expect(chooseReader('page.html', utf8('just text')).name).toBe('html')
    expect(chooseReader('page.HTM', utf8('just text')).name).toBe('html')
    expect(chooseReader('page.txt', utf8('  <!DOCTYPE html><html><body>x</body></html>')).name).toBe('html')
    expect(chooseReader('-', utf8('\ufeff<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).name).toBe('html')
    expect(chooseReader(undefined, utf8('<!-- saved --><HTML><HEAD>')).name).toBe('html')
    // Text with HTML remnants stays text: the text reader strips them.
    expect(chooseReader('page.txt', utf8('<p>第一条</p>')).name).toBe('text')
    expect(chooseReader('page', utf8('<p>第一条</p>')).name).toBe('text')
  })

  it('reads folders for .html, .htm and .shtml by default', async () => {
    expect(DEFAULT_EXTENSIONS).toEqual(expect.arrayContaining(['html', 'htm', 'shtml']))
    const folder = mkdtempSync(path.join(tmpdir(), 'diptext-html-'))
    try {
      writeFileSync(path.join(folder, 'a.htm'), fixture('ministry.html'))
      writeFileSync(path.join(folder, 'b.shtml'), fixture('news-repost.html'))
      writeFileSync(path.join(folder, 'c.html'), fixture('wikisource.html'))
      const run = await runCli([folder, '--formats', 'md', '--out', path.join(folder, 'out')])
      expect(run.code, run.stderr).toBe(0)
      expect(readdirSync(path.join(folder, 'out', 'md'))).toHaveLength(3)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})

describe('layout and text', () => {
  const body = (inner: string, head = '') => utf8(`<!DOCTYPE html><html><head>${head}</head><body>${inner}</body></html>`)
  const statement = '<h1>中华人民共和国和法兰西共和国联合声明</h1><p>双方同意加强合作。</p>'

  it('decodes references one for one: the content character points at its reference', async () => {
    const result = await one('p.html', body(`${statement}<p>一、合作&amp;交流&#x4E2D;法。</p>`))
    const file = result.files[0]!
    const source = file.data.source!.text
    const cleaned = file.data.cleaned!
    const amp = cleaned.text.indexOf('&')
    expect(source.slice(cleaned.sourceStart(amp), cleaned.sourceEnd(amp))).toBe('&amp;')
    const zhong = cleaned.text.indexOf('中法')
    expect(source.slice(cleaned.sourceStart(zhong), cleaned.sourceEnd(zhong))).toBe('&#x4E2D;')
    expect(contentOf(result)).toContain('合作&交流中法')
    expect(problems(result)).toEqual([])
  })

  it('treats &nbsp; and &#12288; indents as layout, their markup recorded', async () => {
    const result = await one('p.html', body(`${statement}<p>&nbsp;&nbsp;一、双方同意。</p><p>&#12288;&#12288;二、双方重申。</p>`))
    const rules = result.files[0]!.data.removed!.filter((r) => r.rule === 'html-entity-space').map((r) => r.text)
    expect(rules).toEqual(['&nbsp;&nbsp;', '&#12288;&#12288;'])
    expect(result.files[0]!.data.cleaned!.text).toContain('\u00a0\u00a0一、双方同意。\n\u3000\u3000二、双方重申。')
    expect(problems(result)).toEqual([])
  })

  it('collapses white space as a browser does: nothing between CJK lines, a space between words', async () => {
    const result = await one('p.html', body(`${statement}<p>双方同意\n   加强合作，   共同
      发展。</p><p>The two   sides\nagree.</p>`))
    const text = result.files[0]!.data.cleaned!.text
    expect(text).toContain('双方同意加强合作， 共同发展。')
    expect(text).toContain('The two sides agree.')
  })

  it('keeps white space inside <pre>', async () => {
    const result = await one('p.html', body(`${statement}<pre>第一条　甲\r\n第二条　乙</pre>`))
    expect(result.files[0]!.data.cleaned!.text).toContain('第一条　甲\n第二条　乙')
  })

  it('makes table cells gaps and rows lines, so a signature table is a grid', async () => {
    const result = await one('p.html', body(`${statement}<table><tr><td>中华人民共和国主席</td><td>法兰西共和国总统</td></tr><tr><td>习近平</td><td>马克龙</td></tr></table>`))
    expect(result.files[0]!.data.cleaned!.text).toContain('中华人民共和国主席  法兰西共和国总统\n习近平  马克龙')
    const names: Array<string | null> = []
    visit(result.documents[0]!, 'signature', (node) => {
      names.push((node as Signature).name)
    })
    expect(names).toEqual(['习近平', '马克龙'])
  })

  it('reads a signature table whose cells hold lines (`role<br>name`) column by column', async () => {
    const result = await one('p.html', body(`${statement}<table><tr><td>中华人民共和国主席<br>习近平</td><td>法兰西共和国总统<br>马克龙</td></tr></table>`))
    expect(result.files[0]!.data.cleaned!.text).toContain('中华人民共和国主席\n习近平\n法兰西共和国总统\n马克龙')
    const signatures: Array<[string | null, string | null]> = []
    visit(result.documents[0]!, 'signature', (node) => {
      signatures.push([(node as Signature).role, (node as Signature).name])
    })
    expect(signatures).toEqual([['中华人民共和国主席', '习近平'], ['法兰西共和国总统', '马克龙']])
  })

  it('takes the title from <title> when the page shows none, its site name removed', async () => {
    const result = await one('p.html', body('<p>双方同意加强合作。</p><p>一、双方重申友好。</p>', '<title>中华人民共和国和法兰西共和国联合声明 - 外交部网站</title>'))
    expect(result.documents[0]!.meta.title).toBe('中华人民共和国和法兰西共和国联合声明')
    expect(result.files[0]!.data.removed!.find((r) => r.rule === 'html-title-suffix')?.text).toBe(' - 外交部网站')
    expect(problems(result)).toEqual([])
  })

  it('lets the visible text, not the markup or an English interface, decide the language', async () => {
    const nav = '<nav><a href="/en/">English</a> <a href="/fr/">Français</a> <a href="/about">About the Ministry of Foreign Affairs</a></nav>'
    const script = '<script>window.analytics = {trackPageView: function () { return "Latin letters everywhere" }}</script>'
    const result = await one('p.html', body(`${nav}${statement}${script}`, '<title>Ministry of Foreign Affairs of the People\'s Republic of China</title>'))
    expect(result.documents[0]!.meta.language).toBe('zh-Hans')
    expect(result.files[0]!.data.declaredLanguage).toBeNull()
    const declared = await one('p.html', utf8(`<!DOCTYPE html><html lang="zh-Hant"><body>${statement}</body></html>`))
    expect(declared.files[0]!.data.declaredLanguage).toBe('zh-Hant')
  })

  it('reads a metadata list (<dl>) like a metadata table, and ruby glosses as removals', async () => {
    const result = await one('p.html', body(`${statement}<dl><dt>签署日期</dt><dd>2015年12月10日</dd><dt>签署地点</dt><dd>北京</dd></dl><p><ruby>中<rp>(</rp><rt>zhōng</rt><rp>)</rp></ruby>法友好。</p>`))
    const file = result.files[0]!
    expect(file.data.stamps!.map((s) => [s.kind, s.text])).toEqual([
      ['signedDate', '2015年12月10日'],
      ['signedPlace', '北京']
    ])
    expect(file.data.removed!.filter((r) => r.rule === 'html-metadata-field').map((r) => r.text)).toEqual(['签署日期', '签署地点'])
    expect(file.data.removed!.filter((r) => r.rule === 'html-ruby').map((r) => r.text)).toEqual(['<rp>(</rp><rt>zhōng</rt><rp>)</rp>'])
    expect(contentOf(result)).toContain('中法友好。')
    expect(problems(result)).toEqual([])
  })

  it('finds a list of links without any hint by its link density', async () => {
    const links = '<div><a href="/1">习近平会见法国总统</a><a href="/2">王毅会见法国外长</a><a href="/3">中法建交六十周年</a></div>'
    const result = await one('p.html', body(`${statement}<p>二、双方重申友好。</p>${links}`))
    expect(result.files[0]!.data.removed!.find((r) => r.rule === 'html-chrome-links')?.text).toContain('王毅会见法国外长')
    expect(contentOf(result)).not.toContain('王毅')
  })

  it('never removes the element holding most of the text, whatever its class', async () => {
    const text = '<p>一、双方同意在气候变化领域加强合作，共同推动全球治理体系改革，维护多边主义和国际公平正义。</p>'.repeat(6)
    const result = await one('p.html', body(`<div class="nav-wrapper footer">${statement}${text}</div>`))
    expect(contentOf(result)).toContain('共同推动全球治理体系改革')
  })
})

describe('bad pages', () => {
  it('reads broken markup (unclosed tags, stray <, misnested tables) without losing a character', async () => {
    const html = '<html><body><h1>中华人民共和国和法兰西共和国联合声明<p>一、双方 a < b 同意<b><i>加强</b>合作。</i><table><tr><td>甲<p>乙</table>丙<td>丁</p></div></span>&nosuch; &amp &#xD800; &#0;'
    const result = await one('bad.html', utf8(html))
    expect(result.failed).toEqual([])
    expect(problems(result)).toEqual([])
  })

  it('reads a page nested deeper than the stack without crashing', async () => {
    const depth = 20000
    const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}<p>中华人民共和国和法兰西共和国联合声明</p>${'</div>'.repeat(depth)}</body></html>`
    const result = await one('deep.html', utf8(html))
    expect(result.failed).toEqual([])
    expect(result.files[0]!.messages.map((m) => m.ruleId)).toContain('html-parse')
    expect(problems(result)).toEqual([])
    expect(contentOf(result)).toContain('中华人民共和国和法兰西共和国联合声明')
  })

  it('reads an empty page and a page of only chrome as empty, with a message', async () => {
    for (const html of ['', '<!DOCTYPE html><html><head><title></title></head><body><nav><a href="/">首页</a></nav><script>x()</script></body></html>']) {
      const result = await one('empty.html', utf8(html))
      expect(result.failed).toEqual([])
      expect(result.documents).toEqual([])
      expect(result.files[0]!.messages.map((m) => m.ruleId)).toContain('empty-input')
      expect(problems(result)).toEqual([])
    }
  })
})

describe('the declared language settles the script where the text does not', () => {
  const page = (lang: string, text: string): string => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head><body><h1>中华人民共和国和法兰西共和国联合声明</h1><p>${text}</p></body></html>`
  it.each([
    ['zh-TW', '双方同意。', 'zh-Hant'],
    ['zh-CN', '双方同意。', 'zh-Hans'],
    ['zh-TW', '這是為了兩國關係與經濟發展的長期合作，雙方對此表示滿意。', 'zh-Hant'],
    ['zh-TW', '这是为了两国关系与经济发展的长期合作，双方对此表示满意。', 'zh-Hans'],
    ['en', '这是为了两国关系与经济发展的长期合作，双方对此表示满意。', 'zh-Hans']
  ])('lang="%s" with %s', async (lang, text, expected) => {
    const result = await convert([{path: 'p.html', bytes: new TextEncoder().encode(page(lang, text))}])
    expect(result.documents[0]!.meta.language).toBe(expected)
  })
})
