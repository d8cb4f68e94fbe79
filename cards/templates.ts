/** The card templates, one JSON file per kind, loaded once. */
import answer from './templates/answer.json';
import type { CardKind } from './cardData';
import clarify from './templates/clarify.json';
import entitlement from './templates/entitlement.json';
import fallback from './templates/fallback.json';
import feedback from './templates/feedback.json';
import question from './templates/question.json';
import ticket from './templates/ticket.json';
import triage from './templates/triage.json';
import welcome from './templates/welcome.json';

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
