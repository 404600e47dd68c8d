import { resolveTemplate, type ResolvedTemplate, type WorkshopTemplate } from '../../domain/templates';

// Templates are data files in assets/templates: a new one needs no code.
const files = import.meta.glob<WorkshopTemplate>('../../../../assets/templates/*.json', {
  eager: true,
  import: 'default',
});

export const TEMPLATES: readonly WorkshopTemplate[] = Object.values(files).sort((a, b) => a.order - b.order);

export const DEFAULT_TEMPLATE_ID = TEMPLATES[0]?.id ?? '';

export function templateFor(id: string, language: string): ResolvedTemplate {
  const template = TEMPLATES.find((t) => t.id === id) ?? TEMPLATES[0]!;
  return resolveTemplate(template, language === 'en' ? 'en' : 'de');
}
