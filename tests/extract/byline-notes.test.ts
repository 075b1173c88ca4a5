import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.ts';
import { loadPost } from '../../src/extract/load.ts';
import { extractTalks } from '../../src/extract/talks/index.ts';

function notesOf(html: string, source = 'post.html') {
  const { $, root } = loadPost(source, html);
  return extractTalks($, root).map((t) => [t.speakers.map((s) => s.name), t.text]);
}

describe('the byline under a talk heading is not part of its notes', () => {
  test.each([
    [
      'a "Name - @handle - Company" line',
      '<h2>Tides of data</h2><p>Ada Brightwater - @adabright - Saltworks</p><p>Streams between regions.</p>',
      [[['Ada Brightwater'], 'Streams between regions.']],
    ],
    [
      'a "By Name, Company" first line',
      '<h2>Tidal APIs</h2><p>By Ada Brightwater, Saltworks</p><p>Notes.</p>',
      [[['Ada Brightwater'], 'Notes.']],
    ],
    [
      'a "Présenté par" line with the name on it',
      '<h2>Talk “Les robots”</h2><p>Présenté par Inès Morel @inesm</p><p>Beaucoup de soudure.</p>',
      [[['Inès Morel'], 'Beaucoup de soudure.']],
    ],
    [
      'a "Présenté par" label and the names listed under it',
      '<h2>Talk “Les robots”</h2><p>Salle comble.</p><p>Présenté par</p><ul><li>Inès Morel @inesm</li><li>Hugo Ferrand</li></ul><p>Démo réussie.</p>',
      [[['Inès Morel', 'Hugo Ferrand'], 'Salle comble. Démo réussie.']],
    ],
    [
      'only the byline line of a paragraph that goes on after a <br>',
      '<h2>Tides of data</h2><p>Ada Brightwater - @adabright<br>Streams between regions.</p>',
      [[['Ada Brightwater'], 'Streams between regions.']],
    ],
    [
      'a byline under a heading that names the speaker too',
      '<h2>Tides of data (Ada Brightwater)</h2><p>Ada Brightwater - Saltworks</p><p>Streams.</p>',
      [[['Ada Brightwater'], 'Streams.']],
    ],
  ])('leaves out %s', (_name, html, expected) => {
    expect(notesOf(html)).toEqual(expected);
  });

  test.each([
    [
      'a sentence that opens with the speaker',
      '<h2>Open gateways</h2><p>Ada Brightwater (@adabright) presents about the open gateway initiative from Saltworks.</p>',
      'Ada Brightwater (@adabright) presents about the open gateway initiative from Saltworks.',
    ],
    [
      'names that end a sentence begun on the line before',
      '<h2>Closing keynote</h2><p>A quiz with two teams; in the second team:<br>Ada Brightwater and Oskar Lindqvist.</p>',
      'A quiz with two teams; in the second team: Ada Brightwater and Oskar Lindqvist.',
    ],
  ])('keeps %s', (_name, html, text) => {
    expect(notesOf(html).map(([, notes]) => notes)).toEqual([text]);
  });

  test('keeps the wrapped first line of a Markdown paragraph that starts with the speaker', () => {
    const markdown = [
      '## Tides of data',
      '',
      'Ada Brightwater, who leads the data team (and the sailing club)',
      'explained how streams move between regions.',
      '',
    ].join('\n');
    expect(notesOf(markdown, 'post.md').map(([, notes]) => notes)).toEqual([
      'Ada Brightwater, who leads the data team (and the sailing club) explained how streams move between regions.',
    ]);
  });

  test('still reads topics from the byline, where an affiliation may name one', () => {
    const html =
      '<article><h1>Notes</h1><h2>Shipping images</h2><p>Ada Brightwater - @adabright - Docker</p><p>Layers and caches.</p><h2>Tides</h2><p>Oskar Lindqvist - @oskarl</p><p>Streams.</p></article>';
    const [talk] = extractPost('post.html', new TextEncoder().encode(html)).talks;
    expect(talk?.text).toBe('Layers and caches.');
    expect(talk?.topics).toContain('Docker');
  });
});
