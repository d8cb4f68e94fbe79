/**
 * The partner facts a question names, from content/nlu/entities.json, in all four languages: membership,
 * competency kind, product kind, CSP, role and contract history; and words that only look like synonyms.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/nlu/entities';

describe('membership', () => {
  it.each([
    ['we are a Gold partner', 'gold'],
    ['somos parceiro ouro', 'gold'],
    ['у нас золотая компетенция', 'gold'],
    ['у нас голд', 'gold'],
    ['nous avons la compétence or', 'gold'],
    ['nous sommes partenaire OR depuis 2019', 'gold'],
    ['our Silver competency', 'silver'],
    ['somos parceiro prata', 'silver'],
    ['мы серебряный партнер', 'silver'],
    ['nous sommes partenaire argent', 'silver'],
    ['we only have the Microsoft Action Pack', 'action_pack'],
    ['у нас экшн пак', 'action_pack'],
  ])('"%s" names %s', (text, membership) => {
    expect(extractEntities(text).membership).toBe(membership);
  });

  it.each([
    'is it the same for gold or silver?',
    'ouro ou prata?',
    'золото или серебро?',
    'compétence or ou partenaire argent ?',
  ])('"%s" names two memberships, so none', (text) => {
    expect(extractEntities(text).membership).toBeUndefined();
  });
});

describe('competency kind', () => {
  it.each([
    ['we have the Cloud Platform competency', 'cloud'],
    ['облачная компетенция', 'cloud'],
    ['temos competência de nuvem', 'cloud'],
    ['nous avons une compétence cloud', 'cloud'],
    ['our competency is Data Platform', 'other'],
    ['компетенция Data Platform', 'other'],
    ['outra competência', 'other'],
    ['une autre compétence', 'other'],
  ])('"%s" names a %s competency', (text, competency) => {
    expect(extractEntities(text).competency).toBe(competency);
  });
});

describe('product kind', () => {
  it.each([
    ['Azure SQL Database is slow', 'cloud'],
    ['our Azure SQL instance', 'cloud'],
    ['SQL Server 2019 crashes', 'on_premises'],
    ['Windows 10 blue screen', 'on_premises'],
    ['Exchange Online mail flow', 'cloud'],
    ['Exchange Server 2016 mail flow', 'on_premises'],
    ['проблема с облаком', 'cloud'],
    ['локальный сервер', 'on_premises'],
    ['produto na nuvem', 'cloud'],
    ['un produit sur site', 'on_premises'],
  ])('"%s" names a %s product', (text, productKind) => {
    expect(extractEntities(text).productKind).toBe(productKind);
  });
});

describe('CSP, role and contract history', () => {
  it.each([
    ['we are a CSP partner', { csp: 'csp' }],
    ['somos cloud solution provider', { csp: 'csp' }],
    ['мы поставщик облачных решений', { csp: 'csp' }],
    ['nous sommes fournisseur de solutions cloud', { csp: 'csp' }],
    ['I am the global admin', { role: 'global_admin' }],
    ['я администратор партнера', { role: 'mpn_partner_admin' }],
    ['sou administrador global', { role: 'global_admin' }],
    ['je suis agent d’administration', { role: 'admin_agent' }],
    ['we already linked the contract', { contractHistory: 'linked_before' }],
    ['já vinculei o contrato', { contractHistory: 'linked_before' }],
    ['j’ai déjà lié le contrat', { contractHistory: 'linked_before' }],
    ['я уже привязал контракт', { contractHistory: 'linked_before' }],
    ['our contract expired', { contractHistory: 'expired_or_used_up' }],
    ['контракт истек', { contractHistory: 'expired_or_used_up' }],
    ['o contrato venceu', { contractHistory: 'expired_or_used_up' }],
    ['les incidents sont épuisés', { contractHistory: 'expired_or_used_up' }],
  ])('"%s" names %o', (text, facts) => {
    expect(extractEntities(text)).toMatchObject(facts);
  });
});

describe('words that only look like synonyms', () => {
  it.each([
    'the map in the portal is wrong',
    'a golden opportunity',
    'Goldman asked about it',
    'problem with mysql',
    'our postgresql database',
    'nosql store',
    'the sitemap is empty',
    'Or, que faire maintenant ?',
    'tesouro nacional',
  ])('"%s" names nothing', (text) => {
    expect(extractEntities(text)).toEqual({});
  });
});
