import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../src/extract/language.ts';
import { countStopWords } from '../../src/extract/stop-words.ts';

describe('stop-word counts', () => {
  test.each([
    ['The cat and THE dog', { en: 3 }],
    ['le chat et la souris', { fr: 3 }],
    // A letter beyond ASCII joins the run: "desé" is no stop word, "des" alone is.
    ['desé des', { fr: 1 }],
    ['thé the', { en: 1 }],
    // Characters that lower-case into ASCII ("İ", the Kelvin sign) take the general path.
    ['İs the \u212Ahe', { en: 1 }],
    ['la casa del sol, que es', { fr: 2, es: 3 }],
    ['nothing here', {}],
  ])('of %j', (text, counts) => {
    expect(Object.fromEntries(countStopWords(text))).toEqual(counts);
  });

  test.each([
    'Die Straße und der Weg: ÜBER die Brücke, nicht über den Fluss',
    'Ça va? Où est la gare, et le café du coin',
    'mixed 日本語 the and 한국어 der 𝒜 los',
  ])('are the same on the general path for %j', (text) => {
    // An "İ" sends the whole text down the general path (lower-casing it, then cutting words).
    expect(countStopWords(`${text} İ`)).toEqual(countStopWords(text));
  });

  test('count in the order languages first appear', () => {
    expect([...countStopWords('der Hund und the cat').keys()]).toEqual(['de', 'en']);
  });
});

describe('language detection', () => {
  test('reads English prose as English', () => {
    const text = 'This is the talk that was given at the conference, and it is on the web for all. '.repeat(
      3,
    );
    expect(detectLanguage(text).language).toBe('en');
  });

  test('reads Japanese prose by its kana share', () => {
    expect(detectLanguage('これはテストです。カンファレンスの話をします。').language).toBe('ja');
  });
});
