/**
 * Renders generated archive data as recap posts (HTML), in the shapes real posts take: one
 * heading per talk, a list of talks, or prose that names speaker and title inline. Each post
 * carries realistic page chrome (head meta, site header and nav, sidebar, share widget,
 * comments, scripts) so extraction pays for stripping it as it would on a real blog.
 */
import type { Archive, Conference, Talk } from '../../src/model.ts';
import { createRandom, type Random } from './random.ts';

export type PostShape = 'headings' | 'list' | 'prose';
export const POST_SHAPES: readonly PostShape[] = ['headings', 'list', 'prose'];

export interface RenderedPost {
  path: string;
  html: string;
}

interface Names {
  speakers: Map<string, string>;
  topics: Map<string, string>;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** Splits notes into 1-4 paragraphs, sometimes with a bullet list of key points. */
function notesHtml(random: Random, text: string): string {
  const words = text.split(' ');
  const parts = random.int(1, 4);
  const size = Math.ceil(words.length / parts);
  const blocks: string[] = [];
  for (let i = 0; i < words.length; i += size) {
    const chunk = escapeHtml(words.slice(i, i + size).join(' '));
    const roll = random.next();
    if (roll < 0.15)
      blocks.push(
        `<ul>${chunk
          .split(/ (?=\S+ \S+ \S+ \S+ \S+$)/)
          .map((p) => `<li>${p}</li>`)
          .join('')}</ul>`,
      );
    else if (roll < 0.2) blocks.push(`<blockquote><p>${chunk}</p></blockquote>`);
    else if (roll < 0.25) blocks.push(`<pre><code>${chunk.replace(/ /g, '\n  ')}</code></pre>`);
    else blocks.push(`<p>${chunk}</p>`);
  }
  return blocks.join('\n');
}

function speakerLine(talk: Talk, names: Names): string {
  return talk.speakerIds
    .map(
      (id) =>
        `${escapeHtml(names.speakers.get(id) ?? id)} (<a href="https://twitter.com/${id.replace(/-/g, '')}">@${id.replace(/-/g, '')}</a>)`,
    )
    .join(' and ');
}

function talkHtml(random: Random, talk: Talk, shape: PostShape, names: Names): string {
  const title = escapeHtml(talk.title);
  const by = speakerLine(talk, names);
  const topics = talk.topicIds.map((id) => escapeHtml(names.topics.get(id) ?? id)).join(', ');
  const notes = notesHtml(random, talk.text);
  if (shape === 'headings') {
    const sub = random.next() < 0.3 ? `<h3>Key points</h3>\n` : '';
    return `<h2 id="${talk.slug}">${title}</h2>\n<p>${by}</p>\n<p><em>Topics: ${topics}</em></p>\n${sub}${notes}`;
  }
  if (shape === 'list') return `<li><p><strong>${title}</strong> by ${by}</p>\n${notes}</li>`;
  return `<p>Next, ${by} gave <strong>“${title}”</strong>, about ${topics}.</p>\n${notes}`;
}

function chromeTop(title: string, date: string | null): string {
  const links = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/blog/page/${i + 1}/">Page ${i + 1}</a></li>`,
  );
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${title}"><meta property="og:type" content="article">
<meta property="article:published_time" content="${date ?? ''}">
<link rel="stylesheet" href="/assets/main.css"><script async src="/assets/analytics.js"></script>
<style>body{font-family:sans-serif;max-width:50rem;margin:auto}h2{margin-top:2rem}</style>
</head>\n<body>\n<header class="site"><a href="/">Home</a><nav><ul>${links.join('')}</ul></nav></header>
<main>\n<article class="post">\n<header><h1>${title}</h1><p class="date"><time datetime="${date ?? ''}">${date ?? ''}</time></p></header>
<div class="content">\n`;
}

function chromeBottom(random: Random): string {
  const recent = Array.from(
    { length: 10 },
    (_, i) => `<li><a href="/posts/${i}/">Another recap, part ${i}</a></li>`,
  );
  const comments = Array.from(
    { length: random.int(0, 6) },
    (_, i) =>
      `<li class="comment"><p class="author">Reader ${i}</p><p>Thanks for the write-up, very useful notes!</p></li>`,
  );
  return `</div>\n<div class="share"><a href="https://twitter.com/intent/tweet">Tweet</a> <a href="https://www.linkedin.com/share">Share</a></div>
</article>\n<section id="comments" class="comments"><h2>Comments</h2><ol>${comments.join('')}</ol></section>\n</main>
<aside><h2>Recent posts</h2><ul>${recent.join('')}</ul></aside>
<footer><p>© The author. Built with a static site generator.</p></footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
</body>\n</html>\n`;
}

export function renderPost(random: Random, conference: Conference, talks: Talk[], names: Names): string {
  const shape = random.pick(POST_SHAPES);
  const title = escapeHtml(`${conference.name} ${conference.year ?? ''} recap`);
  const intro = `<p>Notes from ${escapeHtml(conference.name)} ${conference.year ?? ''} in ${escapeHtml(conference.city ?? 'town')}: the talks I attended, in order.</p>`;
  const body = talks.map((talk) => talkHtml(random, talk, shape, names)).join('\n');
  const wrapped = shape === 'list' ? `<h2>Talks</h2>\n<ul class="talks">\n${body}\n</ul>` : body;
  return `${chromeTop(title, conference.date)}${intro}\n${wrapped}\n${chromeBottom(random)}`;
}

/** One post per conference of the archive, in a deterministic order and with deterministic shapes. */
export function* renderPosts(archive: Archive, seed: number): Generator<RenderedPost> {
  const random = createRandom(seed);
  const names: Names = {
    speakers: new Map(archive.speakers.map((s) => [s.id, s.name])),
    topics: new Map(archive.topics.map((t) => [t.id, t.name])),
  };
  const talks = new Map(archive.talks.map((t) => [t.id, t]));
  for (const conference of archive.conferences) {
    const ofConference = conference.talkIds.map((id) => talks.get(id) as Talk);
    yield { path: `${conference.id}.html`, html: renderPost(random, conference, ofConference, names) };
  }
}
