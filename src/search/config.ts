/**
 * The one place that decides how talks are indexed: fields, encoders, tokenizers, resolutions.
 * SEARCH_CONFIG_HASH is derived from the description below, so any change here makes saved
 * indexes fail to load with a "rebuild" message instead of answering wrongly.
 */
import { createHash } from 'node:crypto';
import { Charset, Document, type DocumentData, Encoder } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';

/** Bumped by hand when the saved tables (not FlexSearch) change shape. */
export const SEARCH_SCHEMA_VERSION = 4;

export type FieldName = 'title' | 'speakers' | 'topics' | 'conference' | 'notes';

/** The text encoder stems English and drops stop words; the name encoder only normalises. */
export type EncoderKind = 'text' | 'name';

export interface FieldConfig {
  field: FieldName;
  encoder: EncoderKind;
  /** forward = prefix matches for search-as-you-type; strict = whole words only. */
  tokenize: 'forward' | 'strict';
  /**
   * FlexSearch's position buckets per word. 1: ranking scores every match itself and never
   * asks FlexSearch to cut, so positions would only cost memory and time.
   */
  resolution: number;
  /** Ranking weight of a match in this field (not part of the index layout). */
  weight: number;
}

export const FIELDS: readonly FieldConfig[] = [
  { field: 'title', encoder: 'text', tokenize: 'forward', resolution: 1, weight: 10 },
  { field: 'speakers', encoder: 'name', tokenize: 'forward', resolution: 1, weight: 9 },
  { field: 'topics', encoder: 'name', tokenize: 'strict', resolution: 1, weight: 8 },
  { field: 'conference', encoder: 'name', tokenize: 'strict', resolution: 1, weight: 4 },
  { field: 'notes', encoder: 'text', tokenize: 'strict', resolution: 1, weight: 2 },
];

export const FIELD_NAMES: readonly FieldName[] = FIELDS.map((f) => f.field);

/** The document FlexSearch indexes: one string per field, numeric id (FlexSearch stores fewer bytes). */
export interface IndexedDoc extends DocumentData {
  id: number;
  title: string;
  speakers: string;
  topics: string;
  conference: string;
  notes: string;
}

export interface Encoders {
  text: Encoder;
  name: Encoder;
}

const OUTSIDE_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Only these make the English preparation (contractions, "&", "$", "£") change anything. */
const PREPARED = /['&$£´]|cannot/;

/**
 * FlexSearch's own normalisation (NFKD, accents dropped, lower case), with the Unicode passes
 * skipped for plain ASCII text, where they change nothing: the notes are most of what is encoded.
 */
function normalize(text: string): string {
  return OUTSIDE_ASCII.test(text)
    ? text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
    : text.toLowerCase();
}

/** The English preset's preparation (a dozen replacements), run only when one of them can apply. */
function prepare(text: string): string {
  return PREPARED.test(text) ? EnglishPreset.prepare!(text) : text;
}

/**
 * Fresh encoders per index: an Encoder keeps an internal cache, so instances are not shared
 * globally. `normalize` and `prepare` give exactly FlexSearch's output, only faster.
 */
export function createEncoders(): Encoders {
  return {
    // One assign: a second one would compose `prepare` with the preset's instead of replacing it.
    text: new Encoder(Charset.LatinBalance).assign({ ...EnglishPreset, normalize, prepare }),
    name: new Encoder(Charset.Normalize).assign({ normalize }),
  };
}

/**
 * No `cache` (its key ignores fields and it is not invalidated on writes), no `tag` (filters
 * only the top 100 matches per field), no `store` (talks live in our own tables), no
 * `fastupdate`: an imported index never has it (I1), it costs ~60 % more memory, and writes
 * only ever add (tables.ts), which is fast without it.
 */
export function createDocument(encoders: Encoders): Document<IndexedDoc> {
  return new Document<IndexedDoc>({
    fastupdate: false,
    document: {
      id: 'id',
      index: FIELDS.map((f) => ({
        field: f.field,
        tokenize: f.tokenize,
        resolution: f.resolution,
        encoder: encoders[f.encoder],
      })),
    },
  });
}

const LAYOUT = {
  engine: 'flexsearch@0.8.212',
  schema: SEARCH_SCHEMA_VERSION,
  encoders: { text: 'LatinBalance+lang/en', name: 'Normalize' },
  fields: FIELDS.map(({ field, encoder, tokenize, resolution }) => ({
    field,
    encoder,
    tokenize,
    resolution,
  })),
  ids: 'number',
  fastupdate: false,
};

export const SEARCH_CONFIG_HASH: string = createHash('sha256')
  .update(JSON.stringify(LAYOUT))
  .digest('hex')
  .slice(0, 16);
