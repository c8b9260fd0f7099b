/**
 * Debris: page chrome and web furniture that scrapers leave in the text.
 *
 * Each rule is data: an id (the `rule` recorded with every removal and used as
 * the vfile message rule id), a pattern, and why it is debris. Rules run in
 * table order, each over the text the previous ones left, so a rule may rely on
 * chrome that a later rule removes (the page stamp is found by the font widget
 * that follows it).
 *
 * - `action: 'remove'` drops the match and records it.
 * - `action: 'stamp'` drops it from the text but keeps it as document metadata
 *   (`stamp` names the kind; the first capture group, if any, is the value).
 * - `mark` leaves layout behind: `page` a page break (`\f`, where a scraped page
 *   began, which tells the segmenter a title ends there), `line` a line break.
 *
 * Patterns must run in linear time: no nested quantifiers, bounded repeats,
 * `[ \t\u3000]` rather than `\s` where a rule must stay on one line. A pattern
 * that is not anchored (`^` with the `m` flag) must not start with an unbounded
 * run of spaces: tried at every offset of a long run it would be quadratic, so
 * such runs are taken only from their first character (`(?<!SP)SP*`).
 * `test/debris.test.ts` runs every rule on adversarial input.
 *
 * The clean stage turns CRLF and CR into LF before the table runs, so `$` and
 * `[^\n]` see one kind of line break.
 */

export interface DebrisRule {
  id: string
  pattern: RegExp
  why: string
  action: 'remove' | 'stamp'
  stamp?: 'publicationDate' | 'signedDate' | 'effectiveDate'
  mark?: 'page' | 'line'
  /** `layout`: runs before hard-wrapped lines are rejoined (page numbers sit between the lines of a paragraph). */
  phase?: 'layout'
  /**
   * Strings of which a text must hold at least one for the pattern to match in
   * it (inside the match or in a lookaround): a text that holds none is passed
   * over without running the pattern. Leave it out when no such list is short.
   * `test/debris-needs.test.ts` proves the list from the pattern's syntax.
   */
  needs?: readonly string[]
}

/** A full date as pages print it in stamps: ISO, `2005年3月17日`, `2005/3/17`. */
const STAMP_DATE = String.raw`\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})`
const SP = String.raw`[ \t\u3000\u00a0]`
/** Not just after a space: an unanchored run of spaces starts at its first character (see above). */
const RUN = String.raw`(?<![ \t\u3000\u00a0])`
/** The font-size switcher's label: `字体：`, `字号：` (and Traditional forms). */
const FONT = String.raw`(?:字体|字號|字号|字體)[：:]`
const FONT_WORDS = ['字体', '字號', '字号', '字體']
const PUBLISHED_WORDS = ['发布时间', '發佈時間', '发布日期', '發布日期', '发表时间']
/** A bracketed button: `[打印]`, `【 关闭 】`. */
const button = (labels: string): string => String.raw`[\[【]${SP}{0,3}(?:${labels})${SP}{0,3}[\]】]`

