/**
 * Page chrome of saved web pages: the elements around the document that a
 * reader of the page skips (navigation, headers, footers, toolbars, share bars,
 * related-link lists, comments). The HTML reader removes an element whole when
 * one of these rules fires on it, and records it with the rule's id
 * (`html-chrome-<id>`), so nothing is lost. Rules are tried top-down: the
 * outermost element that is chrome goes, its children are not looked at.
 *
 * A rule fires on an element by its tag, its ARIA role, a token of its `class`
 * or `id` (split at spaces, `-` and `_`: `article-share` has `share`), or its
 * whole visible text (short elements only). Link density (characters inside
 * links over all characters, CJK counted one by one as characters, not words,
 * as Readability and jusText do for Latin words) finds the lists of links that
 * no rule names. An element that holds most of the page's text is never chrome
 * (a wrapper with an unlucky class name), and one that holds the page's `<h1>`
 * is never a header.
 */

export interface ChromeRule {
  /** Recorded as `html-chrome-<id>`. */
  id: string
  why: string
  tags?: readonly string[]
  roles?: readonly string[]
  /** Matched against each token of `class` and `id`, lower-cased. */
  hint?: RegExp
  /** Matched against the element's visible text, whitespace removed; only for elements with at most `maxText` characters. */
  text?: RegExp
  maxText?: number
  /** A full date inside is the page's publication stamp: kept as metadata, the rest removed. */
  stamp?: boolean
}

/** Elements that are never text: removed whole with their own rule id. */
export const NON_TEXT_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'html-script',
  style: 'html-style',
  noscript: 'html-script',
  template: 'html-script',
  iframe: 'html-embed',
  object: 'html-embed',
  embed: 'html-embed',
  svg: 'html-embed',
  math: 'html-embed',
  canvas: 'html-embed',
  video: 'html-embed',
  audio: 'html-embed',
  select: 'html-form',
  button: 'html-form',
  textarea: 'html-form',
  input: 'html-form',
  // Ruby annotations (pinyin over the characters) are glosses, not the text.
  rt: 'html-ruby',
  rp: 'html-ruby'
}

const STAMP_DATE = String.raw`\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})`
/** A full date as page stamps print it (the same forms as the debris table's stamps). */
export const CHROME_STAMP_DATE = new RegExp(STAMP_DATE, 'g')

/** The buttons and labels of an article's tool bar (font size, print, close, share, favourites). */
const TOOL_WORDS = String.raw`(?:字体|字號|字号|字體|大|中|小|打印本页|打印此页|打印|列印|关闭窗口|關閉窗口|关闭本页|关闭|關閉|收藏本页|收藏|加入收藏|分享到|分享|纠错|我要纠错|返回顶部|回到顶部|返回|复制链接|微信|微博|QQ空间|发布时间|发布日期|发布|来源|浏览次数|阅读次数|次|作者|编辑|点击|[\[\]【】()（）|｜:：/·•,，])`

