/** Synthetic recap posts for the end-to-end tests: one conference per post, three talks each. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ro', 'sa', 'ti', 'vo', 'ze'];
const SUBJECTS = ['Kafka', 'Kubernetes', 'PostgreSQL', 'WebAssembly', 'Rust', 'GraphQL'];
const SPEAKERS = [
  'Alice Martin',
  'Bruno Diaz',
  'Chloe Nguyen',
  'Dmitri Volkov',
  'Emma Larsen',
  'Farid Haddad',
];

/** A pronounceable word unique to n: 0 -> "kaka", 1 -> "kalo"... */
export function word(n: number): string {
  let text = '';
  let rest = n;
  for (let i = 0; i < 3; i++) {
    text = SYLLABLES[rest % 10] + text;
    rest = Math.floor(rest / 10);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The title of talk `k` of post `n`, unique across posts. */
export function talkTitle(n: number, k: number): string {
  return `${SUBJECTS[(n + k) % SUBJECTS.length]} lessons from ${word(n)} part ${['one', 'two', 'three'][k]}`;
}

export function recapPost(n: number): string {
  const talks = [0, 1, 2].map((k) =>
    [
      `## ${talkTitle(n, k)}, by ${SPEAKERS[(n + k) % SPEAKERS.length]}`,
      '',
      `The speaker walked through ${SUBJECTS[(n + k) % SUBJECTS.length]} in production at ${word(n)}, `,
      'with the mistakes they made and how they measured the results afterwards.',
      '',
    ].join('\n'),
  );
  return [
    '---',
    `title: "Recap of ${word(n)}conf ${2010 + (n % 10)}"`,
    `date: ${2010 + (n % 10)}-05-0${1 + (n % 9)}`,
    `conference: ${word(n)}conf`,
    `year: ${2010 + (n % 10)}`,
    '---',
    '',
    `Notes from ${word(n)}conf, day one.`,
    '',
    ...talks,
  ].join('\n');
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `talks-${prefix}-`));
}

/** Writes posts `from` to `to - 1` as post-<n>.md. */
export async function writePosts(dir: string, from: number, to: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let n = from; n < to; n++) await writeFile(path.join(dir, `post-${n}.md`), recapPost(n));
}
