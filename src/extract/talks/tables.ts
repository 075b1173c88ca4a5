/**
 * Talks in tables: a programme or a "talks worth watching" list. The header row, when there is
 * one, says which column holds titles and which holds speakers; without it, the cell of people
 * is found by shape and the title is the cell before it that is not a time.
 */
import { parseSpeakerList } from '../speakers.ts';
import type { TextBlock } from './blocks.ts';
import type { ItemTalk } from './items.ts';
import { cleanTitle, kindOf } from './titles.ts';

export interface Columns {
  title: number;
  speaker: number;
  /** Optional columns of a list that spans several editions: "Year", "City", "Conference". */
  year: number;
  city: number;
  event: number;
}

/** The edition a row names in its own columns; `name` is null when only year or city is given. */
export interface RowEdition {
  name: string | null;
  year: number | null;
  city: string | null;
}

const TITLE_HEADER = /^(?:talks?|titles?|titre|sujet|session|subject|topic|présentation|主题|题目|议题)$/i;
const SPEAKER_HEADER = /^(?:speakers?|orateurs?|intervenants?|presenters?|by|par|who|讲师|演讲者|嘉宾)$/i;
const YEAR_HEADER = /^(?:year|année|annee|年份?)$/i;
const CITY_HEADER = /^(?:city|ville|location|where|place|城市|地点)$/i;
const EVENT_HEADER = /^(?:conference|conf|event|événement|evenement|会议)$/i;
const TIME = /^(?:\d{1,2}[:h.]\d{2}|\d{1,2}\s?(?:am|pm))\b/i;

/** Reads the title and speaker columns of a header row, or null when it names neither. */
export function headerColumns(block: TextBlock): Columns | null {
  const cells = block.cells ?? [];
  const title = cells.findIndex((c) => TITLE_HEADER.test(c));
  const speaker = cells.findIndex((c) => SPEAKER_HEADER.test(c));
  if (title < 0 || speaker < 0) return null;
  const find = (header: RegExp) => cells.findIndex((c) => header.test(c));
  return { title, speaker, year: find(YEAR_HEADER), city: find(CITY_HEADER), event: find(EVENT_HEADER) };
}

/** The conference, year and city a row's own columns give, or null when the header names none. */
export function rowEdition(block: TextBlock, columns: Columns | null): RowEdition | null {
  if (!columns || (columns.year < 0 && columns.event < 0)) return null;
  const cells = block.cells ?? [];
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() || null : null);
  const year = /^(?:19|20)\d\d$/.exec(cell(columns.year) ?? '')?.[0];
  return { name: cell(columns.event), year: year ? Number(year) : null, city: cell(columns.city) };
}

export function rowTalk(block: TextBlock, columns: Columns | null): ItemTalk | null {
  const cells = block.cells ?? [];
  if (block.header || cells.length < 2) return null;
  const who = columns ? columns.speaker : cells.findIndex((c) => parseSpeakerList(c).length > 0);
  const speakers = who >= 0 ? parseSpeakerList(cells[who] ?? '') : [];
  if (!speakers.length) return null;
  const titleCell = columns ? cells[columns.title] : titleBefore(cells, who);
  if (!titleCell || titleCell.length < 2) return null;
  return { block, title: cleanTitle(titleCell), speakers, kind: kindOf(titleCell) ?? 'talk' };
}

/** The nearest cell before the speakers' that is not a time (or after it, when none is). */
function titleBefore(cells: readonly string[], who: number): string | undefined {
  const usable = (c: string | undefined) => !!c && c.length > 3 && !TIME.test(c);
  for (let i = who - 1; i >= 0; i--) if (usable(cells[i])) return cells[i];
  return cells.slice(who + 1).find(usable);
}