export const chromeRules: readonly ChromeRule[] = [
  {
    id: 'nav',
    why: 'Site navigation: menus and their links.',
    tags: ['nav', 'menu'],
    roles: ['navigation', 'menu', 'menubar'],
    hint: /^(?:nav|navbar|navigation|menu|mainmenu|submenu|topnav|subnav|mw-navigation|mw-panel|mw-head|column-one|skip|mw-jump-link|jump-to-nav)$/
  },
  {
    id: 'breadcrumb',
    why: 'The breadcrumb trail (the text rule `breadcrumb` takes the ones without a hint).',
    hint: /^(?:breadcrumbs?|crumbs?|location|position|weizhi|dqwz|curpos)$/
  },
  {
    id: 'header',
    why: 'The page header (logo, site name, search). A header holding the page\'s `<h1>` is the document\'s and stays.',
    tags: ['header'],
    roles: ['banner'],
    hint: /^(?:header|masthead|banner|logo|topbar|site-header|sitename)$/
  },
  {
    id: 'footer',
    why: 'The page footer (copyright, ICP licence number, address, site map).',
    tags: ['footer'],
    roles: ['contentinfo'],
    hint: /^(?:footer|foot|bottom|copyright|printfooter|catlinks|mw-footer|footer-places|footer-info)$/
  },
  {
    id: 'footer-text',
    why: 'A short block that only a footer prints: an ICP licence number, a copyright line, the publisher\'s address.',
    text: /ICP备|ICP证|公网安备|版权所有|版權所有|Copyright|©|主办单位|主辦單位|承办单位|技术支持|網站地圖|网站地图|联系我们|聯繫我們|地址[:：].{0,40}(?:电话|邮编|郵編)|^(?:电话|邮编)[:：]/i,
    maxText: 200
  },
  {
    id: 'share',
    why: 'Social sharing buttons.',
    hint: /^(?:share|shares|sharebar|share-bar|bshare|bdshare|jiathis|social|fenxiang|sns)$/,
    text: /^分享到[:：]?.{0,60}$/,
    maxText: 80
  },
  {
    id: 'toolbar',
    why: 'The article\'s tool bar (date, font size 大中小, print, close window); its date is the publication stamp.',
    roles: ['toolbar'],
    hint: /^(?:toolbar|tools?|tool-bar|fontsize|font-size|zoom|print|info|article-info|pubtime|time|date|source|fbsj|laiyuan)$/,
    maxText: 120,
    stamp: true
  },
  {
    id: 'toolbar-text',
    why: 'A short block of tool-bar words and nothing else (`2024-03-01 【大 中 小】 【打印】 【关闭窗口】`).',
    text: new RegExp(String.raw`^(?:${STAMP_DATE}(?:\d{1,2}:\d{2}(?::\d{2})?)?|${TOOL_WORDS}){2,40}$`),
    maxText: 120,
    stamp: true
  },
  {
    id: 'related',
    why: 'Related, recommended or popular articles.',
    hint: /^(?:related|relate|relatednews|recommend|recommended|xgxw|xgwz|xglj|hot|hotnews|rank|ranking|tuijian|readmore)$/,
    text: /^(?:相关新闻|相關新聞|相关链接|相關鏈接|相关阅读|相關閱讀|相关文章|相关报道|相关稿件|延伸阅读|推荐阅读|推荐新闻|热点新闻|热门文章|热门新闻|热点推荐|更多新闻|更多)(?:[:：>»]{0,2}|\(\d+\))$/,
    maxText: 20
  },
  {
    id: 'comments',
    why: 'Readers\' comments and the comment form.',
    hint: /^(?:comments?|comment-list|commentlist|reply|replies|discuss|pinglun|respond|guestbook)$/,
    text: /^(?:网友评论|網友評論|发表评论|發表評論|我要评论|热门评论|最新评论|评论|評論)(?:[:：]|\(\d+\)|（\d+）)?$/,
    maxText: 20
  },
  {
    id: 'sidebar',
    why: 'Side columns and complementary boxes.',
    tags: ['aside'],
    roles: ['complementary', 'search'],
    hint: /^(?:sidebar|side|aside|leftbar|rightbar|sidenav|widget)$/
  },
  {
    id: 'pager',
    why: 'Previous / next links and page numbers.',
    hint: /^(?:pager|pagination|page-nav|prevnext|prev-next)$/,
    text: /^(?:上一篇|下一篇|上一页|下一页|上一條|下一條)[:：].{0,60}$/,
    maxText: 80
  },
  {
    id: 'ads',
    why: 'Advertisements and login boxes.',
    hint: /^(?:ad|ads|advert|advertisement|adsbygoogle|login|signin|search|searchbox|subscribe|qrcode|ewm)$/
  },
  {
    id: 'wiki',
    why: 'Wiki page chrome: edit links, the site tagline, licence boxes, categories.',
    hint: /^(?:headertemplate|ws-header|ws-noexport|mw-editsection|editsection|sitesub|contentsub|sistersitebox|licensecontainer|license|licence|mw-indicators|noprint|navbox|catlinks|authority-control)$/
  },
  {
    id: 'form',
    why: 'Forms (search, login, comment boxes).',
    tags: ['form', 'dialog']
  }
]

/** Link density above which a short list of links is chrome. */
export const LINK_DENSITY = 2 / 3
/** …or above this one, when its text outside links is at most `LINK_LOOSE_TEXT` characters. */
export const LINK_DENSITY_LOOSE = 0.4
export const LINK_LOOSE_TEXT = 40
/** Elements whose link density is judged: the containers that hold lists of links. */
export const LINK_CONTAINERS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'td', 'div', 'section', 'p', 'li', 'span', 'font', 'center'])
/** An element with at least this share of the page's text (and `GUARD_MIN` characters) is the content, never chrome. */
export const GUARD_SHARE = 0.5
export const GUARD_MIN = 200

/**
 * Fields of a treaty database's metadata table (`签订日期 | 1994年3月7日`).
 * A table whose rows are label/value pairs with one of these labels is metadata:
 * dates become stamps, the other fields are recorded as removals.
 */
export const METADATA_FIELDS: ReadonlyArray<{label: RegExp; kind: 'signedDate' | 'effectiveDate' | 'publicationDate' | 'signedPlace' | null}> = [
  {label: /^(?:签订日期|簽訂日期|签署日期|簽署日期|签约日期|簽約日期|签字日期)$/, kind: 'signedDate'},
  {label: /^(?:生效日期|生效时间|生效時間)$/, kind: 'effectiveDate'},
  {label: /^(?:发布日期|發布日期|发布时间|公布日期)$/, kind: 'publicationDate'},
  {label: /^(?:签订地点|簽訂地點|签署地点|簽署地點|签约地点|簽約地點)$/, kind: 'signedPlace'},
  {label: /^(?:缔约方|締約方|条约类别|條約類別|条约分类|类别|類別|有效性|状态|狀態|批准日期|文号|文號|备注|備註|语种|語種|领域|領域|国别|國別)$/, kind: null}
]
