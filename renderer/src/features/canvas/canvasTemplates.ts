import { validateCanvasTemplate, type CanvasTemplate, type NumberLocale } from '../../domain/canvas';

// Canvas templates are data files in assets/canvases: a new canvas needs no code.
const files = import.meta.glob<unknown>('../../../../assets/canvases/*.json', {
  eager: true,
  import: 'default',
});

/** The valid templates, default first; a broken file is left out (and reported) instead of breaking the app. */
export const CANVAS_TEMPLATES: readonly CanvasTemplate[] = Object.entries(files)
  .filter(([path, template]) => {
    const problems = validateCanvasTemplate(template);
    if (problems.length > 0) console.warn(`Canvas template ${path} is invalid: ${problems.join(', ')}`);
    return problems.length === 0;
  })
  .map(([, template]) => template as CanvasTemplate)
  .sort((a, b) => Number(b.default ?? false) - Number(a.default ?? false) || a.order - b.order);

export const DEFAULT_CANVAS_TEMPLATE: CanvasTemplate = CANVAS_TEMPLATES[0]!;

/** The template of an idea; an unknown id (a template removed since) falls back to the default. */
export function canvasTemplateFor(id: string): CanvasTemplate {
  return CANVAS_TEMPLATES.find((t) => t.id === id) ?? DEFAULT_CANVAS_TEMPLATE;
}

export function uiLocale(language: string | undefined): NumberLocale {
  return language?.startsWith('en') ? 'en' : 'de';
}
