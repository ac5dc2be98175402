/** Naming and addressing directory records in the web app. */
import type { EntityType } from '../../domain/directory';

const SEGMENT: Record<EntityType, string> = { organisation: 'organisations', person: 'people', project: 'projects' };

/** `/c/<slug>/directory/organisations/<id>`: profiles live inside a community (its notes show there). */
export function recordPath(slug: string, type: EntityType, id: string): string {
  return `/c/${slug}/directory/${SEGMENT[type]}/${id}`;
}

export function directoryPath(slug: string, search = ''): string {
  return `/c/${slug}/directory${search ? `?${search}` : ''}`;
}

/**
 * The name to lead with and the one to show beside it: Chinese first in Chinese, the English
 * name first in English (falling back to Chinese when a record has none).
 */
export function recordNames(nameZh: string, nameEn: string | null | undefined, lang: string): { primary: string; secondary: string | null } {
  const en = nameEn?.trim() || null;
  if (lang === 'en' && en) return { primary: en, secondary: nameZh };
  return { primary: nameZh, secondary: en };
}

export function recordName(nameZh: string, nameEn: string | null | undefined, lang: string): string {
  return recordNames(nameZh, nameEn, lang).primary;
}
