// Search as you type, on top of a page that already works without it. The form stays a plain
// GET form; this script fetches /api/search while typing, drops stale answers, and renders
// with textContent (only the server-made snippet, which escapes the post's text and adds <mark>,
// is inserted as HTML).
(() => {
  const DEBOUNCE_MS = 150;
  const FACETS = [
    ['topic', 'Topic'],
    ['conference', 'Conference'],
    ['year', 'Year'],
    ['speaker', 'Speaker'],
  ];

  const el = (tag, attrs = {}, text) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const safeUrl = (url) => {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
    } catch {
      return null;
    }
  };

  function recapLink(hit, source, index) {
    const url = source.url ? safeUrl(source.url) : null;
    if (!url) return el('a', { href: `${hit.url}#source-${index + 1}` }, 'notes');
    url.hash = source.anchor ? encodeURIComponent(source.anchor) : '';
    return el('a', { href: url.href, rel: 'noopener noreferrer nofollow' }, url.hostname);
  }

  function joinLinks(parent, links) {
    links.forEach((link, i) => {
      if (i > 0) parent.append(', ');
      parent.append(link);
    });
  }

  function renderHit(hit, q) {
    const li = el('li', { class: 'hit' });
    const title = el('h2', { class: 'hit-title' });
    const href = q ? `${hit.url}?q=${encodeURIComponent(q)}` : hit.url;
    title.append(el('a', { class: 'result-link', href }, hit.title));
    const meta = el('p', { class: 'meta' });
    if (hit.speakers.length > 0) {
      const speakers = el('span', { class: 'speakers' });
      joinLinks(
        speakers,
        hit.speakers.map((s) => el('a', { href: `/speakers/${encodeURIComponent(s.id)}` }, s.name)),
      );
      meta.append(speakers, ' ', el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), ' ');
    }
    const conference = [hit.conference.name, hit.conference.year].filter(Boolean).join(' ');
    meta.append(el('a', { href: `/conferences/${encodeURIComponent(hit.conference.id)}` }, conference));
    const snippet = el('p', { class: 'snippet' });
    snippet.innerHTML = hit.snippet;
    li.append(title, meta, snippet);
    if (hit.topics.length > 0) {
      const chips = el('ul', { class: 'chips', 'aria-label': 'Topics' });
      for (const t of hit.topics) {
        const item = el('li');
        item.append(el('a', { class: 'chip', href: `/topics/${encodeURIComponent(t.id)}` }, t.name));
        chips.append(item);
      }
      li.append(chips);
    }
    if (hit.sources.length > 0) {
      const recaps = el('p', { class: 'recaps' }, 'Read the recap: ');
      joinLinks(
        recaps,
        hit.sources.map((s, i) => recapLink(hit, s, i)),
      );
      li.append(recaps);
    }
    return li;
  }

  function toggledUrl(params, key, id) {
    const next = new URLSearchParams(params);
    const values = next.getAll(key);
    next.delete(key);
    next.delete('page');
    const kept = values.includes(id) ? values.filter((v) => v !== id) : [...values, id];
    for (const value of kept) next.append(key, value);
    return `/search?${next}`;
  }

  function renderFacets(container, result, params) {
    const any = FACETS.some(([key]) => (result.facets[key] || []).length > 0);
    container.replaceChildren(...(any ? [el('h2', { class: 'facets-title' }, 'Filter')] : []));
    for (const [key, label] of FACETS) {
      const values = result.facets[key] || [];
      if (values.length === 0) continue;
      const section = el('section', { class: 'facet', 'data-facet': key });
      const list = el('ul');
      const active = params.getAll(key);
      for (const value of values.slice(0, 12)) {
        const on = active.includes(value.id);
        const link = el('a', {
          class: on ? 'facet-value active' : 'facet-value',
          href: toggledUrl(params, key, value.id),
        });
        if (on) link.setAttribute('aria-current', 'true');
        link.append(
          el('span', { class: 'facet-name' }, value.name),
          ' ',
          el('span', { class: 'count' }, String(value.count)),
        );
        const item = el('li');
        item.append(link);
        list.append(item);
      }
      section.append(el('h3', {}, label), list);
      container.append(section);
    }
  }

  function pageLink(params, number, text, attrs = {}) {
    const next = new URLSearchParams(params);
    if (number > 1) next.set('page', String(number));
    else next.delete('page');
    return el('a', { href: `/search?${next}`, ...attrs }, text);
  }

  /** Previous, a window of page numbers, next: the same links the server renders. */
  function renderPagination(result, params) {
    const pages = Math.ceil(result.total / result.limit);
    if (pages <= 1) return null;
    const nav = el('nav', { class: 'pagination', id: 'pagination', 'aria-label': 'Result pages' });
    const first = Math.max(1, Math.min(result.page - 4, pages - 8));
    if (result.page > 1) nav.append(pageLink(params, result.page - 1, 'Previous', { rel: 'prev' }));
    for (let n = first; n <= Math.min(pages, first + 8); n++) {
      nav.append(
        n === result.page
          ? el('span', { 'aria-current': 'page' }, String(n))
          : pageLink(params, n, String(n)),
      );
    }
    if (result.page < pages) nav.append(pageLink(params, result.page + 1, 'Next', { rel: 'next' }));
    return nav;
  }

  function emptyState() {
    const empty = el('div', { class: 'empty', id: 'empty' });
    const browse = el('li', {}, 'Browse by ');
    browse.append(
      el('a', { href: '/topics' }, 'topic'),
      ', ',
      el('a', { href: '/conferences' }, 'conference'),
    );
    browse.append(' or ', el('a', { href: '/speakers' }, 'speaker'), '.');
    const tips = el('ul');
    tips.append(el('li', {}, 'Check the spelling, or try fewer or more general words.'), browse);
    empty.append(el('h2', {}, 'No talks found'), tips);
    return empty;
  }

  function renderResult(page, result, params) {
    const q = params.get('q') || '';
    const noun = result.total === 1 ? 'talk' : 'talks';
    page.summary.textContent = q ? `${result.total} ${noun} for “${q}”` : `${result.total} ${noun}`;
    page.hits.replaceChildren(...result.hits.map((hit) => renderHit(hit, q)));
    if (page.suggestion) {
      page.suggestion.hidden = !result.suggestion;
      page.suggestion.replaceChildren();
      if (result.suggestion) {
        const next = new URLSearchParams(params);
        next.set('q', result.suggestion);
        page.suggestion.append('Did you mean ', el('a', { href: `/search?${next}` }, result.suggestion), '?');
      }
    }
    if (page.facets) renderFacets(page.facets, result, params);
    for (const id of ['pagination', 'empty']) document.getElementById(id)?.remove();
    const extra =
      result.total === 0 && params.toString() !== '' ? emptyState() : renderPagination(result, params);
    if (extra) page.hits.after(extra);
  }

  function showInvitation(page) {
    page.summary.textContent = 'Type a topic, a technology, a speaker or a conference.';
    page.hits.replaceChildren();
    page.facets?.replaceChildren();
    if (page.suggestion) page.suggestion.hidden = true;
    for (const id of ['pagination', 'empty']) document.getElementById(id)?.remove();
  }

  function enhanceSearch(form, input) {
    const page = {
      summary: document.getElementById('result-summary'),
      suggestion: document.getElementById('suggestion'),
      hits: document.getElementById('hits'),
      facets: document.getElementById('facets'),
    };
    if (!page.summary || !page.hits) return;
    let timer = 0;
    let sequence = 0;
    let controller = null;

    async function run() {
      const params = new URLSearchParams(new FormData(form));
      if (!params.get('q')) params.delete('q');
      history.replaceState(null, '', params.toString() ? `/search?${params}` : '/search');
      const mine = ++sequence;
      controller?.abort();
      if (params.toString() === '') {
        showInvitation(page);
        return;
      }
      controller = new AbortController();
      try {
        const response = await fetch(`/api/search?${params}`, {
          headers: { Accept: 'application/json' },
          signal: controller.signal,
        });
        if (!response.ok) return;
        const result = await response.json();
        if (mine === sequence) renderResult(page, result, params);
      } catch (error) {
        if (error.name !== 'AbortError')
          page.summary.textContent = 'Search is unavailable; press Enter to retry.';
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && input.value) {
        event.preventDefault();
        input.value = '';
        clearTimeout(timer);
        run();
      }
    });
  }

  function resultLinks() {
    return [...document.querySelectorAll('.result-link')];
  }

  function onKey(event, input) {
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (input) {
        input.focus();
        input.select();
      } else {
        location.href = '/search';
      }
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks();
    if (links.length === 0 || (typing && target !== input)) return;
    const index = links.indexOf(document.activeElement);
    if (target !== input && index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    if (next < 0) input?.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  function start() {
    const form = document.getElementById('search-form');
    const input = document.getElementById('q');
    if (form && input && document.getElementById('results')) enhanceSearch(form, input);
    document.addEventListener('keydown', (event) => onKey(event, input));
  }

  start();
})();
