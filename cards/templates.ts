/** The card templates, one JSON file per kind, loaded once. */
import answer from './answer.json';
import type { CardKind } from './cardData';
import clarify from './clarify.json';
import entitlement from './entitlement.json';
import fallback from './fallback.json';
import feedback from './feedback.json';
import question from './question.json';
import ticket from './ticket.json';
import triage from './triage.json';
import welcome from './welcome.json';

export const TEMPLATES: Readonly<Record<CardKind, object>> = {
  answer,
  entitlement,
  question,
  clarify,
  welcome,
  fallback,
  feedback,
  ticket,
  triage,
};

export const CARD_KINDS = Object.keys(TEMPLATES) as CardKind[];
