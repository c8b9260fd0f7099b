/**
 * Page matter: what a scraped page carries around its documents (navigation,
 * CMS fields, forum profiles, wiki furniture, news leads, section labels of
 * encyclopedia pages). Unlike `debris.ts`, these patterns do not remove
 * anything by themselves: they are features of a whole block that the page
 * model (`segment/decode.ts`) weighs against the block's other readings, so a
 * line is removed only where the page as a whole says it is outside a document.
 *
 * Each row: an id (the removal's rule when the block is removed), a pattern
 * tested against the whole block (trimmed), and why.
 */

export interface PageMatterRule {
  id: string
  pattern: RegExp
  why: string
}

export const pageMatterRules: readonly PageMatterRule[] = [
  {
    id: 'cms-field',
    pattern:
      /^(?:[•·\-*]\s*)?(?:【[^】\n]{1,8}】(?:\s*\S[^\n]{0,60})?|[\p{Script=Han}A-Za-z]{2,8}\s*[:：]\s*\S[^\n]{0,60}|(?:来源|來源|作者|时间|時間|日期|发布|發布|下载地址|下載地址|阅读|閱讀|浏览|瀏覽|点击|點擊|责任编辑|責任編輯|编辑|編輯|标签|標籤|关键词|關鍵詞|分类|分類|字号|字號|您的位置|当前位置|當前位置)\s*[:：])$/u,
    why: 'A CMS or database field, `【颁发时间】 1970-08-17`, `條約分類:外交`, `来源：` (a known label with its value elsewhere): metadata of the page, not text.'
  },
  {
    id: 'list-item-chrome',
    pattern: /^[-*•·]\s+\S[^\n]{0,24}$/u,
    why: 'A short bulleted item (`- 注册`, `- 8,234`): a forum profile or a link list.'
  },
  {
    id: 'page-heading',
    pattern: /^(?:基本介[绍紹]|背景|正文|全文|简介|簡介|评论|評論|时事|時事|目录|目錄|注释|註釋|Contents|Notes)$/iu,
    why: 'An encyclopedia or news page\'s own section label (`背景`, `正文`): it organises the page, not the document.'
  },
  {
    id: 'related-links',
    pattern: /^(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关链接|相關鏈接|相关文章|相關文章|延伸阅读|延伸閱讀|热点推荐|熱點推薦|往期回顾|往期回顧|推荐阅读|推薦閱讀|参考资料|參考資料|参考文献|參考文獻|外部链接|外部鏈接|上一篇|下一篇|Related(?: articles| news| links)?|See also|External links|References|Further reading)[:：]?$/iu,
    why: 'The heading of a related-links list, references or the next/previous links: what follows it is the page\'s, not the document\'s.'
  },
  {
    id: 'site-footer',
    pattern: /(?:ICP[备備证證]|版权所有|版權所有|Copyright|©|All rights reserved|网站地图|網站地圖|联系我们|聯繫我們|^地址[:：]|^电话[:：]|^電話[:：]|^邮编[:：]|^郵編[:：])/iu,
    why: 'A site footer: registration number, copyright, address and telephone, site map.'
  },
  {
    id: 'site-chrome',
    pattern: /^(?:From Wikisource|Jump to navigation(?: Jump to search)?|Skip to (?:main )?content|Published online by[^\n]{0,80}|Print(?: this page)?|Share|Menu|Search|Home|Back to top|[^\n]{0,30}(?:网|網|站)[—\-–][^\n]{0,20}|用户评分[:：][^\n]{0,20}|(?:不活动星星){1,5}|下载地址[:：][^\n]{0,30}|字号\+作者[^\n]{0,120}|[^\n]{0,40}阅读[:：]\s*\d+|(?:本作品收录于|本作品收錄於|This work is (?:included|part of))[^\n]{0,80})$/iu,
    why: 'Site furniture in words: wiki and portal skip links, rating widgets, download links, reader counters.'
  },
  {
    id: 'toolbar',
    pattern: /^(?:(?:(?:Print|Share|E-?mail|Send)(?: this (?:page|article|story))?|Back to top|Tweet|Facebook|Twitter|WeChat|Weibo|Save|PDF|Download|Close|Back|Top|打印|列印|分享|收藏|关闭|關閉|返回|顶部|頂部|纠错|糾錯|下载|下載|微信|微博|QQ空间|字号|字號|[大中小]|A\+|A-)[\s|｜/·•]*){2,12}$/iu,
    why: 'A toolbar: print, share, close, font-size buttons in a row (`Print | Share`, `Share this page | Top`, `打印 关闭窗口`).'
  },
  {
    id: 'forum-chrome',
    pattern: /^(?:楼主|樓主|沙发|沙發|板凳|地板|地下室|\d{1,5}\s?[楼樓#]|#\d{1,5}|发表于|發表於|回复|回覆|引用|举报|舉報|只看该作者|只看該作者|回复本楼|回覆本樓|点评|點評|支持|反对|反對|Reply|Quote|Report)(?:\s[^\n]{0,40})?$/iu,
    why: 'Forum furniture: floor labels (`沙发`, `板凳`, `#3`), post headers, reply and report buttons.'
  },
  {
    id: 'tag-line',
    pattern: /^(?:[\p{Script=Han}]{2,6}\s+){1,5}[\p{Script=Han}]{2,6}$/u,
    why: 'A row of short tags (`中国 俄罗斯`) under a headline; weighed, never removed on its own (a letter-spaced name looks the same).'
  },
  {
    id: 'wiki-id',
    pattern: /^\d{5,}[A-Z\p{Script=Han}][^\n]{8,300}$/u,
    why: 'A wiki label artefact: a page id glued to the title and year (`506558Joint Communiqué …1992`).'
  }
]

/**
 * News leads and editors' introductions that announce the document that follows
 * (`…签署《…》。全文如下：`, `Following is the full text of the document:`). The
 * lead is page matter; the title in its 《》, its date and place are evidence for
 * the document's metadata.
 */
export const leadPatterns: readonly RegExp[] = [
  /(?:全文|主要内容|内容|原文|文本|要点|摘要|全文内容)如下[：:]?$/u,
  /(?:全文|原文)[：:]$/u,
  /^Following is the (?:full )?text/i,
  /^The following\b[^\n]{0,200}?\bis the (?:full )?text\b/i,
  /full text of the [a-z ]+ (?:follows|is as follows)[.:]?$/i,
  // Inside a news lead: `BEIJING, April 25 (Xinhua) -- … The following is the full text of the statement:`.
  /\bfollowing is the (?:full )?text of the [a-z -]{2,40}[.:]$/i,
  /^(?:以下为|以下是)[^\n]{0,60}(?:全文|文本)[：:]?$/u
]

/** A news agency dateline at the start of a lead: `新华社北京9月21日电`, `中評社首爾7月3日電/`. */
export const newsDateline = /^[\p{Script=Han}]{0,8}?([\p{Script=Han}]{2,4})(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日[电電]/u

/** Part labels of an exchange of notes or a multi-part document (`（一）中方去文`, `去文`, `覆文`). */
export const partLabels: readonly RegExp[] = [
  /^(?:[（(][一二三四五六七八九十]{1,2}[)）])?\s*(?:中方|我方|对方|對方|[\p{Script=Han}]方)?(?:去文|来文|來文|覆文|复文|復文|来照|去照|复照|覆照|復照)$/u,
  /^(?:Note|Reply)(?: [IVX]+| \d+)?$/i,
  // An annex after the signatures: `附件`, `附件一：关税减让表`, `Annex II`.
  /^(?:附件|附表|附录|附錄)(?:[一二三四五六七八九十]{1,3}|\d{1,2})?(?:[：:][^。]{0,40})?$/u,
  /^(?:Annex|ANNEX|Appendix|APPENDIX)(?: [IVX]{1,4}| \d{1,2}| [A-Z])?(?:[.:][^.]{0,60})?$/
]

/** Words that open the text of a document right after its title: a preamble is near. */
export const documentOpenings: readonly RegExp[] = [
  /^(?:应|應|根据|根據|为了|為了|为|為|鉴于|鑒於|本着|本著|遵照|经|經|双方|雙方|兩國|两国)/u,
  /^(?:The Government|The Governments|We, |Having |Desiring |Recognizing |At the invitation)/
]

/**
 * News reporting around a quoted document: attributions (`据央视消息`, `另据…消息`),
 * reporters (`对记者表示`), narrative about the signing (`公报在北京签署前，…`).
 * A document does not speak of itself this way.
 */
export const commentaryPatterns: readonly RegExp[] = [
  /^(?:另据|据|據)[^，,。]{1,20}(?:消息|报道|報導|报导|讯|訊|电|電)/u,
  /(?:对|對|向)记者(?:表示|说|說)|(?:对|對|向)記者(?:表示|說)/u,
  /(?:签署|簽署|签字|簽字)(?:前|后|後|之前|之后|之後)[，,]/u,
  /\b(?:told reporters|according to|said on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/,
  /\b(?:signed|issued|released) (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b/
]
