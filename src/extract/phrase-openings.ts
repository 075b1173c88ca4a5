/**
 * What every match of a phrase pattern opens with, read from the pattern itself: a phrase
 * matcher (see phrases.ts) runs a phrase's regex only where the text may open that way, a test
 * several times cheaper than the regex.
 */
import { isWordCode } from './word-filter.ts';

/** Characters with a meaning in a pattern; any other, "/" included, stands for itself. */
const SYNTAX = '^$\\.*+?()[]{}|';
/** Characters that stand for themselves when escaped: the syntax ones, and "/" ("A\\/B"). */
const ESCAPABLE = `${SYNTAX}/`;

/**
 * An optional class of separators, "[\\s-]?": `\s` and ASCII punctuation, a hyphen only last,
 * so it holds no range and, whatever the flags, no word character.
 */
const GAP = /^\[((?:\\s|[ !"#$%&'*+,./:;<=>@_`{|}~])*-?)\]\?/;

/** The literal text of `pattern` from `from` on, and where it stops (see `literalPrefix`). */
function literalAt(pattern: string, from: number): { text: string; next: number } {
  let text = '';
  let i = from;
  while (i < pattern.length) {
    const escaped = pattern[i] === '\\';
    const char = escaped ? (pattern[i + 1] ?? '') : pattern[i]!;
    // Escaped, only a syntax character stands for itself ("\\." is a dot, "\\d" a class).
    if (escaped ? !ESCAPABLE.includes(char) : SYNTAX.includes(char)) break;
    const code = char.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) break;
    const next = i + (escaped ? 2 : 1);
    if (next < pattern.length && '?*+{'.includes(pattern[next]!)) break;
    text += char;
    i = next;
  }
  return { text, next: i };
}

/**
 * The text every match of `pattern` opens with: its leading characters up to the first class,
 * group, anchor or quantified character ("\\.NET[\\s-]?Core" gives ".NET"). A pattern with an
 * alternation gives none, as do surrogates (a quantifier after one applies to the pair).
 */
export function literalPrefix(pattern: string): string {
  return pattern.includes('|') ? '' : literalAt(pattern, 0).text;
}

/**
 * The literal parts every match of `pattern` opens with, each after the first behind an
 * optional separator (see GAP): "Service[\\s-]?workers(?:e?s)?" gives "Service", "workers".
 */
export function openingParts(pattern: string): string[] {
  if (pattern.includes('|')) return [''];
  let { text, next } = literalAt(pattern, 0);
  const parts = [text];
  for (let gap = GAP.exec(pattern.slice(next)); text && gap; gap = GAP.exec(pattern.slice(next))) {
    ({ text, next } = literalAt(pattern, next + gap[0].length));
    if (text) parts.push(text);
  }
  return parts;
}

/**
 * Whether the text at `at` may open with `prefix`: false only when no match can start there.
 * Ignoring case, ASCII letters are compared by hand and anything else is left to the regex
 * (Unicode case folding pairs "k" with the Kelvin sign, for one).
 */
export function mayOpenWith(text: string, at: number, prefix: string, caseSensitive: boolean): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const t = text.charCodeAt(at + i);
    const p = prefix.charCodeAt(i);
    if (t === p) continue;
    // Past the end of the text (NaN), or a different character where case counts.
    if (Number.isNaN(t) || caseSensitive) return false;
    if (t >= 128 || p >= 128) return true;
    const lower = p | 32;
    if (lower < 97 || lower > 122 || (t | 32) !== lower) return false;
  }
  return true;
}

/**
 * Whether the text from `at` may go on with `parts` (see `openingParts`), each behind an
 * optional separator: false only when no match can. A literal matches as many characters as it
 * has, case folding or not.
 */
export function mayFollow(
  text: string,
  at: number,
  parts: readonly string[],
  caseSensitive: boolean,
): boolean {
  let from = at;
  for (let k = 0; k < parts.length; k++) {
    // A separator holds no word character: before one, the gap is empty; else the regex decides.
    if (!isWordCode(text.charCodeAt(from))) return true;
    const part = parts[k]!;
    if (!mayOpenWith(text, from, part, caseSensitive)) return false;
    from += part.length;
  }
  return true;
}
