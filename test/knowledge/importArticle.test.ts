/** The knowledge base imported from content/article: every segment in every language, its section, its place. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';
import { LANGS, langOfLocale } from '../../src/i18n/locales';
import { importArticle } from '../../src/knowledge/knowledgeBase';
import { parseArticle } from '../../src/knowledge/parseArticle';
import type { Segment, SegmentPlace } from '../../src/knowledge/types';
import { articleFiles } from './articleFiles';

const kb = importArticle();
const files = articleFiles();
const SEGMENT_IDS = Array.from({ length: 100 }, (_, i) => 103 + i);

function segment(id: number): Segment {
  const found = kb.segments[id];
  if (!found) throw new Error(`segment ${id} is not in the knowledge base`);
  return found;
}

describe('importArticle: segments', () => {
  it('imports exactly the segments 103..202, each under its own id', () => {
    expect(Object.keys(kb.segments).map(Number)).toEqual(SEGMENT_IDS);
    expect(SEGMENT_IDS.filter((id) => segment(id).id !== id)).toEqual([]);
  });

  it.each(LANGS)('gives every segment a non-empty %s text', (lang) => {
    expect(SEGMENT_IDS.filter((id) => !segment(id).text[lang]?.trim())).toEqual([]);
  });

  it.each(files)('takes the translation of $locale from $file', ({ locale, file, text }) => {
    const lang = langOfLocale(locale);
    if (!lang) throw new Error(`source.json names an unknown locale ${locale}`);
    for (const parsed of parseArticle(file, text).segments) {
      expect(segment(parsed.id).text[lang]).toBe(parsed.translation);
    }
  });

  it('reads the same English source from every translation file', () => {
    for (const { file, text } of files) {
      const sources = parseArticle(file, text).segments.map((s) => [s.id, s.source]);
      expect(sources, file).toEqual(SEGMENT_IDS.map((id) => [id, segment(id).text.en]));
    }
  });

  it('gives the article a title in every language', () => {
    expect(LANGS.filter((lang) => !kb.meta.title[lang]?.trim())).toEqual([]);
  });
});

describe('importArticle: sections', () => {
  it('puts every segment under one of the section anchors', () => {
    const anchors = new Set(kb.sections.map((s) => s.anchor));
    expect(SEGMENT_IDS.filter((id) => !anchors.has(segment(id).anchor))).toEqual([]);
  });

  it('lists the sections in the order of the anchors in the article', () => {
    const anchorsInText = [...(files[0]?.text ?? '').matchAll(/<a name="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(kb.sections.map((s) => s.anchor)).toEqual(anchorsInText);
  });

  it('reads the sections one after the other, covering every segment once in article order', () => {
    expect(kb.sections.flatMap((s) => s.segments)).toEqual(SEGMENT_IDS);
  });

  it('opens every section with its heading segment, and files each segment under its own anchor', () => {
    for (const section of kb.sections) {
      expect(section.segments[0]).toBe(section.heading);
      expect(segment(section.heading).place.kind).toBe('heading');
      expect(section.segments.filter((id) => segment(id).anchor !== section.anchor)).toEqual([]);
    }
  });
});

describe('importArticle: places', () => {
  it.each<[number, SegmentPlace]>([
    [103, { kind: 'heading' }],
    [105, { kind: 'list-item' }],
    [109, { kind: 'paragraph' }],
    [112, { kind: 'step', step: 1 }],
    [113, { kind: 'note', step: 1 }],
    [117, { kind: 'note', step: 2 }],
    [122, { kind: 'step', step: 3 }],
    [126, { kind: 'step', step: 4 }],
    [127, { kind: 'heading' }],
    [129, { kind: 'note' }],
    [138, { kind: 'table-cell', row: 1, column: 1 }],
    [146, { kind: 'table-cell', row: 2, column: 2 }],
    [180, { kind: 'note' }],
    [187, { kind: 'step', step: 1 }],
    [191, { kind: 'step', step: 2 }],
    [198, { kind: 'list-item' }],
  ])('places segment %i as %o', (id, place) => {
    expect(segment(id).place).toEqual(place);
  });

  it.each([201, 202])('places segment %i as a link to another .md article', (id) => {
    const { place } = segment(id);
    expect(place.kind).toBe('link');
    expect(place.href).toMatch(/\.md$/);
  });
});

describe('importArticle: the entitlement table', () => {
  it('has a header row and two rows, of four columns each', () => {
    expect(kb.table).toHaveLength(3);
    expect(kb.table.map((row) => row.length)).toEqual([4, 4, 4]);
  });

  it('holds exactly the table-cell segments, each in the row and column its place names', () => {
    const inTable = kb.table.flatMap((row, r) => row.flatMap((cell, c) => cell.map((id) => ({ id, r, c }))));
    for (const { id, r, c } of inTable) {
      expect(segment(id).place).toEqual({ kind: 'table-cell', row: r, column: c });
    }
    const tableCells = SEGMENT_IDS.filter((id) => segment(id).place.kind === 'table-cell');
    expect(inTable.map((cell) => cell.id)).toEqual(tableCells);
  });
});

describe('npm run import-article', () => {
  it('writes generated/knowledge-base.json equal to importArticle()', () => {
    const output = join(PROJECT_ROOT, 'generated', 'knowledge-base.json');
    rmSync(output, { force: true });
    const run = spawnSync('npx', ['tsx', 'tools/importArticleCli.ts'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const written: unknown = JSON.parse(readFileSync(output, 'utf8'));
    expect(written).toEqual(importArticle());
  });
});
