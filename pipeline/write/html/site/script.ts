/**
 * The collection page's script (`assets/site.js`): sorting, filters with
 * counts, and search over titles and text from `search-index.js`, which sets
 * a global (a `<script>` works from `file://`, where `fetch` of a local file
 * does not). DOM built with `textContent` only, never `innerHTML`. Without the
 * script the page is a plain table of every document.
 */
export const SITE_JS = `'use strict';
(function () {
  var table = document.getElementById('documents');
  var controls = document.getElementById('controls');
  if (!table || !controls) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var index = window.DIPTEXT_SEARCH || [];
  var byPage = {};
  index.forEach(function (entry) { byPage[entry.page] = entry; });
  var query = document.getElementById('q');
  var filters = Array.prototype.slice.call(controls.querySelectorAll('select[data-filter]'));
  var count = document.getElementById('count');
  var results = document.getElementById('results');
  var resultsSection = document.getElementById('search-results');
  var total = rows.length;
  controls.hidden = false;

  function fold(text) { return text.normalize('NFKC').toLowerCase(); }
  var folded = {};
  index.forEach(function (entry) { folded[entry.page] = {title: fold(entry.title), text: fold(entry.text)}; });

  function terms() { return fold(query.value).split(/\\s+/).filter(Boolean); }

  function matches(page, words) {
    if (words.length === 0) return true;
    var entry = folded[page];
    if (!entry) return false;
    return words.every(function (word) { return entry.title.indexOf(word) !== -1 || entry.text.indexOf(word) !== -1; });
  }

  function snippet(page, word) {
    var entry = byPage[page];
    var at = folded[page].text.indexOf(word);
    var span = document.createElement('span');
    span.className = 'snippet';
    if (at === -1) return span;
    var start = Math.max(0, at - 30);
    var end = Math.min(entry.text.length, at + word.length + 30);
    span.appendChild(document.createTextNode((start > 0 ? '…' : '') + entry.text.slice(start, at)));
    var mark = document.createElement('mark');
    mark.textContent = entry.text.slice(at, at + word.length);
    span.appendChild(mark);
    span.appendChild(document.createTextNode(entry.text.slice(at + word.length, end) + (end < entry.text.length ? '…' : '')));
    span.lang = entry.lang;
    return span;
  }

  function update() {
    var words = terms();
    var shown = 0;
    while (results.firstChild) results.removeChild(results.firstChild);
    rows.forEach(function (row) {
      var visible = filters.every(function (select) {
        var value = select.value;
        if (value === '') return true;
        return (row.getAttribute('data-' + select.getAttribute('data-filter')) || '').split(' ').indexOf(value) !== -1;
      }) && matches(row.getAttribute('data-page'), words);
      row.hidden = !visible;
      if (!visible) return;
      shown++;
      if (words.length === 0) return;
      var page = row.getAttribute('data-page');
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = page;
      link.textContent = byPage[page] ? byPage[page].title : page;
      if (byPage[page]) link.lang = byPage[page].lang;
      item.appendChild(link);
      item.appendChild(snippet(page, words[0]));
      results.appendChild(item);
    });
    count.textContent = shown === total ? total + ' documents' : shown + ' of ' + total + ' documents';
    resultsSection.hidden = words.length === 0;
  }

  function sortBy(header) {
    var key = header.getAttribute('data-sort');
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    rows.sort(function (a, b) {
      var x = a.getAttribute('data-' + key) || '';
      var y = b.getAttribute('data-' + key) || '';
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (order === 0) order = a.getAttribute('data-page') < b.getAttribute('data-page') ? -1 : 1;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.querySelectorAll('th[data-sort] button'), function (button) {
    button.addEventListener('click', function () { sortBy(button.parentNode); });
  });
  query.addEventListener('input', update);
  filters.forEach(function (select) { select.addEventListener('change', update); });
  controls.addEventListener('submit', function (event) { event.preventDefault(); update(); });
  update();
})();
`
