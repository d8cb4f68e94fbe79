/**
 * Redaction before anything is logged, ticketed or exported: Access IDs and Contract IDs named in any of the
 * four languages, pasted codes, e-mail addresses, GUIDs, bearer tokens and JWTs are masked; ordinary support
 * text (product names, versions, counts, the article's own sentences about IDs) is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { MASKS, redact } from '../../src/privacy/redact';

const CODE = '7QX2-99AB-K3';
/** Too short to pass for a pasted code: only the name in front of it can tell it is an ID. */
const SHORT_CODE = 'AB12CD';

describe('IDs named as such', () => {
  it.each([
    `Access ID: ${CODE}`,
    `access id ${SHORT_CODE}`,
    `AccessID=${SHORT_CODE}`,
    `Access ID «${CODE}»`,
    `Мой идентификатор доступа: ${CODE}`,
    `ид доступа ${SHORT_CODE}`,
    `ID de acesso: ${CODE}`,
    `código de acesso ${SHORT_CODE}`,
    `Mon ID d’accès : ${CODE}`,
    `identifiant d'accès ${SHORT_CODE}`,
  ])('masks the Access ID in "%s"', (text) => {
    const redacted = redact(text);
    expect(redacted).toContain(MASKS.accessId);
    expect(redacted).not.toMatch(/7QX2|AB12CD/);
  });

  it.each([
    'Contract ID: 12345',
    'contract number 98765432',
    'номер контракта: 1234-5678',
    'идентификатор контракта 12345',
    'ID do contrato 1234-5678',
    'número do contrato: AB-1234',
    'ID du contrat : 12345',
    'numéro de contrat 55551234',
  ])('masks the Contract ID in "%s"', (text) => {
    const redacted = redact(text);
    expect(redacted).toContain(MASKS.contractId);
    expect(redacted).not.toMatch(/\d{4}/);
  });

  it.each([
    `my Access ID is ${SHORT_CODE}`,
    `Contract ID is 12345`,
    `meu ID de acesso é ${SHORT_CODE}`,
    `mon ID d’accès est ${SHORT_CODE}`,
    `мой идентификатор доступа — ${SHORT_CODE}`,
    `Access ID (${SHORT_CODE})`,
  ])('masks a named ID joined to its name by a word or a bracket: "%s"', (text) => {
    expect(redact(text)).not.toMatch(/AB12CD|12345/);
  });
});

describe('codes, addresses and secrets wherever they appear', () => {
  it('masks a pasted letter-and-digit code and a long run of digits', () => {
    expect(redact('here it is: 7QX299ABK3')).toBe(`here it is: ${MASKS.code}`);
    expect(redact('our number is 1234567890')).toBe(`our number is ${MASKS.code}`);
  });

  it('masks e-mail addresses, Latin and Cyrillic', () => {
    expect(redact('write to jane.doe+mpn@sub.contoso.co.uk please')).toBe(`write to ${MASKS.email} please`);
    expect(redact('почта иван@пример.рф')).toBe(`почта ${MASKS.email}`);
  });

  it('masks GUIDs in either case', () => {
    expect(redact('tenant 3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(`tenant ${MASKS.guid}`);
    expect(redact('tenant 3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe(`tenant ${MASKS.guid}`);
  });

  it('masks bearer tokens and JWTs', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(redact('Authorization: Bearer abcdefgh12345678')).toBe(`Authorization: Bearer ${MASKS.token}`);
    expect(redact(`Authorization: Bearer ${jwt}`)).toBe(`Authorization: Bearer ${MASKS.token}`);
    expect(redact(`token=${jwt}`)).toBe(`token=${MASKS.token}`);
  });
});

describe('shapes that used to pass unmasked', () => {
  it.each([
    ['a six-digit contract number named as a contract', 'my contract 482915 expired', '482915'],
    ['a six-digit number on its own', 'the number is 482915, thanks', '482915'],
    ['a Russian contract word and six digits', 'договор 482915', '482915'],
    ['digits grouped by spaces', 'contract 12 345 678 please', '345'],
    ['digits grouped by hyphens', 'it is 123-456-789', '456'],
    ['a grouped Contract ID named as such', 'Contract ID: 12 345 678', '345'],
    ['full-width digits', 'ｎｕｍｂｅｒ ４８２９１５７', '４８２９１５７'],
    ['a full-width at sign', 'write to jane＠contoso.com', 'jane'],
    ['a full-width address', 'ｊａｎｅ＠ｃｏｎｔｏｓｏ．ｃｏｍ', 'ｊａｎｅ'],
    ['a full-width Access ID', 'Access ID: ７ＱＸ２－９９ＡＢ－Ｋ３', 'Ｋ３'],
  ])('masks %s', (_name, text, secret) => {
    const redacted = redact(text);
    expect(redacted).not.toContain(secret);
    expect(redacted.normalize('NFKC')).not.toContain(secret.normalize('NFKC'));
  });

  it('leaves text without a secret exactly as it was, full-width letters and ligatures included', () => {
    for (const text of ['ｆｕｌｌ－ｗｉｄｔｈ ｇｏｌｄ', 'ﬁle ２０２４', 'm² and ½ and ①'])
      expect(redact(text)).toBe(text);
  });
});

describe('ordinary text', () => {
  it.each([
    'Access ID will be displayed',
    'your Access ID and Contract ID will be displayed on the page',
    'Access ID is already associated to an account',
    'O ID de acesso será exibido',
    'L’ID d’accès sera affiché',
    'идентификатор доступа будет показан',
    'our contract ID is pending',
    'Windows 10',
    'Windows Server 2019',
    'SQL Server 2016 SP2',
    'Office 365 E3 and Microsoft 365 E5',
    'Dynamics 365',
    '20 incidents',
    'we have 20 incidents left this year',
    'error 0x80070005',
    'Win11 22H2',
    'Gold partner since 2024',
    'we bought it on 2024-03-15 and renewed in March 2025',
    '5 incidents left, 20 used',
    'Windows 10 2004 and Office 2016 2019',
    'build 10.0.19045.2965',
    'about 5 000 users',
    'Silver and Gold competencies, 3 of them',
    'Price: 1 200 USD',
  ])('"%s" is left as it is', (text) => {
    expect(redact(text)).toBe(text);
  });

  it.each([
    'KB5005565 broke the install',
    'the x64-based build',
    'see KB 5005565 and KB#4023057',
    'КБ: KB5005565',
    'my ticket MPN-000123 is still open',
  ])('a public technical code is left as it is: "%s"', (text) => {
    expect(redact(text)).toBe(text);
  });
});
