/** entitlementOf agrees with the entitlement table as the knowledge base holds it, read cell by cell. */
import { describe, expect, it } from 'vitest';
import { CLOUD_COMPETENCIES, entitlementOf, type CloudSupport, type Entitlement } from '../../src/rules/entitlement';
import { FACT_VALUES, type CompetencyKind, type Membership } from '../../src/rules/facts';
import { english, kb } from './articleSegments';

type Cell = number[];

const [header = [], ...supportRows] = kb.table;

function cellText(cell: Cell | undefined): string[] {
  return (cell ?? []).map(english);
}

/** The row whose first cell starts with `label` (its English text). */
function rowLabelled(label: RegExp): Cell[] {
  const row = supportRows.find((cells) => label.test(cellText(cells[0]).join(' ')));
  if (!row) throw new Error(`no table row labelled ${label}`);
  return row;
}

/** The column whose header names the membership: Action Pack, Silver or Gold. */
function columnOf(membership: Membership): number {
  const name = { action_pack: /action pack/i, silver: /silver/i, gold: /gold/i }[membership];
  const column = header.findIndex((cell) => name.test(cellText(cell).join(' ')));
  if (column < 1) throw new Error(`no column for ${membership}`);
  return column;
}

function incidents(text: string | undefined): number {
  const count = /^(\d+) incidents$/i.exec(text ?? '')?.[1];
  if (!count) throw new Error(`"${text}" is not a number of incidents`);
  return Number(count);
}

/** A Signature Cloud Support cell: empty, or "Cloud Competencies:" / "Other competencies:" each followed by its value. */
function cloudSupportIn(cell: Cell | undefined, competency: CompetencyKind): CloudSupport {
  const texts = cellText(cell);
  if (texts.length === 0) return { kind: 'none' };
  const label = competency === 'cloud' ? /^cloud competencies:$/i : /^other competencies:$/i;
  const value = texts[texts.findIndex((text) => label.test(text)) + 1];
  return /^unlimited$/i.test(value ?? '') ? { kind: 'unlimited' } : { kind: 'incidents', count: incidents(value) };
}

function entitlementInTable(membership: Membership, competency: CompetencyKind): Entitlement {
  const column = columnOf(membership);
  const [productSupport] = cellText(rowLabelled(/^Microsoft Product Support/)[column]);
  return {
    productSupportIncidents: incidents(productSupport),
    signatureCloudSupport: cloudSupportIn(rowLabelled(/^Signature Cloud Support/)[column], competency),
  };
}

const COMBINATIONS = FACT_VALUES.membership.flatMap((m) => FACT_VALUES.competency.map((c) => [m, c] as const));

describe('the entitlement table', () => {
  it('has columns 1..3 for Action Pack, Silver and Gold', () => {
    expect(FACT_VALUES.membership.map(columnOf)).toEqual([1, 2, 3]);
  });

  it.each(COMBINATIONS)('entitlementOf(%s, %s) agrees with the table', (membership, competency) => {
    expect(entitlementOf(membership, competency)).toEqual(entitlementInTable(membership, competency));
  });

  it('lists as many cloud competencies in segment 151 as CLOUD_COMPETENCIES holds', () => {
    const list = english(151).slice(english(151).indexOf(':') + 1);
    expect(
      list
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ).toHaveLength(CLOUD_COMPETENCIES.length);
  });
});
