import { useTranslation } from 'react-i18next';
import { factParts, hasFacts } from '../../domain/noteFacts';
import type { NoteFacts } from '../../domain/types';
import './facts.css';

/** A card's facts in one compact line: "Wohngeldantrag · 12.000 Fälle/Jahr · Medienbrüche". */
export function FactsLine({ facts }: { facts: NoteFacts | null }) {
  const { t, i18n } = useTranslation();
  if (!hasFacts(facts)) return null;
  const parts = factParts(facts, i18n.language).map((part) =>
    part.kind === 'cases' ? t('facts.cases', { count: part.count, cases: part.text }) : part.text,
  );
  return (
    <p className="note-facts">
      <span className="visually-hidden">{t('facts.label')}: </span>
      {parts.join(' · ')}
    </p>
  );
}
