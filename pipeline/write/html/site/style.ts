/**
 * The one stylesheet of the site (`assets/site.css`), screen and print. System
 * font stacks only: no web font is fetched. Colours keep a contrast of at least
 * 7:1 for text and 4.5:1 for links on the page background.
 */
export const SITE_CSS = `:root {
  --ink: #1b1b1b;
  --muted: #4a4a4a;
  --paper: #ffffff;
  --rule: #c8c8c8;
  --link: #0b4f9c;
  --accent: #8a1c1c;
  --mark: #fff0a8;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "Songti SC", SimSun, "Noto Serif", Georgia, serif;
  color: var(--ink);
  background: var(--paper);
  line-height: 1.8;
}
:lang(zh-Hant) { font-family: "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, serif; }
:lang(en) { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; }
.about, .site, .listing, .controls, .skip { font-family: system-ui, "Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 1; }
.site { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: .5rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 2.5rem; }
main > * { min-width: 0; }
main.collection { display: block; }
@media (max-width: 60rem) { main { grid-template-columns: minmax(0, 1fr); } }
h1 { font-size: 1.6rem; line-height: 1.4; text-align: center; margin: 1rem 0 2rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.document p { margin: 0 0 .9rem; text-indent: 2em; text-align: justify; }
.document :lang(en) p, .document:lang(en) p { text-indent: 0; }
.document .num { float: left; margin-right: .25em; }
.document .num + p { text-indent: 0; }
.document a.num { color: var(--ink); text-decoration: none; }
.document a.num:hover, .document a.num:focus-visible { color: var(--link); text-decoration: underline; }
.document .article, .document .chapter { clear: left; }
.document .point { margin-left: 2em; }
.document .heading { text-align: center; }
.document .heading .num { float: none; }
.document :target { background: var(--mark); }
.document cite { font-style: normal; }
.signatures { margin-top: 2.5rem; break-inside: avoid; }
.signatory-columns { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2rem; }
.document .signature, .document .signing { text-indent: 0; text-align: left; }
.signature .role, .signature .person { display: block; }
.signing { margin-top: 1.5rem; }
.about { font-size: .9rem; }
.about table { border-collapse: collapse; width: 100%; }
.about th, .about td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--rule); }
.about th { color: var(--muted); font-weight: 600; white-space: nowrap; }
.about td { overflow-wrap: anywhere; }
.hash { word-break: break-all; font-size: .8rem; }
.formats { padding-left: 1.2rem; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
.controls label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
.controls button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--muted); background: var(--paper); color: var(--ink); }
.controls input, .controls select { font: inherit; color: var(--ink); padding: .3rem; border: 1px solid var(--muted); }
.count { font-size: .95rem; color: var(--muted); }
.listing { border-collapse: collapse; width: 100%; font-size: .95rem; }
.listing th, .listing td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
.listing td:first-child { white-space: nowrap; }
.listing th button { font: inherit; font-weight: 600; color: var(--ink); background: none; border: 0; padding: 0; cursor: pointer; }
.listing th[aria-sort="ascending"] button::after { content: " ▲"; }
.listing th[aria-sort="descending"] button::after { content: " ▼"; }
.results { padding-left: 1.2rem; }
.results li { margin-bottom: .6rem; }
.results .snippet { display: block; color: var(--muted); }
mark { background: var(--mark); color: var(--ink); }
@media print {
  @page { size: A4; margin: 25mm 20mm; }
  :root { font-size: 12pt; line-height: 1.7; }
  body { max-width: none; padding: 0; }
  .skip, .site nav, .controls, .formats, #formats-heading { display: none; }
  .site { border: 0; margin: 0; padding: 0; }
  main { display: block; }
  a { color: inherit; text-decoration: none; }
  .document :target { background: none; }
  .about { break-before: page; }
  .document .article, .document .point, .document p { break-inside: avoid; }
  h1 { margin-top: 0; }
}
`
