import { describe, expect, test } from 'vitest';
import { isNameLike, normaliseName, parseOneSpeaker, parseSpeakerList } from '../../src/extract/speakers.ts';

describe('parseOneSpeaker', () => {
  test.each([
    [
      'Ada Brightwater - @adabright - Lead engineer at Saltworks',
      'Ada Brightwater',
      '@adabright',
      'Lead engineer at Saltworks',
    ],
    ['Oskar Lindqvist (@oskarl)', 'Oskar Lindqvist', '@oskarl', null],
    ['Oskar Lindqvist @oskarl', 'Oskar Lindqvist', '@oskarl', null],
    ['Rosa Lindgren, Nebula Labs', 'Rosa Lindgren', null, 'Nebula Labs'],
    ['*Marc Okoro* - Inria', 'Marc Okoro', null, 'Inria'],
    ['Tom Baker (Driftwood)', 'Tom Baker', null, 'Driftwood'],
    ['Nicolas LEFEBVRE', 'Nicolas Lefebvre', null, null],
    ['李明', '李明', null, null],
  ])('reads %j', (text, name, handle, affiliation) => {
    expect(parseOneSpeaker(text)).toEqual({ name, handle, affiliation });
  });

  test.each([['Decentralized IoT'], ['The Setup'], ['Function as a service'], ['@handle'], ['']])(
    'finds no person in %j',
    (text) => {
      expect(parseOneSpeaker(text)).toBeNull();
    },
  );
});

describe('parseSpeakerList', () => {
  test.each([
    ['Ben Ashford and Carla Dunne', ['Ben Ashford', 'Carla Dunne']],
    ['Ben Ashford & Carla Dunne', ['Ben Ashford', 'Carla Dunne']],
    ['Camille Roux et Hugo Ferrand', ['Camille Roux', 'Hugo Ferrand']],
    ['Ana Lee, Bo Chen, Cy Dorn et Di Ewe.', ['Ana Lee', 'Bo Chen', 'Cy Dorn', 'Di Ewe']],
    ['李明和王芳', ['李明', '王芳']],
    ['李明、王芳', ['李明', '王芳']],
    ['Kofi Mensah, Nebula Labs', ['Kofi Mensah']],
    ['Kofi Mensah, Red Hat', ['Kofi Mensah']],
  ])('reads co-speakers in %j', (text, names) => {
    expect(parseSpeakerList(text).map((s) => s.name)).toEqual(names);
  });

  test('gives no speakers when one part is not a person', () => {
    expect(parseSpeakerList('Kafka and the next stream processors')).toEqual([]);
  });
});

describe('isNameLike and normaliseName', () => {
  test.each([
    ['Jessica Harllee', true],
    ['PJ McCormick', true],
    ['Peter van der Meulen', true],
    ['Fulltext Search', false],
    ['Service Mesh', false],
    ['Kubernetes 101', false],
    ['Getting Visual', false],
  ])('%j looks like a name: %s', (text, expected) => {
    expect(isNameLike(text)).toBe(expected);
  });

  test('writes surnames in capitals in normal case', () => {
    expect(normaliseName('Jean-Marc DUPONT-MOREAU')).toBe('Jean-Marc Dupont-Moreau');
  });
});
