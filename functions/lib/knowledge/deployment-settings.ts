import type { Settings } from './schema.ts';

/**
 * The settings the deployment owns (deploy/<stage>.json): mail addresses, CORS origins, caps,
 * retention and the four-eyes rule. They are re-applied on every deploy, even after staff have
 * published, because they are operational decisions, not content. Everything else in the
 * settings (matcher, texts, synonyms, contact persons) belongs to the editors and is never
 * overwritten by a deploy.
 */
export interface DeploymentOwnedSettings {
  contact: Pick<Settings['contact'], 'dpoMailbox' | 'senderAddress'>;
  cors: Settings['cors'];
  escalation: Settings['escalation'];
  unanswered: Settings['unanswered'];
  publishing: Pick<Settings['publishing'], 'fourEyes'>;
}

/** The deployment-owned part of a settings object. */
export function deploymentOwned(settings: Settings): DeploymentOwnedSettings {
  return {
    contact: { dpoMailbox: settings.contact.dpoMailbox, senderAddress: settings.contact.senderAddress },
    cors: { allowedOrigins: [...settings.cors.allowedOrigins] },
    escalation: { ...settings.escalation },
    unanswered: { ...settings.unanswered },
    publishing: { fourEyes: settings.publishing.fourEyes },
  };
}

/** `settings` with the deployment-owned values of `owned`; editor-owned values stay as they are. */
export function withDeploymentOwned(settings: Settings, owned: DeploymentOwnedSettings): Settings {
  return {
    ...settings,
    contact: { ...settings.contact, ...owned.contact },
    cors: { allowedOrigins: [...owned.cors.allowedOrigins] },
    escalation: { ...owned.escalation },
    unanswered: { ...owned.unanswered },
    publishing: { ...settings.publishing, fourEyes: owned.publishing.fourEyes },
  };
}

/** Whether applying `owned` would change `settings` (a deploy without changes bumps no version). */
export function differsFromDeployment(settings: Settings, owned: DeploymentOwnedSettings): boolean {
  return JSON.stringify(deploymentOwned(settings)) !== JSON.stringify(owned);
}

/**
 * Language data that moved from code into the settings and that a knowledge base published
 * before the move lacks: `matcher.instructions` (round 36; until then the patterns were code
 * and held for every knowledge base). A deploy adds the shipped list once, where the published
 * settings have none; a list the editors keep, even an empty one, is theirs and stays.
 */
export function withMovedLanguageData(settings: Settings, shipped: Settings): Settings {
  if (settings.matcher.instructions !== undefined || shipped.matcher.instructions === undefined)
    return settings;
  return { ...settings, matcher: { ...settings.matcher, instructions: [...shipped.matcher.instructions] } };
}
