import type { Core } from '@strapi/strapi';

import { insightsConfig, type CommendationsConfig } from '../config';
import { isRecord } from '../utils';

type Where = Record<string, unknown>;

/** The award forms, as the award schema's enumeration lists them (the one list the API and the admin use). */
export const formsOf = (strapi: Core.Strapi): string[] => {
  const { award } = insightsConfig(strapi).commendations;
  const attributes: Record<string, unknown> = strapi.getModel(award.uid).attributes;
  const attribute = attributes[award.form];
  const values: unknown = isRecord(attribute) ? attribute.enum : undefined;
  return Array.isArray(values)
    ? values.filter((value): value is string => typeof value === 'string')
    : [];
};

/**
 * Where an award names a unit or a person: defined once, read by the commendations of a unit (what relates an
 * award to it) and by the delete guard (what may not be deleted while an award names it).
 */
export const awardReferences = ({ award }: CommendationsConfig) => ({
  issuedBy: (units: string[]): Where => ({ [award.issuer]: { documentId: { $in: units } } }),
  presentedBy: (people: string[]): Where => ({
    [award.presenter]: { documentId: { $in: people } },
  }),
  toUnits: (units: string[]): Where => ({
    [award.recipients]: { [award.recipientUnit]: { documentId: { $in: units } } },
  }),
  toPeople: (people: string[]): Where => ({
    [award.recipients]: { [award.recipientPerson]: { documentId: { $in: people } } },
  }),
});

/** Per referenced type, the award conditions that name one of its documents. */
export const referencesTo = (
  config: CommendationsConfig
): Record<string, (documentId: string) => Where[]> => {
  const refs = awardReferences(config);
  return {
    [config.unit.uid]: (documentId) => [refs.issuedBy([documentId]), refs.toUnits([documentId])],
    [config.person.uid]: (documentId) => [
      refs.presentedBy([documentId]),
      refs.toPeople([documentId]),
    ],
  };
};