export const debrisRules: readonly DebrisRule[] = [
  // ---- the seed's page header: `title 2002-03-14[字体：大 中 小]      打印本页`
  {
    id: 'page-stamp',
    pattern: new RegExp(String.raw`(${STAMP_DATE})(?=${SP}{0,12}[\[【]?${SP}{0,3}${FONT}${SP}{0,3}大${SP}{0,3}中${SP}{0,3}小)`, 'g'),
    why: 'The date a page printed between the title and the font-size widget is when the site published it, not part of the text.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: FONT_WORDS
  },
  {
    id: 'font-size-widget',
    pattern: new RegExp(
      String.raw`(?:[\[【]${SP}{0,3}${FONT}${SP}{0,3}大${SP}{0,3}中${SP}{0,3}小${SP}{0,3}[\]】]|${FONT}${SP}{0,3}大${SP}{0,3}中${SP}{0,3}小)(?:${SP}{0,12}[\[【]?打印本页[\]】]?)?`,
      'g'
    ),
    why: 'The font-size switcher (`[字体：大 中 小]`, `【字体：大 中 小】`, `字号：大 中 小`) and the print link after it, of a page header; a new scraped page starts here.',
    action: 'remove',
    mark: 'page',
    needs: FONT_WORDS
  },
  {
    id: 'print-link',
    pattern: new RegExp(String.raw`${button('打印本页|打印此页|打印|列印本頁|列印此頁|列印')}|[\[【]?打印本页[\]】]?`, 'g'),
    why: 'The "print this page" link (`打印本页`, `【打印】`, `[ 打印 ]`).',
    action: 'remove',
    needs: ['打印', '列印']
  },
  {
    id: 'close-window',
    pattern: new RegExp(button('关闭窗口|關閉窗口|关闭本页|關閉本頁|关闭|關閉'), 'g'),
    why: 'The "close window" link (`【关闭窗口】`, `[ 关闭 ]`).',
    action: 'remove',
    needs: ['关闭', '關閉']
  },
  {
    id: 'copy-link',
    pattern: new RegExp(String.raw`${RUN}${SP}*\[(?:复制链接|複製鏈接)\]`, 'g'),
    why: 'A forum\'s "copy link" button after the thread title.',
    action: 'remove',
    needs: ['复制链接', '複製鏈接']
  },
  {
    id: 'wiki-edit',
    pattern: /\[(?:编辑|編輯|edit)\]/g,
    why: 'A wiki section\'s edit link.',
    action: 'remove',
    needs: ['编辑', '編輯', 'edit']
  },
  {
    id: 'back-to-top',
    pattern: new RegExp(String.raw`${button('返回顶部|回到顶部|返回頂部|回到頂部')}|^${SP}*(?:返回顶部|回到顶部|返回頂部|回到頂部)${SP}*$`, 'gm'),
    why: 'The "back to top" link at the foot of a page (bracketed anywhere, or alone on its line).',
    action: 'remove',
    needs: ['顶部', '頂部']
  },
  // ---- whole lines of chrome
  {
    id: 'breadcrumb',
    pattern: new RegExp(
      String.raw`^${SP}*(?:(?:当前位置|您的位置|你的位置|當前位置|您现在的位置|您當前的位置|您当前的位置|现在位置|所在位置)${SP}{0,3}[:：]?${SP}{0,3})?(?:(?:网站)?首[页頁]|Home)(?:${SP}*[>＞»›→]{1,2}${SP}*[^\s>＞»›→](?:[^\n>＞»›→]{0,38}[^\s>＞»›→])?){1,8}${SP}*$`,
      'gm'
    ),
    why: 'A breadcrumb trail (`首页 > … > …`, `您现在的位置：首页 >> …`).',
    action: 'remove',
    needs: ['首页', '首頁', 'Home']
  },
  {
    id: 'share-links',
    pattern: new RegExp(String.raw`^${SP}*分享到[:：]?[^\n]{0,60}$`, 'gm'),
    why: 'Social sharing buttons.',
    action: 'remove',
    needs: ['分享到']
  },
  {
    id: 'share-links-inline',
    pattern: new RegExp(String.raw`${RUN}${SP}*分享到[:：]?(?:${SP}{0,3}(?:微信|微博|QQ空间|QQ空間|QQ好友|朋友圈|人人网|豆瓣|腾讯微博|新浪微博|Facebook|Twitter|更多)){1,12}`, 'g'),
    why: 'Social sharing buttons glued to the text of a flattened page (`…于万象 分享到：微信 微博 QQ空间`): only the buttons the label names go.',
    action: 'remove',
    needs: ['分享到']
  },
  {
    id: 'previous-next',
    pattern: new RegExp(String.raw`${RUN}${SP}*(?:上一篇|上一條|上一条)[:：][^\n]{0,60}?${SP}(?:下一篇|下一條|下一条)[:：][^\n]{0,60}$`, 'gm'),
    why: 'The links to the previous and next articles at the foot of a page (`上一篇：… 下一篇：…`), on their own line or at the end of a flattened one.',
    action: 'remove',
    needs: ['上一篇', '上一條', '上一条']
  },
  {
    id: 'end-mark',
    pattern: new RegExp(String.raw`${RUN}${SP}*(?:[（(](?:完|全文完)[）)]|Enditem|ENDITEM)(?=${SP}*$)`, 'gm'),
    why: 'A news agency\'s end-of-story mark (`（完）`, `Enditem`), alone on its line or after the last sentence.',
    action: 'remove',
    needs: ['完', 'Enditem', 'ENDITEM']
  },
  {
    id: 'editor-credit',
    pattern: new RegExp(String.raw`^${SP}*[（(\[【]?(?:责任编辑|責任編輯|编辑|編輯)[:：]${SP}*[^\n]{1,20}?[）)\]】]?${SP}*$`, 'gm'),
    why: 'The editor\'s credit line of a news page.',
    action: 'remove',
    needs: ['编辑', '編輯']
  },
  {
    id: 'published-stamp-inline',
    pattern: new RegExp(String.raw`(?<=[^\s\u3000][ \t\u3000]{1,8})(?:发布时间|發佈時間|发布日期|發布日期|发表时间)[:：]${SP}{0,3}(${STAMP_DATE})(?:${SP}{0,3}\d{1,2}:\d{2}(?::\d{2})?)?`, 'g'),
    why: 'A publication stamp sharing its line with other chrome (`来源：外交部 发布时间：…`): the date is kept before the line goes.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: PUBLISHED_WORDS
  },
  {
    id: 'published-stamp',
    pattern: new RegExp(String.raw`^${SP}*(?:发布时间|發佈時間|发布日期|發布日期|发表时间)[:：]${SP}*(${STAMP_DATE})[^\n]{0,40}$`, 'gm'),
    why: 'The site\'s publication time stamp.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: PUBLISHED_WORDS
  },
  {
    id: 'clock-stamp',
    pattern: new RegExp(
      String.raw`(?:(?:时间|時間|日期|更新时间|更新時間|发布|發布|Published|Updated|Posted|Date|Time)${SP}{0,2}[:：]${SP}{0,3}|(?:发表于|發表於|发布于|發佈於|Posted on|Posted)${SP}{0,2}[:：]?${SP}{0,3})?(${STAMP_DATE})${SP}{0,3}\d{1,2}:\d{2}(?::\d{2})?(?![\d:])|[（(](\d{4}-\d{1,2}-\d{1,2})${SP}{0,2}更新[)）]`,
      'g'
    ),
    why: 'A page time stamp: a date with a clock time (`2019-09-22 05:07`, `时间:2024-07-01 07:00:10`, `2019年04月26日 10:21`) or `(YYYY-MM-DD更新)`, when the page was posted; no document prints a clock time with its date.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: [':', '更新']
  },
  {
    id: 'source-line',
    pattern: new RegExp(String.raw`^${SP}*(?:来源|來源|出处|出處|Source)${SP}*[:：][^\n]{0,200}$`, 'gm'),
    why: 'The page\'s attribution line (where the site took the text from).',
    action: 'remove',
    needs: ['来源', '來源', '出处', '出處', 'Source']
  },
  {
    id: 'reading-time-stamp',
    pattern: new RegExp(String.raw`^${SP}*(\d{4}-\d{2}-\d{2})\|閱讀時間[^\n]{0,30}$`, 'gm'),
    why: 'A blog platform\'s date and reading-time header.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: ['|閱讀時間']
  },
  {
    id: 'forum-posted-stamp',
    pattern: new RegExp(String.raw`^${SP}*只看楼主[^\n]{0,40}?发表于[:：]${SP}*(\d{4}-\d{2}-\d{2})[^\n]{0,20}$`, 'gm'),
    why: 'A forum post header with its posting date.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: ['只看楼主']
  },
  {
    id: 'forum-header',
    pattern: new RegExp(String.raw`^${SP}*(?:•${SP}*\d+${SP}*(?:阅读|回复|閱讀|回覆)|上一主题${SP}*下一主题|离线${SP}*\S{1,30}|第\d+版\(\)|专栏[:：]|查看[:：]${SP}{0,3}\d{1,9}${SP}{0,3}[|｜]${SP}{0,3}回[复覆][:：]${SP}{0,3}\d{1,9}|只看该作者|只看該作者)${SP}*$`, 'gm'),
    why: 'Forum thread furniture: view and reply counters (`• 63阅读`, `查看: 1234|回复: 5`), navigation, poster status, newspaper page labels.',
    action: 'remove',
    needs: ['•', '上一主题', '离线', '版()', '专栏', '查看', '只看该作者', '只看該作者']
  },
  {
    id: 'platform-footer',
    pattern: new RegExp(String.raw`^${SP}*(?:[^\n]{0,20}從 Google News 追蹤更多[^\n]{0,80}|成為會員${SP}*後即可發表留言|©${SP}*\d{4}[^\n]{0,60}All rights reserved\.?)${SP}*$`, 'gm'),
    why: 'A blog platform\'s footer (follow links, membership prompt, copyright).',
    action: 'remove',
    needs: ['Google News', '發表留言', '©']
  },
  {
    id: 'wiki-chrome',
    pattern: new RegExp(String.raw`^${SP}*(?:維基文庫,自由的圖書館|维基文库，自由的图书馆|维基文库,自由的图书馆|維基文庫，自由的圖書館|跳至導覽${SP}*跳至搜尋|跳转到导航${SP}*跳转到搜索)${SP}*$`, 'gm'),
    why: 'Wikisource page chrome: site tagline and skip links.',
    action: 'remove',
    needs: ['維基文庫', '维基文库', '跳至導覽', '跳转到导航']
  },
  {
    id: 'wiki-licence',
    pattern: /^[ \t\u3000]*PD-icon\.svg[^\n]{0,1000}(?:\n+[ \t\u3000]*\(1\)[^\n]{0,1000})?$/gm,
    why: 'Wikisource\'s public-domain licence notice (it quotes the copyright law, whose numbering must not be read as articles).',
    action: 'remove',
    needs: ['PD-icon.svg']
  },
  {
    id: 'wiki-licence-text',
    pattern: new RegExp(
      String.raw`^${SP}*(?:本作品|此作品|This work)[^\n]{0,80}?(?:公有领域|公有領域|公共领域|公共領域|public domain)[^\n]{0,300}$`,
      'gim'
    ),
    why: 'A wiki licence line without the icon (`本作品在全世界都属于公有领域…`, `This work is in the public domain…`).',
    action: 'remove'
  },
  {
    id: 'image-caption',
    pattern: /^[ \t\u3000]*(?=[^ \t\u3000\n])[^\n]{1,80}\.(?:svg|png|jpg|jpeg|gif)[ \t\u3000]*$/gim,
    why: 'A line that is only an image file name (flags, icons).',
    action: 'remove',
    needs: ['.']
  },
  {
    id: 'site-name',
    pattern: /(?<![ \t\u3000])[ \t\u3000]+中华文库[ \t\u3000]*$/gm,
    why: 'The site name appended to the title line.',
    action: 'remove',
    needs: ['中华文库']
  },
  {
    id: 'table-pipe',
    pattern: /(?<![ \t\u3000])[ \t\u3000]*\|[ \t\u3000]*$/gm,
    why: 'A trailing table-cell separator of a flattened wiki table.',
    action: 'remove',
    needs: ['|']
  },
  {
    id: 'treaty-db-stamp',
    pattern: /^[ \t\u3000]*[(（]签订日期[:：]?[ \t\u3000]*(\d{4}年\d{1,2}月\d{1,2}日)(?:[ \t\u3000]*\n?[ \t\u3000]*生效日期[:：]?[ \t\u3000]*\d{4}年\d{1,2}月\d{1,2}日)?[)）][ \t\u3000]*$/gm,
    why: 'A treaty database\'s signed (and effective) date stamp under the title, on one line or two (kept as metadata).',
    action: 'stamp',
    stamp: 'signedDate',
    needs: ['签订日期']
  },
  {
    id: 'signed-date-field',
    pattern: new RegExp(String.raw`^${SP}*(?:[•·\-*]${SP}*)?(?:签订日期|簽訂日期|签署日期|簽署日期|签约日期|簽約日期)${SP}*[:：]${SP}*(${STAMP_DATE})${SP}*$`, 'gm'),
    why: 'A database field giving the signing date (`• 簽訂日期:1973年11月04日`): metadata, kept before the line goes.',
    action: 'stamp',
    stamp: 'signedDate',
    needs: ['日期']
  },
  {
    id: 'effective-date-field',
    pattern: new RegExp(String.raw`^${SP}*(?:[•·\-*]${SP}*)?(?:生效日期|生效时间|生效時間)${SP}*[:：]${SP}*(${STAMP_DATE})${SP}*$`, 'gm'),
    why: 'A database field giving the date of entry into force.',
    action: 'stamp',
    stamp: 'effectiveDate',
    needs: ['生效']
  },
  {
    id: 'date-field',
    pattern: new RegExp(String.raw`^${SP}*(?:日期|时间|時間|发布日期|發佈日期|發布日期|更新日期|更新时间|Published|Date|Updated|Posted)${SP}*[:：]${SP}*(${STAMP_DATE})${SP}*$`, 'gm'),
    why: 'A page\'s date field on a line of its own (`日期: 2015-12-11`): when the page was published, kept as metadata, never a signing date.',
    action: 'stamp',
    stamp: 'publicationDate',
    needs: ['日期', '时间', '時間', 'Published', 'Date', 'Updated', 'Posted']
  },
  {
    id: 'page-number',
    pattern: /^[ \t\u3000]*(?:[—–－\-]{1,2}[ \t\u3000]{0,3}\d{1,4}[ \t\u3000]{0,3}[—–－\-]{1,2}|第[ \t\u3000]?\d{1,4}[ \t\u3000]?页(?:[ \t\u3000]?[/／共][ \t\u3000]?\d{1,4}[ \t\u3000]?页?)?)[ \t\u3000]*$/gm,
    why: 'A printed page number on a line of its own (`— 3 —`, `- 12 -`, `第3页`), as PDF-to-text leaves it between the lines of a paragraph.',
    action: 'remove',
    phase: 'layout',
    needs: ['—', '–', '－', '-', '第']
  },
  {
    id: 'stray-symbols',
    pattern: /^[ \t\u3000]*[\[\]【】ღ★☆♥❤✿❀◆◇■□※]{1,20}[ \t\u3000]*$|[ღ★☆♥❤✿❀]+/gm,
    why: 'Decoration and stray brackets (`ღღ★`, a `[` left where the page was cut inside a link): no document prints them.',
    action: 'remove',
    needs: ['[', ']', '【', '】', 'ღ', '★', '☆', '♥', '❤', '✿', '❀', '◆', '◇', '■', '□', '※']
  }
]
